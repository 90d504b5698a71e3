"""Input checks shared by every public aelib function: clear errors instead of silent nonsense."""

from __future__ import annotations

import math
from typing import Any

import torch

SIDE = 28  # MNIST images are SIDE x SIDE pixels
PIXELS = SIDE * SIDE  # 784 numbers per flattened image


def _describe(value: Any) -> str:
    if isinstance(value, torch.Tensor):
        return f"a tensor of shape {list(value.shape)} and dtype {value.dtype}"
    shape = getattr(value, "shape", None)
    if shape is not None:
        return f"a {type(value).__module__}.{type(value).__name__} of shape {list(shape)}"
    return f"a {type(value).__name__}"


def as_tensor(value: Any, name: str) -> torch.Tensor:
    """Return ``value`` as a tensor; numpy arrays are converted, anything else is a TypeError."""
    if isinstance(value, torch.Tensor):
        return value
    if type(value).__module__ == "numpy" and hasattr(value, "shape"):
        return torch.from_numpy(value)
    raise TypeError(f"{name} must be a torch.Tensor (or a numpy array), but got {_describe(value)}.")


def check_matrix(value: Any, name: str, width: int | None, *, finite: bool = True) -> torch.Tensor:
    """Check a float batch of shape [N, width] (any width >= 1 when ``width`` is None); return it as a tensor."""
    x = as_tensor(value, name)
    if not torch.is_floating_point(x):
        raise TypeError(
            f"{name} must hold floating-point numbers, but got {_describe(x)}. "
            f"Convert it with .float() (and divide uint8 pixels by 255)."
        )
    if width is None:
        if x.dim() != 2 or x.shape[1] == 0:
            hint = ""
            if x.dim() == 1:
                hint = (f" For one row, add a batch dimension: {name}.unsqueeze(0); "
                        f"for N single numbers, make a column: {name}.reshape(-1, 1).")
            elif x.dim() > 2:
                hint = f" Flatten each item into one row: {name}.reshape(len({name}), -1)."
            raise ValueError(f"{name} must be a 2-D batch of shape [N, m] (N rows of m >= 1 numbers), "
                             f"but got {_describe(x)}.{hint}")
    elif x.dim() != 2 or x.shape[1] != width:
        hint = ""
        if x.dim() >= 2 and math.prod(x.shape[-2:]) == width:
            hint = f" It looks like unflattened images: use {name}.reshape(-1, {width})."
        elif x.dim() == 1 and x.shape[0] == width:
            hint = f" For a single item, add a batch dimension: {name}.unsqueeze(0)."
        raise ValueError(f"{name} must have shape [N, {width}], but got {_describe(x)}.{hint}")
    if x.shape[0] == 0:
        raise ValueError(f"{name} is empty (shape {list(x.shape)}): give at least one row.")
    if finite and not bool(torch.isfinite(x).all()):
        bad = int((~torch.isfinite(x)).sum())
        raise ValueError(f"{name} contains {bad} NaN or infinite value(s); every entry must be finite.")
    return x


def check_images(value: Any, name: str = "images", pixels: int | None = PIXELS) -> torch.Tensor:
    """Check a batch of flattened images: float, shape [N, pixels], finite, values in [0, 1].

    ``pixels=None`` accepts any width (the width is then learned from the images).
    """
    if pixels is None:
        x = as_tensor(value, name)
        pixels = x.shape[1] if x.dim() == 2 and x.shape[1] > 0 else PIXELS
    x = check_matrix(value, name, pixels)
    lo, hi = float(x.min()), float(x.max())
    if lo < 0.0 or hi > 1.0:
        hint = " Did you forget to divide uint8 pixels by 255?" if hi > 1.0 else ""
        raise ValueError(f"{name} must have pixel values in [0, 1], but they range over [{lo:g}, {hi:g}].{hint}")
    return x


def check_int(value: Any, name: str, *, low: int = 1, high: int | None = None) -> int:
    """Check an integer in [low, high] (high inclusive, when given)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, but got {value!r} ({type(value).__name__}).")
    if value < low or (high is not None and value > high):
        span = f">= {low}" if high is None else f"between {low} and {high}"
        raise ValueError(f"{name} must be {span}, but got {value}.")
    return value


def check_positive_float(value: Any, name: str) -> float:
    """Check a finite number > 0."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{name} must be a number, but got {value!r} ({type(value).__name__}).")
    if not math.isfinite(value) or value <= 0:
        raise ValueError(f"{name} must be a finite number > 0, but got {value}.")
    return float(value)


def check_choice(value: Any, name: str, choices: tuple[str, ...]) -> str:
    """Check that ``value`` is one of ``choices``."""
    if value not in choices:
        raise ValueError(f"{name} must be one of {', '.join(map(repr, choices))}, but got {value!r}.")
    return value
