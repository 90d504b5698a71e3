"""The latent explorer's logic, driven as a learner would drive it, without a browser."""

from __future__ import annotations

import io

import numpy as np
import pytest
import torch
from PIL import Image

from aelib.models import AutoEncoder
from aelib.pretrained import load_autoencoder_2d
from aelib.widgets import LatentExplorer

pytestmark = pytest.mark.numeric  # results can change under another CPU's kernels: lane 2 re-runs it


@pytest.fixture(scope="module")
def model_2d() -> AutoEncoder:
    return load_autoencoder_2d()


@pytest.fixture(scope="module")
def codes_2d(model_2d, train_small) -> torch.Tensor:
    return model_2d.encode(train_small)


@pytest.fixture(scope="module")
def labels_small() -> torch.Tensor:
    from aelib.data import load_mnist

    return load_mnist("train", limit=2000)[1]


def decoded_png(explorer: LatentExplorer) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(explorer.decoded.value)))


def test_moving_a_slider_decodes_that_z(model_2d, codes_2d, labels_small):
    explorer = LatentExplorer(model_2d, codes_2d, labels_small)
    before_image, before_png = explorer.image.copy(), decoded_png(explorer)
    explorer.sliders[0].value = explorer.sliders[0].value + 3.0  # a learner drags slider 1
    z = torch.tensor([explorer.sliders[0].value, explorer.sliders[1].value])
    assert torch.equal(explorer.z, z)
    assert np.array_equal(explorer.image, model_2d.decode(z[None])[0].numpy())
    assert not np.array_equal(explorer.image, before_image)
    assert not np.array_equal(decoded_png(explorer), before_png)  # the picture in the widget changed too
    assert f"{z[0].item():.2f}" in explorer.status.value


@pytest.mark.parametrize("end", ["min", "max"])
def test_extreme_slider_values_still_give_an_image(model_2d, codes_2d, labels_small, end):
    explorer = LatentExplorer(model_2d, codes_2d, labels_small)
    for slider in explorer.sliders:
        slider.value = getattr(slider, end)
    assert explorer.image.shape == (784,) and np.isfinite(explorer.image).all()
    assert 0.0 <= explorer.image.min() and explorer.image.max() <= 1.0
    assert "empty region" in explorer.status.value
    assert decoded_png(explorer).shape == (196, 196)


def test_z_far_outside_the_data_gives_an_image(model_2d, codes_2d, labels_small):
    explorer = LatentExplorer(model_2d, codes_2d, labels_small)
    explorer.z = torch.tensor([1e6, -1e6])
    explorer.update()
    assert np.isfinite(explorer.image).all() and "empty region" in explorer.status.value


def test_near_a_code_reads_as_populated(model_2d, codes_2d, labels_small):
    explorer = LatentExplorer(model_2d, codes_2d, labels_small)
    explorer.set_z(*codes_2d[0].tolist())
    assert "near the training codes" in explorer.status.value


def test_larger_m_lets_the_learner_pick_two_dimensions(labels_small):
    torch.manual_seed(0)
    model = AutoEncoder(latent_dim=4, hidden=(16,)).eval()
    codes = torch.randn(2000, 4)
    explorer = LatentExplorer(model, codes, labels_small)
    assert explorer.widget.children[0].children[0] is explorer.menus[0]
    start = explorer.z.clone()
    explorer.menus[1].value = 3  # slider 2 now moves z₄
    assert explorer.sliders[1].description == "z₄" and explorer.sliders[1].value == pytest.approx(start[3].item())
    explorer.sliders[1].value = start[3].item() + 1.0
    assert explorer.z[3] == pytest.approx(start[3].item() + 1.0)
    assert torch.equal(explorer.z[[0, 1, 2]], start[[0, 1, 2]])  # the other coordinates stayed put
    assert np.array_equal(explorer.image, model.decode(explorer.z[None])[0].numpy())


def test_bad_input_is_explained(model_2d, codes_2d, labels_small):
    with pytest.raises(ValueError, match="labels must have shape"):
        LatentExplorer(model_2d, codes_2d, labels_small[:10])
    with pytest.raises(ValueError, match=r"codes must have shape \[N, 2\]"):
        LatentExplorer(model_2d, codes_2d[:, :1], labels_small)
