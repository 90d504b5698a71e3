"""The course's speed and quality, measured: ``python -m tools.bench``.

    python -m tools.bench                   # quality at budget, loop overhead, explorer latency, notebooks
    python -m tools.bench --skip-notebooks  # the same without executing the notebooks (~2 min on 2 cores)
    python -m tools.bench --full            # adds the long 30-d run against Hinton & Salakhutdinov (2006)
    python -m tools.bench --device cuda     # train everything on the GPU (a clear error where there is none)
    python -m tools.bench --smoke           # a few-second run that only checks the benchmark works

The quick parts run on the CPU unless ``--device cuda`` is given (their budgets are CPU budgets);
``--full`` trains on a GPU whenever PyTorch sees one, unless ``--device cpu`` is given.

Prints a table and writes the same figures as JSON (``--json``, default ``bench-results.json``).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import statistics
import time
from pathlib import Path
from typing import Any

import torch
import torch.nn.functional as F
from torch import nn

from aelib.data import load_mnist
from aelib.models import AutoEncoder
from aelib.pca import PCA
from aelib.repro import setup
from aelib.train import BATCH_SIZE, EPOCHS, LR, fit, reconstruction_error
from tools.convolutional import ConvAutoEncoder

BUDGETS = {
    "mse_m2": 0.038,  # per-pixel test MSE
    "mse_m32": 0.009,
    "train_seconds": 30.0,  # each of the two, on 2 CPU threads
    "loop_ratio": 0.95,  # fit's samples/s over a bare loop's
    "explorer_median_ms": 30.0,
    "pytest_seconds": 240.0,  # the whole suite on 2 cores (CONTRIBUTING.md)
    "hinton_sse_per_image": 3.00,  # Hinton & Salakhutdinov (2006), 30-d code
}
# The long run: tools.convolutional.ConvAutoEncoder (30-d code, 243k weights), MSE, Adam, one-cycle.
FULL_RECIPE = {"model": "ConvAutoEncoder", "latent_dim": 30, "channels": 32, "epochs": 20, "lr": 1e-2,
               "batch_size": 256}


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "threads": torch.get_num_threads(), "torch": torch.__version__,
            "python": platform.python_version(), "platform": platform.platform(),
            "cuda": torch.cuda.get_device_name(0) if torch.cuda.is_available() else None}


def pick_device(prefer: str | None = None) -> torch.device:
    """CUDA when present (or when ``prefer='cuda'``), else the CPU."""
    if prefer not in (None, "cpu", "cuda"):
        raise ValueError(f"prefer must be None, 'cpu' or 'cuda', but got {prefer!r}.")
    if prefer == "cuda" and not torch.cuda.is_available():
        raise RuntimeError("prefer='cuda' was asked for, but PyTorch sees no CUDA device here.")
    if prefer == "cpu":
        return torch.device("cpu")
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


def _sync(device: torch.device) -> None:
    if device.type == "cuda":
        torch.cuda.synchronize()


def quality(device: torch.device, epochs: int = EPOCHS, limit: int | None = None) -> dict[str, Any]:
    """PCA and the AE (the course's recipe) at m = 2 and 32 on the test set, with training seconds."""
    train, _ = load_mnist("train", limit=limit)
    test, _ = load_mnist("test", limit=limit)  # the smoke run shrinks the test set too
    pca = PCA(latent_dim=32).fit(train)
    rows = {}
    for m in (2, 32):
        torch.manual_seed(0)
        model = AutoEncoder(latent_dim=m).to(device)
        _sync(device)
        history = fit(model, train, epochs=epochs, progress=False)
        _sync(device)
        ae, baseline = reconstruction_error(model.cpu(), test), reconstruction_error(pca.top(m), test)
        rows[f"m{m}"] = {"pca_mse": baseline, "ae_mse": ae, "ratio": ae / baseline, "train_seconds": history.seconds,
                         "budget_mse": BUDGETS[f"mse_m{m}"],
                         "ok": ae <= BUDGETS[f"mse_m{m}"] and history.seconds <= BUDGETS["train_seconds"]}
    return rows


def _bare_loop(model: AutoEncoder, data: torch.Tensor, epochs: int, seed: int = 0) -> float:
    """The four steps with nothing around them: the yardstick for fit's overhead. Returns seconds."""
    optimizer = torch.optim.Adam(model.parameters(), lr=LR)
    steps = epochs * math.ceil(len(data) / BATCH_SIZE)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=LR, total_steps=steps)
    generator = torch.Generator().manual_seed(seed)
    start = time.perf_counter()
    for _ in range(epochs):
        order = torch.randperm(len(data), generator=generator).to(data.device)
        for i in range(0, len(data), BATCH_SIZE):
            x = data[order[i : i + BATCH_SIZE]]
            loss = F.mse_loss(model(x), x)
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            schedule.step()
    _sync(data.device)
    return time.perf_counter() - start


def loop_overhead(device: torch.device, rounds: int = 4, limit: int = 30_000, epochs: int = 2) -> dict[str, Any]:
    """samples/s of aelib.train.fit and of a bare loop on the same model and data, measured alternately.

    One untimed warm-up epoch comes first, and the two swap places every round (bare-fit, fit-bare,
    ...), so neither gains from going first or last; the ratio is of the medians.
    """
    data = load_mnist("train", limit=limit)[0].to(device)
    torch.manual_seed(0)
    _bare_loop(AutoEncoder(latent_dim=32).to(device), data[: max(1, limit // 4)], 1)
    bare, packaged = [], []
    for round_ in range(rounds):
        for kind in ("bare", "fit") if round_ % 2 == 0 else ("fit", "bare"):
            torch.manual_seed(0)
            model = AutoEncoder(latent_dim=32).to(device)
            if kind == "bare":
                bare.append(epochs * len(data) / _bare_loop(model, data, epochs))
            else:
                packaged.append(fit(model, data, epochs=epochs, progress=False).samples_per_second)
    ratio = statistics.median(packaged) / statistics.median(bare)
    gflops = statistics.median(packaged) * training_flops_per_sample(AutoEncoder(latent_dim=32)) / 1e9
    peak = matmul_peak() if device.type == "cpu" else float("nan")
    return {"bare_samples_per_s": statistics.median(bare), "fit_samples_per_s": statistics.median(packaged),
            "ratio": ratio, "rounds": rounds, "fit_gflops": gflops, "matmul_peak_gflops": peak,
            "share_of_peak": gflops / peak, "ok": ratio >= BUDGETS["loop_ratio"]}


def matmul_peak(size: int = 1024, repeats: int = 20) -> float:
    """This CPU's float32 matrix-multiply rate in GFLOP/s (the best of a few timed runs)."""
    a, b = torch.randn(size, size), torch.randn(size, size)
    a @ b  # warm-up
    best = math.inf
    for _ in range(3):
        start = time.perf_counter()
        for _ in range(repeats):
            a @ b
        best = min(best, time.perf_counter() - start)
    return 2 * size**3 * repeats / best / 1e9


def training_flops_per_sample(model: torch.nn.Module) -> float:
    """Floating-point operations of one training step per sample for an MLP: forward 2·weights, backward twice that."""
    weights = sum(layer.weight.numel() for layer in model.modules() if isinstance(layer, torch.nn.Linear))
    return 3 * 2 * weights


def vae_bounds(device: torch.device, limit: int | None = None, epochs: int | None = None) -> dict[str, Any]:
    """Test negative ELBO (Bernoulli decoder, nats per image): the course's VAE against a reference one.

    The reference has the shape of PyTorch's well-known example: 784-400-20, ReLU, Adam at 1e-3, batch
    128, 10 epochs. The course's: the same shape, aelib.models.VariationalAutoEncoder(latent_dim=20,
    hidden=(400,)) (SiLU), trained with fit's recipe (one-cycle Adam to 1e-2, batch 256, 8 epochs), as
    in notebook 08. Both bounds average 5 sampled codes per test image.
    """
    from aelib.latent import kl_to_standard_normal as kl
    from aelib.models import VariationalAutoEncoder

    train, _ = load_mnist("train", limit=limit)
    test, _ = load_mnist("test", limit=limit)  # the smoke run shrinks the test set too

    class Reference(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.fc1, self.fc21, self.fc22 = nn.Linear(784, 400), nn.Linear(400, 20), nn.Linear(400, 20)
            self.fc3, self.fc4 = nn.Linear(20, 400), nn.Linear(400, 784)

        def encode_distribution(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
            h = F.relu(self.fc1(x))
            return self.fc21(h), self.fc22(h)

        def decoder(self, z: torch.Tensor) -> torch.Tensor:
            return torch.sigmoid(self.fc4(F.relu(self.fc3(z))))

        sample = staticmethod(VariationalAutoEncoder.sample)

    def negative_elbo(model: Any, x: torch.Tensor) -> torch.Tensor:
        mu, log_var = model.encode_distribution(x)
        x_hat = model.decoder(model.sample(mu, log_var))
        return F.binary_cross_entropy(x_hat, x, reduction="none").sum(dim=1) + kl(mu, log_var)

    @torch.no_grad()
    def bound(model: Any) -> float:
        torch.manual_seed(0)
        x = test.to(device)
        return torch.stack([negative_elbo(model, x) for _ in range(5)]).mean().item()

    results: dict[str, Any] = {}
    torch.manual_seed(0)
    ours = VariationalAutoEncoder(latent_dim=20, hidden=(400,)).to(device)
    start = time.perf_counter()
    fit(ours, train, epochs=epochs or EPOCHS, loss=lambda m, x: negative_elbo(m, x).mean(), progress=False)
    results["course"] = {"recipe": "784-400-20 SiLU, one-cycle Adam 1e-2, batch 256, 8 epochs (fit's defaults)",
                         "nats": bound(ours.eval()), "train_seconds": time.perf_counter() - start}
    torch.manual_seed(0)
    reference = Reference().to(device)
    optimizer = torch.optim.Adam(reference.parameters(), lr=1e-3)
    generator = torch.Generator().manual_seed(0)
    data = train.to(device)
    start = time.perf_counter()
    for _ in range(epochs or 10):
        order = torch.randperm(len(data), generator=generator).to(device)
        for i in range(0, len(data), 128):
            loss = negative_elbo(reference, data[order[i : i + 128]]).mean()
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
    _sync(device)
    results["reference"] = {"recipe": "784-400-20 ReLU, Adam 1e-3, batch 128, 10 epochs (PyTorch example's shape)",
                            "nats": bound(reference.eval()), "train_seconds": time.perf_counter() - start}
    results["ok"] = results["course"]["nats"] <= results["reference"]["nats"]
    return results


def explorer_latency(updates: int = 200) -> dict[str, Any]:
    """Time of one explorer update (slider value → decoded PNG, marker and status) on the shipped model."""
    from aelib.pretrained import load_autoencoder_2d
    from aelib.widgets import LatentExplorer

    model = load_autoencoder_2d()
    images, labels = load_mnist("train", limit=10_000)
    explorer = LatentExplorer(model, model.encode(images), labels)
    explorer.update_seconds.clear()
    slider = explorer.sliders[0]
    values = torch.linspace(slider.min, slider.max, updates).tolist()
    for value in values:
        slider.value = value
    ms = sorted(1000 * s for s in explorer.update_seconds)
    median = statistics.median(ms)
    return {"updates": len(ms), "median_ms": median, "p90_ms": ms[int(0.9 * (len(ms) - 1))],
            "ok": median <= BUDGETS["explorer_median_ms"]}


def notebooks() -> dict[str, Any]:
    """Seconds to execute each notebook top to bottom in a fresh kernel (nbclient), and the total."""
    from tools.course import execute_notebook, notebooks

    seconds = {path.name: execute_notebook(path) for path in notebooks()}
    return {"seconds": seconds, "total_seconds": sum(seconds.values())}


def hinton(device: torch.device, epochs: int | None = None, limit: int | None = None) -> dict[str, Any]:
    """The long recipe: a 30-d code against Hinton & Salakhutdinov's 3.00 summed squared error per image.

    ``epochs`` and ``limit`` shrink it for the smoke test; the figures reported use neither.
    """
    recipe = dict(FULL_RECIPE, epochs=epochs or FULL_RECIPE["epochs"])
    train, _ = load_mnist("train", limit=limit)
    test, _ = load_mnist("test", limit=limit)  # the smoke run shrinks the test set too
    torch.manual_seed(0)
    model = ConvAutoEncoder(latent_dim=recipe["latent_dim"], channels=recipe["channels"]).to(device)
    _sync(device)
    history = fit(model, train, epochs=recipe["epochs"], batch_size=recipe["batch_size"], lr=recipe["lr"],
                  progress=False)
    _sync(device)
    per_pixel = reconstruction_error(model.cpu(), test)
    train_per_pixel = reconstruction_error(model, train[:10_000])
    return {"recipe": recipe, "parameters": sum(p.numel() for p in model.parameters()), "device": str(device),
            "train_seconds": history.seconds, "mse_per_pixel": per_pixel, "sse_per_image": per_pixel * 784,
            "train_sse_per_image": train_per_pixel * 784,
            "ok": per_pixel * 784 <= BUDGETS["hinton_sse_per_image"]}


def report(results: dict[str, Any]) -> str:
    """The results as a plain-text table."""
    lines = [f"machine: {results['machine']['cpu']}, {results['machine']['threads']} threads, "
             f"torch {results['machine']['torch']}, device {results['device']}", ""]
    mark = {True: "ok", False: "OVER BUDGET"}
    for m, row in results["quality"].items():
        lines.append(f"quality {m:>4}: PCA {row['pca_mse']:.4f}  AE {row['ae_mse']:.4f}  AE/PCA {row['ratio']:.2f}  "
                     f"trained in {row['train_seconds']:.1f} s  (budget ≤ {row['budget_mse']}, ≤ 30 s)  "
                     f"{mark[row['ok']]}")
    o = results["loop_overhead"]
    lines.append(f"training loop: fit {o['fit_samples_per_s']:,.0f} samples/s vs bare loop "
                 f"{o['bare_samples_per_s']:,.0f}  ratio {o['ratio']:.3f}  (budget ≥ 0.95)  {mark[o['ok']]}")
    lines.append(f"training throughput: {o['fit_gflops']:.0f} GFLOP/s = {o['share_of_peak']:.0%} of this CPU's "
                 f"float32 matrix-multiply rate ({o['matmul_peak_gflops']:.0f} GFLOP/s)")
    v = results["vae"]
    lines.append(f"VAE test bound (Bernoulli, nats per image, lower is better): course {v['course']['nats']:.1f} "
                 f"({v['course']['train_seconds']:.0f} s), reference 784-400-20 {v['reference']['nats']:.1f} "
                 f"({v['reference']['train_seconds']:.0f} s)  (course ≤ reference)  {mark[v['ok']]}")
    e = results["explorer"]
    lines.append(f"latent explorer update: median {e['median_ms']:.1f} ms, p90 {e['p90_ms']:.1f} ms over "
                 f"{e['updates']} updates  (budget median ≤ 30 ms)  {mark[e['ok']]}")
    if "notebooks" in results:
        for name, seconds in results["notebooks"]["seconds"].items():
            lines.append(f"notebook {name:42s} {seconds:6.1f} s")
        lines.append(f"notebooks total {results['notebooks']['total_seconds']:.1f} s")
    if "hinton" in results:
        h = results["hinton"]
        lines.append(f"--full: {h['recipe']['model']}, 30-d code, {h['recipe']['epochs']} epochs: "
                     f"{h['sse_per_image']:.2f} summed squared error per test image ({h['mse_per_pixel']:.5f} per "
                     f"pixel; {h['train_sse_per_image']:.2f} on training images) in {h['train_seconds']:.0f} s "
                     f"on {h['device']}  (Hinton & Salakhutdinov 2006: 3.00)  {mark[h['ok']]}")
    return "\n".join(lines)


def run(device: str | None = None, full: bool = False, skip_notebooks: bool = False,
        smoke: bool = False) -> dict[str, Any]:
    """Measure everything asked for; ``smoke`` shrinks every part to a few seconds (for the test suite).

    ``device`` None: the quick parts on the CPU, ``full`` on CUDA where present; "cpu"/"cuda": all there.
    """
    setup(seed=0)
    chosen = pick_device(device or "cpu")
    results: dict[str, Any] = {"machine": machine(), "device": str(chosen), "budgets": BUDGETS, "smoke": smoke}
    if smoke:
        results["quality"] = quality(chosen, epochs=1, limit=2_000)
        results["loop_overhead"] = loop_overhead(chosen, rounds=1, limit=2_000, epochs=1)
        results["explorer"] = explorer_latency(updates=10)
        results["vae"] = vae_bounds(chosen, limit=2_000, epochs=1)
        if full:
            results["hinton"] = hinton(chosen, epochs=1, limit=2_000)
        return results
    results["quality"] = quality(chosen)
    results["loop_overhead"] = loop_overhead(chosen)
    results["explorer"] = explorer_latency()
    results["vae"] = vae_bounds(chosen)
    if not skip_notebooks:
        results["notebooks"] = notebooks()
    if full:
        results["hinton"] = hinton(pick_device(device))
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--full", action="store_true", help="add the long 30-d run (about 5 minutes on 2 CPU threads)")
    parser.add_argument("--device", choices=("cpu", "cuda"), default=None,
                        help="where to train (default: the CPU, and a GPU for --full where there is one)")
    parser.add_argument("--skip-notebooks", action="store_true", help="do not time the notebooks")
    parser.add_argument("--smoke", action="store_true", help="a few-second run that only checks the benchmark works")
    parser.add_argument("--json", type=Path, default=Path("bench-results.json"), help="where to write the figures")
    args = parser.parse_args(argv)
    try:
        pick_device(args.device)
    except RuntimeError as exc:  # --device cuda on a machine without one
        parser.error(f"{str(exc).rstrip('.')} (torch {torch.__version__}). Leave --device out to use the CPU.")
    results = run(args.device, full=args.full, skip_notebooks=args.skip_notebooks, smoke=args.smoke)
    args.json.write_text(json.dumps(results, indent=2) + "\n")
    print(report(results))
    print(f"\nfigures written to {args.json}")


if __name__ == "__main__":
    main()
