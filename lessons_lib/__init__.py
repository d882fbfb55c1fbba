"""Helper library of the course "When a big holder sells US Treasuries".

Modules by concept: :mod:`~lessons_lib.bonds` (cash flows, price, yield, duration),
:mod:`~lessons_lib.holdings` (reading holdings data: price effect or trading),
:mod:`~lessons_lib.data` (the shipped datasets and their sources),
:mod:`~lessons_lib.checks` and :mod:`~lessons_lib.exercises` (self-checks),
:mod:`~lessons_lib.widgets` (interactive explorers), :mod:`~lessons_lib.style`
(the figure style).
"""

__version__ = "0.1.0"
