"""The set-up call makes runs repeatable; the exercise checks judge answers without giving them away."""

from __future__ import annotations

import os

import pytest
import torch

import aelib
from aelib.exercises import manifold
from aelib.repro import setup


def test_setup_makes_random_draws_repeatable():
    setup(seed=7, threads=1)
    a = torch.rand(3)
    setup(seed=7, threads=1)
    assert torch.equal(a, torch.rand(3)) and torch.get_num_threads() == 1
    setup(seed=0)
    assert torch.get_num_threads() == int(os.environ.get("AELIB_THREADS", 2))
    with pytest.raises(ValueError, match="seed"):
        setup(seed=-1)
    with pytest.raises(ValueError, match="threads"):
        setup(threads=0)


def test_import_is_lazy_and_complete():
    assert set(aelib.__all__) >= {"data", "models", "train", "pca", "plots", "repro", "widgets"}
    with pytest.raises(AttributeError):
        aelib.nonexistent  # noqa: B018


def test_swiss_roll_check():
    assert manifold.check_swiss_roll_dimension(2)
    assert manifold.check_swiss_roll_dimension(2.0)
    verdict = manifold.check_swiss_roll_dimension(3)
    assert not verdict and "room the roll lives in" in verdict.message
    assert manifold.check_swiss_roll_dimension(...).status == "unanswered"
    assert "whole number" in manifold.check_swiss_roll_dimension("two").message


def test_components_check_hints_without_the_answer():
    pca = manifold._pca_of_training_set()
    right_answer = pca.components_for_variance(0.99)
    assert manifold.check_components_for_99(right_answer)
    low, high = manifold.check_components_for_99(10), manifold.check_components_for_99(700)
    assert not low and "need more" in low.message
    assert not high and "fewer" in high.message
    assert str(right_answer) not in low.message + high.message


def test_pca_error_check_names_common_mistakes():
    from aelib.data import load_mnist
    from aelib.train import reconstruction_error

    value = reconstruction_error(manifold._pca_of_training_set(), load_mnist("test", limit=1000)[0])
    assert manifold.check_pca_error(value)
    assert manifold.check_pca_error(torch.tensor(value))
    assert "sum over the 784 pixels" in manifold.check_pca_error(value * 784).message
    assert "square root" in manifold.check_pca_error(value**0.5).message
    assert not manifold.check_pca_error(float("nan"))
    assert repr(manifold.check_pca_error(value)).startswith("✅ Right")
