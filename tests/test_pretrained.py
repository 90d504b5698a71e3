"""The shipped trained models (aelib.pretrained): what they are, how good they are, and the refusals."""

from __future__ import annotations

import pytest
import torch
import torch.nn.functional as F

from aelib import checkpoint, pretrained
from aelib.data import load_mnist
from aelib.models import AutoEncoder, VariationalAutoEncoder


@pytest.fixture(scope="module")
def test_digits() -> torch.Tensor:
    return load_mnist("test", limit=2000)[0]


def test_the_shipped_autoencoder_reconstructs_test_digits(test_digits):
    model = pretrained.load_autoencoder_2d()
    assert isinstance(model, AutoEncoder) and model.latent_dim == 2 and not model.training
    with torch.no_grad():
        error = ((model.decoder(model.encoder(test_digits)) - test_digits) ** 2).mean().item()
    average_digit = ((test_digits - test_digits.mean(0)) ** 2).mean().item()
    assert error < 0.6 * average_digit  # far better than drawing the average digit (notebook 05: about 0.04 vs 0.067)


def test_the_shipped_vae_is_notebook_08s_kind_of_model(test_digits):
    """A 2-D VAE whose test negative ELBO is near notebook 08's 147 nats and whose codes sit near N(0, I)."""
    model = pretrained.load_vae_2d()
    assert isinstance(model, VariationalAutoEncoder) and model.latent_dim == 2 and not model.training
    torch.manual_seed(0)
    with torch.no_grad():
        mu, log_var = model.encoder(test_digits).chunk(2, dim=1)
        z = mu + torch.randn_like(mu) * (0.5 * log_var).exp()
        reconstruction = F.binary_cross_entropy(model.decoder(z), test_digits, reduction="none").sum(dim=1)
        kl = 0.5 * (mu**2 + log_var.exp() - 1 - log_var).sum(dim=1)  # the KL to N(0, I), written out
    bound = (reconstruction + kl).mean().item()
    assert 120 < bound < 175, f"the shipped VAE's test negative ELBO is {bound:.1f} nats (notebook 08: 147)"
    # one draw per digit lies about as N(0, I) does (the autoencoder's codes: means and spreads in the tens)
    assert z.mean(0).abs().max() < 0.5 and ((z.std(0) - 1).abs() < 0.3).all()


def test_the_shipped_20_number_vae_has_a_far_better_bound(test_digits):
    """Notebook 08's section 7 model: 784-400-20, a test negative ELBO near its 106 nats, far below the 2-D VAE's."""
    model = pretrained.load_vae_20()
    assert isinstance(model, VariationalAutoEncoder) and model.latent_dim == 20 and list(model.hidden) == [400]
    torch.manual_seed(0)
    with torch.no_grad():
        mu, log_var = model.encoder(test_digits).chunk(2, dim=1)
        z = mu + torch.randn_like(mu) * (0.5 * log_var).exp()
        reconstruction = F.binary_cross_entropy(model.decoder(z), test_digits, reduction="none").sum(dim=1)
        kl = 0.5 * (mu**2 + log_var.exp() - 1 - log_var).sum(dim=1)
    bound = (reconstruction + kl).mean().item()
    assert 95 < bound < 115, f"the shipped 20-D VAE's test negative ELBO is {bound:.1f} nats (notebook 08: 106)"


def test_a_missing_or_wrong_shipped_model_is_refused_with_the_fix(tmp_path, monkeypatch):
    monkeypatch.setattr(pretrained, "VAE_2D", tmp_path / "vae_mnist_m2.pt")
    with pytest.raises(FileNotFoundError, match=r"git checkout -- aelib/checkpoints/vae_mnist_m2\.pt"):
        pretrained.load_vae_2d()
    checkpoint.save(AutoEncoder(latent_dim=2), tmp_path / "vae_mnist_m2.pt")  # an autoencoder where the VAE belongs
    with pytest.raises(checkpoint.CheckpointError, match="not the course's 2-D VariationalAutoEncoder"):
        pretrained.load_vae_2d()
    monkeypatch.setattr(pretrained, "VAE_20", tmp_path / "vae_mnist_m2.pt")  # the 2-D VAE where the 20-D belongs
    checkpoint.save(VariationalAutoEncoder(latent_dim=2), tmp_path / "vae_mnist_m2.pt")
    with pytest.raises(checkpoint.CheckpointError, match="not the course's 20-D VariationalAutoEncoder"):
        pretrained.load_vae_20()


def notebook_07s_class() -> type:
    """StochasticAutoEncoder as notebook 07 defines it (its cell, run here)."""
    from tools.course import NOTEBOOKS, cell_sources

    cell = cell_sources(NOTEBOOKS / "07_toward_a_dense_latent_space.ipynb")["07-004"]
    namespace: dict = {}
    exec("import torch\nfrom torch import nn\nfrom aelib.models import Decoder, mlp\n" + cell, namespace)
    return namespace["StochasticAutoEncoder"]


def test_notebook_07s_shipped_models_load_into_its_class_and_differ_as_its_objectives_say(test_digits):
    """Reconstruction alone shrinks every cloud to nearly a point; the KL alone gives every input N(0, 1)."""
    sigma = {}
    for objective in pretrained.OBJECTIVES:
        weights, final_loss = pretrained.objective_weights(objective)
        model = notebook_07s_class()()
        model.load_state_dict(weights)  # strict: every weight of the notebook's class, and no other
        with torch.no_grad():
            log_var = model.encode_distribution(test_digits)[1]
        sigma[objective] = (0.5 * log_var).exp().mean().item()
        assert 0 < final_loss < 0.1
    assert sigma["Only Reconstruction Loss"] < 0.05
    assert abs(sigma["Only KL Divergence"] - 1) < 0.05
    assert sigma["Only Reconstruction Loss"] < sigma["Combination"] < sigma["Only KL Divergence"]


def test_notebook_07s_models_as_a_vae_compute_what_its_own_class_computes(test_digits):
    """load_objective_model: the same clouds and the same decodes as notebook 07's class with the same weights."""
    for objective in pretrained.OBJECTIVES:
        own = notebook_07s_class()()
        own.load_state_dict(pretrained.objective_weights(objective)[0])
        vae = pretrained.load_objective_model(objective)
        assert isinstance(vae, VariationalAutoEncoder) and not vae.training
        with torch.no_grad():
            pairs = zip(vae.encode_distribution(test_digits), own.encode_distribution(test_digits), strict=True)
            for mine, theirs in pairs:
                assert torch.equal(mine, theirs)
            z = torch.randn(50, 2)
            assert torch.equal(vae.decode(z), own.decode(z))
    with pytest.raises(ValueError, match="'Only Reconstruction Loss'"):
        pretrained.load_objective_model("Only MSE")


def test_an_unknown_objective_or_a_missing_file_is_refused_with_the_fix(tmp_path, monkeypatch):
    with pytest.raises(ValueError, match="'Only Reconstruction Loss', 'Only KL Divergence', 'Combination'"):
        pretrained.objective_weights("Only MSE")
    monkeypatch.setattr(pretrained, "OBJECTIVES_2D", tmp_path / "objectives_m2.pt")
    with pytest.raises(FileNotFoundError, match=r"git checkout -- aelib/checkpoints/objectives_m2\.pt"):
        pretrained.objective_weights("Combination")
    torch.save({"Combination": {}}, tmp_path / "objectives_m2.pt")
    with pytest.raises(checkpoint.CheckpointError, match="--only objectives"):
        pretrained.objective_weights("Combination")


def test_the_absolute_error_twin_draws_solid_strokes_where_the_squared_error_draws_grey(test_digits):
    """Notebook 05's test of where the blur comes from: the same 2-D network, only the loss changed."""
    def median_grey_share(images: torch.Tensor) -> float:  # written out: of the inked pixels, the half-tone share
        ink, grey = images > 0.1, (images > 0.25) & (images < 0.75)
        return (grey.sum(dim=1) / ink.sum(dim=1).clamp(min=1)).median().item()

    squared, absolute = pretrained.load_autoencoder_2d(), pretrained.load_autoencoder_2d(loss="absolute")
    assert isinstance(absolute, AutoEncoder) and absolute.latent_dim == 2 and not absolute.training
    with torch.no_grad():
        shares = {name: median_grey_share(model.decoder(model.encoder(test_digits)))
                  for name, model in [("squared", squared), ("absolute", absolute)]}
    assert shares["absolute"] < shares["squared"] - 0.15
    assert abs(shares["absolute"] - median_grey_share(test_digits)) < 0.08
    with pytest.raises(ValueError, match="'squared' or 'absolute'"):
        pretrained.load_autoencoder_2d(loss="huber")


def test_the_shipped_32_number_autoencoders_rebuild_clean_and_remove_noise(test_digits):
    """Notebook 09's pair: the clean-trained one rebuilds test digits well, the noise-trained one removes noise the
    clean-trained one passes on (the noise written out here: Gaussian, spread 0.4, clipped to [0, 1])."""
    plain, denoiser = pretrained.load_autoencoder_32("clean"), pretrained.load_autoencoder_32("noisy")
    assert all(isinstance(m, AutoEncoder) and m.latent_dim == 32 and not m.training for m in (plain, denoiser))
    noise = torch.randn(test_digits.shape, generator=torch.Generator().manual_seed(0))
    noisy = (test_digits + 0.4 * noise).clamp(0, 1)
    with torch.no_grad():
        def error(model: AutoEncoder, images: torch.Tensor) -> float:
            return ((model.decoder(model.encoder(images)) - test_digits) ** 2).mean().item()

        assert error(plain, test_digits) < 0.015  # notebook 09: about 0.0095
        assert error(denoiser, noisy) < 0.5 * error(plain, noisy)  # notebook 09: about 0.016 against 0.071
    with pytest.raises(ValueError, match="trained_on must be 'clean' or 'noisy'"):
        pretrained.load_autoencoder_32("blurred")
