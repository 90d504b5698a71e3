"""fit really trains, reconstruction_error measures what it says, PCA recovers known structure."""

from __future__ import annotations

import math

import pytest
import torch

from aelib.models import AutoEncoder
from aelib.pca import PCA, NotFittedError
from aelib.train import History, fit, reconstruction_error

pytestmark = pytest.mark.numeric  # results can change under another CPU's kernels: lane 2 re-runs it


def test_fit_lowers_the_loss_and_records_history(train_small, test_small):
    torch.manual_seed(0)
    model = AutoEncoder(latent_dim=8, hidden=(64,))
    before = reconstruction_error(model, test_small)
    seen = []
    history = fit(model, train_small, epochs=3, batch_size=128, lr=1e-2, on_epoch_end=lambda e, m: seen.append(e))
    assert isinstance(history, History) and len(history.losses) == 3 and seen == [1, 2, 3]
    assert history.losses[-1] < history.losses[0]
    assert reconstruction_error(model, test_small) < 0.7 * before
    assert history.samples == 3 * len(train_small) and history.samples_per_second > 0
    assert not model.training


def test_fit_is_reproducible_for_a_seed(train_small):
    def run() -> torch.Tensor:
        torch.manual_seed(0)
        model = AutoEncoder(latent_dim=2, hidden=(16,))
        fit(model, train_small[:500], epochs=1, batch_size=100, seed=3)
        return model.encode(train_small[:5])

    assert torch.equal(run(), run())


def test_reconstruction_error_is_the_per_pixel_mse(test_small):
    pca = PCA(latent_dim=3).fit(test_small)
    x_hat = pca.decode(pca.encode(test_small))
    expected = float(((x_hat - test_small) ** 2).mean())
    assert math.isclose(reconstruction_error(pca, test_small, batch_size=300), expected, rel_tol=1e-5)


def test_fit_refuses_bad_arguments(train_small):
    model = AutoEncoder(latent_dim=2, hidden=(8,))
    for kwargs, message in [({"epochs": 0}, "epochs"), ({"batch_size": -1}, "batch_size"), ({"lr": 0.0}, "lr")]:
        with pytest.raises(ValueError, match=message):
            fit(model, train_small, **kwargs)
    with pytest.raises(ValueError, match=r"\[0, 1\]"):
        fit(model, train_small * 255)


def test_fit_stops_on_a_diverging_loss(train_small):
    model = AutoEncoder(latent_dim=2, hidden=(8,))

    def broken_loss(m, x):
        return (m(x) * float("nan")).sum()

    with pytest.raises(FloatingPointError, match="lower lr"):
        fit(model, train_small[:200], epochs=1, loss=broken_loss)


def test_pca_recovers_a_planted_subspace():
    generator = torch.Generator().manual_seed(0)
    basis, _ = torch.linalg.qr(torch.randn(50, 3, generator=generator))
    codes = torch.randn(400, 3, generator=generator) * torch.tensor([3.0, 2.0, 1.0])
    data = 0.5 + 0.05 * codes @ basis.T
    pca = PCA(latent_dim=3).fit(data)
    overlap = torch.linalg.svdvals(pca.components_ @ basis)
    assert torch.allclose(overlap, torch.ones(3), atol=1e-4)
    assert reconstruction_error(pca, data) < 1e-10
    assert pca.components_for_variance(0.999) == 3


def test_pca_on_mnist_matches_the_reference_numbers(train_small, test_small):
    from aelib.data import load_mnist

    train, _ = load_mnist("train")
    test, _ = load_mnist("test")
    assert abs(reconstruction_error(PCA(latent_dim=2).fit(train), test) - 0.0557) < 5e-4
    assert abs(reconstruction_error(PCA(latent_dim=32).fit(train), test) - 0.0168) < 5e-4


def test_top_equals_a_smaller_fit(test_small):
    big, small = PCA(latent_dim=10).fit(test_small), PCA(latent_dim=4).fit(test_small)
    top = big.top(4)
    assert torch.allclose(top.decode(top.encode(test_small)), small.decode(small.encode(test_small)), atol=1e-5)
    with pytest.raises(ValueError, match="latent_dim must be between 1 and 10"):
        big.top(11)


def test_pca_needs_fitting_and_valid_input(test_small):
    with pytest.raises(NotFittedError, match=r"not fitted yet: call \.fit\(images\) first"):
        PCA(latent_dim=2).encode(test_small)
    with pytest.raises(ValueError, match="not fitted"):  # what users catch: NotFittedError is a ValueError
        PCA(latent_dim=2).reconstruct(test_small)
    with pytest.raises(ValueError, match="latent_dim must be >= 1"):
        PCA(latent_dim=0)
    with pytest.raises(ValueError, match="smaller than the image size 784"):
        PCA(latent_dim=784).fit(test_small)
    with pytest.raises(ValueError, match="at least 2 images"):
        PCA(latent_dim=2).fit(test_small[:1])
    with pytest.raises(TypeError):
        PCA(2)  # keyword only: PCA(latent_dim=2)


def test_pca_matches_numpy_svd(test_small):
    import numpy as np

    x = test_small[:500].double().numpy()
    centred = x - x.mean(axis=0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)  # another library's principal directions
    expected = x.mean(axis=0) + centred @ vt[:5].T @ vt[:5]
    pca = PCA(latent_dim=5).fit(test_small[:500])
    assert pca.input_dim == 784 and pca.latent_dim == 5
    assert np.allclose(pca.reconstruct(test_small[:500]).numpy(), expected, atol=1e-4)


def test_fit_learns_the_image_size_from_the_images():
    class NoSizeGiven(torch.nn.Module):  # a learner's model that does not declare input_dim
        def __init__(self) -> None:
            super().__init__()
            self.net = torch.nn.Sequential(torch.nn.Linear(20, 4), torch.nn.Linear(4, 20), torch.nn.Sigmoid())

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            return self.net(x)

    data = torch.rand(64, 20, generator=torch.Generator().manual_seed(0))
    history = fit(NoSizeGiven(), data, epochs=2, batch_size=16, progress=False)
    assert len(history.losses) == 2
    with pytest.raises(ValueError, match=r"shape \[N, 784\]"):
        fit(AutoEncoder(latent_dim=2, hidden=(8,)), data, epochs=1)  # this model says 784
    with pytest.raises(TypeError, match="positional"):
        fit(AutoEncoder(latent_dim=2), data, 3)  # keyword-only settings: epochs=3


def test_fit_runs_notebook_05s_hand_written_loop(train_small):
    """Notebook 05 says fit runs its four steps with the same optimiser and schedule: the same weights come out."""
    images, epochs, batch_size, lr = train_small[:1000], 2, 100, 1e-2

    torch.manual_seed(0)
    by_hand = AutoEncoder(latent_dim=4, hidden=(32,))
    optimizer = torch.optim.Adam(by_hand.parameters(), lr=lr)  # the notebook's loop: plain Adam, one-cycle
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=lr, total_steps=epochs * 10)
    order_generator = torch.Generator().manual_seed(0)
    for _ in range(epochs):
        order = torch.randperm(len(images), generator=order_generator)
        for start in range(0, len(images), batch_size):
            x = images[order[start : start + batch_size]]
            loss = ((by_hand.decoder(by_hand.encoder(x)) - x) ** 2).mean()  # encode, decode, loss
            optimizer.zero_grad()  # update
            loss.backward()
            optimizer.step()
            schedule.step()

    torch.manual_seed(0)
    packaged = AutoEncoder(latent_dim=4, hidden=(32,))
    fit(packaged, images, epochs=epochs, batch_size=batch_size, lr=lr, seed=0, progress=False)
    for mine, theirs in zip(by_hand.parameters(), packaged.parameters(), strict=True):
        assert torch.allclose(mine, theirs, atol=1e-5)  # fit's fused Adam differs only in float rounding
    torch.manual_seed(0)
    other_order = AutoEncoder(latent_dim=4, hidden=(32,))  # a control: the same start, batches in another order
    fit(other_order, images, epochs=epochs, batch_size=batch_size, lr=lr, seed=1, progress=False)
    gaps = [(a - b).abs().max().item() for a, b in zip(other_order.parameters(), packaged.parameters(), strict=True)]
    assert max(gaps) > 1e-3  # the comparison above could tell two trainings apart
