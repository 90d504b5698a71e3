"""The answer a check gives: right, wrong with a reason, or not answered yet; in English or in Korean.

Every sentence a check shows exists in both languages: ``right``, ``wrong`` and ``unanswered`` take the
English text and the Korean text (``Text`` = (English, 한국어)). ``set_language("ko")`` makes every
Feedback show its Korean text; the Korean notebooks call it in their set-up cell.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

import torch
from torch import nn

UNANSWERED = (None, Ellipsis)
LANGUAGES = ("en", "ko")
MARKS = {"en": {"right": "✅ Right", "wrong": "❌ Not yet", "unanswered": "✏️ Your turn"},
         "ko": {"right": "✅ 맞았습니다", "wrong": "❌ 아직 아닙니다", "unanswered": "✏️ 여러분 차례입니다"}}
T = TypeVar("T")
Text = tuple[str, str]  # (English, 한국어)
_language = "en"


def set_language(code: str) -> None:
    """Show every check's feedback in ``code``: "en" (English, the default) or "ko" (한국어)."""
    global _language
    if code not in LANGUAGES:
        raise ValueError(f"the feedback language must be one of {LANGUAGES}, not {code!r}")
    _language = code


def language() -> str:
    """The language feedback is shown in: "en" or "ko"."""
    return _language


@dataclass(frozen=True)
class Feedback:
    """The verdict on one answer, in both languages. Shown as one line; ``bool(feedback)`` is whether it was right."""

    status: str  # "right", "wrong" or "unanswered"
    en: str
    ko: str

    @property
    def message(self) -> str:
        """The reason, in the language chosen with ``set_language``."""
        return self.ko if _language == "ko" else self.en

    def __bool__(self) -> bool:
        return self.status == "right"

    def __repr__(self) -> str:
        return f"{MARKS[_language][self.status]}: {self.message}"

    _repr_pretty_ = lambda self, p, cycle: p.text(repr(self))  # noqa: E731  (IPython's pretty printer)


def right(en: str, ko: str) -> Feedback:
    return Feedback("right", en, ko)


def wrong(en: str, ko: str) -> Feedback:
    return Feedback("wrong", en, ko)


def unanswered(what: Text) -> Feedback:
    return Feedback("unanswered", f"replace the `...` with {what[0]}, then run the cell again.",
                    f"`...` 대신 답을 쓰고 셀을 다시 실행하세요 (답의 형태: {what[1]}).")


def is_unanswered(answer: Any) -> bool:
    return any(answer is u for u in UNANSWERED)


def read(answer: Any, what: Text, convert: Callable[[Any], T | Feedback]) -> T | Feedback:
    """The learner's answer converted by ``convert``, or the Feedback to give instead (unanswered, wrong type)."""
    if is_unanswered(answer):
        return unanswered(what)
    return convert(answer)


def as_whole_number(answer: Any) -> int | Feedback:
    """The answer as an int, or a Feedback saying why it is not one."""
    if isinstance(answer, bool):
        return wrong(f"expected a whole number, but got {answer!r} (a bool).",
                     f"정수가 와야 하는데 받은 값은 {answer!r}(bool)입니다.")
    if isinstance(answer, torch.Tensor) and answer.numel() == 1:
        answer = answer.item()
    if isinstance(answer, float) and math.isfinite(answer) and answer.is_integer():
        answer = int(answer)
    if not isinstance(answer, int):
        return wrong(f"expected a whole number, but got {answer!r} ({type(answer).__name__}).",
                     f"정수가 와야 하는데 받은 값은 {answer!r}({type(answer).__name__})입니다.")
    return answer


def as_number(answer: Any) -> float | Feedback:
    """The answer as a finite float, or a Feedback saying why it is not one."""
    if isinstance(answer, torch.Tensor) and answer.numel() == 1:
        answer = answer.item()
    if isinstance(answer, bool) or not isinstance(answer, int | float):
        return wrong(f"expected a number, but got {answer!r} ({type(answer).__name__}).",
                     f"수가 와야 하는데 받은 값은 {answer!r}({type(answer).__name__})입니다.")
    if not math.isfinite(answer):
        return wrong(f"expected a finite number, but got {answer}.",
                     f"유한한 수가 와야 하는데 받은 값은 {answer}입니다.")
    return float(answer)


def as_shape(answer: Any) -> tuple[int, ...] | Feedback:
    """The answer as a shape tuple, or a Feedback saying why it is not one."""
    if not isinstance(answer, tuple | list | torch.Size) or not all(
        isinstance(v, int) and not isinstance(v, bool) for v in answer
    ):
        return wrong(f"answer with a tuple of whole numbers, such as (3, 4), not {answer!r}.",
                     f"{answer!r} 말고 (3, 4)처럼 정수로 된 튜플로 답하세요.")
    return tuple(answer)


def linear_widths(module: Any) -> list[tuple[int, int]] | Feedback:
    """(in, out) of every nn.Linear in a learner's module, or a Feedback if it is no module."""
    if not isinstance(module, nn.Module):
        return wrong(f"expected a torch nn.Module such as nn.Sequential(...), but got a {type(module).__name__}.",
                     f"nn.Sequential(...) 같은 torch nn.Module이 와야 하는데 받은 것은 {type(module).__name__}입니다.")
    return [(m.in_features, m.out_features) for m in module.modules() if isinstance(m, nn.Linear)]


def as_tensor_of_shape(answer: Any, shape: tuple[int, ...], what: str) -> torch.Tensor | Feedback:
    """The answer as a float tensor of ``shape``, or a Feedback naming what differs (``what``: a variable name)."""
    if not isinstance(answer, torch.Tensor):
        return wrong(f"{what} should be a torch.Tensor, but it is a {type(answer).__name__}.",
                     f"{what}: torch.Tensor여야 하는데 {type(answer).__name__}입니다.")
    if tuple(answer.shape) != shape:
        return wrong(f"{what} should have shape {list(shape)}, but it has shape {list(answer.shape)}.",
                     f"{what}: 모양(shape)이 {list(shape)}이어야 하는데 {list(answer.shape)}입니다.")
    if not torch.is_floating_point(answer):
        return wrong(f"{what} should hold floats, but its dtype is {answer.dtype}.",
                     f"{what}: 실수(float)가 들어 있어야 하는데 dtype이 {answer.dtype}입니다.")
    return answer


def verdict(
    value: Any,
    expected: Any,
    *,
    right_because: Text,
    mistakes: Mapping[Any, Text] | None = None,
    otherwise: Text,
    tolerance: float | None = None,
) -> Feedback:
    """Compare a read answer with ``expected``; each known wrong answer gets its own reason.

    ``mistakes`` maps a wrong answer to the (English, Korean) sentences that explain the misconception
    behind it. Numbers match within ``tolerance`` (absolute) when it is given, anything else by equality.
    """

    def same(a: Any, b: Any) -> bool:
        if tolerance is not None:
            return abs(a - b) <= tolerance
        return a == b

    if same(value, expected):
        return right(*right_because)
    for mistake, because in (mistakes or {}).items():
        if same(value, mistake):
            return wrong(*because)
    return wrong(*otherwise)


def choose(
    answer: Any, options: Mapping[str, Feedback], *, what: Text, aliases: Mapping[str, str] | None = None
) -> Feedback:
    """The Feedback for one of the named ``options`` (matched without case or surrounding spaces).

    ``what`` describes a valid answer, in both languages, for the unanswered and unknown cases;
    ``aliases`` maps other spellings (e.g. the Korean term) to an option.
    """
    if is_unanswered(answer):
        return unanswered(what)
    key = str(answer).strip().lower()
    key = (aliases or {}).get(key, key)
    if key in options:
        return options[key]
    return wrong(f"answer {what[0]}, not {answer!r}.", f"{answer!r}은(는) 보기에 없습니다 (답의 형태: {what[1]}).")
