"""Property-based tests (hypothesis): shapes, round trips and refusals hold for any size, not just ours."""

from __future__ import annotations

import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aelib import checkpoint
from aelib.exercises import at_work, decoder, density, encoder, generation, latent, manifold, training, vae
from aelib.models import AutoEncoder
from aelib.pca import PCA
from aelib.plots import to_grid
from aelib.validate import check_images

pytestmark = pytest.mark.numeric  # results can change under another CPU's kernels: lane 2 re-runs it

SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
widths = st.lists(st.integers(1, 24), min_size=0, max_size=3).map(tuple)


@SETTINGS
@given(n=st.integers(1, 9), latent_dim=st.integers(1, 15), hidden=widths, linear=st.booleans())
def test_autoencoder_shapes_for_any_size(n, latent_dim, hidden, linear):
    model = AutoEncoder(latent_dim=latent_dim, hidden=hidden, linear=linear, input_dim=16)
    x = torch.rand(n, 16)
    z = model.encode(x)
    assert z.shape == (n, latent_dim)
    x_hat = model.decode(z)
    assert x_hat.shape == (n, 16)
    if not linear:
        assert float(x_hat.min()) >= 0 and float(x_hat.max()) <= 1


@SETTINGS
@given(latent_dim=st.integers(1, 6), hidden=widths, linear=st.booleans())
def test_checkpoint_round_trip_is_exact(tmp_path, latent_dim, hidden, linear):
    torch.manual_seed(0)
    model = AutoEncoder(latent_dim=latent_dim, hidden=hidden, linear=linear, input_dim=12).eval()
    loaded = checkpoint.load(checkpoint.save(model, tmp_path / "m.pt"))
    x = torch.rand(4, 12)
    assert loaded.config == model.config and torch.equal(loaded(x), model(x))


@SETTINGS
@given(rank=st.integers(1, 5), extra=st.integers(0, 3), n=st.integers(12, 40), seed=st.integers(0, 10_000))
def test_pca_reconstructs_data_of_low_rank_exactly(rank, extra, n, seed):
    g = torch.Generator().manual_seed(seed)
    basis = torch.linalg.qr(torch.randn(10, rank, generator=g))[0]
    data = (0.5 + 0.04 * torch.randn(n, rank, generator=g) @ basis.T).clamp(0, 1)
    pca = PCA(latent_dim=min(rank + extra, 9)).fit(data)
    assert torch.allclose(pca.decode(pca.encode(data)), data, atol=1e-4)


@SETTINGS
@given(shape=st.lists(st.integers(1, 30), min_size=1, max_size=3).filter(lambda s: not (len(s) == 2 and s[1] == 784)))
def test_any_wrong_shape_is_refused_with_the_expected_shape(shape):
    with pytest.raises(ValueError, match=r"must have shape \[N, 784\]"):
        check_images(torch.rand(*shape))


@SETTINGS
@given(bad=st.sampled_from([float("nan"), float("inf"), -float("inf"), -0.5, 1.5, 255.0]), where=st.integers(0, 783))
def test_any_bad_pixel_is_refused(bad, where):
    x = torch.rand(3, 784)
    x[1, where] = bad
    with pytest.raises(ValueError):
        check_images(x)


@SETTINGS
@given(n=st.integers(1, 23), n_cols=st.integers(1, 8))
def test_image_grid_shape(n, n_cols):
    grid = to_grid(torch.rand(n, 784), n_cols)
    rows = -(-n // n_cols)
    assert grid.shape == (rows * 29 + 1, n_cols * 29 + 1)


anything = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=8),
                     st.lists(st.integers(), max_size=3), st.tuples(st.integers(), st.text(max_size=3)),
                     st.just(torch.zeros(3)), st.just(torch.tensor(float("nan"))))


@settings(max_examples=60, deadline=None)
@given(answer=anything)
def test_exercise_checks_never_crash_on_a_learners_answer(answer):
    checks = [manifold.check_rotated_digit_dimension, manifold.check_components_for_99, encoder.check_parameter_count,
              encoder.check_encoder, latent.check_batch_shape,
              latent.check_permuted_codes, decoder.check_output_shape, decoder.check_mirrored_decoder_parameters,
              decoder.check_decoder, training.check_mse_by_hand, training.check_train_step,
              training.check_shuffled_labels, generation.check_reconstruction_or_generation,
              density.check_kl_value, density.check_reparameterise, density.check_fitted_gaussian_for_kl_only,
              vae.check_gaussian_weight, vae.check_estimator_choice, vae.check_beta_prediction,
              at_work.check_conv_parameters, at_work.check_small_auc, at_work.check_auc_meaning,
              manifold.check_pca_separated_digit, encoder.check_untrained_neighbours, latent.check_swapped_decoder,
              decoder.check_untrained_against_average, generation.check_hole_prediction,
              density.check_kl_only_prediction, training.check_blur_prediction]
    for check in checks:
        for verdict in (check(answer), *([check.after_the_run(answer)] if hasattr(check, "after_the_run") else [])):
            assert verdict.status in ("right", "wrong", "unanswered", "noted") and verdict.message
