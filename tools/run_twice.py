"""Run notebooks as a learner does: every code cell twice in a row, from a working folder of your choice.

    python -m tools.run_twice notebooks/*.ipynb             # in each notebook's own folder
    python -m tools.run_twice --cwd /tmp notebooks/*.ipynb  # from another working directory

Each code cell is executed, then executed again at once, in one fresh kernel per notebook; the
notebooks' assertions must hold throughout. The files are not modified. Exit status 1 names the
first cell that failed.
"""

from __future__ import annotations

import argparse
import copy
import sys
from pathlib import Path

from tools.course import execute_notebook


def run_twice(path: Path, cwd: Path | None = None) -> float:
    """Execute ``path`` with every code cell doubled; return the seconds it took."""
    import nbformat

    doubled = []
    for cell in nbformat.read(path, as_version=4).cells:
        doubled.append(cell)
        if cell.cell_type == "code":
            twin = copy.deepcopy(cell)
            twin.id = f"{cell.id}-again"
            doubled.append(twin)
    return execute_notebook(path, cwd=cwd, cells=doubled)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("--cwd", type=Path, default=None,
                        help="the kernels' working directory (default: each notebook's folder)")
    args = parser.parse_args(argv)
    from nbclient.exceptions import CellExecutionError

    for path in args.notebooks:
        try:
            print(f"{path.name}: every cell twice, {run_twice(path, args.cwd):.1f} s", flush=True)
        except CellExecutionError as error:
            print(f"{path.name}: FAILED when its cells ran twice:\n{error}", file=sys.stderr)
            sys.exit(1)


if __name__ == "__main__":
    main()
