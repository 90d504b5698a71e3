"""The course as nbgrader assignments (``python -m tools.classroom``), graded by nbgrader itself.

The first test needs only the course. The others need nbgrader (``pip install .[classroom]``; skipped,
with that reason, where it is missing): they generate an assignment, autograde a blank submission
(nothing answered: 0 points) and a solved one (the worked solutions: full marks), and export the grades.
They grade notebook 04 by default; ``AELIB_CLASSROOM=all`` grades every notebook (.ci/run's fourth lane).
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tools.classroom import write_course

ROOT = Path(__file__).resolve().parents[1]
CHECK_CALL = re.compile(r"^aelib\.exercises\.\w+\.check_\w+\(", re.MULTILINE)
EVERY = [p.stem[:2] for p in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))]
GRADED = [("en", n) for n in (EVERY if os.environ.get("AELIB_CLASSROOM") == "all" else ["04"])] + [("ko", "04")]


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


@pytest.mark.parametrize("edition", ["en", "ko"])
def test_every_exercise_becomes_an_answer_cell_and_a_locked_graded_check(tmp_path, edition):
    counts = write_course(tmp_path, edition)
    folder = ROOT / "notebooks" if edition == "en" else ROOT / "notebooks" / "ko"
    for notebook in sorted(folder.glob("[0-9][0-9]_*.ipynb")):
        asked = sum(len(CHECK_CALL.findall("".join(c["source"]))) for c in _cells(notebook) if c["cell_type"] == "code")
        cells = _cells(tmp_path / "source" / notebook.stem[:2] / notebook.name)
        answers = [c for c in cells if c["metadata"].get("nbgrader", {}).get("solution")]
        checks = [c for c in cells if c["metadata"].get("nbgrader", {}).get("grade")]
        assert counts[notebook.stem[:2]] == len(answers) == len(checks) == asked >= 3
        for answer, check in zip(answers, checks, strict=True):
            text = "".join(answer["source"])
            assert "..." in text.split("### BEGIN SOLUTION")[0]  # the notebook's own placeholder stays
            assert "### END SOLUTION" in text and "...\n### END" not in text
            assert check["metadata"]["nbgrader"]["locked"] and check["metadata"]["nbgrader"]["points"] == 1
            assert "assert verdict" in "".join(check["source"])
        assert not any(c.get("outputs") for c in cells)  # nbgrader's source notebooks carry no outputs
    assert "ExecutePreprocessor.timeout = 600" in (tmp_path / "nbgrader_config.py").read_text(encoding="utf-8")


def _nbgrader(course: Path, *args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "nbgrader", *args]
    done = subprocess.run(command, cwd=course, capture_output=True, text=True, timeout=1800)
    assert done.returncode == 0, f"nbgrader {' '.join(args)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


@pytest.mark.slow
@pytest.mark.parametrize(("edition", "number"), GRADED)
def test_nbgrader_gives_a_blank_submission_0_and_the_worked_solutions_full_marks(tmp_path, edition, number):
    pytest.importorskip("nbgrader", reason="nbgrader is not installed: pip install -e .[classroom]")
    course = tmp_path / "course"
    counts = write_course(course, edition)
    _nbgrader(course, "generate_assignment", number, "--force")
    released = next((course / "release" / number).glob("*.ipynb"))
    answers = [c for c in _cells(released) if c["metadata"].get("nbgrader", {}).get("solution")]
    assert len(answers) == counts[number]  # the student's answer cells: the notebook's own ..., no solution
    assert all("= ..." in "".join(c["source"]) or "    ..." in "".join(c["source"]) for c in answers)
    assert "### BEGIN SOLUTION" not in released.read_text(encoding="utf-8")
    for student, notebook in (("blank", released), ("solved", next((course / "source" / number).glob("*.ipynb")))):
        (course / "submitted" / student / number).mkdir(parents=True)
        shutil.copy(notebook, course / "submitted" / student / number / released.name)
    _nbgrader(course, "autograde", number, "--force")
    _nbgrader(course, "generate_feedback", number, "--force")
    assert (course / "feedback" / "blank" / number / released.with_suffix(".html").name).is_file()
    _nbgrader(course, "export", "--to", str(course / "grades.csv"))
    with (course / "grades.csv").open(encoding="utf-8") as grades:
        scores = {row["student_id"]: (float(row["score"]), float(row["max_score"])) for row in csv.DictReader(grades)
                  if row["assignment"] == number}
    assert scores == {"blank": (0.0, counts[number]), "solved": (counts[number], counts[number])}
