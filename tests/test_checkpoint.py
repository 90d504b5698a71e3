"""Checkpoints: exact round trips, safe loading, clear refusals, atomic writes."""

from __future__ import annotations

import os

import pytest
import torch

from aelib import checkpoint
from aelib.checkpoint import CheckpointError
from aelib.models import AutoEncoder

pytestmark = pytest.mark.numeric  # results can change under another CPU's kernels: lane 2 re-runs it


@pytest.fixture
def model() -> AutoEncoder:
    torch.manual_seed(0)
    return AutoEncoder(latent_dim=3, hidden=(32, 8)).eval()


class Payload:
    def __reduce__(self):
        return (os.system, ("echo pwned",))


def test_pickled_code_is_refused(tmp_path):
    path = tmp_path / "evil.pt"
    torch.save({"format": "aelib-checkpoint", "trap": Payload()}, path)
    with pytest.raises(CheckpointError, match="weights_only=True"):
        checkpoint.load(path)


def test_other_architecture_is_refused(model, tmp_path):
    path = checkpoint.save(model, tmp_path / "ae.pt")
    with pytest.raises(CheckpointError, match=r"different model.*latent_dim': 3"):
        checkpoint.load_into(AutoEncoder(latent_dim=2, hidden=(32, 8)), path)
    with pytest.raises(CheckpointError, match="different model"):
        checkpoint.load_into(AutoEncoder(latent_dim=3), path)


def test_not_a_checkpoint(tmp_path):
    text = tmp_path / "notes.pt"
    text.write_text("hello")
    with pytest.raises(CheckpointError, match="not a PyTorch checkpoint"):
        checkpoint.load(text)
    plain = tmp_path / "plain.pt"
    torch.save({"weights": torch.zeros(2)}, plain)
    with pytest.raises(CheckpointError, match="not an aelib checkpoint"):
        checkpoint.load(plain)
    with pytest.raises(FileNotFoundError, match="No checkpoint"):
        checkpoint.load(tmp_path / "missing.pt")


def test_weights_that_do_not_fit_their_config(model, tmp_path):
    path = tmp_path / "bad.pt"
    payload = torch.load(checkpoint.save(model, path), weights_only=True)
    payload["config"]["latent_dim"] = 4
    torch.save(payload, path)
    with pytest.raises(CheckpointError, match="do not fit"):
        checkpoint.load(path)


def test_truncated_checkpoint(model, tmp_path):
    path = checkpoint.save(model, tmp_path / "ae.pt")
    path.write_bytes(path.read_bytes()[:500])
    with pytest.raises(CheckpointError, match="not a PyTorch checkpoint"):
        checkpoint.load(path)


def test_save_is_atomic(model, tmp_path, monkeypatch):
    path = checkpoint.save(model, tmp_path / "ae.pt")
    before = path.read_bytes()

    def crash(obj, handle):
        handle.write(b"half a file")
        raise KeyboardInterrupt("power cut")

    monkeypatch.setattr(torch, "save", crash)
    with pytest.raises(KeyboardInterrupt):
        checkpoint.save(AutoEncoder(latent_dim=3, hidden=(32, 8)), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["ae.pt"]


def test_save_refuses_other_objects(tmp_path):
    with pytest.raises(TypeError, match="AutoEncoder"):
        checkpoint.save(torch.nn.Linear(2, 2), tmp_path / "x.pt")


def test_other_kinds_must_register_to_be_saved_or_loaded(tmp_path):
    from aelib.models import LatentModel

    class Tiny(LatentModel):
        input_dim, latent_dim = 4, 1

        def __init__(self, *, latent_dim: int = 1) -> None:
            super().__init__()
            self.encoder, self.decoder = torch.nn.Linear(4, 1), torch.nn.Linear(1, 4)

        @property
        def config(self) -> dict:
            return {"kind": "Tiny", "latent_dim": 1}

    with pytest.raises(TypeError, match=r"see checkpoint\.register"):
        checkpoint.save(Tiny(), tmp_path / "tiny.pt")
    checkpoint.register(Tiny)
    try:
        path = checkpoint.save(Tiny(), tmp_path / "tiny.pt")
        assert type(checkpoint.load(path)) is Tiny
    finally:
        del checkpoint.KINDS["Tiny"]
    with pytest.raises(checkpoint.CheckpointError, match="registers itself"):
        checkpoint.load(path)
    with pytest.raises(TypeError, match="LatentModel subclass"):
        checkpoint.register(dict)
