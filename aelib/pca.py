"""PCA, the linear baseline, with the same face as the autoencoders (notebook 01).

``PCA(latent_dim=m).fit(images)``, then ``encode``, ``decode`` and ``reconstruct`` like
``aelib.models.AutoEncoder``; ``input_dim`` and ``latent_dim`` name its sizes.
"""

from __future__ import annotations

import torch

from aelib.validate import check_images, check_int, check_matrix


class NotFittedError(ValueError):
    """A PCA was used before ``fit`` (a ValueError, as scikit-learn's NotFittedError is)."""


class PCA:
    """Principal component analysis: z = (x − mean) Wᵀ and x̂ = mean + z W, W the top ``latent_dim`` directions.

    ``input_dim`` is learned from the images given to ``fit``.
    """

    def __init__(self, *, latent_dim: int) -> None:
        self.latent_dim = check_int(latent_dim, "latent_dim", low=1)
        self.input_dim: int | None = None
        self.mean_: torch.Tensor | None = None
        self.components_: torch.Tensor | None = None  # [latent_dim, input_dim], orthonormal rows
        self.eigenvalues_: torch.Tensor | None = None  # variance along every direction, largest first

    def fit(self, images: torch.Tensor) -> PCA:
        """Find the directions of largest variance in ``images`` [N, input_dim]. Returns self."""
        x = check_images(images, "images", None).float()
        if x.shape[0] < 2:
            raise ValueError(f"PCA needs at least 2 images to measure variance, but got {x.shape[0]}.")
        if self.latent_dim >= x.shape[1]:
            raise ValueError(f"latent_dim must be smaller than the image size {x.shape[1]}, but got {self.latent_dim}.")
        self.input_dim = x.shape[1]
        self.mean_ = x.double().mean(dim=0).float()
        centred = x - self.mean_
        covariance = (centred.T @ centred).double() / (x.shape[0] - 1)
        eigenvalues, eigenvectors = torch.linalg.eigh(covariance)  # ascending order
        self.eigenvalues_ = eigenvalues.flip(0).clamp_min(0.0).float()
        self.components_ = eigenvectors.flip(1)[:, : self.latent_dim].T.contiguous().float()
        return self

    def top(self, latent_dim: int) -> PCA:
        """A fitted PCA that keeps only the first ``latent_dim`` of this one's directions (no refitting)."""
        self._fitted()
        smaller = PCA(latent_dim=check_int(latent_dim, "latent_dim", low=1, high=self.latent_dim))
        smaller.input_dim, smaller.mean_, smaller.eigenvalues_ = self.input_dim, self.mean_, self.eigenvalues_
        smaller.components_ = self.components_[:latent_dim]
        return smaller

    @property
    def explained_variance_ratio_(self) -> torch.Tensor:
        """Fraction of the total variance along each direction (all input_dim of them)."""
        eig = self._fitted().eigenvalues_
        return eig / eig.sum()

    def components_for_variance(self, fraction: float) -> int:
        """The fewest components that together explain at least ``fraction`` of the variance."""
        if isinstance(fraction, bool) or not isinstance(fraction, int | float) or not 0 < fraction <= 1:
            raise ValueError(f"fraction must be a number in (0, 1], such as 0.9, but got {fraction!r}.")
        cumulative = torch.cumsum(self.explained_variance_ratio_.double(), 0)
        return int(torch.searchsorted(cumulative, torch.tensor(fraction - 1e-12, dtype=torch.float64))) + 1

    def encode(self, x: torch.Tensor) -> torch.Tensor:
        """Project images onto the top directions: [N, input_dim] → [N, latent_dim]."""
        self._fitted()
        x = check_images(x, "x", self.input_dim).float()
        return (x - self.mean_) @ self.components_.T

    def decode(self, z: torch.Tensor) -> torch.Tensor:
        """Map codes back to image space: [N, latent_dim] → [N, input_dim] (not clipped to [0, 1])."""
        self._fitted()
        z = check_matrix(z, "z", self.latent_dim).float()
        return self.mean_ + z @ self.components_

    def reconstruct(self, x: torch.Tensor) -> torch.Tensor:
        """decode(encode(x)): the images as the top directions rebuild them."""
        return self.decode(self.encode(x))

    def __call__(self, x: torch.Tensor) -> torch.Tensor:
        return self.reconstruct(x)

    def _fitted(self) -> PCA:
        if self.components_ is None:
            raise NotFittedError("This PCA is not fitted yet: call .fit(images) first.")
        return self

    def __repr__(self) -> str:
        return f"PCA(latent_dim={self.latent_dim}, fitted={self.components_ is not None})"
