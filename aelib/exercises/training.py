"""Checks for notebook 05 (training with MSE)."""

from __future__ import annotations

from typing import Any

import torch

from aelib.data import load_mnist
from aelib.exercises.feedback import (
    Feedback,
    as_number,
    choose,
    predict_first,
    read,
    right,
    topic,
    unanswered,
    verdict,
    wrong,
)
from aelib.models import AutoEncoder


def check_mse_by_hand(answer: Any) -> Feedback:
    """MSE between x = (1, 0, 0, 1) and x̂ = (0.5, 0, 0.5, 1)."""
    value = read(answer, ("a number", "수"), as_number)
    if isinstance(value, Feedback):
        return value
    return verdict(value, 0.125, tolerance=1e-9,
                   right_because=("(0.25 + 0 + 0.25 + 0) / 4.", "(0.25 + 0 + 0.25 + 0) / 4입니다."),
                   mistakes={0.5: ("that is the sum of the squares; MSE divides by n = 4.",
                                   "그것은 제곱의 합입니다. MSE는 이 합을 n = 4로 나눕니다."),
                             0.25: ("that is the mean absolute difference: square each difference first (0.5² = 0.25).",
                                    "그것은 차이의 절댓값을 평균한 값입니다. 차이마다 먼저 제곱하세요(0.5² = 0.25).")},
                   otherwise=(f"{value:g} is off: square each of the 4 differences, add them, divide by 4.",
                              f"{topic(format(value, 'g'))} 맞지 않습니다. "
                              "차이 4개를 각각 제곱해서 더한 다음 4로 나누세요."))


def check_train_step(train_step: Any) -> Feedback:
    """``train_step(model, optimizer, x) -> float`` must do the four steps and lower the loss."""
    if not callable(train_step):
        return wrong(f"train_step should be a function, but it is a {type(train_step).__name__}.",
                     f"train_step은 함수여야 하는데 {type(train_step).__name__}입니다.")
    torch.manual_seed(0)
    model = AutoEncoder(latent_dim=2, hidden=(32,))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
    x, _ = load_mnist("test", limit=128)
    before = [p.detach().clone() for p in model.parameters()]
    losses: list[float] = []
    for _ in range(40):
        try:
            value = train_step(model, optimizer, x)
        except Exception as exc:  # a learner's function can fail in any way; say how
            return wrong(f"calling train_step(model, optimizer, x) failed: {type(exc).__name__}: {exc}",
                         f"train_step(model, optimizer, x) 호출에서 오류가 났습니다"
                         f"(파이썬의 오류 메시지: `{type(exc).__name__}: {exc}`)")
        if value is None and not losses:
            if all(torch.equal(a, b) for a, b in zip(before, model.parameters(), strict=True)):
                return unanswered(("the four steps in train_step's body", "train_step 본문의 네 단계"))
            return wrong("train_step should return the loss as a float (loss.item()).",
                         "train_step은 손실을 float 값(loss.item())으로 반환해야 합니다.")
        if isinstance(value, torch.Tensor) and value.numel() == 1:
            return wrong("return a plain float: loss.item(), not the loss tensor (that keeps the graph alive).",
                         "손실 텐서 말고 평범한 float 값인 loss.item()을 반환하세요(텐서를 반환하면 계산 그래프가 "
                         "메모리에 계속 남습니다).")
        if not isinstance(value, float):
            return wrong(f"train_step should return the loss as a float, but returned {value!r}.",
                         f"train_step은 손실을 float 값으로 반환해야 하는데, 반환한 값은 {value!r}입니다.")
        losses.append(value)
    changed = [not torch.equal(a, b) for a, b in zip(before, model.parameters(), strict=True)]
    if not all(changed):
        return wrong("some weights never changed: did you call optimizer.step() after loss.backward()?",
                     "한 번도 바뀌지 않은 가중치가 있습니다. loss.backward() 다음에 optimizer.step()을 호출했나요?")
    if not losses[-1] < 0.7 * losses[0]:
        return wrong(f"the loss went from {losses[0]:.4f} to {losses[-1]:.4f} in 40 steps: is the target x itself, "
                     "and do you call optimizer.zero_grad() each step?",
                     f"40단계를 거치는 동안 손실의 변화는 {losses[0]:.4f} → {losses[-1]:.4f}입니다. "
                     "목표값이 x 자신인가요? 그리고 단계마다 optimizer.zero_grad()를 호출하나요?")
    return right(f"40 steps took the loss from {losses[0]:.4f} to {losses[-1]:.4f}.",
                 f"40단계 만에 손실이 {losses[0]:.4f}에서 {losses[-1]:.4f}까지 내려갔습니다.")


def check_shuffled_labels(answer: Any) -> Feedback:
    """What shuffling the labels does to an autoencoder trained with fit."""
    return choose(answer, {
        "no change": right("fit never sees a label: the target of every image is the image itself.",
                           "fit은 레이블을 한 번도 보지 않습니다. 모든 이미지의 목표값은 그 이미지 자신입니다."),
        "worse": wrong("wrong labels would mislead a model trained to predict labels, like the judge in section "
                       "'Lower error, but the right digit?'. The autoencoder is not such a model: fit takes no "
                       "labels, and its loss compares each image with its own reconstruction, F.mse_loss(model(x), "
                       "x) in section 'The same loop, packaged'. The shuffled labels have nowhere to do harm.",
                       "틀린 레이블은 ‘오차는 낮아졌지만, 숫자는 맞을까?’ 절의 판정기(judge)처럼 레이블을 "
                       "예측하도록 학습하는 모델이라면 잘못 이끌 것입니다. 오토인코더는 그런 모델이 아닙니다. "
                       "fit은 레이블을 받지 않고, 손실은 각 이미지를 그 이미지의 복원과 비교합니다(‘같은 루프를 "
                       "묶어 둔 함수’ 절의 F.mse_loss(model(x), x)). 뒤섞인 레이블이 해를 끼칠 곳이 없습니다."),
        "better": wrong("you may be thinking of shuffling the order of the images, which is a different thing: "
                        "the loop in section 'The training loop, four steps' already draws a new random order "
                        "every epoch (torch.randperm). The labels themselves were thrown away when the data was "
                        "loaded, so mixing them up cannot help either.",
                        "이미지의 순서를 뒤섞는 것을 떠올렸을지도 모르지만, 그것은 다른 이야기입니다. ‘학습 "
                        "루프의 네 단계’ 절의 루프는 이미 에포크마다 새로운 무작위 순서를 뽑습니다(torch.randperm). "
                        "레이블 자체는 데이터를 불러올 때 버렸으므로, 레이블을 뒤섞는다고 도움이 될 수도 없습니다."),
    }, what=('"no change", "worse" or "better"', '"no change", "worse", "better" 중 하나'),
       aliases={"same": "no change", "unchanged": "no change", "nothing": "no change", "no difference": "no change",
                "변화 없음": "no change", "그대로": "no change", "나빠진다": "worse", "나빠짐": "worse",
                "좋아진다": "better", "좋아짐": "better"})


@predict_first
def check_blur_prediction(answer: Any) -> Feedback:
    """Predicted before the computation: which guess has the lower expected squared error, sharp or blurred?"""
    return choose(answer, {
        "blur": right("the average of the two positions is never fully right, but never badly wrong either: "
                      "each of its pixels is off by half the ink, and squaring makes two half-errors cost less "
                      "than one whole error (2 × 0.5² = 0.5 < 1). Its expected squared error is half a sharp "
                      "guess's, so training with MSE pulls the decoder toward blur.",
                      "두 위치의 평균은 완전히 맞는 일도 없지만 크게 틀리는 일도 없습니다. 그 픽셀은 저마다 "
                      "잉크의 절반만큼 빗나가는데, 제곱을 하면 절반짜리 오차 두 개의 비용이 온전한 오차 하나보다 "
                      "작습니다(2 × 0.5² = 0.5 < 1). 흐린 출력의 제곱오차 기댓값은 선명한 추측의 절반이므로, "
                      "MSE로 학습하면 디코더가 흐린 쪽으로 끌려갑니다."),
        "sharp": wrong("a sharp guess is exactly right half the time, but the other half it pays in full twice: "
                       "ink where there is none, and none where the ink is. Squared error punishes those big "
                       "misses more than the blur's many half-misses.",
                       "선명한 추측은 절반의 경우에는 정확히 맞지만, 나머지 절반에서는 두 번이나 온전히 비용을 "
                       "치릅니다. 잉크가 없는 곳에 잉크를 칠하고, 잉크가 있는 곳은 비워 두기 때문입니다. "
                       "제곱오차는 이렇게 크게 빗나간 것을, 흐린 출력이 여러 번 절반씩 빗나간 것보다 더 무겁게 "
                       "벌합니다."),
        "same": wrong("that is true of the absolute error: there, the blur's half-misses add up to exactly what "
                      "a sharp guess pays. Squaring makes a half-miss cost only a quarter, so under MSE the two "
                      "are not the same.",
                      "그것은 절대오차일 때의 이야기입니다. 절대오차에서는 흐린 출력이 절반씩 빗나간 것을 모두 "
                      "더하면 선명한 추측이 치르는 비용과 정확히 같습니다. 제곱을 하면 절반 빗나간 것의 비용이 "
                      "4분의 1로 줄어들므로, MSE에서는 둘이 같지 않습니다."),
    }, what=('"sharp", "blur" or "same"', '"sharp", "blur", "same" 중 하나'),
       aliases={"blurred": "blur", "average": "blur", "the average": "blur", "흐린 것": "blur", "평균": "blur",
                "sharp guess": "sharp", "선명한 것": "sharp", "equal": "same", "같다": "same"})


def check_three_positions(answer: Any) -> Feedback:
    """With three equally likely stroke positions, which guess has the lower expected *absolute* error?"""
    return choose(answer, {
        "sharp": right("the blur still wins under squared error, as it always does (the mean minimises the mean "
                       "squared difference), but under absolute error the sharp middle stroke wins: the value that "
                       "minimises the mean absolute difference is the median, and the median of three positions "
                       "is the middle one. So it is squaring that makes MSE prefer blur; a loss like the absolute "
                       "error pulls toward one sharp possibility instead.",
                       "제곱오차에서는 여전히 흐린 출력이 이깁니다(평균은 제곱 차이의 평균을 가장 작게 만드는 "
                       "값이므로 언제나 그렇습니다). 하지만 절대오차에서는 선명한 가운데 획이 이깁니다. 절대 차이의 "
                       "평균을 가장 작게 만드는 값은 중앙값이고, 세 위치의 중앙값은 가운데 위치이기 때문입니다. "
                       "그러니 MSE가 흐린 출력을 좋아하게 만드는 것은 제곱입니다. 절대오차 같은 손실은 오히려 "
                       "선명한 한 가지 가능성 쪽으로 끌어당깁니다."),
        "blur": wrong("look at the absolute-error column again after running with shifts = (-1, 0, 1): the blur "
                      "wins only under squared error there. The average minimises squared error; under absolute "
                      "error the best single value is the median.",
                      "shifts = (-1, 0, 1)로 실행한 뒤 절대오차 열을 다시 보세요. 흐린 출력이 이기는 것은 "
                      "제곱오차뿐입니다. 평균은 제곱오차를 가장 작게 만들고, 절대오차에서 가장 좋은 값은 "
                      "중앙값입니다."),
        "same": wrong("that was true with two positions. With three, run the cell with shifts = (-1, 0, 1) and "
                      "compare the absolute-error column: the two numbers differ.",
                      "위치가 두 개일 때는 그랬습니다. 세 개일 때는 shifts = (-1, 0, 1)로 셀을 실행하고 절대오차 "
                      "열을 비교해 보세요. 두 수가 다릅니다."),
    }, what=('"sharp", "blur" or "same"', '"sharp", "blur", "same" 중 하나'),
       aliases={"blurred": "blur", "average": "blur", "흐린 것": "blur", "평균": "blur", "sharp guess": "sharp",
                "선명한 것": "sharp", "middle": "sharp", "equal": "same", "같다": "same"})


def check_absolute_error_grey(answer: Any) -> Feedback:
    """The m = 8 autoencoder retrained with the absolute error: are its reconstructions less grey?"""
    return choose(answer, {
        "less grey": right("in our run the median grey share fell from 0.39 to 0.23, even more solid than the real "
                           "test digits (0.29), while the test MSE rose (0.017 to about 0.030): with 8 numbers as with "
                           "2, the absolute error rewards one sharp guess, the median, and pays for it in squared "
                           "error. Whatever uncertainty the code leaves, the squaring turns into grey.",
                           "우리가 실행했을 때 회색 비율의 중앙값은 0.39에서 0.23으로 떨어져, 실제 테스트 "
                           "숫자(0.29)보다도 단단해졌고, 테스트 MSE는 올라갔습니다(0.017에서 약 0.030으로). "
                           "수가 2개일 때처럼 8개일 때도 절대오차는 선명한 추측 하나, 곧 중앙값에 보상을 주고, "
                           "그 대가를 제곱오차로 치릅니다. "
                           "코드가 남기는 불확실성이 얼마든, 그것을 회색으로 바꾸는 것은 제곱입니다."),
        "as grey": wrong("the grey comes from averaging what the code cannot pin down; under the absolute error the "
                         "best guess is the median, not the average. Run the cell with loss_to_try = \"absolute\" "
                         "and compare the grey shares.",
                         "회색은 코드가 정하지 못하는 것들을 평균 내는 데서 옵니다. 절대오차에서 가장 좋은 추측은 "
                         "평균이 아니라 중앙값입니다. loss_to_try = \"absolute\"로 셀을 실행하고 회색 비율을 "
                         "비교해 보세요."),
        "greyer": wrong("the absolute error punishes a half-miss exactly half as much as a full miss, so it gives "
                        "blur no advantage (the toy above: the same absolute error for blur and sharp). Run the "
                        "cell with loss_to_try = \"absolute\" and compare.",
                        "절대오차는 절반 빗나간 것을 온전히 빗나간 것의 정확히 절반만큼만 벌하므로, 흐린 출력에 "
                        "아무런 이점도 주지 않습니다(위의 장난감 예: 흐린 것과 선명한 것의 절대오차가 같았습니다). "
                        "loss_to_try = \"absolute\"로 셀을 실행해서 비교해 보세요."),
    }, what=('"less grey", "as grey" or "greyer"', '"less grey", "as grey", "greyer" 중 하나'),
       aliases={"sharper": "less grey", "less": "less grey", "same": "as grey", "more grey": "greyer",
                "덜 회색": "less grey", "더 선명": "less grey", "같다": "as grey", "더 회색": "greyer"})
