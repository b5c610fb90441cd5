"""Turning images into feature vectors for classical models. Introduced in 03_logistic_regression.

Both transformers take a batch of RGB ``uint8`` images, shape (N, H, W, 3), so a
scikit-learn ``Pipeline`` that starts with one of them is a whole model from
images to classes: it can be saved, and evaluated on another folder of images
with the same preprocessing (``helpers.models``, ``helpers.evaluate``).
"""

from __future__ import annotations

import cv2
import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

COLOURS = ("gray", "rgb")


def _check_batch(images) -> np.ndarray:
    images = np.asarray(images)
    if images.ndim != 4 or images.shape[-1] != 3:
        raise ValueError(
            f"Expected a batch of RGB images of shape (N, height, width, 3); got {images.shape}."
        )
    return images


def to_gray(images) -> np.ndarray:
    """(N, H, W, 3) RGB uint8 -> (N, H, W) uint8 with OpenCV's luminance weights."""
    images = _check_batch(images)
    return np.stack([cv2.cvtColor(np.ascontiguousarray(i), cv2.COLOR_RGB2GRAY) for i in images])


class PixelFeatures(TransformerMixin, BaseEstimator):
    """Every pixel value is a feature, scaled to 0..1 (float32).

    ``colour="gray"`` gives H*W features per image, ``"rgb"`` gives H*W*3.
    """

    def __init__(self, colour: str = "gray"):
        self.colour = colour

    def fit(self, images, y=None):
        if self.colour not in COLOURS:
            raise ValueError(f"colour must be one of {COLOURS}, not {self.colour!r}.")
        return self

    def transform(self, images) -> np.ndarray:
        self.fit(images)  # nothing to learn: fit only checks the settings
        images = _check_batch(images)
        if self.colour == "gray":
            images = to_gray(images)
        return images.reshape(len(images), -1).astype(np.float32) / 255.0


class ColourHistogram(TransformerMixin, BaseEstimator):
    """Per-channel histograms, each normalised to sum to 1, concatenated (3 * bins features).

    ``space="hsv"`` histograms hue, saturation and value (OpenCV's hue runs 0..179);
    ``"rgb"`` histograms red, green and blue. The layout of the image is ignored:
    only how much of each colour there is.
    """

    def __init__(self, bins: int = 16, space: str = "hsv"):
        self.bins = bins
        self.space = space

    def fit(self, images, y=None):
        if self.space not in ("hsv", "rgb"):
            raise ValueError(f"space must be 'hsv' or 'rgb', not {self.space!r}.")
        return self

    def transform(self, images) -> np.ndarray:
        self.fit(images)  # nothing to learn: fit only checks the settings
        images = _check_batch(images)
        tops = (180, 256, 256) if self.space == "hsv" else (256, 256, 256)
        rows = []
        for image in images:
            if self.space == "hsv":
                image = cv2.cvtColor(np.ascontiguousarray(image), cv2.COLOR_RGB2HSV)
            parts = [
                np.histogram(image[:, :, c], bins=self.bins, range=(0, top))[0]
                for c, top in enumerate(tops)
            ]
            rows.append(np.concatenate(parts) / (image.shape[0] * image.shape[1]))
        return np.asarray(rows, dtype=np.float32)
