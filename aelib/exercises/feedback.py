"""The answer a check gives: right, wrong with a reason, or not answered yet; in English or in Korean.

Every sentence a check shows exists in both languages: ``right``, ``wrong`` and ``unanswered`` take the
English text and the Korean text (``Text`` = (English, 한국어)). ``set_language("ko")`` makes every
Feedback show its Korean text; the Korean notebooks call it in their set-up cell.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

import torch
from torch import nn

UNANSWERED = (None, Ellipsis)
LANGUAGES = ("en", "ko")
MARKS = {"en": {"right": "✅ Right", "wrong": "❌ Not yet", "unanswered": "✏️ Your turn", "noted": "📝 Noted"},
         "ko": {"right": "✅ 맞았습니다", "wrong": "❌ 다시 생각해 보세요", "unanswered": "✏️ 직접 풀어 보세요",
                "noted": "📝 예측을 적었습니다"}}
T = TypeVar("T")
# The Korean forms the Korean notebooks print beside each option (`"same"`(같다)), accepted as that option
# (compared without spaces); tests/test_feedback_language.py checks every one against its notebook.
KOREAN_FORMS = {
    "약 0.5": "about 0.5",
    "아니요": "no",
    "예": "yes",
    "비슷하게 정리된다": "about as well",
    "0.5보다 높다": "above 0.5",
    "우연보다는 높다": "above chance",
    "거의 언제나 같은 숫자다": "almost always",
    "나쁘다": "as bad",
    "똑같이 회색": "as grey",
    "회색이 비슷하다": "as grey",
    "0.5보다 낮다": "below 0.5",
    "더 낮음": "better",
    "더 잘 정리된다": "better",
    "좋아진다": "better",
    "흐릿한 출력": "blur",
    "흐릿한 획": "blur",
    "둘 다": "both",
    "레이블을 뒤섞었을 때보다 나을 것이 없다": "chance",
    "알아볼 수 있는 숫자": "digit",
    "어느 쪽이든": "either",
    "내려간다": "falls",
    "더 회색": "greyer",
    "회색이 더 많다": "greyer",
    "찍는 수준이다": "guessing",
    "그 중간이다": "in between",
    "중간이다": "in between",
    "덜 회색": "less grey",
    "회색이 더 적다": "less grey",
    "그럭저럭이다": "modest",
    "훨씬 나쁘다": "much worse",
    "거의 완벽하다": "near perfect",
    "둘 다 못 이김": "neither",
    "찍는 것보다 나을 게 없다": "no better than guessing",
    "달라지지 않는다": "no change",
    "잡음": "noise",
    "텅 빈 이미지나 무작위 픽셀": "noise",
    "완벽하다": "perfect",
    "재매개변수화": "reparameterised",
    "올라간다": "rises",
    "같다": "same",
    "같음": "same",
    "점수 함수": "score function",
    "스코어 함수": "score function",
    "선명한 추측": "sharp",
    "선명한 획": "sharp",
    "조금 나쁘다": "slightly worse",
    "조금 더 나쁘다": "slightly worse",
    "이웃한 숫자들의 중간쯤 되는 흐릿한 얼룩": "smudge",
    "그대로다": "stays",
    "평균 숫자": "the average digit",
    "회색으로 시작한 경우": "the grey start",
    "똑같은 흐릿한 이미지의 되풀이": "the same blur",
    "거꾸로 뒤집혔다": "upside down",
    "순위가 뒤집혔다": "upside down",
    "다양한 숫자": "varied digits",
    "나빠진다": "worse",
    "더 높음": "worse",
    "덜 정리된다": "worse",
}
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
    """The verdict on one answer, in both languages. Shown as one line; ``bool(feedback)`` is whether it was
    accepted: right, or a prediction noted before the run that settles it."""

    status: str  # "right", "wrong", "unanswered" or "noted" (a prediction, judged after the run)
    en: str
    ko: str
    option: str | None = field(default=None, compare=False)  # the option a multiple-choice answer named

    @property
    def message(self) -> str:
        """The reason, in the language chosen with ``set_language``."""
        return self.ko if _language == "ko" else self.en

    def __bool__(self) -> bool:
        return self.status in ("right", "noted")

    def __repr__(self) -> str:
        return f"{MARKS[_language][self.status]}: {self.message}"

    _repr_pretty_ = lambda self, p, cycle: p.text(repr(self))  # noqa: E731  (IPython's pretty printer)


_DIGIT_HAS_FINAL = {"0": True, "1": True, "2": False, "3": True, "4": False, "5": False, "6": True, "7": True,
                    "8": True, "9": False}  # 영 일 이 삼 사 오 육 칠 팔 구: does the Korean reading end in a consonant?


def topic(text: str) -> str:
    """``text`` with the Korean topic particle that fits how it is read: 은 after a final consonant, 는 after a
    vowel (numbers read digit by digit at the end); 은(는) where the reading is not known (e.g. English words)."""
    last = next((ch for ch in reversed(text) if ch.isalnum()), "")
    if "\uac00" <= last <= "\ud7a3":
        return text + ("은" if (ord(last) - 0xAC00) % 28 else "는")
    if last in _DIGIT_HAS_FINAL:
        return text + ("은" if _DIGIT_HAS_FINAL[last] else "는")
    return text + "은(는)"


def right(en: str, ko: str) -> Feedback:
    return Feedback("right", en, ko)


def wrong(en: str, ko: str) -> Feedback:
    return Feedback("wrong", en, ko)


def unanswered(what: Text) -> Feedback:
    return Feedback("unanswered", f"replace the `...` with {what[0]}, then run the cell again.",
                    f"`...` 대신 답을 쓰고 셀을 다시 실행하세요(답의 형태: {what[1]}).")


def is_unanswered(answer: Any) -> bool:
    return any(answer is u for u in UNANSWERED)


def call_learner(function: Callable[..., Any], arguments: tuple, shown: str) -> Any:
    """``function(*arguments)``, or the Feedback saying how a learner's function failed (``shown``: the call as
    the learner would write it, quoted in the message)."""
    try:
        return function(*arguments)
    except Exception as exc:  # a learner's function can fail in any way; say how
        return wrong(f"calling {shown} failed: {type(exc).__name__}: {exc}",
                     f"{shown}를 호출하다가 오류가 났습니다(파이썬의 오류 메시지: `{type(exc).__name__}: {exc}`)")


def read(answer: Any, what: Text, convert: Callable[[Any], T | Feedback]) -> T | Feedback:
    """The learner's answer converted by ``convert``, or the Feedback to give instead (unanswered, wrong type)."""
    if is_unanswered(answer):
        return unanswered(what)
    return convert(answer)


_KOREAN_BY_SPACELESS = {korean.replace(" ", ""): option for korean, option in KOREAN_FORMS.items()}


def option_key(answer: Any, options: Mapping[str, Any] | tuple[str, ...], aliases: Mapping[str, str] | None) -> str:
    """The option a learner's answer names: case and spaces ignored, then ``aliases``, then the Korean forms."""
    key = " ".join(str(answer).split()).lower()
    key = (aliases or {}).get(key, key)
    if key not in options:
        key = _KOREAN_BY_SPACELESS.get(key.replace(" ", ""), key)
    return key


def read_prediction(
    prediction: Any, options: tuple[str, ...], aliases: Mapping[str, str] | None = None, name: str = "prediction"
) -> str | Feedback:
    """The prediction a learner wrote before running a cell, as one of ``options``, or the Feedback to give instead.

    Case and surrounding spaces are ignored; ``aliases`` maps other spellings (Korean ones too) to an option;
    ``name`` is the variable the notebook asks the learner to fill in.
    """
    listed = ", ".join(f'"{o}"' for o in options[:-1]) + f' or "{options[-1]}"'
    listed_ko = ", ".join(f'"{o}"' for o in options)
    if is_unanswered(prediction):
        return Feedback("unanswered", f"first write your prediction in `{name} = ...`, before you run the "
                        f"experiment ({listed}); then run the experiment, and this cell again with its result.",
                        f"먼저 실험을 실행하기 전에 `{name} = ...`에 예측({listed_ko} 중 하나)을 적으세요. "
                        "그다음 실험을 실행하고, 그 결과로 이 셀을 다시 실행하세요.")
    key = option_key(prediction, options, aliases)
    if key not in options:
        return wrong(f"predict with {listed}, not {prediction!r}.",
                     f"{listed_ko} 가운데 하나로 예측하세요({topic(repr(prediction))} 아닙니다).")
    return key


def with_prediction(feedback: Feedback, predicted_right: bool) -> Feedback:
    """A right answer's feedback, prefixed with whether the prediction written before the run was right too."""
    if feedback.status != "right":
        return feedback
    if predicted_right:
        return right(f"and your prediction was right. {feedback.en}", f"예측도 맞았습니다. {feedback.ko}")
    return right(f"the number is right; your prediction was not. {feedback.en}",
                 f"수는 맞았지만 예측은 빗나갔습니다. {feedback.ko}")


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


def layers_in_order(module: nn.Module) -> list[nn.Module]:
    """The innermost layers of ``module`` in the order they are listed; a Sequential's repeats are kept
    (``children()`` would list a module used twice only once)."""
    parts = list(module) if isinstance(module, nn.Sequential) else list(module.children())
    if not parts:
        return [module]
    return [layer for part in parts for layer in layers_in_order(part)]


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
    key = option_key(answer, options, aliases)
    if key in options:
        return replace(options[key], option=key)
    return wrong(f"answer {what[0]}, not {answer!r}.", f"{topic(repr(answer))} 보기에 없습니다 (답의 형태: {what[1]}).")


def predict_first(judge: Callable[[Any], Feedback]) -> Callable[[Any], Feedback]:
    """A Predict-first check in two steps, so that no verdict comes before the evidence. Called in the cell
    where the learner writes a prediction, it only notes it (or says how to write one); its ``after_the_run``,
    called in a cell after the experiment, gives ``judge``'s verdict and its reason."""

    @functools.wraps(judge)
    def note(prediction: Any) -> Feedback:
        verdict = judge(prediction)
        if verdict.option is None:  # unanswered, or not one of the options: say so now
            return verdict
        return Feedback("noted", "your prediction is one of the options. Now run the experiment below; the check after "
                        "it says whether the run agrees with your prediction, and why.",
                        "이제 아래 실험을 실행하세요. 실험 뒤의 확인 셀이 결과가 예측과 맞는지, 왜 그런지 "
                        "알려 줍니다.", option=verdict.option)

    def after_the_run(prediction: Any) -> Feedback:
        if is_unanswered(prediction):
            return Feedback("unanswered", "write your prediction in the Predict-first cell above (`prediction = ...`) "
                            "and run it, then run this cell again.",
                            "위의 '먼저 예측하기' 셀에 예측(`prediction = ...`)을 적어 실행한 다음, 이 셀을 다시 "
                            "실행하세요.")
        return judge(prediction)

    note.after_the_run = after_the_run  # type: ignore[attr-defined]
    return note
