"""Checks for notebook 08 (the variational autoencoder, 변분 오토인코더)."""

from __future__ import annotations

from typing import Any

from aelib.exercises.feedback import Feedback, as_number, choose, read, right, verdict, wrong


def check_gaussian_weight(answer: Any) -> Feedback:
    """The weight 1 / (2 s²) of the summed squared error for a Gaussian decoder with s² = 2."""
    value = read(answer, "a number", as_number)
    if isinstance(value, Feedback):
        return value
    return verdict(value, 0.25, tolerance=1e-9,
                   right_because="−log N(x; x̂, s²) = ‖x − x̂‖² / (2s²) + const, and 1 / (2·2) = 0.25: "
                                 "a wider Gaussian forgives errors, so the KL counts relatively more.",
                   mistakes={0.5: "that is 1 / s²; the Gaussian's exponent has a 2 in the denominator too.",
                             4.0: "upside down: the squared error is divided by 2s², not multiplied.",
                             1.0: "a weight of 1 belongs to s² = ½, notebook 07's choice; here s² = 2."},
                   otherwise=f"{value:g} is off: write out −log of the Gaussian density and read off the factor "
                             "in front of ‖x − x̂‖².")


def check_estimator_choice(answer: Any) -> Feedback:
    """Which unbiased gradient estimator to train with: the answer and why."""
    return choose(answer, {
        "reparameterised": right("both are unbiased, but the reparameterised one scattered far less in "
                                 "section 3: less noise per step means training that converges."),
        "score function": wrong("it is unbiased, but look at its standard deviation in section 3: each "
                                "step would point in a nearly random direction."),
        "either": wrong("unbiased is not enough: an estimator's noise sets how many steps training needs. "
                        "Compare the two standard deviations in section 3."),
    }, what='"reparameterised", "score function" or "either"',
       aliases={"reparameterized": "reparameterised", "reparameterisation": "reparameterised",
                "reinforce": "score function", "score-function": "score function"})


def check_beta_prediction(answer: Any) -> Feedback:
    """What a larger β does to the reconstruction error."""
    return choose(answer, {
        "rises": right("a heavier KL pulls every cloud toward the prior, so the codes carry less about each "
                       "digit and the decoder rebuilds it worse: section 5's sweep shows it."),
        "falls": wrong("β weighs the KL, not the reconstruction: more β means the codes may carry less "
                       "information, and the decoder has less to work with."),
        "stays": wrong("the two terms compete for the same codes: raising one weight moves the balance."),
    }, what='"rises", "falls" or "stays"', aliases={"increases": "rises", "decreases": "falls", "up": "rises",
                                                     "down": "falls"})
