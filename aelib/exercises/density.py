"""Checks for notebook 07 (toward a dense latent space)."""

from __future__ import annotations

import math
from typing import Any

import torch

from aelib.exercises.feedback import (
    Feedback,
    as_number,
    call_learner,
    choose,
    predict_first,
    read,
    right,
    topic,
    unanswered,
    verdict,
    wrong,
)


def check_kl_value(answer: Any) -> Feedback:
    """KL(N(1, 0.5²) || N(0, 1)) from ½(μ² + σ² − 1 − log σ²)."""
    value = read(answer, ("a number", "수"), as_number)
    if isinstance(value, Feedback):
        return value
    exact = 0.5 * (1 + 0.25 - 1 - math.log(0.25))  # about 0.818
    return verdict(value, exact, tolerance=2e-3,
                   right_because=("½(1 + 0.25 − 1 − log 0.25) = ½(0.25 + 1.386) ≈ 0.818: the shifted centre costs "
                                  "½ and the too-narrow cloud costs the rest (σ² − 1 − log σ² is 0 only at σ = 1).",
                                  "½(1 + 0.25 − 1 − log 0.25) = ½(0.25 + 1.386) ≈ 0.818입니다. 옮겨 간 중심이 ½을, "
                                  "너무 좁은 구름이 나머지를 치릅니다(σ² − 1 − log σ²는 σ = 1일 때만 0입니다)."),
                   mistakes={2 * exact: ("remember the ½ in front.", "맨 앞의 ½을 잊지 마세요."),
                             0.5: ("that is a cloud with σ = 1, the one the notebook printed; this one has σ = 0.5, "
                                   "so σ² = 0.25 and log σ² = log 0.25.",
                                   "그것은 노트북이 출력한 σ = 1인 구름의 값입니다. 이 구름은 σ = 0.5이므로 σ² = 0.25, "
                                   "log σ² = log 0.25입니다."),
                             0.125: ("you left out − log σ²: with σ² = 0.25 it is −log 0.25 ≈ +1.386.",
                                     "− log σ²를 빠뜨렸습니다. σ² = 0.25이면 −log 0.25 ≈ +1.386입니다.")},
                   otherwise=(f"{value:g} is off: put μ = 1 and σ² = 0.25 (σ = 0.5, so log σ² = log 0.25 ≈ −1.386) "
                              "into ½(μ² + σ² − 1 − log σ²).",
                              f"{topic(format(value, 'g'))} 맞지 않습니다. "
                              "½(μ² + σ² − 1 − log σ²)에 μ = 1, σ² = 0.25(σ = 0.5이므로 "
                              "log σ² = log 0.25 ≈ −1.386)를 넣어 보세요."))


def check_reparameterise(reparameterise: Any) -> Feedback:
    """``reparameterise(mu, log_var, eps)`` must return mu + exp(log_var / 2) * eps."""
    if not callable(reparameterise):
        return wrong(f"reparameterise should be a function, but it is a {type(reparameterise).__name__}.",
                     f"reparameterise는 함수여야 하는데 {type(reparameterise).__name__}입니다.")
    generator = torch.Generator().manual_seed(0)
    mu, log_var, eps = (torch.randn(4, 2, generator=generator) for _ in range(3))
    z = call_learner(reparameterise, (mu, log_var, eps), "reparameterise(mu, log_var, eps)")
    if isinstance(z, Feedback):
        return z
    if z is None:
        return unanswered(("the body of reparameterise", "reparameterise 함수의 본문"))
    if not isinstance(z, torch.Tensor) or z.shape != mu.shape:
        return wrong(f"return a tensor shaped like mu ({list(mu.shape)}), not {type(z).__name__} "
                     f"{list(getattr(z, 'shape', []))}.",
                     f"mu와 모양({list(mu.shape)})이 같은 텐서를 반환하세요. 지금 반환한 것은 {type(z).__name__} "
                     f"{list(getattr(z, 'shape', []))}입니다.")
    if torch.allclose(z, mu + torch.exp(0.5 * log_var) * eps, atol=1e-6):
        return right("z = μ + σ·ε with σ = exp(½ log σ²): random, yet differentiable in μ and σ.",
                     "z = μ + σ·ε이고 σ = exp(½ log σ²)입니다. 무작위이면서도 μ와 σ에 대해 미분할 수 있습니다.")
    if torch.allclose(z, mu + log_var.exp() * eps, atol=1e-6):
        return wrong("exp(log σ²) is the variance σ²; multiply ε by the standard deviation σ = exp(½ log σ²).",
                     "exp(log σ²)는 분산 σ²입니다. ε에는 표준편차 σ = exp(½ log σ²)를 곱하세요.")
    if torch.allclose(z, mu + log_var * eps, atol=1e-6):
        return wrong("log_var is a logarithm of the variance; turn it into σ first.",
                     "log_var는 분산의 로그입니다. 먼저 σ로 바꾸세요.")
    return wrong("z should be the centre μ plus σ times the noise ε.",
                 "z는 중심 μ에 σ와 잡음 ε의 곱을 더한 값이어야 합니다.")


def check_fitted_gaussian_for_kl_only(answer: Any) -> Feedback:
    """Would a Gaussian fitted to the Only KL model's codes make it generate varied digits? ("yes" or "no")."""
    return choose(answer, {
        "no": right("its codes already have N(0, I)'s centre and spread (distance 0.00 in 'Measuring it'), so a "
                    "Gaussian fitted to them is N(0, I) again, and those draws decoded to one blur. What it lacks is "
                    "the other requirement: its codes are sorted by digit no better than chance (10%), so no z tells "
                    "the decoder which digit to draw. No distribution to draw from can put back what the codes "
                    "never held.",
                    "이 모델의 코드는 이미 N(0, I)와 중심도 퍼진 정도도 같습니다('측정하기'에서 떨어진 정도 0.00). "
                    "그러니 이 코드에 맞춘 가우시안은 다시 N(0, I)이고, 거기서 뽑은 값은 흐릿한 이미지 하나로 "
                    "디코딩되었습니다. 이 모델에 없는 것은 다른 요구 사항입니다. 코드가 숫자별로 정리된 정도가 우연 "
                    "수준(10%)이어서, 어떤 z도 디코더에게 어느 숫자를 그려야 할지 알려 주지 못합니다. 코드에 처음부터 "
                    "없던 정보는 어떤 분포에서 뽑아도 되살아나지 않습니다."),
        "yes": wrong("a fitted Gaussian mends where z is drawn, not what the codes say. The Only KL codes are already "
                     "at distance 0.00 from N(0, I): the fit would be N(0, I) again, and those draws decoded to one "
                     "blur. Look at its same-digit neighbour share (10%, chance): that is what it lacks.",
                     "코드에 맞춘 가우시안이 고쳐 주는 것은 z를 뽑는 곳이지, 코드가 담은 정보가 아닙니다. KL만 쓴 "
                     "모델의 코드는 이미 N(0, I)에서 떨어진 정도가 0.00이므로, 맞춘 가우시안도 다시 N(0, I)이고, "
                     "거기서 뽑은 값은 흐릿한 이미지 하나로 디코딩되었습니다. 같은 숫자 이웃의 비율(10%, 우연 "
                     "수준)을 보세요. 이 모델에 없는 것은 그것입니다."),
    }, what=('"yes" or "no"', '"yes"(예) 또는 "no"(아니요)'))


@predict_first
def check_kl_only_prediction(answer: Any) -> Feedback:
    """Predicted before the figure: what the Only KL model draws when it decodes z ~ N(0, I)."""
    return choose(answer, {
        "the same blur": right("its codes fill N(0, I), but its encoder felt only the KL term, which every input meets "
                               "in the same way, so z carries nothing about the digit: in 'Measuring it' its codes are "
                               "sorted by digit hardly better than chance. Its decoder learned the one average digit "
                               "that fits all inputs best, and draws it wherever z lands.",
                               "이 모델의 코드는 N(0, I)를 채웁니다. 하지만 인코더에는 모든 입력에 똑같이 작용하는 "
                               "KL 항만 작용했으므로, z에는 숫자에 관한 정보가 하나도 담기지 않습니다. ‘측정하기’ "
                               "절에서 이 모델의 코드가 숫자별로 정리된 정도는 우연 수준과 거의 다르지 않았습니다. "
                               "디코더는 모든 입력에 가장 잘 맞는 평균 숫자 하나를 배웠고, z가 어디에 떨어지든 그 "
                               "숫자를 그립니다."),
        "varied digits": wrong("filling N(0, I) is only half the job: the codes must also say which digit they came "
                               "from. In 'Measuring it' the Only KL codes are sorted by digit hardly better than "
                               "chance, so no draw tells the decoder which digit to make.",
                               "N(0, I)를 채우는 것은 해야 할 일의 절반일 뿐입니다. 코드는 자신이 어느 숫자에서 "
                               "왔는지도 말해 주어야 합니다. ‘측정하기’ 절에서 KL만 쓴 모델의 코드가 숫자별로 정리된 "
                               "정도는 우연 수준과 거의 다르지 않았습니다. 그러니 어떤 샘플도 디코더에게 어느 숫자를 "
                               "그려야 할지 알려 주지 못합니다."),
        "noise": wrong("its decoder did learn: it was trained on the codes it was handed, as in the other two models; "
                       "only its error was kept from the encoder. But those codes said nothing about the input, so "
                       "the best it could learn is one average digit, a smooth blur, not random pixels.",
                       "이 모델의 디코더도 분명히 학습했습니다. 다른 두 모델에서처럼 자신이 받은 코드로 학습했고, "
                       "디코더의 오차가 인코더까지 전달되지 않았을 뿐입니다. 하지만 그 코드들은 입력에 관해 아무것도 "
                       "말해 주지 않았으므로, 디코더가 배울 수 있는 최선은 평균 숫자 하나, 곧 매끄럽고 흐릿한 "
                       "이미지였습니다. 무작위 픽셀이 아닙니다."),
    }, what=('"varied digits", "the same blur" or "noise"', '"varied digits", "the same blur", "noise" 중 하나'),
       aliases={"varied": "varied digits", "digits": "varied digits", "다양한 숫자": "varied digits",
                "same blur": "the same blur", "blur": "the same blur", "one blur": "the same blur",
                "average": "the same blur", "흐린 숫자": "the same blur", "평균": "the same blur",
                "random": "noise", "garbage": "noise", "잡음": "noise", "노이즈": "noise"})


def check_kl_weight_prediction(answer: Any) -> Feedback:
    """Predicted before retraining: with the KL weighted 10 times, are the codes sorted by digit better or worse?"""
    return choose(answer, {
        "worse": right("in our run the same-digit share fell from about 62% to 9%, chance: at weight 10 the cheapest "
                       "way to lower the loss is to make every cloud N(0, 1) itself, and then the codes carry nothing "
                       "about the digit, exactly the Only KL model. At weight 0.1 the codes stay sorted (66%) but "
                       "move away from N(0, I) (distance about 1, 9% empty cells): the reconstruction-only side. The "
                       "weight slides one model between the figure's two outer panels; notebook 08 calls it β.",
                       "우리가 실행했을 때 같은 숫자 이웃의 비율은 약 62%에서 우연 수준인 9%로 떨어졌습니다. 가중치가 "
                       "10이면 손실을 낮추는 가장 값싼 길은 모든 구름을 N(0, 1) 그 자체로 만드는 것이고, 그러면 "
                       "코드에는 숫자에 관한 정보가 하나도 남지 않습니다. 바로 KL만 쓴 모델입니다. 가중치가 0.1이면 "
                       "코드는 숫자별로 정리된 채로 남지만(66%) N(0, I)에서 멀어집니다(거리 약 1, 빈칸 9%). 복원만 "
                       "쓴 쪽입니다. 이 가중치는 한 모델을 그림의 양쪽 끝 패널 사이에서 옮겨 놓습니다. 노트북 08은 "
                       "이것을 β라고 부릅니다."),
        "about as well": wrong("ten times the pull toward N(0, I) is not a small change: run the cell with "
                               "kl_weight = 10.0 and compare the same-digit share with the Combination's.",
                               "N(0, I) 쪽으로 끄는 힘이 열 배가 되는 것은 작은 변화가 아닙니다. kl_weight = 10.0으로 "
                               "셀을 실행하고, 같은 숫자 이웃의 비율을 Combination의 값과 비교해 보세요."),
        "better": wrong("the KL term knows nothing about digits: it pulls every input's cloud toward the same "
                        "N(0, 1). Weighted more, it wins over the reconstruction term. Run the cell with "
                        "kl_weight = 10.0 and compare.",
                        "KL 항은 숫자에 관해 아무것도 모릅니다. 모든 입력의 구름을 똑같은 N(0, 1) 쪽으로 끌 뿐입니다. "
                        "가중치가 커지면 KL 항이 복원 항을 이깁니다. kl_weight = 10.0으로 셀을 실행해서 비교해 "
                        "보세요."),
    }, what=('"better", "about as well" or "worse"', '"better", "about as well", "worse" 중 하나'),
       aliases={"same": "about as well", "as well": "about as well", "similar": "about as well",
                "더 잘": "better", "비슷하게": "about as well", "더 못하게": "worse", "나빠진다": "worse",
                "less": "worse", "less sorted": "worse", "more sorted": "better"})
