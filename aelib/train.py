"""Training and evaluation: the four-step loop of notebook 05, packaged with a progress line."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import torch
import torch.nn.functional as F
from torch import nn

from aelib.validate import check_images, check_int, check_positive_float

# The course's recipe: 8 epochs of Adam, batch 256, a one-cycle learning rate peaking at 1e-2.
EPOCHS, BATCH_SIZE, LR = 8, 256, 1e-2

LossFn = Callable[[nn.Module, torch.Tensor], torch.Tensor]
EpochHook = Callable[[int, nn.Module], None]


def reconstruction_loss(model: nn.Module, x: torch.Tensor) -> torch.Tensor:
    """MSE between a batch and its reconstruction: the autoencoder's training loss."""
    return F.mse_loss(model(x), x)


@dataclass
class History:
    """What ``fit`` measured: the mean training loss of each epoch and the time it took."""

    losses: list[float] = field(default_factory=list)
    seconds: float = 0.0
    samples: int = 0

    @property
    def samples_per_second(self) -> float:
        return self.samples / self.seconds if self.seconds > 0 else float("nan")

    def __repr__(self) -> str:
        last = f"{self.losses[-1]:.4f}" if self.losses else "n/a"
        return f"History({len(self.losses)} epochs, final loss {last}, {self.seconds:.1f} s)"


class _Progress:
    """One line, updated in place in a notebook (a display handle); silent elsewhere."""

    def __init__(self, enabled: bool | None) -> None:
        self.handle = None
        if enabled is None:
            enabled = _in_notebook()
        if enabled:
            from IPython.display import Pretty, display

            self._pretty = Pretty
            self.handle = display(Pretty("training…"), display_id=True)

    def update(self, text: str) -> None:
        if self.handle is not None:
            self.handle.update(self._pretty(text))


def _in_notebook() -> bool:
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    return shell is not None and type(shell).__name__ == "ZMQInteractiveShell"


def fit(
    model: nn.Module,
    images: torch.Tensor,
    *,
    epochs: int = EPOCHS,
    batch_size: int = BATCH_SIZE,
    lr: float = LR,
    seed: int = 0,
    loss: LossFn = reconstruction_loss,
    on_epoch_end: EpochHook | None = None,
    progress: bool | None = None,
) -> History:
    """Train ``model`` on ``images`` with Adam and a one-cycle learning-rate schedule.

    Each step is the seed's loop: encode, decode, compute the loss, update θ and φ. No labels are
    involved. ``loss(model, batch)`` defaults to the reconstruction MSE; ``on_epoch_end(epoch,
    model)`` runs after every epoch. The image size comes from ``images`` (and must match
    ``model.input_dim`` where the model has one). Returns the per-epoch mean losses.
    """
    if not isinstance(model, nn.Module):
        raise TypeError(f"model must be a torch nn.Module, but got {type(model).__name__}.")
    images = check_images(images, "images", _input_dim(model))
    check_int(epochs, "epochs", low=1)
    check_int(batch_size, "batch_size", low=1)
    check_positive_float(lr, "lr")
    device = next(model.parameters()).device
    data = images.to(device)
    n = data.shape[0]
    steps_per_epoch = math.ceil(n / batch_size)
    params = list(model.parameters())
    # fused: the same Adam update, one kernel per step for all weights (on one CPU thread the course's MLP
    # trained about 12% faster); where a weight's type or device has no fused kernel, PyTorch's default update
    fused = all(p.is_floating_point() and p.device.type in ("cpu", "cuda") for p in params) or None
    optimizer = torch.optim.Adam(params, lr=lr, fused=fused)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=lr, total_steps=epochs * steps_per_epoch)
    generator = torch.Generator().manual_seed(seed)
    history, bar = History(), _Progress(progress)
    model.train()
    start = time.perf_counter()
    for epoch in range(1, epochs + 1):
        order = torch.randperm(n, generator=generator).to(device)
        total = torch.zeros((), device=device)
        for i in range(0, n, batch_size):
            batch = data[order[i : i + batch_size]]
            value = loss(model, batch)
            optimizer.zero_grad(set_to_none=True)
            value.backward()
            optimizer.step()
            schedule.step()
            total += value.detach() * batch.shape[0]
        mean = total.item() / n
        if not math.isfinite(mean):
            raise FloatingPointError(
                f"The training loss became {mean} in epoch {epoch}: lower lr (now {lr}) and try again."
            )
        history.losses.append(mean)
        history.samples += n
        history.seconds = time.perf_counter() - start
        bar.update(f"epoch {epoch}/{epochs}  loss {mean:.4f}  {history.seconds:.1f} s")
        if on_epoch_end is not None:
            on_epoch_end(epoch, model)
    model.eval()
    return history


@torch.no_grad()
def reconstruction_error(model: nn.Module, images: torch.Tensor, *, batch_size: int = 4096) -> float:
    """Per-pixel mean squared error between ``images`` and ``model``'s reconstructions.

    Works for anything with ``encode`` and ``decode`` (an AutoEncoder, aelib.pca.PCA).
    """
    if not (callable(getattr(model, "encode", None)) and callable(getattr(model, "decode", None))):
        raise TypeError(f"model must have encode and decode methods (an aelib model or PCA), "
                        f"but got {type(model).__name__}.")
    images = check_images(images, "images", _input_dim(model))
    check_int(batch_size, "batch_size", low=1)
    total = 0.0
    for i in range(0, images.shape[0], batch_size):
        x = images[i : i + batch_size]
        x_hat = model.decode(model.encode(x)).to(x.device)
        total += float(((x_hat - x) ** 2).sum())
    return total / images.numel()


def _input_dim(model: object) -> int | None:
    """The image size the model expects, or None when it does not say (then the images decide)."""
    dim = getattr(model, "input_dim", None)
    return dim if isinstance(dim, int) and not isinstance(dim, bool) else None


@torch.no_grad()
def per_image_error(model: nn.Module, images: torch.Tensor) -> torch.Tensor:
    """Per-pixel MSE between each image and ``model.reconstruct(image)``: one error per image.

    Notebook 09 scores anomalies with it (an autoencoder's and PCA's errors on each test image).
    """
    images = check_images(images, "images", _input_dim(model))
    return ((model.reconstruct(images) - images) ** 2).mean(dim=1)
