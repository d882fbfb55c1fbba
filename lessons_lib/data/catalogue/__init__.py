"""The catalogue of datasets: one module per domain, each spec beside its builder.

Importing this package imports every module in it, which registers its datasets; a new
module needs no registration anywhere else.
"""

from __future__ import annotations

import importlib
import pkgutil

for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")
