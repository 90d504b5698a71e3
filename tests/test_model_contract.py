"""One contract for every model of the course, in the spirit of scikit-learn's estimator checks.

AutoEncoder (m = 2, and a linear one), VariationalAutoEncoder, PCA (fitted on 500 MNIST images) and the
benchmark's ConvAutoEncoder all offer the same face: keyword-only constructors; ``input_dim`` and
``latent_dim``; ``encode(x)`` → [N, latent_dim], ``decode(z)`` → [N, input_dim], ``reconstruct(x)`` →
the shape of x; every wrong batch refused with a message that says how to fix it; and, for the models
``aelib.checkpoint`` handles, a save and load that changes no output bit.

Where a model deliberately differs, the spec below says so: PCA and the linear autoencoder have no sigmoid,
so their outputs are not confined to [0, 1]; PCA is no torch module, and checkpoints refuse it.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
import torch

from aelib import checkpoint
from aelib.data import load_mnist
from aelib.models import AutoEncoder, LatentModel, VariationalAutoEncoder
from aelib.pca import PCA
from tools.convolutional import ConvAutoEncoder

pytestmark = pytest.mark.numeric  # results can change under another CPU's kernels: lane 2 re-runs it


@dataclass(frozen=True)
class Spec:
    build: Callable[[], Any]
    latent_dim: int
    bounded: bool = True  # a sigmoid keeps every output in [0, 1]
    checkpoints: bool = True  # aelib.checkpoint saves and loads it


def _pca() -> PCA:
    return PCA(latent_dim=8).fit(load_mnist("train", limit=500)[0])


SPECS = {
    "AutoEncoder m=2": Spec(lambda: AutoEncoder(latent_dim=2), 2),
    "linear AutoEncoder": Spec(lambda: AutoEncoder(latent_dim=8, linear=True), 8, bounded=False),
    "VariationalAutoEncoder": Spec(lambda: VariationalAutoEncoder(latent_dim=2, hidden=(32,)), 2),
    "PCA": Spec(_pca, 8, bounded=False, checkpoints=False),
    "ConvAutoEncoder": Spec(lambda: ConvAutoEncoder(latent_dim=4, channels=4), 4),
}


@pytest.fixture(scope="module", params=list(SPECS))
def case(request) -> tuple[Any, Spec]:
    spec = SPECS[request.param]
    torch.manual_seed(0)
    model = spec.build()
    return (model.eval() if isinstance(model, torch.nn.Module) else model), spec


@pytest.fixture(scope="module")
def images() -> torch.Tensor:
    return load_mnist("test", limit=6)[0]


def test_constructor_takes_keywords_only(case):
    model, _ = case
    parameters = list(inspect.signature(type(model).__init__).parameters.values())[1:]  # after self
    assert parameters and all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in parameters)
    with pytest.raises(TypeError, match="positional"):
        type(model)(2)


def test_sizes_are_attributes(case):
    model, spec = case
    assert (model.input_dim, model.latent_dim) == (784, spec.latent_dim)


def test_encode_decode_reconstruct(case, images):
    model, spec = case
    z = model.encode(images)
    assert z.shape == (len(images), spec.latent_dim) and z.dtype == torch.float32 and not z.requires_grad
    x_hat = model.decode(z)
    assert x_hat.shape == (len(images), model.input_dim) and not x_hat.requires_grad
    assert torch.equal(model.reconstruct(images), x_hat)  # reconstruct is decode(encode(x))
    far = model.decode(100 * torch.randn(100, spec.latent_dim, generator=torch.Generator().manual_seed(0)))
    for out in (x_hat, far):
        assert bool(torch.isfinite(out).all())
        if spec.bounded:
            assert float(out.min()) >= 0.0 and float(out.max()) <= 1.0


BAD_IMAGES = [
    (lambda: torch.rand(28, 28), ValueError, "unflattened images"),
    (lambda: torch.rand(2, 28, 28), ValueError, r"reshape\(-1, 784\)"),
    (lambda: torch.rand(2, 1, 28, 28), ValueError, r"reshape\(-1, 784\)"),
    (lambda: torch.rand(3, 785), ValueError, r"shape \[N, 784\]"),
    (lambda: torch.rand(784), ValueError, "unsqueeze"),
    (lambda: torch.randint(0, 255, (2, 784)), TypeError, "divide uint8 pixels by 255"),
    (lambda: torch.full((2, 784), float("nan")), ValueError, "NaN"),
    (lambda: torch.rand(2, 784) * 255, ValueError, r"values in \[0, 1\].*divide"),
    (lambda: [[0.0] * 784], TypeError, "must be a torch.Tensor"),
]


@pytest.mark.parametrize("method", ["encode", "reconstruct"])
@pytest.mark.parametrize(("make", "error", "message"), BAD_IMAGES, ids=[
    "one 28x28 image", "28x28 batch", "1x28x28 batch", "785 wide", "one flat image", "integer pixels", "NaN",
    "pixels 0-255", "a list"])
def test_bad_images_are_refused_clearly(case, method, make, error, message):
    model, _ = case
    with pytest.raises(error, match=message):
        getattr(model, method)(make())


def test_bad_codes_are_refused_clearly(case):
    model, spec = case
    m = spec.latent_dim
    with pytest.raises(ValueError, match=rf"shape \[N, {m}\]"):
        model.decode(torch.zeros(1, m + 1))
    with pytest.raises(ValueError, match="NaN"):
        model.decode(torch.full((1, m), float("inf")))
    with pytest.raises(ValueError, match="NaN"):
        model.decode(torch.full((1, m), float("nan")))


def test_calling_the_model_checks_the_batch(case):
    """Calling the model (what aelib.train.fit does) checks dtype and shape too (not the values: that is free)."""
    model, _ = case
    with pytest.raises(ValueError, match=r"shape \[N, 784\]"):
        model(torch.rand(2, 10))
    with pytest.raises(ValueError, match=r"reshape\(-1, 784\)"):
        model(torch.rand(2, 28, 28))
    with pytest.raises(TypeError, match=r"Convert it with \.float\(\) \(and divide uint8 pixels by 255\)"):
        model(torch.randint(0, 255, (5, 784)))


def test_checkpoint_round_trip_is_bit_identical(case, images, tmp_path):
    model, spec = case
    if not spec.checkpoints:
        with pytest.raises(TypeError, match=r"save expects one of .*see checkpoint\.register"):
            checkpoint.save(model, tmp_path / "model.pt")
        return
    path = checkpoint.save(model, tmp_path / "model.pt")
    loaded = checkpoint.load(path)
    assert type(loaded) is type(model) and loaded.config == model.config and not loaded.training
    z = model.encode(images)
    assert torch.equal(loaded.encode(images), z)
    assert torch.equal(loaded.decode(z), model.decode(z))
    assert torch.equal(loaded.reconstruct(images), model.reconstruct(images))
    torch.manual_seed(1)
    called = model(images)
    torch.manual_seed(1)  # the VAE draws a code when called: the same draw on both sides
    assert torch.equal(loaded(images), called)
    config = dict(model.config)
    torch.manual_seed(2)
    fresh = type(model)(**{k: v for k, v in config.items() if k != "kind"})
    assert isinstance(fresh, LatentModel) and not torch.equal(fresh.encode(images), z)
    checkpoint.load_into(fresh, path)
    assert torch.equal(fresh.encode(images), z)
