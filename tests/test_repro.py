"""aelib.repro.setup: the one call at the top of every notebook makes runs repeatable and fixes the threads."""

from __future__ import annotations

import os

import pytest
import torch

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
