"""The front door: every relative link in the READMEs and CONTRIBUTING.md points somewhere, and the commands
they tell people to run are the ones CI runs."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ["README.md", "README.ko.md", "CONTRIBUTING.md"]
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")


def links(text: str) -> list[str]:
    """The targets of the Markdown links and images in ``text``, outside code blocks."""
    prose = re.sub(r"```.*?```", "", text, flags=re.DOTALL)
    return LINK.findall(prose)


def heading_anchor(heading: str) -> str:
    """GitHub's (and myst's) anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = heading.strip().lower()
    text = "".join(c for c in text if c in " -_" or unicodedata.category(c)[0] in "LN")
    return text.replace(" ", "-")


def anchors(path: Path) -> set[str]:
    text = re.sub(r"```.*?```", "", path.read_text(encoding="utf-8"), flags=re.DOTALL)
    return {heading_anchor(h) for h in re.findall(r"^#{1,6} (.+)$", text, flags=re.MULTILINE)}


def commands(path: Path) -> list[str]:
    """Each command line of the file's bash code blocks, without its comment."""
    blocks = re.findall(r"```bash\n(.*?)```", path.read_text(encoding="utf-8"), flags=re.DOTALL)
    lines = (line.split("#", 1)[0].strip() for block in blocks for line in block.splitlines())
    return [line for line in lines if line]


def ci_commands() -> list[str]:
    """The set-up and test commands .ci/run runs for lanes 1 and 2 (lane 3 builds its own environment)."""
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8").split("lane 3", 1)[0]
    return [line.strip() for line in run.splitlines()
            if re.match(r"\s*(pip install|pytest|\S+=\S+ .*pytest)", line)]


def test_the_helpers_find_what_they_should():
    text = "See [a](x.md), ![b](figures/y.png) and [c](#sec).\n```bash\n[d](not-a-link.md)\n```\n"
    assert links(text) == ["x.md", "figures/y.png", "#sec"]
    assert heading_anchor("Set-up: which install, and why the versions are pinned") == (
        "set-up-which-install-and-why-the-versions-are-pinned")
    assert heading_anchor("Tests and CI") == "tests-and-ci"


@pytest.mark.parametrize("name", DOCS)
def test_every_relative_link_points_somewhere(name: str):
    path = ROOT / name
    broken = []
    for target in links(path.read_text(encoding="utf-8")):
        if re.match(r"[a-z]+:", target):
            continue  # a web address: not this test's business (the course never needs one at run time)
        file, _, anchor = target.partition("#")
        resolved = (path.parent / file).resolve() if file else path
        if not resolved.exists():
            broken.append(f"{target} (no such file)")
        elif anchor and resolved.suffix == ".md" and anchor not in anchors(resolved):
            broken.append(f"{target} (no such heading)")
    assert not broken, f"{name}: links that point nowhere: {broken}"


def test_a_broken_link_is_caught(tmp_path):
    """The check above can fail."""
    page = tmp_path / "page.md"
    page.write_text("# Top\n[gone](missing.md) [here](#top) [nowhere](#bottom)\n", encoding="utf-8")
    targets = [t for t in links(page.read_text()) if not (tmp_path / t.partition("#")[0]).exists() and t[0] != "#"]
    assert targets == ["missing.md"]
    assert "top" in anchors(page) and "bottom" not in anchors(page)


def test_the_readmes_commands_are_what_ci_runs():
    ci = ci_commands()
    for readme in ("README.md", "README.ko.md"):
        documented = commands(ROOT / readme)
        assert "pip install -r requirements.txt" in documented, f"{readme} lost the set-up command"
        assert "pytest" in documented, f"{readme} lost the test command"
    assert "pip install -r requirements.txt" in ci and "pytest" in ci, f".ci/run no longer runs the README's: {ci}"
    documented = set(commands(ROOT / "README.md")) | set(commands(ROOT / "CONTRIBUTING.md"))
    undocumented = [c for c in ci if c not in documented]
    assert not undocumented, f".ci/run runs commands no README or CONTRIBUTING.md shows: {undocumented}"


def test_the_quick_tier_is_documented_and_marked():
    assert 'pytest -m "not slow"' in commands(ROOT / "CONTRIBUTING.md")
    assert "-m \"not slow\"" in (ROOT / "README.md").read_text(encoding="utf-8")
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert all(f'"{marker}:' in pyproject for marker in ("slow", "numeric", "browser"))
