"""Turn the course into graded nbgrader assignments: ``python -m tools.classroom --out DIR [--edition en|ko]``.

Writes an nbgrader course folder: ``nbgrader_config.py`` and ``source/NN/NN_name.ipynb`` for every notebook.
Nothing is written twice by hand: each exercise's answer cell keeps the notebook's own ``...`` lines and gets
the worked solution (from ``solutions/``, the code the solution page shows, less its last line, the check
call) between ``### BEGIN SOLUTION`` and ``### END SOLUTION``; after it, a locked test cell worth one point
calls the exercise's own check and fails when the check says the answer is not right. The lesson's cells
stay as they are (their outputs cleared, as nbgrader wants its source notebooks). Needs nbgrader only to
*use* the folder (``pip install .[classroom]``); writing it needs nothing beyond the course.
"""

from __future__ import annotations

import argparse
import copy
import re
import shutil
import sys
from pathlib import Path

from tools.course import ROOT, notebooks, read_notebook, write_notebook

CHECK_LINE = re.compile(r"^aelib\.exercises\.(\w+)\.(check_\w+)\(.*\)\s*$")
SECTION = re.compile(r"^## (?:Exercise \d+|Predict first|연습문제 \d+|먼저 예측하기) · .+$", re.MULTILINE)
CODE = re.compile(r"^```python\n(.*?)^```$", re.MULTILINE | re.DOTALL)
CELL_TIMEOUT = 600  # seconds per cell: the course's longest cell trains for about 30 s on a laptop CPU
STUB = {"en": "# ↑ your answer: replace the ... above",
        "ko": "# ↑ 위의 ...를 여러분의 답으로 바꾸세요"}
NOT_YET = {"en": "not right yet: see the line above", "ko": "아직 정답이 아닙니다. 위 줄을 확인하세요"}
CONFIG = '''"""nbgrader's configuration for "Autoencoders, hands on" (written by python -m tools.classroom)."""

c = get_config()  # noqa: F821  (nbgrader provides it)
c.CourseDirectory.course_id = "autoencoders-hands-on"
# The lessons train small models: a cell may run for a minute on a slow laptop. nbgrader's default,
# 30 s per cell, would stop them halfway (jupyter/nbgrader#915, #923).
c.ExecutePreprocessor.timeout = {timeout}
# The student's version keeps the notebook's own ... placeholders; the solution becomes this line.
c.ClearSolutions.code_stub = {{"python": {stub!r}}}
# To release and collect through nbgrader's exchange, also set where it lives, e.g.
# c.Exchange.root = "/srv/nbgrader/exchange"
'''


def solutions_by_check(edition: str) -> dict[tuple[str, str], str]:
    """Each worked solution's code, keyed by the (module, check) its last line calls."""
    folder = ROOT / "solutions" if edition == "en" else ROOT / "solutions" / edition
    found: dict[tuple[str, str], str] = {}
    for page in sorted(folder.glob("[0-9][0-9]_*.md")):
        for section in SECTION.split(page.read_text(encoding="utf-8"))[1:]:
            code = CODE.findall(section)[0].rstrip("\n")
            match = CHECK_LINE.match(code.splitlines()[-1])
            if not match:
                raise ValueError(f"{page.name}: a solution must end with its check call, not {code.splitlines()[-1]!r}")
            found[match.groups()] = code
    return found


def _cell(kind: str, source: str, cell_id: str, nbgrader: dict) -> dict:
    cell = {"cell_type": kind, "id": cell_id, "metadata": {"nbgrader": {"schema_version": 3, "task": False,
                                                                        **nbgrader}}, "source": source}
    if kind == "code":
        cell.update(execution_count=None, outputs=[])
    return cell


def assignment(notebook: dict, solutions: dict[tuple[str, str], str], edition: str = "en") -> tuple[dict, int]:
    """The notebook as nbgrader's source version, and the number of graded exercises in it."""
    notebook = copy.deepcopy(notebook)
    notebook["metadata"].pop("widgets", None)
    cells, graded = [], 0
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            cell["outputs"], cell["execution_count"] = [], None
        source = "".join(cell["source"]).rstrip("\n")
        lines = source.splitlines()
        match = CHECK_LINE.match(lines[-1]) if cell["cell_type"] == "code" and lines else None
        if not match:
            cells.append(cell)
            continue
        if match.groups() not in solutions:
            raise ValueError(f"no worked solution ends with {lines[-1]!r}: add one to solutions/")
        graded += 1
        name = match.group(2)
        solution = "\n".join(solutions[match.groups()].splitlines()[:-1])
        answer = "\n".join([*lines[:-1], "### BEGIN SOLUTION", solution, "### END SOLUTION"])
        check = f"verdict = {lines[-1]}\nprint(verdict)\nassert verdict, {NOT_YET[edition]!r}"
        cells.append(_cell("code", answer, f"{cell['id']}-answer",
                           {"grade": False, "solution": True, "locked": False, "grade_id": f"{name}-answer"}))
        cells.append(_cell("code", check, f"{cell['id']}-check",
                           {"grade": True, "solution": False, "locked": True, "points": 1, "grade_id": name}))
    notebook["cells"] = cells
    return notebook, graded


def write_course(out: Path, edition: str = "en") -> dict[str, int]:
    """Write the nbgrader course folder into ``out``; returns the graded exercises per assignment."""
    solutions = solutions_by_check(edition)
    source = out / "source"
    if source.exists():
        shutil.rmtree(source)
    counts = {}
    for path in notebooks(edition):
        name = path.stem[:2]
        notebook, counts[name] = assignment(read_notebook(path), solutions, edition)
        (source / name).mkdir(parents=True)
        write_notebook(source / name / path.name, notebook)
    (out / "nbgrader_config.py").write_text(CONFIG.format(timeout=CELL_TIMEOUT, stub=STUB[edition]),
                                            encoding="utf-8")
    return counts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="the nbgrader course folder to write")
    parser.add_argument("--edition", choices=["en", "ko"], default="en", help="which edition (default: en)")
    args = parser.parse_args(argv)
    counts = write_course(args.out, args.edition)
    print(f"wrote {len(counts)} assignments ({sum(counts.values())} graded exercises) into {args.out}; "
          f"then, in that folder: nbgrader generate_assignment 01")


if __name__ == "__main__":
    sys.exit(main())
