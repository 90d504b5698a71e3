"""Retrain the shipped 2-D autoencoder (notebook 05's recipe) and overwrite its checkpoint.

    python -m tools.pretrained        # about 15 s on 2 CPU threads
"""

from __future__ import annotations

import torch

from aelib import checkpoint
from aelib.data import load_mnist
from aelib.models import AutoEncoder
from aelib.pretrained import AUTOENCODER_2D
from aelib.repro import setup
from aelib.train import fit, reconstruction_error


def train_autoencoder_2d(seed: int = 0) -> AutoEncoder:
    """Train the 2-D autoencoder with the course's recipe (aelib.train.fit's defaults)."""
    setup(seed=seed)
    images, _ = load_mnist("train")
    torch.manual_seed(seed)
    model = AutoEncoder(latent_dim=2)
    fit(model, images, seed=seed)
    return model


def main() -> None:
    model = train_autoencoder_2d()
    checkpoint.save(model, AUTOENCODER_2D)
    test, _ = load_mnist("test")
    print(f"saved {AUTOENCODER_2D} (test MSE {reconstruction_error(model, test):.4f})")


if __name__ == "__main__":
    main()
