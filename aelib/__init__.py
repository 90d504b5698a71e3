"""aelib: the shared package of the autoencoder course.

Submodules load on first use (``aelib.data``, ``aelib.models``, ...), so ``import aelib`` stays fast.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_SUBMODULES = (
    "checkpoint",
    "data",
    "exercises",
    "judge",
    "latent",
    "measures",
    "models",
    "pca",
    "plots",
    "pretrained",
    "probes",
    "repro",
    "train",
    "validate",
    "widgets",
)
__all__ = [*_SUBMODULES, "__version__"]


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        return importlib.import_module(f"aelib.{name}")
    raise AttributeError(f"module 'aelib' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
