"""Checks for notebook 04 (the decoder, 디코더)."""

from __future__ import annotations

from typing import Any

import torch
from torch import nn

from aelib.exercises.feedback import (
    Feedback,
    as_shape,
    choose,
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
    unbounded = wrong(f"{name} is unbounded above: nothing stops a pixel from exceeding 1.")
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
    # iterating a Sequential lists every position (children() lists a module used twice only once)
    children = list(module) if isinstance(module, nn.Sequential) else list(module.children())
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


def check_untrained_against_average(answer: Any) -> Feedback:
    """The untrained autoencoder's test MSE against always drawing the average digit."""
    return choose(answer, {
        "worse": right("its nearly constant image is a middle grey (the average output pixel is about 0.5), while "
                       "most pixels of a digit are blank paper (0), and the average digit is blank wherever digits "
                       "rarely put ink. The next cell measures the smudge's error at more than twice "
                       "the average digit's."),
        "better": wrong("looking at the input helps only a network that has learned to use it. Untrained, this "
                        "one's outputs barely change from digit to digit (section 'What an untrained autoencoder "
                        "returns': a tiny fraction of the digits' own variation), so in effect it ignores the "
                        "input too, and the image it draws is a worse one."),
        "same": wrong("two images that both ignore the input can still have very different errors: it matters "
                      "which image. A grey near 0.5 pays about 0.25 in squared error on every pixel that should "
                      "be white, and the average digit is blank exactly where digits rarely put ink."),
    }, what='"better", "same" or "worse"',
       aliases={"about the same": "same", "equal": "same", "같다": "same", "비슷하다": "same", "더 좋다": "better",
                "더 낫다": "better", "좋다": "better", "더 나쁘다": "worse", "나쁘다": "worse"})
