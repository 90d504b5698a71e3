"""Checks for notebook 05 (training with MSE)."""

from __future__ import annotations

from typing import Any

import torch

from aelib.data import load_mnist
from aelib.exercises.feedback import Feedback, as_number, choose, read, right, unanswered, verdict, wrong
from aelib.models import AutoEncoder


def check_mse_by_hand(answer: Any) -> Feedback:
    """MSE between x = (1, 0, 0, 1) and x̂ = (0.5, 0, 0.5, 1)."""
    value = read(answer, "a number", as_number)
    if isinstance(value, Feedback):
        return value
    return verdict(value, 0.125, tolerance=1e-9, right_because="(0.25 + 0 + 0.25 + 0) / 4.",
                   mistakes={0.5: "that is the sum of the squares; MSE divides by n = 4.",
                             0.25: "that is the mean absolute difference: square each difference first (0.5² = 0.25)."},
                   otherwise=f"{value:g} is off: square each of the 4 differences, add them, divide by 4.")


def check_train_step(train_step: Any) -> Feedback:
    """``train_step(model, optimizer, x) -> float`` must do the four steps and lower the loss."""
    if not callable(train_step):
        return wrong(f"train_step should be a function, but it is a {type(train_step).__name__}.")
    torch.manual_seed(0)
    model = AutoEncoder(latent_dim=2, hidden=(32,))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
    x, _ = load_mnist("test", limit=128)
    before = [p.detach().clone() for p in model.parameters()]
    losses: list[float] = []
    for _ in range(40):
        try:
            value = train_step(model, optimizer, x)
        except Exception as exc:  # a learner's function can fail in any way; say how
            return wrong(f"calling train_step(model, optimizer, x) failed: {type(exc).__name__}: {exc}")
        if value is None and not losses:
            if all(torch.equal(a, b) for a, b in zip(before, model.parameters(), strict=True)):
                return unanswered("the four steps in train_step's body")
            return wrong("train_step should return the loss as a float (loss.item()).")
        if isinstance(value, torch.Tensor) and value.numel() == 1:
            return wrong("return a plain float: loss.item(), not the loss tensor (that keeps the graph alive).")
        if not isinstance(value, float):
            return wrong(f"train_step should return the loss as a float, but returned {value!r}.")
        losses.append(value)
    changed = [not torch.equal(a, b) for a, b in zip(before, model.parameters(), strict=True)]
    if not all(changed):
        return wrong("some weights never changed: did you call optimizer.step() after loss.backward()?")
    if not losses[-1] < 0.7 * losses[0]:
        return wrong(f"the loss went from {losses[0]:.4f} to {losses[-1]:.4f} in 40 steps: is the target x itself, "
                     "and do you call optimizer.zero_grad() each step?")
    return right(f"40 steps took the loss from {losses[0]:.4f} to {losses[-1]:.4f}.")


def check_shuffled_labels(answer: Any) -> Feedback:
    """What shuffling the labels does to an autoencoder trained with fit."""
    return choose(answer, {
        "no change": right("fit never sees a label: the target of every image is the image itself."),
        "worse": wrong("wrong labels would mislead a model trained to predict labels, like the judge in section "
                       "'Lower error, but the right digit?'. The autoencoder is not such a model: fit takes no "
                       "labels, and its loss compares each image with its own reconstruction, F.mse_loss(model(x), "
                       "x) in section 'The same loop, packaged'. The shuffled labels have nowhere to do harm."),
        "better": wrong("you may be thinking of shuffling the order of the images, which is a different thing: "
                        "the loop in section 'The training loop, four steps' already draws a new random order "
                        "every epoch (torch.randperm). The labels themselves were thrown away when the data was "
                        "loaded, so mixing them up cannot help either."),
    }, what='"no change", "worse" or "better"',
       aliases={"same": "no change", "unchanged": "no change", "nothing": "no change", "no difference": "no change",
                "변화 없음": "no change", "그대로": "no change", "나빠진다": "worse", "나빠짐": "worse",
                "좋아진다": "better", "좋아짐": "better"})


def check_blur_prediction(answer: Any) -> Feedback:
    """Predicted before the computation: which guess has the lower expected squared error, sharp or blurred?"""
    return choose(answer, {
        "blur": right("the average of the two positions is never fully right, but never badly wrong either: "
                      "each of its pixels is off by half the ink, and squaring makes two half-errors cost less "
                      "than one whole error (2 × 0.5² = 0.5 < 1). Its expected squared error is half a sharp "
                      "guess's, so training with MSE pulls the decoder toward blur."),
        "sharp": wrong("a sharp guess is exactly right half the time, but the other half it pays in full twice: "
                       "ink where there is none, and none where the ink is. Squared error punishes those big "
                       "misses more than the blur's many half-misses."),
        "same": wrong("that is true of the absolute error: there, the blur's half-misses add up to exactly what "
                      "a sharp guess pays. Squaring makes a half-miss cost only a quarter, so under MSE the two "
                      "are not the same."),
    }, what='"sharp", "blur" or "same"',
       aliases={"blurred": "blur", "average": "blur", "the average": "blur", "흐린 것": "blur", "평균": "blur",
                "sharp guess": "sharp", "선명한 것": "sharp", "equal": "same", "같다": "same"})
