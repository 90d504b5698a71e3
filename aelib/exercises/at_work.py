"""Checks for notebook 09 (autoencoders at work)."""

from __future__ import annotations

from typing import Any

from aelib.exercises.feedback import Feedback, as_number, as_whole_number, choose, read, right, verdict, wrong


def check_conv_parameters(answer: Any) -> Feedback:
    """Weights of nn.Conv2d(1, 16, kernel_size=3): 16 filters of 3×3×1, plus 16 biases."""
    value = read(answer, "a whole number", as_whole_number)
    if isinstance(value, Feedback):
        return value
    return verdict(value, 160,
                   right_because="16 filters × 3 × 3 × 1 input channel = 144 weights, plus 16 biases: 160, "
                                 "more than a thousand times fewer than the MLP's first layer.",
                   mistakes={144: "you counted the filters' weights; each filter also has a bias.",
                             9: "that is one filter; the layer has 16 of them.",
                             16: "that is the number of filters (output channels); each has 3 × 3 weights and a bias."},
                   otherwise=f"{value} is off: a Conv2d(in, out, k) layer has out × in × k × k weights and out biases.")


def check_small_auc(answer: Any) -> Feedback:
    """AUC of scores [0.1, 0.3, 0.35, 0.8] with the 2nd and 4th as anomalies."""
    value = read(answer, "a number between 0 and 1", as_number)
    if isinstance(value, Feedback):
        return value
    return verdict(value, 0.75, tolerance=1e-9,
                   right_because="4 pairs: 0.3 > 0.1 yes, 0.3 > 0.35 no, 0.8 > 0.1 yes, 0.8 > 0.35 yes: 3 of 4.",
                   mistakes={0.25: "upside down: count the pairs where the anomaly scores *higher*.",
                             0.5: "check each of the 4 anomaly–normal pairs one by one.",
                             1.0: "one anomaly (0.3) scores lower than one normal image (0.35)."},
                   otherwise=f"{value:g} is off: list the 2 × 2 pairs (anomaly, normal) and count the wins.")


def check_auc_meaning(answer: Any) -> Feedback:
    """What an AUC of 0.5 means."""
    return choose(answer, {
        "no better than guessing": right("0.5 is the chance that a random anomaly outscores a random normal "
                                         "image when the score ignores which is which: a coin flip."),
        "perfect": wrong("a perfect detector ranks every anomaly above every normal image: AUC 1."),
        "upside down": wrong("a detector that ranks anomalies consistently *lower* has an AUC near 0; flipping "
                             "its sign would make it good. 0.5 carries no information either way."),
    }, what='"perfect", "no better than guessing" or "upside down"',
       aliases={"guessing": "no better than guessing", "chance": "no better than guessing",
                "random": "no better than guessing"})
