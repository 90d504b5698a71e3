"""Measures taught in one notebook and reused in later ones, checked against values computed independently."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from torch.distributions import MultivariateNormal, Normal, kl_divergence

from aelib.data import load_mnist, nearest_distance
from aelib.judge import certainty_bands, digit_classifier, reading_labels
from aelib.latent import (
    cell_counts,
    central_box,
    distance_from_standard_normal,
    distance_to_codes,
    empty_fraction,
    in_empty_cell,
    kl_to_standard_normal,
    nearest_code_labels,
    same_digit_neighbour,
    whiten,
)
from aelib.measures import grey_share, multiply_adds_per_image, same_digit_neighbour_share
from aelib.models import AutoEncoder
from aelib.train import per_image_error

pytestmark = pytest.mark.numeric  # results can change under another CPU's kernels: lane 2 re-runs it


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


def test_distance_to_codes_is_nearest_distance():
    g = torch.Generator().manual_seed(3)
    points, codes = torch.randn(50, 2, generator=g), torch.randn(5000, 2, generator=g)
    assert torch.equal(distance_to_codes(points, codes), nearest_distance(points, codes, chunk=4096))


@pytest.mark.parametrize(
    ("bad", "error", "message"),
    [([[0.0, 1.0], [2.0, 3.0]], TypeError, r"must be a torch\.Tensor .*but got a list"),
     (None, TypeError, r"must be a torch\.Tensor .*but got a NoneType"),
     (torch.rand(4, 2, 2), ValueError, r"must .*shape \[N, (m|2)\].*but got a tensor of shape \[4, 2, 2\]"),
     (torch.full((3, 2), float("nan")), ValueError, "NaN or infinite"),
     (torch.zeros(3, 2, dtype=torch.long), TypeError, "floating-point")],
)
def test_latent_measures_refuse_bad_codes_clearly(bad, error, message):
    """Every public function of aelib.latent checks its codes before using them."""
    good = torch.randn(40, 2, generator=torch.Generator().manual_seed(4))
    labels = torch.arange(40) % 3
    calls = {
        "central_box": lambda c: central_box(c),
        "cell_counts": lambda c: cell_counts(c, torch.zeros(2), torch.ones(2)),
        "empty_fraction": lambda c: empty_fraction(c, torch.zeros(2), torch.ones(2)),
        "same_digit_neighbour": lambda c: same_digit_neighbour(c, labels),
        "distance_from_standard_normal": lambda c: distance_from_standard_normal(c),
        "distance_to_codes (points)": lambda c: distance_to_codes(c, good),
        "distance_to_codes (codes)": lambda c: distance_to_codes(good, c),
        "nearest_distance (reference)": lambda c: nearest_distance(good, c),
        "kl_to_standard_normal (mu)": lambda c: kl_to_standard_normal(c, good),
    }
    for name, call in calls.items():
        if name.startswith("kl_") and "NaN" in message:
            continue  # NaN flows through the KL on purpose: training reports a diverging loss itself
        with pytest.raises(error, match=message):
            call(bad)
        assert call(good) is not None, name


def test_latent_measures_explain_other_mistakes():
    z = torch.randn(40, 2, generator=torch.Generator().manual_seed(5))
    with pytest.raises(ValueError, match=r"points and reference must have the same number of columns.*2.*3"):
        nearest_distance(z, torch.zeros(5, 3))
    with pytest.raises(TypeError, match=r"same dtype.*reference\.to\(points\.dtype\)"):
        nearest_distance(z, z.double())
    with pytest.raises(ValueError, match="chunk must be >= 1"):
        nearest_distance(z, z, chunk=0)
    with pytest.raises(ValueError, match=r"one label per code \(at least 40\)"):
        same_digit_neighbour(z, torch.zeros(10))
    with pytest.raises(TypeError, match=r"labels must be a torch\.Tensor, a numpy array or a list"):
        same_digit_neighbour(z, None)
    assert same_digit_neighbour(z, (torch.arange(40) % 2).tolist()) == same_digit_neighbour(z, torch.arange(40) % 2)
    with pytest.raises(ValueError, match=r"2-D batch of shape \[N, m\].*codes\.reshape\(len\(codes\), -1\)"):
        central_box(torch.rand(4, 2, 2))
    with pytest.raises(ValueError, match=r"z must be a 2-D batch.*z\.unsqueeze\(0\).*z\.reshape\(-1, 1\)"):
        distance_from_standard_normal(torch.rand(30))
    with pytest.raises(ValueError, match="quantile must be a number in"):
        central_box(z, quantile=0.7)
    with pytest.raises(ValueError, match=r"low must hold 2 numbers"):
        cell_counts(z, torch.zeros(3), torch.ones(2))
    with pytest.raises(ValueError, match=r"high > low"):
        empty_fraction(z, torch.ones(2), torch.zeros(2))
    with pytest.raises(ValueError, match=r"more than 2 codes"):
        distance_from_standard_normal(z[:2])
    with pytest.raises(ValueError, match=r"log_var must have shape \[N, 2\]"):
        kl_to_standard_normal(z, z[:, :1])
    with pytest.raises(ValueError, match=r"same shape.*\[40, 2\] and \[39, 2\]"):
        kl_to_standard_normal(z, z[1:])


def test_grey_share_counts_half_tones_among_inked_pixels():
    # 4 inked pixels (> 0.1): 0.3 and 0.7 are grey, 1.0 and 0.2 are not; 0.05 and 0.0 carry no ink
    image = torch.tensor([[0.3, 0.7, 1.0, 0.2, 0.05, 0.0]])
    assert grey_share(image).tolist() == [0.5]
    solid = torch.tensor([[1.0, 1.0, 0.0, 0.9]])
    assert grey_share(solid).tolist() == [0.0]


def test_grey_share_of_a_blank_image_is_zero_and_bad_input_is_refused():
    assert grey_share(torch.zeros(2, 784)).tolist() == [0.0, 0.0]
    with pytest.raises(ValueError, match=r"\[0, 1\]"):
        grey_share(torch.full((1, 784), 255.0))


def test_same_digit_neighbour_share_by_hand():
    # on a line: 0 and 1 are each other's neighbours (both 3s); 10's neighbour is 11 (a 7 and a 3: no);
    # 11's neighbour is 10 (no); 20's neighbour is 11 (a 7 and a 3: no) -> 2 of 5
    codes = torch.tensor([[0.0], [1.0], [10.0], [11.0], [20.0]])
    digits = torch.tensor([3, 3, 7, 3, 7])
    assert same_digit_neighbour_share(codes, digits) == pytest.approx(2 / 5)
    assert same_digit_neighbour_share(codes, torch.tensor([1, 1, 1, 1, 1])) == 1.0


def test_same_digit_neighbour_share_refuses_mismatched_labels():
    with pytest.raises(ValueError, match=r"one label per code: 3 codes need shape \[3\]"):
        same_digit_neighbour_share(torch.zeros(3, 2), torch.zeros(4))
    with pytest.raises(ValueError, match="at least 2 codes"):
        same_digit_neighbour_share(torch.zeros(1, 2), torch.zeros(1))


def test_nearest_code_labels_match_a_brute_force_numpy_search():
    generator = torch.Generator().manual_seed(0)
    points, codes = torch.randn(50, 2, generator=generator), torch.randn(30, 2, generator=generator)
    labels = torch.arange(30) % 7
    p, c = points.numpy().astype(np.float64), codes.numpy().astype(np.float64)
    expected = labels.numpy()[((p[:, None, :] - c[None, :, :]) ** 2).sum(axis=2).argmin(axis=1)]
    assert nearest_code_labels(points, codes, labels, chunk=7).tolist() == expected.tolist()
    with pytest.raises(ValueError, match="one label per code"):
        nearest_code_labels(points, codes, labels[:10])


def test_certainty_bands_split_images_by_the_judges_top_probability():
    images = torch.rand(200, 784, generator=torch.Generator().manual_seed(1)) ** 3
    logits = digit_classifier()(images).detach().numpy().astype(np.float64)
    probabilities = np.exp(logits - logits.max(axis=1, keepdims=True))
    top = (probabilities / probabilities.sum(axis=1, keepdims=True)).max(axis=1)
    bands = certainty_bands(images)
    assert bands["sure"] == pytest.approx((top > 0.9).mean())
    assert bands["unsure"] == pytest.approx(((top >= 0.5) & (top <= 0.9)).mean())
    assert bands["smudge"] == pytest.approx((top < 0.5).mean())
    assert sum(bands.values()) == pytest.approx(1.0)


def test_multiply_adds_are_counted_by_hand_for_linear_and_convolutional_layers():
    mlp = AutoEncoder(latent_dim=16)  # 784-256-64-16 and back: one multiply-add per weight of each Linear
    by_hand = 2 * (784 * 256 + 256 * 64 + 64 * 16)
    assert multiply_adds_per_image(mlp) == by_hand == 436_224
    conv = torch.nn.Sequential(torch.nn.Unflatten(1, (1, 28, 28)),
                               torch.nn.Conv2d(1, 4, kernel_size=3, stride=2, padding=1))  # 4 maps of 14 × 14
    assert multiply_adds_per_image(conv) == 4 * 14 * 14 * (3 * 3 * 1)  # each output pixel: 9 multiply-adds
    with pytest.raises(TypeError, match=r"model must be a torch\.nn\.Module"):
        multiply_adds_per_image("MLP")


def test_points_are_placed_in_the_empty_cells_counted_by_hand():
    # a 2 × 2 grid over [0, 2]²: 8 codes in the bottom-left cell, 1 in the top-right, none elsewhere
    codes = torch.tensor([[0.5, 0.5]] * 8 + [[1.5, 1.5]])
    points = torch.tensor([[0.2, 0.3], [1.7, 0.2], [0.4, 1.9], [1.9, 1.9], [5.0, -3.0]])
    # an even share is 9 / 4 = 2.25 codes; with threshold 0.5 a cell is empty below 1.125: all but bottom-left
    got = in_empty_cell(points, codes, torch.zeros(2), torch.full((2,), 2.0), bins=2, threshold=0.5)
    assert got.tolist() == [False, True, True, True, True]  # the last point clamps to the bottom-right cell
    with pytest.raises(ValueError, match="points"):
        in_empty_cell(torch.zeros(3, 3), codes, torch.zeros(2), torch.ones(2))


def test_whiten_undoes_a_known_stretch_and_shear():
    # points w made exactly white by numpy (mean 0, covariance I), then stretched and sheared by a lower-triangular
    # L with a positive diagonal and shifted: their covariance is L Lᵀ, whose Cholesky factor is L, so whitening
    # must give w back
    rng = np.random.default_rng(0)
    w = rng.standard_normal((20_000, 2))
    w -= w.mean(axis=0)
    values, vectors = np.linalg.eigh(np.cov(w.T))
    w = w @ vectors @ np.diag(values**-0.5) @ vectors.T
    L = np.array([[3.0, 0.0], [1.5, 0.5]])
    got = whiten(torch.tensor(w @ L.T + [5.0, -2.0], dtype=torch.float64)).numpy()
    assert np.abs(got - w).max() < 1e-6


def test_whiten_refuses_codes_that_do_not_spread_in_every_direction():
    flat = torch.tensor([[0.0, 1.0], [1.0, 1.0], [2.0, 1.0], [3.0, 1.0]])  # z₂ is constant
    with pytest.raises(ValueError, match="singular"):
        whiten(flat)
    with pytest.raises(ValueError, match="more codes than coordinates"):
        whiten(torch.zeros(2, 2))


def test_reading_labels_name_the_judges_digit_and_its_certainty():
    images, labels = load_mnist("test")
    images = images[:5]
    probabilities = digit_classifier()(images).softmax(dim=1).detach()
    expected = [f"{int(row.argmax())}: {float(row.max()) * 100:.0f}%" for row in probabilities]  # by hand
    assert reading_labels(images) == expected
    assert [int(label.split(":")[0]) for label in reading_labels(images)] == labels[:5].tolist()  # it reads these right
