"""Checks for notebook 01 (the manifold, 매니폴드)."""

from __future__ import annotations

import functools
from typing import Any

from aelib.data import load_mnist
from aelib.exercises.feedback import (
    Feedback,
    as_number,
    as_whole_number,
    choose,
    predict_first,
    read,
    read_prediction,
    right,
    topic,
    verdict,
    with_prediction,
    wrong,
)
from aelib.pca import PCA
from aelib.train import reconstruction_error


@functools.lru_cache(maxsize=1)
def _pca_of_training_set() -> PCA:
    images, _ = load_mnist("train")
    return PCA(latent_dim=50).fit(images)


def check_rotated_digit_dimension(answer: Any) -> Feedback:
    """One digit rotated by every angle, each copy a point of R^784: how many numbers does one image need?"""
    value = read(answer, ("a whole number", "정수"), as_whole_number)
    if isinstance(value, Feedback):
        return value
    if value == 1:
        return right("only the angle changes from one image of the set to the next, so one number fixes each image: "
                     "the set is a closed curve in R^784, however many pixels each image has.",
                     "이 집합의 이미지끼리 다른 것은 각도 하나뿐이므로, 수 하나로 각 이미지가 정해집니다. "
                     "이미지마다 픽셀이 몇 개든, 이 집합은 R^784 속의 닫힌 곡선입니다.")
    if value == 784:
        return wrong("784 is the room the images live in (one number per pixel), not the number of ways an image can "
                     "change while it stays in the set.",
                     "784는 이미지가 놓인 공간의 차원(픽셀마다 수 하나)이지, "
                     "이미지가 이 집합 안에 머무른 채 바뀔 수 있는 방향의 수가 아닙니다.")
    if value == 2:
        return wrong("the swiss roll needed 2 because a point could move two ways on it (along the spiral, along the "
                     "axis). Here, what changes from one image to another?",
                     "스위스 롤에 2가 필요했던 것은 점이 그 위에서 두 방향(나선을 따라, 축을 따라)으로 "
                     "움직일 수 있었기 때문입니다. 여기서는 이미지마다 무엇이 달라지나요?")
    if value == 360:
        return wrong("360 counts the degrees one number can take, not how many numbers you need.",
                     "360은 수 하나가 가질 수 있는 각도의 범위이지, 필요한 수의 개수가 아닙니다.")
    return wrong(f"{value} is not it: count the things that change from one image of the set to another.",
                 f"{value}개는 아닙니다. 이 집합의 이미지끼리 서로 달라지는 것이 몇 가지인지 세어 보세요.")


def check_components_for_99(answer: Any) -> Feedback:
    """The fewest principal components that explain at least 99% of the training set's variance."""
    value = read(answer, ("a whole number of components", "성분의 개수(정수)"), as_whole_number)
    if isinstance(value, Feedback):
        return value
    pca = _pca_of_training_set()
    expected = pca.components_for_variance(0.99)
    if not 1 <= value <= 784:
        return wrong(f"MNIST has 784 pixel directions, so the answer lies between 1 and 784, not {value}.",
                     f"MNIST의 픽셀 방향은 784개이므로 답은 1에서 784 사이에 있어야 합니다(받은 값: {value}).")
    share = float(pca.explained_variance_ratio_[:value].sum())
    if value == expected:
        return right(f"{value} of 784 directions keep {share:.2%} of the variance.",
                     f"784개 방향 가운데 {value}개가 분산의 {share:.2%}를 담습니다.")
    if value < expected:
        return wrong(f"{value} components explain only {share:.2%}: you need more.",
                     f"성분 {value}개로는 분산의 {share:.2%}만 설명됩니다. 더 많이 필요합니다.")
    return wrong(f"{value} components explain {share:.2%}, but fewer would already reach 99%.",
                 f"성분 {value}개는 분산의 {share:.2%}를 설명하지만, 이보다 적은 개수로도 이미 99%에 이릅니다.")


def check_pca_error(answer: Any) -> Feedback:
    """Per-pixel MSE of a PCA with m = 50 (fitted on the training set) on the first 1000 test digits."""
    value = read(answer, ("the error you computed, a number", "직접 계산한 오차(수)"), as_number)
    if isinstance(value, Feedback):
        return value
    test, _ = load_mnist("test", limit=1000)
    expected = reconstruction_error(_pca_of_training_set(), test)
    if abs(value - expected) <= 0.02 * expected:
        return right(f"PCA with 50 of 784 numbers leaves an error of about {value:.4f} per pixel.",
                     f"784개 가운데 50개의 수만 쓰는 PCA는 픽셀당 약 {value:.4f}의 오차를 남깁니다.")
    if abs(value / 784 - expected) <= 0.02 * expected:
        return wrong("that looks like a sum over the 784 pixels: the course measures the mean per pixel.",
                     "픽셀 784개에 걸쳐 더한 합으로 보입니다. 이 강좌는 픽셀당 평균으로 잽니다.")
    if abs(value**2 - expected) <= 0.04 * expected:
        return wrong("that looks like a square root of the error: MSE averages the squared differences, no root.",
                     "오차에 제곱근을 씌운 값으로 보입니다. 평균제곱오차(MSE)는 차이의 제곱을 평균할 뿐, "
                     "제곱근은 씌우지 않습니다.")
    return wrong(f"{value:.4g} is off: fit PCA(latent_dim=50) on the training images, then use "
                 "aelib.train.reconstruction_error(pca, test_images[:1000]).",
                 f"{topic(format(value, '.4g'))} 맞지 않습니다. 학습 이미지로 PCA(latent_dim=50)를 적합(fit)한 다음, "
                 "aelib.train.reconstruction_error(pca, test_images[:1000]) 함수로 오차를 재세요.")


def _crowded_digit(digit: str) -> Feedback:
    return wrong(f"the {digit}s sit in the crowded middle of section 5's plot: most {digit}s have a nearest code from "
                 "another digit (the printout gives each digit's share). PCA's two directions are chosen for the "
                 "largest variance of all digits together, not for telling digits apart, so only a digit whose "
                 "pixels differ from all the others along those two directions keeps a region of its own.",
                 f"{digit}들은 5절 그림의 붐비는 한가운데에 있습니다. 그 대부분은 가장 가까운 코드가 다른 "
                 "숫자의 코드입니다(출력에 숫자마다 그 비율이 나옵니다). PCA의 두 방향은 숫자를 서로 구별하려고 고른 "
                 "것이 아니라 모든 숫자를 통틀어 분산이 가장 큰 방향이므로, 그 두 방향을 따라 픽셀이 다른 모든 "
                 "숫자와 다른 숫자만 자기 구역을 지킵니다.")


@predict_first
def check_pca_separated_digit(answer: Any) -> Feedback:
    """Which digit keeps a region of its own among PCA's 2-D codes of test digits (section 5)?"""
    options = {str(d): _crowded_digit(str(d)) for d in range(2, 10)}
    options["1"] = right("the 1s make a dense patch of their own in section 5's plot, and more than 80% of them have "
                         "another 1 as their nearest code. PCA saw no labels: the 1s stand apart because their pixels "
                         "differ from the other digits' along the two directions PCA keeps.",
                         "5절의 그림에서 1들은 자기들끼리 빽빽한 구역을 이루고, 80%가 넘는 1에서 가장 가까운 코드가 "
                         "또 다른 1의 코드입니다. PCA는 레이블을 보지 않았습니다. 1들이 따로 떨어져 있는 것은 PCA가 "
                         "남기는 두 방향을 따라 볼 때 1의 픽셀이 다른 숫자들의 픽셀과 다르기 때문입니다.")
    options["0"] = wrong("close, but not past the bar: the 0s come second, with a nearest code from another 0 for "
                         "about 60% of them, a loose region, below the three quarters asked. One digit passes it.",
                         "아깝지만 기준에는 못 미칩니다. 0은 두 번째로, 약 60%에서 가장 가까운 코드가 또 다른 "
                         "0의 코드입니다. 느슨한 구역이고, 물어본 4분의 3에는 못 미칩니다. 기준을 넘는 숫자가 "
                         "하나 있습니다.")
    options["none"] = wrong("PCA never sees a label, but it does see pixels, and images of one digit have similar "
                            "pixels. Section 5's printout shows one digit whose nearest code is its own more than 80% "
                            "of the time, while most digits stay below 40%.",
                            "PCA는 레이블을 전혀 보지 않지만 픽셀은 보고, 같은 숫자의 이미지끼리는 픽셀이 비슷합니다. "
                            "5절의 출력을 보면 가장 가까운 코드가 같은 숫자의 코드인 경우가 80%를 넘는 숫자가 하나 "
                            "있고, 대부분의 숫자는 40%에 못 미칩니다.")
    return choose(answer, options, what=('a digit, "0" to "9", or "none"', '"0"부터 "9"까지의 숫자 하나, 또는 "none"'),
                  aliases={"one": "1", "ones": "1", "eight": "8", "eights": "8", "zero": "0", "no digit": "none",
                           "nothing": "none", "없음": "none", "없다": "none"})


TURN_GAP_PREDICTIONS = ("none", "a handful", "a sizeable share")


def check_close_pairs_below_the_turn_gap(answer: Any, prediction: Any = None) -> Feedback:
    """Of the swiss-roll pairs closer than 5 in R³ (below the 6.3 between turns), the share far apart on the sheet,
    and the prediction written before changing the cell: "none", "a handful" or "a sizeable share"."""
    key = read_prediction(prediction, TURN_GAP_PREDICTIONS,
                          aliases={"handful": "a handful", "sizeable share": "a sizeable share",
                                   "sizable share": "a sizeable share", "a sizable share": "a sizeable share",
                                   "하나도 없다": "none", "없다": "none", "몇 쌍": "a handful",
                                   "상당한 비율": "a sizeable share"})
    if isinstance(key, Feedback):
        return key
    return with_prediction(_close_pairs_verdict(answer), key == "none")


def _close_pairs_verdict(answer: Any) -> Feedback:
    value = read(answer, ("a number", "수"), as_number)
    if isinstance(value, Feedback):
        return value
    return verdict(value, 0.0, tolerance=0.005,
                   right_because=("none: closer than 5, two points cannot sit on neighbouring turns, which are about "
                                  "6.3 apart, so every close pair is also close along the sheet. At 7 the share was "
                                  "about 14%, at 8 it is 23% and at 10 it is 32%. A manifold looks flat when you "
                                  "look closely enough: straight-line distance is a good guide at small scales and "
                                  "misleads at large ones.",
                                  "하나도 없습니다. 5보다 가까우면 두 점이 약 6.3 떨어진 이웃한 바퀴에 있을 수 "
                                  "없으므로, 가까운 쌍은 모두 면을 따라서도 가깝습니다. 7에서는 그 비율이 약 14%였고, "
                                  "8에서는 23%, 10에서는 32%입니다. 매니폴드는 충분히 가까이서 보면 평평해 보입니다. "
                                  "직선거리는 작은 규모에서는 좋은 길잡이지만 큰 규모에서는 우리를 속입니다."),
                   mistakes={0.1375: ("that is the share for pairs closer than 7: change 7.0 to 5.0 in the cell, run "
                                      "it again and read the new share.",
                                      "그것은 7보다 가까운 쌍의 비율입니다. 셀에서 7.0을 5.0으로 바꾸고 다시 실행한 뒤 "
                                      "새 비율을 읽으세요."),
                             13.75: ("answer the share as a number between 0 and 1, not a percentage.",
                                     "비율을 백분율이 아니라 0과 1 사이의 수로 답하세요.")},
                   otherwise=(f"{value:g} is not the share with 5.0: neighbouring turns are about 6.3 apart, so think "
                              "about which pairs closer than 5 could be far apart along the sheet, then run the cell "
                              "with 5.0.",
                              f"{topic(format(value, 'g'))} 5.0일 때의 비율이 아닙니다. 이웃한 바퀴는 약 6.3 떨어져 "
                              "있습니다. 5보다 가까운 쌍 가운데 면을 따라 멀리 떨어질 수 있는 쌍이 "
                              "있을지 생각해 본 뒤, 5.0으로 셀을 실행해 보세요."))
