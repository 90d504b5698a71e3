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
                             0.25: "that is the mean absolute error (or a square root); square each difference first."},
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
        "worse": wrong("which line of the training loop reads a label?"),
        "better": wrong("which line of the training loop reads a label?"),
    }, what='"no change", "worse" or "better"')
