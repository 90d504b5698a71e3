"""Checks for notebook 04 (the decoder, 디코더)."""

from __future__ import annotations

from typing import Any

import torch
from torch import nn

from aelib.exercises.feedback import (
    Feedback,
    as_number,
    as_shape,
    as_whole_number,
    choose,
    is_unanswered,
    layers_in_order,
    linear_widths,
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


def check_output_shape(answer: Any) -> Feedback:
    """Shape of a decoder's output for 32 latent vectors of size 16 (MNIST)."""
    shape = read(answer, ("a tuple such as (rows, columns)", "(행, 열)과 같은 튜플"), as_shape)
    if isinstance(shape, Feedback):
        return shape
    return verdict(shape, (32, 784),
                   right_because=("one reconstructed image of 784 pixels per latent vector.",
                                  "잠재벡터 하나마다 픽셀 784개로 된 복원 이미지가 하나씩 나옵니다."),
                   mistakes={(32, 16): ("that is the shape of the decoder's input z; it outputs images.",
                                        "그것은 디코더의 입력 z의 모양입니다. 디코더는 이미지를 출력합니다."),
                             (32, 28, 28): ("the course's decoder outputs flattened images; reshape them only "
                                            "to draw them.",
                                            "이 강좌의 디코더는 한 줄로 펼친 이미지를 출력합니다. 모양을 바꾸는 "
                                            "것(reshape)은 그림을 그릴 때뿐입니다.")},
                   otherwise=(f"{shape} is not it: one row per latent vector, and how many numbers per image?",
                              f"{topic(str(shape))} 답이 아닙니다. 잠재벡터 하나가 한 행입니다. 그렇다면 이미지 한 "
                              "장에는 수가 몇 개일까요?"))


def check_mirrored_decoder_parameters(answer: Any) -> Feedback:
    """Parameters of the decoder 16 → 128 → 784 that mirrors the encoder 784 → 128 → 16 (102,544 parameters)."""
    value = read(answer, ("a whole number", "정수"), as_whole_number)
    if isinstance(value, Feedback):
        return value
    weights = 16 * 128 + 128 * 784
    return verdict(value, weights + 128 + 784,
                   right_because=("2,048 + 128 for the first layer and 100,352 + 784 for the second: 768 more than "
                                  "the encoder's 102,544. The weight matrices match their mirrors; the biases do "
                                  "not: 128 + 784 outputs against 128 + 16, and 784 − 16 = 768 = n − m.",
                                  "첫 층이 2,048 + 128개, 둘째 층이 100,352 + 784개입니다. 인코더의 102,544개보다 "
                                  "768개 많습니다. 가중치 행렬은 거울상과 개수가 같지만 편향은 다릅니다. 출력이 "
                                  "128 + 784개 대 128 + 16개이고, 784 − 16 = 768 = n − m입니다."),
                   mistakes={102_544: ("that is the encoder's count. The weight matrices match their mirrors, but a "
                                       "layer has one bias per output: which half outputs more numbers?",
                                       "그것은 인코더의 개수입니다. 가중치 행렬은 거울상과 개수가 같지만, 층에는 "
                                       "출력마다 편향이 하나씩 있습니다. 어느 쪽이 수를 더 많이 출력할까요?"),
                             weights: ("you counted the weight matrices; each output also has a bias.",
                                       "가중치 행렬만 세었습니다. 출력마다 편향도 하나씩 있습니다."),
                             102_544 + 782: ("782 was n − m for m = 2, notebook 04's code size; here m = 16.",
                                             "782는 이 노트북의 코드 크기 m = 2일 때의 n − m입니다. 여기서는 "
                                             "m = 16입니다.")},
                   otherwise=(f"{value:,} is off: a Linear(a, b) layer has a·b weights and b biases; the decoder's "
                              "layers are Linear(16, 128) and Linear(128, 784).",
                              f"{topic(format(value, ','))} 맞지 않습니다. Linear(a, b) 층에는 가중치 a·b개와 편향 "
                              "b개가 있고, 디코더의 층은 Linear(16, 128)과 Linear(128, 784)입니다."))


def check_decoder(module: Any) -> Feedback:
    """An nn.Sequential 16 → 128 → 784 with a nonlinearity between and a sigmoid at the end."""
    if is_unanswered(module):
        return unanswered(("an nn.Sequential(...)", "nn.Sequential(...)"))
    widths = linear_widths(module)
    if isinstance(widths, Feedback):
        return widths
    if widths != [(16, 128), (128, 784)]:
        return wrong(f"the Linear layers go {widths}; the mirror of 784 → 128 → 16 goes 16 → 128 → 784.",
                     f"Linear 층들의 (입력, 출력) 너비가 {widths}입니다. 784 → 128 → 16을 거울처럼 뒤집으면 "
                     "16 → 128 → 784입니다.")
    children = layers_in_order(module)
    if not isinstance(children[-1], nn.Sigmoid):
        return wrong("end with nn.Sigmoid(), so every pixel lands in (0, 1).",
                     "맨 끝에 nn.Sigmoid()를 두어 모든 픽셀이 (0, 1) 안에 들어오게 하세요.")
    if len(children) < 4 or isinstance(children[1], nn.Linear):
        return wrong("put a nonlinearity (e.g. nn.SiLU()) between the two Linear layers.",
                     "두 Linear 층 사이에 비선형 함수(예: nn.SiLU())를 넣으세요.")
    try:
        with torch.no_grad():
            out = module(torch.randn(5, 16) * 50)
    except Exception as exc:  # a learner's module can fail in any way; say how
        return wrong(f"running it on a batch of shape [5, 16] failed: {type(exc).__name__}: {exc}",
                     f"모양이 [5, 16]인 배치로 실행하자 오류가 났습니다"
                     f"(파이썬의 오류 메시지: `{type(exc).__name__}: {exc}`)")
    if tuple(out.shape) != (5, 784) or float(out.min()) < 0 or float(out.max()) > 1:
        return wrong(f"a batch [5, 16] should give [5, 784] values in [0, 1]; got shape {list(out.shape)}.",
                     f"[5, 16] 배치를 넣으면 [0, 1] 범위의 값으로 된 [5, 784]가 나와야 하는데, "
                     f"나온 모양은 {list(out.shape)}입니다.")
    return right("16 numbers back to 784 pixels, each squeezed into (0, 1).",
                 "수 16개가 다시 픽셀 784개가 되고, 픽셀 하나하나가 (0, 1) 안으로 눌려 들어갑니다.")


@predict_first
def check_untrained_against_average(answer: Any) -> Feedback:
    """The untrained autoencoder's test MSE against always drawing the average digit."""
    return choose(answer, {
        "worse": right("its nearly constant image is a middle grey (the average output pixel is about 0.5), while "
                       "most pixels of a digit are blank paper (0), and the average digit is blank wherever digits "
                       "rarely put ink. The next cell measures the smudge's error at more than three times "
                       "the average digit's.",
                       "거의 변하지 않는 그 출력 이미지는 중간 회색입니다(출력 픽셀의 평균이 약 0.5). 그런데 "
                       "숫자 이미지의 픽셀은 대부분 빈 종이(0)이고, 평균 숫자는 숫자들이 잉크를 거의 묻히지 "
                       "않는 곳이면 어디든 비어 있습니다. 다음 셀에서 재 보면 회색 얼룩의 오차는 평균 숫자의 "
                       "세 배가 넘습니다."),
        "better": wrong("looking at the input helps only a network that has learned to use it. Untrained, this "
                        "one's outputs barely change from digit to digit (section 'What an untrained autoencoder "
                        "returns': a tiny fraction of the digits' own variation), so in effect it ignores the "
                        "input too, and the image it draws is a worse one.",
                        "입력을 보는 것은 입력을 쓰는 법을 배운 신경망에게만 도움이 됩니다. 학습하지 않은 이 "
                        "신경망의 출력은 숫자가 바뀌어도 거의 달라지지 않습니다(‘학습하지 않은 오토인코더가 "
                        "내놓는 것’ 절에서 잰 출력의 변화는 숫자들 자체의 변화에 비하면 아주 작습니다). 그러니 "
                        "사실상 이것도 입력을 무시하는 셈이고, 그려 내는 이미지마저 평균 숫자보다 나쁩니다."),
        "same": wrong("two images that both ignore the input can still have very different errors: it matters "
                      "which image. A grey near 0.5 pays about 0.25 in squared error on every pixel that should "
                      "be white, and the average digit is blank exactly where digits rarely put ink.",
                      "둘 다 입력을 무시하는 이미지라도 오차는 크게 다를 수 있습니다. 어떤 이미지냐가 "
                      "중요합니다. 0.5 근처의 회색은 흰색이어야 할 픽셀마다 약 0.25의 제곱오차를 치르고, "
                      "평균 숫자는 바로 숫자들이 잉크를 거의 묻히지 않는 곳에서 비어 있습니다."),
    }, what=('"better", "same" or "worse"', '"better", "same", "worse" 중 하나'),
       aliases={"about the same": "same", "equal": "same", "같다": "same", "비슷하다": "same", "더 좋다": "better",
                "더 낫다": "better", "좋다": "better", "더 나쁘다": "worse", "나쁘다": "worse"})


WHITE_START_BEATS = "the grey start"  # 0.095: below the grey start's 0.232, above the average digit's 0.065
PREDICTIONS = {"the grey start": ("the grey start", "회색 시작"),
               "the average digit": ("the average digit", "평균 숫자"),
               "both": ("both", "둘 다"), "neither": ("neither", "둘 다 아님")}


def check_white_start(answer: Any, prediction: Any = None) -> Feedback:
    """The untrained autoencoder's test MSE once its last bias is set to -3 (outputs near σ(-3) ≈ 0.05), and the
    prediction written before running it: which of the grey start and the average digit it beats."""
    if is_unanswered(prediction):
        return Feedback("unanswered", "first write your prediction in the cell `white_prediction = ...` above the "
                        "experiment (\"the grey start\", \"the average digit\", \"both\" or \"neither\"), then run "
                        "the experiment and replace the `...` here with the MSE it prints.",
                        "먼저 실험 위의 `white_prediction = ...` 셀에 예측(\"the grey start\", \"the average digit\", "
                        "\"both\", \"neither\" 중 하나)을 적고, 실험을 실행한 뒤 여기의 `...`를 출력된 MSE로 "
                        "바꾸세요.")
    key = read_prediction(str(prediction).strip().lower().removeprefix("the ") if isinstance(prediction, str)
                          else prediction, tuple(PREDICTIONS),
                          aliases={"grey start": "the grey start", "gray start": "the grey start",
                                   "average digit": "the average digit", "회색 시작": "the grey start",
                                   "평균 숫자": "the average digit", "둘 다": "both", "둘 다 아님": "neither",
                                   "회색 시작보다만 낮음": "the grey start",
                                   "평균 숫자보다만 낮음": "the average digit",
                                   "둘 다보다 낮음": "both", "어느 쪽보다도 낮지 않음": "neither"})
    if isinstance(key, Feedback):
        return key
    feedback = _white_start_error(answer)
    if feedback.status != "right":
        return feedback
    en, ko = PREDICTIONS[WHITE_START_BEATS]
    if key == WHITE_START_BEATS:
        return right(f"and your prediction was right: it beats {en} only. {feedback.en}",
                     f"예측도 맞았습니다. {ko}만 이깁니다. {feedback.ko}")
    return right(f"the number is right; your prediction was not: it beats {en} only. {feedback.en}",
                 f"수는 맞았지만 예측은 빗나갔습니다. {ko}만 이깁니다. {feedback.ko}")


def _white_start_error(answer: Any) -> Feedback:
    value = read(answer, ("a number", "수"), as_number)
    if isinstance(value, Feedback):
        return value
    return verdict(value, 0.095, tolerance=0.012,
                   right_because=("less than half the grey start's 0.232: most of a digit's pixels are blank paper, "
                                  "so a nearly white image is a far better blind guess than grey. It is still worse "
                                  "than the average digit (0.065), which puts faint ink where digits usually have "
                                  "it. Where an untrained decoder starts is set by its last bias, not by its input.",
                                  "회색으로 시작했을 때의 0.232의 절반도 안 됩니다. 숫자 이미지의 픽셀은 대부분 빈 "
                                  "종이라서, 거의 흰 이미지는 회색보다 훨씬 나은 눈먼 추측입니다. 그래도 숫자들이 "
                                  "보통 잉크를 묻히는 곳에 옅은 잉크를 둔 평균 숫자(0.065)보다는 나쁩니다. 학습하지 "
                                  "않은 디코더가 어디서 시작하는지는 입력이 아니라 마지막 편향이 정합니다."),
                   mistakes={0.232: ("that is the grey start's error: set the bias to -3.0 in the cell (change the "
                                     "0.0 in fill_), run it again and read the new number.",
                                     "그것은 회색으로 시작했을 때의 오차입니다. 셀에서 편향을 -3.0으로 바꾸고(fill_의 "
                                     "0.0을 고치세요) 다시 실행한 뒤 새 수를 읽으세요."),
                             0.065: ("that is the average digit's error, printed for comparison; answer the number "
                                     "the cell measures for the changed autoencoder.",
                                     "그것은 비교하라고 함께 출력한 평균 숫자의 오차입니다. 바꾼 오토인코더에 대해 "
                                     "셀이 잰 수를 답하세요.")},
                   otherwise=(f"{value:g} is not what the cell gives with the bias at -3.0: check that you changed "
                              "fill_(0.0) to fill_(-3.0), ran the cell, and copied the printed MSE.",
                              f"{topic(format(value, 'g'))} 편향이 -3.0일 때 셀이 내놓는 값이 아닙니다. fill_(0.0)을 "
                              "fill_(-3.0)으로 바꾸고 셀을 실행한 뒤, 출력된 MSE를 옮겨 적었는지 확인하세요."))


KAIMING_PREDICTIONS = ("collapse", "no collapse")


def check_kaiming_spread(answer: Any, prediction: Any = None) -> Feedback:
    """The spread of the untrained encoder's codes once every Linear layer starts with Kaiming (He) weights
    and zero biases (PyTorch's default start gives about 0.011), and the prediction written before running it:
    will the codes still "collapse" to about one point, or show "no collapse"?"""
    key = read_prediction(prediction, KAIMING_PREDICTIONS,
                          aliases={"collapses": "collapse", "still collapse": "collapse", "no": "no collapse",
                                   "한 점으로 몰린다": "collapse", "몰린다": "collapse",
                                   "몰리지 않는다": "no collapse", "한 점으로 몰리지 않는다": "no collapse"},
                          name="kaiming_prediction")
    if isinstance(key, Feedback):
        return key
    return with_prediction(_kaiming_spread_verdict(answer), key == "no collapse")


def _kaiming_spread_verdict(answer: Any) -> Feedback:
    value = read(answer, ("a number", "수"), as_number)
    if isinstance(value, Feedback):
        return value
    return verdict(value, 0.18, tolerance=0.05,
                   right_because=("about sixteen times the default start's 0.011: Kaiming weights are scaled so that "
                                  "each layer passes its input's spread on instead of shrinking it by about 1/√3. "
                                  "The codes no longer collapse to one point; what they keep of the digits is still "
                                  "random until training chooses it.",
                                  "기본 시작의 0.011보다 약 열여섯 배 큽니다. 카이밍 가중치는 각 층이 입력의 퍼짐을 약 "
                                  "1/√3씩 줄이지 않고 그대로 넘기도록 크기를 맞춘 것입니다. 코드가 더는 한 점으로 "
                                  "몰리지 않지만, 코드가 숫자의 무엇을 담는지는 학습이 고르기 전까지 "
                                  "여전히 무작위입니다."),
                   mistakes={0.011: ("that is the default start's spread: run the cell with kaiming = True and read "
                                     "the new number.",
                                     "그것은 기본 시작의 퍼짐입니다. kaiming = True로 바꾸어 셀을 실행하고 새 수를 "
                                     "읽으세요."),
                             0.253: ("that is the digits' own spread, the input; answer the spread of the codes the "
                                     "cell prints.",
                                     "그것은 입력인 숫자 이미지 자체의 퍼짐입니다. 셀이 출력하는 코드의 퍼짐을 "
                                     "답하세요.")},
                   otherwise=(f"{value:g} is not what the cell gives with kaiming = True: check that you changed it, "
                              "ran the cell, and copied the codes' spread.",
                              f"{topic(format(value, 'g'))} kaiming = True일 때 셀이 내놓는 값이 아닙니다. 값을 "
                              "바꾸고 셀을 실행한 뒤, 코드의 퍼짐을 옮겨 적었는지 확인하세요."))
