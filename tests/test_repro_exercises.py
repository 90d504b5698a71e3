"""The set-up call makes runs repeatable; the exercise checks judge answers without giving them away."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest
import torch

import aelib
from aelib.exercises import manifold
from aelib.repro import setup

pytestmark = pytest.mark.numeric  # results can change under another CPU's kernels: lane 2 re-runs it


def test_setup_makes_random_draws_repeatable():
    setup(seed=7, threads=1)
    a = torch.rand(3)
    setup(seed=7, threads=1)
    assert torch.equal(a, torch.rand(3)) and torch.get_num_threads() == 1
    setup(seed=0)
    assert torch.get_num_threads() == int(os.environ.get("AELIB_THREADS", 2))
    with pytest.raises(ValueError, match="seed"):
        setup(seed=-1)
    with pytest.raises(ValueError, match="threads"):
        setup(threads=0)


def test_every_public_name_imports_and_unknown_names_fail_clearly():
    """In a fresh interpreter: ``import aelib`` loads no submodule, each name in ``aelib.__all__`` is then
    reachable as ``aelib.<name>`` (a submodule is the module ``aelib.<name>``), ``__all__`` lists every
    submodule in the package's folder, and an unknown name raises an AttributeError that names it."""
    script = textwrap.dedent("""
        import json, pkgutil, sys
        import aelib
        report = {"loaded_at_import": sorted(m for m in sys.modules if m.startswith("aelib."))}
        missing = []
        for name in aelib.__all__:
            value = getattr(aelib, name)
            if name != "__version__" and value is not sys.modules.get("aelib." + name):
                missing.append(name)
        report["missing"] = missing
        report["all"] = sorted(aelib.__all__)
        report["folder"] = sorted(info.name for info in pkgutil.iter_modules(aelib.__path__))
        report["version"] = aelib.__version__
        try:
            aelib.nonexistent
        except AttributeError as exc:
            report["unknown"] = str(exc)
        print(json.dumps(report))
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          cwd=Path(aelib.__file__).resolve().parent.parent)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.splitlines()[-1])
    assert report["loaded_at_import"] == []  # submodules load on first use
    assert report["missing"] == []
    assert sorted(set(report["all"]) - {"__version__"}) == report["folder"]
    assert report["version"] == aelib.__version__
    assert report["unknown"] == "module 'aelib' has no attribute 'nonexistent'"


def test_swiss_roll_check():
    assert manifold.check_swiss_roll_dimension(2)
    assert manifold.check_swiss_roll_dimension(2.0)
    verdict = manifold.check_swiss_roll_dimension(3)
    assert not verdict and "room the roll lives in" in verdict.message
    assert manifold.check_swiss_roll_dimension(...).status == "unanswered"
    assert "whole number" in manifold.check_swiss_roll_dimension("two").message


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
