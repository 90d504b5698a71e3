"""Write the set-up cell, the first code cell of every notebook, from the one setting in pyproject.toml.

    python -m tools.setup_cell            # rewrite the cell in every notebook (outputs are kept)
    python -m tools.setup_cell --check    # exit 1 if any notebook's first code cell differs

The cell makes sure the course's package, aelib, can be imported. Where it is missing it installs it
on Colab (which opens a notebook without the rest of the course) from ``[tool.course]
package-source`` in pyproject.toml, without touching the PyTorch and numpy Colab provides; anywhere
else, or while that setting is empty, it stops with one sentence saying what to install and from where.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from pathlib import Path

from tools.course import ROOT, read_notebook, write_notebook
from tools.course import notebooks as edition_notebooks

MARKER = "# Set-up: the course's package, aelib."  # the English edition's first line
MARKERS = {"en": MARKER, "ko": "# 준비: 강좌 패키지 aelib."}

# One cell for both editions: the code is the same, only the comments and the message are in the edition's language.
TEMPLATE = '''{marker} {header}
import glob
import importlib
import importlib.util
import subprocess
import sys

COURSE_PACKAGE = {source!r}  # {source_note}
if importlib.util.find_spec("aelib") is None:
    uploaded = sorted(glob.glob("aelib-*.whl"))  # {upload_note}
    source = COURSE_PACKAGE or (uploaded[-1] if uploaded else "")
    if "google.colab" in sys.modules and source:
        # {colab_note}
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", source], check=True)
        importlib.invalidate_caches()
    else:
        raise RuntimeError(
            "{missing}"
            + (f"{hosted1}"
               "{hosted2}" if COURSE_PACKAGE else
               "{unhosted1}"
               "{unhosted2}"
               "{unhosted3}")
        )'''
WORDS = {
    "en": {
        "header": "On Colab (which opens only this notebook) it is installed here: from\n"
                  "# the course's address once the course is hosted, until then from the course's wheel "
                  "uploaded beside\n"
                  "# the notebook. Anywhere else this cell says what to run. The address is kept in pyproject.toml.",
        "source_note": "where pip finds the course package; empty until the course is hosted",
        "upload_note": "the course's wheel, if uploaded here (Colab: Files panel)",
        "colab_note": "Colab has PyTorch, numpy, matplotlib and ipywidgets already: install the course package alone.",
        "missing": "This notebook needs aelib, the course's package, and it is not installed in this kernel: ",
        "hosted1": "run  pip install {COURSE_PACKAGE}  (or  pip install -r requirements.txt  in the course's folder), ",
        "hosted2": "then restart the kernel.",
        "unhosted1": "download the course's folder, run  pip install -r requirements.txt  in it, then restart the ",
        "unhosted2": ("kernel. On Colab, build the course's wheel in that folder instead "
                      "( pip wheel --no-deps -w dist . ), "),
        "unhosted3": "upload dist/aelib-*.whl with the Files panel and run this cell again.",
    },
    "ko": {
        "header": "Colab에서 이 노트북만 열었다면 여기서 설치함. 강좌가 공개되면\n"
                  "# 그 주소에서, 그전에는 노트북 옆에 올려 둔 강좌 휠(wheel)에서 설치함. 다른 환경이면 실행할 명령을\n"
                  "# 알려 줌. 아래 주소는 pyproject.toml의 것과 같음.",
        "source_note": "pip가 강좌 패키지를 찾는 곳. 강좌가 공개되기 전에는 비어 있음",
        "upload_note": "이 폴더에 올려 둔 강좌 휠(Colab에서는 파일 패널로 올림)",
        "colab_note": "Colab에는 PyTorch, numpy, matplotlib, ipywidgets가 이미 있으므로 강좌 패키지만 설치함",
        "missing": "이 노트북에는 강좌 패키지 aelib이 필요한데, 지금 커널에는 설치되어 있지 않습니다. ",
        "hosted1": "pip install {COURSE_PACKAGE}  를 실행한 뒤(강좌 폴더에서는  pip install -r requirements.txt) ",
        "hosted2": "커널을 다시 시작하세요.",
        "unhosted1": ("강좌 폴더를 내려받아 그 안에서  pip install -r requirements.txt  를 실행한 뒤 "
                      "커널을 다시 시작하세요. "),
        "unhosted2": "Colab에서는 그 대신 강좌 폴더에서 휠을 만들고( pip wheel --no-deps -w dist . ) ",
        "unhosted3": "dist/aelib-*.whl을 파일 패널로 올린 뒤 이 셀을 다시 실행하세요.",
    },
}


def package_source(pyproject: Path = ROOT / "pyproject.toml") -> str:
    """The pip requirement the set-up cell installs from on Colab ('' while the course is not hosted)."""
    table = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {}).get("course", {})
    source = table.get("package-source", "")
    if not isinstance(source, str):
        raise SystemExit(f"[tool.course] package-source in {pyproject} must be a string, not {source!r}.")
    return source.strip()


def cell_source(source: str, edition: str = "en") -> str:
    """The text of the set-up cell for this package source, in the edition's language ("en" or "ko")."""
    return TEMPLATE.format(marker=MARKERS[edition], source=source, **WORDS[edition])


def edition_of(path: Path) -> str:
    """"ko" for a notebook of the Korean edition (notebooks/ko/), "en" otherwise."""
    return "ko" if path.parent.name == "ko" else "en"


def is_setup_cell(source: str) -> bool:
    """Whether a code cell's source is the set-up cell, in either edition."""
    return source.startswith(tuple(MARKERS.values()))


def notebooks() -> list[Path]:
    """Every notebook of both editions."""
    return edition_notebooks("en") + edition_notebooks("ko")


def first_code_cell(nb: dict) -> dict:
    return next(c for c in nb["cells"] if c["cell_type"] == "code")


# The cell is plumbing, not the lesson: collapsed in Jupyter (JupyterLab, Notebook 7 and VS Code read
# `jupyter.source_hidden`) and folded on the website (myst-nb's `hide-input` tag).
HIDDEN = {"jupyter": {"source_hidden": True}}
TAG = "hide-input"


def is_out_of_the_way(cell: dict) -> bool:
    """Whether the set-up cell is collapsed in Jupyter and folded on the website."""
    metadata = cell.get("metadata", {})
    return metadata.get("jupyter", {}).get("source_hidden") is True and TAG in metadata.get("tags", [])


def write(paths: list[Path], source: str) -> list[Path]:
    """Put the set-up cell first among the code cells of each notebook; return the files changed."""
    changed = []
    for path in paths:
        text = cell_source(source, edition_of(path))
        nb = read_notebook(path)
        cell = first_code_cell(nb)
        if not is_setup_cell("".join(cell["source"])):
            raise SystemExit(f"{path}: its first code cell is not the set-up cell; "
                             f"add one that starts with {MARKERS[edition_of(path)]!r}.")
        if "".join(cell["source"]) != text or not is_out_of_the_way(cell):
            # a list of lines as Jupyter writes it, or one string where the notebook has it so (notebooks/ko/)
            cell["source"] = text if isinstance(cell["source"], str) else text.splitlines(keepends=True)
            metadata = cell.setdefault("metadata", {})
            metadata.update(HIDDEN)
            metadata["tags"] = [*[t for t in metadata.get("tags", []) if t != TAG], TAG]
            write_notebook(path, nb)
            changed.append(path)
    return changed


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="only report notebooks whose set-up cell is stale")
    args = parser.parse_args(argv)
    source = package_source()
    if args.check:
        stale = [p for p in notebooks()
                 if "".join(first_code_cell(read_notebook(p))["source"]) != cell_source(source, edition_of(p))
                 or not is_out_of_the_way(first_code_cell(read_notebook(p)))]
        for path in stale:
            print(f"stale set-up cell: {path.relative_to(ROOT)} (run python -m tools.setup_cell)")
        sys.exit(1 if stale else 0)
    changed = write(notebooks(), source)
    print(f"set-up cell ({source or 'no package source yet'}) written to {len(changed)} notebook(s)")


if __name__ == "__main__":
    main()
