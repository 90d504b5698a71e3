"""The course's data: the MNIST files shipped in ``aelib/datasets/mnist`` and a swiss-roll generator."""

from __future__ import annotations

import functools
import gzip
import hashlib
import math
import zlib
from pathlib import Path

import numpy as np
import torch

from aelib.validate import check_choice, check_images, check_int, check_matrix

MNIST_DIR = Path(__file__).resolve().parent / "datasets" / "mnist"

# SHA-256 of each file's DECOMPRESSED bytes (the gzip wrapper may differ between copies; the data may not).
MNIST_FILES = {
    ("train", "images"): (
        "train-images-idx3-ubyte.gz",
        "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
    ),
    ("train", "labels"): (
        "train-labels-idx1-ubyte.gz",
        "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
    ),
    ("test", "images"): (
        "t10k-images-idx3-ubyte.gz",
        "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
    ),
    ("test", "labels"): (
        "t10k-labels-idx1-ubyte.gz",
        "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
    ),
}
MNIST_SIZES = {"train": 60_000, "test": 10_000}

RESTORE_HINT = (
    "Restore the shipped file with `git checkout -- aelib/datasets/mnist/` in the course's folder (or a "
    "fresh clone of the course), or reinstall the course package where it was installed with pip; "
    "the checksums are listed in aelib/datasets/mnist/SHA256SUMS.raw.txt."
)


class DataFileError(RuntimeError):
    """A shipped data file is missing, truncated or altered."""


def _read_verified(name: str, expected_sha256: str, directory: Path) -> bytes:
    path = directory / name
    if not path.is_file():
        raise DataFileError(f"MNIST file {path} is missing. {RESTORE_HINT}")
    try:
        raw = gzip.decompress(path.read_bytes())
    except (OSError, EOFError, zlib.error) as exc:
        raise DataFileError(
            f"MNIST file {path} is damaged: it is not a complete gzip file ({exc}). "
            f"Expected decompressed SHA-256 {expected_sha256}. {RESTORE_HINT}"
        ) from exc
    actual = hashlib.sha256(raw).hexdigest()
    if actual != expected_sha256:
        raise DataFileError(
            f"MNIST file {path} has been altered: the SHA-256 of its decompressed bytes is {actual}, "
            f"expected {expected_sha256}. {RESTORE_HINT}"
        )
    return raw


def _parse_idx(raw: bytes, name: str, magic: int, count: int) -> np.ndarray:
    header_len = 16 if magic == 2051 else 8
    header = np.frombuffer(raw, dtype=">u4", count=header_len // 4)
    if header[0] != magic or header[1] != count:
        raise DataFileError(f"MNIST file {name} has an unexpected IDX header {header.tolist()}. {RESTORE_HINT}")
    data = np.frombuffer(raw, dtype=np.uint8, offset=header_len)
    return data.reshape(count, -1)


@functools.lru_cache(maxsize=4)
def _load_uint8(split: str, directory: Path = MNIST_DIR) -> tuple[np.ndarray, np.ndarray]:
    count = MNIST_SIZES[split]
    img_name, img_sha = MNIST_FILES[(split, "images")]
    lab_name, lab_sha = MNIST_FILES[(split, "labels")]
    images = _parse_idx(_read_verified(img_name, img_sha, directory), img_name, 2051, count)
    labels = _parse_idx(_read_verified(lab_name, lab_sha, directory), lab_name, 2049, count)[:, 0]
    return images, labels


def load_mnist(
    split: str = "train", limit: int | None = None, directory: str | Path | None = None
) -> tuple[torch.Tensor, torch.Tensor]:
    """Load the shipped MNIST digits, checked against their SHA-256 sums.

    Returns ``(images, labels)``: float32 [N, 784] with pixels in [0, 1], and int64 [N] digits 0-9.
    ``limit`` keeps the first ``limit`` examples; ``directory`` reads the four files from elsewhere.
    """
    check_choice(split, "split", ("train", "test"))
    if limit is not None:
        check_int(limit, "limit", low=1, high=MNIST_SIZES[split])
    images, labels = _load_uint8(split, MNIST_DIR if directory is None else Path(directory).resolve())
    if limit is not None:
        images, labels = images[:limit], labels[:limit]
    x = torch.from_numpy(images.astype(np.float32)).div_(255.0)
    y = torch.from_numpy(labels.astype(np.int64))
    return x, y


def make_swiss_roll(n: int = 1500, noise: float = 0.0, seed: int = 0) -> tuple[torch.Tensor, torch.Tensor]:
    """Points on a swiss roll: a 2-D sheet rolled up in 3-D.

    Returns ``(points, coords)``: float32 [n, 3] points in R³ and float32 [n, 2] sheet coordinates
    (position along the spiral, height), the two numbers that really describe each point.
    """
    check_int(n, "n", low=1)
    if not (isinstance(noise, int | float) and math.isfinite(noise) and noise >= 0):
        raise ValueError(f"noise must be a finite number >= 0, but got {noise!r}.")
    rng = np.random.default_rng(seed)
    t = 1.5 * np.pi * (1 + 2 * rng.random(n))
    height = 21 * rng.random(n)
    points = np.stack([t * np.cos(t), height, t * np.sin(t)], axis=1)
    points += noise * rng.standard_normal(points.shape)
    coords = np.stack([t, height], axis=1)
    return torch.from_numpy(points.astype(np.float32)), torch.from_numpy(coords.astype(np.float32))


def nearest_distance(points: torch.Tensor, reference: torch.Tensor, chunk: int = 500) -> torch.Tensor:
    """Euclidean distance from each row of ``points`` [N, d] to its closest row of ``reference`` [M, d].

    Returns a tensor [N]. This is notebook 01's nearest-neighbour distance (``torch.cdist(...).min(dim=1)``),
    taken ``chunk`` rows of ``points`` at a time so that the N x M table of distances never has to fit in
    memory at once; notebook 06 and ``aelib.latent.distance_to_codes`` use it.
    """
    points = check_matrix(points, "points", None)
    reference = check_matrix(reference, "reference", None)
    if reference.shape[1] != points.shape[1]:
        raise ValueError(
            f"points and reference must have the same number of columns (each row is one point in the same space), "
            f"but points has {points.shape[1]} and reference has {reference.shape[1]}."
        )
    if reference.dtype != points.dtype:
        raise TypeError(
            f"points and reference must have the same dtype, but got {points.dtype} and {reference.dtype}: "
            f"convert one of them, e.g. reference.to(points.dtype)."
        )
    check_int(chunk, "chunk", low=1)
    return torch.cat([torch.cdist(points[i : i + chunk], reference).min(dim=1).values
                      for i in range(0, len(points), chunk)])


def rotate_images(images: torch.Tensor, degrees: float | torch.Tensor) -> torch.Tensor:
    """The 28 x 28 ``images`` [N, 784] turned about their centre by ``degrees`` (anticlockwise).

    ``degrees`` is one angle for all images, or a tensor [N] with one angle per image. Pixels are
    interpolated bilinearly (``torch.nn.functional.grid_sample``); what turns out of the frame is lost and
    what turns in is white (0). Notebook 01 uses it to walk along the digits' manifold.
    """
    images = check_images(images, "images")
    angles = torch.as_tensor(degrees, dtype=torch.float32)
    if angles.dim() > 1 or (angles.dim() == 1 and len(angles) != len(images)) or not torch.isfinite(angles).all():
        raise ValueError(
            f"degrees must be one finite angle or a tensor with one finite angle per image ({len(images)}), "
            f"but got {degrees!r}."
        )
    theta = torch.deg2rad(angles.expand(len(images)))
    cos, sin, zero = theta.cos(), theta.sin(), torch.zeros_like(theta)
    # each output pixel reads the input where the turn would have come from (y grows downwards on screen)
    affine = torch.stack([torch.stack([cos, -sin, zero], dim=1), torch.stack([sin, cos, zero], dim=1)], dim=1)
    grid = torch.nn.functional.affine_grid(affine, [len(images), 1, 28, 28], align_corners=False)
    turned = torch.nn.functional.grid_sample(images.float().view(-1, 1, 28, 28), grid, align_corners=False)
    return turned.view(len(images), 784)
