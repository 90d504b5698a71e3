"""The lesson standard's frame, in both editions: goals up front, the exercises (at least one an extension:
the learner changes the experiment), and the notebook ending on its Key takeaways and an exit question.

Notebooks 01-05 meet it (issue 21), and 06-09 (issue 22).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MEETS_THE_STANDARD = ["01_manifold", "02_encoder", "03_latent_vector", "04_decoder", "05_training_mse",
                      "06_reconstruction_vs_generation", "07_toward_a_dense_latent_space", "08_variational_autoencoder",
                      "09_autoencoders_at_work", "10_how_good_is_a_vae"]
WORDS = {
    "en": {"folder": ROOT / "notebooks", "goals": "**By the end of this notebook you will be able to**",
           "takeaways": "## Key takeaways", "exit": "**Exit question.**", "extension": "(Change the experiment.)",
           "exercises": "## Exercises"},
    "ko": {"folder": ROOT / "notebooks" / "ko", "goals": "**이 노트북을 마치면 할 수 있는 것**",
           "takeaways": "## 핵심 정리", "exit": "**마무리 질문.**", "extension": "(직접 바꿔 실험하기)",
           "exercises": "## 연습문제"},
}


def markdown(path: Path) -> list[str]:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"]


@pytest.mark.parametrize("edition", WORDS)
@pytest.mark.parametrize("name", MEETS_THE_STANDARD)
def test_a_lesson_opens_with_its_goals_and_closes_with_takeaways_an_exit_question_and_an_extension(
        edition: str, name: str):
    words = WORDS[edition]
    cells = markdown(words["folder"] / f"{name}.ipynb")
    assert words["goals"] in cells[0], f"{name} ({edition}): the first cell must say what the learner will do"
    text = "\n".join(cells)
    takeaways, exit_question, exercises = (text.find(words[k]) for k in ("takeaways", "exit", "exercises"))
    assert -1 < exercises < takeaways < exit_question, (
        f"{name} ({edition}): the exercises, then Key takeaways, then the exit question: the lesson ends on them")
    last = json.loads((words["folder"] / f"{name}.ipynb").read_text(encoding="utf-8"))["cells"][-1]
    assert last["cell_type"] == "markdown" and words["exit"] in "".join(last["source"]), (
        f"{name} ({edition}): the notebook must end on its Key takeaways and exit question")
    bullets = text[takeaways:exit_question].count("\n* ")
    assert 3 <= bullets <= 6, f"{name} ({edition}): {bullets} takeaways; the standard asks for 3-5 (a few more at most)"
    assert words["extension"] in text[exercises:takeaways], (
        f"{name} ({edition}): no extension exercise among the exercises")


@pytest.mark.parametrize("edition", WORDS)
@pytest.mark.parametrize("name", MEETS_THE_STANDARD)
def test_a_cell_whose_output_nbval_ignores_says_so_in_a_tag_not_in_a_comment_the_learner_reads(
        edition: str, name: str):
    cells = json.loads((WORDS[edition]["folder"] / f"{name}.ipynb").read_text(encoding="utf-8"))["cells"]
    code = [c for c in cells if c["cell_type"] == "code"]
    shown = [c["id"] for c in code if "NBVAL_" in "".join(c["source"])]
    assert not shown, f"{name} ({edition}): {shown} show an nbval marker; use the cell tag nbval-ignore-output"
    assert any("nbval-ignore-output" in c.get("metadata", {}).get("tags", []) for c in code), (
        f"{name} ({edition}): no cell is tagged nbval-ignore-output, yet every lesson prints numbers from training")
