"""Measures of a latent space: how evenly codes fill it, how far a point is from every code (notebooks 06-07)."""

from __future__ import annotations

import torch

from aelib.validate import check_int, check_matrix


def central_box(codes: torch.Tensor, quantile: float = 0.01) -> tuple[torch.Tensor, torch.Tensor]:
    """The box from the ``quantile`` to the 1 − ``quantile`` point of each coordinate (outliers cut off)."""
    codes = check_matrix(codes, "codes", codes.shape[-1] if codes.dim() == 2 else 2)
    if not 0 <= quantile < 0.5:
        raise ValueError(f"quantile must be in [0, 0.5), but got {quantile}.")
    sample = codes[:: max(1, len(codes) // 20_000)]  # torch.quantile is limited to 16M elements; 20k is plenty
    return torch.quantile(sample, quantile, dim=0), torch.quantile(sample, 1 - quantile, dim=0)


def cell_counts(codes: torch.Tensor, low: torch.Tensor, high: torch.Tensor, bins: int = 20) -> torch.Tensor:
    """How many 2-D ``codes`` fall in each cell of a ``bins`` x ``bins`` grid over the box [low, high]."""
    codes = check_matrix(codes, "codes", 2)
    check_int(bins, "bins", low=1)
    low, high = torch.as_tensor(low, dtype=codes.dtype), torch.as_tensor(high, dtype=codes.dtype)
    if not bool((high > low).all()):
        raise ValueError(f"the box needs high > low in every coordinate: low={low.tolist()}, high={high.tolist()}.")
    index = ((codes - low) / (high - low) * bins).floor().long()
    inside = ((index >= 0) & (index < bins)).all(dim=1)
    flat = index[inside, 1] * bins + index[inside, 0]  # row = second coordinate
    return torch.bincount(flat, minlength=bins * bins).reshape(bins, bins)


def empty_fraction(
    codes: torch.Tensor, low: torch.Tensor, high: torch.Tensor, bins: int = 20, threshold: float = 0.1
) -> float:
    """Share of the box's grid cells holding fewer than ``threshold`` times an even share of the codes.

    An even spread puts ``len(codes) / bins²`` codes in every cell; a cell with less than 10% of that
    (by default) counts as empty.
    """
    counts = cell_counts(codes, low, high, bins)
    even_share = len(codes) / bins**2
    return float((counts < threshold * even_share).float().mean())


def distance_to_codes(points: torch.Tensor, codes: torch.Tensor, chunk: int = 4096) -> torch.Tensor:
    """Euclidean distance from each point to its nearest code."""
    points = check_matrix(points, "points", codes.shape[1])
    return torch.cat([torch.cdist(points[i : i + chunk], codes).min(dim=1).values
                      for i in range(0, len(points), chunk)])


def same_digit_neighbour(z: torch.Tensor, labels: torch.Tensor, n: int | None = None) -> float:
    """Share of the first ``n`` codes (all by default) whose nearest other code has the same label (notebook 02)."""
    z = check_matrix(z, "z", z.shape[-1] if z.dim() == 2 else 1)[:n]
    labels = torch.as_tensor(labels)[: len(z)]
    distances = torch.cdist(z, z).fill_diagonal_(float("inf"))
    return (labels[distances.argmin(dim=1)] == labels).float().mean().item()


def distance_from_standard_normal(z: torch.Tensor) -> float:
    """KL from a Gaussian fitted to the codes z [N, m] (their mean and covariance) to N(0, I) (notebook 07)."""
    z = check_matrix(z, "z", z.shape[-1] if z.dim() == 2 else 1)
    mean, cov = z.mean(dim=0), torch.cov(z.T).reshape(z.shape[1], z.shape[1])
    return 0.5 * (torch.trace(cov) + mean @ mean - z.shape[1] - torch.logdet(cov)).item()


def kl_to_standard_normal(mu: torch.Tensor, log_var: torch.Tensor) -> torch.Tensor:
    """KL(N(μ, σ²) || N(0, I)) for each input, summed over the coordinates (notebook 07's formula)."""
    return 0.5 * (mu**2 + log_var.exp() - 1 - log_var).sum(dim=1)
