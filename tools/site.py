"""Build the course website from the committed, executed notebooks: ``python -m tools.site [--out DIR]``.

No notebook is executed. The sources are staged in a temporary folder first, so that the build never
writes into the repository and the site can differ from GitHub's view in two places only: the live
latent explorer's output is replaced by a note pointing at the static map after it, and the front
page (the README, as index.md) and the solutions' index get the hidden tables of contents that order
the pages (CONTRIBUTING.md among them).
"""

from __future__ import annotations

import argparse
import copy
import json
import shutil
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

from tools.course import ROOT, notebooks, read_notebook

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
WIDGET_NOTE = {
    "en": "<p><em>The live latent explorer runs in Jupyter (JupyterLab, Notebook 7 or Colab). "
          "On this page, the static map of the next section shows the same latent plane.</em></p>",
    "ko": "<p><em>살아 움직이는 잠재공간 탐색기는 Jupyter(JupyterLab, Notebook 7, Colab)에서 실행됩니다. "
          "이 페이지에서는 다음 절의 정적인 지도가 같은 잠재공간을 보여 줍니다.</em></p>",
}


def solution_pages(edition: str = "en") -> list[Path]:
    """The worked-solution pages of one edition, in course order."""
    folder = ROOT / "solutions" if edition == "en" else ROOT / "solutions" / edition
    return sorted(folder.glob("[0-9][0-9]_*.md"))


def static_notebook(notebook: dict, edition: str = "en") -> dict:
    """A copy of ``notebook`` whose live-widget outputs are replaced by a note (and no widget state)."""
    notebook = copy.deepcopy(notebook)
    notebook["metadata"].pop("widgets", None)
    for cell in notebook["cells"]:
        for output in cell.get("outputs", []):
            if WIDGET_MIME in output.get("data", {}):
                output["data"] = {"text/html": WIDGET_NOTE[edition], "text/plain": "(live latent explorer)"}
    return notebook


def table_of_contents(entries: list[str]) -> str:
    """A hidden toctree, appended to a staged page (never to the file in the repository)."""
    body = "\n".join(entries)
    return f"\n\n```{{toctree}}\n:hidden:\n:maxdepth: 1\n\n{body}\n```\n"


def korean_edition() -> bool:
    return (ROOT / "README.ko.md").exists()


def front_page_contents() -> list[str]:
    """The English pages in order (each edition's solutions nested below its index), then the Korean front page."""
    entries = [f"notebooks/{p.stem}" for p in notebooks()]
    entries += ["TEACHING"] if (ROOT / "TEACHING.md").exists() else []
    entries += ["solutions/README", "GLOSSARY", "CONTRIBUTING"]
    return [*entries, "README.ko"] if korean_edition() else entries


def korean_front_page_contents() -> list[str]:
    entries = [f"notebooks/ko/{p.stem}" for p in notebooks("ko")]
    entries += ["TEACHING.ko"] if (ROOT / "TEACHING.ko.md").exists() else []
    return [*entries, "solutions/ko/README"]


def append(page: Path, text: str, replace: tuple[str, str] | None = None) -> None:
    content = page.read_text(encoding="utf-8")
    if replace:
        content = content.replace(*replace)
    page.write_text(content + text, encoding="utf-8")


def stage(source: Path) -> None:
    """Copy what the site shows into ``source``: READMEs, guides, glossary, figures, notebooks, solutions."""
    shutil.copytree(ROOT / "figures", source / "figures")
    shutil.copytree(ROOT / "solutions", source / "solutions")
    for name in ("TEACHING.md", "TEACHING.ko.md", "GLOSSARY.md", "CONTRIBUTING.md", "README.ko.md", "LICENSE"):
        if (ROOT / name).exists():
            shutil.copy(ROOT / name, source / name)
    (source / "index.md").write_text(
        (ROOT / "README.md").read_text(encoding="utf-8") + table_of_contents(front_page_contents()), encoding="utf-8")
    append(source / "solutions" / "README.md", table_of_contents([p.stem for p in solution_pages()]))
    if korean_edition():  # the English front page is index.md on the site
        append(source / "README.ko.md", table_of_contents(korean_front_page_contents()),
               replace=("](README.md)", "](index.md)"))
        append(source / "solutions" / "ko" / "README.md", table_of_contents([p.stem for p in solution_pages("ko")]))
    for edition in ("en", "ko") if korean_edition() else ("en",):
        folder = source / "notebooks" / ("" if edition == "en" else edition)
        folder.mkdir(parents=True, exist_ok=True)
        for path in notebooks(edition):
            staged = static_notebook(read_notebook(path), edition)
            (folder / path.name).write_text(json.dumps(staged, ensure_ascii=False), encoding="utf-8")
    shutil.copy(ROOT / "website" / "conf.py", source / "conf.py")
    mathjax = resources.files("mathjax") / "static" / "mathjax" / "es5" / "tex-svg.js"
    (source / "_static" / "mathjax").mkdir(parents=True)
    (source / "_static" / "mathjax" / "tex-svg.js").write_bytes(mathjax.read_bytes())


def build(out: Path) -> float:
    """Build the site into ``out`` (replacing it); returns the seconds it took. Warnings are errors."""
    from sphinx.cmd.build import build_main

    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "source"
        stage(source)
        if out.exists():
            shutil.rmtree(out)
        status = build_main(["-q", "-W", "--keep-going", "-b", "html",
                             "-d", str(Path(tmp) / "doctrees"), str(source), str(out)])
    if status != 0:
        raise SystemExit(f"the site did not build (sphinx exit status {status}); the warnings above say why")
    return time.perf_counter() - start


def size_in_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "_site", help="where to write the site (default: _site/)")
    args = parser.parse_args(argv)
    seconds = build(args.out)
    pages = len(list(args.out.rglob("*.html")))
    print(f"site: {args.out} ({pages} pages, {size_in_bytes(args.out) / 2**20:.1f} MiB) built in {seconds:.1f} s; "
          f"open {args.out / 'index.html'} or serve it: python -m http.server -d {args.out}")


if __name__ == "__main__":
    sys.exit(main())
