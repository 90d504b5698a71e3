"""Measures of images that the notebooks teach once and reuse."""

from __future__ import annotations

import torch

from aelib.validate import check_images

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
