"""Keep the Korean notebooks (notebooks/ko/) in step with the English ones: ``python -m tools.korean``.

A Korean notebook is its English original with the prose in Korean: the same cells in the same order with
the same ids, code cells and stored outputs copied from the English notebook, their comments in Korean
(from one table, ``notebooks/ko/code_comments.json``: see ``tools.korean_comments``), and one declared
difference in code (``KOREAN_LINE``, added to the cell that sets up the notebook, so the exercise checks
answer in Korean). A stored exercise answer ("✏️ Your turn: ...") is shown in Korean too: the cell's check is
called again, as it stands, with the feedback in Korean (``korean_feedback``). Each Korean markdown cell
stores, in ``metadata.translation``, the English text it translates and that text's SHA-256.
``tests/test_korean.py`` fails when the English cell has changed since, and shows the change.

Commands (both rewrite notebooks/ko/ from the English notebooks; Korean prose is kept):

    python -m tools.korean                     # bring every Korean notebook up to date
    python -m tools.korean --revised 05_training_mse:05-023 [...]
                                               # after revising a Korean cell for a changed English
                                               # one: record the current English text as its source
    python -m tools.korean --import-dir DIR    # take new translations from DIR/NN_name.json
                                               # ({"cells": {cell id: Korean markdown}})
"""

from __future__ import annotations

import argparse
import ast
import copy
import hashlib
from pathlib import Path

import aelib.exercises
from aelib.exercises import feedback
from tools import korean_comments, setup_cell
from tools.course import EDITIONS, ROOT, notebooks, read_notebook, write_notebook
from tools.setup_cell import MARKER as INSTALLER_MARK

ENGLISH, KOREAN = EDITIONS["en"], EDITIONS["ko"]
SETUP_MARK = "aelib.repro.setup("
KOREAN_LINE = 'aelib.exercises.set_language("ko")  # 연습문제의 피드백을 한국어로'


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def source(cell: dict) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def english_notebooks() -> list[Path]:
    return notebooks("en")


def korean_code(english: str, comments: dict[str, str]) -> str:
    """A code cell's Korean source: the same code with its comments in Korean (from ``comments``); the
    set-up cell also switches the feedback. The hidden installer cell is the Korean one of tools.setup_cell."""
    if english.startswith(INSTALLER_MARK):  # the installer, written in each edition's language by tools.setup_cell
        return setup_cell.cell_source(setup_cell.package_source(), "ko")
    code = korean_comments.translate(english, comments)
    return f"{code}\n{KOREAN_LINE}" if SETUP_MARK in english else code


read, write = read_notebook, write_notebook


class _Unanswered(dict):
    """A namespace in which every name the notebook would define is still the learner's ``...``."""

    def __missing__(self, name: str) -> object:
        return Ellipsis


def korean_feedback(code: str, stored: str) -> str:
    """The Korean text of a stored exercise answer: ``code``'s last line (a check) called again, unanswered.

    Raises if calling it again in English does not give ``stored`` back exactly, so nothing is guessed."""
    *before, last = ast.parse(code).body
    if not isinstance(last, ast.Expr):
        raise ValueError(f"the cell does not end with a check call:\n{code}")
    setup = compile(ast.Module(body=before, type_ignores=[]), "<exercise cell>", "exec")  # `answer = ...`, defs
    expression = compile(ast.Expression(last.value), "<exercise cell>", "eval")
    shown = {}
    for language in ("en", "ko"):
        feedback.set_language(language)
        try:
            namespace = _Unanswered(aelib=aelib)
            exec(setup, {"__builtins__": __builtins__}, namespace)  # the course's own exercise cells
            shown[language] = repr(eval(expression, {"__builtins__": __builtins__}, namespace))
        finally:
            feedback.set_language("en")
    if shown["en"] != stored:
        raise ValueError(f"calling the check again gives {shown['en']!r}, not the stored {stored!r}: re-execute "
                         "the English notebook, then run python -m tools.korean")
    return shown["ko"]


def korean_outputs(cell: dict) -> None:
    """Turn the stored English feedback of an exercise cell into Korean, in place."""
    for output in cell.get("outputs", []):
        text = output.get("data", {}).get("text/plain")
        stored = "".join(text) if isinstance(text, list) else text
        if output.get("output_type") == "execute_result" and stored and stored.startswith(
                tuple(feedback.MARKS["en"].values())):
            output["data"]["text/plain"] = korean_feedback(source(cell), stored)


def korean_twin(english: dict, korean: dict | None, new_text: dict[str, str], revised: set[str],
                comments: dict[str, str]) -> dict:
    """The Korean notebook for ``english``: its Korean prose from ``korean`` (kept, with the English it
    was translated from) or ``new_text`` (recorded against the current English), code and outputs copied."""
    kept = {c["id"]: c for c in (korean or {"cells": []})["cells"] if c["cell_type"] == "markdown"}
    twin = copy.deepcopy(english)
    for cell in twin["cells"]:
        if cell["cell_type"] == "code":
            korean_outputs(cell)
            cell["source"] = korean_code(source(cell), comments)
            continue
        if cell["cell_type"] != "markdown":
            continue
        english_text = source(cell)
        if cell["id"] in new_text:
            text, translated_from = new_text[cell["id"]], english_text
        elif cell["id"] in kept:
            text = source(kept[cell["id"]])
            translated_from = kept[cell["id"]].get("metadata", {}).get("translation", {}).get("en", "")
            if cell["id"] in revised:
                translated_from = english_text
        else:  # not translated yet: the test names it
            text, translated_from = english_text, ""
        cell["source"] = text
        cell.setdefault("metadata", {})["translation"] = {"en_sha256": sha256(translated_from), "en": translated_from}
    return twin


def sync(import_dir: Path | None = None, revised: list[str] = ()) -> list[Path]:
    """Rewrite every Korean notebook from its English original; returns the paths written."""
    KOREAN.mkdir(exist_ok=True)
    wanted = {}
    for item in revised:
        name, _, cell_id = item.partition(":")
        if not cell_id:
            raise SystemExit(f"--revised takes NOTEBOOK:CELL_ID (e.g. 05_training_mse:05-023), not {item!r}")
        wanted.setdefault(name.removesuffix(".ipynb"), set()).add(cell_id)
    written, comments, untranslated, used = [], korean_comments.table(), set(), set()
    for path in english_notebooks():
        twin_path = KOREAN / path.name
        korean = read(twin_path) if twin_path.exists() else None
        new_text = {}
        if import_dir is not None and (import_dir / f"{path.stem}.json").exists():
            new_text = read(import_dir / f"{path.stem}.json")["cells"]
        english = read(path)
        write(twin_path, korean_twin(english, korean, new_text, wanted.get(path.stem, set()), comments))
        written.append(twin_path)
        used |= {c for cell in english["cells"] if cell["cell_type"] == "code"
                 and not source(cell).startswith(INSTALLER_MARK) for c in korean_comments.comments(source(cell))}
    untranslated = used - set(comments)
    unused = set(comments) - used
    if unused:
        korean_comments.write_table({k: v for k, v in comments.items() if k not in unused})
        print(f"dropped from {korean_comments.TABLE.name}, no English notebook uses them any more:\n  "
              + "\n  ".join(sorted(unused)))
    if untranslated:
        print(f"note: {len(untranslated)} code comment(s) stay in English until {korean_comments.TABLE.name} "
              "has their Korean:\n  " + "\n  ".join(sorted(untranslated)))
    for orphan in sorted(set(KOREAN.glob("*.ipynb")) - set(written)):
        print(f"note: {orphan.name} has no English original; delete it or restore the English notebook")
    return written


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--import-dir", type=Path, help="take new translations from DIR/NN_name.json")
    parser.add_argument("--revised", nargs="*", default=[], metavar="NOTEBOOK:CELL_ID",
                        help="Korean cells revised for the current English text")
    args = parser.parse_args(argv)
    for path in sync(args.import_dir, args.revised):
        print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
