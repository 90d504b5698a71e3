"""`python -m tools.figures` and the benchmark's notebook timer run notebooks without touching them."""

from __future__ import annotations

import os

import nbformat
import pytest

from tools.course import execute_notebook
from tools.figures import regenerate


def test_execute_notebook_runs_in_the_notebooks_folder(tmp_path):
    path = tmp_path / "tiny.ipynb"
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "from pathlib import Path\nPath('ran.txt').write_text(str(6 * 7))")])
    nbformat.write(nb, path)
    before = path.read_bytes()
    seconds = execute_notebook(path)
    assert seconds > 0
    assert (tmp_path / "ran.txt").read_text() == "42"
    assert path.read_bytes() == before


def test_execute_notebook_reports_a_failing_cell(tmp_path):
    from nbclient.exceptions import CellExecutionError

    path = tmp_path / "broken.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 / 0")]), path)
    with pytest.raises(CellExecutionError, match="ZeroDivisionError"):
        execute_notebook(path)


def test_regenerate_writes_the_chosen_notebooks_figures_elsewhere(tmp_path, monkeypatch):
    """Runs a one-cell notebook that saves a figure; notebook 02's own figures are compared with figures/ while
    nbval runs it (tests/conftest.py), so the course's notebooks need no second run here."""
    import tools.figures

    book = tmp_path / "book"
    book.mkdir()
    path = book / "00_tiny.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "import matplotlib.pyplot as plt\nfrom aelib.plots import save_figure\n"
        "fig, ax = plt.subplots()\nax.plot([0, 1], [1, 0])\nsave_figure(fig, 'tiny_line.png')")]), path)
    before = path.read_bytes()
    monkeypatch.setattr(tools.figures, "notebooks", lambda: [path])
    written = regenerate(["00_tiny"], figures=tmp_path / "figures")
    assert [p.name for p in written] == ["tiny_line.png"]
    assert written[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert path.read_bytes() == before
    assert "AELIB_FIGURES_DIR" not in os.environ
    with pytest.raises(SystemExit, match="No such notebook: 99_nothing"):
        regenerate(["99_nothing"], figures=tmp_path)
