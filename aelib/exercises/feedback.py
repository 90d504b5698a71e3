"""The answer a check gives: right, wrong with a reason, or not answered yet."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

import torch
from torch import nn

UNANSWERED = (None, Ellipsis)
T = TypeVar("T")


@dataclass(frozen=True)
class Feedback:
    """The verdict on one answer. Shown as one line; ``bool(feedback)`` is whether it was right."""

    status: str  # "right", "wrong" or "unanswered"
    message: str

    def __bool__(self) -> bool:
        return self.status == "right"

    def __repr__(self) -> str:
        mark = {"right": "✅ Right", "wrong": "❌ Not yet", "unanswered": "✏️ Your turn"}[self.status]
        return f"{mark}: {self.message}"

    _repr_pretty_ = lambda self, p, cycle: p.text(repr(self))  # noqa: E731  (IPython's pretty printer)


def right(message: str) -> Feedback:
    return Feedback("right", message)


def wrong(message: str) -> Feedback:
    return Feedback("wrong", message)


def unanswered(what: str) -> Feedback:
    return Feedback("unanswered", f"replace the `...` with {what}, then run the cell again.")


def is_unanswered(answer: Any) -> bool:
    return any(answer is u for u in UNANSWERED)


def read(answer: Any, what: str, convert: Callable[[Any], T | Feedback]) -> T | Feedback:
    """The learner's answer converted by ``convert``, or the Feedback to give instead (unanswered, wrong type)."""
    if is_unanswered(answer):
        return unanswered(what)
    return convert(answer)


def as_whole_number(answer: Any) -> int | Feedback:
    """The answer as an int, or a Feedback saying why it is not one."""
    if isinstance(answer, bool):
        return wrong(f"expected a whole number, but got {answer!r} (a bool).")
    if isinstance(answer, torch.Tensor) and answer.numel() == 1:
        answer = answer.item()
    if isinstance(answer, float) and math.isfinite(answer) and answer.is_integer():
        answer = int(answer)
    if not isinstance(answer, int):
        return wrong(f"expected a whole number, but got {answer!r} ({type(answer).__name__}).")
    return answer


def as_number(answer: Any) -> float | Feedback:
    """The answer as a finite float, or a Feedback saying why it is not one."""
    if isinstance(answer, torch.Tensor) and answer.numel() == 1:
        answer = answer.item()
    if isinstance(answer, bool) or not isinstance(answer, int | float):
        return wrong(f"expected a number, but got {answer!r} ({type(answer).__name__}).")
    if not math.isfinite(answer):
        return wrong(f"expected a finite number, but got {answer}.")
    return float(answer)


def as_shape(answer: Any) -> tuple[int, ...] | Feedback:
    """The answer as a shape tuple, or a Feedback saying why it is not one."""
    if not isinstance(answer, tuple | list | torch.Size) or not all(
        isinstance(v, int) and not isinstance(v, bool) for v in answer
    ):
        return wrong(f"answer with a tuple of whole numbers, such as (3, 4), not {answer!r}.")
    return tuple(answer)


def linear_widths(module: Any) -> list[tuple[int, int]] | Feedback:
    """(in, out) of every nn.Linear in a learner's module, or a Feedback if it is no module."""
    if not isinstance(module, nn.Module):
        return wrong(f"expected a torch nn.Module such as nn.Sequential(...), but got a {type(module).__name__}.")
    return [(m.in_features, m.out_features) for m in module.modules() if isinstance(m, nn.Linear)]


def as_tensor_of_shape(answer: Any, shape: tuple[int, ...], what: str) -> torch.Tensor | Feedback:
    """The answer as a float tensor of ``shape``, or a Feedback naming what differs."""
    if not isinstance(answer, torch.Tensor):
        return wrong(f"{what} should be a torch.Tensor, but it is a {type(answer).__name__}.")
    if tuple(answer.shape) != shape:
        return wrong(f"{what} should have shape {list(shape)}, but it has shape {list(answer.shape)}.")
    if not torch.is_floating_point(answer):
        return wrong(f"{what} should hold floats, but its dtype is {answer.dtype}.")
    return answer


def verdict(
    value: Any,
    expected: Any,
    *,
    right_because: str,
    mistakes: Mapping[Any, str] | None = None,
    otherwise: str,
    tolerance: float | None = None,
) -> Feedback:
    """Compare a read answer with ``expected``; each known wrong answer gets its own reason.

    ``mistakes`` maps a wrong answer to the sentence that explains the misconception behind it.
    Numbers match within ``tolerance`` (absolute) when it is given, anything else by equality.
    """

    def same(a: Any, b: Any) -> bool:
        if tolerance is not None:
            return abs(a - b) <= tolerance
        return a == b

    if same(value, expected):
        return right(right_because)
    for mistake, because in (mistakes or {}).items():
        if same(value, mistake):
            return wrong(because)
    return wrong(otherwise)


def choose(
    answer: Any, options: Mapping[str, Feedback], *, what: str, aliases: Mapping[str, str] | None = None
) -> Feedback:
    """The Feedback for one of the named ``options`` (matched without case or surrounding spaces).

    ``what`` describes a valid answer for the unanswered and unknown cases; ``aliases`` maps other
    spellings (e.g. the Korean term) to an option.
    """
    if is_unanswered(answer):
        return unanswered(what)
    key = str(answer).strip().lower()
    key = (aliases or {}).get(key, key)
    if key in options:
        return options[key]
    return wrong(f"answer {what}, not {answer!r}.")
