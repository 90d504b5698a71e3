"""Pictures the notebooks share: image grids, latent scatters, loss curves, network diagrams.

Every drawing function takes an optional ``ax`` and returns the matplotlib Axes it drew on.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import torch
from matplotlib import patheffects
from matplotlib.axes import Axes
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure

from aelib.validate import SIDE, check_int, check_matrix

# Ten categorical colours, chosen so that no two are alike: the closest pair (1 and 3) differs by 40 in CIELAB
# (ΔE76; the earlier palette's pink 4 and pink 6 differed by 20), and by 10 or more under simulated
# deuteranopia. Every digit scatter also writes the digit itself at the centre of its cluster, so no reader
# has to rely on colour alone.
DIGIT_COLOURS = ListedColormap(
    ["#08306b", "#ff7f0e", "#029e73", "#d62728", "#e377c2", "#8c510a", "#7b3fb5", "#6b6b6b", "#e6d800", "#56b4e9"],
    name="digits",
)
FIGURE_DPI = 200  # saved figures are sharp enough to project
ENCODER_COLOUR, LATENT_COLOUR, DECODER_COLOUR, PLAIN_COLOUR = "#d62728", "#9467bd", "#1f77b4", "#bbbbbb"


def to_grid(images: torch.Tensor, n_cols: int, side: int = SIDE, pad: int = 1) -> np.ndarray:
    """Tile flattened images [N, side²] into one 2-D array, ``n_cols`` per row, padded by ``pad``."""
    x = check_matrix(images, "images", side * side, finite=False).detach().cpu().float().numpy()
    check_int(n_cols, "n_cols", low=1)
    n_rows = -(-len(x) // n_cols)
    cell = side + pad
    grid = np.full((n_rows * cell + pad, n_cols * cell + pad), 0.12, dtype=np.float32)  # light-grey gaps
    for k, img in enumerate(x.reshape(-1, side, side)):
        r, c = divmod(k, n_cols)
        grid[pad + r * cell : pad + r * cell + side, pad + c * cell : pad + c * cell + side] = img
    return grid


def show_images(
    images: torch.Tensor,
    n_cols: int = 10,
    titles: Sequence[str] | None = None,
    ax: Axes | None = None,
    title: str | None = None,
    scale: float = 0.9,
    row_titles: Sequence[str] | None = None,
    outline: torch.Tensor | None = None,
) -> Axes:
    """Show flattened images [N, 784] in a grid (one axes; ``titles`` go under each column, ``row_titles``
    to the left of each row). ``outline`` [N, 784] (bool): a red box is drawn around each image's marked pixels."""
    n = len(images)
    n_cols = min(n_cols, n)
    n_rows = -(-n // n_cols)
    if ax is None:
        _, ax = plt.subplots(figsize=(scale * n_cols, scale * n_rows + (0.4 if title else 0.1)))
    ax.imshow(to_grid(images, n_cols), cmap="gray_r", vmin=0, vmax=1, interpolation="nearest")
    ax.set_xticks([])
    ax.set_yticks([])
    if titles is not None:
        if len(titles) > n_cols:
            raise ValueError(f"titles label the columns, under the grid: got {len(titles)} titles for {n_cols} "
                             "columns. For several rows, draw one row per axes (or use row_titles).")
        ax.set_xticks([1 + (SIDE + 1) * (c + 0.5) for c in range(len(titles))], labels=list(titles))
        ax.tick_params(length=0)
    if row_titles is not None:
        if len(row_titles) != n_rows:
            raise ValueError(f"row_titles has {len(row_titles)} entries, but the grid has {n_rows} rows.")
        ax.set_yticks([(SIDE + 1) * (r + 0.5) for r in range(n_rows)], labels=list(row_titles))
        ax.tick_params(length=0)
    if outline is not None:
        _outline_marked(ax, outline, n, n_cols)
    if title:
        ax.set_title(title)
    return ax


def _outline_marked(ax: Axes, outline: torch.Tensor, n: int, n_cols: int) -> None:
    marked = torch.as_tensor(outline)
    if marked.dtype != torch.bool or marked.shape != (n, SIDE * SIDE):
        raise ValueError(f"outline must be a bool tensor of shape [{n}, {SIDE * SIDE}] (one mask per image), "
                         f"but got dtype {marked.dtype} and shape {list(marked.shape)}.")
    for k, mask in enumerate(marked.reshape(n, SIDE, SIDE)):
        rows, cols = torch.nonzero(mask, as_tuple=True)
        if len(rows) == 0:
            continue
        r, c = divmod(k, n_cols)
        top, left = 1 + r * (SIDE + 1) + rows.min().item(), 1 + c * (SIDE + 1) + cols.min().item()
        height, width = rows.max().item() - rows.min().item() + 1, cols.max().item() - cols.min().item() + 1
        ax.add_patch(plt.Rectangle((left - 0.5, top - 0.5), width, height, fill=False, edgecolor="#d62728", lw=1.2))


def spread_labels(
    centres: np.ndarray, span: np.ndarray, min_gap: float = 0.09, steps: int = 200,
    keep_clear: np.ndarray | None = None,
) -> np.ndarray:
    """Label positions near ``centres`` [K, 2], pushed apart until no two are closer than ``min_gap``
    of the plot's ``span`` (per axis), and pushed by the same gap off any point of ``keep_clear`` [J, 2] (marks
    drawn on the map) and off the other labels' centres (where a moved label's dot is drawn); labels with room
    stay exactly at their centres."""
    scale = np.where(np.asarray(span, dtype=float) > 0, span, 1.0)
    points = np.asarray(centres, dtype=float) / scale
    marks = np.empty((0, 2)) if keep_clear is None else np.asarray(keep_clear, dtype=float).reshape(-1, 2) / scale
    centres_scaled = points.copy()
    for _ in range(steps):
        moved = False
        for i in range(len(points)):
            for j in range(i + 1, len(points)):
                gap = points[j] - points[i]
                distance = float(np.hypot(*gap))
                if distance < min_gap:
                    direction = gap / distance if distance > 0 else np.array([0.0, 1.0])
                    push = (min_gap - distance) / 2 + 1e-9
                    points[i] -= direction * push
                    points[j] += direction * push
                    moved = True
            others = np.delete(centres_scaled, i, axis=0)  # the other digits' medians, where their dots may sit
            for mark in np.concatenate([marks, others]):  # a mark does not move: the label takes the whole step
                gap = points[i] - mark
                distance = float(np.hypot(*gap))
                if distance < min_gap:
                    direction = gap / distance if distance > 0 else np.array([0.0, 1.0])
                    points[i] += direction * (min_gap - distance + 1e-9)
                    moved = True
        if not moved:
            break
    return untangle_leaders(centres_scaled, points, marks, min_gap) * scale


def _segments_cross(a: np.ndarray, b: np.ndarray, c: np.ndarray, d: np.ndarray) -> bool:
    """Whether segment a–b and segment c–d cross (touching at an end does not count)."""
    def side(p, q, r):  # >0: r lies left of p→q, <0: right
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
    return side(a, b, c) * side(a, b, d) < 0 and side(c, d, a) * side(c, d, b) < 0


def untangle_leaders(centres: np.ndarray, points: np.ndarray, marks: np.ndarray, min_gap: float) -> np.ndarray:
    """Swap the places of two moved labels whose lines to their medians cross, where the swap keeps each label
    off the marks and the other medians (all in the plot's scaled units). Each swap shortens the lines' total
    length, so it ends."""
    points = points.copy()

    def clear(i: int, at: np.ndarray) -> bool:
        others = np.concatenate([marks, np.delete(centres, i, axis=0)])
        return np.allclose(at, centres[i]) or bool((np.hypot(*(others - at).T) >= min_gap - 1e-6).all())

    for _ in range(50):
        swapped = False
        for i in range(len(points)):
            for j in range(i + 1, len(points)):
                if _segments_cross(centres[i], points[i], centres[j], points[j]) and clear(i, points[j]) \
                        and clear(j, points[i]):
                    points[[i, j]] = points[[j, i]]
                    swapped = True
        if not swapped:
            break
    return points


def plot_latent(
    z: torch.Tensor, labels: torch.Tensor, ax: Axes | None = None, title: str | None = None, size: float = 4.0,
    digit_labels: bool = True, keep_clear: torch.Tensor | None = None,
    within: tuple[Sequence[float], Sequence[float]] | None = None,
) -> Axes:
    """Scatter 2-D codes ``z`` [N, 2] coloured by digit ``labels`` [N], in a shuffled order so that no digit
    hides the others, with a legend and (unless
    ``digit_labels`` is False, for a map with marks of its own) each digit written at the median of its codes;
    where two labels would collide, or a label would cover a point of ``keep_clear`` [J, 2] (marks drawn on the
    map, such as the centres of clouds), they are nudged apart, and a line points from the label to a dot at the
    true median. ``within`` (low, high), the corners of the region the caller will show, keeps every label inside
    it (set the axes' limits to it afterwards)."""
    z = check_matrix(z, "z", 2).detach().cpu().numpy()
    y = torch.as_tensor(labels).cpu().numpy()
    if ax is None:
        _, ax = plt.subplots(figsize=(5.5, 5))
    order = np.random.default_rng(0).permutation(len(z))  # a fixed shuffle: no digit is always drawn on top
    ax.scatter(z[order, 0], z[order, 1], c=y[order], cmap=DIGIT_COLOURS, vmin=-0.5, vmax=9.5, s=size, alpha=0.6,
               linewidths=0)
    handles = [
        plt.Line2D([], [], marker="o", ls="", color=DIGIT_COLOURS(d), label=str(d), markersize=5) for d in range(10)
    ]
    ax.legend(handles=handles, title="digit", loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False)
    outline = [patheffects.withStroke(linewidth=3, foreground="white")]
    if digit_labels:
        digits = np.unique(y)
        centres = np.array([np.median(z[y == d], axis=0) for d in digits])
        marks = None if keep_clear is None else check_matrix(keep_clear, "keep_clear", 2).detach().cpu().numpy()
        if within is None:
            positions = spread_labels(centres, span=np.ptp(z, axis=0), keep_clear=marks)
        else:
            low, high = (np.asarray(corner, dtype=float).reshape(2) for corner in within)
            if not (high > low).all():
                raise ValueError(f"within must be (low, high) with high > low on both axes, but got {within!r}.")
            margin = 0.04 * (high - low)  # about half a label's size
            positions = np.clip(centres, low + margin, high - margin)  # a median outside: start at the edge
            for _ in range(3):  # spreading can push a label out, clipping can push two together: settle both
                positions = spread_labels(positions, span=high - low, keep_clear=marks)
                positions = np.clip(positions, low + margin, high - margin)
        for d, centre, position in zip(digits, centres, positions, strict=True):
            if not np.allclose(centre, position):  # nudged apart: mark the true median, and point to it
                ax.plot(*zip(centre, position, strict=True), color="black", linewidth=0.8, zorder=3)
                ax.plot(*centre, marker="o", markersize=4, color="black", markeredgecolor="white", zorder=4)
            ax.text(*position, str(d), ha="center", va="center", fontsize=13, fontweight="bold", path_effects=outline,
                    zorder=5)
    ax.set_xlabel("z₁")
    ax.set_ylabel("z₂")
    if title:
        ax.set_title(title)
    return ax


def hatch_cells(
    marked: torch.Tensor, low: Sequence[float], high: Sequence[float], ax: Axes, label: str | None = None,
    hatch: str = "///",
) -> Axes:
    """Hatch the cells of a grid over the box [low, high] where ``marked`` [rows (z₂), columns (z₁)] is True.

    Hatching rather than a fill, so that no digit's colour is mistaken for the marked cells; ``hatch`` is
    matplotlib's pattern ("///", "xxx", ...), so that two kinds of cell can be told apart.
    """
    marked = torch.as_tensor(marked)
    if marked.dtype != torch.bool or marked.dim() != 2:
        raise ValueError(f"marked must be a 2-D bool tensor (one entry per grid cell), but got dtype {marked.dtype} "
                         f"and shape {list(marked.shape)}.")
    (x0, y0), (x1, y1) = (np.asarray(low, dtype=float), np.asarray(high, dtype=float))
    rows, cols = marked.shape
    width, height = (x1 - x0) / cols, (y1 - y0) / rows
    for k, (r, c) in enumerate(torch.nonzero(marked).tolist()):
        ax.add_patch(plt.Rectangle((x0 + c * width, y0 + r * height), width, height, fill=False, hatch=hatch, zorder=0,
                                   edgecolor="#b0b0b0", linewidth=0, label=label if k == 0 else None))
    return ax


def draw_latent_path(
    start: torch.Tensor, end: torch.Tensor, names: tuple[str, str], ax: Axes, linestyle: str = "--",
    color: str = "black", offsets: tuple[tuple[float, float], tuple[float, float]] = ((8, 0), (8, 0)),
) -> Axes:
    """Draw the straight path between two 2-D codes: a line from ``start`` (○) to ``end`` (✕), each end
    labelled with its name in ``names`` (an empty name: no label), shifted from its mark by ``offsets`` (in
    points)."""
    for name, code in (("start", start), ("end", end)):
        if torch.as_tensor(code).shape != (2,):
            raise ValueError(f"{name} must be one 2-D code, a tensor of 2 numbers, but got shape "
                             f"{list(torch.as_tensor(code).shape)}; for a batch of codes pick one row, e.g. z[0].")
    points = torch.stack([torch.as_tensor(start), torch.as_tensor(end)]).detach().cpu().float().numpy()
    ax.plot(points[:, 0], points[:, 1], linestyle=linestyle, color=color, linewidth=2, zorder=6,
            path_effects=[patheffects.withStroke(linewidth=4, foreground="white")])  # readable over any scatter
    for point, name, marker, offset in zip(points, names, "oX", offsets, strict=True):
        ax.plot(*point, marker=marker, markersize=9, color=color, markeredgecolor="white", zorder=7)
        if not name:
            continue
        ax.annotate(name, xy=tuple(point), xytext=offset, textcoords="offset points", fontsize=10, color=color,
                    bbox={"boxstyle": "round", "facecolor": "white", "edgecolor": color, "alpha": 0.85}, zorder=8,
                    arrowprops={"arrowstyle": "-", "linewidth": 0.8, "color": color})
    return ax


def draw_clouds(mu: torch.Tensor, sigma: torch.Tensor, ax: Axes, width: float = 2.0, label: str | None = None) -> Axes:
    """Outline each input's cloud N(μ, σ²) in 2-D as the ellipse μ ± ``width``·σ (its axes along z₁ and z₂)."""
    from matplotlib.patches import Ellipse

    mu, sigma = check_matrix(mu, "mu", 2), check_matrix(sigma, "sigma", 2)
    if mu.shape != sigma.shape or bool((sigma < 0).any()):
        raise ValueError(f"mu and sigma must have the same shape and sigma must be >= 0, but got shapes "
                         f"{list(mu.shape)} and {list(sigma.shape)}.")
    for k, (centre, spread) in enumerate(zip(mu.tolist(), sigma.tolist(), strict=True)):
        ax.add_patch(Ellipse(centre, 2 * width * spread[0], 2 * width * spread[1], fill=False, edgecolor="black",
                             linewidth=0.8, label=label if k == 0 else None))
    return ax


def plot_latent_panels(
    codes: Mapping[str, torch.Tensor], labels: torch.Tensor, clouds: Mapping[str, tuple[torch.Tensor, torch.Tensor]],
    unlabelled: Sequence[str] = (), inset: str | None = None, radius: float = 2.0,
) -> Figure:
    """One latent scatter per model, side by side (``codes``: name → [N, 2], coloured by ``labels``), each with
    a few inputs' clouds (``clouds``: name → (μ, σ), each [K, 2], drawn as μ ± 2σ) and a thick circle of
    ``radius`` around 0, where N(0, I) draws. Models in ``unlabelled`` get no digit labels (use it when every
    digit's median sits at one point); ``inset`` names a panel whose centre [-2r, 2r]² is enlarged in a corner.
    Each panel keeps its own scale; one unit is as long on both axes."""
    if set(clouds) != set(codes) or not set(unlabelled) <= set(codes) or (inset is not None and inset not in codes):
        raise ValueError(f"clouds must name the same models as codes ({sorted(codes)}), and unlabelled and inset "
                         f"only those; got clouds {sorted(clouds)}, unlabelled {list(unlabelled)}, inset {inset!r}.")
    angle = torch.linspace(0, 2 * torch.pi, 48)
    circle = radius * torch.stack([angle.cos(), angle.sin()], dim=1)
    fig, axes = plt.subplots(1, len(codes), figsize=(5.7 * len(codes), 5), squeeze=False)
    for ax, (name, z) in zip(axes[0], codes.items(), strict=True):
        mu, sigma = (torch.as_tensor(part).detach() for part in clouds[name])
        plot_latent(z, labels, ax=ax, title=name, keep_clear=torch.cat([mu, circle]),
                    digit_labels=name not in unlabelled)
        draw_clouds(mu, sigma, ax=ax)
        ax.plot(*circle.T, color="black", linewidth=3, zorder=6)  # above the clouds, which can lie on it
        ax.set_aspect("equal", adjustable="datalim")
        if ax is not axes[0][-1]:
            ax.get_legend().remove()
        if name == inset:
            zoom = ax.inset_axes([0.6, 0.04, 0.38, 0.38])
            plot_latent(z, labels, ax=zoom, digit_labels=False, size=2)
            zoom.get_legend().remove()
            zoom.plot(*circle.T, color="black", linewidth=3)
            edge = 2 * radius
            zoom.set(xlim=(-edge, edge), ylim=(-edge, edge), xticks=[], yticks=[], xlabel="", ylabel="", aspect="equal")
            zoom.set_title(f"[{-edge:g}, {edge:g}]²", fontsize=9)
            ax.indicate_inset_zoom(zoom, edgecolor="black")
    n_clouds = len(next(iter(clouds.values()))[0])
    keys = [plt.Line2D([], [], color="black", lw=3, label=f"thick circle: radius {radius:g} around 0, where N(0, I) "
                       f"puts {1 - np.exp(-radius**2 / 2):.0%} of its draws"),
            plt.Line2D([], [], color="black", lw=0.8,
                       label=f"thin ellipses: single inputs' clouds, μ ± 2σ ({n_clouds} inputs)")]
    fig.legend(handles=keys, loc="lower center", ncol=2, frameon=False)
    fig.tight_layout(rect=(0, 0.06, 1, 1))  # room below the panels for the key
    return fig


def plot_losses(curves: Mapping[str, Sequence[float]], ax: Axes | None = None, log: bool = True) -> Axes:
    """Loss per epoch for one or more runs, ``{"name": losses}``."""
    if ax is None:
        _, ax = plt.subplots(figsize=(5.5, 3.5))
    for name, losses in curves.items():
        ax.plot(range(1, len(losses) + 1), losses, marker="o", label=name)
    ax.set_xlabel("epoch")
    ax.set_ylabel("training MSE per pixel")
    if log:
        ax.set_yscale("log")
    ax.legend()
    ax.grid(alpha=0.3)
    return ax


def nodes_drawn(layers: Sequence[int], max_nodes: int = 12) -> list[int]:
    """How many nodes to draw per layer: every node when all layers fit in ``max_nodes``; otherwise
    layers of up to 4 exactly, wider ones on a log scale from 4 up to ``max_nodes`` for the widest,
    so a narrowing network is drawn narrowing."""
    widest = max(layers)
    if widest <= max_nodes:
        return list(layers)
    return [w if w <= 4 else round(4 + (max_nodes - 4) * np.log(w / 4) / np.log(widest / 4)) for w in layers]


def draw_network(
    layers: Sequence[int] = (6, 4, 2, 4, 6),
    highlight: str | None = "encoder",
    ax: Axes | None = None,
    labels: Sequence[str] | None = None,
    max_nodes: int = 12,
) -> Axes:
    """Draw a fully connected autoencoder: node columns narrowing to the bottleneck and widening again.

    ``highlight`` colours one part: 'encoder' (input to bottleneck), 'latent' (the bottleneck),
    'decoder' (bottleneck to output), 'all' or None. When a layer is wider than ``max_nodes``, columns
    are drawn with ``nodes_drawn`` nodes (wider layers get more) and a "⋮", labelled with their real width.
    """
    if highlight not in (None, "encoder", "latent", "decoder", "all"):
        raise ValueError(f"highlight must be 'encoder', 'latent', 'decoder', 'all' or None, not {highlight!r}.")
    if len(layers) < 3 or len(layers) % 2 == 0:
        raise ValueError(f"layers must be an odd number (>= 3) of widths with the bottleneck in the middle: {layers}")
    for width in layers:
        check_int(width, "each layer width", low=1)
    mid = len(layers) // 2
    if ax is None:
        _, ax = plt.subplots(figsize=(1.3 * len(layers) + 1, 3.6))
    shown = nodes_drawn(layers, max_nodes)
    top = max(shown)

    def positions(col: int) -> np.ndarray:
        """The drawn nodes' heights; an elided column leaves an empty slot in the middle for its "⋮"."""
        k = shown[col]
        spacing = (top / max(top - 1, 1)) * 0.9
        if layers[col] == k:
            return (np.arange(k) - (k - 1) / 2) * spacing
        slots = np.arange(k + 1) - k / 2
        return np.delete(slots, k // 2) * spacing

    def part_colour(col: int, edge: bool) -> str:
        if highlight == "all":
            return LATENT_COLOUR if col == mid and not edge else (ENCODER_COLOUR if col < mid else DECODER_COLOUR)
        if highlight == "encoder" and (col < mid or (col == mid and not edge)):
            return ENCODER_COLOUR
        if highlight == "decoder" and col >= mid:
            return DECODER_COLOUR
        if highlight == "latent" and col == mid and not edge:
            return LATENT_COLOUR
        return PLAIN_COLOUR

    for col in range(len(layers) - 1):
        y0, y1 = positions(col), positions(col + 1)
        colour = part_colour(col, edge=True)
        for a in y0:
            for b in y1:
                ax.plot([col, col + 1], [a, b], color=colour, lw=0.8, alpha=0.5 if colour != PLAIN_COLOUR else 0.35,
                        zorder=1)
    for col, width in enumerate(layers):
        ys = positions(col)
        face, edge, edge_width = part_colour(col, edge=False), "black", 1.0
        if col == mid and highlight is not None:  # the bottleneck is always z's purple; the highlighted half rings it
            face = LATENT_COLOUR
            edge, edge_width = {"encoder": (ENCODER_COLOUR, 3.0), "decoder": (DECODER_COLOUR, 3.0)}.get(
                highlight, ("black", 1.0))
        ax.scatter(np.full(len(ys), col), ys, s=260 if top <= 8 else 170, color=face, edgecolor=edge,
                   linewidths=edge_width, zorder=2)
        if width > shown[col]:  # the empty middle slot
            ax.text(col, 0, "⋮", ha="center", va="center", fontsize=14, zorder=3)
        ax.text(col, -top / 2 - 0.9, labels[col] if labels else str(width), ha="center", va="top", fontsize=10)
    below = -top / 2 - 1.7  # the parts' names under the widths, clear of the edges
    names = [((mid - 1) / 2, r"encoder $f_\theta$", ENCODER_COLOUR), (mid, "$z$", LATENT_COLOUR),
             (mid + (mid + 1) / 2, r"decoder $g_\phi$", DECODER_COLOUR)]
    for x, text, colour in names:
        ax.text(x, below, text, ha="center", va="top", fontsize=11, color=colour, fontweight="bold")
    ax.text(mid, below - 0.7, "bottleneck", ha="center", va="top", fontsize=10, color=LATENT_COLOUR)
    ax.set_xlim(-0.6, len(layers) - 0.4)
    ax.set_ylim(-top / 2 - 3.1, top / 2 + 0.9)
    ax.axis("off")
    return ax


def decoded_grid(
    decode: Callable[[torch.Tensor], torch.Tensor],
    x_range: tuple[float, float],
    y_range: tuple[float, float],
    n: int = 15,
) -> tuple[torch.Tensor, torch.Tensor]:
    """Decode an n x n grid of 2-D codes spanning the ranges.

    Returns ``(images, codes)``: images [n², 784] row by row from the top (largest z₂) down, as an
    image of the plane reads, and the codes [n², 2] they came from.
    """
    check_int(n, "n", low=2)
    xs = torch.linspace(x_range[0], x_range[1], n)
    ys = torch.linspace(y_range[1], y_range[0], n)
    codes = torch.stack(torch.meshgrid(ys, xs, indexing="ij")[::-1], dim=-1).reshape(-1, 2)
    return decode(codes).detach().cpu(), codes


def show_decoded_grid(
    decode: Callable[[torch.Tensor], torch.Tensor],
    x_range: tuple[float, float],
    y_range: tuple[float, float],
    n: int = 15,
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """Show ``decoded_grid`` as one picture laid over the latent plane's coordinates."""
    images, _ = decoded_grid(decode, x_range, y_range, n)
    if ax is None:
        _, ax = plt.subplots(figsize=(6, 6))
    ax.imshow(to_grid(images, n, pad=0), cmap="gray_r", vmin=0, vmax=1,
              extent=(*x_range, *y_range), aspect="auto", interpolation="nearest")
    ax.set_xlabel("z₁")
    ax.set_ylabel("z₂")
    if title:
        ax.set_title(title)
    return ax


def plot_digit_shares(shares: Mapping[str, torch.Tensor], ax: Axes | None = None) -> Axes:
    """Grouped bars: for each named set of images, the share of them that shows (or is read as) each digit 0-9.
    ``shares`` maps a legend label to a tensor of 10 shares."""
    if not shares:
        raise ValueError("plot_digit_shares needs at least one set of shares, e.g. {'in the data': shares}.")
    for name, values in shares.items():
        if torch.as_tensor(values).shape != (10,):
            raise ValueError(f"shares[{name!r}] must hold 10 numbers, one per digit, "
                             f"not shape {list(torch.as_tensor(values).shape)}.")
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 3.4))
    width = 0.8 / len(shares)
    colours = ["#444444", DIGIT_COLOURS(3), DIGIT_COLOURS(0), DIGIT_COLOURS(2)]
    for k, (name, values) in enumerate(shares.items()):
        offset = (k - (len(shares) - 1) / 2) * width
        ax.bar(np.arange(10) + offset, torch.as_tensor(values).float().numpy(), width=width, label=name,
               color=colours[k % len(colours)])
    ax.set_xticks(range(10))
    ax.set_xlabel("digit (for decoded images: the digit the judge reads)")
    ax.set_ylabel("share of images")
    ax.legend(frameon=False)
    return ax


def save_figure(fig: Figure | Axes, name: str) -> None:
    """Save a figure (or the figure an Axes belongs to) as ``figures/<name>`` when the figures are
    being rebuilt (``python -m tools.figures``).

    That command sets ``AELIB_FIGURES_DIR`` (pytest does too, for notebook 02, to compare with figures/); in an
    ordinary run nothing is written, so running the course never changes the committed figures. It returns
    nothing, so a cell that ends with it shows the same output either way.
    """
    target = os.environ.get("AELIB_FIGURES_DIR")
    if not target:
        return
    if isinstance(fig, Axes):
        fig = fig.figure
    path = Path(target) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=FIGURE_DPI, bbox_inches="tight", metadata={"Software": None})
