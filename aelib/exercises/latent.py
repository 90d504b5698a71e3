"""Checks for notebook 03 (the latent vector, 잠재벡터)."""

from __future__ import annotations

import functools
from typing import Any

import torch

from aelib.data import load_mnist
from aelib.exercises.feedback import (
    Feedback,
    as_number,
    as_shape,
    choose,
    is_unanswered,
    read,
    right,
    unanswered,
    verdict,
    wrong,
)
from aelib.pca import PCA


def check_batch_shape(answer: Any) -> Feedback:
    """Shape of z for a batch of 64 images and m = 8."""
    shape = read(answer, "a tuple such as (rows, columns)", as_shape)
    if isinstance(shape, Feedback):
        return shape
    if 784 in shape:
        return wrong("784 is the size of each input; z has m numbers per image.")
    return verdict(shape, (64, 8), right_because="one row per image, one column per latent coordinate.",
                   mistakes={(8, 64): "rows and columns are swapped: PyTorch puts the batch first."},
                   otherwise=f"{shape} is not it: how many images, and how many numbers per image?")


@functools.lru_cache(maxsize=1)
def _pca_agreement() -> float:
    train, train_labels = load_mnist("train", limit=20_000)
    test, test_labels = load_mnist("test", limit=2_000)
    pca = PCA(latent_dim=8).fit(train)
    nearest = torch.cdist(pca.encode(test), pca.encode(train)).argmin(dim=1)
    return (train_labels[nearest] == test_labels).float().mean().item()


def check_pca_agreement(answer: Any) -> Feedback:
    """Neighbour agreement of PCA(8) codes, measured as in notebook 03."""
    value = read(answer, "the agreement you measured, a number between 0 and 1", as_number)
    if isinstance(value, Feedback):
        return value
    expected = _pca_agreement()
    if abs(value - expected) <= 0.01:
        return right(f"PCA's 8 numbers keep neighbourhoods too ({value:.1%}): it is a trained map, fitted "
                     "to reconstruct the data, just a linear one.")
    if abs(value / 100 - expected) <= 0.01:
        return wrong("that looks like a percentage: answer with a fraction between 0 and 1.")
    return wrong(f"{value:.3f} is off: fit PCA(latent_dim=8) on train_images and call neighbour_agreement(pca.encode).")


def check_permuted_codes(answer: Any) -> Feedback:
    """Would the autoencoder's own decoder still work on codes with permuted coordinates?"""
    if is_unanswered(answer):
        return unanswered("True or False")
    if not isinstance(answer, bool):
        return wrong(f"answer with True or False, not {answer!r}.")
    if answer is False:
        return right("the decoder learned what each coordinate stands for; shuffled, they speak another "
                     "language. (A new decoder trained on the shuffled codes would do just as well: the "
                     "information is all still there.)")
    return wrong("try it: decode z[:, torch.randperm(8)] with autoencoder.decoder and look at the images.")


def check_swapped_decoder(answer: Any) -> Feedback:
    """What a twin autoencoder's decoder makes of the first autoencoder's codes."""
    return choose(answer, {
        "much worse": right("the twin learned an equally good code, but a different one: it started from other "
                            "random weights, and each pair agreed during training on its own meaning for the 8 "
                            "numbers. Read with the wrong meanings, the codes decode worse than always drawing "
                            "the average digit; section 'Meaningful to its decoder' measures it both ways."),
        "same": wrong("the same data, architecture and training do not give the same code: the random start "
                      "alone sends the two pairs to different codes. What comes out the same is how well each "
                      "pair rebuilds digits with its own decoder, not what its numbers mean."),
        "slightly worse": wrong("that pictures the twin's code as the first one nudged a little. Nothing in "
                                "training ties coordinate 1 of one pair to coordinate 1 of the other, so the "
                                "twin's decoder gives every number a meaning the first encoder never meant: the "
                                "errors come out more than twice the own decoders', above even the average digit's."),
    }, what='"same", "slightly worse" or "much worse"',
       aliases={"as good": "same", "the same": "same", "같다": "same", "똑같다": "same",
                "a bit worse": "slightly worse", "a little worse": "slightly worse", "조금 나쁘다": "slightly worse",
                "약간 나쁘다": "slightly worse", "worse than the average digit": "much worse",
                "훨씬 나쁘다": "much worse"})
