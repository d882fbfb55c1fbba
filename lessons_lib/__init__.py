"""Helper library of the course "When a big holder sells US Treasuries".

Modules by concept: :mod:`~lessons_lib.bonds` (cash flows, price, yield, duration),
:mod:`~lessons_lib.holdings` (reading holdings data: price effect or trading),
:mod:`~lessons_lib.validate` (argument checks and the unit convention),
:mod:`~lessons_lib.data` (the shipped datasets and their sources),
:mod:`~lessons_lib.course` (the list of chapters),
:mod:`~lessons_lib.checks` and :mod:`~lessons_lib.exercises` (self-checks),
:mod:`~lessons_lib.explorers` (interactive explorers), :mod:`~lessons_lib.figures` and
:mod:`~lessons_lib.style` (the figures and their style).
"""

__version__ = "0.1.0"
