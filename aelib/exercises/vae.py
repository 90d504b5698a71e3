"""Checks for notebook 08 (the variational autoencoder, 변분 오토인코더)."""

from __future__ import annotations

from typing import Any

from aelib.exercises.feedback import (
    Feedback,
    as_number,
    choose,
    read,
    read_prediction,
    right,
    topic,
    verdict,
    wrong,
)


def check_gaussian_weight(answer: Any) -> Feedback:
    """The weight 1 / (2 s²) of the summed squared error for a Gaussian decoder with s² = 2."""
    value = read(answer, ("a number", "수"), as_number)
    if isinstance(value, Feedback):
        return value
    return verdict(value, 0.25, tolerance=1e-9,
                   right_because=("−log N(x; x̂, s²) = ‖x − x̂‖² / (2s²) + const, and 1 / (2·2) = 0.25: "
                                  "a wider Gaussian forgives errors, so the KL counts relatively more.",
                                  "−log N(x; x̂, s²) = ‖x − x̂‖² / (2s²) + const이고, 1 / (2·2) = 0.25입니다. 더 넓은 "
                                  "가우시안은 오차를 너그럽게 봐주므로, 상대적으로 KL의 비중이 커집니다."),
                   mistakes={0.5: ("that is 1 / s²; the Gaussian's exponent has a 2 in the denominator too.",
                                   "그것은 1 / s²입니다. 가우시안의 지수에는 분모에 2가 하나 더 곱해져 있습니다."),
                             4.0: ("upside down: the squared error is divided by 2s², not multiplied.",
                                   "거꾸로 뒤집혔습니다. 제곱오차는 2s²로 나누는 것이지 곱하는 것이 아닙니다."),
                             1.0: ("a weight of 1 belongs to s² = ½, notebook 07's choice; here s² = 2.",
                                   "가중치 1은 노트북 07에서 택한 s² = ½일 때의 값입니다. 여기서는 s² = 2입니다.")},
                   otherwise=(f"{value:g} is off: write out −log of the Gaussian density and read off the factor "
                              "in front of ‖x − x̂‖².",
                              f"{topic(format(value, 'g'))} 맞지 않습니다. "
                              "가우시안 밀도의 −log를 풀어 쓰고, ‖x − x̂‖² 앞에 붙는 "
                              "계수를 읽어 보세요."))


def check_estimator_choice(answer: Any) -> Feedback:
    """Which unbiased gradient estimator to train with: the answer and why."""
    return choose(answer, {
        "reparameterised": right("both are unbiased, but the reparameterised one scattered far less in "
                                 "section 3: less noise per step means training that converges.",
                                 "둘 다 편향이 없지만, 3절에서 재매개변수화 추정량이 훨씬 덜 흩어졌습니다. 단계마다 "
                                 "잡음이 적어야 학습이 수렴합니다."),
        "score function": wrong("it is unbiased, but look at its standard deviation in section 3, several times the "
                                "reparameterised one's: each step would be far noisier, so training would need many "
                                "more steps to get as far.",
                                "편향은 없지만, 3절에서 이 추정량의 표준편차를 보세요. 재매개변수화 추정량의 "
                                "몇 배입니다. 매 단계가 훨씬 더 흔들리므로, 같은 곳에 이르려면 학습 단계가 훨씬 더 "
                                "많이 필요합니다."),
        "either": wrong("unbiased is not enough: an estimator's noise sets how many steps training needs. "
                        "Compare the two standard deviations in section 3.",
                        "편향이 없는 것만으로는 충분하지 않습니다. 추정량의 잡음이 학습에 필요한 단계 수를 정합니다. "
                        "3절에서 두 표준편차를 비교해 보세요."),
    }, what=('"reparameterised", "score function" or "either"',
             '"reparameterised", "score function", "either" 중 하나'),
       aliases={"reparameterized": "reparameterised", "reparameterisation": "reparameterised",
                "reinforce": "score function", "score-function": "score function"})


def check_beta_prediction(answer: Any) -> Feedback:
    """What a larger β does to the reconstruction error."""
    return choose(answer, {
        "rises": right("a heavier KL pulls every cloud toward the prior, so the codes carry less about each "
                       "digit and the decoder rebuilds it worse: section 5's sweep shows it.",
                       "KL이 무거워지면 모든 구름이 사전분포 쪽으로 끌려가므로, 코드가 각 숫자에 관해 담는 정보가 "
                       "줄고 디코더는 숫자를 더 못 복원합니다. 5절에서 β를 바꿔 가며 학습한 결과가 이를 보여 줍니다."),
        "falls": wrong("β weighs the KL, not the reconstruction: more β means the codes may carry less "
                       "information, and the decoder has less to work with.",
                       "β는 복원이 아니라 KL에 무게를 줍니다. β가 커지면 코드가 담을 수 있는 정보가 줄고, 디코더가 "
                       "쓸 수 있는 재료도 줄어듭니다."),
        "stays": wrong("the two terms compete for the same codes: raising one weight moves the balance.",
                       "두 항은 같은 코드를 두고 경쟁합니다. 한쪽의 가중치를 올리면 균형이 옮겨 갑니다."),
    }, what=('"rises", "falls" or "stays"', '"rises", "falls", "stays" 중 하나'),
       aliases={"increases": "rises", "decreases": "falls", "up": "rises", "down": "falls"})


def check_mean_reduced_kl(answer: Any, prediction: Any = None) -> Feedback:
    """The test KL per image of an m = 2 VAE trained with a mean-reduced cross-entropy plus the summed KL
    (β = 784 in disguise), and the prediction written first: does the KL "rise", "fall" or "stay"?"""
    key = read_prediction(prediction, ("rises", "falls", "stays"),
                          aliases={"rise": "rises", "fall": "falls", "stay": "stays", "오른다": "rises",
                                   "내려간다": "falls", "떨어진다": "falls", "그대로": "stays"})
    if isinstance(key, Feedback):
        return key
    value = read(answer, ("a number, the KL in nats per image", "수(이미지 한 장당 KL, 내트 단위)"), as_number)
    if isinstance(value, Feedback):
        return value
    if value > 1.0:
        return wrong(f"{value:g} nats is about what the ELBO (β = 1) gives: set loss_to_try = \"mean-reduced\" in the "
                     "cell and run it (the loss averages the cross-entropy over the pixels, F.binary_cross_entropy's "
                     "default, and then adds the KL), and answer with the KL of that model.",
                     f"{value:g}내트는 ELBO(β = 1)일 때와 비슷한 값입니다. 셀에서 loss_to_try = \"mean-reduced\"로 "
                     "바꾸어 실행하고(이 손실은 교차 엔트로피를 픽셀에 대해 평균한 뒤, 곧 F.binary_cross_entropy의 "
                     "기본값으로 구한 뒤 KL을 더합니다), 그 모델의 KL로 답하세요.")
    if value < 0:
        return wrong("a KL divergence is never negative: check the measurement.",
                     "KL 발산은 음수가 될 수 없습니다. 측정을 확인하세요.")
    verdict_en = "your prediction was right" if key == "falls" else "your prediction was not: it falls"
    verdict_ko = "예측이 맞았습니다" if key == "falls" else "예측은 빗나갔습니다. KL은 떨어집니다"
    return right(f"{verdict_en}, to about 0 ({value:.2f} nats, against about 5 with β = 1). Averaging the "
                 "cross-entropy divides it by 784 while the KL stays whole: β = 784 in disguise. Every input's "
                 "cloud becomes the prior itself, the codes carry nothing (posterior collapse), and every "
                 "decoded draw is the same average blur: notebook 07's Only KL model, reached by accident. It is "
                 "where the sweep's β = 784 run, trained on the summed loss, ended too: dividing a whole loss by "
                 "a constant hardly changes what Adam finds (Adam divides each step by the gradient's own size; "
                 "with plain SGD it would act as a learning rate 784 times smaller).",
                 f"{verdict_ko}. 약 0까지 떨어집니다({value:.2f}내트, β = 1일 때는 약 5). 교차 엔트로피를 "
                 "평균하면 784로 나뉘는데 KL은 그대로 남습니다. 곧 β = 784인 셈입니다. 모든 입력의 구름이 "
                 "사전분포 그 자체가 되고, 코드는 아무것도 담지 않으며(사후분포 붕괴), 디코딩한 샘플은 모두 "
                 "똑같이 흐린 평균 이미지가 됩니다. 노트북 07의 Only KL 모델에 실수로 도달한 것입니다. 합한 손실로 "
                 "학습한 5절의 β = 784 실행도 같은 곳에 도달했습니다. 손실 전체를 상수로 나누어도 Adam이 찾는 "
                 "해는 거의 달라지지 않습니다(Adam은 걸음마다 기울기 자신의 크기로 나누기 때문입니다. "
                 "평범한 SGD에서라면 학습률을 784분의 1로 줄인 것과 같습니다).")
