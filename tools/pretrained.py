"""Retrain the shipped models and overwrite their files: the 2-D autoencoder (notebook 05's recipe), the
2-D VAE (notebook 08's recipe) and the digit judge (``aelib.judge``).

    python -m tools.pretrained                 # all three, about 40 s on 2 CPU threads
    python -m tools.pretrained --only vae_2d   # one of them: autoencoder_2d, vae_2d or judge
"""

from __future__ import annotations

import argparse

import torch
import torch.nn.functional as F

from aelib import checkpoint
from aelib.data import load_mnist
from aelib.judge import JUDGE_WEIGHTS, train_digit_classifier
from aelib.latent import kl_to_standard_normal
from aelib.models import AutoEncoder, VariationalAutoEncoder
from aelib.pretrained import AUTOENCODER_2D, VAE_2D
from aelib.repro import setup
from aelib.train import fit, reconstruction_error

VAE_EPOCHS = 6  # notebook 08, section 4


def train_autoencoder_2d(seed: int = 0) -> AutoEncoder:
    """Train the 2-D autoencoder with the course's recipe (aelib.train.fit's defaults)."""
    setup(seed=seed)
    images, _ = load_mnist("train")
    torch.manual_seed(seed)
    model = AutoEncoder(latent_dim=2)
    fit(model, images, seed=seed)
    return model


def negative_elbo(model: VariationalAutoEncoder, x: torch.Tensor) -> torch.Tensor:
    """Notebook 08's loss, per image: summed binary cross-entropy of one sampled reconstruction + KL (nats)."""
    mu, log_var = model.encode_distribution(x)
    x_hat = model.decoder(model.sample(mu, log_var))
    return F.binary_cross_entropy(x_hat, x, reduction="none").sum(dim=1) + kl_to_standard_normal(mu, log_var)


def train_vae_2d(seed: int = 0) -> VariationalAutoEncoder:
    """Train the 2-D VAE as notebook 08's section 4 does (fit's recipe, 6 epochs, the mean negative ELBO)."""
    setup(seed=seed)
    images, _ = load_mnist("train")
    torch.manual_seed(seed)
    model = VariationalAutoEncoder(latent_dim=2)
    fit(model, images, epochs=VAE_EPOCHS, loss=lambda m, x: negative_elbo(m, x).mean(), seed=seed, progress=False)
    return model


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["autoencoder_2d", "vae_2d", "judge"], help="rebuild just this one")
    which = parser.parse_args(argv).only
    test, labels = load_mnist("test")
    if which in (None, "autoencoder_2d"):
        model = train_autoencoder_2d()
        checkpoint.save(model, AUTOENCODER_2D)
        print(f"saved {AUTOENCODER_2D} (test MSE {reconstruction_error(model, test):.4f})")
    if which in (None, "vae_2d"):
        vae = train_vae_2d()
        checkpoint.save(vae, VAE_2D)
        with torch.no_grad():
            torch.manual_seed(0)
            bound = negative_elbo(vae.eval(), test).mean().item()
        print(f"saved {VAE_2D} (test negative ELBO {bound:.1f} nats per image)")
    if which in (None, "judge"):
        setup(seed=0)
        judge = train_digit_classifier(seed=0)
        torch.save({k: v.detach().clone() for k, v in judge.state_dict().items()}, JUDGE_WEIGHTS)
        accuracy = (judge(test).argmax(dim=1) == labels).float().mean().item()
        print(f"saved {JUDGE_WEIGHTS} (test accuracy {accuracy:.1%})")


if __name__ == "__main__":
    main()
