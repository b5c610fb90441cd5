"""How far the workshop's small CNN gets with more epochs or another optimizer.

    COURSE_DATA_CATS_VS_DOGS=/path/to/cats python tests/benchmarks/small_cnn_epochs.py \
        sgd|adam PLAIN_EPOCHS AUGMENTED_EPOCHS [LEARNING_RATE]

The network of the ML Zoomcamp homework (10_cats_vs_dogs, exercise 2) at 150 x 150,
batch 20, a stratified fifth held out; PLAIN_EPOCHS on the photos as they are, then
AUGMENTED_EPOCHS on the workshop's random changes. SGD has momentum 0.8; the
default rate is the homework's 0.002. Prints Keras's epoch lines, then the best and
last validation accuracy and the training time.
"""

import sys
import time

import numpy as np
from sklearn.model_selection import train_test_split

from helpers import data, modes, pipeline

optimizer, n_plain, n_augmented = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rate = float(sys.argv[4]) if len(sys.argv) > 4 else 0.002
tf = modes.quiet_tensorflow()
import keras  # noqa: E402  (after TensorFlow, imported quietly)
from keras import layers  # noqa: E402

every = data.load_images("cats_vs_dogs", image_size=150, split=None, verbose=False)
train, val = train_test_split(np.arange(len(every)), test_size=0.2, stratify=every.labels,
                              random_state=42)
x, y, x_val, y_val = every.images[train], every.labels[train], every.images[val], every.labels[val]
keras.utils.set_random_seed(42)
model = keras.Sequential([
    keras.Input((150, 150, 3)), layers.Rescaling(1 / 255), layers.Conv2D(32, 3, activation="relu"),
    layers.MaxPooling2D(2), layers.Flatten(), layers.Dense(64, activation="relu"),
    layers.Dense(1, activation="sigmoid")])
step = {"sgd": lambda: keras.optimizers.SGD(rate, momentum=0.8),
        "adam": lambda: keras.optimizers.Adam(rate)}[optimizer]()
model.compile(optimizer=step, loss="binary_crossentropy", metrics=["accuracy"])
change = pipeline.augmentation_layers(42, flip="horizontal", rotation=40 / 360, translation=0.2,
                                      zoom=0.2, brightness=0, contrast=0)
augmented = (tf.data.Dataset.from_tensor_slices((x, y)).shuffle(len(y), seed=42).batch(20)
             .map(lambda a, b: (change(tf.cast(a, tf.float32), training=True), b)).prefetch(2))
start = time.perf_counter()
if n_plain:
    model.fit(x, y, validation_data=(x_val, y_val), epochs=n_plain, batch_size=20, verbose=2)
history = model.fit(augmented, validation_data=(x_val, y_val), epochs=n_plain + n_augmented,
                    initial_epoch=n_plain, verbose=2).history["val_accuracy"]
print(f"{optimizer} at {rate:g}, {n_plain} + {n_augmented} epochs: validation accuracy best "
      f"{max(history):.3f}, last {history[-1]:.3f}, mean of the last five "
      f"{np.mean(history[-5:]):.3f}; {time.perf_counter() - start:.0f} s")
