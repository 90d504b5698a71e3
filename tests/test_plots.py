"""The course's plotting helpers: what they draw, checked against values worked out by hand."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest
import torch

from aelib.plots import (
    DIGIT_COLOURS,
    draw_network,
    nodes_drawn,
    plot_digit_shares,
    plot_latent,
    show_images,
    untangle_leaders,
)

pytestmark = pytest.mark.numeric  # results can change under another CPU's kernels: lane 2 re-runs it


def test_small_networks_are_drawn_node_for_node():
    assert nodes_drawn((6, 4, 2, 4, 6)) == [6, 4, 2, 4, 6]


def test_wide_networks_are_drawn_narrowing():
    # 4 + 8·ln(w/4)/ln(784/4): 256 → 10.3, 64 → 8.2 (worked out by hand); 2 stays 2
    assert nodes_drawn((784, 256, 64, 2, 64, 256, 784)) == [12, 10, 8, 2, 8, 10, 12]


def test_the_bottleneck_is_purple_in_every_highlight_and_ringed_by_the_highlighted_half():
    from matplotlib.colors import to_rgba

    from aelib.plots import DECODER_COLOUR, ENCODER_COLOUR, LATENT_COLOUR

    for highlight, ring in (("encoder", ENCODER_COLOUR), ("decoder", DECODER_COLOUR), ("latent", "black")):
        fig, ax = plt.subplots()
        draw_network((6, 4, 2, 4, 6), highlight=highlight, ax=ax)
        bottleneck = ax.collections[2]  # one scatter per column: 6, 4, then the 2 bottleneck nodes
        assert len(bottleneck.get_offsets()) == 2
        assert tuple(bottleneck.get_facecolors()[0]) == to_rgba(LATENT_COLOUR)
        assert tuple(bottleneck.get_edgecolors()[0]) == to_rgba(ring)
        plt.close(fig)


def test_the_mnist_drawing_has_as_many_dots_as_nodes_drawn():
    fig, ax = plt.subplots()
    draw_network((784, 256, 64, 2, 64, 256, 784), highlight="encoder", ax=ax)
    dots = sum(len(c.get_offsets()) for c in ax.collections)
    assert dots == 12 + 10 + 8 + 2 + 8 + 10 + 12
    assert [t.get_text() for t in ax.texts].count("⋮") == 6  # every layer except the bottleneck is cut
    plt.close(fig)


def test_titles_label_columns_and_are_refused_for_more_images_than_columns():
    images = torch.rand(6, 784)
    ax = show_images(images[:3], n_cols=3, titles=["a", "b", "c"])
    assert [t.get_text() for t in ax.get_xticklabels()] == ["a", "b", "c"]
    plt.close(ax.figure)
    # 6 images in 2 rows of 3: six titles under three columns would be drawn past the grid's edge
    with pytest.raises(ValueError, match="got 6 titles for 3 columns"):
        show_images(images, n_cols=3, titles=[str(k) for k in range(6)])
    plt.close("all")


def test_row_titles_label_each_row_and_must_match_the_grid():
    ax = show_images(torch.zeros(20, 784), n_cols=10, row_titles=["originals", "reconstructions"])
    assert [t.get_text() for t in ax.get_yticklabels()] == ["originals", "reconstructions"]
    plt.close(ax.figure)
    with pytest.raises(ValueError, match="row_titles has 1 entries, but the grid has 2 rows"):
        show_images(torch.zeros(20, 784), n_cols=10, row_titles=["only one"])
    plt.close("all")


def test_latent_scatter_writes_each_digit_at_its_median_code():
    z = torch.tensor([[0.0, 0.0], [2.0, 2.0], [4.0, 0.0], [10.0, 10.0], [12.0, 14.0]])
    labels = torch.tensor([3, 3, 3, 7, 7])
    ax = plot_latent(z, labels)
    centres = {t.get_text(): t.get_position() for t in ax.texts}
    assert centres == {"3": (2.0, 0.0), "7": (11.0, 12.0)}  # medians by hand
    plt.close(ax.figure)
    bare = plot_latent(z, labels, digit_labels=False)  # a map with marks of its own: the legend only
    assert len(bare.texts) == 0 and len(bare.get_legend().get_texts()) == 10
    plt.close(bare.figure)


def test_every_drawing_returns_its_axes():
    fig, axes = plt.subplots(1, 3)
    assert show_images(torch.zeros(4, 784), ax=axes[0]) is axes[0]
    assert plot_latent(torch.zeros(4, 2), torch.arange(4), ax=axes[1]) is axes[1]
    assert draw_network((6, 4, 2, 4, 6), ax=axes[2]) is axes[2]
    plt.close(fig)


def cielab(rgb: np.ndarray) -> np.ndarray:
    """sRGB in [0, 1] to CIELAB (D65), by the published formulas."""
    linear = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    xyz = linear @ np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]]).T
    f = xyz / np.array([0.95047, 1.0, 1.08883])
    f = np.where(f > (6 / 29) ** 3, np.cbrt(f), f / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.stack([116 * f[:, 1] - 16, 500 * (f[:, 0] - f[:, 1]), 200 * (f[:, 1] - f[:, 2])], axis=1)


def test_cielab_matches_published_values():
    # sRGB white, black and pure red: L*a*b* (100, 0, 0), (0, 0, 0) and (53.24, 80.09, 67.20)
    lab = cielab(np.array([[1.0, 1.0, 1.0], [0.0, 0.0, 0.0], [1.0, 0.0, 0.0]]))
    assert np.allclose(lab, [[100, 0, 0], [0, 0, 0], [53.24, 80.09, 67.20]], atol=0.1)


def test_digit_colours_are_ten_colours_no_two_alike():
    rgb = np.array([DIGIT_COLOURS(d)[:3] for d in range(10)])
    lab = cielab(rgb)
    closest = min(np.linalg.norm(lab[i] - lab[j]) for i in range(10) for j in range(i + 1, 10))
    assert closest > 35  # ΔE76: the old palette's two pinks (4 and 6) were 20 apart and were mistaken for each other


def test_crossing_label_lines_are_untangled():
    # two medians side by side, their labels pushed up and across: the lines (0,0)→(1,1) and (1,0)→(0,1) cross
    centres = np.array([[0.0, 0.0], [1.0, 0.0]])
    crossed = np.array([[1.0, 1.0], [0.0, 1.0]])
    assert np.allclose(untangle_leaders(centres, crossed, np.empty((0, 2)), min_gap=0.1), [[0.0, 1.0], [1.0, 1.0]])
    # a swap that would put a label on a mark drawn at (0, 1) is not made
    kept = untangle_leaders(centres, crossed, np.array([[0.0, 1.0]]), min_gap=0.1)
    assert np.allclose(kept, crossed)


def test_digit_labels_that_would_overlap_are_pushed_apart_and_stay_near_their_clusters():
    # the 4s and the 9s have medians 0.1 apart, 1% of the plot's width; the 0s are far from both
    z = torch.tensor([[0.0, 0.0], [1.0, 0.0], [10.0, 10.0], [10.0, 10.0], [10.1, 10.0], [10.1, 10.0]])
    labels = torch.tensor([0, 0, 4, 4, 9, 9])
    ax = plot_latent(z, labels)
    at = {t.get_text(): np.array(t.get_position()) for t in ax.texts}
    span = np.array([10.1, 10.0])  # the codes' extent on each axis
    assert np.allclose(at["0"], (0.5, 0.0))  # with room to spare, a label stays at its median
    # pushed to 9% of the plot apart: at 6% a "9" and a "4" with the median's dot between them read as "9·4"
    assert np.hypot(*((at["4"] - at["9"]) / span)) >= 0.09 - 1e-6
    # and each label off the other digit's median, where that digit's dot is drawn: "9" over the 4s' dot reads as
    # the 4s' label; the medians are 0.01 of the plot apart, so each label ends 0.08 to 0.1 from its own median
    assert np.hypot(*((at["4"] - (10.1, 10.0)) / span)) >= 0.09 - 1e-6
    assert np.hypot(*((at["9"] - (10.0, 10.0)) / span)) >= 0.09 - 1e-6
    assert np.hypot(*((at["4"] - (10.0, 10.0)) / span)) < 0.1 and np.hypot(*((at["9"] - (10.1, 10.0)) / span)) < 0.1
    plt.close(ax.figure)


def test_latent_scatter_mixes_the_digits_drawing_order_so_none_always_lies_on_top():
    # 200 codes, the 0s first and the 9s last: drawn in that order, the 9s would cover every 0
    z = torch.randn(200, 2, generator=torch.Generator().manual_seed(0))
    labels = torch.cat([torch.zeros(100, dtype=torch.long), torch.full((100,), 9)])
    ax = plot_latent(z, labels, digit_labels=False)
    drawn = ax.collections[0]
    assert sorted(map(tuple, drawn.get_offsets().tolist())) == sorted(map(tuple, z.tolist()))  # every code, once
    last = np.asarray(drawn.get_array())[-50:]  # the colour values of the 50 codes drawn last, on top
    assert 10 < (last == 0).sum() < 40  # both digits among them
    plt.close(ax.figure)


def test_a_digit_label_steps_off_a_mark_drawn_on_the_map_and_points_back_to_its_median():
    # the 0s' median is (0.5, 0); a cloud's centre drawn there would sit under the label
    z = torch.tensor([[0.0, 0.0], [1.0, 0.0], [10.0, 10.0], [10.0, 10.0]])
    labels = torch.tensor([0, 0, 4, 4])
    span = np.array([10.0, 10.0])
    free = plot_latent(z, labels)
    assert np.allclose(next(t for t in free.texts if t.get_text() == "0").get_position(), (0.5, 0.0))
    ax = plot_latent(z, labels, keep_clear=torch.tensor([[0.5, 0.0]]))
    at = np.array(next(t for t in ax.texts if t.get_text() == "0").get_position())
    distance = np.hypot(*((at - (0.5, 0.0)) / span))
    assert 0.09 - 1e-6 <= distance < 0.1  # off the mark by the labels' gap, and no further
    leader = [line for line in ax.lines if len(line.get_xdata()) == 2]
    assert len(leader) == 1 and np.allclose(leader[0].get_xydata()[0], (0.5, 0.0))  # the line starts at the median
    with pytest.raises(ValueError, match="keep_clear"):
        plot_latent(z, labels, keep_clear=torch.zeros(3))
    plt.close("all")


def test_an_elided_column_leaves_its_middle_slot_empty_for_the_dots():
    fig, ax = plt.subplots()
    draw_network((784, 256, 64, 2, 64, 256, 784), highlight="encoder", ax=ax)
    columns = {}
    for collection in ax.collections:
        for x, y in collection.get_offsets():
            columns.setdefault(round(float(x)), []).append(float(y))
    first = sorted(columns[0])  # 12 nodes drawn for 784
    gaps = np.diff(first)
    assert len(first) == 12 and np.isclose(gaps.max(), 2 * gaps.min())  # one empty slot, in the middle
    assert first[5] < 0 < first[6]
    dots = [t for t in ax.texts if t.get_text() == "⋮"]
    assert len(dots) == 6 and all(t.get_position()[1] == 0 for t in dots)  # every elided column, at the gap
    plt.close(fig)


def test_digit_shares_are_drawn_as_one_bar_per_digit_per_set_at_their_heights():
    data = torch.full((10,), 0.1)
    drawn = torch.tensor([0.3, 0.0, 0.2, 0.0, 0.0, 0.1, 0.0, 0.2, 0.2, 0.0])
    ax = plot_digit_shares({"in the data": data, "decoded": drawn})
    heights = [round(bar.get_height(), 6) for bar in ax.patches]
    assert heights == [0.1] * 10 + [0.3, 0.0, 0.2, 0.0, 0.0, 0.1, 0.0, 0.2, 0.2, 0.0]
    # two sets of bars, 0.4 wide each, centred on each digit: the first left of it, the second right
    assert ax.patches[0].get_x() == pytest.approx(-0.4) and ax.patches[10].get_x() == pytest.approx(0.0)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["in the data", "decoded"]
    with pytest.raises(ValueError, match="must hold 10 numbers"):
        plot_digit_shares({"bad": torch.ones(9)})
    plt.close("all")


def test_outline_boxes_each_marked_square_where_it_lies_in_the_grid():
    marked = torch.zeros(3, 28, 28, dtype=torch.bool)
    marked[1, 4:12, 10:18] = True  # an 8 × 8 square in the second image; the others unmarked
    ax = show_images(torch.zeros(3, 784), n_cols=2, outline=marked.reshape(3, 784))
    (box,) = ax.patches
    # by hand: image 1 sits in row 0, column 1, whose first pixel is at grid column 1 + 29 = 30, row 1
    assert (box.get_x(), box.get_y(), box.get_width(), box.get_height()) == (30 + 10 - 0.5, 1 + 4 - 0.5, 8, 8)
    with pytest.raises(ValueError, match=r"outline must be a bool tensor of shape \[3, 784\]"):
        show_images(torch.zeros(3, 784), outline=torch.zeros(3, 784))
    plt.close("all")


def test_hatched_cells_sit_on_the_grid_cells_they_mark():
    from aelib.plots import hatch_cells

    marked = torch.zeros(2, 4, dtype=torch.bool)
    marked[1, 2] = True  # row 1 (upper half in z₂), column 2 of 4
    fig, ax = plt.subplots()
    hatch_cells(marked, low=(0.0, -1.0), high=(8.0, 1.0), ax=ax, label="empty")
    (cell,) = ax.patches
    # by hand: cells are 8/4 = 2 wide and 2/2 = 1 high; column 2 starts at x = 4, row 1 at z₂ = 0
    assert (cell.get_x(), cell.get_y(), cell.get_width(), cell.get_height()) == (4.0, 0.0, 2.0, 1.0)
    assert cell.get_hatch() == "///" and cell.get_label() == "empty"
    hatch_cells(marked, low=(0.0, -1.0), high=(8.0, 1.0), ax=ax, hatch="xxx")  # a second kind, told apart
    assert ax.patches[1].get_hatch() == "xxx" and ax.patches[1].get_x() == 4.0
    with pytest.raises(ValueError, match="marked must be a 2-D bool tensor"):
        hatch_cells(torch.zeros(2, 4), (0, 0), (1, 1), ax=ax)
    plt.close(fig)


def test_a_latent_path_is_a_line_from_a_circle_to_a_cross_with_both_ends_named():
    from aelib.plots import draw_latent_path

    fig, ax = plt.subplots()
    draw_latent_path(torch.tensor([1.0, 2.0]), torch.tensor([-3.0, 0.5]), ("a 1", "a 7"), ax=ax, linestyle=":",
                     color="red")
    line, start, end = ax.lines
    assert line.get_xdata().tolist() == [1.0, -3.0] and line.get_ydata().tolist() == [2.0, 0.5]
    assert line.get_linestyle() == ":" and line.get_color() == "red"
    assert (start.get_marker(), end.get_marker()) == ("o", "X")
    assert (start.get_xdata()[0], start.get_ydata()[0]) == (1.0, 2.0)
    assert [(t.get_text(), t.xy) for t in ax.texts] == [("a 1", (1.0, 2.0)), ("a 7", (-3.0, 0.5))]
    with pytest.raises(ValueError, match=r"start must be one 2-D code.*shape \[1, 2\]"):
        draw_latent_path(torch.zeros(1, 2), torch.zeros(2), ("a", "b"), ax=ax)
    plt.close(fig)
    fig, ax = plt.subplots()
    draw_latent_path(torch.tensor([1.0, 2.0]), torch.tensor([-3.0, 0.5]), ("", ""), ax=ax)  # marks, no name boxes
    assert len(ax.lines) == 3 and len(ax.texts) == 0
    plt.close(fig)


def test_each_cloud_is_drawn_as_mu_plus_minus_two_sigma():
    from aelib.plots import draw_clouds

    fig, ax = plt.subplots()
    draw_clouds(torch.tensor([[1.0, -2.0], [0.0, 0.0]]), torch.tensor([[0.5, 0.1], [1.0, 1.0]]), ax=ax)
    first, second = ax.patches
    assert tuple(first.center) == (1.0, -2.0) and (first.width, first.height) == (2.0, pytest.approx(0.4))
    assert (second.width, second.height) == (4.0, 4.0)  # N(0, 1) in each coordinate: ±2 is 4 wide
    with pytest.raises(ValueError, match="same shape"):
        draw_clouds(torch.zeros(2, 2), torch.ones(3, 2), ax=ax)
    plt.close(fig)


def test_a_nudged_label_points_to_a_dot_at_its_true_median():
    z = torch.tensor([[0.0, 0.0], [0.1, 0.0], [0.0, 0.1], [10.0, 10.0]])  # digits 3 and 5 share a median nearly
    labels = torch.tensor([3, 5, 5, 7])
    ax = plot_latent(z, labels)
    dots = [line for line in ax.lines if line.get_marker() == "o"]
    medians = sorted(tuple(np.round(d.get_xydata()[0], 3)) for d in dots)
    assert medians == [(0.0, 0.0), (0.05, 0.05)]  # by hand: 3's median, 5's median; 7 stands alone, no dot
    plt.close(ax.figure)


def test_digit_labels_stay_inside_the_region_the_caller_will_show():
    # the 7s' median (50, 50) lies outside the shown box [0, 10]²; the 0s' label must not be pushed out either
    z = torch.tensor([[0.5, 0.5], [1.0, 1.0], [50.0, 50.0], [50.0, 50.0], [9.9, 9.9], [9.9, 9.9]])
    labels = torch.tensor([0, 0, 7, 7, 3, 3])
    ax = plot_latent(z, labels, within=([0.0, 0.0], [10.0, 10.0]))
    at = {t.get_text(): np.array(t.get_position()) for t in ax.texts}
    assert all((0.4 - 1e-9 <= p).all() and (p <= 9.6 + 1e-9).all() for p in at.values())  # by hand: 4% margin of 10
    assert np.hypot(*(at["7"] - at["3"])) >= 0.05 * 10  # both pressed into the corner, yet not on top of each other
    free = plot_latent(z, labels)  # without it, the 7 stays at its median, far outside [0, 10]²
    assert np.allclose(next(t for t in free.texts if t.get_text() == "7").get_position(), (50.0, 50.0))
    with pytest.raises(ValueError, match="within"):
        plot_latent(z, labels, within=([0.0, 0.0], [0.0, 10.0]))
    plt.close("all")


def test_latent_panels_draw_one_map_per_model_with_the_prior_circle_and_the_clouds():
    from aelib.plots import plot_latent_panels

    generator = torch.Generator().manual_seed(0)
    labels = torch.arange(40) % 10
    codes = {"spread": 5 * torch.randn(40, 2, generator=generator), "at zero": torch.randn(40, 2, generator=generator)}
    clouds = {name: (torch.zeros(3, 2), torch.full((3, 2), 0.5)) for name in codes}
    fig = plot_latent_panels(codes, labels, clouds, unlabelled=["at zero"], inset="spread")
    spread, at_zero = fig.axes[:2]  # the inset lives inside its panel (child_axes)
    assert [spread.get_title(), at_zero.get_title()] == ["spread", "at zero"]
    assert len(spread.patches) == 3 and len(at_zero.patches) == 3  # one ellipse per cloud
    assert all(patch.width == pytest.approx(2.0) for patch in at_zero.patches)  # σ = 0.5: μ ± 2σ is 2 wide
    thick = [line for line in at_zero.lines if line.get_linewidth() == 3]
    assert len(thick) == 1 and np.hypot(*thick[0].get_data()).max() == pytest.approx(2.0)  # radius 2 around 0
    assert len(at_zero.texts) == 0 and len(spread.texts) == 10  # digit labels only where asked
    keys = [text.get_text() for text in fig.legends[0].get_texts()]
    assert "86%" in keys[0] and "(3 inputs)" in keys[1]  # 1 - e^(-2) = 0.865 of N(0, I) within radius 2
    assert any(child.get_title() == "[-4, 4]²" for child in spread.child_axes)  # the enlarged centre
    plt.close(fig)
    with pytest.raises(ValueError, match="clouds must name the same models"):
        plot_latent_panels(codes, labels, {"spread": clouds["spread"]})
