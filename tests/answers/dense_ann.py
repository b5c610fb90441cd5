"""Recorded answers to the exercises of 05_dense_ann, right and wrong.

``CORRECT``: answers written another way than the reference (the other Keras API,
an Input layer or input_shape, activations as layers, losses by name, as functions
or as objects, other idioms, extra prints); each must be told "Correct" and earn
full marks.
``MISTAKES``: common wrong answers; each must be told "Incorrect" with a message
that contains its ``diagnosis`` (case ignored), and lose its exercise's points.
Each ``code`` is the complete source of an answer cell, as a learner might write it.
"""

CORRECT = {
    "q1_first_layer_cost": [
        {
            "how": "math.prod of the shape, bytes from the dtype, a list, a debug print",
            "code": """def first_layer_cost(image_size, channels, units):
    inputs = math.prod((image_size, image_size, channels))
    weights, biases = inputs * units, units
    print(f"{inputs} inputs: {weights} weights + {biases} biases")
    n_bytes = (weights + biases) * np.dtype("float32").itemsize
    return [weights + biases, n_bytes / 1e6]
""",
        },
        {
            "how": "(inputs + 1) x units: one bias counted as an extra input",
            "code": """def first_layer_cost(image_size, channels, units):
    parameters = (image_size ** 2 * channels + 1) * units
    return parameters, parameters * 4 / 10**6
""",
        },
        {
            "how": "Keras counts: a real Flatten + Dense model, count_params",
            "code": """def first_layer_cost(image_size, channels, units):
    model = keras.Sequential([keras.Input(shape=(image_size, image_size, channels)),
                              layers.Flatten(), layers.Dense(units)])
    parameters = model.count_params()
    return parameters, 4 * parameters / 1_000_000
""",
        },
        {
            "how": "NumPy: np.prod gives an np.int64, megabytes as an np.float64",
            "code": """def first_layer_cost(image_size, channels, units):
    inputs = np.prod([image_size, image_size, channels])
    parameters = inputs * units + units
    megabytes = np.float64(parameters) * 4 / 1e6
    return parameters, megabytes
""",
        },
    ],
    "q2_dense_network": [
        {
            "how": "functional API, activations as Activation layers",
            "code": """def dense_network(input_shape, n_classes, hidden_units, dropout):
    inputs = keras.Input(shape=input_shape)
    x = layers.Flatten()(inputs)
    for units in hidden_units:
        x = layers.Dense(units)(x)
        x = layers.Activation("relu")(x)
        x = layers.Dropout(dropout)(x)
    x = layers.Dense(n_classes)(x)
    outputs = layers.Activation("softmax")(x)
    return keras.Model(inputs, outputs)
""",
        },
        {
            "how": "input_shape on Flatten (Keras warns), activations as functions",
            "code": """import tensorflow as tf

def dense_network(input_shape, n_classes, hidden_units, dropout):
    model = keras.Sequential()
    model.add(layers.Flatten(input_shape=input_shape))
    for units in hidden_units:
        model.add(layers.Dense(units, activation=keras.activations.relu))
        model.add(layers.Dropout(rate=dropout))
    model.add(layers.Dense(n_classes, activation=tf.nn.softmax))
    return model
""",
        },
        {
            "how": "a list built in a comprehension, ReLU and Softmax layers, a summary printed",
            "code": """def dense_network(input_shape, n_classes, hidden_units, dropout):
    hidden = [layer for units in hidden_units
              for layer in (layers.Dense(units), layers.ReLU(), layers.Dropout(dropout))]
    model = keras.Sequential([layers.Input(input_shape), layers.Flatten(), *hidden,
                              layers.Dense(n_classes), layers.Softmax()])
    model.summary()
    return model
""",
        },
        {
            "how": "each hidden layer and its dropout as a small nested Sequential block",
            "code": """def block(units, rate, name):
    return keras.Sequential([layers.Dense(units, activation="relu"), layers.Dropout(rate)],
                            name=name)

def dense_network(input_shape, n_classes, hidden_units, dropout):
    model = keras.Sequential([keras.Input(shape=tuple(input_shape)), layers.Flatten()])
    for i, units in enumerate(hidden_units):
        model.add(block(units, dropout, name=f"block{i}"))
    model.add(layers.Dense(n_classes, activation="softmax", name="probabilities"))
    return model
""",
        },
    ],
    "q3_compile_for_labels": [
        {
            "how": "losses by name when the model gives probabilities, objects for logits",
            "code": """def compile_for_labels(model, labels, logits, learning_rate):
    integer = labels.ndim == 1
    if not logits:
        loss = "sparse_categorical_crossentropy" if integer else "categorical_crossentropy"
    elif integer:
        loss = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    else:
        loss = keras.losses.CategoricalCrossentropy(from_logits=True)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss=loss, metrics=["acc"])
    return model
""",
        },
        {
            "how": "loss functions, one of its own for logits, metric objects that fit the labels",
            "code": """def compile_for_labels(model, labels, logits, learning_rate):
    if len(labels.shape) > 1:
        function = keras.losses.categorical_crossentropy
        metric = keras.metrics.CategoricalAccuracy()
    else:
        function, metric = (keras.losses.sparse_categorical_crossentropy,
                            keras.metrics.SparseCategoricalAccuracy())

    def from_scores(y_true, y_pred):
        return function(y_true, y_pred, from_logits=True)

    loss = from_scores if logits else function
    model.compile(loss=loss, optimizer=keras.optimizers.Adam(learning_rate=learning_rate),
                  metrics=[metric])
    return model
""",
        },
        {
            "how": "one loss class chosen by a dict, with a print of the choice",
            "code": """def compile_for_labels(model, labels, logits, learning_rate):
    kinds = {1: keras.losses.SparseCategoricalCrossentropy,
             2: keras.losses.CategoricalCrossentropy}
    loss = kinds[np.ndim(labels)](from_logits=bool(logits))
    print(f"labels {np.shape(labels)} -> {type(loss).__name__}(from_logits={logits})")
    optimizer = keras.optimizers.Adam(learning_rate=learning_rate)
    model.compile(optimizer, loss, metrics=["accuracy"])
    return model
""",
        },
    ],
    "q4_training_steps": [
        {
            "how": "ceiling division with negative floor division",
            "code": """def training_steps(n_images, batch_size, epochs):
    return -(-n_images // batch_size) * epochs
""",
        },
        {
            "how": "a loop that counts the batches of one epoch, with a print",
            "code": """def training_steps(n_images, batch_size, epochs):
    batches, start = 0, 0
    while start < n_images:
        batches += 1
        start += batch_size
    print(f"{batches} batches per epoch")
    return batches * epochs
""",
        },
        {
            "how": "np.ceil, turned into an int",
            "code": """def training_steps(n_images, batch_size, epochs):
    per_epoch = int(np.ceil(n_images / batch_size))
    return per_epoch * epochs
""",
        },
        {
            "how": "(n + b - 1) // b",
            "code": """def training_steps(n_images, batch_size, epochs):
    return epochs * ((n_images + batch_size - 1) // batch_size)
""",
        },
    ],
    "q5_regularised_dense": [
        {
            "how": "keras.regularizers.l1_l2, the function form",
            "code": """def regularised_dense(units, l1, l2):
    penalty = keras.regularizers.l1_l2(l1=l1, l2=l2)
    return layers.Dense(units, activation="relu", kernel_regularizer=penalty)
""",
        },
        {
            "how": "L1, L2 or L1L2 depending on which strengths are set, activation as a function",
            "code": """def regularised_dense(units, l1, l2):
    if l1 == 0:
        penalty = keras.regularizers.L2(l2)
    elif l2 == 0:
        penalty = keras.regularizers.L1(l1)
    else:
        penalty = keras.regularizers.L1L2(l1=l1, l2=l2)
    return layers.Dense(units=units, activation=keras.activations.relu, kernel_regularizer=penalty)
""",
        },
        {
            "how": "a penalty function of the weights, written with keras.ops",
            "code": """from keras import ops

def regularised_dense(units, l1, l2):
    def penalty(weights):
        return l1 * ops.sum(ops.abs(weights)) + l2 * ops.sum(ops.square(weights))

    return layers.Dense(units, activation="relu", kernel_regularizer=penalty)
""",
        },
        {
            "how": "regularizers imported from keras, positional strengths",
            "code": """from keras import regularizers

def regularised_dense(units, l1, l2):
    layer = layers.Dense(units, "relu", kernel_regularizer=regularizers.L1L2(l1, l2))
    print(layer.kernel_regularizer.get_config())
    return layer
""",
        },
    ],
    "q6_training_callbacks": [
        {
            "how": "imported callback classes, a tuple, mode='min'",
            "code": """from keras.callbacks import EarlyStopping, ReduceLROnPlateau

def training_callbacks(patience, lr_patience):
    stop = EarlyStopping("val_loss", patience=patience, mode="min", restore_best_weights=True)
    slow = ReduceLROnPlateau("val_loss", factor=0.5, patience=lr_patience, mode="min")
    return (stop, slow)
""",
        },
        {
            "how": "a list built with append, extra settings (min_lr, verbose, min_delta)",
            "code": """def training_callbacks(patience, lr_patience):
    callbacks = []
    callbacks.append(keras.callbacks.EarlyStopping(monitor="val_loss", min_delta=0.0,
                                                   patience=patience, verbose=1,
                                                   restore_best_weights=True))
    callbacks.append(keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=1 / 2,
                                                       patience=lr_patience, min_lr=1e-6,
                                                       verbose=1))
    return callbacks
""",
        },
        {
            "how": "ReduceLROnPlateau first, settings from a shared dict",
            "code": """def training_callbacks(patience, lr_patience):
    watch = dict(monitor="val_loss", mode="auto")
    return [keras.callbacks.ReduceLROnPlateau(factor=0.5, patience=lr_patience, **watch),
            keras.callbacks.EarlyStopping(patience=patience, restore_best_weights=True, **watch)]
""",
        },
    ],
    "q7_cosine_learning_rate": [
        {
            "how": "NumPy: np.minimum, np.cos, np.pi (returns an np.float64)",
            "code": """def cosine_learning_rate(step, initial_rate, decay_steps, alpha):
    fraction = np.minimum(step, decay_steps) / decay_steps
    decayed = (1 - alpha) * 0.5 * (1 + np.cos(np.pi * fraction)) + alpha
    return initial_rate * decayed
""",
        },
        {
            "how": "Keras's own CosineDecay (float32), turned into a float",
            "code": """def cosine_learning_rate(step, initial_rate, decay_steps, alpha):
    schedule = keras.optimizers.schedules.CosineDecay(initial_rate, decay_steps, alpha=alpha)
    return float(schedule(step))
""",
        },
        {
            "how": "an early return after the end, the angle through math.radians",
            "code": """def cosine_learning_rate(step, initial_rate, decay_steps, alpha):
    if step >= decay_steps:
        return alpha * initial_rate
    angle = math.radians(180 * step / decay_steps)
    lowest = alpha * initial_rate
    return lowest + (initial_rate - lowest) * (1 + math.cos(angle)) / 2
""",
        },
    ],
}

MISTAKES = {
    "q1_first_layer_cost": [
        {
            "why": "forgot the biases",
            "diagnosis": "left out the biases",
            "code": """def first_layer_cost(image_size, channels, units):
    parameters = image_size * image_size * channels * units
    return parameters, parameters * 4 / 1_000_000
""",
        },
        {
            "why": "forgot the channels: a colour photo counted like a gray one",
            "diagnosis": "forgot the channels",
            "code": """def first_layer_cost(image_size, channels, units):
    parameters = image_size * image_size * units + units
    return parameters, parameters * 4 / 1_000_000
""",
        },
        {
            "why": "image_size taken for the number of pixels (not squared)",
            "diagnosis": "image_size squared",
            "code": """def first_layer_cost(image_size, channels, units):
    inputs = image_size * channels
    parameters = inputs * units + units
    return parameters, parameters * 4 / 1_000_000
""",
        },
        {
            "why": "memory in bytes, not megabytes",
            "diagnosis": "is in bytes",
            "code": """def first_layer_cost(image_size, channels, units):
    parameters = image_size * image_size * channels * units + units
    return parameters, parameters * 4
""",
        },
        {
            "why": "megabytes of 2**20 bytes (mebibytes)",
            "diagnosis": "mebibyte",
            "code": """def first_layer_cost(image_size, channels, units):
    parameters = image_size * image_size * channels * units + units
    return parameters, parameters * 4 / 1024 / 1024
""",
        },
        {
            "why": "8 bytes a parameter, as if float64",
            "diagnosis": "float64",
            "code": """def first_layer_cost(image_size, channels, units):
    parameters = image_size * image_size * channels * units + units
    return parameters, parameters * np.dtype(np.float64).itemsize / 1e6
""",
        },
        {
            "why": "math.pow makes the parameter count a float",
            "diagnosis": "a float",
            "code": """def first_layer_cost(image_size, channels, units):
    parameters = math.pow(image_size, 2) * channels * units + units
    return parameters, parameters * 4 / 1e6
""",
        },
        {
            "why": "a bias for the output too: (inputs + 1) x (units + 1)",
            "diagnosis": "not (inputs + 1) x (units + 1)",
            "code": """def first_layer_cost(image_size, channels, units):
    parameters = (image_size * image_size * channels + 1) * (units + 1)
    return parameters, parameters * 4 / 1e6
""",
        },
        {
            "why": "the two values returned in the wrong order",
            "diagnosis": "wrong order",
            "code": """def first_layer_cost(image_size, channels, units):
    parameters = image_size * image_size * channels * units + units
    return parameters * 4 / 1e6, parameters
""",
        },
    ],
    "q2_dense_network": [
        {
            "why": "no Flatten: the Dense layers work on the last axis of each image",
            "diagnosis": "has no Flatten layer",
            "code": """def dense_network(input_shape, n_classes, hidden_units, dropout):
    model = keras.Sequential([keras.Input(shape=input_shape)])
    for units in hidden_units:
        model.add(layers.Dense(units, activation="relu"))
        model.add(layers.Dropout(dropout))
    model.add(layers.Dense(n_classes, activation="softmax"))
    return model
""",
        },
        {
            "why": "no softmax on the output layer",
            "diagnosis": "raw scores (logits)",
            "code": """def dense_network(input_shape, n_classes, hidden_units, dropout):
    model = keras.Sequential([keras.Input(shape=input_shape), layers.Flatten()])
    for units in hidden_units:
        model.add(layers.Dense(units, activation="relu"))
        model.add(layers.Dropout(dropout))
    model.add(layers.Dense(n_classes))
    return model
""",
        },
        {
            "why": "a sigmoid output, as for yes-or-no questions",
            "diagnosis": "sigmoid",
            "code": """def dense_network(input_shape, n_classes, hidden_units, dropout):
    model = keras.Sequential([keras.Input(shape=input_shape), layers.Flatten()])
    for units in hidden_units:
        model.add(layers.Dense(units, activation="relu"))
        model.add(layers.Dropout(dropout))
    model.add(layers.Dense(n_classes, activation="sigmoid"))
    return model
""",
        },
        {
            "why": "hidden layers without an activation",
            "diagnosis": "single linear map",
            "code": """def dense_network(input_shape, n_classes, hidden_units, dropout):
    model = keras.Sequential([keras.Input(shape=input_shape), layers.Flatten()])
    for units in hidden_units:
        model.add(layers.Dense(units))
        model.add(layers.Dropout(dropout))
    model.add(layers.Dense(n_classes, activation="softmax"))
    return model
""",
        },
        {
            "why": "the lesson's sizes hard-coded instead of hidden_units",
            "diagnosis": "one layer per number of hidden_units",
            "code": """def dense_network(input_shape, n_classes, hidden_units, dropout):
    return keras.Sequential([
        keras.Input(shape=input_shape),
        layers.Flatten(),
        layers.Dense(512, activation="relu"),
        layers.Dropout(dropout),
        layers.Dense(128, activation="relu"),
        layers.Dropout(dropout),
        layers.Dense(n_classes, activation="softmax"),
    ])
""",
        },
        {
            "why": "Dropout given the share to keep (TensorFlow 1's keep_prob)",
            "diagnosis": "share of units that are dropped",
            "code": """def dense_network(input_shape, n_classes, hidden_units, dropout):
    model = keras.Sequential([keras.Input(shape=input_shape), layers.Flatten()])
    for units in hidden_units:
        model.add(layers.Dense(units, activation="relu"))
        model.add(layers.Dropout(1 - dropout))
    model.add(layers.Dense(n_classes, activation="softmax"))
    return model
""",
        },
        {
            "why": "one Dropout only, before the output layer",
            "diagnosis": "put one Dropout after each hidden Dense layer",
            "code": """def dense_network(input_shape, n_classes, hidden_units, dropout):
    model = keras.Sequential([keras.Input(shape=input_shape), layers.Flatten()])
    for units in hidden_units:
        model.add(layers.Dense(units, activation="relu"))
    model.add(layers.Dropout(dropout))
    model.add(layers.Dense(n_classes, activation="softmax"))
    return model
""",
        },
        {
            "why": "dropout on the input pixels, right after Flatten",
            "diagnosis": "drops input pixels",
            "code": """def dense_network(input_shape, n_classes, hidden_units, dropout):
    model = keras.Sequential([keras.Input(shape=input_shape), layers.Flatten(),
                              layers.Dropout(dropout)])
    for units in hidden_units:
        model.add(layers.Dense(units, activation="relu"))
        if units != hidden_units[-1]:
            model.add(layers.Dropout(dropout))
    model.add(layers.Dense(n_classes, activation="softmax"))
    return model
""",
        },
        {
            "why": "TrashNet's six classes hard-coded",
            "diagnosis": "one per class",
            "code": """def dense_network(input_shape, n_classes, hidden_units, dropout):
    model = keras.Sequential([keras.Input(shape=input_shape), layers.Flatten()])
    for units in hidden_units:
        model.add(layers.Dense(units, activation="relu"))
        model.add(layers.Dropout(dropout))
    model.add(layers.Dense(6, activation="softmax"))
    return model
""",
        },
        {
            "why": "the lesson's input shape hard-coded",
            "diagnosis": "takes inputs of shape (64, 64, 1)",
            "code": """def dense_network(input_shape, n_classes, hidden_units, dropout):
    model = keras.Sequential([keras.Input(shape=(64, 64, 1)), layers.Flatten()])
    for units in hidden_units:
        model.add(layers.Dense(units, activation="relu"))
        model.add(layers.Dropout(dropout))
    model.add(layers.Dense(n_classes, activation="softmax"))
    return model
""",
        },
        {
            "why": "a Dropout after the softmax output too",
            "diagnosis": "ends with a Dropout layer",
            "code": """def dense_network(input_shape, n_classes, hidden_units, dropout):
    model = keras.Sequential([keras.Input(shape=input_shape), layers.Flatten()])
    for units in [*hidden_units, n_classes]:
        last = units == n_classes
        model.add(layers.Dense(units, activation="softmax" if last else "relu"))
        model.add(layers.Dropout(dropout))
    return model
""",
        },
    ],
    "q3_compile_for_labels": [
        {
            "why": "always the sparse loss, whatever the labels",
            "diagnosis": "the loss is categorical_crossentropy",
            "code": """def compile_for_labels(model, labels, logits, learning_rate):
    loss = keras.losses.SparseCategoricalCrossentropy(from_logits=logits)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss=loss, metrics=["accuracy"])
    return model
""",
        },
        {
            "why": "always the categorical loss, whatever the labels",
            "diagnosis": "the loss is sparse_categorical_crossentropy",
            "code": """def compile_for_labels(model, labels, logits, learning_rate):
    loss = keras.losses.CategoricalCrossentropy(from_logits=logits)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss=loss, metrics=["accuracy"])
    return model
""",
        },
        {
            "why": "losses by name, so from_logits is never set",
            "diagnosis": "expects probabilities (from_logits=False)",
            "code": """def compile_for_labels(model, labels, logits, learning_rate):
    loss = "sparse_categorical_crossentropy" if labels.ndim == 1 else "categorical_crossentropy"
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss=loss, metrics=["accuracy"])
    return model
""",
        },
        {
            "why": "from_logits=True always",
            "diagnosis": "second softmax",
            "code": """def compile_for_labels(model, labels, logits, learning_rate):
    if labels.ndim == 1:
        loss = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    else:
        loss = keras.losses.CategoricalCrossentropy(from_logits=True)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss=loss, metrics=["accuracy"])
    return model
""",
        },
        {
            "why": "the optimizer by name: learning_rate is ignored",
            "diagnosis": "Adam's default",
            "code": """def compile_for_labels(model, labels, logits, learning_rate):
    if labels.ndim == 1:
        loss = keras.losses.SparseCategoricalCrossentropy(from_logits=logits)
    else:
        loss = keras.losses.CategoricalCrossentropy(from_logits=logits)
    model.compile(optimizer="adam", loss=loss, metrics=["accuracy"])
    return model
""",
        },
        {
            "why": "a favourite learning rate hard-coded, ten times too high here",
            "diagnosis": "10 times",
            "code": """def compile_for_labels(model, labels, logits, learning_rate):
    if labels.ndim == 1:
        loss = keras.losses.SparseCategoricalCrossentropy(from_logits=logits)
    else:
        loss = keras.losses.CategoricalCrossentropy(from_logits=logits)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss=loss,
                  metrics=["accuracy"])
    return model
""",
        },
        {
            "why": "no metrics",
            "diagnosis": "without the accuracy metric",
            "code": """def compile_for_labels(model, labels, logits, learning_rate):
    if labels.ndim == 1:
        loss = keras.losses.SparseCategoricalCrossentropy(from_logits=logits)
    else:
        loss = keras.losses.CategoricalCrossentropy(from_logits=logits)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss=loss)
    return model
""",
        },
        {
            "why": "the label format told by the dtype: one-hot labels of ints taken for integers",
            "diagnosis": "the loss is categorical_crossentropy",
            "code": """def compile_for_labels(model, labels, logits, learning_rate):
    if labels.dtype.kind in "iu":
        loss = keras.losses.SparseCategoricalCrossentropy(from_logits=logits)
    else:
        loss = keras.losses.CategoricalCrossentropy(from_logits=logits)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss=loss, metrics=["accuracy"])
    return model
""",
        },
        {
            "why": "returns what model.compile returns (None)",
            "diagnosis": "returns None: call it, then",
            "code": """def compile_for_labels(model, labels, logits, learning_rate):
    if labels.ndim == 1:
        loss = keras.losses.SparseCategoricalCrossentropy(from_logits=logits)
    else:
        loss = keras.losses.CategoricalCrossentropy(from_logits=logits)
    return model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss=loss,
                         metrics=["accuracy"])
""",
        },
        {
            "why": "plain SGD instead of Adam",
            "diagnosis": "asks for keras.optimizers.Adam",
            "code": """def compile_for_labels(model, labels, logits, learning_rate):
    if labels.ndim == 1:
        loss = keras.losses.SparseCategoricalCrossentropy(from_logits=logits)
    else:
        loss = keras.losses.CategoricalCrossentropy(from_logits=logits)
    model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss=loss, metrics=["accuracy"])
    return model
""",
        },
        {
            "why": "binary cross-entropy for several classes",
            "diagnosis": "binary_crossentropy, the loss of one yes-or-no output",
            "code": """def compile_for_labels(model, labels, logits, learning_rate):
    loss = keras.losses.BinaryCrossentropy(from_logits=logits)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss=loss, metrics=["accuracy"])
    return model
""",
        },
        {
            "why": "CategoricalAccuracy with integer labels",
            "diagnosis": "measures categorical_accuracy",
            "code": """def compile_for_labels(model, labels, logits, learning_rate):
    if labels.ndim == 1:
        loss = keras.losses.SparseCategoricalCrossentropy(from_logits=logits)
    else:
        loss = keras.losses.CategoricalCrossentropy(from_logits=logits)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss=loss,
                  metrics=[keras.metrics.CategoricalAccuracy()])
    return model
""",
        },
    ],
    "q4_training_steps": [
        {
            "why": "integer division drops each epoch's last, smaller batch",
            "diagnosis": "integer division drops that last batch",
            "code": """def training_steps(n_images, batch_size, epochs):
    return n_images // batch_size * epochs
""",
        },
        {
            "why": "all the epochs' photos in one long run of batches",
            "diagnosis": "every epoch ends with its own last",
            "code": """def training_steps(n_images, batch_size, epochs):
    return math.ceil(n_images * epochs / batch_size)
""",
        },
        {
            "why": "plain division: a float",
            "diagnosis": "a float",
            "code": """def training_steps(n_images, batch_size, epochs):
    return n_images / batch_size * epochs
""",
        },
        {
            "why": "the steps of one epoch only",
            "diagnosis": "multiply by epochs",
            "code": """def training_steps(n_images, batch_size, epochs):
    return math.ceil(n_images / batch_size)
""",
        },
        {
            "why": "rounded to the nearest",
            "diagnosis": "rounded to the nearest",
            "code": """def training_steps(n_images, batch_size, epochs):
    return round(n_images / batch_size) * epochs
""",
        },
        {
            "why": "epochs taken for steps",
            "diagnosis": "not epochs",
            "code": """def training_steps(n_images, batch_size, epochs):
    return int(epochs)
""",
        },
        {
            "why": "one step per photo",
            "diagnosis": "divide by batch_size",
            "code": """def training_steps(n_images, batch_size, epochs):
    return n_images * epochs
""",
        },
        {
            "why": "np.ceil without int(): an np.float64",
            "diagnosis": "a float",
            "code": """def training_steps(n_images, batch_size, epochs):
    return np.ceil(n_images / batch_size) * epochs
""",
        },
    ],
    "q5_regularised_dense": [
        {
            "why": "l1 and l2 swapped",
            "diagnosis": "swaps l1 and l2",
            "code": """def regularised_dense(units, l1, l2):
    return layers.Dense(units, activation="relu",
                        kernel_regularizer=keras.regularizers.L1L2(l1=l2, l2=l1))
""",
        },
        {
            "why": "L2 only",
            "diagnosis": "leaves out the L1 part",
            "code": """def regularised_dense(units, l1, l2):
    return layers.Dense(units, activation="relu", kernel_regularizer=keras.regularizers.L2(l2))
""",
        },
        {
            "why": "L1 only",
            "diagnosis": "leaves out the L2 part",
            "code": """def regularised_dense(units, l1, l2):
    return layers.Dense(units, activation="relu", kernel_regularizer=keras.regularizers.L1(l1))
""",
        },
        {
            "why": "the regulariser by name: Keras's default strengths",
            "diagnosis": "Keras's default strength",
            "code": """def regularised_dense(units, l1, l2):
    return layers.Dense(units, activation="relu", kernel_regularizer="l2")
""",
        },
        {
            "why": "the penalty on the biases",
            "diagnosis": "regularises its biases",
            "code": """def regularised_dense(units, l1, l2):
    return layers.Dense(units, activation="relu",
                        bias_regularizer=keras.regularizers.L1L2(l1=l1, l2=l2))
""",
        },
        {
            "why": "the penalty on the outputs",
            "diagnosis": "penalises its outputs",
            "code": """def regularised_dense(units, l1, l2):
    return layers.Dense(units, activation="relu",
                        activity_regularizer=keras.regularizers.L1L2(l1=l1, l2=l2))
""",
        },
        {
            "why": "no activation",
            "diagnosis": "uses the activation linear",
            "code": """def regularised_dense(units, l1, l2):
    return layers.Dense(units, kernel_regularizer=keras.regularizers.L1L2(l1=l1, l2=l2))
""",
        },
        {
            "why": "L2 halved, as in the 1/2 w**2 of some textbooks",
            "diagnosis": "halves the L2 strength",
            "code": """def regularised_dense(units, l1, l2):
    return layers.Dense(units, activation="relu",
                        kernel_regularizer=keras.regularizers.L1L2(l1=l1, l2=l2 / 2))
""",
        },
        {
            "why": "a model holding the layer instead of the layer",
            "diagnosis": "should return one layers.Dense layer",
            "code": """def regularised_dense(units, l1, l2):
    penalty = keras.regularizers.L1L2(l1=l1, l2=l2)
    return keras.Sequential([layers.Dense(units, activation="relu", kernel_regularizer=penalty)])
""",
        },
    ],
    "q6_training_callbacks": [
        {
            "why": "EarlyStopping without restore_best_weights",
            "diagnosis": "restore_best_weights=False",
            "code": """def training_callbacks(patience, lr_patience):
    return [keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience),
            keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=lr_patience)]
""",
        },
        {
            "why": "both watch the training loss",
            "diagnosis": "the training loss",
            "code": """def training_callbacks(patience, lr_patience):
    return [keras.callbacks.EarlyStopping(monitor="loss", patience=patience,
                                          restore_best_weights=True),
            keras.callbacks.ReduceLROnPlateau(monitor="loss", factor=0.5, patience=lr_patience)]
""",
        },
        {
            "why": "early stopping on the held-out accuracy",
            "diagnosis": "monitors 'val_accuracy'",
            "code": """def training_callbacks(patience, lr_patience):
    return [keras.callbacks.EarlyStopping(monitor="val_accuracy", patience=patience,
                                          restore_best_weights=True),
            keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=lr_patience)]
""",
        },
        {
            "why": "factor 2, read as 'divide by 2' (Keras itself refuses it)",
            "diagnosis": "does not support a factor >= 1.0",
            "code": """def training_callbacks(patience, lr_patience):
    return [keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience,
                                          restore_best_weights=True),
            keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=2, patience=lr_patience)]
""",
        },
        {
            "why": "Keras's default factor, 0.1, instead of halving",
            "diagnosis": "multiplies the rate by 0.1",
            "code": """def training_callbacks(patience, lr_patience):
    return [keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience,
                                          restore_best_weights=True),
            keras.callbacks.ReduceLROnPlateau(monitor="val_loss", patience=lr_patience)]
""",
        },
        {
            "why": "the two patiences swapped",
            "diagnosis": "are swapped",
            "code": """def training_callbacks(patience, lr_patience):
    return [keras.callbacks.EarlyStopping(monitor="val_loss", patience=lr_patience,
                                          restore_best_weights=True),
            keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=patience)]
""",
        },
        {
            "why": "the same patience for both",
            "diagnosis": "with the same patience as EarlyStopping",
            "code": """def training_callbacks(patience, lr_patience):
    return [keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience,
                                          restore_best_weights=True),
            keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=patience)]
""",
        },
        {
            "why": "only the EarlyStopping",
            "diagnosis": "should include a keras.callbacks.ReduceLROnPlateau",
            "code": """def training_callbacks(patience, lr_patience):
    return [keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience,
                                          restore_best_weights=True)]
""",
        },
        {
            "why": "the classes in the list, not callbacks",
            "diagnosis": "returned the class",
            "code": """def training_callbacks(patience, lr_patience):
    return [keras.callbacks.EarlyStopping, keras.callbacks.ReduceLROnPlateau]
""",
        },
        {
            "why": "mode='max' for a loss",
            "diagnosis": "mode='max'",
            "code": """def training_callbacks(patience, lr_patience):
    return [keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience, mode="max",
                                          restore_best_weights=True),
            keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=lr_patience)]
""",
        },
    ],
    "q7_cosine_learning_rate": [
        {
            "why": "no min(step, decay_steps): the cosine climbs back up",
            "diagnosis": "climbed back up",
            "code": """def cosine_learning_rate(step, initial_rate, decay_steps, alpha):
    cosine = 0.5 * (1 + math.cos(math.pi * step / decay_steps))
    return initial_rate * ((1 - alpha) * cosine + alpha)
""",
        },
        {
            "why": "alpha left out",
            "diagnosis": "alpha was left out",
            "code": """def cosine_learning_rate(step, initial_rate, decay_steps, alpha):
    t = min(step, decay_steps)
    return initial_rate * 0.5 * (1 + math.cos(math.pi * t / decay_steps))
""",
        },
        {
            "why": "alpha taken for the lowest learning rate itself",
            "diagnosis": "alpha is a fraction",
            "code": """def cosine_learning_rate(step, initial_rate, decay_steps, alpha):
    t = min(step, decay_steps)
    cosine = 0.5 * (1 + math.cos(math.pi * t / decay_steps))
    return alpha + (initial_rate - alpha) * cosine
""",
        },
        {
            "why": "alpha added without shrinking the cosine part by (1 - alpha)",
            "diagnosis": "multiply the cosine part by (1 - alpha)",
            "code": """def cosine_learning_rate(step, initial_rate, decay_steps, alpha):
    t = min(step, decay_steps)
    cosine = 0.5 * (1 + math.cos(math.pi * t / decay_steps))
    return initial_rate * (cosine + alpha)
""",
        },
        {
            "why": "the 0.5 left out",
            "diagnosis": "twice as much",
            "code": """def cosine_learning_rate(step, initial_rate, decay_steps, alpha):
    t = min(step, decay_steps)
    cosine = 1 + math.cos(math.pi * t / decay_steps)
    return initial_rate * ((1 - alpha) * cosine + alpha)
""",
        },
        {
            "why": "an angle in degrees given to math.cos",
            "diagnosis": "take radians",
            "code": """def cosine_learning_rate(step, initial_rate, decay_steps, alpha):
    t = min(step, decay_steps)
    cosine = 0.5 * (1 + math.cos(180 * t / decay_steps))
    return initial_rate * ((1 - alpha) * cosine + alpha)
""",
        },
        {
            "why": "a straight line instead of the cosine",
            "diagnosis": "straight line",
            "code": """def cosine_learning_rate(step, initial_rate, decay_steps, alpha):
    t = min(step, decay_steps)
    return initial_rate * ((1 - alpha) * (1 - t / decay_steps) + alpha)
""",
        },
        {
            "why": "the 1 + left out of the cosine term",
            "diagnosis": "without the 1 +",
            "code": """def cosine_learning_rate(step, initial_rate, decay_steps, alpha):
    t = min(step, decay_steps)
    cosine = 0.5 * math.cos(math.pi * t / decay_steps)
    return initial_rate * ((1 - alpha) * cosine + alpha)
""",
        },
        {
            "why": "printed instead of returned",
            "diagnosis": "returned None",
            "code": """def cosine_learning_rate(step, initial_rate, decay_steps, alpha):
    t = min(step, decay_steps)
    cosine = 0.5 * (1 + math.cos(math.pi * t / decay_steps))
    print(initial_rate * ((1 - alpha) * cosine + alpha))
""",
        },
    ],
}
