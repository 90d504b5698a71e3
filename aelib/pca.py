"""PCA, the linear baseline, with the same encode/decode face as the AutoEncoder (notebook 01)."""

from __future__ import annotations

import torch

from aelib.validate import PIXELS, check_images, check_int, check_matrix


class PCA:
    """Principal component analysis: z = (x − mean) Wᵀ and x̂ = mean + z W, W the top ``m`` directions."""

    def __init__(self, m: int, input_dim: int = PIXELS) -> None:
        self.input_dim = check_int(input_dim, "input_dim", low=2)
        self.m = self.latent_dim = check_int(m, "m", low=1, high=input_dim - 1)
        self.mean_: torch.Tensor | None = None
        self.components_: torch.Tensor | None = None  # [m, input_dim], orthonormal rows
        self.eigenvalues_: torch.Tensor | None = None  # variance along every direction, largest first

    def fit(self, images: torch.Tensor) -> PCA:
        """Find the directions of largest variance in ``images`` [N, input_dim]. Returns self."""
        x = check_images(images, "images", self.input_dim).float()
        if x.shape[0] < 2:
            raise ValueError(f"PCA needs at least 2 images to measure variance, but got {x.shape[0]}.")
        self.mean_ = x.double().mean(dim=0).float()
        centred = x - self.mean_
        covariance = (centred.T @ centred).double() / (x.shape[0] - 1)
        eigenvalues, eigenvectors = torch.linalg.eigh(covariance)  # ascending order
        self.eigenvalues_ = eigenvalues.flip(0).clamp_min(0.0).float()
        self.components_ = eigenvectors.flip(1)[:, : self.m].T.contiguous().float()
        return self

    def top(self, m: int) -> PCA:
        """A fitted PCA that keeps only the first ``m`` of this one's directions (no refitting)."""
        self._fitted()
        smaller = PCA(check_int(m, "m", low=1, high=self.m), self.input_dim)
        smaller.mean_, smaller.eigenvalues_ = self.mean_, self.eigenvalues_
        smaller.components_ = self.components_[:m]
        return smaller

    @property
    def explained_variance_ratio_(self) -> torch.Tensor:
        """Fraction of the total variance along each direction (all input_dim of them)."""
        eig = self._fitted().eigenvalues_
        return eig / eig.sum()

    def components_for(self, fraction: float) -> int:
        """The fewest components that together explain at least ``fraction`` of the variance."""
        if not 0 < fraction <= 1:
            raise ValueError(f"fraction must be in (0, 1], but got {fraction}.")
        cumulative = torch.cumsum(self.explained_variance_ratio_.double(), 0)
        return int(torch.searchsorted(cumulative, torch.tensor(fraction - 1e-12, dtype=torch.float64))) + 1

    def encode(self, x: torch.Tensor) -> torch.Tensor:
        """Project images onto the top m directions: [N, input_dim] → [N, m]."""
        self._fitted()
        x = check_images(x, "x", self.input_dim).float()
        return (x - self.mean_) @ self.components_.T

    def decode(self, z: torch.Tensor) -> torch.Tensor:
        """Map codes back to image space: [N, m] → [N, input_dim] (not clipped to [0, 1])."""
        self._fitted()
        z = check_matrix(z, "z", self.m).float()
        return self.mean_ + z @ self.components_

    def __call__(self, x: torch.Tensor) -> torch.Tensor:
        return self.decode(self.encode(x))

    def _fitted(self) -> PCA:
        if self.components_ is None:
            raise RuntimeError("This PCA is not fitted yet: call .fit(images) first.")
        return self

    def __repr__(self) -> str:
        return f"PCA(m={self.m}, fitted={self.components_ is not None})"
