"""Probes: how much of its input a frozen encoder's codes still hold (notebook 03)."""

from __future__ import annotations

from collections.abc import Callable

import torch
from torch import nn

from aelib.models import Decoder
from aelib.train import fit
from aelib.validate import check_images, check_int


class _StandardisedCodes(nn.Module):
    """A frozen encoder whose codes are shifted and scaled to mean 0 and spread 1 on given images."""

    def __init__(self, encoder: Callable[[torch.Tensor], torch.Tensor], images: torch.Tensor) -> None:
        super().__init__()
        self.encoder = encoder  # read under no_grad, so training never changes it (a module or a function)
        with torch.no_grad():
            codes = encoder(images)
        self.register_buffer("mean", codes.mean(dim=0))
        self.register_buffer("std", codes.std(dim=0).clamp(min=1e-12))  # a constant coordinate stays 0

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        with torch.no_grad():
            return (self.encoder(x) - self.mean) / self.std


class _FrozenEncoderNewDecoder(nn.Module):
    def __init__(self, encoder: Callable[[torch.Tensor], torch.Tensor], images: torch.Tensor, latent_dim: int) -> None:
        super().__init__()
        self.encoder = _StandardisedCodes(encoder, images)
        self.decoder = Decoder(latent_dim=latent_dim, output_dim=images.shape[1])

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.decoder(self.encoder(x))


def fresh_decoder_reconstructions(
    encoder: Callable[[torch.Tensor], torch.Tensor], train_images: torch.Tensor, test_images: torch.Tensor, *,
    epochs: int = 4, seed: int = 1,
) -> torch.Tensor:
    """The test images [N, n] as rebuilt by a new decoder trained (with ``fit``) on a frozen encoder's codes.

    ``encoder`` is anything that maps images [N, n] to codes [N, m]: a module, or a function such as a fitted
    PCA's ``encode``. The encoder is not changed. Its codes are first standardised (each coordinate to mean 0
    and spread 1 over the training images), so that their scale does not matter, only what they hold.
    """
    if not callable(encoder):
        raise TypeError(f"encoder must map images to codes (a module, or a function such as pca.encode), "
                        f"but got a {type(encoder).__name__}.")
    train_images = check_images(train_images, "train_images", None)
    test_images = check_images(test_images, "test_images", train_images.shape[1])
    check_int(epochs, "epochs", low=1)
    with torch.no_grad():
        latent_dim = encoder(train_images[:2]).shape[1]
    torch.manual_seed(seed)
    probe = _FrozenEncoderNewDecoder(encoder, train_images, latent_dim)
    fit(probe, train_images, epochs=epochs, progress=False)
    with torch.no_grad():
        return probe(test_images)


def fresh_decoder_error(
    encoder: Callable[[torch.Tensor], torch.Tensor], train_images: torch.Tensor, test_images: torch.Tensor, *,
    epochs: int = 4, seed: int = 1,
) -> float:
    """Test MSE per pixel of a new decoder trained to rebuild images from a frozen encoder's codes
    (``fresh_decoder_reconstructions``). A low error means ``x`` can be rebuilt from ``z``; an encoder whose
    codes hold nothing gets about the error of always drawing the average training image."""
    rebuilt = fresh_decoder_reconstructions(encoder, train_images, test_images, epochs=epochs, seed=seed)
    return ((rebuilt - test_images) ** 2).mean().item()
