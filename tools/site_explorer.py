"""The website's live latent explorers (notebook 06's page): the shipped 2-D decoders, run in the page's JavaScript.

``tools.site`` calls :func:`write_assets` at build time. It writes two classic scripts into the site's
``_static/explorer/``: ``decoder_2d.js`` (for notebook 06's autoencoder and notebook 08's VAE: the decoder's
weights as float16, the training codes and digits the map shows, the slider ranges) and ``explorer.js`` (the
page's code, copied from ``website/``). :func:`explorer_html` is what stands in the notebook's page where the
Jupyter widget stood. The ranges, the "empty region" distance and the starting z are those of
``aelib.widgets.LatentExplorer`` itself, so the page and the notebook's widget show the same plane.
"""

from __future__ import annotations

import base64
import json
import math
from pathlib import Path

import numpy as np

from tools.course import ROOT

MAP_CODES = 10_000  # the notebook's explorer shows the first 10,000 training codes
SCRIPTS = ("decoder_2d.js", "explorer.js")
MODELS = ("ae", "vae")  # notebook 06's autoencoder, notebook 08's VAE
SEPARATED = ' style="border-top:1px solid #ccc;margin-top:1.5em;padding-top:0.5em"'  # the second explorer

TEXT = {
    "en": {
        "note": "The live latent explorer needs JavaScript (or Jupyter, where the notebook's widget runs); "
                "the static map of the next section shows the same latent plane.",
        "about_ae": "Runs in this page: this notebook's shipped 2-D autoencoder, its decoder computed in your "
                    "browser. Move the sliders, click or drag on the map, or draw a random z.",
        "about_vae": "For comparison, the same explorer for notebook 08's 2-D VAE, trained to keep its codes close "
                     "to N(0, I). Draw random z in both: the autoencoder's, drawn evenly over its map, often land in "
                     "an empty region (where this notebook finds odd digits and smudges); the VAE's, drawn from "
                     "N(0, I), seldom do.",
        "map_ae": "training codes (click to set z)",
        "map_vae": "the VAE's training codes, centres μ (click to set z)",
        "digit": "decoded image",
    },
    "ko": {
        "note": "잠재공간 탐색기를 직접 조작하려면 JavaScript가 켜져 있어야 합니다"
                "(Jupyter에서는 대신 노트북의 위젯이 실행됩니다). "
                "JavaScript가 꺼져 있어도 다음 절의 정적 지도에서 같은 잠재공간을 볼 수 있습니다.",
        "about_ae": "이 탐색기는 이 페이지 안에서 바로 실행됩니다. 이 노트북의 2차원 오토인코더가 강좌에 함께 "
                    "들어 있어서, 브라우저가 그 디코더를 직접 실행합니다. 슬라이더를 움직이거나, 지도를 클릭하거나 "
                    "드래그하거나, 무작위 z를 뽑아 보세요.",
        "about_vae": "비교할 수 있도록 노트북 08의 2차원 VAE에도 같은 탐색기를 달았습니다. 이 VAE는 코드가 "
                     "N(0, I) 가까이에 머물도록 학습되었습니다. 두 탐색기에서 무작위 z를 뽑아 보세요. 오토인코더의 "
                     "지도 전체에서 고르게 뽑은 z는 빈 영역(이 노트북에서 이상한 숫자와 얼룩이 나온 곳)에 자주 "
                     "떨어지지만, VAE 탐색기에서 N(0, I)로 뽑은 z는 빈 영역에 거의 떨어지지 않습니다.",
        "map_ae": "학습 데이터의 코드(클릭하면 z가 그곳으로 이동)",
        "map_vae": "VAE가 학습 데이터에 준 코드, 중심 μ(클릭하면 z가 그곳으로 이동)",
        "digit": "디코딩된 이미지",
    },
}


def float16_base64(array: np.ndarray) -> str:
    """An array as little-endian float16 bytes in base64 (row-major)."""
    return base64.b64encode(np.ascontiguousarray(array, dtype="<f2").tobytes()).decode("ascii")


def explorer_data(name: str) -> dict:
    """What the page needs for one shipped model ("ae" or "vae"): decoder layers (float16), the map's codes
    (the VAE's: the centres μ) and digits, slider ranges, the "empty region" distance, the start z and how
    its random button draws z (evenly over the map, or from the VAE's prior N(0, I))."""
    import torch

    from aelib.data import load_mnist
    from aelib.pretrained import load_autoencoder_2d, load_vae_2d
    from aelib.widgets import LatentExplorer

    model = {"ae": load_autoencoder_2d, "vae": load_vae_2d}[name]()
    images, labels = load_mnist("train", limit=MAP_CODES)
    with torch.no_grad():
        codes = model.encode(images)
    explorer = LatentExplorer(model, codes, labels)  # the notebook's widget: its ranges, spacing and start
    linear = [layer for layer in model.decoder.layers if isinstance(layer, torch.nn.Linear)]
    return {
        "layers": [{"rows": layer.out_features, "cols": layer.in_features,
                    "weight": float16_base64(layer.weight.detach().numpy()),
                    "bias": float16_base64(layer.bias.detach().numpy())} for layer in linear],
        "codes": float16_base64(codes.numpy()),
        "labels": base64.b64encode(labels.numpy().astype(np.uint8).tobytes()).decode("ascii"),
        "low": [math.floor(100 * v) / 100 for v in explorer.low],  # on the sliders' 0.01 grid, so that a slider
        "high": [math.ceil(100 * v) / 100 for v in explorer.high],  # at 10 reads 10, not 9.9957
        "spacing": explorer.spacing,
        "start": explorer.z.tolist(),
        "draw": "normal" if name == "vae" else "uniform",
        "colours": [f"#{''.join(f'{round(255 * c):02x}' for c in colour[:3])}" for colour in _digit_colours()],
    }


def _digit_colours() -> list[tuple[float, ...]]:
    from aelib.plots import DIGIT_COLOURS

    return [DIGIT_COLOURS(d) for d in range(10)]


def write_assets(static: Path) -> None:
    """Write the explorer's two scripts into the staged site's ``_static`` folder."""
    folder = static / "explorer"
    folder.mkdir(parents=True, exist_ok=True)
    data = json.dumps({name: explorer_data(name) for name in MODELS}, separators=(",", ":"))
    (folder / "decoder_2d.js").write_text(
        "// The course's shipped 2-D decoders (aelib/checkpoints/ae_mnist_m2.pt and vae_mnist_m2.pt), written by\n"
        f"// `python -m tools.site`: weights as float16, and the first {MAP_CODES:,} training codes of each.\n"
        f"window.AE_EXPLORER_DATA = {data};\n", encoding="utf-8")
    (folder / "explorer.js").write_text((ROOT / "website" / "explorer.js").read_text(encoding="utf-8"),
                                        encoding="utf-8")


def _one_explorer(edition: str, name: str) -> str:
    text = TEXT[edition]
    return (
        f'<div class="ae-explorer" data-lang="{edition}" data-model="{name}" hidden'
        f'{SEPARATED if name != MODELS[0] else ""}>'
        f'<p class="ae-about"><em>{text["about_" + name]}</em></p>'
        '<div class="ae-sliders"></div>'
        '<div class="ae-panels" style="display:flex;flex-wrap:wrap;gap:12px;align-items:flex-start">'
        f'<figure style="margin:0"><canvas class="ae-digit" width="196" height="196" '
        f'style="border:1px solid #ccc;image-rendering:pixelated"></canvas>'
        f'<figcaption>{text["digit"]}</figcaption></figure>'
        f'<figure style="margin:0"><canvas class="ae-map" width="300" height="300" '
        f'style="border:1px solid #ccc;cursor:crosshair;touch-action:none"></canvas>'
        f'<figcaption>{text["map_" + name]}</figcaption><div class="ae-legend"></div></figure>'
        '</div><p class="ae-status"></p></div>'
    )


def explorer_html(edition: str, depth: int) -> str:
    """The two explorers' HTML (notebook 06's autoencoder, then notebook 08's VAE) for a page ``depth`` folders
    below the site's root; hidden until their script runs, with a note in their place until then."""
    up = "../" * depth
    scripts = "".join(f'<script src="{up}_static/explorer/{name}"></script>' for name in SCRIPTS)
    explorers = "".join(_one_explorer(edition, name) for name in MODELS)
    note = f'<p class="ae-fallback"><em>{TEXT[edition]["note"]}</em></p>'
    return f'<div class="ae-explorers">{explorers}{note}</div>{scripts}'
