"""The package itself: ``import aelib`` is light, and every public name is there."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import aelib


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
