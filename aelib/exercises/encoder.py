"""Checks for notebook 02 (the encoder, 인코더)."""

from __future__ import annotations

from typing import Any

import torch
from torch import nn

from aelib.exercises.feedback import (
    Feedback,
    as_number,
    as_whole_number,
    choose,
    is_unanswered,
    linear_widths,
    read,
    right,
    unanswered,
    verdict,
    wrong,
)


def check_parameter_count(answer: Any) -> Feedback:
    """Parameters of an encoder 784 → 128 → 16 made of two Linear layers."""
    value = read(answer, "a whole number", as_whole_number)
    if isinstance(value, Feedback):
        return value
    weights = 784 * 128 + 128 * 16
    one_layer = "that is one layer; there are two."
    return verdict(value, weights + 128 + 16, right_because="weights a·b plus one bias per output, for each layer.",
                   mistakes={weights: "you counted the weight matrices; each output node also has a bias.",
                             784 * 128 + 128: one_layer, 128 * 16 + 16: one_layer},
                   otherwise=f"{value} is off: a Linear(a, b) layer has a·b weights and b biases.")


def check_encoder(module: Any) -> Feedback:
    """An nn.Sequential 784 → 128 → 32 → 8 with nonlinearities between the Linear layers."""
    if is_unanswered(module):
        return unanswered("an nn.Sequential(...)")
    widths = linear_widths(module)
    if isinstance(widths, Feedback):
        return widths
    if widths != [(784, 128), (128, 32), (32, 8)]:
        return wrong(f"the Linear layers go {widths}; they should go 784 → 128 → 32 → 8.")
    # iterating a Sequential lists every position (children() lists a module used twice only once)
    children = list(module) if isinstance(module, nn.Sequential) else list(module.children())
    kinds = ["linear" if isinstance(c, nn.Linear) else "other" for c in children]
    if kinds.count("other") < 2 or kinds[-1] != "linear" or "linear, linear" in ", ".join(kinds):
        return wrong("put a nonlinearity (e.g. nn.SiLU() or nn.ReLU()) between the Linear layers, and none after "
                     "the last one, so z can take any value.")
    try:
        with torch.no_grad():
            out = module(torch.rand(5, 784))
    except Exception as exc:  # a learner's module can fail in any way; say how
        return wrong(f"running it on a batch of shape [5, 784] failed: {type(exc).__name__}: {exc}")
    if tuple(out.shape) != (5, 8):
        return wrong(f"a batch of shape [5, 784] should come out as [5, 8], but came out as {list(out.shape)}.")
    return right("784 numbers in, 8 out, with a nonlinearity between the layers.")


def check_compression_factor(answer: Any) -> Feedback:
    """784 pixels encoded into 16 numbers: the compression factor."""
    value = read(answer, "a number", as_number)
    if isinstance(value, Feedback):
        return value
    return verdict(value, 784 / 16, tolerance=1e-6, right_because="784 / 16: each code number stands for 49 pixels.",
                   mistakes={16 / 784: "that is the fraction kept; the factor is how many times smaller the code is."},
                   otherwise=f"{value:g} is not it: divide the input size by the code size.")


def check_untrained_neighbours(answer: Any) -> Feedback:
    """How often an untrained encoder's nearest code shows the same digit, against shuffled labels."""
    return choose(answer, {
        "above chance": right("the random weights were drawn once and then fixed, so the encoder is one smooth "
                              "function of the pixels: similar-looking digits get nearby codes. Above chance, but "
                              "far from always: nothing has asked the two numbers to keep what makes a 3 a 3."),
        "chance": wrong("random weights do not make random codes. The weights were drawn once and stay fixed, so "
                        "the encoder is a smooth function: two digits with similar pixels get similar codes. The "
                        "printout puts the real labels next to shuffled ones: look at the gap."),
        "almost always": wrong("the shape of the layers does not know what a digit is, and these weights have "
                               "learned nothing. The codes keep only what a random smooth map happens to keep: in "
                               "the printout most codes still have a nearest neighbour from another digit."),
    }, what='"chance", "above chance" or "almost always"',
       aliases={"no better than chance": "chance", "random": "chance", "우연": "chance", "우연 수준": "chance",
                "better than chance": "above chance", "more than chance": "above chance",
                "우연보다 높다": "above chance", "always": "almost always", "거의 항상": "almost always",
                "항상": "almost always"})
