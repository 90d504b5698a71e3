"""A learner's machine without a network.

The guard in tests/netguard blocks every connection that would leave the machine, in this process
and in every kernel nbval starts, so the whole suite doubles as an offline test. The subprocess run
below goes further on a fast subset: a new network namespace with only loopback (where `unshare` is
allowed). Other numeric kernels and one thread are the README's second test command, which runs the
whole suite that way (.ci/run's second lane).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FAST_SUBSET = ["tests/test_data.py", "notebooks/06_reconstruction_vs_generation.ipynb"]


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


@pytest.mark.skipif(not _unshare_works(), reason="needs `unshare -rn` (user and network namespaces) and `ip`")
def test_runs_with_no_network_at_all():
    # In a fresh network namespace only loopback exists (brought up first): nothing can be downloaded.
    subset = " ".join(FAST_SUBSET)
    script = f"ip link set lo up && exec {sys.executable} -m pytest -q -p no:cacheprovider {subset}"
    result = subprocess.run(["unshare", "-rn", "sh", "-c", script], cwd=ROOT, env=dict(os.environ),
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert " passed" in result.stdout
