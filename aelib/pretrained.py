"""The course's shipped trained model: the 2-D autoencoder of notebook 05's recipe.

Notebook 06 loads it so that the latent explorer is ready at once; it can also retrain it in place.
Maintainers rebuild the file with ``python -m tools.pretrained``.
"""

from __future__ import annotations

from pathlib import Path

from aelib import checkpoint
from aelib.models import AutoEncoder

CHECKPOINTS = Path(__file__).resolve().parent / "checkpoints"
AUTOENCODER_2D = CHECKPOINTS / "ae_mnist_m2.pt"


def load_autoencoder_2d() -> AutoEncoder:
    """The shipped 2-D MNIST autoencoder, ready to use (eval mode, on the CPU)."""
    if not AUTOENCODER_2D.is_file():
        raise FileNotFoundError(
            f"The shipped model {AUTOENCODER_2D} is missing. Reinstall the course package "
            "(pip install -r requirements.txt), or restore the file with "
            f"`git checkout -- aelib/checkpoints/{AUTOENCODER_2D.name}` in the course's folder."
        )
    model = checkpoint.load(AUTOENCODER_2D)
    if not isinstance(model, AutoEncoder) or model.latent_dim != 2:
        raise checkpoint.CheckpointError(
            f"{AUTOENCODER_2D} holds {model.config}, not the course's 2-D AutoEncoder: restore it with "
            f"`git checkout -- aelib/checkpoints/{AUTOENCODER_2D.name}`, or rebuild it with "
            "`python -m tools.pretrained`."
        )
    return model
