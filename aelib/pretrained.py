"""The course's shipped trained models, ready at once: the 2-D autoencoder of notebook 05's recipe (notebook 06
loads it for the latent explorer) and the 2-D VAE of notebook 08's recipe (notebook 08 loads it; the website's
explorer shows both). Either notebook can also retrain its model in place.
Maintainers rebuild the files with ``python -m tools.pretrained``.
"""

from __future__ import annotations

from pathlib import Path

from aelib import checkpoint
from aelib.models import AutoEncoder, LatentModel, VariationalAutoEncoder

CHECKPOINTS = Path(__file__).resolve().parent / "checkpoints"
AUTOENCODER_2D = CHECKPOINTS / "ae_mnist_m2.pt"
VAE_2D = CHECKPOINTS / "vae_mnist_m2.pt"


def _load_2d(path: Path, kind: type[LatentModel]) -> LatentModel:
    if not path.is_file():
        raise FileNotFoundError(
            f"The shipped model {path} is missing. Reinstall the course package "
            "(pip install -r requirements.txt), or restore the file with "
            f"`git checkout -- aelib/checkpoints/{path.name}` in the course's folder."
        )
    model = checkpoint.load(path)
    if not isinstance(model, kind) or model.latent_dim != 2:
        raise checkpoint.CheckpointError(
            f"{path} holds {model.config}, not the course's 2-D {kind.__name__}: restore it with "
            f"`git checkout -- aelib/checkpoints/{path.name}`, or rebuild it with `python -m tools.pretrained`."
        )
    return model


def load_autoencoder_2d() -> AutoEncoder:
    """The shipped 2-D MNIST autoencoder (notebook 05's recipe), ready to use (eval mode, on the CPU)."""
    return _load_2d(AUTOENCODER_2D, AutoEncoder)


def load_vae_2d() -> VariationalAutoEncoder:
    """The shipped 2-D MNIST VAE (notebook 08's recipe: 6 epochs of the negative ELBO), ready to use."""
    return _load_2d(VAE_2D, VariationalAutoEncoder)
