"""Measures taught in one notebook and reused in later ones, checked against values computed independently."""

from __future__ import annotations

import numpy as np
import torch
from torch.distributions import MultivariateNormal, Normal, kl_divergence

from aelib.data import nearest_distance
from aelib.latent import distance_from_standard_normal, kl_to_standard_normal, same_digit_neighbour
from aelib.models import AutoEncoder
from aelib.train import per_image_error


def test_same_digit_neighbour_by_hand():
    z = torch.tensor([[0.0], [0.1], [5.0], [5.2], [9.0]])
    labels = torch.tensor([1, 1, 2, 3, 3])
    # nearest others: 0→1 (same), 1→0 (same), 2→3 (differs), 3→2 (differs), 4→3 (same): 3 of 5
    assert abs(same_digit_neighbour(z, labels) - 3 / 5) < 1e-6
    assert same_digit_neighbour(z, labels, n=2) == 1.0


def test_distance_from_standard_normal_matches_torch_distributions():
    z = torch.randn(4000, 2, generator=torch.Generator().manual_seed(0)) * torch.tensor([2.0, 0.5]) + 1.0
    fitted = MultivariateNormal(z.mean(dim=0).double(), torch.cov(z.T).double())
    expected = kl_divergence(fitted, MultivariateNormal(torch.zeros(2).double(), torch.eye(2).double())).item()
    assert abs(distance_from_standard_normal(z) - expected) < 1e-4


def test_kl_to_standard_normal_matches_torch_distributions():
    mu, log_var = torch.tensor([[0.5, -1.0], [0.0, 0.0]]), torch.tensor([[0.2, -0.7], [0.0, 0.0]])
    expected = kl_divergence(Normal(mu, (0.5 * log_var).exp()), Normal(0.0, 1.0)).sum(dim=1)
    assert torch.allclose(kl_to_standard_normal(mu, log_var), expected, atol=1e-6)


def test_nearest_distance_matches_a_brute_force_numpy_search():
    g = torch.Generator().manual_seed(1)
    points, reference = torch.rand(7, 5, generator=g), torch.rand(1200, 5, generator=g)
    brute = np.sqrt(((points.numpy()[:, None, :] - reference.numpy()[None, :, :]) ** 2).sum(-1)).min(axis=1)
    assert np.allclose(nearest_distance(points, reference, chunk=3).numpy(), brute, atol=1e-5)


def test_per_image_error_is_each_images_mean_squared_change():
    model = AutoEncoder(latent_dim=2, hidden=(8,)).eval()
    x = torch.rand(4, 784, generator=torch.Generator().manual_seed(2))
    expected = ((model.reconstruct(x).numpy() - x.numpy()) ** 2).mean(axis=1)
    assert np.allclose(per_image_error(model, x).numpy(), expected, atol=1e-7)
