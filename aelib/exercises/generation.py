"""Checks for notebook 06 (reconstruction, 복원, vs generation, 생성)."""

from __future__ import annotations

from typing import Any

import torch

from aelib.exercises.feedback import Feedback, as_tensor_of_shape, choose, is_unanswered, right, unanswered, wrong
from aelib.latent import distance_to_codes


def check_reconstruction_or_generation(answer: Any) -> Feedback:
    """Decoding the code of a training digit: reconstruction or generation?"""
    return choose(answer, {
        "reconstruction": right("the digit existed and was given to the encoder; decoding its code redraws it.",
                                "그 숫자는 원래 있던 것이고 인코더에 주어졌습니다. 그 코드를 디코딩하면 그 숫자를 "
                                "다시 그려 낼 뿐입니다."),
        "generation": wrong("was anything new made? The input existed already, and its code came from the encoder.",
                            "새로 만들어진 것이 있습니까? 입력은 이미 있던 숫자이고, 그 코드도 인코더가 내놓은 "
                            "것입니다."),
    }, what=('"reconstruction" or "generation"', '"reconstruction", "generation" 중 하나'),
       aliases={"복원": "reconstruction", "재구성": "reconstruction", "생성": "generation"})


def check_point_in_hole(z: Any, codes: torch.Tensor, low: torch.Tensor, high: torch.Tensor) -> Feedback:
    """A 2-D point inside the box [low, high] at least 2.5 away from every code."""
    if is_unanswered(z):
        return unanswered(("a tensor of 2 numbers, e.g. torch.tensor([1.0, -2.0])",
                           "2개의 수로 된 텐서(예: torch.tensor([1.0, -2.0]))"))
    value = as_tensor_of_shape(z, (2,), "z")
    if isinstance(value, Feedback):
        return value
    if not bool(torch.isfinite(value).all()):
        return wrong("z must hold finite numbers.", "z에는 유한한 수만 들어 있어야 합니다.")
    if not bool(((value >= low) & (value <= high)).all()):
        return wrong(f"z = {value.tolist()} lies outside the central box from {low.tolist()} to {high.tolist()}: "
                     "far outside is easy; find a hole inside.",
                     f"z = {value.tolist()}: {low.tolist()}부터 {high.tolist()}까지인 중앙 상자 바깥에 있는 "
                     "점입니다. 상자에서 멀리 벗어난 곳은 찾기 쉽습니다. 상자 안에서 구멍을 찾으세요.")
    distance = float(distance_to_codes(value.reshape(1, 2).float(), codes)[0])
    if distance >= 2.5:
        return right(f"the nearest training code is {distance:.1f} away. Decode it and look.",
                     f"가장 가까운 학습 코드까지의 거리가 {distance:.1f}입니다. 디코딩해서 무엇이 나오는지 보세요.")
    return wrong(f"the nearest training code is only {distance:.3f} away (it must be at least 2.5); look for a gap "
                 "between the arms.",
                 f"가장 가까운 학습 코드까지의 거리가 {distance:.3f}밖에 되지 않습니다(2.5 이상이어야 합니다). 가지와 "
                 "가지 사이의 빈틈을 찾아보세요.")


def check_latent_midpoint(z_mid: Any, model: torch.nn.Module, images: torch.Tensor) -> Feedback:
    """The code halfway between the codes of images[0] and images[1]."""
    if is_unanswered(z_mid):
        return unanswered(("a tensor of 2 numbers", "2개의 수로 된 텐서"))
    value = as_tensor_of_shape(z_mid, (2,), "z_mid")
    if isinstance(value, Feedback):
        return value
    za, zb = model.encode(images[:2])
    expected = (za + zb) / 2
    if torch.allclose(value, expected, atol=1e-4):
        return right("(f(a) + f(b)) / 2. Decode it to see the image halfway along the latent path.",
                     "(f(a) + f(b)) / 2입니다. 디코딩하면 잠재 경로의 한가운데에 있는 이미지를 볼 수 있습니다.")
    halfway_pixels = model.encode(((images[0] + images[1]) / 2)[None])[0]
    if torch.allclose(value, halfway_pixels, atol=1e-4):
        return wrong("that encodes the pixel blend; average the two codes instead.",
                     "이것은 두 이미지를 픽셀 단위로 섞은 이미지를 인코딩한 것입니다. 그 대신 두 코드의 평균을 "
                     "구하세요.")
    return wrong("encode both images with model.encode, then average the two codes.",
                 "두 이미지를 model.encode로 인코딩한 다음, 두 코드의 평균을 구하세요.")


def check_hole_prediction(answer: Any) -> Feedback:
    """Predicted before the explorer: what the decoder draws at a z in a hole, far from every training code."""
    return choose(answer, {
        "digit": right("the decoder turns every z into an image, and it was only ever trained to draw digits, so in "
                       "a hole it keeps drawing one, mostly the digit of the nearest arm, stretched. But not just any "
                       "digit: 'What comes out of the holes?' finds that two digits own a large share of the empty "
                       "area, and some digits hardly appear there.",
                       "디코더는 어떤 z든 이미지로 바꾸며, 숫자를 그리는 것만 배웠습니다. 그래서 구멍에서도 계속 "
                       "숫자를 그리는데, 대개는 가장 가까운 가지의 숫자를 길게 늘인 모양입니다. 다만 아무 숫자나 "
                       "나오지는 않습니다. ‘구멍에서는 무엇이 나오는가?’ 절에서 재어 보면 두 숫자가 빈 영역의 큰 "
                       "부분을 차지하고, 어떤 숫자들은 거기에 거의 나타나지 않습니다."),
        "noise": wrong("the decoder has no way to say 'nothing here': it is one function of z, defined on the whole "
                       "plane, and it was trained only to draw digits. The decoded grid in 'The latent plane, all at "
                       "once' has no blank square, and in 'What comes out of the holes?' most hole points decode to "
                       "an image the judge reads as one digit with over 90% certainty.",
                       "디코더에게는 '여기에는 아무것도 없다'고 말할 방법이 없습니다. 디코더는 평면 전체에서 정의된 "
                       "z의 함수 하나이고, 숫자를 그리는 것만 배웠습니다. ‘잠재 평면을 한눈에’ 절의 디코딩 격자에는 "
                       "텅 빈 이미지가 하나도 없고, ‘구멍에서는 무엇이 나오는가?’ 절에서는 구멍 속 점 대부분이, "
                       "판정기가 90%가 넘는 확신도로 어떤 한 숫자로 읽는 이미지로 디코딩됩니다."),
        "smudge": wrong("a point in a hole is not a halfway point between two digits' pixels, the way a pixel blend "
                        "is. Smudges do occur, mostly where arms meet, and more often in holes than among the codes. "
                        "But 'What comes out of the holes?' finds them a minority: most hole points decode to one "
                        "definite digit, the one whose arm reaches into the gap.",
                        "구멍 속의 점은 픽셀 단위로 섞은 이미지와 달리 두 숫자의 픽셀 사이 중간 지점이 아닙니다. "
                        "얼룩이 나오기는 합니다. 주로 가지들이 만나는 곳에서 나오고, 코드가 있는 곳보다 구멍에서 더 "
                        "자주 나옵니다. 하지만 ‘구멍에서는 무엇이 나오는가?’ 절에서 재어 보면 얼룩은 소수입니다. 구멍 "
                        "속 점 대부분은 분명한 숫자 하나, 곧 그 빈틈까지 가지를 뻗은 숫자로 디코딩됩니다."),
    }, what=('"digit", "smudge" or "noise"', '"digit", "smudge", "noise" 중 하나'),
       aliases={"a digit": "digit", "digits": "digit", "숫자": "digit",
                "a smudge": "smudge", "blur": "smudge", "blend": "smudge", "mix": "smudge", "얼룩": "smudge",
                "번짐": "smudge",
                "blank": "noise", "nothing": "noise", "garbage": "noise", "random": "noise", "잡음": "noise",
                "노이즈": "noise"})
