"""Checks for notebook 09 (autoencoders at work)."""

from __future__ import annotations

from typing import Any

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
    wrong,
)


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
                              f"{topic(str(value))} 맞지 않습니다. "
                              "Conv2d(in, out, k) 층에는 가중치가 out × in × k × k개, "
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
                              f"{topic(format(value, 'g'))} 맞지 않습니다. "
                              "(이상치, 정상) 쌍 2 × 2개를 모두 적고, 이상치가 이기는 경우를 세어 보세요."))


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


@predict_first
def check_anomaly_auc_prediction(answer: Any) -> Feedback:
    """Predicted before training: how well reconstruction error finds the digit the model never saw."""
    return choose(answer, {
        "modest": right("the section measures about 0.75 for both the autoencoder and PCA: far better than "
                        "guessing, far from perfect. An unseen 7 is redrawn as the nearest digit the model knows "
                        "(mostly a 9), tolerably well, so many 7s score no higher than normal digits.",
                        "이 절에서 재면 오토인코더와 PCA 모두 약 0.75입니다. 추측보다는 훨씬 낫지만 완벽과는 "
                        "거리가 멉니다. 처음 보는 7은 모델이 아는 가장 가까운 숫자(대개 9)로 그럭저럭 다시 "
                        "그려지므로, 많은 7이 정상 숫자보다 점수가 높지 않습니다."),
        "near perfect": wrong("the model never saw a 7, but it saw 9s, 4s and 1s: it redraws most 7s as one of "
                              "those, tolerably, so their errors overlap with normal digits' errors.",
                              "모델은 7을 본 적이 없지만 9, 4, 1은 보았습니다. 그래서 대부분의 7을 그 숫자들 "
                              "가운데 하나로 그럭저럭 다시 그리고, 7의 오차는 정상 숫자의 오차와 겹칩니다."),
        "guessing": wrong("a model that never saw 7s does rebuild them worse on average (the section prints "
                          "the mean errors): the score carries information, just not enough to separate cleanly.",
                          "7을 본 적이 없는 모델은 평균적으로 7을 더 나쁘게 복원합니다(이 절이 평균 오차를 "
                          "출력합니다). 점수에 정보가 있기는 하지만, 깔끔하게 가를 만큼은 아닙니다."),
    }, what=('"near perfect", "modest" or "guessing"', '"near perfect", "modest", "guessing" 중 하나'),
       aliases={"perfect": "near perfect", "chance": "guessing", "no better than guessing": "guessing"})


def check_held_out_ones(answer: Any, prediction: Any = None) -> Feedback:
    """The AUC with 1s held out instead of 7s, and the prediction written first: above, about or below 0.5."""
    key = read_prediction(prediction, ("above 0.5", "about 0.5", "below 0.5"),
                          aliases={"0.5보다 높다": "above 0.5", "0.5 근처": "about 0.5", "0.5보다 낮다": "below 0.5"})
    if isinstance(key, Feedback):
        return key
    value = read(answer, ("the AUC the cell prints, a number between 0 and 1", "셀이 출력하는 AUC(0과 1 사이의 수)"),
                 as_number)
    if isinstance(value, Feedback):
        return value
    if abs(value - 0.748) < 0.02:
        return wrong("that is the 7s' AUC: set held_out = 1 in the cell, run it, and answer with the new AUC.",
                     "그것은 7을 뺐을 때의 AUC입니다. 셀에서 held_out = 1로 바꾸고 실행한 뒤, 새 AUC를 답하세요.")
    if not 0.2 <= value <= 0.45:
        return wrong(f"{value:g} is not what the cell gives with held_out = 1 (about 0.34 in our run): check that the "
                     "detector was trained without the 1s and scored on all test digits.",
                     f"{topic(format(value, 'g'))} held_out = 1일 때 셀이 내놓는 값이 아닙니다"
                     "(우리 결과로는 약 0.34). 1을 빼고 "
                     "학습시킨 탐지기로 모든 테스트 숫자를 채점했는지 확인하세요.")
    en = "your prediction was right" if key == "below 0.5" else "your prediction was not: it is below 0.5"
    ko = "예측이 맞았습니다" if key == "below 0.5" else "예측은 빗나갔습니다. 0.5보다 낮습니다"
    return right(f"{en} ({value:.2f}): upside down. A 1 is a single stroke with little ink, easy to redraw even "
                 "for a model that never saw one, so the unseen 1s score *lower* than most normal digits. "
                 "Reconstruction error measures how hard a digit is to draw as much as how new it is; holding "
                 "out 0s, with much ink and a shape nothing else has, gives about 0.94.",
                 f"{ko}({value:.2f}). 거꾸로 뒤집혔습니다. 1은 잉크가 적은 획 하나라서, 1을 본 적 없는 모델도 "
                 "쉽게 다시 그립니다. 그래서 처음 보는 1이 대부분의 정상 숫자보다 점수가 *낮습니다*. 복원 "
                 "오차는 숫자가 얼마나 새로운지만큼이나 얼마나 그리기 어려운지도 잽니다. 잉크가 많고 다른 숫자에 "
                 "없는 모양인 0을 빼면 약 0.94가 나옵니다.")


def check_same_seconds(answer: Any) -> Feedback:
    """The MLP's test MSE after as many epochs as fit the convolutional model's seconds on a CPU (11 to 20 on the
    machines we tried; 14 gave about 0.011)."""
    value = read(answer, ("the test MSE the cell prints", "셀이 출력하는 테스트 MSE"), as_number)
    if isinstance(value, Feedback):
        return value
    if abs(value - 0.0167) < 0.0012:
        return wrong("that is the 7-epoch MLP of section 1: set mlp_epochs to the epoch count section 1 printed "
                     "for the same seconds, run the cell, and answer with the new test MSE.",
                     "그것은 1절의 7에포크 MLP입니다. 셀에서 mlp_epochs를 1절이 같은 시간에 해당한다고 출력한 "
                     "에포크 수로 바꾸고 실행한 뒤, 새 테스트 MSE로 답하세요.")
    if not 0.009 <= value <= 0.0135:
        return wrong(f"{value:g} is not what 11 to 20 epochs give (about 0.011 in our run with 14): check that the "
                     "MLP has a "
                     "16-number code, trained on the notebook's 30,000 images, and that you answer with its test "
                     "MSE, not its seconds.",
                     f"{topic(format(value, 'g'))} 11~20에포크일 때의 값이 아닙니다(우리 결과로는 14에포크에서 약 "
                     "0.011). "
                     "MLP의 코드가 16개의 "
                     "수인지, 노트북의 30,000장으로 학습했는지, 그리고 초가 아니라 테스트 MSE로 답했는지 "
                     "확인하세요.")
    return right(f"with about the convolutional model's seconds, the MLP reaches {value:.4f}, level with or below "
                 "the convolutional model's 0.0123 in our run. So which model wins depends on what you hold "
                 "equal: the convolutional model needs far fewer weights and less arithmetic for its error, but on "
                 "a CPU, where its multiply-adds run slowly, the MLP can spend the same seconds on more epochs.",
                 f"합성곱 모델과 비슷한 시간을 쓰면 MLP는 {value:.4f}에 이릅니다. 우리 결과에서 합성곱 모델의 "
                 "0.0123과 같거나 더 낮습니다. 어느 모델이 이기는지는 무엇을 같게 맞추느냐에 달려 있습니다. 합성곱 "
                 "모델은 같은 오차를 훨씬 적은 가중치와 적은 계산으로 얻지만, 곱셈-덧셈이 느리게 도는 CPU에서는 "
                 "MLP가 같은 시간 동안 에포크을 더 돌 수 있습니다.")
