"""Checks for notebook 03 (the latent vector, 잠재벡터)."""

from __future__ import annotations

import functools
from typing import Any

import torch

from aelib.data import load_mnist
from aelib.exercises.feedback import (
    Feedback,
    as_number,
    as_shape,
    choose,
    is_unanswered,
    predict_first,
    read,
    read_prediction,
    right,
    topic,
    unanswered,
    verdict,
    with_prediction,
    wrong,
)
from aelib.pca import PCA


def check_batch_shape(answer: Any) -> Feedback:
    """Shape of z for a batch of 64 images and m = 8."""
    shape = read(answer, ("a tuple such as (rows, columns)", "(행, 열)과 같은 튜플"), as_shape)
    if isinstance(shape, Feedback):
        return shape
    if 784 in shape:
        return wrong("784 is the size of each input; z has m numbers per image.",
                     "784는 입력 하나의 크기입니다. z는 이미지 한 장마다 수 m개를 가집니다.")
    return verdict(shape, (64, 8),
                   right_because=("one row per image, one column per latent coordinate.",
                                  "이미지 한 장이 한 행이고, 잠재 좌표 하나가 한 열입니다."),
                   mistakes={(8, 64): ("rows and columns are swapped: PyTorch puts the batch first.",
                                       "행과 열이 뒤바뀌었습니다. PyTorch는 배치를 맨 앞에 둡니다.")},
                   otherwise=(f"{shape} is not it: how many images, and how many numbers per image?",
                              f"{topic(str(shape))} 답이 아닙니다. "
                              "이미지는 몇 장이고, 이미지 한 장마다 수는 몇 개인가요?"))


@functools.lru_cache(maxsize=1)
def _pca_agreement() -> float:
    train, train_labels = load_mnist("train", limit=20_000)
    test, test_labels = load_mnist("test", limit=2_000)
    pca = PCA(latent_dim=32).fit(train)
    nearest = torch.cdist(pca.encode(test), pca.encode(train)).argmin(dim=1)
    return (train_labels[nearest] == test_labels).float().mean().item()


def check_pca_agreement(answer: Any) -> Feedback:
    """Neighbour agreement of PCA(32) codes, measured as in notebook 03."""
    value = read(answer, ("the agreement you measured, a number between 0 and 1", "직접 잰 일치율(0과 1 사이의 수)"),
                 as_number)
    if isinstance(value, Feedback):
        return value
    expected = _pca_agreement()
    if abs(value - expected) <= 0.01:
        return right(f"PCA's 32 numbers keep neighbourhoods ({value:.1%}) even a little better than all 784 pixels "
                     "(93.6%): the many small directions PCA drops hold mostly stray variation (a stroke's exact "
                     "thickness, a speck) that only distracts a nearest-neighbour lookup. Fewer numbers, well "
                     "chosen, can be better numbers.",
                     f"PCA의 수 32개는 픽셀 784개 전부(93.6%)보다도 이웃 관계를 조금 더 잘 지킵니다({value:.1%}). "
                     "PCA가 버리는 수많은 작은 방향에는 대부분 획의 정확한 굵기나 작은 얼룩 같은 잡다한 변동이 "
                     "담겨 있어서, 최근접 이웃을 찾을 때 방해만 됩니다. 잘 고른 적은 수가 더 나은 수일 수 "
                     "있습니다.")
    if abs(value / 100 - expected) <= 0.01:
        return wrong("that looks like a percentage: answer with a fraction between 0 and 1.",
                     "백분율로 보입니다. 0과 1 사이의 비율로 답하세요.")
    return wrong(f"{value:.3f} is off: fit PCA(latent_dim=32) on train_images and call "
                 "neighbour_agreement(pca.encode).",
                 f"{topic(format(value, '.3f'))} 맞지 않습니다. train_images로 PCA(latent_dim=32)를 적합한 다음 "
                 "neighbour_agreement(pca.encode)를 호출하세요.")


def check_permuted_codes(answer: Any) -> Feedback:
    """Would the autoencoder's own decoder still work on codes with permuted coordinates?"""
    if is_unanswered(answer):
        return unanswered(("True or False", "True 또는 False"))
    if not isinstance(answer, bool):
        return wrong(f"answer with True or False, not {answer!r}.",
                     f"{answer!r} 말고 True 또는 False로 답하세요.")
    if answer is False:
        return right("the decoder learned what each coordinate stands for; shuffled, they speak another "
                     "language. (A new decoder trained on the shuffled codes would do just as well: the "
                     "information is all still there.)",
                     "디코더는 좌표 하나하나가 무엇을 나타내는지 배웠습니다. 뒤섞인 좌표는 디코더가 모르는 "
                     "말을 하는 셈입니다. (뒤섞은 코드로 새 디코더를 학습시킨다면 똑같이 잘 해낼 것입니다. "
                     "정보는 모두 그대로 남아 있으니까요.)")
    return wrong("try it: decode z[:, torch.randperm(8)] with autoencoder.decoder and look at the images.",
                 "직접 해 보세요. autoencoder.decoder로 z[:, torch.randperm(8)]을 디코딩하고 이미지를 살펴보세요.")


@predict_first
def check_swapped_decoder(answer: Any) -> Feedback:
    """What a twin autoencoder's decoder makes of the first autoencoder's codes."""
    return choose(answer, {
        "much worse": right("the twin learned an equally good code, but a different one: it started from other "
                            "random weights, and each pair agreed during training on its own meaning for the 8 "
                            "numbers. Read with the wrong meanings, the codes decode worse than always drawing "
                            "the average digit; section 'Meaningful to its decoder' measures it both ways.",
                            "쌍둥이도 똑같이 좋은 코드를 배웠지만, 그 코드는 다릅니다. 쌍둥이는 다른 무작위 "
                            "가중치에서 출발했고, 인코더와 디코더로 된 각 쌍은 학습하는 동안 수 8개의 의미를 "
                            "자기들끼리 정했습니다. 엉뚱한 의미로 읽으면, 코드를 디코딩한 결과가 언제나 평균 "
                            "숫자를 그리는 것보다도 나쁩니다. ‘자기 디코더에게만 의미 있는 코드’ 절에서 두 "
                            "방향으로 모두 맞바꿔 재어 봅니다."),
        "same": wrong("the same data, architecture and training do not give the same code: the random start "
                      "alone sends the two pairs to different codes. What comes out the same is how well each "
                      "pair rebuilds digits with its own decoder, not what its numbers mean.",
                      "데이터와 구조와 학습이 같아도 같은 코드가 나오지는 않습니다. 무작위 출발점 하나만으로도 "
                      "두 쌍은 서로 다른 코드에 이릅니다. 똑같이 나오는 것은 각 쌍이 자기 디코더로 숫자를 "
                      "얼마나 잘 복원하느냐이지, 그 수들이 무엇을 뜻하느냐가 아닙니다."),
        "slightly worse": wrong("that pictures the twin's code as the first one nudged a little. Nothing in "
                                "training ties coordinate 1 of one pair to coordinate 1 of the other, so the "
                                "twin's decoder gives every number a meaning the first encoder never meant: the "
                                "errors come out more than twice the own decoders', above even the average digit's.",
                                "쌍둥이의 코드를 첫 번째 코드를 살짝 비튼 것쯤으로 그린 답입니다. 학습의 어떤 "
                                "부분도 한 쌍의 1번 좌표를 다른 쌍의 1번 좌표와 이어 주지 않으므로, 쌍둥이의 "
                                "디코더는 모든 수에 첫 번째 인코더가 전혀 뜻하지 않은 의미를 붙입니다. 그 결과 "
                                "오차는 자기 디코더로 잰 오차의 두 배가 넘고, 평균 숫자의 오차보다도 큽니다."),
    }, what=('"same", "slightly worse" or "much worse"', '"same", "slightly worse", "much worse" 중 하나'),
       aliases={"as good": "same", "the same": "same", "같다": "same", "똑같다": "same",
                "a bit worse": "slightly worse", "a little worse": "slightly worse", "조금 나쁘다": "slightly worse",
                "조금 더 나쁘다": "slightly worse",
                "약간 나쁘다": "slightly worse", "worse than the average digit": "much worse",
                "훨씬 나쁘다": "much worse"})


SAME_START_OPTIONS = ("same", "in between", "as bad")
SAME_START_ALIASES = {"between": "in between", "the same": "same", "as bad as the other twin": "as bad",
                      "much worse": "as bad", "slightly worse": "in between", "같다": "same", "중간": "in between",
                      "그 사이": "in between", "중간이다": "in between",
                      "똑같이 나쁘다": "as bad"}


def check_same_start_twin(answer: Any, prediction: Any = None) -> Feedback:
    """A twin trained from the first autoencoder's random start (seed 0) but with another batch order: how well
    does its decoder read the first autoencoder's codes? ``prediction``: the same question, answered before the
    run."""
    key = read_prediction(prediction, SAME_START_OPTIONS, aliases=SAME_START_ALIASES)
    if isinstance(key, Feedback):
        return key
    return with_prediction(_same_start_verdict(answer), key == "in between")


def _same_start_verdict(answer: Any) -> Feedback:
    return choose(answer, {
        "in between": right(
            "in our run 0.052: worse than the codes' own decoder (0.029), far better than the seed-1 twin's "
            "(0.186), and still better than drawing the average digit (0.064). The same start keeps much of the "
            "code shared; the order of the batches alone is enough to make the two pairs drift apart. What each "
            "of the 8 numbers stands for is not fixed by the data or the objective: it is settled, pair by pair, "
            "by everything random in training.",
            "우리가 실행했을 때 0.052였습니다. 코드의 자기 디코더(0.029)보다는 나쁘지만 시드 1 쌍둥이의 "
            "디코더(0.186)보다는 훨씬 낫고, 평균 숫자를 그리는 것(0.064)보다도 낫습니다. 출발점이 같으면 "
            "코드의 많은 부분이 공유되지만, 배치의 순서만 달라도 두 쌍은 서로 멀어집니다. 8개의 수가 각각 "
            "무엇을 뜻할지는 데이터나 학습 목표가 정하지 않습니다. 학습 속의 모든 무작위성이 쌍마다 정합니다."),
        "same": wrong("that is what order_seed = 0 gives, the very same training. Run the cell with order_seed = 1: "
                      "the start is the same, but the batches come in another order.",
                      "그것은 order_seed = 0일 때, 곧 완전히 같은 학습의 결과입니다. order_seed = 1로 셀을 "
                      "실행해 보세요. 출발점은 같지만 배치가 다른 순서로 들어옵니다."),
        "as bad": wrong("the seed-1 twin started from other random weights; this one starts from the first "
                        "autoencoder's own. Run the cell with order_seed = 1 and compare the three printed errors.",
                        "시드 1 쌍둥이는 다른 무작위 가중치에서 출발했지만, 이 쌍둥이는 첫 번째 오토인코더와 같은 "
                        "가중치에서 출발합니다. order_seed = 1로 셀을 실행하고 출력된 세 오차를 비교해 보세요."),
    }, what=('"same", "in between" or "as bad"', '"same", "in between", "as bad" 중 하나'),
       aliases=SAME_START_ALIASES)
