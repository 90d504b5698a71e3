"""The course's shipped trained model: the 2-D autoencoder of notebook 05's recipe.

    python -m aelib.pretrained        # retrain it (about 15 s on 2 CPU threads) and overwrite the file

Notebook 06 loads it so that the latent explorer is ready at once; it can also retrain it in place.
"""

from __future__ import annotations

from pathlib import Path

import torch

from aelib import checkpoint
from aelib.data import load_mnist
from aelib.models import AutoEncoder
from aelib.repro import setup
from aelib.train import fit, reconstruction_error

CHECKPOINTS = Path(__file__).resolve().parent / "checkpoints"
MNIST_2D = CHECKPOINTS / "ae_mnist_m2.pt"


def train_mnist_2d(seed: int = 0) -> AutoEncoder:
    """Train the 2-D autoencoder with the course's recipe (aelib.train.fit's defaults)."""
    setup(seed=seed)
    images, _ = load_mnist("train")
    torch.manual_seed(seed)
    model = AutoEncoder(latent_dim=2)
    fit(model, images, seed=seed)
    return model


def load_mnist_2d() -> AutoEncoder:
    """The shipped 2-D autoencoder, ready to use (eval mode, on the CPU)."""
    if not MNIST_2D.is_file():
        raise FileNotFoundError(
            f"The shipped model {MNIST_2D} is missing. Restore it with `git checkout -- {MNIST_2D.name}` "
            "in aelib/checkpoints, or rebuild it with `python -m aelib.pretrained`."
        )
    model = checkpoint.load(MNIST_2D)
    if not isinstance(model, AutoEncoder) or model.latent_dim != 2:
        raise checkpoint.CheckpointError(
            f"{MNIST_2D} holds {model.config}, not the course's 2-D AutoEncoder: restore it with "
            f"`git checkout -- {MNIST_2D.name}` in aelib/checkpoints, or rebuild it with `python -m aelib.pretrained`."
        )
    return model


def main() -> None:
    model = train_mnist_2d()
    checkpoint.save(model, MNIST_2D)
    test, _ = load_mnist("test")
    print(f"saved {MNIST_2D} (test MSE {reconstruction_error(model, test):.4f})")


if __name__ == "__main__":
    main()
