"""The course website (``python -m tools.site``), built from the committed notebooks and read in a real browser.

The site is built once into a temporary folder and served from 127.0.0.1. Every request the browser
makes to anywhere else is refused and recorded: a page that needs the network fails here. Needs
Debian's chromium and the pinned ``playwright`` (skipped, with the reason, where either is missing).
"""

from __future__ import annotations

import base64
import functools
import http.server
import re
import threading
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import numpy as np
import pytest

from tests.test_browser import CHROMIUM_FLAGS, HANGUL, HANGUL_IS_MISSING, NO_HANGUL_FONT, chromium_path

ROOT = Path(__file__).resolve().parents[1]

pytest.importorskip("myst_nb", reason="the site builder is not installed: pip install -r requirements.txt")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tools.site import main

    out = tmp_path_factory.mktemp("site") / "html"
    main(["--out", str(out)])  # the README's command, `python -m tools.site`, in this process
    return out


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "_static" not in p.parts)


class _Links(HTMLParser):
    """Every href/src of a page, and every id it defines."""

    def __init__(self) -> None:
        super().__init__()
        self.targets: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        for name in ("href", "src"):
            if attributes.get(name) and (tag != "link" or attributes.get("rel") != "canonical"):
                self.targets.append(attributes[name])


@functools.cache
def _parse(page: Path) -> _Links:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def test_the_site_has_every_page(site: Path):
    names = {p.relative_to(site).as_posix() for p in pages(site)}
    expected = {"index.html"}
    expected |= {f"notebooks/{p.stem}.html" for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")}
    expected |= {f"notebooks/ko/{p.stem}.html" for p in (ROOT / "notebooks").glob("ko/[0-9][0-9]_*.ipynb")}
    expected |= {f"{p.parent.relative_to(ROOT).as_posix()}/{p.stem}.html" for p in (ROOT / "solutions").rglob("*.md")}
    guides = ("TEACHING.md", "TEACHING.ko.md", "GLOSSARY.md", "CONTRIBUTING.md", "README.ko.md")
    expected |= {f"{name[:-3]}.html" for name in guides if (ROOT / name).exists()}
    assert expected <= names, f"missing pages: {sorted(expected - names)}"
    assert len(expected) >= 20


def test_no_internal_link_or_image_is_broken(site: Path):
    broken = []
    for page in pages(site):
        for target in _parse(page).targets:
            parts = urlsplit(target)
            if parts.scheme or parts.netloc or target.startswith(("mailto:", "javascript:")):
                continue
            resolved = page if not parts.path else (page.parent / unquote(parts.path)).resolve()
            if resolved.is_dir():
                resolved = resolved / "index.html"
            if not resolved.is_file():
                broken.append(f"{page.relative_to(site)}: {target} (no such file)")
            elif parts.fragment and resolved.suffix == ".html" and unquote(parts.fragment) not in _parse(resolved).ids:
                broken.append(f"{page.relative_to(site)}: {target} (no such anchor)")
    assert not broken, "broken internal links:\n" + "\n".join(broken)


def test_no_page_refers_to_another_site_for_what_it_needs(site: Path):
    """Scripts, styles, fonts and images all come from the site itself (links to read elsewhere are fine)."""
    needs = re.compile(r"<(?:script|img|link|iframe|source)\b[^>]*\b(?:src|href)=\"(?:https?:)?//", re.IGNORECASE)
    offenders = [p.relative_to(site).as_posix() for p in pages(site) if needs.search(p.read_text(encoding="utf-8"))]
    assert not offenders, f"pages that load something from another site: {offenders}"


@pytest.fixture(scope="module")
def served(site: Path) -> Iterator[str]:
    """The site on a local HTTP server; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def browser_page(served: str) -> Iterator[tuple[object, list[str]]]:
    """A Chromium page that may reach only the local server; yields it and the list of refused URLs."""
    sync_api = pytest.importorskip("playwright.sync_api")
    refused: list[str] = []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})  # a laptop's window: the site's default width

        def only_local(route, request) -> None:
            if request.url.startswith(served) or request.url.startswith("data:"):
                route.continue_()
            else:
                refused.append(request.url)
                route.abort()

        page.route("**/*", only_local)
        yield page, refused
        browser.close()


@pytest.mark.browser
def test_every_page_loads_offline_with_its_images_and_typeset_math(site, served, browser_page):
    page, refused = browser_page
    with_math = []
    for path in pages(site):
        url = served + path.relative_to(site).as_posix()
        response = page.goto(url, wait_until="load")
        assert response is not None and response.ok, f"{url} answered {response and response.status}"
        unloaded = page.evaluate("[...document.images].filter(i => !i.complete || i.naturalWidth === 0)"
                                 ".map(i => i.getAttribute('src'))")
        assert not unloaded, f"{url}: images that did not load: {unloaded}"
        if path.relative_to(site).parts[0] == "notebooks":  # a notebook's code fits the column at 1280 px
            wide = page.evaluate("[...document.querySelectorAll('article pre')].filter(e => e.scrollWidth > "
                                 "e.clientWidth + 1).map(e => e.textContent.split('\\n')[0].slice(0, 60))")
            assert not wide, f"{url}: code that scrolls sideways at {page.viewport_size['width']} px: {wide[:3]}"
        math = page.locator(".math").count()
        if math:
            with_math.append(path.name)
            page.wait_for_function("() => [...document.querySelectorAll('.math')]"
                                   ".every(e => e.querySelector('mjx-container svg'))", timeout=30_000)
            raw = page.evaluate("[...document.querySelectorAll('.math')].filter(e => !e.querySelector('mjx-container'))"
                                ".map(e => e.textContent.slice(0, 60))")
            assert not raw, f"{url}: math left as raw TeX: {raw[:3]}"
    assert not refused, f"pages tried to reach the network: {sorted(set(refused))[:5]}"
    # the notebooks that teach with formulas have typeset formulas
    assert {"05_training_mse.html", "07_toward_a_dense_latent_space.html", "08_variational_autoencoder.html"} <= set(
        with_math)


WORDS = {"en": ("near the training codes", "in an empty region"), "ko": ("학습 데이터의 코드 근처", "빈 영역")}
EXPLORER_PAGES = {"en": "notebooks/06_reconstruction_vs_generation.html",
                  "ko": "notebooks/ko/06_reconstruction_vs_generation.html"}


def _aelib_greys(z: list[float], model: str = "ae") -> list[int]:
    """What the page should draw for ``z``: aelib's own decode of the shipped model, as 0..255 dark-on-white."""
    import torch

    from aelib.pretrained import load_autoencoder_2d, load_vae_2d

    with torch.no_grad():
        image = {"ae": load_autoencoder_2d, "vae": load_vae_2d}[model]().decode(torch.tensor([z]))[0]
    return [round(255 * (1 - float(v))) for v in image]


def _state(page, which: int = 0) -> tuple[list[float], list[int]]:
    return page.evaluate(f"[window.aeExplorers[{which}].z.slice(), window.aeExplorers[{which}].greys()]")


def _open_explorer(page, url: str) -> None:
    page.goto(url, wait_until="load")
    page.wait_for_function("window.aeExplorers && window.aeExplorers.length === 2", timeout=10_000)


@pytest.mark.browser
@pytest.mark.parametrize("edition", ["en", "ko"])
def test_the_latent_explorers_run_in_the_page(site, served, browser_page, edition):
    """For notebook 06's autoencoder and notebook 08's VAE: sliders, the map and the random button move z; the
    canvas shows aelib's own decode of that z; one decode takes under 5 ms by the page's own clock."""
    if not (site / EXPLORER_PAGES[edition]).exists():
        pytest.skip("no Korean edition")
    page, refused = browser_page
    _open_explorer(page, served + EXPLORER_PAGES[edition])
    assert page.locator(".ae-explorer").nth(1).is_visible() and not page.locator(".ae-fallback").is_visible()
    assert page.get_by_text("VBox(children=").count() == 0
    for which, model in enumerate(("ae", "vae")):
        explorer = page.locator(".ae-explorer").nth(which)
        z, greys = _state(page, which)
        explorer.locator(".ae-z1").fill("1")  # a learner drags slider z1 to 1
        z_slid, greys_slid = _state(page, which)
        assert z_slid == [pytest.approx(1), z[1]] and greys_slid != greys
        explorer.locator(".ae-map").click(position={"x": 60, "y": 240})  # lower left of the map
        z_clicked, greys_clicked = _state(page, which)
        assert z_clicked[0] < z_slid[0] and z_clicked[1] < z[1] and greys_clicked != greys_slid
        assert float(explorer.locator(".ae-z2").input_value()) == z_clicked[1]  # the sliders follow the click
        explorer.locator(".ae-random").click()
        z_drawn, greys_drawn = _state(page, which)
        assert z_drawn != z_clicked and greys_drawn != greys_clicked
        seen = ((z, greys), (z_slid, greys_slid), (z_clicked, greys_clicked), (z_drawn, greys_drawn))
        for z_seen, greys_seen in seen:
            worst = max(abs(a - b) for a, b in zip(greys_seen, _aelib_greys(z_seen, model), strict=True))
            assert worst <= 2, f"the page's decode of z = {z_seen} ({model}) differs from aelib's by {worst}/255"
        status = explorer.locator(".ae-status").inner_text()
        words = WORDS[edition]
        assert status.startswith(f"z = ({z_drawn[0]:.2f}, {z_drawn[1]:.2f})") and any(w in status for w in words)
        # the page's own timing: a learner's 60 slider moves
        page.evaluate(f"for (let i = 0; i < 60; i++) window.aeExplorers[{which}].setZ([-2 + i / 15, 1 - i / 30]);")
        milliseconds = page.evaluate(f"window.aeExplorers[{which}].decodeMs")
        median = sorted(milliseconds)[len(milliseconds) // 2]
        print(f"\none decode in the page ({edition}, {model}): median {median:.2f} ms over {len(milliseconds)}")
        assert median <= 5, f"a decode takes {median:.1f} ms in the page (median); it should take under 5 ms"
    assert not refused, f"the explorer's page tried to reach the network: {refused[:3]}"


def test_random_z_lands_in_empty_regions_for_the_autoencoder_not_for_the_vae():
    """The page's sentence: the autoencoder's z drawn evenly over its map often lands in an empty region (no
    training code within the explorer's distance), the VAE's z drawn from N(0, I) seldom does."""
    import torch

    from tools.site_explorer import explorer_data

    generator = torch.Generator().manual_seed(0)
    empty = {}
    for name in ("ae", "vae"):
        data = explorer_data(name)
        codes = torch.from_numpy(np.frombuffer(base64.b64decode(data["codes"]), dtype="<f2").astype("float32"))
        codes = codes.reshape(-1, 2)
        if data["draw"] == "normal":
            z = torch.randn(2000, 2, generator=generator)
        else:
            low, high = torch.tensor(data["low"]), torch.tensor(data["high"])
            z = low + torch.rand(2000, 2, generator=generator) * (high - low)
        empty[name] = (torch.cdist(z, codes).min(dim=1).values > data["spacing"]).float().mean().item()
    print(f"\nrandom z in an empty region: autoencoder {empty['ae']:.0%}, VAE {empty['vae']:.0%}")
    assert empty["ae"] > 0.2 and empty["vae"] < empty["ae"] / 4


@pytest.mark.browser
def test_the_latent_explorer_runs_from_disk_and_falls_back_without_scripts(site, browser_page):
    """Opened straight from disk (file://) the explorer runs and asks for nothing but local files; with
    scripts off, the note and the static map stand in for it."""
    page, _ = browser_page
    browser = page.context.browser
    context = browser.new_context()
    local = context.new_page()
    requested: list[str] = []
    local.on("request", lambda request: requested.append(request.url))
    _open_explorer(local, (site / EXPLORER_PAGES["en"]).as_uri())
    _, before = _state(local)
    local.locator(".ae-z2").first.fill("-10")
    z, after = _state(local)
    assert z[1] == pytest.approx(-10) and after != before
    assert max(abs(a - b) for a, b in zip(after, _aelib_greys(z), strict=True)) <= 2
    assert requested and all(url.startswith(("file://", "data:")) for url in requested), requested[:3]
    context.close()
    context = browser.new_context(java_script_enabled=False)
    still = context.new_page()
    still.goto((site / EXPLORER_PAGES["en"]).as_uri(), wait_until="load")
    assert still.locator(".ae-fallback").is_visible() and not still.locator(".ae-explorer").first.is_visible()
    assert still.get_by_text("the static map of the next section shows the same latent plane").count() == 1
    assert min(still.evaluate("[...document.images].map(i => i.naturalWidth)")) > 100
    context.close()


def test_every_notebook_page_offers_its_notebook_and_leaves_out_the_set_up_cell(site: Path):
    """The download link gives the committed notebook, byte for byte; the set-up cell (which only matters
    where a notebook runs) is not on the page."""
    committed = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")) + sorted(
        (ROOT / "notebooks").glob("ko/[0-9][0-9]_*.ipynb"))
    assert len(committed) >= 9
    for notebook in committed:
        page = site / notebook.relative_to(ROOT).with_suffix(".html")
        html = page.read_text(encoding="utf-8")
        assert f'href="{notebook.name}" download' in html, f"{page.name} has no download link"
        assert (page.parent / notebook.name).read_bytes() == notebook.read_bytes()
        assert "COURSE_PACKAGE" in notebook.read_text(encoding="utf-8")  # the set-up cell is in the notebook,
        assert "COURSE_PACKAGE" not in html, f"{page.relative_to(site)} shows the set-up cell"  # not on its page


@pytest.mark.browser
def test_solutions_are_folded_until_asked_for(served, browser_page):
    page, _ = browser_page
    page.goto(served + "solutions/05_training_mse.html", wait_until="load")
    details = page.locator("details")
    assert details.count() >= 3
    code = details.first.locator("pre").first
    assert not code.is_visible()
    details.first.locator("summary").click()
    assert code.is_visible()


@pytest.mark.browser
def test_hangul_is_drawn_with_real_glyphs(site, served, browser_page):
    """Korean text (a Korean notebook's page) renders in a font with Hangul, not as missing-glyph boxes."""
    page, _ = browser_page
    korean = "notebooks/ko/01_manifold.html"
    page.goto(served + (korean if (site / korean).exists() else "index.html"), wait_until="load")
    element = page.locator("article p", has_text=HANGUL).first
    assert element.count() == 1
    # Draw a Hangul syllable and an unassigned code point (always the missing-glyph box) in the page's font:
    # if the two pictures are the same, the browser has no glyph for Hangul.
    assert element.evaluate(HANGUL_IS_MISSING) is False, f"the Korean pages of the website: {NO_HANGUL_FONT}"
