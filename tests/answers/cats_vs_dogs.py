"""Recorded answers to the exercises of 10_cats_vs_dogs, right and wrong.

``CORRECT``: answers written another way than the reference (scikit-learn, other
NumPy idioms, the Sequential or the functional API, object or string forms, extra
prints); each must be told "Correct" and earn full marks.
``MISTAKES``: common wrong answers; each must be told "Incorrect" with a message
that contains its ``diagnosis`` (case ignored), and lose its exercise's points.
Each ``code`` is the complete source of an answer cell, as a learner might write it.
"""

CORRECT = {
    "q1_hold_out_fifth": [
        {
            "how": "scikit-learn's train_test_split with stratify",
            "code": """from sklearn.model_selection import train_test_split


def hold_out_fifth(labels, seed):
    positions = np.arange(len(labels))
    train, val = train_test_split(positions, test_size=0.2, stratify=labels,
                                  random_state=seed)
    return train, val
""",
        },
        {
            "how": "a permutation per class, lists returned",
            "code": """def hold_out_fifth(labels, seed):
    rng = np.random.default_rng(seed)
    train, val = [], []
    for k in sorted(set(labels.tolist())):
        where = rng.permutation(np.flatnonzero(labels == k))
        n_val = int(round(len(where) / 5))
        val += where[:n_val].tolist()
        train += where[n_val:].tolist()
    print(len(train), "train,", len(val), "val")
    return train, val
""",
        },
        {
            "how": "StratifiedShuffleSplit",
            "code": """from sklearn.model_selection import StratifiedShuffleSplit


def hold_out_fifth(labels, seed):
    splitter = StratifiedShuffleSplit(n_splits=1, test_size=0.2, random_state=seed)
    train, val = next(splitter.split(np.zeros(len(labels)), labels))
    return train, val
""",
        },
    ],
    "q2_small_cnn": [
        {
            "how": "functional API, an Activation layer for the sigmoid",
            "code": """def small_cnn(image_size):
    inputs = keras.Input(shape=(image_size, image_size, 3))
    x = layers.Rescaling(scale=1.0 / 255)(inputs)
    x = layers.Conv2D(32, kernel_size=3, activation="relu")(x)
    x = layers.MaxPooling2D(pool_size=2)(x)
    x = layers.Flatten()(x)
    x = layers.Dense(64, activation="relu")(x)
    x = layers.Dense(1)(x)
    outputs = layers.Activation("sigmoid")(x)
    return keras.Model(inputs, outputs)
""",
        },
        {
            "how": "Sequential with add(), keras.activations functions, a summary",
            "code": """def small_cnn(image_size):
    model = keras.Sequential()
    model.add(keras.Input((image_size, image_size, 3)))
    model.add(layers.Rescaling(1 / 255))
    model.add(layers.Conv2D(filters=32, kernel_size=(3, 3), activation=keras.activations.relu))
    model.add(layers.MaxPooling2D((2, 2)))
    model.add(layers.Flatten())
    model.add(layers.Dense(64, activation=keras.activations.relu))
    model.add(layers.Dense(1, activation=keras.activations.sigmoid))
    model.summary()
    return model
""",
        },
        {
            "how": "ReLU layers after linear ones",
            "code": """def small_cnn(image_size):
    return keras.Sequential([
        keras.Input((image_size, image_size, 3)),
        layers.Rescaling(1 / 255.0),
        layers.Conv2D(32, (3, 3)),
        layers.ReLU(),
        layers.MaxPooling2D(),
        layers.Flatten(),
        layers.Dense(64),
        layers.ReLU(),
        layers.Dense(1, activation="sigmoid"),
    ])
""",
        },
    ],
    "q3_small_cnn_parameters": [
        {
            "how": "layer by layer, with a print",
            "code": """def small_cnn_parameters(image_size):
    conv = (3 * 3 * 3 + 1) * 32
    side = (image_size - 3 + 1) // 2
    dense = (side * side * 32 + 1) * 64
    out = 64 + 1
    print(conv, dense, out)
    return conv + dense + out
""",
        },
        {
            "how": "math.floor of a true division",
            "code": """def small_cnn_parameters(image_size):
    side = math.floor((image_size - 2) / 2)
    return 896 + (32 * side ** 2 + 1) * 64 + 65
""",
        },
        {
            "how": "a loop over the layers' shapes",
            "code": """def small_cnn_parameters(image_size):
    total, size, channels = 0, image_size, 3
    for units in (32,):
        total += (3 * 3 * channels + 1) * units
        size, channels = (size - 2) // 2, units
    flat = size * size * channels
    for units in (64, 1):
        total += (flat + 1) * units
        flat = units
    return total
""",
        },
    ],
    "q4_compile_binary": [
        {
            "how": "objects for the loss and the metric",
            "code": """def compile_binary(model):
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.002, momentum=0.8),
                  loss=keras.losses.BinaryCrossentropy(),
                  metrics=[keras.metrics.BinaryAccuracy(name="accuracy")])
    return model
""",
        },
        {
            "how": "positional arguments, 'acc'",
            "code": """def compile_binary(model):
    sgd = keras.optimizers.SGD(0.002, 0.8)
    model.compile(sgd, "binary_crossentropy", metrics=["acc"])
    return model
""",
        },
        {
            "how": "the loss function itself, a print",
            "code": """def compile_binary(model):
    model.compile(loss=keras.losses.binary_crossentropy, metrics=["accuracy"],
                  optimizer=keras.optimizers.SGD(momentum=0.8, learning_rate=2e-3))
    print("compiled")
    return model
""",
        },
    ],
    "q5_binary_transfer": [
        {
            "how": "Sequential on the base, a Dropout before the output",
            "code": """def binary_transfer(base):
    base.trainable = False
    return keras.Sequential([base, layers.GlobalAveragePooling2D(), layers.Dropout(0.2),
                             layers.Dense(1, activation="sigmoid")])
""",
        },
        {
            "how": "functional on base.output, an Activation layer",
            "code": """def binary_transfer(base):
    base.trainable = False
    x = layers.GlobalAveragePooling2D()(base.output)
    x = layers.Dense(1)(x)
    return keras.Model(base.input, layers.Activation("sigmoid")(x))
""",
        },
        {
            "how": "keras.Input, base called with training=False, tf.nn.sigmoid",
            "code": """def binary_transfer(base):
    for layer in base.layers:
        layer.trainable = False
    base.trainable = False
    inputs = keras.Input(base.input_shape[1:])
    x = layers.GlobalAveragePooling2D()(base(inputs, training=False))
    return keras.Model(inputs, layers.Dense(1, activation=tf.nn.sigmoid)(x))
""",
        },
    ],
    "q6_answer": [
        {
            "how": "the class chosen first, then its probability",
            "code": """def answer(probability, class_names):
    k = 1 if probability >= 0.5 else 0
    p = probability if k == 1 else 1 - probability
    return f"{class_names[k]}, {round(p * 100)} %"
""",
        },
        {
            "how": "str.format and int(round())",
            "code": """def answer(probability, class_names):
    if probability < 0.5:
        return "{}, {} %".format(class_names[0], int(round(100 * (1 - probability))))
    return "{}, {} %".format(class_names[1], int(round(100 * probability)))
""",
        },
        {
            "how": "a format spec without decimals (the same rounding), a print",
            "code": """def answer(probability, class_names):
    name = class_names[int(probability >= 0.5)]
    sure = max(probability, 1 - probability)
    text = f"{name}, {100 * sure:.0f} %"
    print(text)
    return text
""",
        },
    ],
}

MISTAKES = {
    "q1_hold_out_fifth": [
        {
            "why": "a plain permutation, not stratified",
            "diagnosis": "stratified",
            "code": """def hold_out_fifth(labels, seed):
    order = np.random.default_rng(seed).permutation(len(labels))
    cut = len(labels) // 5
    return order[cut:], order[:cut]
""",
        },
        {
            "why": "train and val swapped",
            "diagnosis": "the other way round",
            "code": """from sklearn.model_selection import train_test_split


def hold_out_fifth(labels, seed):
    train, val = train_test_split(np.arange(len(labels)), test_size=0.2, stratify=labels,
                                  random_state=seed)
    return val, train
""",
        },
        {
            "why": "a fixed seed",
            "diagnosis": "use the seed given",
            "code": """from sklearn.model_selection import train_test_split


def hold_out_fifth(labels, seed):
    return train_test_split(np.arange(len(labels)), test_size=0.2, stratify=labels,
                            random_state=42)
""",
        },
        {
            "why": "no seed at all: another split every time",
            "diagnosis": "the second time",
            "code": """def hold_out_fifth(labels, seed):
    train, val = [], []
    for k in np.unique(labels):
        where = np.random.permutation(np.flatnonzero(labels == k))
        n = round(len(where) / 5)
        val.extend(where[:n])
        train.extend(where[n:])
    return np.array(train), np.array(val)
""",
        },
        {
            "why": "the first fifth of each class, unshuffled",
            "diagnosis": "the first photos of each class",
            "code": """def hold_out_fifth(labels, seed):
    train, val = [], []
    for k in np.unique(labels):
        where = np.flatnonzero(labels == k)
        n = round(len(where) / 5)
        val.extend(where[:n])
        train.extend(where[n:])
    return np.array(train), np.array(val)
""",
        },
        {
            "why": "boolean masks instead of positions",
            "diagnosis": "array of true/false",
            "code": """def hold_out_fifth(labels, seed):
    rng = np.random.default_rng(seed)
    val = np.zeros(len(labels), bool)
    for k in np.unique(labels):
        where = rng.permutation(np.flatnonzero(labels == k))
        val[where[:round(len(where) / 5)]] = True
    return ~val, val
""",
        },
        {
            "why": "the labels of the photos instead of their positions",
            "diagnosis": "not the labels themselves",
            "code": """from sklearn.model_selection import train_test_split


def hold_out_fifth(labels, seed):
    return train_test_split(labels * 1000 + 5, test_size=0.2, stratify=labels,
                            random_state=seed)
""",
        },
    ],
    "q2_small_cnn": [
        {
            "why": "two softmax outputs",
            "diagnosis": "one output is enough",
            "code": """def small_cnn(image_size):
    return keras.Sequential([
        keras.Input((image_size, image_size, 3)), layers.Rescaling(1 / 255),
        layers.Conv2D(32, (3, 3), activation="relu"), layers.MaxPooling2D((2, 2)),
        layers.Flatten(), layers.Dense(64, activation="relu"),
        layers.Dense(2, activation="softmax"),
    ])
""",
        },
        {
            "why": "no activation on the output",
            "diagnosis": "not a probability",
            "code": """def small_cnn(image_size):
    return keras.Sequential([
        keras.Input((image_size, image_size, 3)), layers.Rescaling(1 / 255),
        layers.Conv2D(32, (3, 3), activation="relu"), layers.MaxPooling2D((2, 2)),
        layers.Flatten(), layers.Dense(64, activation="relu"), layers.Dense(1),
    ])
""",
        },
        {
            "why": "no rescaling",
            "diagnosis": "no rescaling layer",
            "code": """def small_cnn(image_size):
    return keras.Sequential([
        keras.Input((image_size, image_size, 3)),
        layers.Conv2D(32, (3, 3), activation="relu"), layers.MaxPooling2D((2, 2)),
        layers.Flatten(), layers.Dense(64, activation="relu"),
        layers.Dense(1, activation="sigmoid"),
    ])
""",
        },
        {
            "why": "64 filters and 32 units, swapped",
            "diagnosis": "expected conv2d(32, relu)",
            "code": """def small_cnn(image_size):
    return keras.Sequential([
        keras.Input((image_size, image_size, 3)), layers.Rescaling(1 / 255),
        layers.Conv2D(64, (3, 3), activation="relu"), layers.MaxPooling2D((2, 2)),
        layers.Flatten(), layers.Dense(32, activation="relu"),
        layers.Dense(1, activation="sigmoid"),
    ])
""",
        },
        {
            "why": "5x5 kernels",
            "diagnosis": "the workshop's is (3, 3)",
            "code": """def small_cnn(image_size):
    return keras.Sequential([
        keras.Input((image_size, image_size, 3)), layers.Rescaling(1 / 255),
        layers.Conv2D(32, (5, 5), activation="relu"), layers.MaxPooling2D((2, 2)),
        layers.Flatten(), layers.Dense(64, activation="relu"),
        layers.Dense(1, activation="sigmoid"),
    ])
""",
        },
        {
            "why": "padding='same'",
            "diagnosis": "use the defaults",
            "code": """def small_cnn(image_size):
    return keras.Sequential([
        keras.Input((image_size, image_size, 3)), layers.Rescaling(1 / 255),
        layers.Conv2D(32, (3, 3), activation="relu", padding="same"),
        layers.MaxPooling2D((2, 2)), layers.Flatten(), layers.Dense(64, activation="relu"),
        layers.Dense(1, activation="sigmoid"),
    ])
""",
        },
        {
            "why": "a fixed input size of 150",
            "diagnosis": "keras.input((image_size, image_size, 3))",
            "code": """def small_cnn(image_size):
    return keras.Sequential([
        keras.Input((150, 150, 3)), layers.Rescaling(1 / 255),
        layers.Conv2D(32, (3, 3), activation="relu"), layers.MaxPooling2D((2, 2)),
        layers.Flatten(), layers.Dense(64, activation="relu"),
        layers.Dense(1, activation="sigmoid"),
    ])
""",
        },
    ],
    "q3_small_cnn_parameters": [
        {
            "why": "no biases",
            "diagnosis": "left out the biases",
            "code": """def small_cnn_parameters(image_size):
    side = (image_size - 2) // 2
    return 27 * 32 + side * side * 32 * 64 + 64
""",
        },
        {
            "why": "forgets the pooling",
            "diagnosis": "forgot the pooling",
            "code": """def small_cnn_parameters(image_size):
    side = image_size - 2
    return 28 * 32 + (side * side * 32 + 1) * 64 + 65
""",
        },
        {
            "why": "padding 'same'",
            "diagnosis": "padding='same'",
            "code": """def small_cnn_parameters(image_size):
    side = image_size // 2
    return 28 * 32 + (side * side * 32 + 1) * 64 + 65
""",
        },
        {
            "why": "one input channel",
            "diagnosis": "one input channel",
            "code": """def small_cnn_parameters(image_size):
    side = (image_size - 2) // 2
    return (9 + 1) * 32 + (side * side * 32 + 1) * 64 + 65
""",
        },
        {
            "why": "the pooling rounded up",
            "diagnosis": "rounds down",
            "code": """def small_cnn_parameters(image_size):
    side = math.ceil((image_size - 2) / 2)
    return 28 * 32 + (side * side * 32 + 1) * 64 + 65
""",
        },
        {
            "why": "two output units",
            "diagnosis": "one output",
            "code": """def small_cnn_parameters(image_size):
    side = (image_size - 2) // 2
    return 28 * 32 + (side * side * 32 + 1) * 64 + 65 * 2
""",
        },
        {
            "why": "the convolution only",
            "diagnosis": "the convolution only",
            "code": """def small_cnn_parameters(image_size):
    return (3 * 3 * 3 + 1) * 32
""",
        },
    ],
    "q4_compile_binary": [
        {
            "why": "sparse categorical cross-entropy",
            "diagnosis": "binary cross-entropy",
            "code": """def compile_binary(model):
    model.compile(optimizer=keras.optimizers.SGD(0.002, momentum=0.8),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model
""",
        },
        {
            "why": "from_logits=True with a sigmoid output",
            "diagnosis": "from_logits=true",
            "code": """def compile_binary(model):
    model.compile(optimizer=keras.optimizers.SGD(0.002, momentum=0.8),
                  loss=keras.losses.BinaryCrossentropy(from_logits=True), metrics=["accuracy"])
    return model
""",
        },
        {
            "why": "Adam instead of the workshop's SGD",
            "diagnosis": "the workshop uses",
            "code": """def compile_binary(model):
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    return model
""",
        },
        {
            "why": "no momentum",
            "diagnosis": "momentum 0",
            "code": """def compile_binary(model):
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.002),
                  loss="binary_crossentropy", metrics=["accuracy"])
    return model
""",
        },
        {
            "why": "learning rate 0.02",
            "diagnosis": "the workshop's is 0.002",
            "code": """def compile_binary(model):
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.02, momentum=0.8),
                  loss="binary_crossentropy", metrics=["accuracy"])
    return model
""",
        },
        {
            "why": "mean squared error",
            "diagnosis": "mean squared error",
            "code": """def compile_binary(model):
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.002, momentum=0.8),
                  loss="mse", metrics=["accuracy"])
    return model
""",
        },
        {
            "why": "forgets to return the model",
            "diagnosis": "return it",
            "code": """def compile_binary(model):
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.002, momentum=0.8),
                  loss="binary_crossentropy", metrics=["accuracy"])
""",
        },
    ],
    "q5_binary_transfer": [
        {
            "why": "the base left trainable",
            "diagnosis": "still trainable",
            "code": """def binary_transfer(base):
    inputs = keras.Input(base.input_shape[1:])
    x = layers.GlobalAveragePooling2D()(base(inputs))
    return keras.Model(inputs, layers.Dense(1, activation="sigmoid")(x))
""",
        },
        {
            "why": "two softmax outputs",
            "diagnosis": "one sigmoid output",
            "code": """def binary_transfer(base):
    base.trainable = False
    inputs = keras.Input(base.input_shape[1:])
    x = layers.GlobalAveragePooling2D()(base(inputs))
    return keras.Model(inputs, layers.Dense(2, activation="softmax")(x))
""",
        },
        {
            "why": "Flatten instead of pooling",
            "diagnosis": "flattens the feature map",
            "code": """def binary_transfer(base):
    base.trainable = False
    return keras.Sequential([base, layers.Flatten(), layers.Dense(1, activation="sigmoid")])
""",
        },
        {
            "why": "a linear output",
            "diagnosis": "expected globalaveragepooling2d() -> dense(1, sigmoid)",
            "code": """def binary_transfer(base):
    base.trainable = False
    return keras.Sequential([base, layers.GlobalAveragePooling2D(), layers.Dense(1)])
""",
        },
        {
            "why": "an extra hidden layer",
            "diagnosis": "expected globalaveragepooling2d() -> dense(1, sigmoid)",
            "code": """def binary_transfer(base):
    base.trainable = False
    return keras.Sequential([base, layers.GlobalAveragePooling2D(),
                             layers.Dense(16, activation="relu"),
                             layers.Dense(1, activation="sigmoid")])
""",
        },
        {
            "why": "a new base instead of the one given",
            "diagnosis": "does not use the base",
            "code": """def binary_transfer(base):
    fresh = keras.models.clone_model(base)
    fresh.trainable = False
    base.trainable = False
    return keras.Sequential([fresh, layers.GlobalAveragePooling2D(),
                             layers.Dense(1, activation="sigmoid")])
""",
        },
    ],
    "q6_answer": [
        {
            "why": "the dog's probability reported for a cat",
            "diagnosis": "the probability of a dog",
            "code": """def answer(probability, class_names):
    name = class_names[1] if probability >= 0.5 else class_names[0]
    return f"{name}, {round(100 * probability)} %"
""",
        },
        {
            "why": "the names the wrong way round",
            "diagnosis": "the wrong class",
            "code": """def answer(probability, class_names):
    if probability >= 0.5:
        return f"{class_names[0]}, {round(100 * probability)} %"
    return f"{class_names[1]}, {round(100 * (1 - probability))} %"
""",
        },
        {
            "why": "p > 0.5 at the threshold",
            "diagnosis": "exactly 0.5",
            "code": """def answer(probability, class_names):
    if probability > 0.5:
        return f"{class_names[1]}, {round(100 * probability)} %"
    return f"{class_names[0]}, {round(100 * (1 - probability))} %"
""",
        },
        {
            "why": "decimals",
            "diagnosis": "rounded to a whole number",
            "code": """def answer(probability, class_names):
    if probability >= 0.5:
        return f"{class_names[1]}, {100 * probability:.1f} %"
    return f"{class_names[0]}, {100 * (1 - probability):.1f} %"
""",
        },
        {
            "why": "a fraction instead of a percentage",
            "diagnosis": "exactly",
            "code": """def answer(probability, class_names):
    if probability >= 0.5:
        return f"{class_names[1]}, {probability:.2f}"
    return f"{class_names[0]}, {1 - probability:.2f}"
""",
        },
        {
            "why": "the percentage cut, not rounded",
            "diagnosis": "rounded to a whole number",
            "code": """def answer(probability, class_names):
    if probability >= 0.5:
        return f"{class_names[1]}, {int(100 * probability)} %"
    return f"{class_names[0]}, {int(100 * (1 - probability))} %"
""",
        },
        {
            "why": "prints instead of returning",
            "diagnosis": "should return a string",
            "code": """def answer(probability, class_names):
    if probability >= 0.5:
        print(f"{class_names[1]}, {round(100 * probability)} %")
    else:
        print(f"{class_names[0]}, {round(100 * (1 - probability))} %")
""",
        },
    ],
}
