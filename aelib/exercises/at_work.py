"""Checks for notebook 09 (autoencoders at work)."""

from __future__ import annotations

from typing import Any

from aelib.exercises.feedback import Feedback, as_number, as_whole_number, choose, read, right, verdict, wrong


def check_conv_parameters(answer: Any) -> Feedback:
    """Weights of nn.Conv2d(1, 16, kernel_size=3): 16 filters of 3×3×1, plus 16 biases."""
    value = read(answer, ("a whole number", "정수"), as_whole_number)
    if isinstance(value, Feedback):
        return value
    return verdict(value, 160,
                   right_because=("16 filters × 3 × 3 × 1 input channel = 144 weights, plus 16 biases: 160, "
                                  "more than a thousand times fewer than the MLP's first layer.",
                                  "필터 16개 × 3 × 3 × 입력 채널 1개 = 가중치 144개에 편향(bias) 16개를 더해 "
                                  "160개입니다. MLP의 첫 번째 층보다 천 배 넘게 적습니다."),
                   mistakes={144: ("you counted the filters' weights; each filter also has a bias.",
                                   "필터의 가중치만 세었습니다. 필터마다 편향(bias)도 하나씩 있습니다."),
                             9: ("that is one filter; the layer has 16 of them.",
                                 "그것은 필터 하나의 가중치 수입니다. 이 층에는 필터가 16개 있습니다."),
                             16: ("that is the number of filters (output channels); each has 3 × 3 weights and a bias.",
                                  "그것은 필터(출력 채널)의 개수입니다. 필터마다 가중치 3 × 3개와 편향 하나가 "
                                  "있습니다.")},
                   otherwise=(f"{value} is off: a Conv2d(in, out, k) layer has out × in × k × k weights "
                              "and out biases.",
                              f"{value}은(는) 맞지 않습니다. Conv2d(in, out, k) 층에는 가중치가 out × in × k × k개, "
                              "편향이 out개 있습니다."))


def check_small_auc(answer: Any) -> Feedback:
    """AUC of scores [0.1, 0.3, 0.35, 0.8] with the 2nd and 4th as anomalies."""
    value = read(answer, ("a number between 0 and 1", "0과 1 사이의 수"), as_number)
    if isinstance(value, Feedback):
        return value
    return verdict(value, 0.75, tolerance=1e-9,
                   right_because=("4 pairs: 0.3 > 0.1 yes, 0.3 > 0.35 no, 0.8 > 0.1 yes, 0.8 > 0.35 yes: 3 of 4.",
                                  "쌍은 4개입니다. 0.3 > 0.1 예, 0.3 > 0.35 아니요, 0.8 > 0.1 예, 0.8 > 0.35 예: "
                                  "4개 중 3개입니다."),
                   mistakes={0.25: ("upside down: count the pairs where the anomaly scores *higher*.",
                                    "거꾸로 뒤집혔습니다. 이상치의 점수가 *더 높은* 쌍을 세어야 합니다."),
                             0.5: ("check each of the 4 anomaly–normal pairs one by one.",
                                   "이상치–정상 쌍 4개를 하나씩 확인해 보세요."),
                             1.0: ("one anomaly (0.3) scores lower than one normal image (0.35).",
                                   "이상치 하나(0.3)는 정상 이미지 하나(0.35)보다 점수가 낮습니다.")},
                   otherwise=(f"{value:g} is off: list the 2 × 2 pairs (anomaly, normal) and count the wins.",
                              f"{value:g}은(는) 맞지 않습니다. (이상치, 정상) 쌍 2 × 2개를 모두 적고, 이상치가 "
                              "이기는 경우를 세어 보세요."))


def check_auc_meaning(answer: Any) -> Feedback:
    """What an AUC of 0.5 means."""
    return choose(answer, {
        "no better than guessing": right("0.5 is the chance that a random anomaly outscores a random normal "
                                         "image when the score ignores which is which: a coin flip.",
                                         "점수가 어느 쪽이 이상치인지를 전혀 반영하지 않으면, 무작위로 고른 이상치가 "
                                         "무작위로 고른 정상 이미지보다 점수가 높을 확률은 0.5입니다. 동전 던지기와 "
                                         "같습니다."),
        "perfect": wrong("a perfect detector ranks every anomaly above every normal image: AUC 1.",
                         "완벽한 탐지기는 모든 이상치를 모든 정상 이미지보다 높은 순위에 둡니다. 그때 AUC는 "
                         "1입니다."),
        "upside down": wrong("a detector that ranks anomalies consistently *lower* has an AUC near 0; flipping "
                             "its sign would make it good. 0.5 carries no information either way.",
                             "이상치를 일관되게 *더 낮은* 순위에 두는 탐지기는 AUC가 0에 가깝습니다. 그런 탐지기는 "
                             "점수의 부호만 뒤집으면 좋은 탐지기가 됩니다. 0.5는 어느 쪽으로도 정보를 담고 있지 "
                             "않습니다."),
    }, what=('"perfect", "no better than guessing" or "upside down"',
             '"perfect", "no better than guessing", "upside down" 중 하나'),
       aliases={"guessing": "no better than guessing", "chance": "no better than guessing",
                "random": "no better than guessing"})
