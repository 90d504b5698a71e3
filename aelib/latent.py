"""Measures of a latent space: how evenly codes fill it, how far a point is from every code (notebooks 06-08).

Every function checks its input first (with aelib.validate) and says what it expected when the input is wrong.
"""

from __future__ import annotations

import numbers
from typing import Any

import torch

from aelib.data import nearest_distance
from aelib.validate import as_tensor, check_int, check_matrix, check_positive_float


def central_box(codes: torch.Tensor, quantile: float = 0.01) -> tuple[torch.Tensor, torch.Tensor]:
    """The box from the ``quantile`` to the 1 − ``quantile`` point of each coordinate of ``codes`` [N, m]
    (outliers cut off). Returns (low, high), each [m]."""
    codes = check_matrix(codes, "codes", None)
    if isinstance(quantile, bool) or not isinstance(quantile, numbers.Real) or not 0 <= quantile < 0.5:
        raise ValueError(f"quantile must be a number in [0, 0.5), such as 0.01, but got {quantile!r}.")
    sample = codes[:: max(1, len(codes) // 20_000)]  # torch.quantile is limited to 16M elements; 20k is plenty
    return torch.quantile(sample, quantile, dim=0), torch.quantile(sample, 1 - quantile, dim=0)


def _as_tensor(value: Any, name: str, dtype: torch.dtype | None = None) -> torch.Tensor:
    """A tensor, numpy array, list or tuple (or a plain number) as a tensor; anything else is a clear TypeError."""
    if isinstance(value, list | tuple) or (isinstance(value, numbers.Real) and not isinstance(value, bool)):
        try:
            return torch.as_tensor(value, dtype=dtype)
        except (TypeError, ValueError, RuntimeError) as exc:
            raise TypeError(f"{name} must hold numbers only, but got {value!r}.") from exc
    if not isinstance(value, torch.Tensor) and type(value).__module__ != "numpy":
        raise TypeError(f"{name} must be a torch.Tensor, a numpy array or a list of numbers, but got "
                        f"a {type(value).__name__}.")
    tensor = as_tensor(value, name)
    return tensor if dtype is None else tensor.to(dtype)


def _box_corner(value: Any, name: str, like: torch.Tensor) -> torch.Tensor:
    corner = _as_tensor(value, name, like.dtype)
    if corner.dim() == 0:  # one number for both coordinates
        corner = corner.expand(2)
    if corner.shape != (2,):
        raise ValueError(f"{name} must hold 2 numbers, one per coordinate of the 2-D codes, "
                         f"but got shape {list(corner.shape)}.")
    return corner


def cell_counts(codes: torch.Tensor, low: torch.Tensor, high: torch.Tensor, bins: int = 20) -> torch.Tensor:
    """How many 2-D ``codes`` fall in each cell of a ``bins`` x ``bins`` grid over the box [low, high]."""
    codes = check_matrix(codes, "codes", 2)
    check_int(bins, "bins", low=1)
    low, high = _box_corner(low, "low", codes), _box_corner(high, "high", codes)
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
    threshold = check_positive_float(threshold, "threshold")
    counts = cell_counts(codes, low, high, bins)
    even_share = len(codes) / bins**2
    return float((counts < threshold * even_share).float().mean())


def in_empty_cell(
    points: torch.Tensor, codes: torch.Tensor, low: torch.Tensor, high: torch.Tensor, bins: int = 20,
    threshold: float = 0.1,
) -> torch.Tensor:
    """True for each 2-D point [N, 2] that lies in an empty cell of the ``codes``' grid (``empty_fraction``'s rule).

    Points outside the box [low, high] count in the nearest border cell.
    """
    points = check_matrix(points, "points", 2)
    threshold = check_positive_float(threshold, "threshold")
    counts = cell_counts(codes, low, high, bins)
    low, high = _box_corner(low, "low", points), _box_corner(high, "high", points)
    empty = counts < threshold * len(codes) / bins**2
    index = ((points - low) / (high - low) * bins).floor().long().clamp(0, bins - 1)
    return empty[index[:, 1], index[:, 0]]


def whiten(codes: torch.Tensor) -> torch.Tensor:
    """The codes [N, m] in a standard Gaussian's units: centred, then rescaled and un-sheared until their
    covariance is the identity. With the covariance written as L Lᵀ (its Cholesky factor L, lower triangular),
    each centred code c becomes the w that solves L w = c; the codes keep their own shape, arms and gaps."""
    codes = check_matrix(codes, "codes", None)
    codes = codes if codes.is_floating_point() else codes.float()
    if len(codes) <= codes.shape[1]:
        raise ValueError(f"whiten needs more codes than coordinates to estimate a covariance, but got "
                         f"{len(codes)} codes of {codes.shape[1]} numbers.")
    centred = codes - codes.mean(dim=0)
    factor, info = torch.linalg.cholesky_ex(torch.cov(centred.T).reshape(codes.shape[1], codes.shape[1]))
    if info.item() != 0:
        raise ValueError("whiten needs codes that spread in every direction, but their covariance is singular "
                         "(some coordinate is constant, or one is a combination of the others).")
    return torch.linalg.solve_triangular(factor, centred.T, upper=False).T


def distance_to_codes(points: torch.Tensor, codes: torch.Tensor, chunk: int = 4096) -> torch.Tensor:
    """Euclidean distance from each point [N, m] to its nearest code [M, m]: ``aelib.data.nearest_distance``
    with the codes as the reference (the name notebook 06's exercise and its solution use)."""
    return nearest_distance(points, codes, chunk=chunk)


def nearest_code_labels(points: torch.Tensor, codes: torch.Tensor, labels: torch.Tensor,
                        chunk: int = 4096) -> torch.Tensor:
    """For each point [N, m], the label of its nearest code (Euclidean) among ``codes`` [M, m] with ``labels`` [M]."""
    points = check_matrix(points, "points", None)
    codes = check_matrix(codes, "codes", points.shape[1])
    labels = _as_tensor(labels, "labels")
    if labels.shape != (len(codes),):
        raise ValueError(f"labels must hold one label per code: {len(codes)} codes need shape [{len(codes)}], "
                         f"but labels has shape {list(labels.shape)}.")
    check_int(chunk, "chunk", low=1)
    nearest = torch.cat([torch.cdist(part, codes).argmin(dim=1) for part in points.split(chunk)])
    return labels[nearest]


def same_digit_neighbour(z: torch.Tensor, labels: torch.Tensor, n: int | None = None) -> float:
    """Share of the first ``n`` codes (all by default) whose nearest other code has the same label (notebook 02)."""
    z = check_matrix(z, "z", None)
    if n is not None:
        check_int(n, "n", low=2)
    z = z[:n]
    labels = _as_tensor(labels, "labels")
    if labels.dim() != 1 or len(labels) < len(z):
        raise ValueError(f"labels must be a 1-D tensor with one label per code (at least {len(z)}), "
                         f"but got shape {list(labels.shape)}.")
    if len(z) < 2:
        raise ValueError(f"same_digit_neighbour needs at least 2 codes (each needs another as its neighbour), "
                         f"but got {len(z)}.")
    labels = labels[: len(z)]
    distances = torch.cdist(z, z).fill_diagonal_(float("inf"))
    return (labels[distances.argmin(dim=1)] == labels).float().mean().item()


def distance_from_standard_normal(z: torch.Tensor) -> float:
    """KL from a Gaussian fitted to the codes z [N, m] (their mean and covariance) to N(0, I) (notebook 07)."""
    z = check_matrix(z, "z", None)
    if len(z) <= z.shape[1]:
        raise ValueError(f"fitting a Gaussian to codes with m={z.shape[1]} coordinates needs more than {z.shape[1]} "
                         f"codes (its covariance is singular otherwise), but got {len(z)}.")
    mean, cov = z.mean(dim=0), torch.cov(z.T).reshape(z.shape[1], z.shape[1])
    return 0.5 * (torch.trace(cov) + mean @ mean - z.shape[1] - torch.logdet(cov)).item()


def kl_to_standard_normal(mu: torch.Tensor, log_var: torch.Tensor) -> torch.Tensor:
    """KL(N(μ, σ²) || N(0, I)) for each input, summed over the coordinates (notebook 07's formula).

    ``mu`` and ``log_var`` [N, m] are what an encoder outputs (gradients flow through; NaN is not refused
    here, so that training can report a diverging loss itself). Returns a tensor [N].
    """
    mu = check_matrix(mu, "mu", None, finite=False)
    log_var = check_matrix(log_var, "log_var", mu.shape[1], finite=False)
    if log_var.shape != mu.shape:
        raise ValueError(f"mu and log_var must have the same shape (one mean and one log-variance per coordinate), "
                         f"but got {list(mu.shape)} and {list(log_var.shape)}.")
    return 0.5 * (mu**2 + log_var.exp() - 1 - log_var).sum(dim=1)
