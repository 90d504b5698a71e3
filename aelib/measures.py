"""Measures of images that the notebooks teach once and reuse."""

from __future__ import annotations

import torch

from aelib.validate import check_images, check_matrix

INK, GREY_LOW, GREY_HIGH = 0.1, 0.25, 0.75


def grey_share(images: torch.Tensor) -> torch.Tensor:
    """Of each image's pixels with ink (> 0.1), the share that are half-tone grey (0.25 to 0.75).

    Notebook 01 teaches it: a real digit's strokes are mostly solid (a typical digit: about 0.29),
    while blends and blurs turn strokes grey. An image without ink gets 0. Shape [N] for [N, 784].
    """
    images = check_images(images, "images", pixels=None)
    ink = images > INK
    grey = (images > GREY_LOW) & (images < GREY_HIGH)
    return grey.sum(dim=1) / ink.sum(dim=1).clamp(min=1)


def same_digit_neighbour_share(codes: torch.Tensor, digits: torch.Tensor) -> float:
    """The share of codes whose nearest *other* code (Euclidean) shows the same digit.

    Notebook 01 counts it for PCA's codes; 1.0 means every digit's neighbourhood is its own, about
    0.1 is chance for ten balanced digits. ``codes`` [N, m], ``digits`` [N] integer labels.
    """
    codes = check_matrix(codes, "codes", None)
    digits = torch.as_tensor(digits)
    if digits.shape != (len(codes),):
        raise ValueError(f"digits must hold one label per code: {len(codes)} codes need shape [{len(codes)}], "
                         f"but digits has shape {list(digits.shape)}.")
    if len(codes) < 2:
        raise ValueError("same_digit_neighbour_share needs at least 2 codes, so that each has a neighbour.")
    distances = torch.cdist(codes, codes).fill_diagonal_(float("inf"))
    return (digits[distances.argmin(dim=1)] == digits).float().mean().item()


def multiply_adds_per_image(model: torch.nn.Module) -> int:
    """Multiply-adds in one forward pass of ``model`` on one flat image [1, 784], counted by PyTorch.

    Notebook 09 compares an MLP with a convolutional autoencoder by it: a convolution reuses each
    weight at every position, so its arithmetic per image is far larger than its weight count.
    """
    from torch.utils.flop_counter import FlopCounterMode

    if not isinstance(model, torch.nn.Module):
        raise TypeError(f"model must be a torch.nn.Module (an autoencoder), not a {type(model).__name__}.")
    counter = FlopCounterMode(display=False)
    with torch.no_grad(), counter:
        model(torch.zeros(1, 784))
    return counter.get_total_flops() // 2  # PyTorch counts a multiply-add as two floating-point operations
