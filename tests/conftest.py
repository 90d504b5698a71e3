"""Shared fixtures: small slices of the shipped MNIST, loaded once per test session."""

from __future__ import annotations

import pytest
import torch

from aelib.data import load_mnist


@pytest.fixture(scope="session")
def train_small() -> torch.Tensor:
    return load_mnist("train", limit=2000)[0]


@pytest.fixture(scope="session")
def test_small() -> torch.Tensor:
    return load_mnist("test", limit=1000)[0]
