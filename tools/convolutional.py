"""A convolutional autoencoder for 28×28 images: the benchmark's long run, beyond the course's MLPs.

The course teaches fully connected networks (notebooks 02-05). Convolutions share one small filter
across the whole image, which suits pixels that sit on a grid: with a tenth of the weights of Hinton
& Salakhutdinov's 784-1000-500-250-30 network, this model restores MNIST test digits better from
the same 30 numbers (``python -m tools.bench --full``).
"""

from __future__ import annotations

from typing import Any

from torch import nn

from aelib import checkpoint
from aelib.models import LatentModel
from aelib.validate import PIXELS, SIDE, check_int


class ConvAutoEncoder(LatentModel):
    """x̂ = g_φ(f_θ(x)) with convolutions: 28×28 → 14×14 → 7×7 feature maps → ``latent_dim`` numbers.

    It takes and returns flat images [N, 784], like aelib.models.AutoEncoder, so ``aelib.train.fit``,
    ``reconstruction_error`` and ``aelib.checkpoint`` work with it unchanged. ``channels`` is the
    number of feature maps at 14×14 (twice as many at 7×7).
    """

    input_dim = PIXELS

    def __init__(self, *, latent_dim: int = 30, channels: int = 32) -> None:
        super().__init__()
        check_int(latent_dim, "latent_dim", low=1, high=PIXELS - 1)
        check_int(channels, "channels", low=1)
        self.latent_dim, self.channels = latent_dim, channels
        c, flat = channels, 2 * channels * (SIDE // 4) ** 2
        self.encoder = nn.Sequential(
            nn.Unflatten(1, (1, SIDE, SIDE)),
            nn.Conv2d(1, c, 3, stride=2, padding=1), nn.SiLU(),  # 14×14
            nn.Conv2d(c, 2 * c, 3, stride=2, padding=1), nn.SiLU(),  # 7×7
            nn.Flatten(),
            nn.Linear(flat, latent_dim),
        )
        self.decoder = nn.Sequential(
            nn.Linear(latent_dim, flat), nn.SiLU(),
            nn.Unflatten(1, (2 * c, SIDE // 4, SIDE // 4)),
            nn.ConvTranspose2d(2 * c, c, 4, stride=2, padding=1), nn.SiLU(),  # 14×14
            nn.ConvTranspose2d(c, 1, 4, stride=2, padding=1), nn.Sigmoid(),  # 28×28
            nn.Flatten(),
        )

    @property
    def config(self) -> dict[str, Any]:
        """What it takes to build this architecture again (stored in checkpoints)."""
        return {"kind": "ConvAutoEncoder", "latent_dim": self.latent_dim, "channels": self.channels}


checkpoint.register(ConvAutoEncoder)
