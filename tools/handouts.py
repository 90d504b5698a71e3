"""Per notebook, what a teacher puts on slides and closes a class with: ``python -m tools.handouts [--write]``.

For each notebook: the figures it saves in ``figures/`` (its ``save_figure`` calls, in order) and, where it
has them, its Key takeaways and its exit question, copied from the notebook itself. ``--write`` puts the
block between the markers in TEACHING.md, and the Korean notebooks' own text into TEACHING.ko.md;
``tests/test_teaching.py`` fails when a guide's block differs from what the notebooks say.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from tools.course import GUIDES, between_markers, notebooks, read_notebook

START, END = "<!-- handouts: start (python -m tools.handouts --write) -->", "<!-- handouts: end -->"
WORDS = {"en": {"takeaways": "## Key takeaways", "figures": "Figures for slides", "none": "no figures saved",
                "no_takeaways": "This notebook has no Key takeaways section yet."},
         "ko": {"takeaways": "## 핵심 정리", "figures": "슬라이드에 쓸 그림", "none": "저장하는 그림 없음",
                "no_takeaways": "이 노트북에는 아직 ‘핵심 정리’ 절이 없습니다."}}
SAVED = re.compile(r"save_figure\([^\n]*?[\"']([\w.-]+\.png)[\"']\)")


def figures_saved(path: Path) -> list[str]:
    """The file names a notebook's code cells pass to ``save_figure``, in order."""
    code = "\n".join("".join(c["source"]) for c in read_notebook(path)["cells"] if c["cell_type"] == "code")
    return SAVED.findall(code)


def takeaways(path: Path, edition: str = "en") -> str | None:
    """The notebook's Key takeaways and what follows them up to the next ``## `` heading (the exit question
    among it), without the heading itself; None where the notebook has no such section."""
    heading = WORDS[edition]["takeaways"]
    for cell in read_notebook(path)["cells"]:
        text = "".join(cell["source"])
        if cell["cell_type"] == "markdown" and heading in text:
            after = text.split(heading, 1)[1]
            return re.split(r"^## ", after, maxsplit=1, flags=re.MULTILINE)[0].strip()
    return None


def handout(path: Path, edition: str = "en") -> str:
    words = WORDS[edition]
    title = "".join(read_notebook(path)["cells"][0]["source"]).splitlines()[0].lstrip("# ").strip()
    names = figures_saved(path)
    links = ", ".join(f"[`{n}`](figures/{n})" for n in names) if names else words["none"]
    body = takeaways(path, edition) or words["no_takeaways"]
    return f"**{title}**\n\n{words['figures']}: {links}.\n\n{body}"


def handouts(edition: str = "en") -> str:
    """The block for every notebook of one edition ("en": notebooks/, "ko": notebooks/ko/)."""
    return "\n\n---\n\n".join(handout(p, edition) for p in notebooks(edition))


def with_handouts(text: str, edition: str = "en") -> str:
    """``text`` with the block between the markers replaced by the current handouts."""
    return between_markers(text, START, END, handouts(edition))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="update the block in TEACHING.md (and TEACHING.ko.md)")
    args = parser.parse_args(argv)
    if args.write:
        for edition, path in GUIDES.items():
            path.write_text(with_handouts(path.read_text(encoding="utf-8"), edition), encoding="utf-8")
            print(f"updated {path}")
    else:
        print(handouts())


if __name__ == "__main__":
    main()
