"""The course's models, used in notebooks 02-09.

Encoder (인코더), Decoder (디코더) and AutoEncoder (오토인코더) as built in notebooks 02-04 and used from
then on; VariationalAutoEncoder, notebook 07's model, packaged for notebook 08; LatentModel, the checked
encode / decode / reconstruct face they share.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import Any

import torch
from torch import nn

from aelib.validate import PIXELS, check_images, check_int, check_matrix

# Every model takes keyword arguments only, in one order: latent_dim, hidden, linear, then the image size.

DEFAULT_HIDDEN = (256, 64)


def mlp(sizes: Sequence[int], activation: type[nn.Module] | None = nn.SiLU) -> nn.Sequential:
    """Linear layers through ``sizes`` with ``activation`` between them (none after the last)."""
    layers: list[nn.Module] = []
    for i, (n_in, n_out) in enumerate(pairwise(sizes)):
        layers.append(nn.Linear(n_in, n_out))
        if activation is not None and i < len(sizes) - 2:
            layers.append(activation())
    return nn.Sequential(*layers)


def _check_sizes(input_dim: int, hidden: Sequence[int], latent_dim: int) -> tuple[int, ...]:
    check_int(input_dim, "input_dim", low=2)
    check_int(latent_dim, "latent_dim", low=1, high=input_dim - 1)
    if isinstance(hidden, int | str) or not isinstance(hidden, Sequence):
        raise TypeError(f"hidden must be a tuple of layer widths such as (256, 64), but got {hidden!r}.")
    for width in hidden:
        check_int(width, "each hidden width", low=1)
    return tuple(hidden)


class Encoder(nn.Module):
    """f_θ: Rⁿ → Rᵐ. An MLP that narrows ``input_dim`` through ``hidden`` down to ``latent_dim``.

    A building block: it does not check its input (the models' encode, decode and fit do).
    """

    def __init__(
        self,
        *,
        latent_dim: int = 2,
        hidden: Sequence[int] = DEFAULT_HIDDEN,
        linear: bool = False,
        input_dim: int = PIXELS,
    ) -> None:
        super().__init__()
        self.hidden = _check_sizes(input_dim, hidden, latent_dim)
        self.input_dim, self.latent_dim, self.linear = input_dim, latent_dim, bool(linear)
        self.layers = mlp((input_dim, *self.hidden, latent_dim), None if linear else nn.SiLU)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.layers(x)


class Decoder(nn.Module):
    """g_φ: Rᵐ → Rⁿ. Widens ``latent_dim`` through ``hidden`` back to ``output_dim``.

    A sigmoid squeezes the output into [0, 1], the range of pixels; ``linear=True`` drops every
    nonlinearity, the sigmoid included. A building block: it does not check its input.
    """

    def __init__(
        self,
        *,
        latent_dim: int = 2,
        hidden: Sequence[int] = DEFAULT_HIDDEN[::-1],
        linear: bool = False,
        output_dim: int = PIXELS,
    ) -> None:
        super().__init__()
        self.hidden = _check_sizes(output_dim, hidden, latent_dim)
        self.latent_dim, self.output_dim, self.linear = latent_dim, output_dim, bool(linear)
        self.layers = mlp((latent_dim, *self.hidden, output_dim), None if linear else nn.SiLU)
        if not linear:
            self.layers.append(nn.Sigmoid())

    def forward(self, z: torch.Tensor) -> torch.Tensor:
        return self.layers(z)


class LatentModel(nn.Module):
    """What every aelib autoencoder offers: ``encoder``, ``decoder`` and checked encode/decode calls.

    Subclasses set ``self.encoder`` and ``self.decoder`` and define ``input_dim``, ``latent_dim`` and
    ``config``. Calling the model (what ``fit`` does) checks the batch's dtype and shape, which costs
    nothing; ``encode`` and ``reconstruct`` also check that pixels are finite and in [0, 1].
    """

    encoder: nn.Module
    decoder: nn.Module
    input_dim: int
    latent_dim: int

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        check_matrix(x, "x", self.input_dim, finite=False)
        return self.decoder(self.encoder(x))

    @torch.no_grad()
    def encode(self, x: torch.Tensor) -> torch.Tensor:
        """z = f_θ(x) for checked images [N, input_dim] (no gradients)."""
        x = check_images(x, "x", self.input_dim)
        return self.encoder(x.to(self._device()))

    @torch.no_grad()
    def decode(self, z: torch.Tensor) -> torch.Tensor:
        """x̂ = g_φ(z) for latent vectors [N, latent_dim] (no gradients)."""
        z = check_matrix(z, "z", self.latent_dim).float()
        return self.decoder(z.to(self._device()))

    @torch.no_grad()
    def reconstruct(self, x: torch.Tensor) -> torch.Tensor:
        """g_φ(f_θ(x)) (no gradients)."""
        return self.decoder(self.encode(x))

    def _device(self) -> torch.device:
        return next(self.parameters()).device


class AutoEncoder(LatentModel):
    """x̂ = g_φ(f_θ(x)): an Encoder and a mirrored Decoder.

    ``hidden`` lists the encoder's widths (the decoder uses them reversed); by default (256, 64),
    or none at all when ``linear=True``, which makes the whole network linear (the PCA comparison).
    """

    def __init__(
        self,
        *,
        latent_dim: int = 2,
        hidden: Sequence[int] | None = None,
        linear: bool = False,
        input_dim: int = PIXELS,
    ) -> None:
        super().__init__()
        if hidden is None:
            hidden = () if linear else DEFAULT_HIDDEN
        self.encoder = Encoder(latent_dim=latent_dim, hidden=hidden, linear=linear, input_dim=input_dim)
        self.decoder = Decoder(latent_dim=latent_dim, hidden=tuple(hidden)[::-1], linear=linear, output_dim=input_dim)

    @property
    def latent_dim(self) -> int:
        return self.encoder.latent_dim

    @property
    def input_dim(self) -> int:
        return self.encoder.input_dim

    @property
    def config(self) -> dict[str, Any]:
        """What it takes to build this architecture again (stored in checkpoints)."""
        return {
            "kind": "AutoEncoder",
            "latent_dim": self.latent_dim,
            "hidden": list(self.encoder.hidden),
            "linear": self.encoder.linear,
            "input_dim": self.input_dim,
        }


class VariationalAutoEncoder(LatentModel):
    """Notebook 07's model: an encoder that outputs a cloud N(μ, σ²) per input, a sampled code, the usual decoder.

    ``encode_distribution(x)`` gives (μ, log σ²); ``sample`` draws z = μ + σ·ε (the reparameterisation
    trick); calling the model decodes one such draw. ``encode`` returns μ, the centre of each cloud.
    """

    def __init__(self, *, latent_dim: int = 2, hidden: Sequence[int] = DEFAULT_HIDDEN, input_dim: int = PIXELS) -> None:
        super().__init__()
        hidden = _check_sizes(input_dim, hidden, latent_dim)
        if not hidden:
            raise ValueError("a VariationalAutoEncoder needs at least one hidden layer, e.g. hidden=(256, 64).")
        self.hidden = hidden
        self.body = nn.Sequential(mlp((input_dim, *hidden)), nn.SiLU())
        self.head = nn.Linear(hidden[-1], 2 * latent_dim)  # μ and log σ², side by side
        self.encoder = nn.Sequential(self.body, self.head)
        self.decoder = Decoder(latent_dim=latent_dim, hidden=hidden[::-1], output_dim=input_dim)
        self.input_dim, self.latent_dim = input_dim, latent_dim

    def encode_distribution(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """(μ, log σ²) of each input's cloud, with gradients (for training)."""
        mu, log_var = self.encoder(x).chunk(2, dim=1)
        return mu, log_var

    @staticmethod
    def sample(mu: torch.Tensor, log_var: torch.Tensor) -> torch.Tensor:
        """z = μ + σ·ε with ε ~ N(0, I): random, yet differentiable in μ and log σ²."""
        return mu + torch.randn_like(mu) * torch.exp(0.5 * log_var)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        check_matrix(x, "x", self.input_dim, finite=False)
        return self.decoder(self.sample(*self.encode_distribution(x)))

    @torch.no_grad()
    def encode(self, x: torch.Tensor) -> torch.Tensor:
        """μ, the centre of each input's cloud (no gradients)."""
        x = check_images(x, "x", self.input_dim)
        return self.encode_distribution(x.to(self._device()))[0]

    @property
    def config(self) -> dict[str, Any]:
        return {"kind": "VariationalAutoEncoder", "latent_dim": self.latent_dim, "hidden": list(self.hidden),
                "input_dim": self.input_dim}
