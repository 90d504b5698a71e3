"""Checks for notebook 02 (the encoder, 인코더)."""

from __future__ import annotations

from typing import Any

import torch
from torch import nn

from aelib.exercises.feedback import (
    Feedback,
    as_number,
    as_whole_number,
    choose,
    is_unanswered,
    layers_in_order,
    linear_widths,
    predict_first,
    read,
    right,
    topic,
    unanswered,
    verdict,
    wrong,
)


def check_parameter_count(answer: Any) -> Feedback:
    """Parameters of an encoder 784 → 128 → 16 made of two Linear layers."""
    value = read(answer, ("a whole number", "정수"), as_whole_number)
    if isinstance(value, Feedback):
        return value
    weights = 784 * 128 + 128 * 16
    one_layer = ("that is one layer; there are two.", "층 하나만 센 값입니다. 층은 두 개입니다.")
    return verdict(value, weights + 128 + 16,
                   right_because=("weights a·b plus one bias per output, for each layer.",
                                  "층마다 가중치 a·b개에 출력 하나당 편향(bias) 하나씩을 더합니다."),
                   mistakes={weights: ("you counted the weight matrices; each output node also has a bias.",
                                       "가중치 행렬만 세었습니다. 출력 노드마다 편향(bias)도 하나씩 있습니다."),
                             784 * 128 + 128: one_layer, 128 * 16 + 16: one_layer},
                   otherwise=(f"{value} is off: a Linear(a, b) layer has a·b weights and b biases.",
                              f"{topic(str(value))} 맞지 않습니다. "
                              "Linear(a, b) 층에는 가중치 a·b개와 편향 b개가 있습니다."))


def is_affine(module: nn.Module) -> bool:
    """Whether ``module`` maps 784 numbers affinely: f(a + b) = f(a) + f(b) − f(0), on random inputs."""
    a, b = torch.rand(2, 3, 784, generator=torch.Generator().manual_seed(0))  # leaves the learner's seed alone
    with torch.no_grad():
        gap = module(a + b) - module(a) - module(b) + module(torch.zeros(3, 784))
    return bool(gap.abs().max() < 1e-4)


def check_encoder(module: Any) -> Feedback:
    """An encoder 784 → 128 → 32 → 8 (an nn.Sequential or a class of one's own) with nonlinearities between
    the Linear layers and none after the last."""
    if is_unanswered(module):
        return unanswered(("an encoder: one instance of your class, or an nn.Sequential(...)",
                           "인코더: 직접 만든 클래스의 객체 하나, 또는 nn.Sequential(...)"))
    widths = linear_widths(module)
    if isinstance(widths, Feedback):
        return widths
    if widths != [(784, 128), (128, 32), (32, 8)]:
        return wrong(f"the Linear layers go {widths}; they should go 784 → 128 → 32 → 8.",
                     f"Linear 층들의 (입력, 출력) 너비가 {widths}입니다. 784 → 128 → 32 → 8로 이어져야 합니다.")
    try:
        with torch.no_grad():
            out = module(torch.rand(5, 784))
    except Exception as exc:  # a learner's module can fail in any way; say how
        return wrong(f"running it on a batch of shape [5, 784] failed: {type(exc).__name__}: {exc}",
                     f"모양이 [5, 784]인 배치로 실행하자 오류가 났습니다"
                     f"(파이썬의 오류 메시지: `{type(exc).__name__}: {exc}`)")
    if tuple(out.shape) != (5, 8):
        return wrong(f"a batch of shape [5, 784] should come out as [5, 8], but came out as {list(out.shape)}.",
                     f"모양이 [5, 784]인 배치를 넣으면 [5, 8]이 나와야 하는데, "
                     f"나온 모양은 {list(out.shape)}입니다.")
    kinds = ["linear" if isinstance(c, nn.Linear) else "other" for c in layers_in_order(module)]
    functional = "other" not in kinds  # no activation module: perhaps F.silu inside forward
    misplaced = kinds.count("other") < 2 or kinds[-1] != "linear" or "linear, linear" in ", ".join(kinds)
    if is_affine(module) if functional else misplaced:
        return wrong("put a nonlinearity (e.g. nn.SiLU() or nn.ReLU()) between the Linear layers, and none after "
                     "the last one, so z can take any value.",
                     "Linear 층 사이사이에 비선형 함수(예: nn.SiLU()나 nn.ReLU())를 넣고, 마지막 층 뒤에는 "
                     "아무것도 넣지 마세요. 그래야 z가 어떤 값이든 가질 수 있습니다.")
    return right("784 numbers in, 8 out, with a nonlinearity between the layers.",
                 "수 784개가 들어가서 8개가 나오고, 층 사이에는 비선형 함수가 있습니다.")


@predict_first
def check_untrained_neighbours(answer: Any) -> Feedback:
    """How often an untrained encoder's nearest code shows the same digit, against shuffled labels."""
    return choose(answer, {
        "above chance": right("the random weights were drawn once and then fixed, so each code number is one fixed "
                              "weighted sum of the pixels, and such sums keep coarse properties a whole digit class "
                              "shares, such as how much ink it has. Above chance, but far from always: nothing has "
                              "asked the two numbers to keep what makes a 3 a 3.",
                              "무작위 가중치는 한 번 뽑힌 뒤 고정되므로, 코드의 수 하나하나는 픽셀에 고정된 가중치를 "
                              "곱해 더한 값입니다. 이런 합에는 잉크의 양처럼 한 숫자 전체가 공유하는 대략적인 성질이 "
                              "남습니다. 그래서 우연보다는 자주 일치하지만 늘 일치하는 것과는 거리가 멉니다. 3을 "
                              "3답게 만드는 특징을 두 수에 담으라고 요구한 것이 아무것도 없기 때문입니다."),
        "chance": wrong("random weights do not make random codes. The weights were drawn once and stay fixed, so "
                        "every digit goes through the same weighted sums of its pixels, and digits alike in coarse "
                        "ways (how much ink) get alike codes. The printout puts the real labels next to shuffled "
                        "ones: look at the gap.",
                        "무작위 가중치가 무작위 코드를 만드는 것은 아닙니다. 가중치는 한 번 뽑힌 뒤 고정되어 "
                        "있으므로 모든 숫자가 같은 가중합을 거치고, 잉크의 양처럼 대략적인 성질이 비슷한 숫자는 "
                        "비슷한 코드를 받습니다. 출력에는 진짜 레이블로 잰 값과 뒤섞은 레이블로 잰 값이 나란히 "
                        "있습니다. 그 차이를 보세요."),
        "almost always": wrong("the shape of the layers does not know what a digit is, and these weights have "
                               "learned nothing. The codes keep only what random weighted sums happen to keep: in "
                               "the printout most codes still have a nearest neighbour from another digit.",
                               "층의 생김새는 숫자가 무엇인지 모르고, 이 가중치는 아무것도 배우지 않았습니다. "
                               "코드에는 무작위 가중합이 우연히 남기는 것만 남습니다. 출력을 보면 "
                               "대부분의 코드는 여전히 가장 가까운 이웃이 다른 숫자의 코드입니다."),
    }, what=('"chance", "above chance" or "almost always"', '"chance", "above chance", "almost always" 중 하나'),
       aliases={"no better than chance": "chance", "random": "chance", "우연": "chance", "우연 수준": "chance",
                "better than chance": "above chance", "more than chance": "above chance",
                "우연보다 높다": "above chance", "always": "almost always", "거의 항상": "almost always",
                "항상": "almost always"})


def check_untrained_linear_code(answer: Any, activation: Any) -> Feedback:
    """The untrained encoder's same-digit neighbour share with m = 16 and no nonlinearity (nn.Identity)."""
    if is_unanswered(answer):
        return unanswered(("the share the cell prints once activation = nn.Identity, a number",
                           "activation = nn.Identity로 바꾼 뒤 셀이 출력하는 비율(수)"))
    if activation is not torch.nn.Identity:
        return wrong("first set activation = nn.Identity in the cell above (no nonlinearity at all) and run it; "
                     f"the cell still uses {getattr(activation, '__name__', activation)}.",
                     "먼저 위 셀에서 activation = nn.Identity로 바꾸고(비선형 함수 없이) 실행하세요. 셀은 아직 "
                     f"{getattr(activation, '__name__', activation)}을(를) 쓰고 있습니다.")
    value = read(answer, ("a number", "수"), as_number)
    if isinstance(value, Feedback):
        return value
    return verdict(value, 0.595, tolerance=0.03,
                   right_because=("about 60%, the same as with SiLU. PyTorch's starting weights are small, so every "
                                  "SiLU works on inputs near 0, where it is almost a straight line: an untrained "
                                  "encoder is nearly a random linear map anyway, and a random map into 16 numbers "
                                  "keeps most neighbourhoods of the pixels. What loses them is the size of the code, "
                                  "not the nonlinearity. The nonlinearity starts to matter once training moves the "
                                  "weights (notebook 05 compares a linear autoencoder with PCA).",
                                  "약 60%로, SiLU를 썼을 때와 같습니다. 파이토치의 초기 가중치는 작아서 SiLU는 늘 0 "
                                  "근처의 입력만 받는데, 거기서 SiLU는 거의 직선입니다. 그래서 학습하지 않은 인코더는 "
                                  "어차피 무작위 선형 사상에 가깝고, 수 16개로 가는 무작위 사상은 픽셀의 이웃 관계를 "
                                  "대부분 지킵니다. 이웃 관계를 잃게 만드는 것은 비선형 함수가 아니라 코드의 "
                                  "크기입니다. 비선형 함수는 학습으로 가중치가 움직이기 시작할 때 중요해집니다"
                                  "(노트북 05에서 선형 오토인코더를 PCA와 비교합니다)."),
                   mistakes={0.16: ("that is the share with m = 2 from the main text; this cell uses m = 16.",
                                    "그것은 본문에서 m = 2일 때의 비율입니다. 이 셀은 m = 16을 씁니다."),
                             0.09: ("that is chance, the share with shuffled labels; answer the share the cell prints.",
                                    "그것은 레이블을 뒤섞었을 때의 비율, 곧 우연 수준입니다. 셀이 출력하는 비율을 "
                                    "답하세요.")},
                   otherwise=(f"{value:g} is not what the cell prints with nn.Identity: answer the share as a number "
                              "between 0 and 1 (e.g. 0.25 for 25%).",
                              f"{topic(format(value, 'g'))} nn.Identity로 바꾼 셀이 출력하는 값이 아닙니다. "
                              "비율을 0과 1 사이의 "
                              "수로 답하세요(예: 25%면 0.25)."))
