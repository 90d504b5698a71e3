"""One call at the top of every notebook: seeds, thread count, determinism.

The notebooks run on the CPU: their time budgets and their assertions are CPU ones.
"""

from __future__ import annotations

import os
import random

import numpy as np
import torch

DEFAULT_THREADS = 2  # the course's budgets are measured on 2 CPU threads


def setup(*, seed: int = 0, threads: int | None = None) -> None:
    """Seed ``random``, numpy and torch, fix the CPU thread count and make CPU results repeatable.

    ``threads`` defaults to the environment variable ``AELIB_THREADS``, else 2. On the CPU, PyTorch is
    asked for deterministic algorithms, so a notebook run twice on one machine gives the same numbers.
    """
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise ValueError(f"seed must be an int >= 0, but got {seed!r}.")
    if threads is None:
        threads = int(os.environ.get("AELIB_THREADS", DEFAULT_THREADS))
    if isinstance(threads, bool) or not isinstance(threads, int) or threads < 1:
        raise ValueError(f"threads must be an int >= 1, but got {threads!r}.")
    random.seed(seed)
    np.random.seed(seed)  # noqa: NPY002  (learners' np.random.* calls use the legacy global generator)
    torch.manual_seed(seed)
    torch.set_num_threads(threads)
    torch.use_deterministic_algorithms(True)
