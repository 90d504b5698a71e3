"""Regenerate every PNG in ``figures/`` by running the notebooks that draw them.

    python -m tools.figures                  # all notebooks
    python -m tools.figures 02_encoder       # only some

Each notebook runs in a fresh kernel with ``AELIB_FIGURES_DIR`` pointing at ``figures/``, so
``aelib.plots.save_figure`` writes there; the notebooks themselves are not modified.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from tools.course import FIGURES, execute_notebook, notebooks


def regenerate(names: list[str] | None = None, figures: Path = FIGURES) -> list[Path]:
    """Execute the chosen notebooks (default: all) and return the figure files written."""
    paths = notebooks()
    if names:
        unknown = [n for n in names if not any(p.stem == n or p.name == n for p in paths)]
        if unknown:
            raise SystemExit(f"No such notebook: {', '.join(unknown)}. Choose from: {', '.join(p.stem for p in paths)}")
        paths = [p for p in paths if p.stem in names or p.name in names]
    figures.mkdir(exist_ok=True)
    before = {p: p.stat().st_mtime_ns for p in figures.glob("*.png")}
    os.environ["AELIB_FIGURES_DIR"] = str(figures.resolve())
    try:
        for path in paths:
            print(f"{path.name}: {execute_notebook(path):.1f} s")
    finally:
        del os.environ["AELIB_FIGURES_DIR"]
    return sorted(p for p in figures.glob("*.png") if before.get(p) != p.stat().st_mtime_ns)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebooks", nargs="*", help="notebook names (default: all)")
    written = regenerate(parser.parse_args().notebooks)
    print("written:", ", ".join(p.name for p in written) or "nothing")


if __name__ == "__main__":
    main()
