"""Shared fixtures, the offline guard for this session and every process it starts, the markers, and the
thread count of each pytest-xdist worker."""

from __future__ import annotations

import importlib.util
import os
import shutil
import tempfile
from pathlib import Path

import pytest
import torch

from aelib.data import load_mnist

GUARD = Path(__file__).resolve().parent / "netguard"

# Kernels (nbval), JupyterLab and benchmark subprocesses inherit PYTHONPATH and load the guard at start-up;
# this process loads it here.
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(GUARD), os.environ.get("PYTHONPATH")]))
_spec = importlib.util.spec_from_file_location("aelib_test_netguard", GUARD / "sitecustomize.py")
netguard = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(netguard)

# pytest-xdist runs the suite in several worker processes at once: give each its share of the cores, so that
# PyTorch in the workers and in the kernels they start (aelib.repro.setup reads AELIB_THREADS) never asks
# for more threads than there are cores. An AELIB_THREADS set by hand (.ci/run's second lane) is kept.
_workers = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))
if _workers > 1:
    os.environ.setdefault("AELIB_THREADS", str(max(1, (os.cpu_count() or 1) // _workers)))
    torch.set_num_threads(int(os.environ["AELIB_THREADS"]))

MAX_WORKERS = 4  # beyond this, the notebooks' kernels compete for memory bandwidth more than they gain


@pytest.hookimpl(optionalhook=True)  # known only where pytest-xdist is loaded
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto`: one worker per core, at most MAX_WORKERS."""
    return max(1, min(MAX_WORKERS, os.cpu_count() or 1))


# Test files whose every test is slow (over a few seconds each: the browser, the website, subprocess builds).
SLOW_FILES = {"test_browser.py", "test_site.py"}


# The longest files first, so that pytest-xdist, which hands out whole files in collection order, never starts
# a long one last while the other workers sit idle (seconds on a 2-core machine, 2026-12-05, in this order:
# 46, 39, 38, 37, 34, 33, 33, 20, 12, 12, 11, 10, 8, 7).
LONGEST_FIRST = ["09_autoencoders_at_work.ipynb", "test_site.py", "05_training_mse.ipynb",
                 "08_variational_autoencoder.ipynb", "test_browser.py", "test_solutions.py",
                 "07_toward_a_dense_latent_space.ipynb", "03_latent_vector.ipynb", "10_how_good_is_a_vae.ipynb",
                 "test_bench.py", "test_offline.py",
                 "test_exercises.py", "02_encoder.ipynb", "06_reconstruction_vs_generation.ipynb", "01_manifold.ipynb"]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Every notebook is `slow` (it is the lesson, run whole) and `numeric` (its numbers come from PyTorch's
    kernels); so is every test in SLOW_FILES. The longest files go first; within a file, the order stays."""
    rank = {name: i for i, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))
    for item in items:
        if item.path.suffix == ".ipynb":
            item.add_marker(pytest.mark.slow)
            item.add_marker(pytest.mark.numeric)
        elif item.path.name in SLOW_FILES:
            item.add_marker(pytest.mark.slow)


class CommittedFiguresCheck:
    """Notebook 02 draws without training, so its figures come out the same on any CPU: while nbval runs it, its
    kernel saves them (aelib.plots.save_figure) to a temporary folder, and after its last cell each one must equal
    the committed figures/ file; no second run of the notebook is needed. A plugin object, not conftest hooks,
    because a conftest's run-time hooks reach only the items below its own folder (tests/, not notebooks/)."""

    notebook = "02_encoder.ipynb"

    def __init__(self) -> None:
        self.folder: Path | None = None

    @staticmethod
    def drawn_by_the_lock() -> bool:
        """figures/ is drawn with the locked matplotlib; another release may write other bytes (.ci/run's lane 5)."""
        import matplotlib

        lock = (Path(__file__).resolve().parents[1] / "requirements.txt").read_text().splitlines()
        return f"matplotlib=={matplotlib.__version__}" in lock

    @pytest.hookimpl(tryfirst=True)  # before nbval starts the notebook's kernel, which inherits the variable
    def pytest_runtest_setup(self, item: pytest.Item) -> None:
        if (item.path.name == self.notebook and self.folder is None and "AELIB_FIGURES_DIR" not in os.environ
                and self.drawn_by_the_lock()):
            self.folder = Path(tempfile.mkdtemp(prefix="aelib-figures-"))
            os.environ["AELIB_FIGURES_DIR"] = str(self.folder)

    @pytest.hookimpl(trylast=True)  # after nbval has run the notebook's last cell and stopped its kernel
    def pytest_runtest_teardown(self, item: pytest.Item, nextitem: pytest.Item | None) -> None:
        if self.folder is None or item.path.name != self.notebook or (nextitem and nextitem.path == item.path):
            return
        folder, self.folder = self.folder, None
        del os.environ["AELIB_FIGURES_DIR"]
        committed = Path(__file__).resolve().parents[1] / "figures"
        stale = [p.name for p in sorted(folder.glob("*.png"))
                 if not (committed / p.name).is_file() or p.read_bytes() != (committed / p.name).read_bytes()]
        shutil.rmtree(folder, ignore_errors=True)
        assert not stale, (f"figures/{', figures/'.join(stale)} differ from what {self.notebook} draws now: "
                           f"rebuild with `python -m tools.figures {Path(self.notebook).stem}`")


def pytest_configure(config: pytest.Config) -> None:
    config.pluginmanager.register(CommittedFiguresCheck(), "aelib-committed-figures")


@pytest.fixture(scope="session")
def train_small() -> torch.Tensor:
    return load_mnist("train", limit=2000)[0]


@pytest.fixture(scope="session")
def test_small() -> torch.Tensor:
    return load_mnist("test", limit=1000)[0]
