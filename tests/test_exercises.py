"""The exercise checks of notebooks 02-05: right answers pass, typical mistakes get a specific hint."""

from __future__ import annotations

from torch import nn

from aelib.exercises import encoder


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


def test_compression_factor():
    assert encoder.check_compression_factor(49)
    assert "fraction" in encoder.check_compression_factor(16 / 784).message
