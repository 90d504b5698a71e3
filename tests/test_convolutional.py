"""The benchmark's convolutional autoencoder: shapes, pixel range, learning, checks and checkpoints."""

from __future__ import annotations

import pytest
import torch

from aelib import checkpoint
from aelib.checkpoint import CheckpointError
from aelib.models import AutoEncoder
from aelib.train import fit, reconstruction_error
from tools.convolutional import ConvAutoEncoder

pytestmark = pytest.mark.numeric  # results can change under another CPU's kernels: lane 2 re-runs it


def test_shapes_parameters_and_pixel_range():
    torch.manual_seed(0)
    model = ConvAutoEncoder(latent_dim=30, channels=32)
    x = torch.rand(5, 784)
    assert model.encode(x).shape == (5, 30)
    assert model(x).shape == (5, 784)
    # conv 1→32 (3×3), 32→64 (3×3), 3136→30, 30→3136, convT 64→32 (4×4), 32→1 (4×4), with biases
    expected = (9 * 32 + 32) + (9 * 32 * 64 + 64) + (3136 * 30 + 30) + (30 * 3136 + 3136) \
        + (16 * 64 * 32 + 32) + (16 * 32 + 1)
    assert sum(p.numel() for p in model.parameters()) == expected == 243_455
    far = model.decode(torch.full((3, 30), 1e6))
    assert float(far.min()) >= 0.0 and float(far.max()) <= 1.0
    assert ConvAutoEncoder(latent_dim=2, channels=4).encode(x).shape == (5, 2)


def test_it_learns_to_reconstruct(train_small, test_small):
    torch.manual_seed(0)
    model = ConvAutoEncoder(latent_dim=8, channels=8)
    before = reconstruction_error(model, test_small)
    history = fit(model, train_small, epochs=3, progress=False)
    after = reconstruction_error(model, test_small)
    assert history.losses[-1] < history.losses[0]
    assert after < 0.5 * before


@pytest.mark.parametrize(("kwargs", "error", "message"), [
    ({"latent_dim": 0}, ValueError, "latent_dim"),
    ({"latent_dim": 784}, ValueError, "latent_dim"),
    ({"latent_dim": 2.0}, TypeError, "latent_dim"),
    ({"channels": 0}, ValueError, "channels"),
])
def test_bad_construction_is_explained(kwargs, error, message):
    with pytest.raises(error, match=message):
        ConvAutoEncoder(**kwargs)


def test_checkpoint_round_trip_and_kind(tmp_path, test_small):
    torch.manual_seed(0)
    model = ConvAutoEncoder(latent_dim=6, channels=4).eval()
    path = checkpoint.save(model, tmp_path / "conv.pt")
    loaded = checkpoint.load(path)
    assert isinstance(loaded, ConvAutoEncoder) and loaded.config == model.config
    assert torch.equal(loaded.reconstruct(test_small), model.reconstruct(test_small))
    with pytest.raises(CheckpointError, match="different model"):
        checkpoint.load_into(AutoEncoder(latent_dim=6), path)
    with pytest.raises(CheckpointError, match="different model"):
        checkpoint.load_into(ConvAutoEncoder(latent_dim=6, channels=8), path)


def test_checkpoint_of_an_unknown_kind_is_refused(tmp_path):
    path = checkpoint.save(ConvAutoEncoder(latent_dim=3, channels=2), tmp_path / "conv.pt")
    payload = torch.load(path, weights_only=True)
    payload["config"]["kind"] = "Transformer"
    torch.save(payload, path)
    with pytest.raises(CheckpointError, match=r"'Transformer'.*can rebuild only"):
        checkpoint.load(path)
    payload["config"] = {"kind": "ConvAutoEncoder", "latent_dim": 3, "channels": 2, "depth": 9}
    torch.save(payload, path)
    with pytest.raises(CheckpointError, match="cannot be built"):
        checkpoint.load(path)
