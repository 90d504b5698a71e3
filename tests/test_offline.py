"""A learner's machine without a network.

The guard in tests/netguard blocks every connection that would leave the machine, in this process
and in every kernel nbval starts, so the whole suite doubles as an offline test. The subprocess run
below goes further: a new network namespace with only loopback (where `unshare` is allowed), in which
a short notebook touches everything the course loads or starts (a kernel, the shipped MNIST and trained
model, a training step, matplotlib, the explorer's widgets). Other
numeric kernels and one thread are .ci/run's second lane (`pytest -m numeric`).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]

# Each cell loads or starts something a notebook of the course needs; a download anywhere would fail it.
OFFLINE_TOUR = [
    "import matplotlib.pyplot as plt\nimport torch\n\nimport aelib\naelib.repro.setup()",
    "images, labels = aelib.data.load_mnist('test', limit=512)\nassert images.shape == (512, 784)",
    "model = aelib.pretrained.load_autoencoder_2d()\nassert model.reconstruct(images).shape == images.shape",
    "fresh = aelib.models.AutoEncoder(latent_dim=2)\n"
    "history = aelib.train.fit(fresh, images, epochs=1)\nassert len(history.losses) == 1",
    "ax = aelib.plots.show_images(images[:10], n_cols=10)\nplt.close('all')",
    "from aelib.widgets import LatentExplorer\n"
    "explorer = LatentExplorer(model, model.encode(images), labels)\nexplorer",
]


def test_the_guard_blocks_the_network_here_and_in_child_processes():
    with pytest.raises(OSError, match="blocked: the course must run offline"):
        urllib.request.urlopen("http://192.0.2.1/", timeout=1)  # TEST-NET-1: never routed anywhere
    child = subprocess.run(
        [sys.executable, "-c", "import socket; socket.create_connection(('198.51.100.7', 80), timeout=1)"],
        capture_output=True, text=True, timeout=60,
    )
    assert child.returncode != 0 and "blocked: the course must run offline" in child.stderr


def _unshare_works() -> bool:
    if not (shutil.which("unshare") and shutil.which("ip")):
        return False
    return subprocess.run(["unshare", "-rn", "true"], capture_output=True).returncode == 0


@pytest.mark.slow
@pytest.mark.skipif(not _unshare_works(), reason="needs `unshare -rn` (user and network namespaces) and `ip`")
def test_runs_with_no_network_at_all(tmp_path):
    # In a fresh network namespace only loopback exists (brought up first): nothing can be downloaded.
    tour = tmp_path / "offline_tour.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in OFFLINE_TOUR]), tour)
    pytest_args = f"-q -p no:cacheprovider -o addopts= --nbval-lax --nbval-current-env {tour}"
    script = f"ip link set lo up && exec {sys.executable} -m pytest {pytest_args}"
    result = subprocess.run(["unshare", "-rn", "sh", "-c", script], cwd=ROOT, env=dict(os.environ),
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    passed = re.search(r"(\d+) passed", result.stdout)
    assert passed and int(passed.group(1)) == len(OFFLINE_TOUR), result.stdout[-2000:]  # every cell of the tour ran
