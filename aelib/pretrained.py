"""The course's shipped trained models, ready at once: the 2-D autoencoder of notebook 05's recipe (notebook 06
loads it for the latent explorer) and its twin trained with the absolute error (notebook 05), notebook 07's
network trained with each of its three objectives, the 2-D and 20-D VAEs of notebook 08's recipe
(notebook 08 loads them; the website's explorer shows the 2-D VAE and the autoencoder), and notebook 09's
32-number autoencoders trained on clean and on noisy digits. Each notebook can
also retrain its models in place.
Maintainers rebuild the files with ``python -m tools.pretrained``.
"""

from __future__ import annotations

from pathlib import Path

import torch

from aelib import checkpoint
from aelib.models import AutoEncoder, LatentModel, VariationalAutoEncoder

CHECKPOINTS = Path(__file__).resolve().parent / "checkpoints"
AUTOENCODER_2D = CHECKPOINTS / "ae_mnist_m2.pt"
AUTOENCODER_2D_ABSOLUTE = CHECKPOINTS / "ae_mnist_m2_absolute.pt"
VAE_2D = CHECKPOINTS / "vae_mnist_m2.pt"
VAE_20 = CHECKPOINTS / "vae_mnist_m20.pt"
OBJECTIVES_2D = CHECKPOINTS / "objectives_m2.pt"
AUTOENCODER_32 = {"clean": CHECKPOINTS / "ae_mnist_m32_clean.pt", "noisy": CHECKPOINTS / "ae_mnist_m32_noisy.pt"}
OBJECTIVES = ("Only Reconstruction Loss", "Only KL Divergence", "Combination")  # notebook 07's names


def _require(path: Path) -> None:
    if not path.is_file():
        raise FileNotFoundError(
            f"The shipped model {path} is missing. Reinstall the course package "
            "(pip install -r requirements.txt), or restore the file with "
            f"`git checkout -- aelib/checkpoints/{path.name}` in the course's folder."
        )


def _load(path: Path, kind: type[LatentModel], latent_dim: int = 2) -> LatentModel:
    _require(path)
    model = checkpoint.load(path)
    if not isinstance(model, kind) or model.latent_dim != latent_dim:
        raise checkpoint.CheckpointError(
            f"{path} holds {model.config}, not the course's {latent_dim}-D {kind.__name__}: restore it with "
            f"`git checkout -- aelib/checkpoints/{path.name}`, or rebuild it with `python -m tools.pretrained`."
        )
    return model


def load_autoencoder_2d(loss: str = "squared") -> AutoEncoder:
    """The shipped 2-D MNIST autoencoder (notebook 05's recipe), ready to use (eval mode, on the CPU).

    ``loss="absolute"``: the same network trained by the same call with the mean absolute error instead of the
    squared error (notebook 05's test of where the blur comes from)."""
    paths = {"squared": AUTOENCODER_2D, "absolute": AUTOENCODER_2D_ABSOLUTE}
    if loss not in paths:
        raise ValueError(f"loss must be 'squared' or 'absolute' (the two shipped 2-D autoencoders), not {loss!r}.")
    return _load(paths[loss], AutoEncoder)


def load_autoencoder_32(trained_on: str) -> AutoEncoder:
    """Notebook 09's 32-number MNIST autoencoders (12 epochs of `fit` on its 30,000 training digits), ready to use:
    ``trained_on="clean"`` rebuilds clean digits, ``"noisy"`` is the denoiser (Gaussian noise in, clean digit out)."""
    if trained_on not in AUTOENCODER_32:
        raise ValueError(f"trained_on must be 'clean' or 'noisy' (notebook 09's two shipped 32-number "
                         f"autoencoders), not {trained_on!r}.")
    return _load(AUTOENCODER_32[trained_on], AutoEncoder, latent_dim=32)


def load_vae_2d() -> VariationalAutoEncoder:
    """The shipped 2-D MNIST VAE (notebook 08's recipe: 6 epochs of the negative ELBO), ready to use."""
    return _load(VAE_2D, VariationalAutoEncoder)


def load_vae_20() -> VariationalAutoEncoder:
    """The shipped 20-D MNIST VAE of notebook 08's section 7 (784-400-20, 4 epochs of the negative ELBO)."""
    return _load(VAE_20, VariationalAutoEncoder, latent_dim=20)


def objective_weights(objective: str) -> tuple[dict[str, torch.Tensor], float]:
    """Notebook 07's StochasticAutoEncoder trained with one of its objectives (4 epochs, seed 0, the notebook's own
    lines): its weights, for ``load_state_dict``, and its final training loss."""
    if objective not in OBJECTIVES:
        raise ValueError(f"no shipped model for the objective {objective!r}; notebook 07's objectives are "
                         f"{', '.join(map(repr, OBJECTIVES))}.")
    _require(OBJECTIVES_2D)
    shipped = torch.load(OBJECTIVES_2D, map_location="cpu", weights_only=True)
    if not isinstance(shipped, dict) or sorted(shipped) != sorted(OBJECTIVES):
        raise checkpoint.CheckpointError(
            f"{OBJECTIVES_2D} does not hold notebook 07's three models: restore it with "
            f"`git checkout -- aelib/checkpoints/{OBJECTIVES_2D.name}`, or rebuild it with "
            "`python -m tools.pretrained --only objectives`."
        )
    return shipped[objective]["state_dict"], float(shipped[objective]["final_loss"])


def load_objective_model(objective: str) -> VariationalAutoEncoder:
    """Notebook 07's network trained with one of its objectives, as aelib's VariationalAutoEncoder, ready to use.

    Notebook 07's StochasticAutoEncoder is this class written out, with the same layers under the same names
    (``body``, ``head``, ``decoder``); here ``encoder`` is the body and the head in sequence."""
    weights, _ = objective_weights(objective)
    model = VariationalAutoEncoder(latent_dim=2)
    encoder_names = {"body.": "encoder.0.", "head.": "encoder.1."}
    aliases = {encoder_names[prefix] + name.removeprefix(prefix): value for name, value in weights.items()
               for prefix in encoder_names if name.startswith(prefix)}
    model.load_state_dict({**weights, **aliases})  # strict: every layer must match
    return model.eval()
