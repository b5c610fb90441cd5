"""helpers.plotting draws what it is asked to, and says clearly when it cannot."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest

from helpers import plotting


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_show_images_grid_and_titles():
    rgb = np.zeros((8, 8, 3), np.uint8)
    gray = np.full((8, 8), 200, np.uint8)
    fig = plotting.show_images([rgb, gray, gray / 255.0], ["a", "b", "c"], columns=2)
    visible = [ax for ax in fig.axes if ax.images]
    assert len(fig.axes) == 4 and [ax.get_title() for ax in visible] == ["a", "b", "c"]
    assert visible[1].images[0].get_clim() == (0, 255), "uint8 gray keeps the full range"
    assert visible[2].images[0].get_clim() == (0.0, 1.0)


def test_show_images_rejects_bad_input():
    with pytest.raises(ValueError, match="no images"):
        plotting.show_images([])
    with pytest.raises(ValueError, match="2 images but 1 titles"):
        plotting.show_images([np.zeros((2, 2))] * 2, ["one"])
    with pytest.raises(ValueError, match=r"shape \(2, 2, 5\)"):
        plotting.show_images([np.zeros((2, 2, 5))])


def test_channels_and_histogram():
    image = np.random.default_rng(0).integers(0, 256, (6, 6, 3), dtype=np.uint8)
    fig = plotting.show_channels(image)
    assert [ax.get_title() for ax in fig.axes] == [
        "image", "red channel", "green channel", "blue channel"
    ]
    with pytest.raises(ValueError, match="3 channels"):
        plotting.show_channels(image[:, :, 0])
    lines = plotting.plot_histogram(image).axes[0].get_lines()
    assert [line.get_label() for line in lines] == ["red", "green", "blue"]
    assert sum(lines[0].get_ydata()) == 36, "every pixel counted once per channel"
    assert len(plotting.plot_histogram(image[:, :, 0]).axes[0].get_lines()) == 1
