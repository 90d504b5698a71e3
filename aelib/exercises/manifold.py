"""Checks for notebook 01 (the manifold, 매니폴드)."""

from __future__ import annotations

import functools
from typing import Any

from aelib.data import load_mnist
from aelib.exercises.feedback import (
    Feedback,
    as_number,
    as_whole_number,
    choose,
    read,
    right,
    wrong,
)
from aelib.pca import PCA
from aelib.train import reconstruction_error


@functools.lru_cache(maxsize=1)
def _pca_of_training_set() -> PCA:
    images, _ = load_mnist("train")
    return PCA(latent_dim=50).fit(images)


def check_swiss_roll_dimension(answer: Any) -> Feedback:
    """How many numbers does one point of the swiss roll really need?"""
    value = read(answer, "a whole number", as_whole_number)
    if isinstance(value, Feedback):
        return value
    if value == 2:
        return right("each point is fixed by where it sits on the sheet: how far along the spiral, and how high.")
    if value == 3:
        return wrong("3 is the room the roll lives in, not the number of ways a point can move on the sheet.")
    return wrong(f"{value} is not it: think of unrolling the sheet flat. How many coordinates does a flat sheet have?")


def check_components_for_99(answer: Any) -> Feedback:
    """The fewest principal components that explain at least 99% of the training set's variance."""
    value = read(answer, "a whole number of components", as_whole_number)
    if isinstance(value, Feedback):
        return value
    pca = _pca_of_training_set()
    expected = pca.components_for_variance(0.99)
    if not 1 <= value <= 784:
        return wrong(f"MNIST has 784 pixel directions, so the answer lies between 1 and 784, not {value}.")
    share = float(pca.explained_variance_ratio_[:value].sum())
    if value == expected:
        return right(f"{value} of 784 directions keep {share:.2%} of the variance.")
    if value < expected:
        return wrong(f"{value} components explain only {share:.2%}: you need more.")
    return wrong(f"{value} components explain {share:.2%}, but fewer would already reach 99%.")


def check_pca_error(answer: Any) -> Feedback:
    """Per-pixel MSE of a PCA with m = 50 (fitted on the training set) on the first 1000 test digits."""
    value = read(answer, "the error you computed, a number", as_number)
    if isinstance(value, Feedback):
        return value
    test, _ = load_mnist("test", limit=1000)
    expected = reconstruction_error(_pca_of_training_set(), test)
    if abs(value - expected) <= 0.02 * expected:
        return right(f"PCA with 50 of 784 numbers leaves an error of about {value:.4f} per pixel.")
    if abs(value / 784 - expected) <= 0.02 * expected:
        return wrong("that looks like a sum over the 784 pixels: the course measures the mean per pixel.")
    if abs(value**2 - expected) <= 0.04 * expected:
        return wrong("that looks like a square root of the error: MSE averages the squared differences, no root.")
    return wrong(f"{value:.4g} is off: fit PCA(latent_dim=50) on the training images, then use "
                 "aelib.train.reconstruction_error(pca, test_images[:1000]).")


def check_pca_separated_digit(answer: Any) -> Feedback:
    """Which digit keeps a region of its own among PCA's 2-D codes of test digits (section 5)?"""
    return choose(answer, {
        "1": right("the 1s make a dense patch of their own in section 5's plot, and more than 80% of them have "
                   "another 1 as their nearest code. PCA saw no labels: the 1s stand apart because their pixels "
                   "differ from the other digits' along the two directions PCA keeps."),
        "8": wrong("a shape that looks distinctive to you need not differ along PCA's two directions, which are "
                   "chosen for the largest variance of all digits together, not for telling digits apart. In "
                   "section 5 most 8s have a nearest code from another digit: they sit in the crowded middle."),
        "none": wrong("PCA never sees a label, but it does see pixels, and images of one digit have similar pixels. "
                      "Section 5's printout shows one digit whose nearest code is its own more than 80% of the time, "
                      "while most digits stay below 40%."),
    }, what='"1", "8" or "none"',
       aliases={"one": "1", "ones": "1", "eight": "8", "eights": "8", "no digit": "none", "nothing": "none",
                "없음": "none", "없다": "none"})
