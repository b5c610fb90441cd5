"""Recorded answers to the exercises of 06_cnn, right and wrong.

``CORRECT``: answers written another way than the reference (the functional API or
Sequential, an Input layer or input_shape, activations as layers or as functions,
other NumPy and Python idioms, extra prints); each must be told "Correct" and earn
full marks.
``MISTAKES``: common wrong answers; each must be told "Incorrect" with a message
that contains its ``diagnosis`` (case ignored), and lose its exercise's points.
Each ``code`` is the complete source of an answer cell, as a learner might write it.
"""

CORRECT = {
    "q1_kernels_to_conv2d": [
        {
            "how": "functional API, np.moveaxis, the weights given by a Constant initializer",
            "code": """def conv2d_from_kernels(kernels, image_size):
    n, kh, kw = kernels.shape
    weights = np.moveaxis(kernels, 0, -1)[:, :, None, :]
    inputs = keras.Input((image_size, image_size, 1))
    outputs = layers.Conv2D(n, (kh, kw), padding="valid", use_bias=False,
                            kernel_initializer=keras.initializers.Constant(weights))(inputs)
    return keras.Model(inputs, outputs)
""",
        },
        {
            "how": "a loop that fills the weights filter by filter, kernel.assign, a zero bias",
            "code": """def conv2d_from_kernels(kernels, image_size):
    n = len(kernels)
    conv = layers.Conv2D(filters=n, kernel_size=kernels.shape[1:])
    model = keras.Sequential([layers.Input(shape=(image_size, image_size, 1)), conv])
    weights = np.zeros((kernels.shape[1], kernels.shape[2], 1, n), dtype="float32")
    for f in range(n):
        weights[:, :, 0, f] = kernels[f]
    conv.kernel.assign(weights)
    print("weights:", conv.kernel.shape)
    return model
""",
        },
        {
            "how": "an input of any size, model.set_weights with a zero bias, activation='linear'",
            "code": """def conv2d_from_kernels(kernels, image_size):
    model = keras.Sequential([
        keras.Input((None, None, 1)),
        layers.Conv2D(kernels.shape[0], kernels.shape[1:], activation="linear"),
    ])
    model.set_weights([kernels.transpose(1, 2, 0)[:, :, np.newaxis, :], np.zeros(kernels.shape[0])])
    return model
""",
        },
        {
            "how": "input_shape on the layer (Keras warns), np.stack of the kernels",
            "code": """def conv2d_from_kernels(kernels, image_size):
    n, kh, kw = kernels.shape
    layer = layers.Conv2D(n, kernel_size=(kh, kw), strides=1, use_bias=False,
                          input_shape=(image_size, image_size, 1))
    model = keras.Sequential([layer])
    layer.set_weights([np.stack(list(kernels), axis=-1)[:, :, None, :]])
    return model
""",
        },
    ],
    "q2_keras_output_size": [
        {
            "how": "math.floor and math.ceil of true divisions",
            "code": """def keras_output_size(n, kernel_size, strides, padding):
    if padding == "valid":
        return math.floor((n - kernel_size) / strides) + 1
    return math.ceil(n / strides)
""",
        },
        {
            "how": "lesson 01's formula with the total padding that Keras adds",
            "code": """def keras_output_size(n, kernel_size, strides, padding):
    total = 0
    if padding == "same":
        out = -(-n // strides)
        total = max((out - 1) * strides + kernel_size - n, 0)
    return (n + total - kernel_size) // strides + 1
""",
        },
        {
            "how": "counting the windows of a range over the padded length, with a print",
            "code": """def keras_output_size(n, kernel_size, strides, padding):
    padded = n + (kernel_size - 1 if padding == "same" else 0)
    starts = range(0, padded - kernel_size + 1, strides)
    print(padding, "windows start at", list(starts)[:5], "...")
    return len(starts)
""",
        },
        {
            "how": "asking Keras: a pooling layer's compute_output_shape",
            "code": """def keras_output_size(n, kernel_size, strides, padding):
    layer = layers.MaxPooling2D(kernel_size, strides=strides, padding=padding)
    return layer.compute_output_shape((1, n, n, 1))[1]
""",
        },
    ],
    "q3_conv_cost": [
        {
            "how": "isinstance on tuple, weights per filter computed once",
            "code": """def conv_cost(height, width, in_channels, kernel_size, filters):
    kh, kw = kernel_size if isinstance(kernel_size, tuple) else (kernel_size, kernel_size)
    weights_per_filter = kh * kw * in_channels
    return (weights_per_filter + 1) * filters, height * width * filters * weights_per_filter
""",
        },
        {
            "how": "np.broadcast_to for the kernel size, ints made explicit",
            "code": """def conv_cost(height, width, in_channels, kernel_size, filters):
    kh, kw = np.broadcast_to(kernel_size, (2,))
    params = int((kh * kw * in_channels + 1) * filters)
    mults = int(height) * int(width) * int(filters) * int(kh) * int(kw) * int(in_channels)
    return (params, mults)
""",
        },
        {
            "how": "a real Keras layer for the parameters, returned as a list, with a print",
            "code": """def conv_cost(height, width, in_channels, kernel_size, filters):
    layer = layers.Conv2D(filters, kernel_size, padding="same")
    layer.build((None, height, width, in_channels))
    kh, kw = layer.kernel_size
    print("kernel", layer.kernel.shape)
    return [layer.count_params(), height * width * filters * kh * kw * in_channels]
""",
        },
    ],
    "q4_small_cnn": [
        {
            "how": "functional API, a loop over the blocks, activations as layers",
            "code": """def small_cnn(input_shape, n_classes):
    inputs = keras.Input(shape=input_shape)
    x = layers.Rescaling(1.0 / 255)(inputs)
    for filters in (16, 32):
        x = layers.Conv2D(filters, (3, 3))(x)
        x = layers.ReLU()(x)
        x = layers.MaxPooling2D(pool_size=(2, 2))(x)
    x = layers.Flatten()(x)
    x = layers.Dense(64)(x)
    x = layers.Activation("relu")(x)
    outputs = layers.Dense(n_classes)(x)
    outputs = layers.Softmax()(outputs)
    return keras.Model(inputs, outputs)
""",
        },
        {
            "how": "Sequential built with add, input_shape on Rescaling, activation functions",
            "code": """def small_cnn(input_shape, n_classes):
    model = keras.Sequential()
    model.add(layers.Rescaling(1 / 255, input_shape=input_shape))
    model.add(layers.Conv2D(16, kernel_size=3, activation=keras.activations.relu))
    model.add(layers.MaxPooling2D(2))
    model.add(layers.Conv2D(32, kernel_size=3, activation=keras.activations.relu))
    model.add(layers.MaxPooling2D(2))
    model.add(layers.Flatten())
    model.add(layers.Dense(64, activation=keras.activations.relu))
    model.add(layers.Dense(n_classes, activation=keras.activations.softmax))
    return model
""",
        },
        {
            "how": "compiled, with MaxPool2D (the alias), explicit defaults and a summary",
            "code": """def small_cnn(input_shape, n_classes):
    model = keras.Sequential([
        layers.Input(input_shape),
        layers.Rescaling(scale=1 / 255.0, offset=0.0),
        layers.Conv2D(16, 3, strides=1, padding="valid", activation="relu"),
        layers.MaxPool2D(),
        layers.Conv2D(32, 3, strides=1, padding="valid", activation="relu"),
        layers.MaxPool2D(),
        layers.Flatten(),
        layers.Dense(units=64, activation="relu"),
        layers.Dense(units=n_classes, activation="softmax"),
    ])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    model.summary()
    return model
""",
        },
    ],
    "q5_vgg_block": [
        {
            "how": "Sequential built with add, ReLU as layers",
            "code": """def vgg_block(filters):
    block = keras.Sequential()
    for _ in range(2):
        block.add(layers.Conv2D(filters, 3, padding="same"))
        block.add(layers.ReLU())
    block.add(layers.MaxPooling2D())
    return block
""",
        },
        {
            "how": "a list comprehension, keyword arguments, the activation as a function",
            "code": """def vgg_block(filters):
    convs = [layers.Conv2D(filters=filters, kernel_size=(3, 3), padding="same",
                           activation=keras.activations.relu) for _ in range(2)]
    return keras.Sequential([*convs, layers.MaxPooling2D(pool_size=2, strides=2)])
""",
        },
        {
            "how": "a helper for the convolutions, Activation layers, MaxPool2D",
            "code": """def vgg_block(filters):
    def conv():
        return layers.Conv2D(filters=filters, kernel_size=3, strides=1, padding="same")

    return keras.Sequential([conv(), layers.Activation("relu"), conv(), layers.Activation("relu"),
                             layers.MaxPool2D(2)])
""",
        },
    ],
    "q6_preprocessing_inside": [
        {
            "how": "Sequential with the course's augmentation layers and another seed",
            "code": """def with_preprocessing(core, image_size):
    return keras.Sequential([
        keras.Input((image_size, image_size, 3)),
        pipeline.augmentation_layers(seed=7),
        layers.Rescaling(1 / 255),
        core,
    ])
""",
        },
        {
            "how": "functional API with Keras's own flip and rotation",
            "code": """def with_preprocessing(core, image_size):
    inputs = keras.Input(shape=(image_size, image_size, 3))
    x = layers.RandomFlip("horizontal")(inputs)
    x = layers.RandomRotation(0.1)(x)
    x = layers.Rescaling(scale=1.0 / 255)(x)
    return keras.Model(inputs=inputs, outputs=core(x), name="with_preprocessing")
""",
        },
        {
            "how": "an augmentation Sequential of its own, applied as a layer, with a print",
            "code": """def with_preprocessing(core, image_size):
    augmentation = keras.Sequential([layers.RandomTranslation(0.1, 0.1), layers.RandomZoom(0.2)],
                                    name="augment")
    inputs = layers.Input((image_size, image_size, 3))
    scaled = layers.Rescaling(1 / 255)(augmentation(inputs))
    model = keras.Model(inputs, core(scaled))
    print(len(model.layers), "layers")
    return model
""",
        },
        {
            "how": "training=True passed while building: Keras 3 replaces it with the training "
                   "flag of each call, so the augmentation still switches off at inference",
            "code": """def with_preprocessing(core, image_size):
    inputs = keras.Input((image_size, image_size, 3))
    x = pipeline.augmentation_layers()(inputs, training=True)
    x = layers.Rescaling(1 / 255)(x)
    return keras.Model(inputs, core(x))
""",
        },
    ],
    "q7_best_learning_rate": [
        {
            "how": "a loop with np.nanmin, skipping runs that are all nan, with a print",
            "code": """def best_learning_rate(histories):
    best_rate, best_loss = None, np.inf
    for rate, history in histories.items():
        losses = np.array(history["val_loss"], dtype=float)
        if np.all(np.isnan(losses)):
            continue
        loss = np.nanmin(losses)
        print(f"{rate:g}: {loss:.3f}")
        if loss < best_loss:
            best_rate, best_loss = rate, loss
    return best_rate
""",
        },
        {
            "how": "sorted with a key that sends nan to infinity (nan != nan)",
            "code": """def best_learning_rate(histories):
    def score(rate):
        values = [v for v in histories[rate]["val_loss"] if v == v]
        return min(values) if values else float("inf")

    return sorted(histories, key=score)[0]
""",
        },
        {
            "how": "pandas: the minimum of each column skips nan, then idxmin",
            "code": """def best_learning_rate(histories):
    table = pd.DataFrame({rate: pd.Series(h["val_loss"]) for rate, h in histories.items()})
    return table.min().idxmin()
""",
        },
    ],
    "q8_checkpoint_callbacks": [
        {
            "how": "os.path.join, mode='min' given, the monitor passed by position",
            "code": """import os

def training_callbacks(folder, patience):
    path = os.path.join(folder, "best.keras")
    return [
        keras.callbacks.ModelCheckpoint(filepath=path, monitor="val_loss", mode="min",
                                        save_best_only=True, verbose=0),
        keras.callbacks.EarlyStopping("val_loss", patience=patience, mode="min",
                                      restore_best_weights=True),
    ]
""",
        },
        {
            "how": "a Path, the monitors left at their default (val_loss), the order swapped",
            "code": """def training_callbacks(folder, patience):
    folder = Path(folder)
    stop = keras.callbacks.EarlyStopping(patience=patience, restore_best_weights=True)
    save = keras.callbacks.ModelCheckpoint(folder / "best.keras", save_best_only=True)
    return [stop, save]
""",
        },
        {
            "how": "an f-string path, list.append, every default written out, verbose",
            "code": """def training_callbacks(folder, patience):
    callbacks = []
    callbacks.append(keras.callbacks.ModelCheckpoint(
        f"{folder}/best.keras", monitor="val_loss", save_best_only=True,
        save_weights_only=False, verbose=1))
    callbacks.append(keras.callbacks.EarlyStopping(
        monitor="val_loss", patience=patience, min_delta=0.0, restore_best_weights=True,
        verbose=1))
    return callbacks
""",
        },
    ],
}

MISTAKES = {
    "q1_kernels_to_conv2d": [
        {
            "why": "reshapes the kernels to (kh, kw, 1, n) instead of moving the filter axis",
            "diagnosis": "the filters are scrambled",
            "code": """def conv2d_from_kernels(kernels, image_size):
    n, kh, kw = kernels.shape
    model = keras.Sequential([keras.Input((image_size, image_size, 1)),
                              layers.Conv2D(n, (kh, kw), use_bias=False)])
    model.layers[0].set_weights([kernels.reshape(kh, kw, 1, n)])
    return model
""",
        },
        {
            "why": "flips the kernels, as in a true convolution",
            "diagnosis": "flips the kernels",
            "code": """def conv2d_from_kernels(kernels, image_size):
    n, kh, kw = kernels.shape
    model = keras.Sequential([keras.Input((image_size, image_size, 1)),
                              layers.Conv2D(n, (kh, kw), use_bias=False)])
    flipped = kernels[:, ::-1, ::-1]
    model.layers[0].set_weights([np.transpose(flipped, (1, 2, 0))[:, :, None, :]])
    return model
""",
        },
        {
            "why": "np.transpose(kernels, (2, 1, 0)): columns first, each kernel transposed",
            "diagnosis": "transposed (rows and columns swapped)",
            "code": """def conv2d_from_kernels(kernels, image_size):
    n, kh, kw = kernels.shape
    model = keras.Sequential([keras.Input((image_size, image_size, 1)),
                              layers.Conv2D(n, (kh, kw), use_bias=False)])
    model.layers[0].set_weights([np.transpose(kernels, (2, 1, 0))[:, :, None, :]])
    return model
""",
        },
        {
            "why": "a relu activation, out of habit: the negative responses are cut off",
            "diagnosis": "cut the negative half off",
            "code": """def conv2d_from_kernels(kernels, image_size):
    n, kh, kw = kernels.shape
    model = keras.Sequential([keras.Input((image_size, image_size, 1)),
                              layers.Conv2D(n, (kh, kw), activation="relu", use_bias=False)])
    model.layers[0].set_weights([np.transpose(kernels, (1, 2, 0))[:, :, None, :]])
    return model
""",
        },
        {
            "why": "padding='same', which keeps the size but adds zeros around the image",
            "diagnosis": "padding='same'",
            "code": """def conv2d_from_kernels(kernels, image_size):
    n, kh, kw = kernels.shape
    model = keras.Sequential([keras.Input((image_size, image_size, 1)),
                              layers.Conv2D(n, (kh, kw), padding="same", use_bias=False)])
    model.layers[0].set_weights([np.transpose(kernels, (1, 2, 0))[:, :, None, :]])
    return model
""",
        },
        {
            "why": "returns the Conv2D layer instead of a model",
            "diagnosis": "should be a keras model",
            "code": """def conv2d_from_kernels(kernels, image_size):
    n, kh, kw = kernels.shape
    conv = layers.Conv2D(n, (kh, kw), use_bias=False)
    conv.build((None, image_size, image_size, 1))
    conv.set_weights([np.transpose(kernels, (1, 2, 0))[:, :, None, :]])
    return conv
""",
        },
        {
            "why": "the kernel size fixed at 3x3: the weights of 2x3 kernels do not fit",
            "diagnosis": "the kernel size from kernels.shape",
            "code": """def conv2d_from_kernels(kernels, image_size):
    model = keras.Sequential([keras.Input((image_size, image_size, 1)),
                              layers.Conv2D(len(kernels), 3, use_bias=False)])
    model.layers[0].set_weights([np.transpose(kernels, (1, 2, 0))[:, :, None, :]])
    return model
""",
        },
    ],
    "q2_keras_output_size": [
        {
            "why": "'same' always keeps the size, whatever the stride",
            "diagnosis": "keeps the size only with strides 1",
            "code": """def keras_output_size(n, kernel_size, strides, padding):
    if padding == "same":
        return n
    return (n - kernel_size) // strides + 1
""",
        },
        {
            "why": "'same' rounds n / strides down",
            "diagnosis": "keras rounds up",
            "code": """def keras_output_size(n, kernel_size, strides, padding):
    if padding == "same":
        return n // strides
    return (n - kernel_size) // strides + 1
""",
        },
        {
            "why": "lesson 01's formula, padding (k - 1) // 2 at each end: wrong for even kernels",
            "diagnosis": "(k - 1) // 2 zeros at each end",
            "code": """def keras_output_size(n, kernel_size, strides, padding):
    p = (kernel_size - 1) // 2 if padding == "same" else 0
    return (n + 2 * p - kernel_size) // strides + 1
""",
        },
        {
            "why": "forgets the + 1 for the first window",
            "diagnosis": "you forgot the + 1",
            "code": """def keras_output_size(n, kernel_size, strides, padding):
    if padding == "same":
        return math.ceil(n / strides)
    return (n - kernel_size) // strides
""",
        },
        {
            "why": "'valid' rounds up, counting a window that sticks out",
            "diagnosis": "round down",
            "code": """def keras_output_size(n, kernel_size, strides, padding):
    if padding == "same":
        return math.ceil(n / strides)
    return math.ceil((n - kernel_size) / strides) + 1
""",
        },
        {
            "why": "true division: returns a float",
            "diagnosis": "a float",
            "code": """def keras_output_size(n, kernel_size, strides, padding):
    if padding == "same":
        return math.ceil(n / strides)
    return (n - kernel_size) / strides + 1
""",
        },
        {
            "why": "'valid' ignores the stride",
            "diagnosis": "pixels apart",
            "code": """def keras_output_size(n, kernel_size, strides, padding):
    if padding == "same":
        return -(-n // strides)
    return n - kernel_size + 1
""",
        },
        {
            "why": "the two paddings swapped",
            "diagnosis": "that is the 'valid' size",
            "code": """def keras_output_size(n, kernel_size, strides, padding):
    if padding == "valid":
        return -(-n // strides)
    return (n - kernel_size) // strides + 1
""",
        },
    ],
    "q3_conv_cost": [
        {
            "why": "forgets the biases",
            "diagnosis": "you left out the biases",
            "code": """def conv_cost(height, width, in_channels, kernel_size, filters):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return kh * kw * in_channels * filters, height * width * filters * kh * kw * in_channels
""",
        },
        {
            "why": "one bias per input channel of each filter",
            "diagnosis": "each input channel its own bias",
            "code": """def conv_cost(height, width, in_channels, kernel_size, filters):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return (kh * kw + 1) * in_channels * filters, height * width * filters * kh * kw * in_channels
""",
        },
        {
            "why": "counts the weights at every position, as if they were not shared",
            "diagnosis": "the same weights at every position",
            "code": """def conv_cost(height, width, in_channels, kernel_size, filters):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    per_position = (kh * kw * in_channels + 1) * filters
    return per_position * height * width, height * width * filters * kh * kw * in_channels
""",
        },
        {
            "why": "counts the bias as one more multiplication per output value",
            "diagnosis": "counted the bias as a multiplication",
            "code": """def conv_cost(height, width, in_channels, kernel_size, filters):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    per_value = kh * kw * in_channels + 1
    return per_value * filters, height * width * filters * per_value
""",
        },
        {
            "why": "counts the output positions of padding 'valid'",
            "diagnosis": "positions of padding 'valid'",
            "code": """def conv_cost(height, width, in_channels, kernel_size, filters):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    positions = (height - kh + 1) * (width - kw + 1)
    return (kh * kw * in_channels + 1) * filters, positions * filters * kh * kw * in_channels
""",
        },
        {
            "why": "leaves out the input channels",
            "diagnosis": "you left out the input channels",
            "code": """def conv_cost(height, width, in_channels, kernel_size, filters):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return (kh * kw + 1) * filters, height * width * filters * kh * kw
""",
        },
        {
            "why": "returns (multiplications, parameters)",
            "diagnosis": "the two numbers are swapped",
            "code": """def conv_cost(height, width, in_channels, kernel_size, filters):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return height * width * filters * kh * kw * in_channels, (kh * kw * in_channels + 1) * filters
""",
        },
        {
            "why": "treats kernel_size as an int always: fails for a tuple",
            "diagnosis": "kernel_size can be an int or a tuple",
            "code": """def conv_cost(height, width, in_channels, kernel_size, filters):
    k = kernel_size
    return (k * k * in_channels + 1) * filters, height * width * filters * k * k * in_channels
""",
        },
        {
            "why": "the multiplications of one filter only",
            "diagnosis": "you counted one filter",
            "code": """def conv_cost(height, width, in_channels, kernel_size, filters):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return (kh * kw * in_channels + 1) * filters, height * width * kh * kw * in_channels
""",
        },
    ],
    "q4_small_cnn": [
        {
            "why": "no softmax on the output layer",
            "diagnosis": "with no activation: it gives raw scores",
            "code": """def small_cnn(input_shape, n_classes):
    return keras.Sequential([
        keras.Input(shape=input_shape), layers.Rescaling(1 / 255),
        layers.Conv2D(16, 3, activation="relu"), layers.MaxPooling2D(2),
        layers.Conv2D(32, 3, activation="relu"), layers.MaxPooling2D(2),
        layers.Flatten(), layers.Dense(64, activation="relu"), layers.Dense(n_classes),
    ])
""",
        },
        {
            "why": "6 classes written in, as in TrashNet",
            "diagnosis": "is Dense(6, softmax); expected Dense(3, softmax)",
            "code": """def small_cnn(input_shape, n_classes):
    return keras.Sequential([
        keras.Input(shape=input_shape), layers.Rescaling(1 / 255),
        layers.Conv2D(16, 3, activation="relu"), layers.MaxPooling2D(2),
        layers.Conv2D(32, 3, activation="relu"), layers.MaxPooling2D(2),
        layers.Flatten(), layers.Dense(64, activation="relu"),
        layers.Dense(6, activation="softmax"),
    ])
""",
        },
        {
            "why": "no Rescaling: the network sees 0..255",
            "diagnosis": "has no Rescaling layer",
            "code": """def small_cnn(input_shape, n_classes):
    return keras.Sequential([
        keras.Input(shape=input_shape),
        layers.Conv2D(16, 3, activation="relu"), layers.MaxPooling2D(2),
        layers.Conv2D(32, 3, activation="relu"), layers.MaxPooling2D(2),
        layers.Flatten(), layers.Dense(64, activation="relu"),
        layers.Dense(n_classes, activation="softmax"),
    ])
""",
        },
        {
            "why": "the input shape written in: 32x32 colour photos",
            "diagnosis": "cannot take a batch of shape (2, 16, 16, 3)",
            "code": """def small_cnn(input_shape, n_classes):
    return keras.Sequential([
        keras.Input(shape=(32, 32, 3)), layers.Rescaling(1 / 255),
        layers.Conv2D(16, 3, activation="relu"), layers.MaxPooling2D(2),
        layers.Conv2D(32, 3, activation="relu"), layers.MaxPooling2D(2),
        layers.Flatten(), layers.Dense(64, activation="relu"),
        layers.Dense(n_classes, activation="softmax"),
    ])
""",
        },
        {
            "why": "padding='same' in the convolutions",
            "diagnosis": "has padding='same'",
            "code": """def small_cnn(input_shape, n_classes):
    return keras.Sequential([
        keras.Input(shape=input_shape), layers.Rescaling(1 / 255),
        layers.Conv2D(16, 3, padding="same", activation="relu"), layers.MaxPooling2D(2),
        layers.Conv2D(32, 3, padding="same", activation="relu"), layers.MaxPooling2D(2),
        layers.Flatten(), layers.Dense(64, activation="relu"),
        layers.Dense(n_classes, activation="softmax"),
    ])
""",
        },
        {
            "why": "no Flatten: the Dense layers work on each position's channels",
            "diagnosis": "has no Flatten layer",
            "code": """def small_cnn(input_shape, n_classes):
    return keras.Sequential([
        keras.Input(shape=input_shape), layers.Rescaling(1 / 255),
        layers.Conv2D(16, 3, activation="relu"), layers.MaxPooling2D(2),
        layers.Conv2D(32, 3, activation="relu"), layers.MaxPooling2D(2),
        layers.Dense(64, activation="relu"), layers.Dense(n_classes, activation="softmax"),
    ])
""",
        },
        {
            "why": "5x5 kernels",
            "diagnosis": "has kernel_size (5, 5)",
            "code": """def small_cnn(input_shape, n_classes):
    return keras.Sequential([
        keras.Input(shape=input_shape), layers.Rescaling(1 / 255),
        layers.Conv2D(16, 5, activation="relu"), layers.MaxPooling2D(2),
        layers.Conv2D(32, 5, activation="relu"), layers.MaxPooling2D(2),
        layers.Flatten(), layers.Dense(64, activation="relu"),
        layers.Dense(n_classes, activation="softmax"),
    ])
""",
        },
        {
            "why": "the first block copied: 16 filters twice",
            "diagnosis": "layer 4 is Conv2D(16, relu); expected Conv2D(32, relu)",
            "code": """def small_cnn(input_shape, n_classes):
    return keras.Sequential([
        keras.Input(shape=input_shape), layers.Rescaling(1 / 255),
        layers.Conv2D(16, 3, activation="relu"), layers.MaxPooling2D(2),
        layers.Conv2D(16, 3, activation="relu"), layers.MaxPooling2D(2),
        layers.Flatten(), layers.Dense(64, activation="relu"),
        layers.Dense(n_classes, activation="softmax"),
    ])
""",
        },
        {
            "why": "no activation in the convolutions",
            "diagnosis": "layer 2 is Conv2D(16, linear); expected Conv2D(16, relu)",
            "code": """def small_cnn(input_shape, n_classes):
    return keras.Sequential([
        keras.Input(shape=input_shape), layers.Rescaling(1 / 255),
        layers.Conv2D(16, 3), layers.MaxPooling2D(2),
        layers.Conv2D(32, 3), layers.MaxPooling2D(2),
        layers.Flatten(), layers.Dense(64, activation="relu"),
        layers.Dense(n_classes, activation="softmax"),
    ])
""",
        },
    ],
    "q5_vgg_block": [
        {
            "why": "padding 'valid', the default: the convolutions shrink the maps",
            "diagnosis": "has padding='valid'",
            "code": """def vgg_block(filters):
    return keras.Sequential([
        layers.Conv2D(filters, 3, activation="relu"),
        layers.Conv2D(filters, 3, activation="relu"),
        layers.MaxPooling2D(2),
    ])
""",
        },
        {
            "why": "one convolution only",
            "diagnosis": "layer 2 is MaxPooling2D((2, 2)); expected Conv2D(8, relu)",
            "code": """def vgg_block(filters):
    return keras.Sequential([
        layers.Conv2D(filters, 3, padding="same", activation="relu"),
        layers.MaxPooling2D(2),
    ])
""",
        },
        {
            "why": "doubles the filters inside the block",
            "diagnosis": "layer 2 is Conv2D(16, relu); expected Conv2D(8, relu)",
            "code": """def vgg_block(filters):
    return keras.Sequential([
        layers.Conv2D(filters, 3, padding="same", activation="relu"),
        layers.Conv2D(2 * filters, 3, padding="same", activation="relu"),
        layers.MaxPooling2D(2),
    ])
""",
        },
        {
            "why": "no relu",
            "diagnosis": "has no activation",
            "code": """def vgg_block(filters):
    return keras.Sequential([
        layers.Conv2D(filters, 3, padding="same"),
        layers.Conv2D(filters, 3, padding="same"),
        layers.MaxPooling2D(2),
    ])
""",
        },
        {
            "why": "returns a list of layers",
            "diagnosis": "put them in keras.Sequential",
            "code": """def vgg_block(filters):
    return [
        layers.Conv2D(filters, 3, padding="same", activation="relu"),
        layers.Conv2D(filters, 3, padding="same", activation="relu"),
        layers.MaxPooling2D(2),
    ]
""",
        },
        {
            "why": "the second convolution with strides 2 as well as the pooling",
            "diagnosis": "move one pixel at a time",
            "code": """def vgg_block(filters):
    return keras.Sequential([
        layers.Conv2D(filters, 3, padding="same", activation="relu"),
        layers.Conv2D(filters, 3, strides=2, padding="same", activation="relu"),
        layers.MaxPooling2D(2),
    ])
""",
        },
        {
            "why": "average pooling instead of max pooling",
            "diagnosis": "layer 3 is AveragePooling2D((2, 2)); expected MaxPooling2D((2, 2))",
            "code": """def vgg_block(filters):
    return keras.Sequential([
        layers.Conv2D(filters, 3, padding="same", activation="relu"),
        layers.Conv2D(filters, 3, padding="same", activation="relu"),
        layers.AveragePooling2D(2),
    ])
""",
        },
        {
            "why": "32 filters written in",
            "diagnosis": "layer 1 is Conv2D(32, relu); expected Conv2D(8, relu)",
            "code": """def vgg_block(filters):
    return keras.Sequential([
        layers.Conv2D(32, 3, padding="same", activation="relu"),
        layers.Conv2D(32, 3, padding="same", activation="relu"),
        layers.MaxPooling2D(2),
    ])
""",
        },
        {
            "why": "an input shape inside the block",
            "diagnosis": "leave keras.Input out of it",
            "code": """def vgg_block(filters):
    return keras.Sequential([
        keras.Input((32, 32, 3)),
        layers.Conv2D(filters, 3, padding="same", activation="relu"),
        layers.Conv2D(filters, 3, padding="same", activation="relu"),
        layers.MaxPooling2D(2),
    ])
""",
        },
    ],
    "q6_preprocessing_inside": [
        {
            "why": "rescales first, then augments: brightness shifts of 25 on pixels of 0..1",
            "diagnosis": "rescales before it augments",
            "code": """def with_preprocessing(core, image_size):
    return keras.Sequential([
        keras.Input((image_size, image_size, 3)),
        layers.Rescaling(1 / 255),
        pipeline.augmentation_layers(),
        core,
    ])
""",
        },
        {
            "why": "no augmentation at all",
            "diagnosis": "has no augmentation layer",
            "code": """def with_preprocessing(core, image_size):
    return keras.Sequential([keras.Input((image_size, image_size, 3)), layers.Rescaling(1 / 255),
                             core])
""",
        },
        {
            "why": "a Lambda layer for the scaling: the saved model could not be loaded",
            "diagnosis": "has a Lambda layer",
            "code": """def with_preprocessing(core, image_size):
    return keras.Sequential([
        keras.Input((image_size, image_size, 3)),
        pipeline.augmentation_layers(),
        layers.Lambda(lambda x: x / 255.0),
        core,
    ])
""",
        },
        {
            "why": "no scaling: core gets pixels of 0..255",
            "diagnosis": "has no layers.Rescaling(1 / 255)",
            "code": """def with_preprocessing(core, image_size):
    return keras.Sequential([keras.Input((image_size, image_size, 3)),
                             pipeline.augmentation_layers(), core])
""",
        },
        {
            "why": "Rescaling(255): multiplies instead of dividing",
            "diagnosis": "rescaling layer computes x * 255",
            "code": """def with_preprocessing(core, image_size):
    return keras.Sequential([keras.Input((image_size, image_size, 3)),
                             pipeline.augmentation_layers(), layers.Rescaling(255), core])
""",
        },
        {
            "why": "the image size written in",
            "diagnosis": "build the input from image_size",
            "code": """def with_preprocessing(core, image_size):
    inputs = keras.Input((32, 32, 3))
    x = pipeline.augmentation_layers()(inputs)
    x = layers.Rescaling(1 / 255)(x)
    return keras.Model(inputs, core(x))
""",
        },
        {
            "why": "a new classifier instead of core",
            "diagnosis": "should give core's output",
            "code": """def with_preprocessing(core, image_size):
    inputs = keras.Input((image_size, image_size, 3))
    x = pipeline.augmentation_layers()(inputs)
    x = layers.Rescaling(1 / 255)(x)
    x = layers.Flatten()(x)
    return keras.Model(inputs, layers.Dense(3)(x))
""",
        },
    ],
    "q7_best_learning_rate": [
        {
            "why": "the lowest last training loss",
            "diagnosis": "has the lowest LAST loss",
            "code": """def best_learning_rate(histories):
    return min(histories, key=lambda rate: histories[rate]["loss"][-1])
""",
        },
        {
            "why": "the lowest last validation loss",
            "diagnosis": "has the lowest LAST loss",
            "code": """def best_learning_rate(histories):
    last = {rate: history["val_loss"][-1] for rate, history in histories.items()}
    return min(last, key=last.get)
""",
        },
        {
            "why": "the best validation accuracy",
            "diagnosis": "the best validation accuracy",
            "code": """def best_learning_rate(histories):
    return max(histories, key=lambda rate: max(histories[rate]["val_accuracy"]))
""",
        },
        {
            "why": "min() of losses with nan: a diverged run listed first wins",
            "diagnosis": "diverged",
            "code": """def best_learning_rate(histories):
    return min(histories, key=lambda rate: min(histories[rate]["val_loss"]))
""",
        },
        {
            "why": "returns the position of the best run, not its rate",
            "diagnosis": "a position",
            "code": """def best_learning_rate(histories):
    return int(np.argmin([min(h["val_loss"]) for h in histories.values()]))
""",
        },
        {
            "why": "returns the best loss instead of the rate",
            "diagnosis": "not one of the rates tried",
            "code": """def best_learning_rate(histories):
    return min(min(h["val_loss"]) for h in histories.values())
""",
        },
        {
            "why": "the lowest average validation loss",
            "diagnosis": "lowest average validation loss",
            "code": """def best_learning_rate(histories):
    return min(histories, key=lambda rate: np.nanmean(histories[rate]["val_loss"]))
""",
        },
    ],
    "q8_checkpoint_callbacks": [
        {
            "why": "the checkpoint monitors the training loss",
            "diagnosis": "your ModelCheckpoint monitors 'loss'",
            "code": """def training_callbacks(folder, patience):
    return [
        keras.callbacks.ModelCheckpoint(str(Path(folder) / "best.keras"), monitor="loss",
                                        save_best_only=True),
        keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience,
                                      restore_best_weights=True),
    ]
""",
        },
        {
            "why": "save_best_only left out: the file holds the last epoch",
            "diagnosis": "save_best_only=False",
            "code": """def training_callbacks(folder, patience):
    return [
        keras.callbacks.ModelCheckpoint(str(Path(folder) / "best.keras"), monitor="val_loss"),
        keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience,
                                      restore_best_weights=True),
    ]
""",
        },
        {
            "why": "restore_best_weights left out",
            "diagnosis": "restore_best_weights=False",
            "code": """def training_callbacks(folder, patience):
    return [
        keras.callbacks.ModelCheckpoint(str(Path(folder) / "best.keras"), monitor="val_loss",
                                        save_best_only=True),
        keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience),
    ]
""",
        },
        {
            "why": "the old HDF5 file name, best.h5",
            "diagnosis": "ending in .keras",
            "code": """def training_callbacks(folder, patience):
    return [
        keras.callbacks.ModelCheckpoint(str(Path(folder) / "best.h5"), monitor="val_loss",
                                        save_best_only=True),
        keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience,
                                      restore_best_weights=True),
    ]
""",
        },
        {
            "why": "patience written in",
            "diagnosis": "use the patience given",
            "code": """def training_callbacks(folder, patience):
    return [
        keras.callbacks.ModelCheckpoint(str(Path(folder) / "best.keras"), monitor="val_loss",
                                        save_best_only=True),
        keras.callbacks.EarlyStopping(monitor="val_loss", patience=5, restore_best_weights=True),
    ]
""",
        },
        {
            "why": "mode='max' on a loss",
            "diagnosis": "HIGHEST validation loss",
            "code": """def training_callbacks(folder, patience):
    return [
        keras.callbacks.ModelCheckpoint(str(Path(folder) / "best.keras"), monitor="val_loss",
                                        mode="max", save_best_only=True),
        keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience,
                                      restore_best_weights=True),
    ]
""",
        },
        {
            "why": "early stopping on the validation accuracy",
            "diagnosis": "your EarlyStopping monitors 'val_accuracy'",
            "code": """def training_callbacks(folder, patience):
    return [
        keras.callbacks.ModelCheckpoint(str(Path(folder) / "best.keras"), monitor="val_loss",
                                        save_best_only=True),
        keras.callbacks.EarlyStopping(monitor="val_accuracy", patience=patience,
                                      restore_best_weights=True),
    ]
""",
        },
        {
            "why": "best.keras in the working folder, not in the folder given",
            "diagnosis": "the file best.keras in the folder given",
            "code": """def training_callbacks(folder, patience):
    return [
        keras.callbacks.ModelCheckpoint("best.keras", monitor="val_loss", save_best_only=True),
        keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience,
                                      restore_best_weights=True),
    ]
""",
        },
        {
            "why": "the checkpoint only, no early stopping",
            "diagnosis": "should include a keras.callbacks.EarlyStopping",
            "code": """def training_callbacks(folder, patience):
    return [keras.callbacks.ModelCheckpoint(str(Path(folder) / "best.keras"),
                                            monitor="val_loss", save_best_only=True)]
""",
        },
    ],
}
