"""Encoder, Decoder and AutoEncoder in particular: shapes, parameter counts, linearity, construction errors.

The interface every model shares (encode, decode, reconstruct, refusals, checkpoints) is in test_model_contract.py.
"""

from __future__ import annotations

import pytest
import torch

from aelib.models import AutoEncoder, Decoder, Encoder

pytestmark = pytest.mark.numeric  # results can change under another CPU's kernels: lane 2 re-runs it


def n_params(module: torch.nn.Module) -> int:
    return sum(p.numel() for p in module.parameters())


def test_shapes_and_parameter_counts():
    model = AutoEncoder(latent_dim=2)
    assert model.encoder(torch.rand(5, 784)).shape == (5, 2)
    assert model(torch.rand(5, 784)).shape == (5, 784)
    assert n_params(model.encoder) == (784 * 256 + 256) + (256 * 64 + 64) + (64 * 2 + 2)
    assert n_params(model.decoder) == (2 * 64 + 64) + (64 * 256 + 256) + (256 * 784 + 784)


def test_linear_autoencoder_is_linear():
    model = AutoEncoder(latent_dim=4, linear=True)
    assert model.config["hidden"] == []
    a, b = torch.rand(3, 784), torch.rand(3, 784)
    f = model  # f(a + b) - f(0) == f(a) - f(0) + f(b) - f(0) for an affine map
    zero = torch.zeros(3, 784)
    assert torch.allclose(f(a + b) - f(zero), (f(a) - f(zero)) + (f(b) - f(zero)), atol=1e-5)


def test_encode_decode_roundtrip_face():
    model = AutoEncoder(latent_dim=8, hidden=(32,))
    x = torch.rand(4, 784)
    z = model.encode(x)
    assert z.shape == (4, 8) and not z.requires_grad
    assert torch.equal(model.decode(z), model(x).detach())


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [({"latent_dim": 0}, ValueError, "latent_dim must be between 1 and 783"),
     ({"latent_dim": 784}, ValueError, "latent_dim must be between 1 and 783"),
     ({"latent_dim": 2.0}, TypeError, "latent_dim must be an int"),
     ({"latent_dim": 2, "hidden": 64}, TypeError, "hidden must be a tuple"),
     ({"latent_dim": 2, "hidden": (64, 0)}, ValueError, "each hidden width must be >= 1")],
)
def test_bad_construction_is_explained(kwargs, error, message):
    with pytest.raises(error, match=message):
        AutoEncoder(**kwargs)


def test_encoder_and_decoder_alone():
    assert Encoder(latent_dim=5)(torch.rand(2, 784)).shape == (2, 5)
    assert Decoder(latent_dim=5)(torch.rand(2, 5)).shape == (2, 784)


def test_constructors_take_keywords_only_and_say_their_sizes():
    with pytest.raises(TypeError):
        AutoEncoder(2)
    with pytest.raises(TypeError):
        Encoder(784, (256, 64), 2)
    model = AutoEncoder(latent_dim=3, hidden=(16,), input_dim=20)
    assert (model.input_dim, model.latent_dim) == (20, 3)
    assert model.encoder.layers[0].in_features == 20 and model.decoder.layers[-2].out_features == 20


def test_variational_autoencoder_sizes_and_sampling(tmp_path):
    from aelib import checkpoint
    from aelib.models import VariationalAutoEncoder

    model = VariationalAutoEncoder(latent_dim=2)
    # by hand: body 784·256+256 + 256·64+64, head 64·4+4, decoder 2·64+64 + 64·256+256 + 256·784+784
    assert sum(p.numel() for p in model.parameters()) == 217_408 + 260 + 218_320
    x = torch.rand(5, 784)
    mu, log_var = model.encode_distribution(x)
    assert mu.shape == log_var.shape == (5, 2) and torch.equal(model.encode(x), mu.detach())
    torch.manual_seed(0)
    a = model(x)
    torch.manual_seed(1)
    assert a.shape == (5, 784) and not torch.equal(a, model(x))  # a fresh sampled code each call
    path = checkpoint.save(model.eval(), tmp_path / "vae.pt")
    assert torch.equal(checkpoint.load(path).encode(x), model.encode(x))
    with pytest.raises(ValueError, match="at least one hidden layer"):
        VariationalAutoEncoder(latent_dim=2, hidden=())
    with pytest.raises(TypeError):
        VariationalAutoEncoder(2)
