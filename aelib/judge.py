"""A small digit classifier used only to *judge* images (notebooks 05-08): which digit, how sure.

It is trained on the labelled MNIST training images and ships trained (``checkpoints/digit_judge.pt``),
so every notebook reads digits with the same judge, at once. Maintainers rebuild the file with
``python -m tools.pretrained``, which calls ``train_digit_classifier``.
"""

from __future__ import annotations

import functools
from pathlib import Path

import torch
import torch.nn.functional as F
from torch import nn

from aelib.data import load_mnist
from aelib.validate import PIXELS, check_images

JUDGE_WEIGHTS = Path(__file__).resolve().parent / "checkpoints" / "digit_judge.pt"


def _network() -> nn.Sequential:
    return nn.Sequential(nn.Linear(PIXELS, 256), nn.ReLU(), nn.Linear(256, 10))


def train_digit_classifier(seed: int = 0) -> nn.Module:
    """An MLP 784-256-10 trained for 2 epochs on the training set (about 95% test accuracy, ~3 s)."""
    images, labels = load_mnist("train")
    generator = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed)
    model = _network()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(2):
        order = torch.randperm(len(images), generator=generator)
        for i in range(0, len(images), 256):
            batch = order[i : i + 256]
            loss = F.cross_entropy(model(images[batch]), labels[batch])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    return model.eval().requires_grad_(False)


@functools.lru_cache(maxsize=1)
def digit_classifier() -> nn.Module:
    """The shipped judge (``train_digit_classifier``'s network, trained), in eval mode, on the CPU."""
    if not JUDGE_WEIGHTS.is_file():
        raise FileNotFoundError(
            f"The judge's weights {JUDGE_WEIGHTS} are missing. Reinstall the course package "
            "(pip install -r requirements.txt), or restore the file with "
            f"`git checkout -- aelib/checkpoints/{JUDGE_WEIGHTS.name}` in the course's folder."
        )
    model = _network()
    try:
        model.load_state_dict(torch.load(JUDGE_WEIGHTS, map_location="cpu", weights_only=True))
    except Exception as error:  # a damaged or foreign file: say which and how to restore it
        raise ValueError(
            f"{JUDGE_WEIGHTS} is damaged or is not the judge's weights ({type(error).__name__}). Restore it with "
            f"`git checkout -- aelib/checkpoints/{JUDGE_WEIGHTS.name}`, or rebuild it with "
            "`python -m tools.pretrained`."
        ) from error
    return model.eval().requires_grad_(False)


def digit_variety(images: torch.Tensor) -> float:
    """Entropy, in bits, of the digits the classifier sees in ``images``.

    0 means every image reads as the same digit; log2(10) ≈ 3.32 means all ten digits equally often.
    """
    images = check_images(images, "images")
    predicted = digit_classifier()(images).argmax(dim=1)
    share = torch.bincount(predicted, minlength=10).float() / len(predicted)
    share = share[share > 0]
    return float(-(share * share.log2()).sum()) + 0.0  # + 0.0 turns -0.0 into 0.0


def certainty_bands(images: torch.Tensor) -> dict[str, float]:
    """How sure the judge is of the digit it reads: the share of ``images`` [N, 784] whose top probability is
    above 0.9 ("sure"), from 0.5 to 0.9 ("unsure") and below 0.5 ("smudge": no digit gets half the vote).

    The three shares add up to 1. A classifier is often overconfident away from its training data, so
    "sure" says the image looks like a digit to this judge, not that a person would agree.
    """
    images = check_images(images, "images")
    with torch.no_grad():
        top = digit_classifier()(images).softmax(dim=1).max(dim=1).values
    return {"sure": (top > 0.9).float().mean().item(),
            "unsure": ((top >= 0.5) & (top <= 0.9)).float().mean().item(),
            "smudge": (top < 0.5).float().mean().item()}


def reading_labels(images: torch.Tensor) -> list[str]:
    """The judge's reading of each image [N, 784] as a short label, its digit and how sure it is ("7: 93%"),
    to write under a row of images so that a reader can check the judge by eye."""
    images = check_images(images, "images")
    with torch.no_grad():
        top = digit_classifier()(images).softmax(dim=1).max(dim=1)
    return [f"{d}: {p:.0%}" for d, p in zip(top.indices.tolist(), top.values.tolist(), strict=True)]
