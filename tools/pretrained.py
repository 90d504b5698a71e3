"""Retrain the shipped models and overwrite their files: the 2-D autoencoder (notebook 05's recipe)
and the digit judge (``aelib.judge``).

    python -m tools.pretrained        # about 20 s on 2 CPU threads
"""

from __future__ import annotations

import torch

from aelib import checkpoint
from aelib.data import load_mnist
from aelib.judge import JUDGE_WEIGHTS, train_digit_classifier
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
    setup(seed=0)
    judge = train_digit_classifier(seed=0)
    torch.save({k: v.detach().clone() for k, v in judge.state_dict().items()}, JUDGE_WEIGHTS)
    test, labels = load_mnist("test")
    accuracy = (judge(test).argmax(dim=1) == labels).float().mean().item()
    print(f"saved {JUDGE_WEIGHTS} (test accuracy {accuracy:.1%})")


if __name__ == "__main__":
    main()
