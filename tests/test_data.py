"""The shipped MNIST loads fast and correctly, and damaged files are refused with a clear message."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest
import torch

from aelib.data import MNIST_DIR, DataFileError, load_mnist, make_swiss_roll, rotate_images


def test_training_set_matches_the_documented_facts():
    images, labels = load_mnist("train")
    assert images.shape == (60_000, 784) and images.dtype == torch.float32
    assert labels.shape == (60_000,) and labels.dtype == torch.int64
    assert float(images.min()) == 0.0 and float(images.max()) == 1.0
    assert abs(float(images.mean()) - 0.1307) < 5e-5
    assert torch.bincount(labels).tolist() == [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]


def test_test_set_counts_and_limit():
    images, labels = load_mnist("test")
    assert torch.bincount(labels).tolist() == [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]
    first, first_labels = load_mnist("test", limit=5)
    assert torch.equal(first, images[:5]) and torch.equal(first_labels, labels[:5])


def test_returned_tensors_are_fresh_copies():
    a, _ = load_mnist("test", limit=3)
    a += 1  # a learner scribbling on the tensor must not change the next load
    b, _ = load_mnist("test", limit=3)
    assert float(b.max()) <= 1.0


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"split": "validation"}, "split must be one of"), ({"limit": 0}, "limit must be"),
     ({"limit": 70_000}, "limit must be"), ({"limit": 2.5}, "limit must be an int")],
)
def test_bad_arguments_are_named(kwargs, message):
    with pytest.raises((ValueError, TypeError), match=message):
        load_mnist(**kwargs)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    for f in MNIST_DIR.glob("*.gz"):
        shutil.copy(f, tmp_path / f.name)
    return tmp_path


def test_a_copy_loads(data_copy):
    images, _ = load_mnist("test", directory=data_copy)
    assert images.shape == (10_000, 784)


def test_missing_file_names_the_file_and_the_fix(data_copy):
    (data_copy / "t10k-labels-idx1-ubyte.gz").unlink()
    with pytest.raises(DataFileError, match=r"t10k-labels-idx1-ubyte\.gz is missing.*git checkout"):
        load_mnist("test", directory=data_copy)


def test_truncated_file_is_refused(data_copy):
    path = data_copy / "t10k-images-idx3-ubyte.gz"
    path.write_bytes(path.read_bytes()[:100_000])
    with pytest.raises(DataFileError, match=r"t10k-images-idx3-ubyte\.gz is damaged.*0fa7898d"):
        load_mnist("test", directory=data_copy)


def test_altered_pixels_are_refused(data_copy):
    path = data_copy / "t10k-images-idx3-ubyte.gz"
    raw = bytearray(gzip.decompress(path.read_bytes()))
    raw[5000] ^= 0xFF  # one changed pixel, in a perfectly valid gzip file
    path.write_bytes(gzip.compress(bytes(raw)))
    with pytest.raises(DataFileError, match=r"has been altered.*expected 0fa7898d.*Restore"):
        load_mnist("test", directory=data_copy)


def test_swiss_roll_is_a_rolled_sheet():
    points, sheet = make_swiss_roll(n=500, seed=1)
    assert points.shape == (500, 3) and sheet.shape == (500, 2)
    t = sheet[:, 0]
    radius = torch.hypot(points[:, 0], points[:, 2])
    assert torch.allclose(radius, t, atol=1e-4)  # without noise the spiral's radius is its angle
    assert torch.equal(points, make_swiss_roll(n=500, seed=1)[0])
    with pytest.raises(ValueError, match="noise"):
        make_swiss_roll(noise=-1)


def test_latent_measures():
    from aelib.latent import cell_counts, central_box, distance_to_codes, empty_fraction

    even = torch.stack(torch.meshgrid(torch.arange(10.0), torch.arange(10.0), indexing="xy"), -1).reshape(-1, 2) + 0.5
    assert cell_counts(even, torch.zeros(2), torch.full((2,), 10.0), bins=10).eq(1).all()
    assert empty_fraction(even, torch.zeros(2), torch.full((2,), 10.0), bins=10) == 0.0
    clumped = torch.cat([even, torch.full((1900, 2), 0.5)])  # an even share is now 20 per cell
    assert empty_fraction(clumped, torch.zeros(2), torch.full((2,), 10.0), bins=10) == pytest.approx(0.99)
    low, high = central_box(torch.arange(1000.0).reshape(-1, 2))
    assert low[0] < 20 and high[0] > 970
    assert distance_to_codes(torch.tensor([[3.0, 4.0]]), torch.zeros(1, 2)).item() == 5.0


def test_rotate_images_turns_anticlockwise_as_rot90_does():
    images = torch.rand(4, 784, generator=torch.Generator().manual_seed(0))
    grid = images.view(4, 28, 28)
    assert torch.allclose(rotate_images(images, 0.0), images, atol=1e-5)
    for quarter_turns in (1, 2, 3):  # numpy/torch rot90: anticlockwise on screen
        expected = torch.rot90(grid, quarter_turns, dims=(1, 2)).reshape(4, 784)
        assert torch.allclose(rotate_images(images, 90.0 * quarter_turns), expected, atol=1e-5)
    corner = torch.zeros(1, 784)
    corner[0, 0] = 1.0  # the top-left pixel goes to the bottom-left under a quarter turn anticlockwise
    assert rotate_images(corner, 90.0).view(28, 28)[27, 0] > 0.99


def test_rotate_images_takes_one_angle_per_image_and_keeps_ink_inside():
    images = load_mnist("test")[0][:3]
    one_by_one = torch.cat([rotate_images(images[i : i + 1], angle) for i, angle in enumerate((0.0, 15.0, -30.0))])
    assert torch.allclose(rotate_images(images, torch.tensor([0.0, 15.0, -30.0])), one_by_one)
    turned = rotate_images(images, 20.0)
    assert turned.min() >= 0 and turned.max() <= 1
    assert torch.allclose(turned.sum(dim=1), images.sum(dim=1), rtol=0.05)  # a centred digit keeps its ink


@pytest.mark.parametrize("images, degrees, message", [
    (torch.rand(2, 100), 10.0, "784"),
    (torch.rand(2, 784), torch.tensor([1.0, 2.0, 3.0]), "one finite angle per image"),
    (torch.rand(2, 784), float("nan"), "finite"),
])
def test_rotate_images_refuses_bad_input(images, degrees, message):
    with pytest.raises(ValueError, match=message):
        rotate_images(images, degrees)
