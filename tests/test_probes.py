"""aelib.probes.fresh_decoder_error: can a new decoder rebuild the images from a frozen encoder's codes?"""

from __future__ import annotations

import pytest
import torch
from torch import nn

from aelib.data import load_mnist
from aelib.pca import PCA
from aelib.probes import fresh_decoder_error, fresh_decoder_reconstructions

pytestmark = pytest.mark.numeric  # trains a small decoder: results can change under another CPU's kernels


class Constant(nn.Module):
    """An encoder whose codes hold nothing: every image gets the same 2 numbers."""

    def __init__(self) -> None:
        super().__init__()
        self.weight = nn.Parameter(torch.ones(2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.weight.expand(len(x), 2)


class PCACodes(nn.Module):
    def __init__(self, pca: PCA) -> None:
        super().__init__()
        self.pca = pca

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.pca.encode(x)


@pytest.fixture(scope="module")
def digits() -> tuple[torch.Tensor, torch.Tensor]:
    return load_mnist("train", limit=3000)[0], load_mnist("test", limit=500)[0]


def test_codes_that_hold_nothing_rebuild_only_the_average_image(digits):
    train, test = digits
    average_error = ((test - train.mean(dim=0)) ** 2).mean().item()  # by hand: always draw the mean
    assert fresh_decoder_error(Constant(), train, test, epochs=3) == pytest.approx(average_error, rel=0.1)


def test_informative_codes_rebuild_far_better_and_the_encoder_is_left_as_it_was(digits):
    train, test = digits
    pca = PCA(latent_dim=8).fit(train)
    average_error = ((test - train.mean(dim=0)) ** 2).mean().item()
    assert fresh_decoder_error(PCACodes(pca), train, test, epochs=3) < 0.7 * average_error
    # a plain function works the same as a module that wraps it
    assert fresh_decoder_error(pca.encode, train, test, epochs=3) == fresh_decoder_error(PCACodes(pca), train, test,
                                                                                         epochs=3)
    encoder = nn.Sequential(nn.Linear(784, 8))
    before = [p.detach().clone() for p in encoder.parameters()]
    fresh_decoder_error(encoder, train, test, epochs=1)
    assert all(torch.equal(a, b) for a, b in zip(before, encoder.parameters(), strict=True))
    assert all(p.requires_grad for p in encoder.parameters())


def test_the_reconstructions_are_test_images_whose_error_is_the_reported_error(digits):
    train, test = digits
    pca = PCA(latent_dim=8).fit(train)
    rebuilt = fresh_decoder_reconstructions(pca.encode, train, test, epochs=1)
    assert rebuilt.shape == test.shape
    assert 0 < rebuilt.min() and rebuilt.max() < 1  # the decoder's sigmoid: pixels
    by_hand = ((rebuilt - test) ** 2).mean().item()
    assert fresh_decoder_error(pca.encode, train, test, epochs=1) == pytest.approx(by_hand, rel=1e-6)
    with pytest.raises(TypeError, match="encoder must map images to codes"):
        fresh_decoder_reconstructions(3, train, test)


def test_bad_input_is_refused_with_the_reason(digits):
    train, test = digits
    with pytest.raises(TypeError, match=r"encoder must map images to codes .* but got a str"):
        fresh_decoder_error("pca", train, test)
    with pytest.raises(ValueError, match="test_images"):
        fresh_decoder_error(Constant(), train, test[:, :100])
