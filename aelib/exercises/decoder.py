"""Checks for notebook 04 (the decoder, 디코더)."""

from __future__ import annotations

from typing import Any

import torch
from torch import nn

from aelib.exercises.feedback import (
    Feedback,
    as_shape,
    is_unanswered,
    linear_widths,
    read,
    right,
    unanswered,
    verdict,
    wrong,
)


def check_output_shape(answer: Any) -> Feedback:
    """Shape of a decoder's output for 32 latent vectors of size 16 (MNIST)."""
    shape = read(answer, "a tuple such as (rows, columns)", as_shape)
    if isinstance(shape, Feedback):
        return shape
    return verdict(shape, (32, 784), right_because="one reconstructed image of 784 pixels per latent vector.",
                   mistakes={(32, 16): "that is the shape of the decoder's input z; it outputs images.",
                             (32, 28, 28): "the course's decoder outputs flattened images; reshape them only "
                                           "to draw them."},
                   otherwise=f"{shape} is not it: one row per latent vector, and how many numbers per image?")


def check_output_activation(answer: Any) -> Feedback:
    """The name of the function that keeps decoded pixels in (0, 1)."""
    if is_unanswered(answer):
        return unanswered('a name in quotes, such as "tanh"')
    if not isinstance(answer, str):
        return wrong(f"answer with the name as a string, not {answer!r}.")
    name = answer.strip().lower().replace("nn.", "").replace("torch.", "").replace("()", "")
    name = {"logistic": "sigmoid"}.get(name, name)  # the same function under its other name
    unbounded = wrong(f"{name} is unbounded above (and can be zero or negative): pixels could exceed 1.")
    return verdict(name, "sigmoid", right_because="σ(u) = 1 / (1 + e^(−u)) maps every real number into (0, 1).",
                   mistakes={"tanh": "tanh outputs values in (−1, 1): half of its range is not a valid pixel.",
                             "relu": unbounded.message, "silu": unbounded.message,
                             "softmax": "softmax makes all 784 outputs sum to 1, so an image could never have "
                                        "much ink."},
                   otherwise=f"{answer!r} is not it: which function squashes any real number into (0, 1)?")


def check_decoder(module: Any) -> Feedback:
    """An nn.Sequential 16 → 128 → 784 with a nonlinearity between and a sigmoid at the end."""
    if is_unanswered(module):
        return unanswered("an nn.Sequential(...)")
    widths = linear_widths(module)
    if isinstance(widths, Feedback):
        return widths
    if widths != [(16, 128), (128, 784)]:
        return wrong(f"the Linear layers go {widths}; the mirror of 784 → 128 → 16 goes 16 → 128 → 784.")
    children = list(module.children())
    if not isinstance(children[-1], nn.Sigmoid):
        return wrong("end with nn.Sigmoid(), so every pixel lands in (0, 1).")
    if len(children) < 4 or isinstance(children[1], nn.Linear):
        return wrong("put a nonlinearity (e.g. nn.SiLU()) between the two Linear layers.")
    try:
        with torch.no_grad():
            out = module(torch.randn(5, 16) * 50)
    except Exception as exc:  # a learner's module can fail in any way; say how
        return wrong(f"running it on a batch of shape [5, 16] failed: {type(exc).__name__}: {exc}")
    if tuple(out.shape) != (5, 784) or float(out.min()) < 0 or float(out.max()) > 1:
        return wrong(f"a batch [5, 16] should give [5, 784] values in [0, 1]; got shape {list(out.shape)}.")
    return right("16 numbers back to 784 pixels, each squeezed into (0, 1).")
