"""Build the course website from the committed, executed notebooks: ``python -m tools.site [--out DIR]``.

No notebook is executed. The sources are staged in a temporary folder first, so that the build never
writes into the repository and the site differs from GitHub's view in these places only: the Jupyter
widget of the latent explorer is replaced by the same explorer in the page's own JavaScript
(``tools.site_explorer``; without scripts, a note points at the static map after it); every notebook page
links its ``.ipynb`` for download and leaves out the set-up cell, which only matters where the notebook
runs; and the front page (the README, as index.md) and the solutions' index get the hidden tables of
contents that order the pages (CONTRIBUTING.md among them).
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
from tools.setup_cell import is_setup_cell
from tools.site_explorer import explorer_html, write_assets

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
DOWNLOAD = {
    "en": '<p class="nb-download">⬇ <a href="{name}" download>Download this notebook ({name})</a> '
          "to run it in Jupyter (see the front page for the set-up).</p>",
    "ko": '<p class="nb-download">⬇ <a href="{name}" download>이 노트북 내려받기({name})</a>: '
          "Jupyter에서 실행해 보세요(준비 방법은 첫 페이지에 있습니다).</p>",
}


def solution_pages(edition: str = "en") -> list[Path]:
    """The worked-solution pages of one edition, in course order."""
    folder = ROOT / "solutions" if edition == "en" else ROOT / "solutions" / edition
    return sorted(folder.glob("[0-9][0-9]_*.md"))


def site_notebook(notebook: dict, name: str, edition: str = "en") -> dict:
    """A copy of ``notebook`` as the site shows it: the widget's output replaced by the page's own explorer
    (and no widget state), the set-up cell removed, and a download link to ``name`` after the first cell."""
    notebook = copy.deepcopy(notebook)
    notebook["metadata"].pop("widgets", None)
    depth = 1 if edition == "en" else 2  # notebooks/ or notebooks/ko/ below the site's root
    for cell in notebook["cells"]:
        for output in cell.get("outputs", []):
            if WIDGET_MIME in output.get("data", {}):
                output["data"] = {"text/html": explorer_html(edition, depth), "text/plain": "(live latent explorer)"}
        if cell["cell_type"] == "code" and is_setup_cell("".join(cell["source"])):
            cell["metadata"]["tags"] = ["remove-cell"]
    download = DOWNLOAD[edition].format(name=name)
    notebook["cells"].insert(1, {"cell_type": "markdown", "id": "site-download", "metadata": {}, "source": download})
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
        downloads = source / "_extra" / folder.relative_to(source)  # copied beside the pages, as committed
        downloads.mkdir(parents=True, exist_ok=True)
        for path in notebooks(edition):
            staged = site_notebook(read_notebook(path), path.name, edition)
            (folder / path.name).write_text(json.dumps(staged, ensure_ascii=False), encoding="utf-8")
            shutil.copy(path, downloads / path.name)
    shutil.copy(ROOT / "website" / "conf.py", source / "conf.py")
    mathjax = resources.files("mathjax") / "static" / "mathjax" / "es5" / "tex-svg.js"
    (source / "_static" / "mathjax").mkdir(parents=True)
    (source / "_static" / "mathjax" / "tex-svg.js").write_bytes(mathjax.read_bytes())
    write_assets(source / "_static")
    shutil.copy(ROOT / "website" / "course.css", source / "_static" / "course.css")


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
