"""Saving and loading trained models: the file carries its architecture; loading never runs pickled code."""

from __future__ import annotations

import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

import torch
from torch import nn

from aelib.models import AutoEncoder, LatentModel, VariationalAutoEncoder

FORMAT = "aelib-checkpoint"
VERSION = 1
KINDS: dict[str, type[LatentModel]] = {"AutoEncoder": AutoEncoder, "VariationalAutoEncoder": VariationalAutoEncoder}


def register(kind: type[LatentModel]) -> type[LatentModel]:
    """Let ``save`` and ``load`` handle another LatentModel class (its ``config`` must name it as "kind")."""
    if not (isinstance(kind, type) and issubclass(kind, LatentModel)):
        raise TypeError(f"register expects a LatentModel subclass, but got {kind!r}.")
    KINDS[kind.__name__] = kind
    return kind


class CheckpointError(ValueError):
    """A file that is not a usable aelib checkpoint, or one for another model."""


def save(model: LatentModel, path: str | Path) -> Path:
    """Write ``model``'s config and weights to ``path`` atomically (a temp file, then a rename)."""
    if not isinstance(model, tuple(KINDS.values())):
        raise TypeError(f"save expects one of {sorted(KINDS)} (see checkpoint.register), "
                        f"but got {type(model).__name__}.")
    path = Path(path)
    payload = {
        "format": FORMAT,
        "version": VERSION,
        "config": model.config,
        "state_dict": {k: v.detach().cpu() for k, v in model.state_dict().items()},
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            torch.save(payload, handle)
            handle.flush()
            os.fsync(handle.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600 files; give the usual permissions
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _read(path: str | Path) -> dict[str, Any]:
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"No checkpoint at {path}: check the path, or save a model there first.")
    try:
        payload = torch.load(path, map_location="cpu", weights_only=True)
    except pickle.UnpicklingError as exc:
        raise CheckpointError(
            f"{path} holds Python objects that a safe load refuses to run (weights_only=True): it was not "
            f"written by aelib.checkpoint.save. Only load files you made or trust. Details: {exc}"
        ) from exc
    except Exception as exc:  # torch.load raises many kinds on garbage: all mean "not a checkpoint"
        raise CheckpointError(f"{path} is not a PyTorch checkpoint (or it is truncated): {exc}") from exc
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise CheckpointError(f"{path} is a PyTorch file but not an aelib checkpoint (no '{FORMAT}' marker).")
    if payload.get("version") != VERSION:
        raise CheckpointError(f"{path} has checkpoint version {payload.get('version')!r}; this aelib reads {VERSION}.")
    return payload


def load(path: str | Path, device: str | torch.device = "cpu") -> LatentModel:
    """Rebuild the model stored in ``path`` (any registered kind) with its weights, in eval mode."""
    payload = _read(path)
    config = dict(payload["config"])
    kind = config.pop("kind", None)
    if kind not in KINDS:
        raise CheckpointError(f"{path} holds a {kind!r}; aelib can rebuild only {sorted(KINDS)} "
                              "(import the module that defines it: it registers itself with checkpoint.register).")
    try:
        model = KINDS[kind](**config)
    except (TypeError, ValueError) as exc:
        raise CheckpointError(f"{path} describes a {kind} that cannot be built ({config}): {exc}") from exc
    _load_state(model, payload["state_dict"], path)
    return model.to(device).eval()


def load_into(model: LatentModel, path: str | Path) -> LatentModel:
    """Load the weights in ``path`` into an existing ``model``, if the architectures match."""
    payload = _read(path)
    if payload["config"] != model.config:
        raise CheckpointError(
            f"{path} was saved from a different model: its config is {payload['config']}, but this model's "
            f"is {model.config}. Build the model with the file's config, or use aelib.checkpoint.load(path)."
        )
    _load_state(model, payload["state_dict"], path)
    return model


def _load_state(model: nn.Module, state: dict[str, torch.Tensor], path: str | Path) -> None:
    try:
        model.load_state_dict(state)
    except RuntimeError as exc:
        raise CheckpointError(f"The weights in {path} do not fit the model its config describes: {exc}") from exc
