"""Checks for notebook 07 (toward a dense latent space)."""

from __future__ import annotations

from typing import Any

import torch

from aelib.exercises.feedback import Feedback, as_number, choose, is_unanswered, read, right, unanswered, verdict, wrong


def check_kl_value(answer: Any) -> Feedback:
    """KL(N(1, 1) || N(0, 1)) from ½(μ² + σ² − 1 − log σ²)."""
    value = read(answer, "a number", as_number)
    if isinstance(value, Feedback):
        return value
    return verdict(value, 0.5, tolerance=1e-6,
                   right_because="½(1 + 1 − 1 − 0): only the shifted centre costs anything.",
                   mistakes={1.0: "remember the ½ in front."},
                   otherwise=f"{value:g} is off: put μ = 1 and σ² = 1 (so log σ² = 0) into ½(μ² + σ² − 1 − log σ²).")


def check_reparameterise(reparameterise: Any) -> Feedback:
    """``reparameterise(mu, log_var, eps)`` must return mu + exp(log_var / 2) * eps."""
    if not callable(reparameterise):
        return wrong(f"reparameterise should be a function, but it is a {type(reparameterise).__name__}.")
    generator = torch.Generator().manual_seed(0)
    mu, log_var, eps = (torch.randn(4, 2, generator=generator) for _ in range(3))
    try:
        z = reparameterise(mu, log_var, eps)
    except Exception as exc:  # a learner's function can fail in any way; say how
        return wrong(f"calling reparameterise(mu, log_var, eps) failed: {type(exc).__name__}: {exc}")
    if z is None:
        return unanswered("the body of reparameterise")
    if not isinstance(z, torch.Tensor) or z.shape != mu.shape:
        return wrong(f"return a tensor shaped like mu ({list(mu.shape)}), not {type(z).__name__} "
                     f"{list(getattr(z, 'shape', []))}.")
    if torch.allclose(z, mu + torch.exp(0.5 * log_var) * eps, atol=1e-6):
        return right("z = μ + σ·ε with σ = exp(½ log σ²): random, yet differentiable in μ and σ.")
    if torch.allclose(z, mu + log_var.exp() * eps, atol=1e-6):
        return wrong("exp(log σ²) is the variance σ²; multiply ε by the standard deviation σ = exp(½ log σ²).")
    if torch.allclose(z, mu + log_var * eps, atol=1e-6):
        return wrong("log_var is a logarithm of the variance; turn it into σ first.")
    return wrong("z should be the centre μ plus σ times the noise ε.")


def check_model_for_generation(answer: Any) -> Feedback:
    """Which of the three models to decode N(0, I) draws with."""
    if is_unanswered(answer):
        return unanswered('a panel title such as "Combination"')
    key = str(answer).strip().lower()
    if "combination" in key or key == "both":
        return right("organised by digit and filling N(0, I): every draw lands near codes the decoder knows.")
    if "kl" in key:
        return wrong("its codes fill N(0, I) perfectly, but they carry nothing about the input: every draw "
                     "decodes to the same average.")
    if "recon" in key:
        return wrong("its codes are organised, but N(0, I) covers only its crowded centre, and the rest of "
                     "its region is full of holes.")
    return wrong('answer with one of the titles: "Only Reconstruction Loss", "Only KL Divergence", "Combination".')


def check_kl_only_prediction(answer: Any) -> Feedback:
    """Predicted before the figure: what the Only KL model draws when it decodes z ~ N(0, I)."""
    return choose(answer, {
        "the same blur": right("its codes fill N(0, I), but its encoder felt only the KL term, which every input meets "
                               "in the same way, so z carries nothing about the digit: in 'Measuring it' its codes are "
                               "sorted by digit hardly better than chance. Its decoder learned the one average digit "
                               "that fits all inputs best, and draws it wherever z lands."),
        "varied digits": wrong("filling N(0, I) is only half the job: the codes must also say which digit they came "
                               "from. In 'Measuring it' the Only KL codes are sorted by digit hardly better than "
                               "chance, so no draw tells the decoder which digit to make."),
        "noise": wrong("its decoder did learn: it was trained on the codes it was handed, as in the other two models; "
                       "only its error was kept from the encoder. But those codes said nothing about the input, so "
                       "the best it could learn is one average digit, a smooth blur, not random pixels."),
    }, what='"varied digits", "the same blur" or "noise"',
       aliases={"varied": "varied digits", "digits": "varied digits", "다양한 숫자": "varied digits",
                "same blur": "the same blur", "blur": "the same blur", "one blur": "the same blur",
                "average": "the same blur", "흐린 숫자": "the same blur", "평균": "the same blur",
                "random": "noise", "garbage": "noise", "잡음": "noise", "노이즈": "noise"})
