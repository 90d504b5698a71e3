"""The worked solutions (solutions/NN_*.md): one per exercise, folded, and each one passes its exercise's own check.

Each solution's code block runs here in a fresh namespace, as a learner would paste it into a new
notebook; the value of its last line (the notebook's check call) must be a "right" Feedback.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import re
from pathlib import Path

import pytest

from aelib.exercises.feedback import Feedback

pytestmark = pytest.mark.numeric  # results can change under another CPU's kernels: lane 2 re-runs it

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
SOLUTIONS = sorted((ROOT / "solutions").glob("[0-9][0-9]_*.md"))
CHECK_CALL = re.compile(r"aelib\.exercises\.(\w+)\.(check_\w+)\(")
SECTION = re.compile(r"^## (?:Exercise (\d+)|Predict first) · .+$", re.MULTILINE)
CODE = re.compile(r"^```python\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def exercises_in(notebook: Path) -> list[tuple[str, str]]:
    """(module, check) of every check call in a notebook's code cells, in order."""
    import nbformat

    cells = nbformat.read(notebook, as_version=4).cells
    return [m for c in cells if c.cell_type == "code" for m in CHECK_CALL.findall(c.source)]


def solutions_in(page: Path) -> list[tuple[int, str]]:
    """(exercise number, code) of every solution on a page, in order; 0 numbers a "Predict first" exercise.

    Each section must hold exactly one python block, inside <details>.
    """
    text = page.read_text(encoding="utf-8")
    starts = list(SECTION.finditer(text))
    blocks = []
    for here, after in zip(starts, [*starts[1:], None], strict=True):
        section = text[here.end(): after.start() if after else len(text)]
        code = CODE.findall(section)
        assert len(code) == 1, f"{page.name}, exercise {here.group(1)}: expected one python block, found {len(code)}"
        assert section.count("<details>") == 1 and "</details>" in section.split(code[0])[1], (
            f"{page.name}, exercise {here.group(1)}: the solution must sit inside <details> … </details>")
        blocks.append((int(here.group(1) or 0), code[0]))
    return blocks


def test_every_notebook_has_a_solutions_page_and_every_page_a_notebook():
    assert [p.stem for p in NOTEBOOKS] == [p.stem for p in SOLUTIONS]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_exercise_has_one_solution_in_order(notebook: Path):
    page = ROOT / "solutions" / f"{notebook.stem}.md"
    blocks = solutions_in(page)
    numbered = [n for n, _ in blocks if n]
    assert numbered == list(range(1, len(numbered) + 1)), f"{page.name}: exercises numbered out of order"
    solved = [m for _, code in blocks for m in CHECK_CALL.findall(code.strip().splitlines()[-1])]
    assert solved == exercises_in(notebook), f"{page.name} solves {solved}; the notebook asks {exercises_in(notebook)}"
    assert len(numbered) >= 2
    assert 0 in [n for n, _ in blocks], f"{page.name}: no predict-first exercise"


def test_every_check_in_aelib_is_asked_in_a_notebook():
    asked = {m for nb in NOTEBOOKS for m in exercises_in(nb)}
    package = importlib.import_module("aelib.exercises")
    defined = {(name, f) for name in package._MODULES
               for f, _ in inspect.getmembers(importlib.import_module(f"aelib.exercises.{name}"), inspect.isfunction)
               if f.startswith("check_")}
    assert defined == asked, f"checks no notebook asks: {defined - asked}; asked but missing: {asked - defined}"


def run_solution(code: str, namespace: dict | None = None) -> object:
    """Execute a solution's code in a fresh namespace (or ``namespace``); the value of its last line."""
    tree = ast.parse(code)
    last = tree.body.pop()
    assert isinstance(last, ast.Expr), "a solution ends with the check call, whose value is the verdict"
    namespace = {"__name__": "__solution__"} if namespace is None else namespace
    exec(compile(tree, "<solution>", "exec"), namespace)
    return eval(compile(ast.Expression(last.value), "<solution>", "eval"), namespace)


SOLVED = [pytest.param(code, id=f"{page.stem}-{n or 'predict'}")
          for page in SOLUTIONS for n, code in solutions_in(page)]


@pytest.mark.parametrize("code", SOLVED)
def test_each_solution_passes_its_exercises_check(code: str):
    verdict = run_solution(code)
    assert isinstance(verdict, Feedback), f"the last line returned {verdict!r}, not a check's verdict"
    if verdict.status == "noted":  # a Predict-first check only notes the prediction; its verdict comes after the run
        *before, last = code.strip().splitlines()
        verdict = run_solution("\n".join([*before, last.replace("(", ".after_the_run(", 1)]))
    assert verdict.status == "right", repr(verdict)


# Answers that a page states as numbers, and the tolerance that holds on any CPU: (page, exercise) -> (number, ±).
STATED = {("01_manifold", 2): ("331", 331, 0), ("01_manifold", 3): ("0.0118", 0.0118, 0.0003),
          ("03_latent_vector", 2): ("0.95", 0.95, 0.01)}


@pytest.mark.parametrize("where", sorted(STATED), ids=lambda w: f"{w[0]}-{w[1]}")
def test_the_numbers_a_page_states_are_what_its_code_computes(where: tuple[str, int]):
    page = ROOT / "solutions" / f"{where[0]}.md"
    text, number, margin = STATED[where]
    namespace: dict = {}
    run_solution(dict(solutions_in(page))[where[1]], namespace)
    stated = page.read_text(encoding="utf-8")
    assert f"**Answer: {text}" in stated or f"about {text}" in stated
    assert abs(float(namespace["answer"]) - number) <= margin


def test_a_wrong_answer_fails_the_same_way():
    """The harness can fail: a solution whose answer is changed gets "not yet"."""
    code = dict(solutions_in(ROOT / "solutions" / "01_manifold.md"))[1]
    changed = re.sub(r"(?m)^answer = .*$", "answer = 3", code)
    assert changed != code
    assert run_solution(changed).status == "wrong"
