"""Self-checking exercises: each ``check_*`` says right or wrong and why, never the solution.

Feedback comes in English or Korean: ``set_language("ko")`` switches every check to Korean (the Korean
notebooks do it in their set-up cell). One module per notebook, loaded on first use:
``aelib.exercises.manifold`` for 01,
``.encoder`` for 02, ``.latent`` for 03, ``.decoder`` for 04, ``.training`` for 05,
``.generation`` for 06, ``.density`` for 07, ``.vae`` for 08, ``.at_work`` for 09 and ``.likelihood`` for 10.
"""

from __future__ import annotations

import importlib
from typing import Any

from aelib.exercises.feedback import Feedback, language, set_language

_MODULES = ("manifold", "encoder", "latent", "decoder", "training", "generation", "density", "vae", "at_work",
            "likelihood")
__all__ = ["Feedback", "language", "set_language", *_MODULES]


def __getattr__(name: str) -> Any:
    if name in _MODULES:
        return importlib.import_module(f"aelib.exercises.{name}")
    raise AttributeError(f"module 'aelib.exercises' has no attribute {name!r}")
