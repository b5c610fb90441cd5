"""First-use conversion time and later load time of the offline ImageNet backbones.

    python tests/benchmarks/backbone_load.py [lite0 lite2]

Each variant in a fresh data home: the first ``backbones.efficientnet_lite`` call
reads the PyTorch checkpoint, builds the Keras model and writes the Keras weights
cache; the second builds the model and loads the cache. Also prints the images per
second of feature extraction (pooled features, batches of 32, at the variant's size).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time

import numpy as np


def main() -> int:
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    import keras  # noqa: F401  (imported before the clock starts)

    from helpers import backbones

    for variant in sys.argv[1:] or list(backbones.VARIANTS):
        with tempfile.TemporaryDirectory() as home:
            os.environ["COURSE_DATA_HOME"] = home
            times = []
            for _ in range(2):
                start = time.perf_counter()
                backbones.efficientnet_lite(variant)
                times.append(time.perf_counter() - start)
            size = backbones.VARIANTS[variant].image_size
            features = backbones.efficientnet_lite(variant, include_top=False, pooling="avg")
            images = np.random.default_rng(0).uniform(-2, 2, (128, size, size, 3)).astype("float32")
            features.predict(images[:32], verbose=0)  # the first call builds the graph
            start = time.perf_counter()
            features.predict(images, batch_size=32, verbose=0)
            rate = len(images) / (time.perf_counter() - start)
        print(f"{variant}: first use (convert + cache) {times[0]:.2f} s, later loads "
              f"{times[1]:.2f} s, feature extraction {rate:.1f} images/s at {size} px")
    return 0


if __name__ == "__main__":
    sys.exit(main())
