"""The Korean edition's code comments: the English notebooks' code, with each comment in Korean.

A Korean notebook's code is the English code; only its comments are translated. The translations live
in one table, ``notebooks/ko/code_comments.json`` (English comment -> Korean comment), used by
``python -m tools.korean``, which also drops entries no English notebook uses any more. A comment the
table lacks stays in English and ``tests/test_korean.py`` names it; markers that tools read
(``# NBVAL_...``, ``# noqa``) are never translated, and the hidden installer cell stays as it is.
"""

from __future__ import annotations

import io
import json
import tokenize
from pathlib import Path

from tools.course import ROOT

TABLE = ROOT / "notebooks" / "ko" / "code_comments.json"
MARKERS = ("# NBVAL_", "# noqa", "# type:")


def table(path: Path = TABLE) -> dict[str, str]:
    """English comment -> Korean comment, as stored (empty when there is no table yet)."""
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def write_table(korean: dict[str, str], path: Path = TABLE) -> None:
    """Store the table, sorted by the English comment (one entry per line, readable in a diff)."""
    path.write_text(json.dumps(dict(sorted(korean.items())), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def comment_tokens(code: str) -> list[tokenize.TokenInfo]:
    """The comments in ``code`` that are prose (not markers such as ``# NBVAL_IGNORE_OUTPUT``)."""
    tokens = tokenize.generate_tokens(io.StringIO(code).readline)
    return [t for t in tokens if t.type == tokenize.COMMENT and not t.string.startswith(MARKERS)]


def comments(code: str) -> list[str]:
    """The prose comments in ``code``, in order."""
    return [t.string for t in comment_tokens(code)]


def without_comments(code: str) -> list[str]:
    """``code``'s lines with every prose comment cut off (and the spaces before it): what runs."""
    lines = code.split("\n")
    for token in comment_tokens(code):
        row, column = token.start
        lines[row - 1] = lines[row - 1][:column].rstrip()
    return lines


def translate(code: str, korean: dict[str, str]) -> str:
    """``code`` with each prose comment found in ``korean`` replaced by its Korean; others left as they are."""
    lines = code.split("\n")
    for token in comment_tokens(code):
        row, column = token.start
        if token.string in korean:  # a comment runs to the end of its line
            lines[row - 1] = lines[row - 1][:column] + korean[token.string]
    return "\n".join(lines)
