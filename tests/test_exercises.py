"""The exercise checks of notebooks 01-05: right answers pass, typical mistakes get a specific hint."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
from torch import nn

from aelib.exercises import encoder, manifold

pytestmark = pytest.mark.numeric  # results can change under another CPU's kernels: lane 2 re-runs it


def test_encoder_parameter_count():
    assert encoder.check_parameter_count(784 * 128 + 128 + 128 * 16 + 16)
    assert "bias" in encoder.check_parameter_count(784 * 128 + 128 * 16).message
    assert "one layer" in encoder.check_parameter_count(784 * 128 + 128).message
    assert encoder.check_parameter_count(...).status == "unanswered"


def test_encoder_module_check():
    good = nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 32), nn.ReLU(), nn.Linear(32, 8))
    assert encoder.check_encoder(good)
    linear_only = nn.Sequential(nn.Linear(784, 128), nn.Linear(128, 32), nn.Linear(32, 8))
    assert "nonlinearity" in encoder.check_encoder(linear_only).message
    wrong_widths = nn.Sequential(nn.Linear(784, 64), nn.ReLU(), nn.Linear(64, 8))
    assert "784 → 128 → 32 → 8" in encoder.check_encoder(wrong_widths).message
    assert "nn.Module" in encoder.check_encoder([1, 2]).message


class ThreeLayers(nn.Module):
    """A learner's own encoder class 784 → 128 → 32 → 8, its activation applied as a function in forward."""

    def __init__(self, activation):
        super().__init__()
        self.first, self.second, self.third = nn.Linear(784, 128), nn.Linear(128, 32), nn.Linear(32, 8)
        self.activation = activation

    def forward(self, x):
        return self.third(self.activation(self.second(self.activation(self.first(x)))))


class Wrapped(nn.Module):
    """A learner's own class holding an nn.Sequential, as MyEncoder in notebook 02 does."""

    def __init__(self, *layers):
        super().__init__()
        self.layers = nn.Sequential(*layers)

    def forward(self, x):
        return self.layers(x)


def test_encoder_check_accepts_a_class_of_ones_own():
    assert encoder.check_encoder(Wrapped(nn.Linear(784, 128), nn.SiLU(), nn.Linear(128, 32), nn.SiLU(),
                                         nn.Linear(32, 8)))
    assert encoder.check_encoder(ThreeLayers(torch.relu))  # an activation the module does not list
    assert "nonlinearity" in encoder.check_encoder(ThreeLayers(lambda h: 2 * h)).message  # linear throughout
    after_last = Wrapped(nn.Linear(784, 128), nn.SiLU(), nn.Linear(128, 32), nn.SiLU(), nn.Linear(32, 8), nn.SiLU())
    assert "none after" in encoder.check_encoder(after_last).message


def test_encoder_check_accepts_one_activation_used_twice():
    act = nn.SiLU()  # Sequential lists it at both positions; module.children() would list it once
    assert encoder.check_encoder(nn.Sequential(nn.Linear(784, 128), act, nn.Linear(128, 32), act, nn.Linear(32, 8)))


def test_linear_untrained_code_check_wants_the_change_made_first():
    assert "nn.Identity" in encoder.check_untrained_linear_code(0.6, nn.SiLU).message
    assert encoder.check_untrained_linear_code(0.6, nn.Identity)
    assert "m = 2" in encoder.check_untrained_linear_code(0.16, nn.Identity).message
    assert not encoder.check_untrained_linear_code(0.3, nn.Identity)


def pca_neighbour_agreement(train: torch.Tensor, train_labels: torch.Tensor, test: torch.Tensor,
                            test_labels: torch.Tensor, m: int) -> float:
    """Notebook 03's measure, computed without aelib: the share of test images whose nearest training image,
    compared by their m PCA codes, shows the same digit. The principal directions come from numpy's eigh of
    the float64 scatter matrix; the nearest neighbours from a brute-force search over exact differences."""
    x = train.numpy()
    mean = x.mean(axis=0, dtype=np.float64)
    scatter = np.zeros((x.shape[1], x.shape[1]))
    for start in range(0, len(x), 5000):  # in float64, a slice at a time
        centred = x[start : start + 5000].astype(np.float64) - mean
        scatter += centred.T @ centred
    _, vectors = np.linalg.eigh(scatter)  # ascending eigenvalues: the last m columns are PCA's directions
    directions = np.ascontiguousarray(vectors[:, -m:])
    slices = range(0, len(x), 5000)
    train_codes = torch.from_numpy(np.concatenate([(x[i : i + 5000] - mean) @ directions for i in slices]))
    test_codes = torch.from_numpy((test.numpy() - mean) @ directions)
    nearest = torch.cdist(test_codes, train_codes, compute_mode="donot_use_mm_for_euclid_dist").argmin(dim=1)
    return float((train_labels[nearest] == test_labels).double().mean())


def test_latent_checks():
    from aelib.data import load_mnist
    from aelib.exercises import latent

    assert latent.check_batch_shape((64, 8)) and latent.check_batch_shape(torch.Size([64, 8]))
    assert "swapped" in latent.check_batch_shape((8, 64)).message
    train, train_labels = load_mnist("train", limit=20_000)  # the data notebook 03 measures on
    test, test_labels = load_mnist("test", limit=2_000)
    expected = pca_neighbour_agreement(train, train_labels, test, test_labels, m=32)
    assert 0.9 < expected < 0.99
    assert abs(latent._pca_agreement() - expected) <= 2 / 2_000  # the check's answer: at most 2 images differ
    assert latent.check_pca_agreement(expected)
    assert not latent.check_pca_agreement(expected - 0.05)
    assert "percentage" in latent.check_pca_agreement(expected * 100).message
    assert latent.check_permuted_codes(False) and not latent.check_permuted_codes(True)
    assert "True or False" in latent.check_permuted_codes("no").message


def test_decoder_checks():
    from aelib.exercises import decoder

    assert decoder.check_output_shape((32, 784))
    assert "input z" in decoder.check_output_shape((32, 16)).message
    by_hand = (16 * 128 + 128) + (128 * 784 + 784)  # = 103,312
    assert by_hand == sum(p.numel() for p in nn.Sequential(nn.Linear(16, 128), nn.Linear(128, 784)).parameters())
    assert decoder.check_mirrored_decoder_parameters(by_hand) and decoder.check_mirrored_decoder_parameters(103_312.0)
    assert "one bias per output" in decoder.check_mirrored_decoder_parameters(102_544).message
    assert "m = 16" in decoder.check_mirrored_decoder_parameters(102_544 + 782).message
    assert not decoder.check_mirrored_decoder_parameters(by_hand + 1)
    good = nn.Sequential(nn.Linear(16, 128), nn.SiLU(), nn.Linear(128, 784), nn.Sigmoid())
    assert decoder.check_decoder(good)
    no_sigmoid = nn.Sequential(nn.Linear(16, 128), nn.SiLU(), nn.Linear(128, 784))
    assert "nn.Sigmoid()" in decoder.check_decoder(no_sigmoid).message


def test_training_checks():
    from aelib.exercises import training

    assert training.check_mse_by_hand(0.125)
    assert "divides by n" in training.check_mse_by_hand(0.5).message

    def good_step(model, optimizer, x):
        loss = ((model.decoder(model.encoder(x)) - x) ** 2).mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        return loss.item()

    def forgets_to_step(model, optimizer, x):
        loss = ((model.decoder(model.encoder(x)) - x) ** 2).mean()
        loss.backward()
        return loss.item()

    def returns_tensor(model, optimizer, x):
        return ((model.decoder(model.encoder(x)) - x) ** 2).mean()

    def placeholder(model, optimizer, x):
        ...

    assert training.check_train_step(good_step)
    assert "optimizer.step()" in training.check_train_step(forgets_to_step).message
    assert "plain float" in training.check_train_step(returns_tensor).message
    assert training.check_train_step(placeholder).status == "unanswered"
    assert "failed" in training.check_train_step(lambda m, o, x: m.nope).message
    assert training.check_shuffled_labels("no change") and not training.check_shuffled_labels("worse")


def test_generation_checks():
    from aelib.data import load_mnist
    from aelib.exercises import generation
    from aelib.pretrained import load_autoencoder_2d

    assert generation.check_reconstruction_or_generation("reconstruction")
    assert not generation.check_reconstruction_or_generation("generation")
    codes = torch.tensor([[0.0, 0.0], [10.0, 10.0]])
    low, high = torch.tensor([-1.0, -1.0]), torch.tensor([11.0, 11.0])
    assert generation.check_point_in_hole(torch.tensor([5.0, 5.0]), codes, low, high)
    assert "only" in generation.check_point_in_hole(torch.tensor([0.5, 0.5]), codes, low, high).message
    assert "outside the central box" in generation.check_point_in_hole(torch.tensor([50.0, 5.0]), codes, low,
                                                                        high).message
    assert "shape [2]" in generation.check_point_in_hole(torch.zeros(3), codes, low, high).message
    model, (images, _) = load_autoencoder_2d(), load_mnist("test", limit=2)
    za, zb = model.encode(images)
    assert generation.check_latent_midpoint((za + zb) / 2, model, images)
    blend = model.encode(images.mean(0, keepdim=True))[0]
    assert "pixel blend" in generation.check_latent_midpoint(blend, model, images).message


def test_fitted_gaussian_check_recomputes_the_mismatch_of_the_draws():
    from aelib.data import load_mnist
    from aelib.exercises import generation
    from aelib.judge import digit_classifier

    images, labels = load_mnist("test", limit=20)
    zero = images[labels == 0][:1]
    assert digit_classifier()(zero).argmax().item() == 0  # the stub below draws a digit the judge reads as 0

    class DrawsOnlyZeros(torch.nn.Module):
        def decode(self, z: torch.Tensor) -> torch.Tensor:
            return zero.expand(len(z), -1)

    codes = torch.randn(4000, 2, generator=torch.Generator().manual_seed(0)) * torch.tensor([3.0, 1.0])
    digits = torch.arange(4000) % 10  # each digit a tenth of the data
    draws = torch.distributions.MultivariateNormal(codes.mean(dim=0), torch.cov(codes.T)).sample((20_000,))
    # every decode reads as 0: 0.9 of the 0s' share too many, 0.1 too few for each of the 9 others -> (0.9 + 0.9) / 2
    model = DrawsOnlyZeros()
    assert generation.check_fitted_gaussian(draws, 0.9, model, codes, digits)
    assert "percent" in generation.check_fitted_gaussian(draws, 90, model, codes, digits).message
    assert "not 0.500" in generation.check_fitted_gaussian(draws, 0.5, model, codes, digits).message
    standard = torch.randn(20_000, 2, generator=torch.Generator().manual_seed(1))
    assert "mean and covariance" in generation.check_fitted_gaussian(standard, 0.9, model, codes, digits).message
    assert generation.check_fitted_gaussian(..., ..., model, codes, digits).status == "unanswered"
    assert generation.check_fitted_gaussian(draws, ..., model, codes, digits).status == "unanswered"


def test_shipped_model_matches_the_recipe():
    from aelib.data import load_mnist
    from aelib.pretrained import load_autoencoder_2d
    from aelib.train import reconstruction_error

    model = load_autoencoder_2d()
    assert model.config == {"kind": "AutoEncoder", "latent_dim": 2, "hidden": [256, 64], "linear": False,
                            "input_dim": 784}
    assert reconstruction_error(model, load_mnist("test")[0]) <= 0.040


def test_density_checks():
    from aelib.exercises import density

    assert density.check_kl_value(0.818) and not density.check_kl_value(0.5)  # by hand: ½(0.25 + ln 4) = 0.8181
    assert "½" in density.check_kl_value(1.636).message and "σ = 0.5" in density.check_kl_value(0.5).message
    assert density.check_reparameterise(lambda mu, log_var, eps: mu + torch.exp(0.5 * log_var) * eps)
    assert "standard deviation" in density.check_reparameterise(lambda mu, lv, eps: mu + lv.exp() * eps).message
    assert density.check_reparameterise(lambda mu, lv, eps: None).status == "unanswered"
    assert "failed" in density.check_reparameterise(lambda mu, lv: mu).message
    assert density.check_fitted_gaussian_for_kl_only("no")
    assert density.check_fitted_gaussian_for_kl_only(" No ")
    assert not density.check_fitted_gaussian_for_kl_only("yes")
    assert "same-digit" in density.check_fitted_gaussian_for_kl_only("yes").message
    assert "not" in density.check_fitted_gaussian_for_kl_only("maybe").message
    assert density.check_kl_weight_prediction("worse") and density.check_kl_weight_prediction(" Worse ")
    assert density.check_kl_weight_prediction("better").status == "wrong"
    assert "kl_weight = 10.0" in density.check_kl_weight_prediction("about as well").message
    assert density.check_kl_weight_prediction(...).status == "unanswered"


def test_digit_judge_reads_digits():
    from aelib.data import load_mnist
    from aelib.judge import digit_classifier, digit_variety

    images, labels = load_mnist("test", limit=2000)
    accuracy = (digit_classifier()(images).argmax(dim=1) == labels).float().mean().item()
    assert accuracy > 0.9
    assert digit_variety(images) > 3.2  # all ten digits, nearly evenly
    assert digit_variety(images[labels == 1]) < 0.5  # nearly all read as one digit


def test_shipped_judge_is_the_trained_one_and_a_damaged_file_is_named(tmp_path, monkeypatch):
    import aelib.judge as judge_module
    from aelib.data import load_mnist

    images, _ = load_mnist("test", limit=256)
    shipped = judge_module.digit_classifier()
    trained = judge_module.train_digit_classifier(seed=0)  # what tools.pretrained saves
    # the same network, trained the same way: it reads the same digits (threads may change the last bits)
    agree = (shipped(images).argmax(dim=1) == trained(images).argmax(dim=1)).float().mean().item()
    assert agree > 0.98
    broken = tmp_path / "digit_judge.pt"
    broken.write_bytes(b"not a checkpoint")
    monkeypatch.setattr(judge_module, "JUDGE_WEIGHTS", broken)
    judge_module.digit_classifier.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"digit_judge\.pt is damaged.*git checkout"):
            judge_module.digit_classifier()
        monkeypatch.setattr(judge_module, "JUDGE_WEIGHTS", tmp_path / "missing.pt")
        with pytest.raises(FileNotFoundError, match=r"missing\.pt are missing.*Reinstall"):
            judge_module.digit_classifier()
    finally:
        judge_module.digit_classifier.cache_clear()


def test_vae_checks():
    from aelib.exercises import vae

    assert vae.check_gaussian_weight(1 / (2 * 2))  # 1 / (2 s²) with s² = 2, by hand
    assert "denominator" in vae.check_gaussian_weight(0.5).message
    assert "s² = ½" in vae.check_gaussian_weight(1.0).message
    assert vae.check_estimator_choice("reparameterised") and vae.check_estimator_choice(" Reparameterized ")
    assert "unbiased is not enough" in vae.check_estimator_choice("either").message
    assert vae.check_beta_prediction.after_the_run("rises") and not vae.check_beta_prediction.after_the_run("falls")
    assert vae.check_beta_prediction(...).status == "unanswered"
    assert 'answer "rises", "falls" or "stays"' in vae.check_beta_prediction("maybe").message


def test_the_gaussian_negative_elbo_check_accepts_the_formula_and_names_the_mean_slip():
    """The formula written out here by hand (squared error summed over pixels / 2s², KL of N(μ, σ²) to N(0, I))."""
    from aelib.exercises import vae

    def by_hand(model, x, s2, pixels="sum"):
        mu, log_var = model.encoder(x).chunk(2, dim=1)
        x_hat = model.decoder(mu + torch.randn_like(mu) * (0.5 * log_var).exp())
        squared = (x_hat - x) ** 2
        squared = squared.sum(dim=1) if pixels == "sum" else squared.mean(dim=1)
        return squared / (2 * s2) + 0.5 * (mu**2 + log_var.exp() - 1 - log_var).sum(dim=1)

    assert vae.check_gaussian_negative_elbo(by_hand)
    assert "β = 784" in vae.check_gaussian_negative_elbo(lambda m, x, s2: by_hand(m, x, s2, "mean")).message
    batch_mean = vae.check_gaussian_negative_elbo(lambda m, x, s2: by_hand(m, x, s2).mean())
    assert "averaged over the batch" in batch_mean.message
    assert "not divided by 2·s2" in vae.check_gaussian_negative_elbo(lambda m, x, s2: by_hand(m, x, 0.5)).message
    assert vae.check_gaussian_negative_elbo(lambda m, x, s2: None).status == "unanswered"
    assert "should be a function" in vae.check_gaussian_negative_elbo(3).message


def test_at_work_checks():
    from aelib.exercises import at_work

    assert at_work.check_conv_parameters(16 * 3 * 3 * 1 + 16)
    assert "bias" in at_work.check_conv_parameters(144).message
    assert at_work.check_small_auc(3 / 4)  # 0.3 > 0.1, 0.3 < 0.35, 0.8 > both: 3 of 4 pairs, by hand
    assert "upside down" in at_work.check_small_auc(0.25).message
    assert at_work.check_auc_meaning("no better than guessing") and at_work.check_auc_meaning("chance")
    assert "AUC 1" in at_work.check_auc_meaning("perfect").message


def test_verdict_and_choose_give_each_mistake_its_own_reason():
    from aelib.exercises.feedback import choose, right, verdict, wrong

    assert verdict(0.5000001, 0.5, tolerance=1e-6, right_because=("r", "맞음"), otherwise=("o", "아님")).message == "r"
    assert verdict(3, 2, right_because=("r", "맞음"), mistakes={3: ("three", "셋")}, otherwise=("o", "아님")).message \
        == "three"
    assert verdict(4, 2, right_because=("r", "맞음"), mistakes={3: ("three", "셋")}, otherwise=("o", "아님")).message \
        == "o"
    options = {"a": right("yes", "예"), "b": wrong("no, because b", "아니요, b이므로")}
    what = ('"a" or "b"', '"a", "b" 중 하나')
    assert choose(" A ", options, what=what).message == "yes"
    assert choose("b", options, what=what).message == "no, because b"
    assert choose("c", options, what=what).message == "answer \"a\" or \"b\", not 'c'."
    assert choose("alpha", options, what=what, aliases={"alpha": "a"}).status == "right"


def test_predict_first_checks_give_every_wrong_option_its_own_reason():
    """Each prediction exercise: the right option passes, and no two options share an explanation."""
    from aelib.exercises import at_work, decoder, density, generation, latent, likelihood, manifold, training, vae

    cases = {likelihood.check_prior_estimate_in_20d: ("far short", ["within a few nats", "far above"]),
             manifold.check_pca_separated_digit: ("1", ["0", "3", "8", "none"]),
             encoder.check_untrained_neighbours: ("above chance", ["chance", "almost always"]),
             latent.check_swapped_decoder: ("much worse", ["same", "slightly worse"]),
             decoder.check_untrained_against_average: ("worse", ["better", "same"]),
             training.check_shuffled_labels: ("no change", ["worse", "better"]),
             training.check_blur_prediction: ("blur", ["sharp", "same"]),
             generation.check_hole_prediction: ("digit", ["smudge", "noise"]),
             density.check_kl_only_prediction: ("the same blur", ["varied digits", "noise"]),
             vae.check_beta_prediction: ("rises", ["falls", "stays"]),
             at_work.check_auc_meaning: ("no better than guessing", ["perfect", "upside down"])}
    for check, (right_option, wrong_options) in cases.items():
        judge = getattr(check, "after_the_run", check)  # a Predict-first check judges after the run
        assert judge(right_option), check.__name__
        reasons = [judge(option) for option in wrong_options]
        assert all(r.status == "wrong" for r in reasons), check.__name__
        assert len({r.message for r in reasons}) == len(wrong_options), f"{check.__name__}: two options share a reason"
        assert check(...).status == "unanswered"
    assert manifold.check_pca_separated_digit(1)  # a number typed without quotes is read the same way
    assert generation.check_hole_prediction.after_the_run("숫자")
    assert density.check_kl_only_prediction.after_the_run("흐린 숫자")


def test_same_start_twin_check_wants_the_prediction_first():
    from aelib.exercises import latent

    check = latent.check_same_start_twin
    assert check("in between").status == "unanswered" and "prediction" in check("in between").message
    assert check("in between", "in between") and "prediction was right" in check("in between", "in between").message
    assert check("in between", "as bad") and "prediction was not" in check("in between", "as bad").message
    assert not check("same", "same") and "order_seed = 0" in check("same", "same").message
    assert check("중간", "그 사이")  # the Korean forms


def test_close_pairs_check_wants_the_prediction_first():
    # pairs closer than 5 cannot straddle two turns 2π ≈ 6.3 apart, so the share is 0, whatever the sample
    check = manifold.check_close_pairs_below_the_turn_gap
    assert check(0.0).status == "unanswered" and "prediction" in check(0.0).message  # no prediction yet
    assert check(0.0, "none") and "prediction was right" in check(0.0, "none").message
    assert check(0.0, "a sizeable share") and "prediction was not" in check(0.0, "a sizeable share").message
    assert check(0.0, "하나도 없다") and check(0.0, "상당한 비율")  # the Korean forms the notebook prints
    assert not check(0.1375, "none") and "closer than 7" in check(0.1375, "none").message
    assert not check(0.0, "lots") and check(..., "none").status == "unanswered"


def test_rotated_digit_check():
    assert manifold.check_rotated_digit_dimension(1)
    assert manifold.check_rotated_digit_dimension(1.0)
    verdicts = [manifold.check_rotated_digit_dimension(v) for v in (784, 2, 360, 3)]
    assert not any(verdicts) and len({v.message for v in verdicts}) == 4  # each wrong answer gets its own reason
    assert "room the images live in" in verdicts[0].message
    assert manifold.check_rotated_digit_dimension(...).status == "unanswered"
    assert "whole number" in manifold.check_rotated_digit_dimension("one").message


@pytest.fixture(scope="module")
def mnist_pca_by_numpy() -> dict[str, float]:
    """Notebook 01's PCA answers, computed without aelib's PCA: numpy's eigh of the float64 scatter matrix of
    all 60,000 training images. ``components_for_99``: the fewest directions that keep 99% of the variance;
    ``test_error``: the per-pixel MSE of the first 1000 test images rebuilt from the top 50 directions."""
    from aelib.data import load_mnist

    x = load_mnist("train")[0].numpy()
    mean = x.mean(axis=0, dtype=np.float64)
    scatter = np.zeros((x.shape[1], x.shape[1]))
    for start in range(0, len(x), 6000):  # in float64, a slice at a time (one 60000 x 784 copy is slow to allocate)
        centred = x[start : start + 6000].astype(np.float64) - mean
        scatter += centred.T @ centred
    variances, directions = np.linalg.eigh(scatter)
    variances, directions = variances[::-1], directions[:, ::-1]  # largest first
    share = np.cumsum(variances) / variances.sum()
    test = load_mnist("test", limit=1000)[0].numpy().astype(np.float64)
    top = directions[:, :50]
    rebuilt = mean + (test - mean) @ top @ top.T
    return {"components_for_99": int(np.argmax(share >= 0.99)) + 1, "test_error": float(((rebuilt - test) ** 2).mean())}


def test_components_check_hints_without_the_answer(mnist_pca_by_numpy):
    right_answer = mnist_pca_by_numpy["components_for_99"]
    assert 100 < right_answer < 784
    assert manifold._pca_of_training_set().components_for_variance(0.99) == right_answer  # the check's own answer
    assert manifold.check_components_for_99(right_answer)
    assert not manifold.check_components_for_99(right_answer - 1)
    assert not manifold.check_components_for_99(right_answer + 1)
    low, high = manifold.check_components_for_99(10), manifold.check_components_for_99(700)
    assert not low and "need more" in low.message
    assert not high and "fewer" in high.message
    assert str(right_answer) not in low.message + high.message


def test_pca_error_check_names_common_mistakes(mnist_pca_by_numpy):
    from aelib.data import load_mnist
    from aelib.train import reconstruction_error

    value = mnist_pca_by_numpy["test_error"]
    assert 0.005 < value < 0.05
    the_checks_own = reconstruction_error(manifold._pca_of_training_set(), load_mnist("test", limit=1000)[0])
    assert math.isclose(the_checks_own, value, rel_tol=1e-4)
    assert manifold.check_pca_error(value)
    assert not manifold.check_pca_error(1.05 * value)
    assert manifold.check_pca_error(torch.tensor(value))
    assert "sum over the 784 pixels" in manifold.check_pca_error(value * 784).message
    assert "square root" in manifold.check_pca_error(value**0.5).message
    assert not manifold.check_pca_error(float("nan"))
    assert repr(manifold.check_pca_error(value)).startswith("✅ Right")


def test_kaiming_spread_check_knows_the_default_start_and_the_input():
    from aelib.exercises import decoder

    assert decoder.check_kaiming_spread(0.18).status == "unanswered"  # the prediction comes first
    assert "`kaiming_prediction = ...`" in decoder.check_kaiming_spread(0.18).message  # the notebook's own name
    assert decoder.check_kaiming_spread(0.18, "no collapse") and decoder.check_kaiming_spread(0.2, "no collapse")
    assert "prediction was not" in decoder.check_kaiming_spread(0.18, "collapse").message
    assert decoder.check_kaiming_spread(0.18, "몰리지 않는다")  # the Korean form the notebook prints
    assert "default start" in decoder.check_kaiming_spread(0.011, "collapse").message
    assert "input" in decoder.check_kaiming_spread(0.253, "collapse").message
    assert not decoder.check_kaiming_spread(1.0, "collapse")
    assert decoder.check_kaiming_spread(..., "collapse").status == "unanswered"


def test_white_start_check_wants_the_prediction_and_compares_it_with_the_outcome():
    from aelib.exercises import decoder

    assert decoder.check_white_start(0.095).status == "unanswered"  # no prediction written
    assert "not 'maybe'" in decoder.check_white_start(0.095, "maybe").message
    assert "prediction was right" in decoder.check_white_start(0.095, "the grey start").message
    assert "prediction was not" in decoder.check_white_start(0.095, "both").message
    assert decoder.check_white_start(0.095, "grey start") and decoder.check_white_start(0.095, "회색 시작")
    assert "-3.0" in decoder.check_white_start(0.232, "both").message


def test_collapse_threshold_check_wants_a_prediction_and_the_collapsed_beta():
    from aelib.exercises import vae

    assert vae.check_collapse_threshold(30).status == "unanswered"
    # the `...` in the check cell is the answer: the message points at the prediction, not at that `...`
    assert "`prediction = ...`" in vae.check_collapse_threshold(30).message
    assert "not 'up'" in vae.check_collapse_threshold(30, "up").message
    assert "prediction was right" in vae.check_collapse_threshold(30, "30").message
    assert "prediction was not" in vae.check_collapse_threshold(30.0, "above 30").message
    assert not vae.check_collapse_threshold(20, "20")  # at 20 the codes still carry about 0.3 nats
    assert not vae.check_collapse_threshold(784, "above 30")  # not one of the two betas tried
    assert vae.check_collapse_threshold(30, "20")  # a wrong prediction, a right measurement


def test_anomaly_checks_for_the_prediction_and_the_held_out_ones():
    from aelib.exercises import at_work

    judge = at_work.check_anomaly_auc_prediction.after_the_run
    assert judge("modest") and not judge("guessing")
    assert at_work.check_held_out_ones(0.34).status == "unanswered"
    assert "prediction was right" in at_work.check_held_out_ones(0.34, "below 0.5").message
    assert "prediction was not" in at_work.check_held_out_ones(0.34, "above 0.5").message
    assert "held_out = 1" in at_work.check_held_out_ones(0.748, "below 0.5").message
    assert not at_work.check_held_out_ones(0.9, "below 0.5")


def test_predictions_are_read_in_either_language_and_a_wrong_word_is_named():
    from aelib.exercises import at_work, vae

    assert "prediction was right" in at_work.check_held_out_ones(0.34, " 0.5보다 낮다 ").message
    assert "prediction was right" in vae.check_collapse_threshold(30, " 30 ").message
    assert "prediction was not" in vae.check_collapse_threshold(30, "30 초과").message
    wrong_word = at_work.check_held_out_ones(0.34, "lower")
    assert wrong_word.status == "wrong" and "not 'lower'" in wrong_word.message
    assert '"above 0.5", "about 0.5" or "below 0.5"' in at_work.check_held_out_ones(0.34).message


def test_same_seconds_check_wants_the_14_epoch_mlp():
    from aelib.exercises import at_work

    # 0.0111 and 0.0167: the MLP after 14 and 7 epochs, measured with tools outside the notebook (same seed, data)
    assert at_work.check_same_seconds(0.0111)
    assert "set mlp_epochs to the epoch count section 1 printed" in at_work.check_same_seconds(0.0167).message
    assert "not its seconds" in at_work.check_same_seconds(12.3).message
    assert at_work.check_same_seconds(...).status == "unanswered"


def test_likelihood_checks():
    from aelib.exercises import likelihood

    assert likelihood.check_effective_draws((1 + 1 + 1 + 5) ** 2 / (1 + 1 + 1 + 25))  # by hand: 64 / 28
    assert "counts the draws" in likelihood.check_effective_draws(4).message
    assert "upside down" in likelihood.check_effective_draws(28 / 64).message
    assert not likelihood.check_effective_draws(2.0)
    assert likelihood.check_reported_likelihoods("cannot tell") and likelihood.check_reported_likelihoods("알 수 없다")
    assert not likelihood.check_reported_likelihoods("the second") and not likelihood.check_reported_likelihoods("B")
    assert likelihood.check_narrower_cloud(-5.6).status == "unanswered"  # the prediction comes first
    assert "prediction was right" in likelihood.check_narrower_cloud(-5.6, "falls").message
    assert "prediction was not" in likelihood.check_narrower_cloud(-5.6, "rises").message
    assert "sigma_scale = 0.5" in likelihood.check_narrower_cloud(0.0, "falls").message  # the cell left at 1.0
    assert not likelihood.check_narrower_cloud(0.8, "falls") and not likelihood.check_narrower_cloud(-80.5, "falls")


def test_a_predict_first_check_notes_the_prediction_and_judges_it_only_after_the_run():
    from aelib.exercises import latent

    check = latent.check_swapped_decoder
    before = {option: check(option) for option in ("much worse", "same", "slightly worse")}
    assert {v.status for v in before.values()} == {"noted"} and all(before.values())  # accepted, not judged
    assert len({v.message for v in before.values()}) == 1, "the note must not give the verdict away"
    assert check.after_the_run("much worse").status == "right" and check.after_the_run("same").status == "wrong"
    assert check("maybe").status == "wrong" and "not 'maybe'" in check("maybe").message  # not an option: said now
    assert check(...).status == "unanswered" and check.after_the_run(...).status == "unanswered"
    assert "Predict-first cell above" in check.after_the_run(...).message
