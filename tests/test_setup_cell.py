"""The set-up cell that opens every notebook, and the wheel a learner installs.

The cell comes from one setting, ``[tool.course] package-source`` in pyproject.toml, copied into the
notebooks by ``python -m tools.setup_cell``. Where aelib is missing it must install it on Colab and
say what to run anywhere else; the wheel it installs must hold everything the notebooks need.
"""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tools.setup_cell import MARKERS, ROOT, cell_source, edition_of, first_code_cell, notebooks, package_source

FAKE_COLAB = "import sys, types\nsys.modules['google.colab'] = types.ModuleType('google.colab')\n"


def run_cell(python: str, code: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([python, "-c", code], cwd=cwd, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("path", notebooks(), ids=lambda p: p.name)
def test_every_notebook_opens_with_the_set_up_cell_from_pyproject(path: Path):
    cell = "".join(first_code_cell(json.loads(path.read_text(encoding="utf-8")))["source"])
    edition = edition_of(path)
    assert cell.startswith(MARKERS[edition]), f"{path}: the first code cell must be the set-up cell, in its language"
    assert cell == cell_source(package_source(), edition), f"{path}: stale set-up cell: run python -m tools.setup_cell"
    metadata = first_code_cell(json.loads(path.read_text(encoding="utf-8")))["metadata"]
    assert metadata.get("jupyter", {}).get("source_hidden") is True and "hide-input" in metadata.get("tags", []), (
        f"{path.name}: the set-up cell should be collapsed in Jupyter and folded on the website: "
        "run python -m tools.setup_cell")


def test_without_aelib_the_cell_says_what_to_run(tmp_path):
    # -S: no site-packages, so neither aelib nor anything else is importable, as in a bare kernel
    result = subprocess.run([sys.executable, "-S", "-c", cell_source("")], cwd=tmp_path, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode != 0
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("RuntimeError: This notebook needs aelib")
    assert "pip install -r requirements.txt" in last and "restart the kernel" in last
    assert "pip wheel --no-deps -w dist ." in last and "Files panel" in last  # the way onto Colab before hosting
    assert "ModuleNotFoundError" not in result.stderr
    hosted = subprocess.run([sys.executable, "-S", "-c", cell_source("git+https://example.org/course.git")],
                            cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert "pip install git+https://example.org/course.git" in hosted.stderr.strip().splitlines()[-1]


def test_the_korean_cell_says_it_in_korean(tmp_path):
    result = subprocess.run([sys.executable, "-S", "-c", cell_source("", "ko")], cwd=tmp_path, capture_output=True,
                            text=True, timeout=60)
    last = result.stderr.strip().splitlines()[-1]
    assert result.returncode != 0 and last.startswith("RuntimeError: 이 노트북에는 강좌 패키지 aelib이 필요한데")
    assert "pip install -r requirements.txt" in last and "커널을 다시 시작하세요." in last
    assert "pip wheel --no-deps -w dist ." in last and "파일 패널" in last  # the way onto Colab before hosting
    hosted = subprocess.run([sys.executable, "-S", "-c", cell_source("git+https://example.org/course.git", "ko")],
                            cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert "pip install git+https://example.org/course.git" in hosted.stderr.strip().splitlines()[-1]
    assert code_without_text(cell_source("x", "en")) == code_without_text(cell_source("x", "ko")), (
        "the two editions' set-up cells must run the same code, with only their words translated")


def code_without_text(source: str) -> str:
    """The cell's syntax tree with every string emptied (comments are not in the tree)."""
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            node.value = ""
    return ast.dump(tree)


def test_with_aelib_installed_the_cell_does_nothing(tmp_path):
    result = run_cell(sys.executable, cell_source("") + "\nprint('went on')", tmp_path)
    assert result.returncode == 0 and result.stdout == "went on\n" and result.stderr == ""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The course package built as a wheel from a copy of the project's files (the checkout stays untouched).

    The package's files are taken from wherever ``aelib`` is imported from: the checkout in an editable
    install, the installed wheel in .ci/run's third lane.
    """
    import aelib

    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(Path(aelib.__file__).parent, source / "aelib", ignore=shutil.ignore_patterns("__pycache__"))
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet",
                    "-w", str(out), str(source)], check=True, timeout=300)
    (path,) = out.glob("aelib-*.whl")
    return path


@pytest.mark.slow
def test_the_wheel_holds_what_the_notebooks_need_and_no_maintainer_tooling(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ["aelib/__init__.py", "aelib/exercises/feedback.py", "aelib/exercises/generation.py",
                   "aelib/datasets/mnist/train-images-idx3-ubyte.gz", "aelib/datasets/mnist/SHA256SUMS.raw.txt",
                   "aelib/checkpoints/ae_mnist_m2.pt", "aelib/checkpoints/vae_mnist_m2.pt",
                   "aelib/checkpoints/digit_judge.pt", "aelib/widgets.py"]:
        assert needed in names, f"the wheel lacks {needed}"
    assert not [n for n in names if n.startswith(("tools/", "tests/", "notebooks/"))]


@pytest.mark.slow
def test_on_colab_the_cell_installs_the_course_package(wheel, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    python = str(venv / "bin" / "python")
    code = FAKE_COLAB + cell_source(str(wheel)) + "\nimport aelib\nprint(aelib.__file__)"
    result = run_cell(python, code, tmp_path)
    assert result.returncode == 0, result.stderr
    installed = Path(result.stdout.strip()).parent
    assert installed.is_relative_to(venv), "aelib should now come from the new environment"
    assert (installed / "checkpoints" / "ae_mnist_m2.pt").is_file() and (installed / "exercises").is_dir()
    again = run_cell(python, FAKE_COLAB + cell_source(str(wheel)) + "\nprint('ok')", tmp_path)  # run twice: no-op
    assert again.returncode == 0 and again.stdout == "ok\n"

    # Before the course is hosted (no package source): the learner uploads the wheel beside the notebook.
    subprocess.run([python, "-m", "pip", "uninstall", "--quiet", "--yes", "aelib"], check=True, timeout=120)
    content = tmp_path / "content"  # Colab's working folder, where the Files panel uploads
    content.mkdir()
    unhosted = FAKE_COLAB + cell_source("") + "\nimport aelib\nprint(aelib.__file__)"
    refused = run_cell(python, unhosted, content)  # nothing uploaded yet: the cell says how
    assert refused.returncode != 0 and "upload dist/aelib-*.whl" in refused.stderr.strip().splitlines()[-1]
    shutil.copy(wheel, content / wheel.name)
    uploaded = run_cell(python, unhosted, content)
    assert uploaded.returncode == 0, uploaded.stderr
    assert Path(uploaded.stdout.strip()).parent.is_relative_to(venv), "the uploaded wheel should be installed"
