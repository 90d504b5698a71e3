"""TEACHING.md (and TEACHING.ko.md) against the notebooks: run times up to date, the same think-first questions."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tools import handouts, timings

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
# What each edition calls things: the guide, the notebooks' folder, and the markers the tests look for.
EDITIONS = {
    "en": {"guide": ROOT / "TEACHING.md", "folder": ROOT / "notebooks", "think": "> **Think first.** ",
           "teacher": "*For the teacher.*", "wrong": "#### Where learners go wrong", "predict": "**Predict first.**",
           "exercises": "## Exercises", "plans": ("### One 90-minute class", "### Two 90-minute classes")},
    "ko": {"guide": ROOT / "TEACHING.ko.md", "folder": ROOT / "notebooks" / "ko", "think": "> **먼저 생각해 보기.** ",
           "teacher": "*교사를 위해.*", "wrong": "#### 학습자가 자주 틀리는 곳", "predict": "**먼저 예측하기.**",
           "exercises": "## 연습문제", "plans": ("### 90분 수업 한 번", "### 90분 수업 두 번")},
}
BOTH = [(edition, path) for edition in EDITIONS for path in NOTEBOOKS]


def markdown_cells(path: Path) -> list[str]:
    return ["".join(c["source"]) for c in json.loads(path.read_text(encoding="utf-8"))["cells"]
            if c["cell_type"] == "markdown"]


def guide_part(edition: str, number: str) -> str:
    """The guide's section for one notebook (from its ### heading to the next)."""
    text = EDITIONS[edition]["guide"].read_text(encoding="utf-8")
    parts = re.split(r"^### (?=\d\d · )", text, flags=re.MULTILINE)
    matching = [p for p in parts if p.startswith(f"{number} · ")]
    assert len(matching) == 1, f"the {edition} guide has {len(matching)} sections for notebook {number}"
    return matching[0]


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_run_times_in_the_guide_are_the_ones_the_notebooks_recorded(edition: str):
    text = EDITIONS[edition]["guide"].read_text(encoding="utf-8")
    assert timings.with_tables(text, edition) == text, "run times are stale: python -m tools.timings --write"


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_guides_figures_takeaways_and_exit_questions_are_the_notebooks(edition: str):
    text = EDITIONS[edition]["guide"].read_text(encoding="utf-8")
    assert handouts.with_handouts(text, edition) == text, "the handouts are stale: python -m tools.handouts --write"


def test_handouts_list_the_figures_a_notebook_saves_and_copy_its_takeaways():
    notebook = ROOT / "notebooks" / "06_reconstruction_vs_generation.ipynb"
    assert handouts.figures_saved(notebook)[:2] == ["reconstructions_2d.png", "interpolation.png"]
    missing = [name for path in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")
               for name in handouts.figures_saved(path)
               if not (ROOT / "figures" / name).is_file()]
    assert not missing, f"figures a notebook saves but figures/ lacks: {missing} (python -m tools.figures)"
    text = handouts.takeaways(notebook)
    assert text.startswith("* Reconstruction redraws") and "**Exit question.**" in text and "## " not in text


def test_run_times_come_from_the_cells_timestamps():
    cell = {"metadata": {"execution": {"iopub.execute_input": "2026-01-01T10:00:00.250000Z",
                                       "shell.execute_reply": "2026-01-01T10:00:03.000000Z"}}}
    assert timings.cell_seconds(cell) == 2.75
    with pytest.raises(ValueError, match="no execution timestamps"):
        timings.cell_seconds({"metadata": {}})


@pytest.mark.parametrize(("edition", "english"), BOTH, ids=lambda v: v if isinstance(v, str) else v.stem)
def test_each_notebooks_think_first_boxes_are_the_guides_questions(edition: str, english: Path):
    words = EDITIONS[edition]
    notebook = words["folder"] / english.name
    think = words["think"]
    boxes = [cell[len(think):].strip() for cell in markdown_cells(notebook) if cell.startswith(think)]
    assert 2 <= len(boxes) <= 3, f"{notebook.name} has {len(boxes)} think-first boxes; the guide asks for 2-3"
    part = guide_part(edition, notebook.name[:2])
    questions = [line[2:].strip() for line in part.splitlines() if line.startswith("> ")]
    assert questions == boxes, f"the {edition} guide's questions for {notebook.name} differ from the notebook's boxes"
    assert part.count(words["teacher"]) == len(boxes)
    assert words["wrong"] in part


@pytest.mark.parametrize(("edition", "english"), BOTH, ids=lambda v: v if isinstance(v, str) else v.stem)
def test_each_notebook_asks_for_a_prediction_before_it_shows_the_answer(edition: str, english: Path):
    words = EDITIONS[edition]
    notebook = words["folder"] / english.name
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    sources = ["".join(c["source"]) for c in cells]
    asks = [i for i, s in enumerate(sources) if s.startswith(words["predict"])]
    assert asks, f"{notebook.name} has no predict-first exercise"
    for i in asks:
        assert cells[i + 1]["cell_type"] == "code" and "(prediction)" in sources[i + 1]
        exercises = next(j for j, s in enumerate(sources) if words["exercises"] in s)
        assert i < exercises, "a prediction asked after the notebook's end has already shown its answer"
        # the verdict comes after the experiment: the same check's after_the_run, with code run in between
        check = sources[i + 1].strip().splitlines()[-1].split("(")[0]
        verdict = next((j for j, s in enumerate(sources) if f"{check}.after_the_run(prediction)" in s), None)
        assert verdict is not None and i + 2 < verdict < exercises, f"{notebook.name}: no verdict after the run"
        assert any(cells[j]["cell_type"] == "code" for j in range(i + 2, verdict)), "no experiment before the verdict"


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_guide_has_both_lesson_plans(edition: str):
    text = EDITIONS[edition]["guide"].read_text(encoding="utf-8")
    assert all(plan in text for plan in EDITIONS[edition]["plans"])
