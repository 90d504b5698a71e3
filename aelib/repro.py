"""One call at the top of every notebook: seeds, thread count, determinism, device."""

from __future__ import annotations

import os
import random

import numpy as np
import torch

DEFAULT_THREADS = 2  # the course's budgets are measured on 2 CPU threads


def pick_device(prefer: str | None = None) -> torch.device:
    """CUDA when present (or when ``prefer='cuda'``), else the CPU."""
    if prefer not in (None, "cpu", "cuda"):
        raise ValueError(f"prefer must be None, 'cpu' or 'cuda', but got {prefer!r}.")
    if prefer == "cuda" and not torch.cuda.is_available():
        raise RuntimeError("prefer='cuda' was asked for, but PyTorch sees no CUDA device here.")
    if prefer == "cpu":
        return torch.device("cpu")
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


def setup(seed: int = 0, threads: int | None = None, device: str | None = None) -> torch.device:
    """Seed ``random``, numpy and torch, fix the CPU thread count and return the device to use.

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
    chosen = pick_device(device)
    if chosen.type == "cpu":
        torch.use_deterministic_algorithms(True)
    return chosen
