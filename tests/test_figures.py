"""`python -m tools.figures` and the benchmark's notebook timer run notebooks without touching them."""

from __future__ import annotations

import nbformat
import pytest

from tools.course import FIGURES, NOTEBOOKS, execute_notebook
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


@pytest.mark.slow
def test_regenerate_writes_one_notebooks_figures_elsewhere(tmp_path):
    before = (NOTEBOOKS / "02_encoder.ipynb").read_bytes()
    written = regenerate(["02_encoder"], figures=tmp_path)
    assert sorted(p.name for p in written) == sorted(p.name for p in tmp_path.glob("*.png"))
    assert any(p.name.startswith("network_") for p in written)
    for png in written:  # notebook 02 draws without training: its committed figures must be up to date
        assert png.read_bytes() == (FIGURES / png.name).read_bytes(), f"figures/{png.name} is stale"
    assert (NOTEBOOKS / "02_encoder.ipynb").read_bytes() == before
    with pytest.raises(SystemExit, match="No such notebook: 99_nothing"):
        regenerate(["99_nothing"], figures=tmp_path)
