"""Checks for notebook 10 (how good is a VAE: the bound, the likelihood and the samples)."""

from __future__ import annotations

from typing import Any

from aelib.exercises.feedback import (
    Feedback,
    as_number,
    choose,
    predict_first,
    read,
    read_prediction,
    right,
    verdict,
    with_prediction,
    wrong,
)


@predict_first
def check_prior_estimate_in_20d(prediction: Any) -> Feedback:
    """With 20 latent numbers, does the estimate of log p(x) from 1000 prior draws land near the cloud's?"""
    return choose(prediction, {
        "far short": right("with 20 latent numbers almost no prior draw fits a given digit, so the average of 1000 "
                           "draws rests on the one or two that come closest, and its log lands tens of nats below "
                           "the cloud's estimate. In 2 dimensions the prior's draws cover the codes well enough; "
                           "in 20 they almost never land where one digit's codes are.",
                           "잠재 수가 20개이면 사전분포에서 뽑은 값이 주어진 숫자에 맞는 일이 거의 없습니다. "
                           "그래서 1000개의 평균은 가장 가까이 온 한두 개에 기대고, 그 로그는 구름의 추정값보다 "
                           "수십 내트 아래로 떨어집니다. 2차원에서는 사전분포에서 뽑은 값이 코드를 충분히 덮지만, "
                           "20차원에서는 한 숫자의 코드가 있는 곳에 거의 떨어지지 않습니다."),
        "within a few nats": wrong("that held with 2 latent numbers, where a random draw often lands near a "
                                   "digit's codes. The chance of that shrinks with every added dimension, like the "
                                   "chance that 20 coin tosses all come up heads.",
                                   "잠재 수가 2개일 때는 그랬습니다. 그때는 무작위로 뽑은 값이 한 숫자의 코드 "
                                   "근처에 자주 떨어집니다. 그런데 그럴 확률은 차원이 하나 늘 때마다 줄어듭니다. "
                                   "동전 20개를 던져 모두 앞면이 나올 확률처럼요."),
        "far above": wrong("the estimate is the log of an average of likelihoods; most prior draws explain the "
                           "digit badly, so they pull the average down, not up. An estimate far above would need "
                           "draws that fit the digit better than the encoder's own proposals.",
                           "이 추정값은 우도 평균의 로그입니다. 사전분포에서 뽑은 값은 대부분 숫자를 잘 설명하지 "
                           "못하므로 평균을 끌어올리지 않고 끌어내립니다. 훨씬 높게 나오려면 인코더가 내놓는 "
                           "값보다 숫자에 더 잘 맞는 값이 뽑혀야 합니다."),
    }, what=('"within a few nats", "far short" or "far above"',
             '"within a few nats", "far short", "far above" 중 하나'),
       aliases={"몇 내트 안": "within a few nats", "훨씬 못 미친다": "far short", "훨씬 낮다": "far short",
                "훨씬 높다": "far above", "short": "far short", "above": "far above"})


def check_effective_draws(answer: Any) -> Feedback:
    """The effective number of draws (Σw)² / Σw² of four importance weights 1, 1, 1 and 5."""
    value = read(answer, ("a number", "수"), as_number)
    if isinstance(value, Feedback):
        return value
    return verdict(value, 64 / 28, tolerance=0.01,
                   right_because=("(1 + 1 + 1 + 5)² / (1 + 1 + 1 + 25) = 64 / 28 ≈ 2.29. Four draws, but one of "
                                  "them carries most of the weight, so the average rests on little more than two. "
                                  "Equal weights would give 4; one weight carrying everything would give 1.",
                                  "(1 + 1 + 1 + 5)² / (1 + 1 + 1 + 25) = 64 / 28 ≈ 2.29입니다. 네 개를 뽑았지만 "
                                  "그중 하나가 무게의 대부분을 지므로, 평균은 두 개를 조금 넘는 값에 기댑니다. "
                                  "가중치가 모두 같으면 4, 하나가 전부를 지면 1이 됩니다."),
                   mistakes={4: ("4 counts the draws, not how evenly they share the weight: that is the answer "
                                 "only when every weight is equal. Square the sum of the weights, then divide by "
                                 "the sum of their squares.",
                                 "4는 뽑은 개수이지, 무게를 얼마나 고르게 나누어 지는지가 아닙니다. 가중치가 모두 "
                                 "같을 때만 답이 4입니다. 가중치 합을 제곱한 뒤, 가중치 제곱의 합으로 나누세요."),
                             28 / 64: ("that is the formula upside down, Σw² / (Σw)²: the effective number is "
                                       "(Σw)² / Σw², between 1 and the number of draws.",
                                       "공식을 뒤집었습니다(Σw² / (Σw)²). 유효 샘플 수는 (Σw)² / Σw²이고, 1과 뽑은 "
                                       "개수 사이에 있습니다."),
                             8: ("8 is the sum of the weights. Square it, then divide by the sum of the squared "
                                 "weights, 1 + 1 + 1 + 25.",
                                 "8은 가중치의 합입니다. 이를 제곱한 뒤 가중치 제곱의 합(1 + 1 + 1 + 25)으로 "
                                 "나누세요.")},
                   otherwise=("compute (1 + 1 + 1 + 5)² and divide by 1² + 1² + 1² + 5².",
                              "(1 + 1 + 1 + 5)²를 계산해 1² + 1² + 1² + 5²로 나누세요."))


def check_reported_likelihoods(answer: Any) -> Feedback:
    """Paper A: −95 nats from 1 draw per digit; paper B (another model): −93 from 5000 draws. Which model is "
    "better?"""
    return choose(answer, {
        "cannot tell": right("with one draw per digit the estimate is, on average, the ELBO: a lower bound that "
                             "can sit several nats below log p(x) (this notebook measured gaps of 2 to 9 nats per "
                             "digit). Model A's true log-likelihood may well lie above −93. Compare models with "
                             "the same estimator and many draws.",
                             "뽑은 값이 숫자마다 하나뿐이면 추정값은 평균적으로 ELBO, 곧 log p(x)보다 몇 내트 "
                             "아래에 있을 수 있는 하한입니다(이 노트북에서는 숫자마다 2~9내트의 틈을 쟀습니다). "
                             "모델 A의 실제 로그 우도는 −93보다 높을 수도 있습니다. 모델은 같은 추정 방법으로, "
                             "많이 뽑아서 비교해야 합니다."),
        "the second": wrong("−93 is higher than −95, but the two numbers are not measured the same way. One draw "
                            "per digit gives the ELBO on average, a bound that sits below log p(x) by the gap; "
                            "5000 draws close most of that gap.",
                            "−93이 −95보다 높기는 하지만, 두 수는 같은 방법으로 잰 것이 아닙니다. 숫자마다 하나만 "
                            "뽑으면 평균적으로 ELBO가 나오는데, 이 하한은 그 틈만큼 log p(x)보다 낮습니다. "
                            "5000개를 뽑으면 그 틈이 대부분 메워집니다."),
        "the first": wrong("a lower number is a worse likelihood, not a better one: −95 nats is less likely "
                           "than −93. The question is whether the two numbers measure the same thing.",
                           "수가 낮을수록 우도가 나쁜 것입니다. −95내트는 −93내트보다 가능성이 낮습니다. 물어야 "
                           "할 것은 두 수가 같은 것을 쟀느냐입니다."),
    }, what=('"the first", "the second" or "cannot tell"', '"the first", "the second", "cannot tell" 중 하나'),
       aliases={"first": "the first", "second": "the second", "a": "the first", "b": "the second",
                "알 수 없다": "cannot tell", "첫 번째": "the first", "두 번째": "the second",
                "모른다": "cannot tell", "can't tell": "cannot tell"})


NARROWER_PREDICTIONS = ("rises", "about the same", "falls")


def check_narrower_cloud(answer: Any, prediction: Any = None) -> Feedback:
    """The change in test image 0's estimate of log p(x), m = 20, when the encoder's σ is halved (sigma_scale = 0.5),
    and the prediction written first: "rises", "about the same" or "falls"."""
    key = read_prediction(prediction, NARROWER_PREDICTIONS,
                          aliases={"오른다": "rises", "비슷하다": "about the same", "거의 같다": "about the same",
                                   "떨어진다": "falls", "rise": "rises", "fall": "falls"})
    if isinstance(key, Feedback):
        return key
    value = read(answer, ("a number, the change in nats", "수(내트 단위의 변화)"), as_number)
    if isinstance(value, Feedback):
        return value
    if -1.5 <= value <= 1.5:
        return wrong("a change this small is what sigma_scale = 1.0 gives, the encoder's own cloud against "
                     "itself: set sigma_scale = 0.5 in the cell, run it, and answer with the change it prints.",
                     "이렇게 작은 변화는 sigma_scale = 1.0, 곧 인코더의 구름을 자기 자신과 견준 값입니다. "
                     "셀에서 sigma_scale = 0.5로 두고 실행한 다음, 출력된 변화로 답하세요.")
    if value > 0:
        return wrong("the estimate should not rise when the proposal narrows; a positive change is what a wider "
                     "cloud can give. Check that sigma_scale is 0.5, and answer with (estimate at 0.5) − "
                     "(estimate at 1).",
                     "제안 분포가 좁아지면 추정값이 오르지 않습니다. 양수 변화는 더 넓은 구름에서 나올 수 있는 "
                     "값입니다. sigma_scale이 0.5인지 확인하고, (0.5일 때의 추정값) − (1일 때의 추정값)으로 답하세요.")
    if value < -15:
        return wrong("a drop this large is more than our runs gave (about 4 to 7 nats): answer with the change the "
                     "cell prints, the estimate at sigma_scale = 0.5 minus the one at 1.0, not an estimate itself.",
                     "이렇게 크게 떨어지는 것은 우리 실행(약 4~7내트)보다 큽니다. 추정값 자체가 아니라, 셀이 "
                     "출력한 변화(sigma_scale = 0.5일 때의 추정값 − 1.0일 때의 추정값)로 답하세요.")
    return with_prediction(right(
        "a narrower cloud lowered the estimate by several nats. Its draws stay in the middle of where the "
        "likelihood lives and never reach the rest, so the average misses part of p(x) and its log lands low. "
        "Wider proposals are safer: with σ doubled our estimates moved by a nat at most.",
        "구름이 좁아지자 추정값이 몇 내트 떨어졌습니다. 좁은 구름에서 뽑은 값은 사후분포 질량의 가운데에만 "
        "머물고 나머지에는 닿지 못하므로, 평균이 p(x)의 일부를 놓치고 그 로그가 낮게 나옵니다. 제안 분포는 넓은 "
        "쪽이 안전합니다. σ를 두 배로 늘렸을 때 우리 추정값은 많아야 1내트 움직였습니다."), key == "falls")
