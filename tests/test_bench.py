"""The benchmark runs and writes valid JSON (a smoke run: it measures nothing worth reporting)."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
import torch

pytestmark = pytest.mark.numeric  # results can change under another CPU's kernels: lane 2 re-runs it


@pytest.mark.slow
def test_benchmark_smoke_run_writes_json(tmp_path):
    out = tmp_path / "bench.json"
    result = subprocess.run([sys.executable, "-m", "tools.bench", "--smoke", "--full", "--json", str(out)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    data = json.loads(out.read_text())
    assert data["smoke"] is True and data["device"] == "cpu"
    for m in ("m2", "m32"):
        row = data["quality"][m]
        assert 0 < row["ae_mse"] < 1 and 0 < row["pca_mse"] < 1 and row["train_seconds"] > 0
        assert row["ratio"] == row["ae_mse"] / row["pca_mse"]
    assert data["loop_overhead"]["bare_samples_per_s"] > 0 and data["loop_overhead"]["fit_samples_per_s"] > 0
    assert data["explorer"]["updates"] == 10 and data["explorer"]["median_ms"] > 0
    overhead = data["loop_overhead"]
    # 3 × 2 × weights of the 784-256-64-32 MLP and its mirror, worked out by hand: 2 × (200,704 + 16,384 + 2,048)
    assert overhead["fit_gflops"] * 1e9 == pytest.approx(overhead["fit_samples_per_s"] * 6 * 438_272)
    assert overhead["matmul_peak_gflops"] > 0 and overhead["share_of_peak"] == pytest.approx(
        overhead["fit_gflops"] / overhead["matmul_peak_gflops"])
    vae = data["vae"]
    assert 0 < vae["reference"]["nats"] < 1000 and 0 < vae["course"]["nats"] < 1000
    assert vae["ok"] == (vae["course"]["nats"] <= vae["reference"]["nats"])
    assert re.search(r"VAE test bound \(Bernoulli, nats per image, lower is better\): course \d+\.\d", result.stdout)
    full = data["hinton"]
    assert full["device"] == "cpu" and full["recipe"]["latent_dim"] == 30 and full["recipe"]["epochs"] == 1
    assert full["sse_per_image"] == full["mse_per_pixel"] * 784 and 0 < full["mse_per_pixel"] < 1
    assert full["ok"] == (full["sse_per_image"] <= 3.00) and full["parameters"] == 243_455
    assert re.search(r"quality\s+m2: PCA", result.stdout) and "latent explorer update" in result.stdout
    assert re.search(r"--full: ConvAutoEncoder, 30-d code, 1 epochs: \d+\.\d\d summed squared error", result.stdout)


@pytest.mark.skipif(torch.cuda.is_available(), reason="this machine has a GPU, so --device cuda is not an error")
def test_asking_for_a_missing_gpu_is_a_clear_error(tmp_path):
    result = subprocess.run([sys.executable, "-m", "tools.bench", "--smoke", "--device", "cuda", "--json",
                             str(tmp_path / "b.json")], capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "no CUDA device" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "b.json").exists()
