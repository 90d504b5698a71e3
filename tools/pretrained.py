"""Retrain the shipped models and overwrite their files: the 2-D autoencoder (notebook 05's recipe) and its
twin trained with the absolute error, notebook
07's three models (its own code: the class and objectives are read from the notebook), the 2-D and 20-D VAEs
(notebook 08's recipe), notebook 09's 32-number autoencoders trained on clean and on noisy digits (its own code)
and the digit judge (``aelib.judge``).

    python -m tools.pretrained                 # all of them, about a minute on 2 CPU threads
    python -m tools.pretrained --only vae_2d   # one: autoencoder_2d(_absolute), objectives, vae_2d, vae_20,
                                               # denoising or judge
"""

from __future__ import annotations

import argparse
import contextlib
import io

import torch
import torch.nn.functional as F

from aelib import checkpoint
from aelib.data import load_mnist
from aelib.judge import JUDGE_WEIGHTS, train_digit_classifier
from aelib.latent import kl_to_standard_normal
from aelib.models import AutoEncoder, VariationalAutoEncoder
from aelib.pretrained import (
    AUTOENCODER_2D,
    AUTOENCODER_2D_ABSOLUTE,
    AUTOENCODER_32,
    OBJECTIVES,
    OBJECTIVES_2D,
    VAE_2D,
    VAE_20,
)
from aelib.repro import setup
from aelib.train import fit, reconstruction_error
from tools.course import NOTEBOOKS, cell_sources

VAE_EPOCHS = 6  # notebook 08, section 4
VAE_20_EPOCHS = 4  # notebook 08, section 7


def absolute_error(model: AutoEncoder, x: torch.Tensor) -> torch.Tensor:
    """Notebook 05's other loss: the mean absolute pixel error."""
    return (model(x) - x).abs().mean()


def train_autoencoder_2d(seed: int = 0, loss: str = "squared") -> AutoEncoder:
    """Train the 2-D autoencoder with the course's recipe (aelib.train.fit's defaults), with the squared error
    (fit's default) or the absolute error."""
    setup(seed=seed)
    images, _ = load_mnist("train")
    torch.manual_seed(seed)
    model = AutoEncoder(latent_dim=2)
    fit(model, images, seed=seed, **({"loss": absolute_error} if loss == "absolute" else {}))
    return model


def negative_elbo(model: VariationalAutoEncoder, x: torch.Tensor) -> torch.Tensor:
    """Notebook 08's loss, per image: summed binary cross-entropy of one sampled reconstruction + KL (nats)."""
    mu, log_var = model.encode_distribution(x)
    x_hat = model.decoder(model.sample(mu, log_var))
    return F.binary_cross_entropy(x_hat, x, reduction="none").sum(dim=1) + kl_to_standard_normal(mu, log_var)


def train_vae(latent_dim: int = 2, seed: int = 0) -> VariationalAutoEncoder:
    """Train notebook 08's VAE as its section 4 (m = 2: fit's recipe, 6 epochs, the mean negative ELBO) or its
    section 7 (m = 20: one hidden layer of 400 units, 4 epochs) does."""
    setup(seed=seed)
    images, _ = load_mnist("train")
    torch.manual_seed(seed)
    if latent_dim == 2:
        model, epochs = VariationalAutoEncoder(latent_dim=2), VAE_EPOCHS
    else:
        model, epochs = VariationalAutoEncoder(latent_dim=latent_dim, hidden=(400,)), VAE_20_EPOCHS
    fit(model, images, epochs=epochs, loss=lambda m, x: negative_elbo(m, x).mean(), seed=seed, progress=False)
    return model


OBJECTIVES_NOTEBOOK = NOTEBOOKS / "07_toward_a_dense_latent_space.ipynb"
OBJECTIVES_CELLS = ("07-002", "07-004", "07-006", "07-009")  # imports and data, the class, the KL, the objectives


def train_objectives() -> dict[str, dict]:
    """Notebook 07's three models, trained by the notebook's own code (its cells run here) as its training cell
    does with TRAIN_HERE = True: for each objective, seed 0, a fresh StochasticAutoEncoder, 4 epochs of `fit`."""
    cells = cell_sources(OBJECTIVES_NOTEBOOK)
    namespace: dict = {}
    with contextlib.redirect_stdout(io.StringIO()):  # the cells' own demonstration prints
        for cell_id in OBJECTIVES_CELLS:
            exec(compile(cells[cell_id], f"{OBJECTIVES_NOTEBOOK.name}[{cell_id}]", "exec"), namespace)
    if tuple(namespace["objectives"]) != OBJECTIVES:
        raise SystemExit(f"notebook 07's objectives are now {list(namespace['objectives'])}: update aelib.pretrained")
    shipped = {}
    for name, loss in namespace["objectives"].items():
        torch.manual_seed(0)
        model = namespace["StochasticAutoEncoder"]()
        history = fit(model, namespace["train_images"], epochs=4, loss=loss, progress=False)
        shipped[name] = {"state_dict": {k: v.detach().clone() for k, v in model.state_dict().items()},
                         "final_loss": history.losses[-1]}
        print(f"{name}: final loss {history.losses[-1]:.4f} in {history.seconds:.1f} s")
    return shipped


DENOISING_NOTEBOOK = NOTEBOOKS / "09_autoencoders_at_work.ipynb"
DENOISING_CELLS = ("09-002", "09-011")  # imports, data and budget; the noise and the denoising loss
DENOISING_EPOCHS = 12  # notebook 09, section 2


def train_denoising_pair() -> dict[str, AutoEncoder]:
    """Notebook 09's two 32-number autoencoders, trained by the notebook's own code as its training cell does with
    TRAIN_HERE = True: seed 0, 12 epochs of `fit` on its training digits, clean in (clean) or noisy in (noisy)."""
    cells = cell_sources(DENOISING_NOTEBOOK)
    namespace: dict = {}
    for cell_id in DENOISING_CELLS:
        exec(compile(cells[cell_id], f"{DENOISING_NOTEBOOK.name}[{cell_id}]", "exec"), namespace)
    pair = {}
    for trained_on, loss in (("clean", {}), ("noisy", {"loss": namespace["denoising_loss"]})):
        torch.manual_seed(0)
        pair[trained_on] = model = AutoEncoder(latent_dim=32)
        history = fit(model, namespace["train_images"], epochs=DENOISING_EPOCHS, progress=False, **loss)
        print(f"{trained_on}: final loss {history.losses[-1]:.4f} in {history.seconds:.1f} s")
    return pair


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="rebuild just this one",
                        choices=["autoencoder_2d", "autoencoder_2d_absolute", "objectives", "vae_2d", "vae_20",
                                 "denoising", "judge"])
    which = parser.parse_args(argv).only
    test, labels = load_mnist("test")
    if which in (None, "autoencoder_2d"):
        model = train_autoencoder_2d()
        checkpoint.save(model, AUTOENCODER_2D)
        print(f"saved {AUTOENCODER_2D} (test MSE {reconstruction_error(model, test):.4f})")
    if which in (None, "autoencoder_2d_absolute"):
        model = train_autoencoder_2d(loss="absolute")
        checkpoint.save(model, AUTOENCODER_2D_ABSOLUTE)
        print(f"saved {AUTOENCODER_2D_ABSOLUTE} (test MSE {reconstruction_error(model, test):.4f})")
    if which in (None, "objectives"):
        torch.save(train_objectives(), OBJECTIVES_2D)
        print(f"saved {OBJECTIVES_2D}")
    for name, latent_dim, path in (("vae_2d", 2, VAE_2D), ("vae_20", 20, VAE_20)):
        if which in (None, name):
            vae = train_vae(latent_dim)
            checkpoint.save(vae, path)
            with torch.no_grad():
                torch.manual_seed(0)
                bound = negative_elbo(vae.eval(), test).mean().item()
            print(f"saved {path} (test negative ELBO {bound:.1f} nats per image)")
    if which in (None, "denoising"):
        for trained_on, model in train_denoising_pair().items():
            checkpoint.save(model, AUTOENCODER_32[trained_on])
            error = reconstruction_error(model, test)
            print(f"saved {AUTOENCODER_32[trained_on]} (test MSE on clean digits {error:.4f})")
    if which in (None, "judge"):
        setup(seed=0)
        judge = train_digit_classifier(seed=0)
        torch.save({k: v.detach().clone() for k, v in judge.state_dict().items()}, JUDGE_WEIGHTS)
        accuracy = (judge(test).argmax(dim=1) == labels).float().mean().item()
        print(f"saved {JUDGE_WEIGHTS} (test accuracy {accuracy:.1%})")


if __name__ == "__main__":
    main()
