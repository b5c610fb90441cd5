"""Recorded answers to the exercises of 07_transfer_learning, right and wrong.

``CORRECT``: answers written another way than the reference (other NumPy idioms,
SciPy, the Sequential or the functional API, object or string forms, extra prints);
each must be told "Correct" and earn full marks.
``MISTAKES``: common wrong answers; each must be told "Incorrect" with a message
that contains its ``diagnosis`` (case ignored), and lose its exercise's points.
Each ``code`` is the complete source of an answer cell, as a learner might write it.
"""

CORRECT = {
    "q1_imagenet_inputs": [
        {
            "how": "the mean and standard deviation typed in, float64 result",
            "code": """def imagenet_inputs(photos):
    mean = np.array([0.485, 0.456, 0.406])
    std = np.array([0.229, 0.224, 0.225])
    return (photos / 255.0 - mean) / std
""",
        },
        {
            "how": "a channel loop on a float32 copy, with a print",
            "code": """def imagenet_inputs(photos):
    out = photos.astype("float32") / 255
    for c in range(3):
        out[..., c] = (out[..., c] - backbones.IMAGENET_MEAN[c]) / backbones.IMAGENET_STD[c]
    print("range:", out.min(), out.max())
    return out
""",
        },
        {
            "how": "the mean and standard deviation scaled to 0..255 first",
            "code": """def imagenet_inputs(photos):
    mean = 255 * backbones.IMAGENET_MEAN
    std = 255 * backbones.IMAGENET_STD
    return (np.asarray(photos, dtype=np.float32) - mean) / std
""",
        },
        {
            "how": "Keras's Normalization layer with the ImageNet variance",
            "code": """def imagenet_inputs(photos):
    normalise = layers.Normalization(mean=backbones.IMAGENET_MEAN,
                                     variance=backbones.IMAGENET_STD ** 2)
    return np.asarray(normalise(photos.astype("float32") / 255.0))
""",
        },
    ],
    "q2_top_classes": [
        {
            "how": "scipy.special.softmax and np.argsort reversed",
            "code": """from scipy.special import softmax


def top_classes(logits, class_names, k):
    p = softmax(logits)
    best = np.argsort(p)[::-1][:k]
    return [(class_names[i], p[i]) for i in best]
""",
        },
        {
            "how": "sorted() over (probability, name) pairs, tuples of numpy floats",
            "code": """def top_classes(logits, class_names, k):
    z = np.asarray(logits, dtype=np.float64)
    e = np.exp(z - np.max(z))
    p = e / np.sum(e)
    pairs = sorted(zip(p, class_names), reverse=True)[:k]
    return [(name, prob) for prob, name in pairs]
""",
        },
        {
            "how": "Keras's softmax on a batch of one, lists instead of tuples",
            "code": """def top_classes(logits, class_names, k):
    p = np.asarray(keras.activations.softmax(np.asarray(logits, "float32")[None]))[0]
    order = np.argsort(-p)[:k]
    print([class_names[i] for i in order])
    return [[class_names[i], float(p[i])] for i in order]
""",
        },
    ],
    "q3_frozen_classifier": [
        {
            "how": "Sequential with the base as its first layer",
            "code": """def frozen_classifier(base, n_classes, dropout):
    base.trainable = False
    return keras.Sequential([
        base,
        layers.GlobalAveragePooling2D(),
        layers.Dropout(dropout),
        layers.Dense(n_classes, activation="softmax"),
    ])
""",
        },
        {
            "how": "functional on base.output, a Softmax layer, every layer frozen in a loop",
            "code": """def frozen_classifier(base, n_classes, dropout):
    for layer in base.layers:
        layer.trainable = False
    base.trainable = False
    x = layers.GlobalAveragePooling2D(name="pool")(base.output)
    x = layers.Dropout(rate=dropout)(x)
    x = layers.Dense(n_classes)(x)
    outputs = layers.Softmax()(x)
    return keras.Model(base.input, outputs, name="classifier")
""",
        },
        {
            "how": "keras.Input from the base's input shape, tf.nn.softmax, a summary print",
            "code": """def frozen_classifier(base, n_classes, dropout):
    base.trainable = False
    inputs = keras.Input(shape=base.input_shape[1:])
    features = base(inputs)
    pooled = layers.GlobalAveragePooling2D()(features)
    outputs = layers.Dense(n_classes, activation=tf.nn.softmax)(layers.Dropout(dropout)(pooled))
    model = keras.Model(inputs, outputs)
    print(len(model.trainable_weights), "trainable weight arrays")
    return model
""",
        },
    ],
    "q4_unfreeze_top": [
        {
            "how": "slices of base.layers, base returned",
            "code": """def unfreeze_top(base, n):
    base.trainable = True
    cut = len(base.layers) - n
    for layer in base.layers[:cut]:
        layer.trainable = False
    for layer in base.layers[cut:]:
        if isinstance(layer, layers.BatchNormalization):
            layer.trainable = False
    return base
""",
        },
        {
            "how": "a loop over positions counting from the end",
            "code": """def unfreeze_top(base, n):
    base.trainable = True
    total = len(base.layers)
    for position, layer in enumerate(base.layers):
        from_the_end = total - position
        is_bn = type(layer).__name__ == "BatchNormalization"
        layer.trainable = from_the_end <= n and not is_bn
""",
        },
        {
            "how": "reversed layers with a counter, the n = 0 case handled first",
            "code": """def unfreeze_top(base, n):
    base.trainable = True
    for layer in base.layers:
        layer.trainable = False
    if n == 0:
        return
    for layer in base.layers[-n:]:
        layer.trainable = not isinstance(layer, keras.layers.BatchNormalization)
    print(sum(layer.trainable for layer in base.layers), "layers unfrozen")
""",
        },
        {
            "how": "the layers' own flags only (the outer model trains them even with "
                   "base.trainable left False)",
            "code": """def unfreeze_top(base, n):
    for i, layer in enumerate(base.layers):
        layer.trainable = (i >= len(base.layers) - n
                           and not isinstance(layer, layers.BatchNormalization))
""",
        },
    ],
    "q5_parameter_counts": [
        {
            "how": "keras.ops.size and int()",
            "code": """def parameter_counts(model):
    trainable = int(sum(keras.ops.size(w) for w in model.trainable_weights))
    frozen = int(sum(keras.ops.size(w) for w in model.non_trainable_weights))
    return {"trainable": trainable, "frozen": frozen}
""",
        },
        {
            "how": "count_params minus the trainable ones, numpy ints",
            "code": """def parameter_counts(model):
    trainable = np.sum([np.prod(v.shape) for v in model.trainable_variables], dtype=np.int64)
    return {"trainable": trainable, "frozen": model.count_params() - trainable}
""",
        },
        {
            "how": "a loop over the weights with their numpy values, a print",
            "code": """def parameter_counts(model):
    counts = {"trainable": 0, "frozen": 0}
    for w in model.trainable_weights:
        counts["trainable"] += np.asarray(w).size
    for w in model.non_trainable_weights:
        counts["frozen"] += np.asarray(w).size
    print(counts)
    return counts
""",
        },
    ],
    "q6_fine_tuning_compile": [
        {
            "how": "AdamW and a SparseCategoricalCrossentropy object",
            "code": """def compile_for_fine_tuning(model, head_rate):
    model.compile(optimizer=keras.optimizers.AdamW(learning_rate=head_rate / 10),
                  loss=keras.losses.SparseCategoricalCrossentropy(),
                  metrics=["accuracy"])
    return model
""",
        },
        {
            "how": "head_rate * 0.1, the metric as an object, keyword arguments",
            "code": """def compile_for_fine_tuning(model, head_rate):
    rate = head_rate * 0.1
    model.compile(loss="sparse_categorical_crossentropy",
                  optimizer=keras.optimizers.Adam(rate),
                  metrics=[keras.metrics.SparseCategoricalAccuracy(name="accuracy")])
    print("fine-tuning at", rate)
    return model
""",
        },
        {
            "how": "the loss function itself, 'acc' as the metric",
            "code": """def compile_for_fine_tuning(model, head_rate):
    optimizer = keras.optimizers.Adam(learning_rate=head_rate / 10.0)
    model.compile(optimizer, keras.losses.sparse_categorical_crossentropy, metrics=["acc"])
    return model
""",
        },
    ],
    "q7_split_at": [
        {
            "how": "get_layer(...).output, a list returned",
            "code": """def split_at(model, layer_name):
    middle = model.get_layer(layer_name).output
    front = keras.Model(inputs=model.inputs, outputs=middle)
    back = keras.Model(inputs=middle, outputs=model.outputs)
    return [front, back]
""",
        },
        {
            "how": "the layer found by a loop over model.layers, named models",
            "code": """def split_at(model, layer_name):
    for layer in model.layers:
        if layer.name == layer_name:
            cut = layer.output
    front = keras.Model(model.input, cut, name="front")
    back = keras.Model(cut, model.output, name="back")
    print(front.output_shape, "->", back.output_shape)
    return front, back
""",
        },
        {
            "how": "the tensor taken from the layer's output node",
            "code": """def split_at(model, layer_name):
    layer = model.get_layer(name=layer_name)
    tensor = layer.output
    return keras.Model(model.input, tensor), keras.Model(tensor, model.output)
""",
        },
    ],
}

MISTAKES = {
    "q1_imagenet_inputs": [
        {
            "why": "scales to 0..1 and stops there",
            "diagnosis": "your values are 0..1",
            "code": """def imagenet_inputs(photos):
    return photos.astype("float32") / 255
""",
        },
        {
            "why": "Xception's range, -1..1",
            "diagnosis": "input range of Xception",
            "code": """def imagenet_inputs(photos):
    return photos.astype("float32") / 127.5 - 1
""",
        },
        {
            "why": "normalises the raw 0..255 values",
            "diagnosis": "divide by 255 first",
            "code": """def imagenet_inputs(photos):
    return (photos - backbones.IMAGENET_MEAN) / backbones.IMAGENET_STD
""",
        },
        {
            "why": "the mean and std in BGR order, as for OpenCV images",
            "diagnosis": "reversed order (BGR",
            "code": """def imagenet_inputs(photos):
    mean = np.array([0.406, 0.456, 0.485])
    std = np.array([0.225, 0.224, 0.229])
    return (photos / 255 - mean) / std
""",
        },
        {
            "why": "the statistics of the batch instead of ImageNet's",
            "diagnosis": "of these photos",
            "code": """def imagenet_inputs(photos):
    x = photos / 255.0
    return (x - x.mean()) / x.std()
""",
        },
        {
            "why": "no parentheses: divides the mean by the std only",
            "diagnosis": "the parentheses matter",
            "code": """def imagenet_inputs(photos):
    return photos / 255 / backbones.IMAGENET_STD - backbones.IMAGENET_MEAN
""",
        },
        {
            "why": "works in place on the learner's array",
            "diagnosis": "changed the photos",
            "code": """def imagenet_inputs(photos):
    photos[...] = 0
    return np.zeros(photos.shape, "float32") - backbones.IMAGENET_MEAN / backbones.IMAGENET_STD
""",
        },
    ],
    "q2_top_classes": [
        {
            "why": "the logits as probabilities, no softmax",
            "diagnosis": "returned the logits as probabilities",
            "code": """def top_classes(logits, class_names, k):
    best = np.argsort(-logits)[:k]
    return [(class_names[i], float(logits[i])) for i in best]
""",
        },
        {
            "why": "np.argsort without reversing: the least likely",
            "diagnosis": "least likely",
            "code": """def top_classes(logits, class_names, k):
    p = np.exp(logits - logits.max())
    p = p / p.sum()
    return [(class_names[i], float(p[i])) for i in np.argsort(p)[:k]]
""",
        },
        {
            "why": "np.exp of large logits overflows",
            "diagnosis": "overflows",
            "code": """def top_classes(logits, class_names, k):
    e = np.exp(logits)
    p = e / e.sum()
    return [(class_names[i], float(p[i])) for i in np.argsort(-p)[:k]]
""",
        },
        {
            "why": "the softmax over the top k only",
            "diagnosis": "over all the classes",
            "code": """def top_classes(logits, class_names, k):
    best = np.argsort(-logits)[:k]
    e = np.exp(logits[best] - logits[best].max())
    return [(class_names[i], float(v)) for i, v in zip(best, e / e.sum())]
""",
        },
        {
            "why": "class numbers instead of names",
            "diagnosis": "return the class names",
            "code": """def top_classes(logits, class_names, k):
    p = np.exp(logits - logits.max())
    p /= p.sum()
    return [(int(i), float(p[i])) for i in np.argsort(-p)[:k]]
""",
        },
        {
            "why": "the last k of argsort, likeliest last",
            "diagnosis": "wrong order",
            "code": """def top_classes(logits, class_names, k):
    p = np.exp(logits - logits.max())
    p /= p.sum()
    return [(class_names[i], float(p[i])) for i in np.argsort(p)[-k:]]
""",
        },
        {
            "why": "percentages",
            "diagnosis": "percentages",
            "code": """def top_classes(logits, class_names, k):
    p = np.exp(logits - logits.max())
    p = 100 * p / p.sum()
    return [(class_names[i], float(p[i])) for i in np.argsort(-p)[:k]]
""",
        },
    ],
    "q3_frozen_classifier": [
        {
            "why": "forgets to freeze the base",
            "diagnosis": "still trainable",
            "code": """def frozen_classifier(base, n_classes, dropout):
    inputs = keras.Input(base.input_shape[1:])
    x = base(inputs, training=False)
    x = layers.GlobalAveragePooling2D()(x)
    x = layers.Dropout(dropout)(x)
    return keras.Model(inputs, layers.Dense(n_classes, activation="softmax")(x))
""",
        },
        {
            "why": "flattens the feature map",
            "diagnosis": "flattens the base's feature map",
            "code": """def frozen_classifier(base, n_classes, dropout):
    base.trainable = False
    inputs = keras.Input(base.input_shape[1:])
    x = layers.Flatten()(base(inputs, training=False))
    x = layers.Dropout(dropout)(x)
    return keras.Model(inputs, layers.Dense(n_classes, activation="softmax")(x))
""",
        },
        {
            "why": "no dropout",
            "diagnosis": "pool, drop out, then one dense layer",
            "code": """def frozen_classifier(base, n_classes, dropout):
    base.trainable = False
    inputs = keras.Input(base.input_shape[1:])
    x = layers.GlobalAveragePooling2D()(base(inputs, training=False))
    return keras.Model(inputs, layers.Dense(n_classes, activation="softmax")(x))
""",
        },
        {
            "why": "no softmax: logits out",
            "diagnosis": "one softmax output per class",
            "code": """def frozen_classifier(base, n_classes, dropout):
    base.trainable = False
    inputs = keras.Input(base.input_shape[1:])
    x = layers.GlobalAveragePooling2D()(base(inputs, training=False))
    x = layers.Dropout(dropout)(x)
    return keras.Model(inputs, layers.Dense(n_classes)(x))
""",
        },
        {
            "why": "the dropout rate typed in",
            "diagnosis": "use the dropout given",
            "code": """def frozen_classifier(base, n_classes, dropout):
    base.trainable = False
    inputs = keras.Input(base.input_shape[1:])
    x = layers.GlobalAveragePooling2D()(base(inputs, training=False))
    x = layers.Dropout(0.2)(x)
    return keras.Model(inputs, layers.Dense(n_classes, activation="softmax")(x))
""",
        },
        {
            "why": "an extra hidden Dense layer in the head",
            "diagnosis": "pool, drop out, then one dense layer",
            "code": """def frozen_classifier(base, n_classes, dropout):
    base.trainable = False
    inputs = keras.Input(base.input_shape[1:])
    x = layers.GlobalAveragePooling2D()(base(inputs, training=False))
    x = layers.Dense(64, activation="relu")(x)
    x = layers.Dropout(dropout)(x)
    return keras.Model(inputs, layers.Dense(n_classes, activation="softmax")(x))
""",
        },
        {
            "why": "dropout after the output layer",
            "diagnosis": "pool, drop out, then one dense layer",
            "code": """def frozen_classifier(base, n_classes, dropout):
    base.trainable = False
    return keras.Sequential([base, layers.GlobalAveragePooling2D(),
                             layers.Dense(n_classes, activation="softmax"),
                             layers.Dropout(dropout)])
""",
        },
    ],
    "q4_unfreeze_top": [
        {
            "why": "base.layers[-n:] also for n = 0",
            "diagnosis": "the whole list",
            "code": """def unfreeze_top(base, n):
    base.trainable = True
    for layer in base.layers:
        layer.trainable = False
    for layer in base.layers[-n:]:
        if not isinstance(layer, layers.BatchNormalization):
            layer.trainable = True
""",
        },
        {
            "why": "leaves the batch-norm layers trainable",
            "diagnosis": "batch-norm layers among the last",
            "code": """def unfreeze_top(base, n):
    base.trainable = True
    for layer in base.layers[:len(base.layers) - n]:
        layer.trainable = False
""",
        },
        {
            "why": "unfreezes the first n layers",
            "diagnosis": "the first",
            "code": """def unfreeze_top(base, n):
    base.trainable = True
    for i, layer in enumerate(base.layers):
        layer.trainable = i < n and not isinstance(layer, layers.BatchNormalization)
""",
        },
        {
            "why": "off by one: the last n - 1 layers",
            "diagnosis": "only the last",
            "code": """def unfreeze_top(base, n):
    base.trainable = True
    for i, layer in enumerate(base.layers):
        layer.trainable = (i > len(base.layers) - n
                           and not isinstance(layer, layers.BatchNormalization))
""",
        },
        {
            "why": "base.trainable = True after the loop, which unfreezes every layer again",
            "diagnosis": "should be frozen",
            "code": """def unfreeze_top(base, n):
    for i, layer in enumerate(base.layers):
        layer.trainable = (i >= len(base.layers) - n
                           and not isinstance(layer, layers.BatchNormalization))
    base.trainable = True
""",
        },
        {
            "why": "unfreezes the whole base",
            "diagnosis": "only the last",
            "code": """def unfreeze_top(base, n):
    base.trainable = True
    for layer in base.layers:
        if isinstance(layer, layers.BatchNormalization):
            layer.trainable = False
""",
        },
    ],
    "q5_parameter_counts": [
        {
            "why": "counts the layers",
            "diagnosis": "numbers of layers",
            "code": """def parameter_counts(model):
    return {"trainable": len([l for l in model.layers if l.trainable]),
            "frozen": len([l for l in model.layers if not l.trainable])}
""",
        },
        {
            "why": "judges by each layer's trainable flag",
            "diagnosis": "a trainable batch-norm layer still has frozen weights",
            "code": """def parameter_counts(model):
    counts = {"trainable": 0, "frozen": 0}
    for layer in model.layers:
        counts["trainable" if layer.trainable else "frozen"] += layer.count_params()
    return counts
""",
        },
        {
            "why": "counts the weight arrays",
            "diagnosis": "weight arrays",
            "code": """def parameter_counts(model):
    return {"trainable": len(model.trainable_weights),
            "frozen": len(model.non_trainable_weights)}
""",
        },
        {
            "why": "the two counts swapped",
            "diagnosis": "yours says",
            "code": """def parameter_counts(model):
    return {"frozen": sum(int(np.prod(w.shape)) for w in model.trainable_weights),
            "trainable": sum(int(np.prod(w.shape)) for w in model.non_trainable_weights)}
""",
        },
        {
            "why": "a tuple instead of the dict",
            "diagnosis": "keys 'trainable' and 'frozen'",
            "code": """def parameter_counts(model):
    trainable = sum(int(np.prod(w.shape)) for w in model.trainable_weights)
    return trainable, model.count_params() - trainable
""",
        },
        {
            "why": "the top-level model's count only for the frozen part",
            "diagnosis": "add up to",
            "code": """def parameter_counts(model):
    trainable = sum(int(np.prod(w.shape)) for w in model.trainable_weights)
    frozen = sum(int(np.prod(w.shape)) for layer in model.layers if not layer.trainable
                 for w in layer.weights)
    return {"trainable": trainable, "frozen": frozen}
""",
        },
    ],
    "q6_fine_tuning_compile": [
        {
            "why": "fine-tunes at the head's rate",
            "diagnosis": "at the head's rate",
            "code": """def compile_for_fine_tuning(model, head_rate):
    model.compile(optimizer=keras.optimizers.Adam(head_rate),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model
""",
        },
        {
            "why": "Adam's default rate",
            "diagnosis": "default learning rate",
            "code": """def compile_for_fine_tuning(model, head_rate):
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    return model
""",
        },
        {
            "why": "multiplies the rate by 10",
            "diagnosis": "divides it by 10",
            "code": """def compile_for_fine_tuning(model, head_rate):
    model.compile(optimizer=keras.optimizers.Adam(head_rate * 10),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model
""",
        },
        {
            "why": "changes the old optimizer's rate instead of compiling again",
            "diagnosis": "did not compile the model again",
            "code": """def compile_for_fine_tuning(model, head_rate):
    model.optimizer.learning_rate.assign(head_rate / 10)
    return model
""",
        },
        {
            "why": "one-hot loss for integer labels",
            "diagnosis": "the labels are class numbers",
            "code": """def compile_for_fine_tuning(model, head_rate):
    model.compile(optimizer=keras.optimizers.Adam(head_rate / 10),
                  loss="categorical_crossentropy", metrics=["accuracy"])
    return model
""",
        },
        {
            "why": "SGD",
            "diagnosis": "use adam",
            "code": """def compile_for_fine_tuning(model, head_rate):
    model.compile(optimizer=keras.optimizers.SGD(head_rate / 10),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model
""",
        },
        {
            "why": "a hundredth of the rate",
            "diagnosis": "expected a tenth",
            "code": """def compile_for_fine_tuning(model, head_rate):
    model.compile(optimizer=keras.optimizers.Adam(head_rate / 100),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model
""",
        },
    ],
    "q7_split_at": [
        {
            "why": "rebuilds the back by calling the later layers in a loop",
            "diagnosis": "keeps the skip connections",
            "code": """def split_at(model, layer_name):
    names = [layer.name for layer in model.layers]
    cut = model.get_layer(layer_name).output
    front = keras.Model(model.input, cut)
    inputs = keras.Input(cut.shape[1:])
    x = inputs
    for layer in model.layers[names.index(layer_name) + 1:]:
        if not isinstance(layer, layers.Add):
            x = layer(x)
    return front, keras.Model(inputs, x)
""",
        },
        {
            "why": "the front ends at the layer's input",
            "diagnosis": "end at its input",
            "code": """def split_at(model, layer_name):
    layer = model.get_layer(layer_name)
    front = keras.Model(model.input, layer.input)
    back = keras.Model(layer.output, model.output)
    return front, back
""",
        },
        {
            "why": "returns (back, front)",
            "diagnosis": "front model first",
            "code": """def split_at(model, layer_name):
    cut = model.get_layer(layer_name).output
    return keras.Model(cut, model.output), keras.Model(model.input, cut)
""",
        },
        {
            "why": "the back from the model's input",
            "diagnosis": "should take",
            "code": """def split_at(model, layer_name):
    cut = model.get_layer(layer_name).output
    return keras.Model(model.input, cut), keras.Model(model.input, model.output)
""",
        },
        {
            "why": "returns the layer, not a model",
            "diagnosis": "should be a keras model",
            "code": """def split_at(model, layer_name):
    layer = model.get_layer(layer_name)
    return layer, keras.Model(layer.output, model.output)
""",
        },
        {
            "why": "copies of the models (clone_model): weights of their own",
            "diagnosis": "weights of their own",
            "code": """def split_at(model, layer_name):
    cut = model.get_layer(layer_name).output
    front = keras.models.clone_model(keras.Model(model.input, cut))
    back = keras.models.clone_model(keras.Model(cut, model.output))
    front.set_weights(keras.Model(model.input, cut).get_weights())
    back.set_weights(keras.Model(cut, model.output).get_weights())
    return front, back
""",
        },
    ],
}
