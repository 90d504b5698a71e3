"""The latent explorer (notebook 06): move z with sliders and watch the decoder's output change."""

from __future__ import annotations

import io
import time

import ipywidgets as W
import matplotlib
import numpy as np
import torch
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

from aelib.data import nearest_distance
from aelib.latent import central_box
from aelib.plots import DIGIT_COLOURS
from aelib.validate import SIDE, check_int, check_matrix

IMAGE_PX = 196  # the decoded 28 x 28 digit is shown 7x enlarged
PLOT_PX = 300


def png_bytes(pixels: np.ndarray) -> bytes:
    """Encode a uint8 array (H x W, or H x W x 3) as PNG."""
    buffer = io.BytesIO()
    Image.fromarray(pixels).save(buffer, format="PNG", compress_level=1)
    return buffer.getvalue()


def digit_png(image: np.ndarray, px: int = IMAGE_PX) -> bytes:
    """A decoded image (784 values in [0, 1]) as an enlarged dark-on-white PNG."""
    grey = (255 * (1 - np.clip(image.reshape(SIDE, SIDE), 0, 1))).astype(np.uint8)
    return png_bytes(np.asarray(Image.fromarray(grey).resize((px, px), Image.NEAREST)))


class LatentExplorer:
    """Sliders for two coordinates of z, the decoded image, and the training codes with a marker at z.

    ``model`` needs ``decode`` and ``latent_dim``; ``codes`` [N, m] are training codes (their central
    range, widened by ``margin`` on each side, sets the sliders) and ``labels`` [N] their digits. For m > 2 two menus
    choose which coordinates the sliders move; the others stay at ``base`` (default: the codes' mean).
    """

    def __init__(
        self,
        model: torch.nn.Module,
        codes: torch.Tensor,
        labels: torch.Tensor,
        dims: tuple[int, int] = (0, 1),
        base: torch.Tensor | None = None,
        margin: float = 0.3,
    ) -> None:
        self.model = model
        self.m = check_int(getattr(model, "latent_dim", None), "model.latent_dim", low=2)
        self.codes = check_matrix(codes, "codes", self.m).detach().cpu().float()
        self.labels = torch.as_tensor(labels).cpu()
        if self.labels.shape != (len(self.codes),):
            raise ValueError(
                f"labels must have shape [{len(self.codes)}] (one per code), got {list(self.labels.shape)}."
            )
        if base is not None:
            base = check_matrix(torch.as_tensor(base).reshape(1, -1), "base", self.m)[0].float()
        self.z = (self.codes.mean(0) if base is None else base).clone()
        low, high = central_box(self.codes, quantile=0.005)  # outliers would squeeze the picture
        pad = margin * (high - low)
        self.low, self.high = (low - pad).tolist(), (high + pad).tolist()
        self.spacing = self._typical_spacing()
        self.image = np.zeros(SIDE * SIDE, dtype=np.float32)
        self.update_seconds: list[float] = []

        options = [(f"z{_subscript(i + 1)}", i) for i in range(self.m)]
        self.menus = [W.Dropdown(options=options, value=d, description=t, layout=W.Layout(width="150px"))
                      for d, t in zip(dims, ("→ slider 1", "→ slider 2"), strict=True)]
        self.sliders = [W.FloatSlider(step=0.01, continuous_update=True, readout_format=".2f",
                                      layout=W.Layout(width="320px")) for _ in range(2)]
        self.decoded = W.Image(format="png", width=IMAGE_PX, height=IMAGE_PX)
        self.plane = W.Image(format="png", width=PLOT_PX, height=PLOT_PX)
        self.status = W.HTML()
        self._quiet = False
        self._configure_sliders()
        for slider in self.sliders:
            slider.observe(self._on_slider, names="value")
        for menu in self.menus:
            menu.observe(self._on_menu, names="value")
        controls = [*self.menus, *self.sliders] if self.m > 2 else self.sliders
        self.widget = W.VBox([
            W.VBox(controls),
            W.HBox([self.decoded, self.plane]),
            self.status,
        ])
        self._draw_plane()
        self.update()

    @property
    def dims(self) -> tuple[int, int]:
        return self.menus[0].value, self.menus[1].value

    def set_z(self, first: float, second: float) -> None:
        """Move the two sliders (as a learner would) to these values."""
        self.sliders[0].value, self.sliders[1].value = first, second

    def update(self) -> None:
        """Decode the current z and redraw the image, the marker and the status line."""
        start = time.perf_counter()
        with torch.no_grad():
            decoded = self.model.decode(self.z.reshape(1, -1))
        self.image = decoded.detach().cpu().reshape(-1).numpy()
        self.decoded.value = digit_png(self.image)
        self.plane.value = png_bytes(self._plane_with_marker())
        distance = float(nearest_distance(self.z.reshape(1, -1), self.codes)[0])
        where = ("near the training codes" if distance <= self.spacing
                 else "<b>in an empty region</b>: no training code is near")
        coords = ", ".join(f"{v:.2f}" for v in self.z.tolist())
        self.status.value = f"z = ({coords}) — {where} (nearest code {distance:.2f} away)"
        self.update_seconds.append(time.perf_counter() - start)

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)

    # -- internals --------------------------------------------------------------------------------------
    def _typical_spacing(self) -> float:
        sample = self.codes[torch.randperm(len(self.codes), generator=torch.Generator().manual_seed(0))[:2000]]
        d = torch.cdist(sample, self.codes)
        nearest = d.topk(2, largest=False).values[:, 1]  # [:, 0] is the point itself
        return 3.0 * float(nearest.quantile(0.99))

    def _configure_sliders(self) -> None:
        self._quiet = True  # moving the sliders here must not write stale values into z
        try:
            for slider, d in zip(self.sliders, self.dims, strict=True):
                slider.min, slider.max = -1e9, 1e9  # widen first so the value is never clipped on the way
                slider.value = float(self.z[d])
                slider.min, slider.max = self.low[d], self.high[d]
                slider.description = f"z{_subscript(d + 1)}"
        finally:
            self._quiet = False

    def _on_slider(self, _change: dict) -> None:
        if self._quiet:
            return
        for slider, d in zip(self.sliders, self.dims, strict=True):
            self.z[d] = slider.value
        self.update()

    def _on_menu(self, _change: dict) -> None:
        if self.dims[0] == self.dims[1]:
            return
        self._configure_sliders()
        self._draw_plane()
        self.update()

    def _draw_plane(self) -> None:
        d0, d1 = self.dims
        fig = Figure(figsize=(PLOT_PX / 100, PLOT_PX / 100), dpi=100)
        canvas = FigureCanvasAgg(fig)
        ax = fig.add_axes((0.14, 0.12, 0.83, 0.83))
        ax.scatter(self.codes[:, d0], self.codes[:, d1], c=self.labels, cmap=DIGIT_COLOURS, vmin=-0.5,
                   vmax=9.5, s=1.5, alpha=0.5, linewidths=0)
        ax.set_xlim(self.low[d0], self.high[d0])
        ax.set_ylim(self.low[d1], self.high[d1])
        ax.set_xlabel(f"z{_subscript(d0 + 1)}", fontsize=8, labelpad=1)
        ax.set_ylabel(f"z{_subscript(d1 + 1)}", fontsize=8, labelpad=1)
        ax.tick_params(labelsize=7)
        with matplotlib.rc_context({"path.simplify": True}):
            canvas.draw()
        self._background = np.asarray(canvas.buffer_rgba())[..., :3].copy()
        self._to_pixels = ax.transData.transform
        self._plot_height = self._background.shape[0]

    def _plane_with_marker(self) -> np.ndarray:
        d0, d1 = self.dims
        x, y = self._to_pixels((float(self.z[d0]), float(self.z[d1])))
        col, row = round(x), round(self._plot_height - y)
        out = self._background.copy()
        h, w = out.shape[:2]
        rr, cc = np.ogrid[:h, :w]
        distance = np.hypot(rr - row, cc - col)
        out[(np.abs(distance - 6) < 1.6) | (distance < 1.5)] = (0, 0, 0)  # a ring with a dot: z
        return out


def _subscript(number: int) -> str:
    return str(number).translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"))
