"""Checks for notebook 06 (reconstruction, 복원, vs generation, 생성)."""

from __future__ import annotations

from typing import Any

import torch

from aelib.exercises.feedback import (
    Feedback,
    as_number,
    as_tensor_of_shape,
    choose,
    is_unanswered,
    predict_first,
    read,
    right,
    unanswered,
    wrong,
)
from aelib.judge import digit_classifier
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
                     "far outside is easy; find far space inside.",
                     f"z = {value.tolist()}: {low.tolist()}부터 {high.tolist()}까지인 중앙 상자 바깥에 있는 "
                     "점입니다. 상자에서 멀리 벗어난 곳은 찾기 쉽습니다. 상자 안에서 먼 공간을 찾으세요.")
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


@predict_first
def check_hole_prediction(answer: Any) -> Feedback:
    """Predicted in 'What comes out of the holes?': what the decoder draws at a z drawn at random in a hole."""
    return choose(answer, {
        "digit": right("the decoder turns every z into an image, and it was only ever trained to draw digits, so in "
                       "most holes it keeps drawing one, mostly the digit of the nearest arm, stretched. Only far "
                       "from every code (more than 2 away, 1% of the box) does it draw blots and scribbles instead. "
                       "And not just any digit: two digits own a large share of the empty area, and some digits "
                       "hardly appear there.",
                       "디코더는 어떤 z든 이미지로 바꾸며, 숫자를 그리는 것만 배웠습니다. 그래서 구멍 대부분에서 "
                       "계속 숫자를 그리는데, 대개는 가장 가까운 가지의 숫자를 길게 늘인 모양입니다. 모든 코드에서 "
                       "멀리 떨어진 곳(2보다 먼 곳, 상자의 1%)에서만 숫자 대신 얼룩과 낙서를 그립니다. 게다가 아무 "
                       "숫자나 나오지는 않습니다. 두 숫자가 빈 영역의 큰 부분을 차지하고, 어떤 숫자들은 거기에 거의 "
                       "나타나지 않습니다."),
        "noise": wrong("the decoder has no way to say 'nothing here': it is one function of z, defined on the whole "
                       "plane, and it was trained only to draw digits. The decoded grid in 'The latent plane, all at "
                       "once' has no blank square, and in 'What comes out of the holes?' most hole points decode to "
                       "an image the judge reads as one digit with over 90% certainty. Blots do appear far from "
                       "every code, but that empty space is only 1% of the box.",
                       "디코더에게는 '여기에는 아무것도 없다'고 말할 방법이 없습니다. 디코더는 평면 전체에서 정의된 "
                       "z의 함수 하나이고, 숫자를 그리는 것만 배웠습니다. ‘잠재 평면을 한눈에’ 절의 디코딩 격자에는 "
                       "텅 빈 이미지가 하나도 없고, ‘구멍에서는 무엇이 나오는가?’ 절에서는 구멍 속 점 대부분이, "
                       "판정기가 90%가 넘는 확신도로 어떤 한 숫자로 읽는 이미지로 디코딩됩니다. 모든 코드에서 멀리 "
                       "떨어진 곳에서는 얼룩이 나오지만, 그런 빈 공간은 상자의 1%뿐입니다."),
        "smudge": wrong("right only for a point chosen far from every code; at random, a point in a hole is not a "
                        "halfway point between two digits' pixels, the way a pixel blend "
                        "is, and most holes lie close to some code. Smudges grow common only far from every code "
                        "(44% of the drawings more than 2 away), and that empty space is 1% of the box: most hole "
                        "points decode to one definite digit, the one whose arm reaches into the gap.",
                        "모든 코드에서 멀리 떨어지게 고른 점이라면 맞습니다. 하지만 무작위로 고른 구멍 속의 점은 "
                        "픽셀 단위로 섞은 이미지와 달리 두 숫자의 픽셀 사이 중간 지점이 아니고, "
                        "구멍 대부분은 어떤 코드에 가까이 있습니다. 얼룩은 모든 코드에서 멀리 떨어진 곳에서만 "
                        "흔해지는데(2보다 먼 곳에서 그린 이미지의 44%), 그런 빈 공간은 상자의 1%입니다. 구멍 속 점 "
                        "대부분은 분명한 숫자 하나, 곧 그 빈틈까지 가지를 뻗은 숫자로 디코딩됩니다."),
    }, what=('"digit", "smudge" or "noise"', '"digit", "smudge", "noise" 중 하나'),
       aliases={"a digit": "digit", "digits": "digit", "숫자": "digit",
                "a smudge": "smudge", "blur": "smudge", "blend": "smudge", "mix": "smudge", "얼룩": "smudge",
                "번짐": "smudge",
                "blank": "noise", "nothing": "noise", "garbage": "noise", "random": "noise", "잡음": "noise",
                "노이즈": "noise"})


def check_fitted_gaussian(z_gauss: Any, mismatch_gauss: Any, model: torch.nn.Module, codes: torch.Tensor,
                          labels: torch.Tensor) -> Feedback:
    """Draws from a Gaussian with the codes' mean and covariance, and the share of their decodes that would have
    to change digit to match the data (half the summed absolute difference of the digit shares)."""
    if is_unanswered(z_gauss):
        return unanswered(("20,000 draws z_gauss, a tensor of shape [20000, 2]",
                           "z_gauss에 뽑은 점 20,000개(모양이 [20000, 2]인 텐서)"))
    if not isinstance(z_gauss, torch.Tensor) or z_gauss.dim() != 2 or z_gauss.shape[1] != 2 or len(z_gauss) < 5000:
        return wrong(f"z_gauss should be a tensor of shape [20000, 2], not {type(z_gauss).__name__} "
                     f"{list(getattr(z_gauss, 'shape', []))}: call .sample((20_000,)) on the distribution.",
                     f"z_gauss는 모양이 [20000, 2]인 텐서여야 하는데 {type(z_gauss).__name__} "
                     f"{list(getattr(z_gauss, 'shape', []))}입니다. 분포에 .sample((20_000,))을 호출하세요.")
    z = z_gauss.detach().float()
    codes = codes.detach().float()
    spread = codes.std(dim=0)
    mean_off = ((z.mean(dim=0) - codes.mean(dim=0)).abs() / spread).max().item()
    cov_off = (torch.linalg.matrix_norm(torch.cov(z.T) - torch.cov(codes.T)) / torch.linalg.matrix_norm(
        torch.cov(codes.T))).item()
    if not (mean_off < 0.1 and cov_off < 0.1):
        return wrong("these draws do not have the codes' mean and covariance: draw from "
                     "MultivariateNormal(train_codes.mean(dim=0), torch.cov(train_codes.T)), not from N(0, I) or "
                     "the box.",
                     "이 점들은 코드의 평균과 공분산을 따르지 않습니다. N(0, I)나 상자가 아니라 "
                     "MultivariateNormal(train_codes.mean(dim=0), torch.cov(train_codes.T))에서 뽑으세요.")
    if is_unanswered(mismatch_gauss):
        return unanswered(("mismatch_gauss, a number between 0 and 1", "mismatch_gauss(0과 1 사이의 수)"))
    value = read(mismatch_gauss, ("a number between 0 and 1", "0과 1 사이의 수"), as_number)
    if isinstance(value, Feedback):
        return value
    with torch.no_grad():
        read_as = digit_classifier()(model.decode(z)).argmax(dim=1)
    drawn = torch.bincount(read_as, minlength=10).float() / len(read_as)
    in_data = torch.bincount(torch.as_tensor(labels), minlength=10).float() / len(labels)
    expected = 0.5 * (drawn - in_data).abs().sum().item()
    if abs(value - expected) <= 0.01:
        return right(f"{expected:.0%} of these decodes would have to change digit. Compare it with the box and with "
                     "the training codes above: a Gaussian fitted afterwards still puts much of its mass where the "
                     "codes are not (between the arms, past their ends) and too little along the arms, because the "
                     "codes never had a Gaussian's shape. Notebooks 07 and 08 take the other road: they train the "
                     "codes to fill a Gaussian chosen in advance.",
                     f"이 디코딩 결과 가운데 {expected:.0%}가 다른 숫자로 바뀌어야 합니다. 위의 상자, 학습 코드와 "
                     "비교해 보세요. 나중에 맞춘 가우시안은 코드가 없는 곳(가지 사이, 가지 끝 너머)에 확률을 많이 "
                     "두고 가지를 따라서는 너무 적게 둡니다. 코드가 처음부터 가우시안 모양이 아니었기 때문입니다. "
                     "노트북 07과 08은 반대 길을 갑니다. 미리 정한 가우시안을 채우도록 코드를 학습시킵니다.")
    if abs(value / 100 - expected) <= 0.01:
        return wrong(f"give the share as a fraction between 0 and 1, not in percent: {value / 100:.3f}.",
                     f"비율은 퍼센트가 아니라 0과 1 사이의 수로 쓰세요: {value / 100:.3f}.")
    return wrong(f"your draws give a mismatch of {expected:.3f}, not {value:.3f}: decode z_gauss, take "
                 "digit_shares of the images, and sum half the absolute differences from shares['in the data'].",
                 f"여러분이 뽑은 점으로 재면 어긋남이 {value:.3f}가 아니라 {expected:.3f}입니다. z_gauss를 디코딩해 "
                 "digit_shares를 구하고, shares['in the data']와의 차이의 절댓값을 모두 더해 반으로 나누세요.")
