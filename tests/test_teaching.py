"""TEACHING.md against the notebooks: measured run times up to date, the same think-first questions in both."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tools import timings

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "TEACHING.md"
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
THINK_FIRST = "> **Think first.** "


def markdown_cells(path: Path) -> list[str]:
    return ["".join(c["source"]) for c in json.loads(path.read_text(encoding="utf-8"))["cells"]
            if c["cell_type"] == "markdown"]


def guide_part(number: str) -> str:
    """The guide's section for one notebook (from its ### heading to the next)."""
    parts = re.split(r"^### (?=\d\d · )", GUIDE.read_text(encoding="utf-8"), flags=re.MULTILINE)
    matching = [p for p in parts if p.startswith(f"{number} · ")]
    assert len(matching) == 1, f"TEACHING.md has {len(matching)} sections for notebook {number}"
    return matching[0]


def test_the_run_times_in_the_guide_are_the_ones_the_notebooks_recorded():
    text = GUIDE.read_text(encoding="utf-8")
    assert timings.with_tables(text) == text, "TEACHING.md's run times are stale: run python -m tools.timings --write"


def test_run_times_come_from_the_cells_timestamps():
    cell = {"metadata": {"execution": {"iopub.execute_input": "2026-01-01T10:00:00.250000Z",
                                       "shell.execute_reply": "2026-01-01T10:00:03.000000Z"}}}
    assert timings.cell_seconds(cell) == 2.75
    with pytest.raises(ValueError, match="no execution timestamps"):
        timings.cell_seconds({"metadata": {}})


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_each_notebooks_think_first_boxes_are_the_guides_questions(notebook: Path):
    boxes = [cell[len(THINK_FIRST):].strip() for cell in markdown_cells(notebook) if cell.startswith(THINK_FIRST)]
    assert 2 <= len(boxes) <= 3, f"{notebook.name} has {len(boxes)} think-first boxes; the guide asks for 2-3"
    part = guide_part(notebook.name[:2])
    questions = [line[2:].strip() for line in part.splitlines() if line.startswith("> ")]
    assert questions == boxes, f"the guide's questions for {notebook.name} differ from the notebook's boxes"
    assert part.count("*For the teacher.*") == len(boxes)
    assert "#### Where learners go wrong" in part


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_each_notebook_asks_for_a_prediction_before_it_shows_the_answer(notebook: Path):
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    sources = ["".join(c["source"]) for c in cells]
    asks = [i for i, s in enumerate(sources) if s.startswith("**Predict first.**")]
    assert asks, f"{notebook.name} has no predict-first exercise"
    for i in asks:
        assert cells[i + 1]["cell_type"] == "code" and "(prediction)" in sources[i + 1]
        exercises = next(j for j, s in enumerate(sources) if "## Exercises" in s)
        assert i < exercises, "a prediction asked after the notebook's end has already shown its answer"


def test_the_guide_has_both_lesson_plans():
    text = GUIDE.read_text(encoding="utf-8")
    assert "### One 90-minute class" in text and "### Two 90-minute classes" in text
