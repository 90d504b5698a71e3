"""Checks for notebook 06 (reconstruction, 복원, vs generation, 생성)."""

from __future__ import annotations

from typing import Any

import torch

from aelib.exercises.feedback import Feedback, as_tensor_of_shape, choose, is_unanswered, right, unanswered, wrong
from aelib.latent import distance_to_codes


def check_reconstruction_or_generation(answer: Any) -> Feedback:
    """Decoding the code of a training digit: reconstruction or generation?"""
    return choose(answer, {
        "reconstruction": right("the digit existed and was given to the encoder; decoding its code redraws it."),
        "generation": wrong("was anything new made? The input existed already, and its code came from the encoder."),
    }, what='"reconstruction" or "generation"', aliases={"복원": "reconstruction", "재구성": "reconstruction",
                                                          "생성": "generation"})


def check_point_in_hole(z: Any, codes: torch.Tensor, low: torch.Tensor, high: torch.Tensor) -> Feedback:
    """A 2-D point inside the box [low, high] at least 2.5 away from every code."""
    if is_unanswered(z):
        return unanswered("a tensor of 2 numbers, e.g. torch.tensor([1.0, -2.0])")
    value = as_tensor_of_shape(z, (2,), "z")
    if isinstance(value, Feedback):
        return value
    if not bool(torch.isfinite(value).all()):
        return wrong("z must hold finite numbers.")
    if not bool(((value >= low) & (value <= high)).all()):
        return wrong(f"z = {value.tolist()} lies outside the central box from {low.tolist()} to {high.tolist()}: "
                     "far outside is easy; find a hole inside.")
    distance = float(distance_to_codes(value.reshape(1, 2).float(), codes)[0])
    if distance >= 2.5:
        return right(f"the nearest training code is {distance:.1f} away. Decode it and look.")
    return wrong(f"the nearest training code is only {distance:.2f} away; look for a gap between the arms.")


def check_latent_midpoint(z_mid: Any, model: torch.nn.Module, images: torch.Tensor) -> Feedback:
    """The code halfway between the codes of images[0] and images[1]."""
    if is_unanswered(z_mid):
        return unanswered("a tensor of 2 numbers")
    value = as_tensor_of_shape(z_mid, (2,), "z_mid")
    if isinstance(value, Feedback):
        return value
    za, zb = model.encode(images[:2])
    expected = (za + zb) / 2
    if torch.allclose(value, expected, atol=1e-4):
        return right("(f(a) + f(b)) / 2. Decode it to see the image halfway along the latent path.")
    halfway_pixels = model.encode(((images[0] + images[1]) / 2)[None])[0]
    if torch.allclose(value, halfway_pixels, atol=1e-4):
        return wrong("that encodes the pixel blend; average the two codes instead.")
    return wrong("encode both images with model.encode, then average the two codes.")


def check_hole_prediction(answer: Any) -> Feedback:
    """Predicted before the explorer: what the decoder draws at a z in a hole, far from every training code."""
    return choose(answer, {
        "digit": right("the decoder turns every z into an image, and it was only ever trained to draw digits, so in "
                       "a hole it keeps drawing one, mostly the digit of the nearest arm, stretched. But not just any "
                       "digit: 'What comes out of the holes?' finds that two digits own a large share of the empty "
                       "area, and some digits hardly appear there."),
        "noise": wrong("the decoder has no way to say 'nothing here': it is one function of z, defined on the whole "
                       "plane, and it was trained only to draw digits. The decoded grid in 'The latent plane, all at "
                       "once' has no blank square, and in 'What comes out of the holes?' most hole points decode to "
                       "an image the judge reads as one digit with over 90% certainty."),
        "smudge": wrong("a point in a hole is not a halfway point between two digits' pixels, the way a pixel blend "
                        "is. Smudges do occur, mostly where arms meet, and more often in holes than among the codes. "
                        "But 'What comes out of the holes?' finds them a minority: most hole points decode to one "
                        "definite digit, the one whose arm reaches into the gap."),
    }, what='"digit", "smudge" or "noise"',
       aliases={"a digit": "digit", "digits": "digit", "숫자": "digit",
                "a smudge": "smudge", "blur": "smudge", "blend": "smudge", "mix": "smudge", "얼룩": "smudge",
                "번짐": "smudge",
                "blank": "noise", "nothing": "noise", "garbage": "noise", "random": "noise", "잡음": "noise",
                "노이즈": "noise"})
