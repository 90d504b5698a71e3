"""Checks for notebook 08 (the variational autoencoder, 변분 오토인코더)."""

from __future__ import annotations

from typing import Any

import torch

from aelib.data import load_mnist
from aelib.exercises.feedback import (
    Feedback,
    as_number,
    call_learner,
    choose,
    predict_first,
    read,
    read_prediction,
    right,
    topic,
    unanswered,
    verdict,
    wrong,
)
from aelib.latent import kl_to_standard_normal
from aelib.models import VariationalAutoEncoder


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


@predict_first
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


def check_collapse_threshold(answer: Any, prediction: Any = None) -> Feedback:
    """The smallest β, of 20 and 30, at which the sweep's m = 2 VAE's test KL per image falls below 0.05 nats
    (posterior collapse), and the prediction written first: "20", "30" or "above 30"."""
    key = read_prediction(prediction, ("20", "30", "above 30"),
                          aliases={"over 30": "above 30", "more than 30": "above 30", "30 초과": "above 30",
                                   "30보다 위": "above 30", "30보다 크다": "above 30"})
    if isinstance(key, Feedback):
        return key
    value = read(answer, ("a number, the β (20 or 30)", "수(β, 20 또는 30)"), as_number)
    if isinstance(value, Feedback):
        return value
    if value not in (20, 30):
        return wrong(f"answer with one of the two βs you tried, 20 or 30, not {value:g}: set beta = 20.0, run the "
                     "cell, then beta = 30.0, and answer with the smaller one whose test KL is below 0.05 nats.",
                     f"직접 시험한 두 β인 20과 30 가운데 하나로 답하세요(받은 값: {value:g}). beta = 20.0으로 셀을 "
                     "실행하고 다시 beta = 30.0으로 실행한 다음, 테스트 KL이 0.05내트보다 낮은 것 가운데 작은 쪽으로 "
                     "답하세요.")
    if value == 20:
        return wrong("at β = 20 the codes still carry something: in our runs the test KL per image was about 0.3 "
                     "nats, well above 0.05. Read the KL the cell printed for β = 20 again, then run β = 30.",
                     "β = 20에서는 코드가 아직 무언가를 담고 있습니다. 우리 실행에서 이미지 한 장당 테스트 KL은 약 "
                     "0.3내트로, 0.05보다 한참 높았습니다. β = 20일 때 셀이 출력한 KL을 다시 읽어 보고, β = 30도 "
                     "실행해 보세요.")
    verdict_en = "your prediction was right" if key == "30" else "your prediction was not: it is 30"
    verdict_ko = "예측이 맞았습니다" if key == "30" else "예측은 빗나갔습니다. 답은 30입니다"
    return right(f"{verdict_en}. The codes empty out gradually: in our runs the test KL per image was 1.62 nats "
                 "at β = 10 (the sweep), about 0.3 at 20 and 0.001 at 30, against about 5 at β = 1. Collapse "
                 "needs nothing like the 784 of a mean-reduced loss: a KL weighted some 30 times already pulls "
                 "every input's cloud onto the prior, and every decoded draw becomes the same average blur.",
                 f"{verdict_ko}. 코드는 조금씩 비어 갑니다. 우리 실행에서 이미지 한 장당 테스트 KL은 β = 10(5절의 "
                 "실험)에서 1.62내트, 20에서 약 0.3, 30에서 0.001이었고, β = 1에서는 약 5였습니다. 붕괴가 일어나는 "
                 "데 픽셀 평균 손실의 784 같은 값은 필요 없습니다. KL에 30배쯤만 무게를 주어도 모든 입력의 구름이 "
                 "사전분포 위로 끌려가고, 디코딩한 샘플은 모두 똑같이 흐린 평균 이미지가 됩니다.")


def _gaussian_terms(model: VariationalAutoEncoder, x: torch.Tensor, seed: int) -> dict[str, torch.Tensor]:
    """The pieces of the Gaussian-decoder negative ELBO, per image, with the sampled code of ``seed``."""
    torch.manual_seed(seed)
    mu, log_var = model.encode_distribution(x)
    z = mu + torch.randn_like(mu) * torch.exp(0.5 * log_var)
    return {"squared": ((model.decoder(z) - x) ** 2).sum(dim=1),
            "squared at mu": ((model.decoder(mu) - x) ** 2).sum(dim=1),
            "kl": kl_to_standard_normal(mu, log_var)}


def _near(value: torch.Tensor, other: torch.Tensor) -> bool:
    return torch.allclose(value, other.double(), rtol=1e-4, atol=1e-4)


def check_gaussian_negative_elbo(negative_elbo: Any) -> Feedback:
    """``negative_elbo(model, x, s2)``: per image, the summed squared error of one sampled reconstruction divided
    by 2·s2, plus the KL to N(0, I) (constants dropped). Checked on a small VAE at s2 = 0.5 and s2 = 2."""
    if not callable(negative_elbo):
        return wrong(f"the negative ELBO should be a function, but it is a {type(negative_elbo).__name__}.",
                     f"음의 ELBO는 함수여야 하는데 {type(negative_elbo).__name__}입니다.")
    torch.manual_seed(0)
    model = VariationalAutoEncoder(latent_dim=2, hidden=(32,))
    x = load_mnist("test", limit=64)[0]
    for s2 in (0.5, 2.0):
        torch.manual_seed(1)
        with torch.no_grad():
            value = call_learner(negative_elbo, (model, x, s2), f"gaussian_negative_elbo(model, x, s2={s2})")
        if isinstance(value, Feedback):
            return value
        if value is None:
            return unanswered(("the function's body (the `...` under its docstring)",
                               "함수의 본문(독스트링 아래의 `...`)"))
        with torch.no_grad():
            parts = _gaussian_terms(model, x, seed=1)
        if not isinstance(value, torch.Tensor):
            return wrong(f"the function should return a tensor, one number per image, but returned {value!r}.",
                         f"함수는 이미지마다 수 하나씩 담은 텐서를 반환해야 하는데, "
                         f"반환한 값은 {value!r}입니다.")
        expected = parts["squared"] / (2 * s2) + parts["kl"]
        if value.numel() == 1:
            if torch.isclose(value.reshape(()), expected.mean(), rtol=1e-4):
                return wrong("the right loss, averaged over the batch: return one number per image (shape [64] "
                             "here) and leave the averaging to the training loss, as section 4's elbo_loss does.",
                             "손실은 맞지만 배치 전체의 평균을 냈습니다. 이미지마다 수 하나씩(여기서는 모양 [64]) "
                             "반환하고, 평균은 4절의 elbo_loss처럼 학습에 쓰는 손실 함수에 맡기세요.")
            return wrong("return one number per image (a tensor of shape [64] here), not a single number. If you "
                         "used F.mse_loss, it averages over every pixel of every image: sum over the 784 pixels "
                         "of each image instead, ((x_hat - x) ** 2).sum(dim=1).",
                         "수 하나가 아니라 이미지마다 수 하나씩(여기서는 모양 [64]인 텐서) 반환하세요. F.mse_loss를 "
                         "썼다면, 그것은 모든 이미지의 모든 픽셀에 대해 평균을 냅니다. 대신 이미지마다 784개 픽셀에 "
                         "대해 합하세요: ((x_hat - x) ** 2).sum(dim=1).")
        if value.shape != expected.shape:
            return wrong(f"the function returned shape {tuple(value.shape)}; it should be one number per image, "
                         f"{tuple(expected.shape)}: sum over the pixels and over the latent coordinates, not over "
                         "the images.",
                         f"함수가 반환한 모양은 {tuple(value.shape)}입니다. 이미지마다 수 하나씩, 곧 "
                         f"{tuple(expected.shape)}이어야 합니다. 픽셀과 잠재 좌표에 대해서는 합하되, "
                         "이미지들에 대해서는 합하지 마세요.")
        value = value.detach().double()
        diagnoses = [
            (parts["squared"] / 784 / (2 * s2) + parts["kl"],
             "the squared error is averaged over the 784 pixels instead of summed. Then the KL counts 784 times "
             "more than it should: section 5's β = 784 in disguise. Sum over the pixels: .sum(dim=1).",
             "제곱오차를 784개 픽셀에 대해 합하지 않고 평균을 냈습니다. 그러면 KL이 원래보다 784배 더 무겁게 "
             "셈해집니다. 5절의 β = 784가 모습을 바꾼 것입니다. 픽셀에 대해 합하세요: .sum(dim=1)."),
            (parts["squared"] + parts["kl"],
             "the squared error is not divided by 2·s2: the decoder's variance is what weighs it against the KL "
             "(exercise 1).",
             "제곱오차를 2·s2로 나누지 않았습니다. 디코더의 분산이 바로 제곱오차와 KL 사이의 "
             "가중치입니다(연습문제 1)."),
            (parts["squared"] / s2 + parts["kl"],
             "divide the squared error by 2·s2, not by s2: the Gaussian's exponent is −‖x − x̂‖² / (2s²).",
             "제곱오차를 s2가 아니라 2·s2로 나누세요. 가우시안의 지수는 −‖x − x̂‖² / (2s²)입니다."),
            (parts["squared"] / (2 * s2),
             "the KL term is missing: add kl_to_standard_normal(mu, log_var), per image.",
             "KL 항이 빠졌습니다. 이미지마다 kl_to_standard_normal(mu, log_var)를 더하세요."),
            (parts["squared at mu"] / (2 * s2) + parts["kl"],
             "you decoded the centre μ; the bound's reconstruction term decodes a sampled code, "
             "model.sample(mu, log_var).",
             "중심 μ를 디코딩했습니다. 하한의 복원 항은 뽑은 코드를 디코딩합니다: model.sample(mu, log_var)."),
            (-expected,
             "that is the ELBO itself; the loss to minimise is its negative.",
             "그것은 ELBO 자체입니다. 최소화할 손실은 그 부호를 바꾼 값입니다."),
        ]
        if not _near(value, expected):
            for other, en, ko in diagnoses:
                if _near(value, other):
                    return wrong(en, ko)
            return wrong(f"at s2 = {s2} your values (first image: {value[0].item():.2f} nats) differ from the "
                         f"check's ({expected[0].item():.2f}). Encode with model.encode_distribution(x), draw "
                         "z = model.sample(mu, log_var) once, decode with model.decoder(z), and add the summed "
                         "squared error over 2·s2 to kl_to_standard_normal(mu, log_var).",
                         f"s2 = {s2}에서 여러분의 값(첫 이미지: {value[0].item():.2f}내트)이 확인용 값"
                         f"({expected[0].item():.2f})과 다릅니다. model.encode_distribution(x)로 인코딩하고, "
                         "z = model.sample(mu, log_var)로 한 번 뽑고, model.decoder(z)로 디코딩한 뒤, 합한 "
                         "제곱오차를 2·s2로 나눈 값에 kl_to_standard_normal(mu, log_var)를 더하세요.")
    return right("per image, the summed squared error over 2·s2 plus the KL, at both variances. At s2 = ½ this is "
                 "notebook 07's Combination (summed squared error + KL, one to one); mean-reduce its squared error "
                 "and the same code becomes a VAE with β = 784.",
                 "두 분산 모두에서 이미지마다 합한 제곱오차를 2·s2로 나눈 값에 KL을 더했습니다. s2 = ½이면 노트북 07의 "
                 "결합 목적함수(합한 제곱오차 + KL, 1 대 1)와 같고, 제곱오차를 평균으로 바꾸면 같은 코드가 β = 784인 "
                 "VAE가 됩니다.")
