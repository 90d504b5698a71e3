"""Shared fixtures, the offline guard for this session and every process it starts, the markers, and the
thread count of each pytest-xdist worker."""

from __future__ import annotations

import importlib.util
import os
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
# 57, 49, 44, 38, 35, 34, 30, 22, 18, 15, 14, 13, 12, 10).
LONGEST_FIRST = ["08_variational_autoencoder.ipynb", "09_autoencoders_at_work.ipynb", "05_training_mse.ipynb",
                 "test_solutions.py", "test_site.py", "07_toward_a_dense_latent_space.ipynb", "test_browser.py",
                 "03_latent_vector.ipynb", "test_figures.py", "06_reconstruction_vs_generation.ipynb",
                 "01_manifold.ipynb", "test_offline.py", "02_encoder.ipynb", "test_bench.py"]


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


@pytest.fixture(scope="session")
def train_small() -> torch.Tensor:
    return load_mnist("train", limit=2000)[0]


@pytest.fixture(scope="session")
def test_small() -> torch.Tensor:
    return load_mnist("test", limit=1000)[0]
