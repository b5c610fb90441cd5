"""Pictures of images: grids with titles, channel views, histograms. Introduced in 01_pixels."""

from __future__ import annotations

import math
from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np


def show_images(
    images: Sequence[np.ndarray] | np.ndarray,
    titles: Sequence[str] | None = None,
    columns: int = 6,
    size: float = 2.2,
    cmap: str | None = None,
):
    """Show images in a grid, each with an optional title; returns the figure.

    Colour images must be RGB (convert OpenCV's BGR first); 2-D arrays are shown
    in gray with the full 0..255 range (floats: 0..1 unless outside it).
    """
    images = list(images)
    if not images:
        raise ValueError("show_images got no images to show.")
    if titles is not None and len(titles) != len(images):
        raise ValueError(f"Got {len(images)} images but {len(titles)} titles.")
    columns = max(1, min(columns, len(images)))
    rows = math.ceil(len(images) / columns)
    fig, axes = plt.subplots(rows, columns, figsize=(size * columns, size * rows), squeeze=False)
    for ax in axes.flat:
        ax.axis("off")
    for i, (ax, image) in enumerate(zip(axes.flat, images, strict=False)):
        _imshow(ax, np.asarray(image), cmap)
        if titles is not None:
            ax.set_title(str(titles[i]), fontsize=9)
    fig.tight_layout()
    return fig


def _imshow(ax, image: np.ndarray, cmap: str | None) -> None:
    if image.ndim == 3 and image.shape[2] == 1:
        image = image[:, :, 0]
    if image.ndim == 2:
        if image.dtype == np.uint8:
            vmin, vmax = 0, 255
        elif image.dtype == bool:
            vmin, vmax = 0, 1
        else:
            lo, hi = float(image.min()), float(image.max())
            vmin, vmax = (0.0, 1.0) if lo >= 0 and hi <= 1 else (lo, hi)
        ax.imshow(image, cmap=cmap or "gray", vmin=vmin, vmax=vmax)
    elif image.ndim == 3 and image.shape[2] in (3, 4):
        ax.imshow(image if image.dtype == np.uint8 else np.clip(image, 0, 1))
    else:
        raise ValueError(f"Cannot show an array of shape {image.shape} as an image.")


def show_channels(image: np.ndarray, names: Sequence[str] = ("red", "green", "blue")):
    """Show a colour image beside each of its channels, each channel in its own colour."""
    image = np.asarray(image)
    if image.ndim != 3 or image.shape[2] != len(names):
        raise ValueError(f"Expected an image with {len(names)} channels, got shape {image.shape}.")
    fig, axes = plt.subplots(1, len(names) + 1, figsize=(2.6 * (len(names) + 1), 2.6))
    axes[0].imshow(image)
    axes[0].set_title("image")
    maps = {"red": "Reds", "green": "Greens", "blue": "Blues"}
    for ax, i, name in zip(axes[1:], range(len(names)), names, strict=True):
        ax.imshow(image[:, :, i], cmap=maps.get(name, "gray"), vmin=0, vmax=255)
        ax.set_title(f"{name} channel")
    for ax in axes:
        ax.axis("off")
    fig.tight_layout()
    return fig


def plot_histogram(image: np.ndarray, title: str = "", bins: int = 64):
    """Histogram of pixel values, one line per channel (or one for a gray image)."""
    image = np.asarray(image)
    fig, ax = plt.subplots(figsize=(6, 3))
    edges = np.linspace(0, 256, bins + 1)
    if image.ndim == 2:
        channels = [("gray", "black", image)]
    else:
        channels = list(
            zip(("red", "green", "blue"), ("tab:red", "tab:green", "tab:blue"),
                np.moveaxis(image, 2, 0), strict=False)
        )
    for name, colour, values in channels:
        counts, _ = np.histogram(values, bins=edges)
        ax.plot(edges[:-1], counts, color=colour, label=name)
    ax.set_xlabel("pixel value")
    ax.set_ylabel("number of pixels")
    ax.set_xlim(0, 255)
    if title:
        ax.set_title(title)
    ax.legend()
    fig.tight_layout()
    return fig
