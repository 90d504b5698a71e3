"""Every sentence a check shows exists in English and in Korean, and each language shows only its own.

Two ways: the source (every right/wrong/unanswered/verdict/choose call in aelib.exercises passes an
English and a Korean text), and behaviour (every check, given many answers, right, wrong and junk,
answers in Korean after ``set_language("ko")`` and in English after ``set_language("en")``).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import torch
from torch import nn

import aelib
from aelib.data import load_mnist
from aelib.exercises import feedback
from aelib.latent import central_box
from aelib.pretrained import load_autoencoder_2d

PACKAGE = Path(aelib.__file__).resolve().parent / "exercises"
HANGUL = re.compile("[\uac00-\ud7a3]")
QUOTED = [re.compile(r"`[^`]*`"), re.compile(r"\"[^\"]*\"|'[^']*'"), re.compile(r"\([^)]*\)")]  # code, quotes, brackets


def english_words(text: str) -> list[str]:
    """The runs of 3+ English words in ``text`` outside code, quotes and brackets (where names and values go)."""
    for pattern in QUOTED:  # in this order: a bracket may hold code with brackets of its own
        text = pattern.sub(" ", text)
    return re.findall(r"[A-Za-z]+(?:[ ,;:-]+[A-Za-z]+){2,}", text)


def looks_english(text: str) -> bool:
    return not HANGUL.search(text)


def looks_korean(text: str) -> bool:
    return bool(HANGUL.search(text)) and not english_words(text)


def test_the_measures_of_language_can_tell_the_two_apart():
    assert looks_korean("가장 가까운 학습 코드까지의 거리가 `2.5`입니다.")
    assert looks_korean('답의 형태: "rises", "falls", "stays" 중 하나')
    assert not looks_korean("가장 가까운 code is far away 입니다.")  # an English sentence inside Korean
    assert looks_english("the nearest training code is 2.5 away")
    assert not looks_english("the decoder (디코더) draws")


def test_every_message_in_the_source_comes_in_both_languages():
    """right/wrong take (en, ko); verdict's and choose's texts and what= are (en, ko) pairs."""
    problems = []
    for path in sorted(PACKAGE.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            where = f"{path.name}:{node.lineno}"
            unpacked_pair = len(node.args) == 1 and isinstance(node.args[0], ast.Starred)  # verdict's own texts
            if node.func.id in ("right", "wrong", "Feedback") and not unpacked_pair:
                if len(node.args) != 2 + (node.func.id == "Feedback"):
                    problems.append(f"{where}: {node.func.id}() without both an English and a Korean text")
            pairs = [k.value for k in node.keywords if k.arg in ("right_because", "otherwise", "what")]
            if node.func.id in ("verdict", "choose") and not all(isinstance(p, ast.Tuple) and len(p.elts) == 2
                                                                 for p in pairs):
                problems.append(f"{where}: {node.func.id}() with a text that is not an (English, Korean) pair")
            if node.func.id == "read" and not (len(node.args) == 3 and isinstance(node.args[1], ast.Tuple)):
                problems.append(f"{where}: read() without an (English, Korean) description")
    assert not problems, "\n".join(problems)


@pytest.fixture(scope="module")
def answers() -> list[object]:
    """Answers of every kind a learner gives: right ones, the known mistakes, and junk."""
    generic = [..., None, True, 0, 1, 2, 3, 8, 9, 16, 49, 144, 160, 784, 102_544, 0.125, 0.25, 0.5, 0.75, 1.0, 4.0,
               -1.0, float("nan"), 1e9, "", "nonsense", (64, 8), (8, 64), (32, 784), (32, 16), [5, 5], "sigmoid",
               "tanh", "relu", "softmax", torch.zeros(2), torch.tensor([1e3, 1e3]), torch.zeros(3),
               torch.zeros(2, dtype=torch.long), lambda *a: None, lambda *a: 1.0, nn.Linear(2, 2),
               nn.Sequential(nn.Linear(784, 64), nn.ReLU(), nn.Linear(64, 8))]
    options = ["1", "8", "none", "chance", "above chance", "almost always", "same", "slightly worse", "much worse",
               "better", "worse", "no change", "sharp", "blur", "digit", "smudge", "noise", "reconstruction",
               "generation", "the same blur", "varied digits", "Combination", "Only KL Divergence",
               "Only Reconstruction Loss", "rises", "falls", "stays", "reparameterised", "score function", "either",
               "perfect", "no better than guessing", "upside down", False]
    return generic + options


def call_everything(answers: list[object]) -> list[feedback.Feedback]:
    from aelib.exercises import at_work, decoder, density, encoder, generation, latent, manifold, training, vae

    model = load_autoencoder_2d()
    images, labels = load_mnist("test", limit=2000)
    codes = model.encode(images)
    low, high = central_box(codes)
    verdicts = []
    for module in (manifold, encoder, latent, decoder, training, generation, density, vae, at_work):
        for name in dir(module):
            if not name.startswith("check_"):
                continue
            check = getattr(module, name)
            for answer in answers:
                if name == "check_point_in_hole":
                    verdicts.append(check(answer, codes, low, high))
                elif name == "check_latent_midpoint":
                    verdicts.append(check(answer, model, images))
                elif name == "check_untrained_linear_code":
                    verdicts.append(check(answer, nn.Identity))
                elif name == "check_fitted_gaussian":
                    verdicts.append(check(answer, answer, model, codes, labels))
                else:
                    verdicts.append(check(answer))
                if hasattr(check, "after_the_run"):  # a Predict-first check's verdict, after the run
                    verdicts.append(check.after_the_run(answer))
    verdicts.append(generation.check_point_in_hole((low + high) / 2, codes, low, high))
    verdicts.append(generation.check_point_in_hole(torch.tensor([-1.2, 7.3]), codes, low, high))
    return verdicts


def test_each_check_answers_in_the_chosen_language(answers):
    verdicts = call_everything(answers)
    assert {v.status for v in verdicts} == {"right", "wrong", "unanswered", "noted"}
    assert len({v.en for v in verdicts}) >= 100  # the answers reach many different messages
    try:
        feedback.set_language("ko")
        not_korean = sorted({repr(v) for v in verdicts if not looks_korean(repr(v))})
    finally:
        feedback.set_language("en")
    not_english = sorted({repr(v) for v in verdicts if not looks_english(repr(v))})
    assert not not_korean, "English in Korean feedback:\n" + "\n".join(not_korean[:10])
    assert not not_english, "Hangul in English feedback:\n" + "\n".join(not_english[:10])


def test_an_unknown_language_is_refused_with_the_choices():
    with pytest.raises(ValueError, match=r"one of \('en', 'ko'\)"):
        feedback.set_language("kr")
    assert feedback.language() == "en"


ROOT = Path(__file__).resolve().parents[1]
OPTION = re.compile(r'`"([^`"]+)"`\(([^)]*)\)')  # `"same"`(같다): an option and the Korean form printed beside it


def offered_options() -> list[tuple[str, str, str, str, str]]:
    """(notebook, cell, option, its Korean form, the check cell's source) for every option a Korean notebook prints."""
    import json

    found = []
    for path in sorted((ROOT / "notebooks" / "ko").glob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        for k, cell in enumerate(cells):
            if cell["cell_type"] != "markdown":
                continue
            check = next((("".join(c["source"])) for c in cells[k + 1:]
                          if c["cell_type"] == "code" and "aelib.exercises." in "".join(c["source"])), None)
            for option, korean in OPTION.findall("".join(cell["source"])):
                if check is not None:
                    found.append((path.stem, cell["id"], option, korean.split(",")[0].strip(), check))
    return found


PREDICT_FIRST = {name for module in aelib.exercises._MODULES  # the Predict-first checks, by name
                 for name, f in vars(getattr(aelib.exercises, module)).items() if hasattr(f, "after_the_run")}


def shown(check_source: str, value: str) -> str:
    """What the cell's check says when the option's variable holds ``value`` and every other name is ``...``."""

    class Unanswered(dict):
        def __missing__(self, name: str) -> object:
            return Ellipsis

    *_, call = check_source.strip().splitlines()
    if call.split("(", 1)[0].rsplit(".", 1)[-1] in PREDICT_FIRST:  # its verdict comes after the run
        call = call.replace("(", ".after_the_run(", 1)
    target = "prediction" if "prediction" in call.split("(", 1)[1] else call.split("(", 1)[1].split(",")[0].rstrip(")")
    return repr(eval(call, {"__builtins__": __builtins__}, Unanswered(aelib=aelib, **{target: value})))


@pytest.mark.parametrize("notebook, cell, option, korean, check", offered_options(),
                         ids=lambda v: v if isinstance(v, str) and len(v) < 40 and "\n" not in v else "")
def test_every_option_is_accepted_in_the_korean_form_its_notebook_prints(notebook, cell, option, korean, check):
    assert shown(check, korean) == shown(check, option), (
        f"{notebook}, cell {cell}: {korean!r} (printed beside {option!r}) is not read as {option!r}")


def test_the_option_reader_can_fail():
    check = "answer = ...\naelib.exercises.vae.check_beta_prediction(answer)"
    assert shown(check, "오른다고 본다") != shown(check, "rises")  # a form no notebook prints is not accepted


def test_the_topic_particle_follows_how_the_korean_reads():
    # by hand: 0.34 is read 영점삼사 (ends in a vowel: 는), 10 is 십 (consonant: 은), 회색 ends in ㄱ, 숫자 in a vowel
    assert [feedback.topic(t) for t in ["0.34", "10", "7", "회색", "숫자", "'lower'"]] == [
        "0.34는", "10은", "7은", "회색은", "숫자는", "'lower'은(는)"]
