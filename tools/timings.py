"""Cell run times per notebook section, read from the stored notebooks: ``python -m tools.timings [--write]``.

Every stored notebook was executed top to bottom by nbclient, which records when each cell started
and finished (``cell.metadata.execution``). This tool sums those times per section (a ``## `` heading)
and prints the tables that TEACHING.md holds between its timing markers; ``--write`` puts them there,
and into TEACHING.ko.md for the Korean notebooks, whose cells carry the same timestamps.
``tests/test_teaching.py`` fails when TEACHING.md's tables differ from what the notebooks record.
"""

from __future__ import annotations

import argparse
import re
from datetime import datetime
from pathlib import Path

from tools.course import GUIDES, between_markers, notebooks, read_notebook

START, END = "<!-- timings: start (python -m tools.timings --write) -->", "<!-- timings: end -->"


def cell_seconds(cell: dict) -> float:
    """How long a stored code cell took to run, from nbclient's timestamps."""
    stamps = cell.get("metadata", {}).get("execution", {})
    if "iopub.execute_input" not in stamps or "shell.execute_reply" not in stamps:
        raise ValueError("a code cell has no execution timestamps: execute the notebook with nbclient first")
    start, end = (datetime.fromisoformat(stamps[k].replace("Z", "+00:00"))
                  for k in ("iopub.execute_input", "shell.execute_reply"))
    return (end - start).total_seconds()


WORDS = {"en": {"intro": "set-up and introduction", "all": "{:.0f} s in all", "head": "| section | run time |",
               "seconds": "{:.1f} s"},
         "ko": {"intro": "준비와 도입", "all": "모두 {:.0f}초", "head": "| 절 | 실행 시간 |", "seconds": "{:.1f}초"}}


def sections(path: Path, edition: str = "en") -> list[tuple[str, float]]:
    """(section title, seconds its code cells took) for one notebook, in order; the title cell counts as intro."""
    notebook = read_notebook(path)
    result: list[tuple[str, float]] = [(WORDS[edition]["intro"], 0.0)]
    for cell in notebook["cells"]:
        if cell["cell_type"] == "markdown":
            for heading in re.findall(r"^## (.+)$", "".join(cell["source"]), re.MULTILINE):
                result.append((heading.strip(), 0.0))
        elif cell["cell_type"] == "code":
            title, seconds = result[-1]
            result[-1] = (title, seconds + cell_seconds(cell))
    if result[0][1] == 0.0 and len(result) > 1:  # the notebook opens with a heading of its own
        result.pop(0)
    return result


def table(path: Path, edition: str = "en") -> str:
    words = WORDS[edition]
    rows = sections(path, edition)
    total = words["all"].format(sum(s for _, s in rows))
    lines = [f"**{path.stem}** ({total})", "", words["head"], "|---|---:|"]
    lines += [f"| {title} | {words['seconds'].format(seconds)} |" for title, seconds in rows]
    return "\n".join(lines)


def tables(edition: str = "en") -> str:
    """The tables for every notebook of one edition ("en": notebooks/, "ko": notebooks/ko/)."""
    return "\n\n".join(table(p, edition) for p in notebooks(edition))


def with_tables(text: str, edition: str = "en") -> str:
    """``text`` with the block between the timing markers replaced by the current tables."""
    return between_markers(text, START, END, tables(edition))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="update the tables in TEACHING.md (and TEACHING.ko.md)")
    args = parser.parse_args(argv)
    if args.write:
        for edition, path in GUIDES.items():
            if path.exists():
                path.write_text(with_tables(path.read_text(encoding="utf-8"), edition), encoding="utf-8")
                print(f"updated {path}")
    else:
        print(tables())


if __name__ == "__main__":
    main()
