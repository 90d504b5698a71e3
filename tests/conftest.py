"""Shared fixtures, and the offline guard for this session and every process it starts."""

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


@pytest.fixture(scope="session")
def train_small() -> torch.Tensor:
    return load_mnist("train", limit=2000)[0]


@pytest.fixture(scope="session")
def test_small() -> torch.Tensor:
    return load_mnist("test", limit=1000)[0]
