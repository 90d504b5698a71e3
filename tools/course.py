"""Where the course's files are, and the three things every tool does with a notebook: list, read/write, run.

One module for tools/ (maintainer tooling, never installed with aelib), so that each tool names the
repository, the notebooks and the notebook runner the same way.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]  # the repository (tools/ is not installed)
NOTEBOOKS = ROOT / "notebooks"
FIGURES = ROOT / "figures"
EDITIONS = {"en": NOTEBOOKS, "ko": NOTEBOOKS / "ko"}
GUIDES = {"en": ROOT / "TEACHING.md", "ko": ROOT / "TEACHING.ko.md"}  # the teaching guide, per edition


def between_markers(text: str, start: str, end: str, block: str) -> str:
    """``text`` with what stands between the marker lines ``start`` and ``end`` replaced by ``block``
    (the generated parts of the teaching guides: run times, handouts)."""
    if start not in text or end not in text:
        raise ValueError(f"the teaching guide needs the two markers {start!r} and {end!r}")
    head, rest = text.split(start)
    _, tail = rest.split(end)
    return f"{head}{start}\n{block}\n{end}{tail}"


def notebooks(edition: str = "en") -> list[Path]:
    """The course's notebooks of one edition ("en" or "ko"), in course order."""
    if edition not in EDITIONS:
        raise ValueError(f"edition must be one of {sorted(EDITIONS)}, not {edition!r}.")
    return sorted(EDITIONS[edition].glob("[0-9][0-9]_*.ipynb"))


def read_notebook(path: Path) -> dict:
    """A notebook file as plain JSON (dicts and lists, no nbformat node objects)."""
    return json.loads(path.read_text(encoding="utf-8"))


def cell_sources(path: Path) -> dict[str, str]:
    """Each cell's source text, by cell id (the notebooks give every cell a stable id)."""
    return {cell["id"]: "".join(cell["source"]) for cell in read_notebook(path)["cells"]}


def write_notebook(path: Path, notebook: dict) -> None:
    """Write a notebook the way Jupyter does (one-space indent, UTF-8 kept, final newline)."""
    path.write_text(json.dumps(notebook, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def execute_notebook(path: Path, cwd: Path | None = None, cells: list | None = None) -> float:
    """Run a notebook top to bottom in a fresh kernel; return the seconds it took. The file is not modified.

    ``cwd`` is the kernel's working directory (default: the notebook's folder); ``cells`` replaces the
    notebook's cells (nbformat nodes) before running, e.g. with every code cell doubled. A failing cell
    raises nbclient's ``CellExecutionError``. The kernel's warning about unencrypted local TCP is silenced.
    """
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    if cells is not None:
        nb.cells = cells
    start = time.perf_counter()
    NotebookClient(nb, timeout=900, kernel_name="python3", resources={"metadata": {"path": str(cwd or path.parent)}},
                   extra_arguments=["--IPKernelApp.log_level=ERROR"]).execute()
    return time.perf_counter() - start
