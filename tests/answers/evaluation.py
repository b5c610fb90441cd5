"""Recorded answers to the exercises of 08_evaluation, right and wrong.

``CORRECT``: answers written another way than the reference (other NumPy idioms,
pandas, scikit-learn, loops, TensorFlow or keras.ops, extra prints); each must be
told "Correct" and earn full marks.
``MISTAKES``: common wrong answers; each must be told "Incorrect" with a message
that contains its ``diagnosis`` (case ignored), and lose its exercise's points.
Each ``code`` is the complete source of an answer cell, as a learner might write it.
"""

CORRECT = {
    "q1_per_class_metrics": [
        {
            "how": "plain NumPy division (0/0 warns, gives NaN) then np.nan_to_num, a DataFrame",
            "code": """def per_class_metrics(confusion):
    tp = np.diag(confusion)
    precision = np.nan_to_num(tp / confusion.sum(axis=0))
    recall = np.nan_to_num(tp / confusion.sum(axis=1))
    f1 = np.nan_to_num(2 * precision * recall / (precision + recall))
    return pd.DataFrame({"precision": precision, "recall": recall, "f1": f1,
                         "support": confusion.sum(axis=1)})
""",
        },
        {
            "how": "labels rebuilt in a loop and scikit-learn's precision_recall_fscore_support",
            "code": """from sklearn.metrics import precision_recall_fscore_support


def per_class_metrics(confusion):
    k = len(confusion)
    y_true, y_pred = [], []
    for t in range(k):
        for p in range(k):
            y_true += [t] * int(confusion[t, p])
            y_pred += [p] * int(confusion[t, p])
    p, r, f, s = precision_recall_fscore_support(y_true, y_pred, labels=list(range(k)),
                                                 zero_division=0)
    return {"precision": p, "recall": r, "f1": f, "support": s}
""",
        },
        {
            "how": "a loop over the classes filling Python lists, a printed table",
            "code": """def per_class_metrics(confusion):
    result = {"precision": [], "recall": [], "f1": [], "support": []}
    for k in range(len(confusion)):
        tp = confusion[k, k]
        predicted = confusion[:, k].sum()
        actual = confusion[k, :].sum()
        p = tp / predicted if predicted > 0 else 0.0
        r = tp / actual if actual > 0 else 0.0
        result["precision"].append(p)
        result["recall"].append(r)
        result["f1"].append(2 * p * r / (p + r) if p + r > 0 else 0.0)
        result["support"].append(int(actual))
    print(pd.DataFrame(result).round(3))
    return result
""",
        },
        {
            "how": "pandas Series, F1 as 2 TP / (2 TP + FP + FN), fillna(0)",
            "code": """def per_class_metrics(confusion):
    table = pd.DataFrame(confusion)
    tp = pd.Series(np.diag(confusion))
    fp = table.sum(axis=0) - tp
    fn = table.sum(axis=1) - tp
    return {
        "precision": (tp / (tp + fp)).fillna(0).to_numpy(),
        "recall": (tp / (tp + fn)).fillna(0).to_numpy(),
        "f1": (2 * tp / (2 * tp + fp + fn)).fillna(0).to_numpy(),
        "support": (tp + fn).to_numpy(),
    }
""",
        },
    ],
    "q2_most_confused": [
        {
            "how": "pandas: rows divided by their sums, the diagonal masked, stack().idxmax()",
            "code": """def most_confused(confusion, class_names):
    table = pd.DataFrame(confusion, index=class_names, columns=class_names)
    shares = table.div(table.sum(axis=1), axis=0).fillna(0)
    shares = shares.mask(np.eye(len(class_names), dtype=bool), 0)
    true_name, predicted_name = shares.stack().idxmax()
    return true_name, predicted_name, shares.loc[true_name, predicted_name]
""",
        },
        {
            "how": "a loop over the cells, empty rows skipped",
            "code": """def most_confused(confusion, class_names):
    best = None
    for t, row in enumerate(confusion):
        n = row.sum()
        if n == 0:
            continue
        for p, count in enumerate(row):
            if p != t and (best is None or count / n > best[2]):
                best = (class_names[t], class_names[p], count / n)
    return best
""",
        },
        {
            "how": "NaN rows (0/0 warns), np.nanargmax, the diagonal set to -1, a list, a print",
            "code": """def most_confused(confusion, class_names):
    shares = confusion / confusion.sum(axis=1, keepdims=True)
    np.fill_diagonal(shares, -1)
    t, p = divmod(int(np.nanargmax(shares)), len(class_names))
    print(f"{class_names[t]} -> {class_names[p]}: {shares[t, p]:.1%}")
    return [class_names[t], class_names[p], shares[t, p]]
""",
        },
    ],
    "q3_trash_table": [
        {
            "how": "scikit-learn's confusion_matrix with every label, a column of it divided",
            "code": """from sklearn.metrics import confusion_matrix


def trash_table(y_true, y_pred, class_names):
    trash = class_names.index("trash")
    c = confusion_matrix(y_true, y_pred, labels=range(len(class_names)))
    images = c.sum(axis=1)
    errors = images - np.diag(c)
    with np.errstate(invalid="ignore", divide="ignore"):
        of_images = c[:, trash] / images
        of_errors = c[:, trash] / errors
    keep = [k for k in range(len(class_names)) if k != trash]
    return pd.DataFrame({"of its images": of_images[keep], "of its errors": of_errors[keep]},
                        index=[class_names[k] for k in keep])
""",
        },
        {
            "how": "pandas groupby on the names, reindexed, no-error classes filled with 0",
            "code": """def trash_table(y_true, y_pred, class_names):
    df = pd.DataFrame({"true": [class_names[i] for i in y_true],
                       "pred": [class_names[i] for i in y_pred]})
    df["to_trash"] = df["pred"] == "trash"
    others = [name for name in class_names if name != "trash"]
    of_images = df.groupby("true")["to_trash"].mean().reindex(others)
    errors = df[df["true"] != df["pred"]]
    of_errors = errors.groupby("true")["to_trash"].mean().reindex(others).fillna(0)
    return pd.DataFrame({"images": of_images, "errors": of_errors})
""",
        },
        {
            "how": "a loop with int counts, 0 for empty classes, a printed table",
            "code": """def trash_table(y_true, y_pred, class_names):
    t = class_names.index("trash")
    names, first, second = [], [], []
    for k, name in enumerate(class_names):
        if name == "trash":
            continue
        n = int(np.sum(y_true == k))
        wrong = int(np.sum((y_true == k) & (y_pred != k)))
        sent = int(np.sum((y_true == k) & (y_pred == t)))
        names.append(name)
        first.append(sent / n if n > 0 else 0.0)
        second.append(sent / wrong if wrong > 0 else 0.0)
    table = pd.DataFrame({"share": first, "share of errors": second}, index=names)
    print(table.round(2))
    return table
""",
        },
    ],
    "q4_calibration_error": [
        {
            "how": "np.digitize on the inner edges of np.linspace (1.0 lands in the last bin)",
            "code": """def expected_calibration_error(confidence, correct, n_bins):
    edges = np.linspace(0, 1, n_bins + 1)
    index = np.digitize(confidence, edges[1:-1])
    ece = 0.0
    for b in range(n_bins):
        mask = index == b
        if mask.sum() > 0:
            ece += mask.mean() * abs(correct[mask].mean() - confidence[mask].mean())
    return ece
""",
        },
        {
            "how": "pandas.cut with the last edge at infinity, groupby and agg",
            "code": """def expected_calibration_error(confidence, correct, n_bins):
    edges = np.linspace(0, 1, n_bins + 1)
    edges[-1] = np.inf  # the last bin takes 1.0 too
    df = pd.DataFrame({"confidence": confidence, "correct": correct.astype(float)})
    df["bin"] = pd.cut(df["confidence"], edges, right=False)
    stats = df.groupby("bin", observed=True).agg(
        n=("correct", "size"), accuracy=("correct", "mean"),
        confidence=("confidence", "mean"))
    gaps = (stats["accuracy"] - stats["confidence"]).abs()
    return float((stats["n"] / len(df) * gaps).sum())
""",
        },
        {
            "how": "np.bincount sums: |hits - total confidence| per bin over N",
            "code": """def expected_calibration_error(confidence, correct, n_bins):
    index = np.clip(np.floor(confidence * n_bins).astype(int), 0, n_bins - 1)
    hits = np.bincount(index, weights=correct, minlength=n_bins)
    total_confidence = np.bincount(index, weights=confidence, minlength=n_bins)
    return float(np.abs(hits - total_confidence).sum() / len(confidence))
""",
        },
        {
            "how": "a loop over explicit bin limits, the last bin closed, a print per bin",
            "code": """def expected_calibration_error(confidence, correct, n_bins):
    ece = 0.0
    for b in range(n_bins):
        low, high = b / n_bins, (b + 1) / n_bins
        if b == n_bins - 1:
            in_bin = (confidence >= low) & (confidence <= high)
        else:
            in_bin = (confidence >= low) & (confidence < high)
        if not in_bin.any():
            continue
        accuracy = correct[in_bin].mean()
        mean_confidence = confidence[in_bin].mean()
        print(f"[{low:.2f}, {high:.2f}): {in_bin.sum()} predictions, "
              f"accuracy {accuracy:.2f}, confidence {mean_confidence:.2f}")
        ece += in_bin.sum() / len(confidence) * abs(accuracy - mean_confidence)
    return ece
""",
        },
    ],
    "q5_gradcam": [
        {
            "how": "the maps computed inside the tape (no watch), probs[0, k], keras.ops",
            "code": """def gradcam(to_maps, from_maps, image, class_index):
    x = tf.expand_dims(tf.cast(image, tf.float32), 0)
    with tf.GradientTape() as tape:
        maps = to_maps(x)
        probs = from_maps(maps)
        score = probs[0, class_index]
    grads = tape.gradient(score, maps)
    weights = keras.ops.mean(grads, axis=(1, 2))  # (1, C)
    heatmap = keras.ops.relu(keras.ops.sum(maps * weights[:, None, None, :], axis=-1))[0]
    heatmap = keras.ops.convert_to_numpy(heatmap)
    return heatmap / heatmap.max() if heatmap.max() > 0 else heatmap
""",
        },
        {
            "how": "tape.watch on maps computed before the tape, NumPy float64, einsum, a print",
            "code": """def gradcam(to_maps, from_maps, image, class_index):
    maps = to_maps(np.asarray(image, np.float32)[None])
    with tf.GradientTape() as tape:
        tape.watch(maps)
        score = from_maps(maps)[:, class_index]
    grads = tape.gradient(score, maps).numpy()[0].astype(np.float64)
    m = maps.numpy()[0].astype(np.float64)
    weights = grads.mean(axis=(0, 1))
    heatmap = np.maximum(np.einsum("hwc,c->hw", m, weights), 0)
    print("strongest at", np.unravel_index(heatmap.argmax(), heatmap.shape))
    if heatmap.max() > 0:
        heatmap = heatmap / heatmap.max()
    return heatmap
""",
        },
        {
            "how": "TensorFlow only, tf.gather, tf.nn.relu, a tensor divided by (max + 1e-9)",
            "code": """def gradcam(to_maps, from_maps, image, class_index):
    x = tf.cast(image[np.newaxis], tf.float32)
    with tf.GradientTape() as tape:
        maps = to_maps(x)
        tape.watch(maps)
        probs = from_maps(maps)
        score = tf.gather(probs, class_index, axis=1)
    grads = tape.gradient(score, maps)
    weights = tf.reduce_mean(grads, axis=(0, 1, 2))
    heatmap = tf.nn.relu(tf.tensordot(maps[0], weights, axes=1))
    return heatmap / (tf.reduce_max(heatmap) + 1e-9)
""",
        },
        {
            "how": "one model with both outputs, as in Keras's Grad-CAM example (divides the "
                   "ReLU'd map by the raw maximum)",
            "code": """def gradcam(to_maps, from_maps, image, class_index):
    both = keras.Model(to_maps.inputs, [to_maps.output, from_maps(to_maps.output)])
    with tf.GradientTape() as tape:
        maps, probs = both(image[None].astype("float32"))
        score = probs[:, class_index]
    grads = tape.gradient(score, maps)
    pooled = tf.reduce_mean(grads, axis=(0, 1, 2))
    heatmap = tf.squeeze(maps[0] @ pooled[..., tf.newaxis])
    heatmap = tf.maximum(heatmap, 0) / tf.math.reduce_max(heatmap)
    return heatmap.numpy()
""",
        },
    ],
    "q6_sorting_cost": [
        {
            "how": "np.where: the cost of each item, summed",
            "code": """def sorting_cost(p_trash, is_trash, threshold, cost_recyclable_in_trash,
                 cost_trash_in_recycling):
    to_trash = p_trash >= threshold
    cost = (np.where(to_trash & ~is_trash, cost_recyclable_in_trash, 0.0)
            + np.where(~to_trash & is_trash, cost_trash_in_recycling, 0.0))
    return cost.sum()
""",
        },
        {
            "how": "a loop over the items with zip, a print",
            "code": """def sorting_cost(p_trash, is_trash, threshold, cost_recyclable_in_trash,
                 cost_trash_in_recycling):
    total = 0
    for p, trash in zip(p_trash, is_trash):
        sent = p >= threshold
        if sent and not trash:
            total += cost_recyclable_in_trash
        elif trash and not sent:
            total += cost_trash_in_recycling
    print("total cost:", total)
    return total
""",
        },
        {
            "how": "scikit-learn's confusion_matrix on booleans: false positives and negatives",
            "code": """from sklearn.metrics import confusion_matrix


def sorting_cost(p_trash, is_trash, threshold, cost_recyclable_in_trash,
                 cost_trash_in_recycling):
    tn, fp, fn, tp = confusion_matrix(is_trash, p_trash >= threshold,
                                      labels=[False, True]).ravel()
    return cost_recyclable_in_trash * fp + cost_trash_in_recycling * fn
""",
        },
    ],
}

MISTAKES = {
    "q1_per_class_metrics": [
        {
            "why": "precision and recall swapped: rows and columns confused",
            "diagnosis": "swapped",
            "code": """def per_class_metrics(confusion):
    tp = np.diag(confusion)
    precision = np.nan_to_num(tp / confusion.sum(axis=1))
    recall = np.nan_to_num(tp / confusion.sum(axis=0))
    f1 = np.nan_to_num(2 * precision * recall / (precision + recall))
    return {"precision": precision, "recall": recall, "f1": f1,
            "support": confusion.sum(axis=1)}
""",
        },
        {
            "why": "the NaN of 0/0 left in",
            "diagnosis": "zero_division=0",
            "code": """def per_class_metrics(confusion):
    tp = np.diag(confusion)
    precision = tp / confusion.sum(axis=0)
    recall = tp / confusion.sum(axis=1)
    f1 = 2 * precision * recall / (precision + recall)
    return {"precision": precision, "recall": recall, "f1": f1,
            "support": confusion.sum(axis=1)}
""",
        },
        {
            "why": "F1 as the arithmetic mean of precision and recall",
            "diagnosis": "harmonic mean",
            "code": """def per_class_metrics(confusion):
    tp = np.diag(confusion)
    precision = np.nan_to_num(tp / confusion.sum(axis=0))
    recall = np.nan_to_num(tp / confusion.sum(axis=1))
    return {"precision": precision, "recall": recall, "f1": (precision + recall) / 2,
            "support": confusion.sum(axis=1)}
""",
        },
        {
            "why": "the support from the column sums (the predictions)",
            "diagnosis": "column sums",
            "code": """def per_class_metrics(confusion):
    tp = np.diag(confusion)
    precision = np.nan_to_num(tp / confusion.sum(axis=0))
    recall = np.nan_to_num(tp / confusion.sum(axis=1))
    f1 = np.nan_to_num(2 * precision * recall / (precision + recall))
    return {"precision": precision, "recall": recall, "f1": f1,
            "support": confusion.sum(axis=0)}
""",
        },
        {
            "why": "percentages",
            "diagnosis": "percentages",
            "code": """def per_class_metrics(confusion):
    tp = np.diag(confusion)
    with np.errstate(invalid="ignore"):
        precision = np.nan_to_num(100 * tp / confusion.sum(axis=0))
        recall = np.nan_to_num(100 * tp / confusion.sum(axis=1))
        f1 = np.nan_to_num(2 * precision * recall / (precision + recall))
    return {"precision": precision, "recall": recall, "f1": f1,
            "support": confusion.sum(axis=1)}
""",
        },
    ],
    "q2_most_confused": [
        {
            "why": "the largest raw count",
            "diagnosis": "counts favour the big classes",
            "code": """def most_confused(confusion, class_names):
    counts = confusion.copy()
    np.fill_diagonal(counts, 0)
    t, p = np.unravel_index(np.argmax(counts), counts.shape)
    return class_names[t], class_names[p], counts[t, p] / confusion[t].sum()
""",
        },
        {
            "why": "the diagonal left in",
            "diagnosis": "a correct prediction is not a confusion",
            "code": """def most_confused(confusion, class_names):
    shares = np.nan_to_num(confusion / confusion.sum(axis=1, keepdims=True))
    t, p = np.unravel_index(np.argmax(shares), shares.shape)
    return class_names[t], class_names[p], shares[t, p]
""",
        },
        {
            "why": "each column divided by its sum",
            "diagnosis": "share of the predicted class",
            "code": """def most_confused(confusion, class_names):
    shares = np.nan_to_num(confusion / confusion.sum(axis=0, keepdims=True))
    np.fill_diagonal(shares, 0)
    t, p = np.unravel_index(np.argmax(shares), shares.shape)
    return class_names[t], class_names[p], shares[t, p]
""",
        },
        {
            "why": "true and predicted swapped in the result",
            "diagnosis": "swapped",
            "code": """def most_confused(confusion, class_names):
    shares = np.nan_to_num(confusion / confusion.sum(axis=1, keepdims=True))
    np.fill_diagonal(shares, 0)
    t, p = np.unravel_index(np.argmax(shares), shares.shape)
    return class_names[p], class_names[t], shares[t, p]
""",
        },
        {
            "why": "np.fill_diagonal on the learner's own matrix",
            "diagnosis": "changed the confusion matrix",
            "code": """def most_confused(confusion, class_names):
    np.fill_diagonal(confusion, 0)
    shares = np.nan_to_num(confusion / confusion.sum(axis=1, keepdims=True))
    t, p = np.unravel_index(np.argmax(shares), shares.shape)
    return class_names[t], class_names[p], shares[t, p]
""",
        },
        {
            "why": "an empty row's NaN taken by np.argmax",
            "diagnosis": "has no images",
            "code": """def most_confused(confusion, class_names):
    shares = confusion / confusion.sum(axis=1, keepdims=True)
    np.fill_diagonal(shares, 0)
    t, p = np.unravel_index(np.argmax(shares), shares.shape)
    return class_names[t], class_names[p], shares[t, p]
""",
        },
    ],
    "q3_trash_table": [
        {
            "why": "percentages",
            "diagnosis": "percentages",
            "code": """def trash_table(y_true, y_pred, class_names):
    trash = class_names.index("trash")
    rows = {}
    for k, name in enumerate(class_names):
        if k != trash:
            mine = y_true == k
            sent = np.sum(mine & (y_pred == trash))
            errors = np.sum(mine & (y_pred != k))
            rows[name] = [100 * sent / mine.sum() if mine.sum() else np.nan,
                          100 * sent / errors if errors else np.nan]
    return pd.DataFrame.from_dict(rows, orient="index", columns=["% of images", "% of errors"])
""",
        },
        {
            "why": "the trash row kept",
            "diagnosis": "trash row",
            "code": """def trash_table(y_true, y_pred, class_names):
    trash = class_names.index("trash")
    rows = {}
    for k, name in enumerate(class_names):
        mine = y_true == k
        sent = np.sum(mine & (y_pred == trash))
        errors = np.sum(mine & (y_pred != k))
        rows[name] = [sent / mine.sum() if mine.sum() else np.nan,
                      sent / errors if errors else np.nan]
    return pd.DataFrame.from_dict(rows, orient="index", columns=["images", "errors"])
""",
        },
        {
            "why": "the second share divided by all the class's images",
            "diagnosis": "divides by all the class's images",
            "code": """def trash_table(y_true, y_pred, class_names):
    trash = class_names.index("trash")
    rows = {}
    for k, name in enumerate(class_names):
        if k != trash:
            mine = y_true == k
            share = np.sum(mine & (y_pred == trash)) / mine.sum() if mine.sum() else np.nan
            rows[name] = [share, share]
    return pd.DataFrame.from_dict(rows, orient="index", columns=["images", "errors"])
""",
        },
        {
            "why": "of everything predicted trash, the share of each class (column-wise)",
            "diagnosis": "everything predicted trash",
            "code": """def trash_table(y_true, y_pred, class_names):
    trash = class_names.index("trash")
    predicted_trash = y_pred == trash
    rows = {}
    for k, name in enumerate(class_names):
        if k != trash:
            sent = np.sum((y_true == k) & predicted_trash)
            errors = np.sum((y_true == k) & (y_pred != k))
            rows[name] = [sent / predicted_trash.sum(), sent / errors if errors else np.nan]
    return pd.DataFrame.from_dict(rows, orient="index", columns=["images", "errors"])
""",
        },
        {
            "why": "true and predicted swapped: trash images predicted as each class",
            "diagnosis": "swapped",
            "code": """def trash_table(y_true, y_pred, class_names):
    trash = class_names.index("trash")
    rows = {}
    for k, name in enumerate(class_names):
        if k != trash:
            mine = y_pred == k
            sent = np.sum(mine & (y_true == trash))
            errors = np.sum(mine & (y_true != k))
            rows[name] = [sent / mine.sum() if mine.sum() else np.nan,
                          sent / errors if errors else np.nan]
    return pd.DataFrame.from_dict(rows, orient="index", columns=["images", "errors"])
""",
        },
        {
            "why": "trash taken to be the last class",
            "diagnosis": "not always the last class",
            "code": """def trash_table(y_true, y_pred, class_names):
    trash = len(class_names) - 1
    rows = {}
    for k, name in enumerate(class_names[:-1]):
        mine = y_true == k
        sent = np.sum(mine & (y_pred == trash))
        errors = np.sum(mine & (y_pred != k))
        rows[name] = [sent / mine.sum() if mine.sum() else np.nan,
                      sent / errors if errors else np.nan]
    return pd.DataFrame.from_dict(rows, orient="index", columns=["images", "errors"])
""",
        },
        {
            "why": "trash's index taken as the last class's, the rows chosen by name",
            "diagnosis": "not always the last class",
            "code": """def trash_table(y_true, y_pred, class_names):
    trash = len(class_names) - 1
    rows = {}
    for k, name in enumerate(class_names):
        if name != "trash":
            mine = y_true == k
            sent = np.sum(mine & (y_pred == trash))
            errors = np.sum(mine & (y_pred != k))
            rows[name] = [sent / mine.sum() if mine.sum() else np.nan,
                          sent / errors if errors else np.nan]
    return pd.DataFrame.from_dict(rows, orient="index", columns=["images", "errors"])
""",
        },
    ],
    "q4_calibration_error": [
        {
            "why": "the bins' gaps averaged without weights",
            "diagnosis": "weight each bin by its share of the predictions",
            "code": """def expected_calibration_error(confidence, correct, n_bins):
    index = np.minimum((confidence * n_bins).astype(int), n_bins - 1)
    gaps = [abs(correct[index == b].mean() - confidence[index == b].mean())
            for b in range(n_bins) if np.any(index == b)]
    return float(np.mean(gaps))
""",
        },
        {
            "why": "signed gaps, no absolute value",
            "diagnosis": "cancel",
            "code": """def expected_calibration_error(confidence, correct, n_bins):
    index = np.minimum((confidence * n_bins).astype(int), n_bins - 1)
    ece = 0.0
    for b in range(n_bins):
        in_bin = index == b
        if in_bin.any():
            ece += in_bin.mean() * (confidence[in_bin].mean() - correct[in_bin].mean())
    return ece
""",
        },
        {
            "why": "np.digitize - 1 without clipping: confidence 1.0 in no bin",
            "diagnosis": "exactly 1.0",
            "code": """def expected_calibration_error(confidence, correct, n_bins):
    index = np.digitize(confidence, np.linspace(0, 1, n_bins + 1)) - 1
    ece = 0.0
    for b in range(n_bins):
        in_bin = index == b
        if in_bin.any():
            ece += in_bin.mean() * abs(correct[in_bin].mean() - confidence[in_bin].mean())
    return ece
""",
        },
        {
            "why": "np.digitize's indices used as they are, from 1",
            "diagnosis": "counted from 1",
            "code": """def expected_calibration_error(confidence, correct, n_bins):
    index = np.digitize(confidence, np.linspace(0, 1, n_bins + 1))
    ece = 0.0
    for b in range(n_bins):
        in_bin = index == b
        if in_bin.any():
            ece += in_bin.mean() * abs(correct[in_bin].mean() - confidence[in_bin].mean())
    return ece
""",
        },
        {
            "why": "the accuracy of all the predictions in every bin",
            "diagnosis": "accuracy of all the predictions",
            "code": """def expected_calibration_error(confidence, correct, n_bins):
    index = np.minimum((confidence * n_bins).astype(int), n_bins - 1)
    accuracy = correct.mean()
    ece = 0.0
    for b in range(n_bins):
        in_bin = index == b
        if in_bin.any():
            ece += in_bin.mean() * abs(accuracy - confidence[in_bin].mean())
    return ece
""",
        },
        {
            "why": "the bins' middles instead of their mean confidences",
            "diagnosis": "middle of the bin",
            "code": """def expected_calibration_error(confidence, correct, n_bins):
    index = np.minimum((confidence * n_bins).astype(int), n_bins - 1)
    ece = 0.0
    for b in range(n_bins):
        in_bin = index == b
        if in_bin.any():
            ece += in_bin.mean() * abs(correct[in_bin].mean() - (b + 0.5) / n_bins)
    return ece
""",
        },
        {
            "why": "bins closed on the right, (low, high]: edges in the lower bin",
            "diagnosis": "exactly on an edge",
            "code": """def expected_calibration_error(confidence, correct, n_bins):
    edges = np.linspace(0, 1, n_bins + 1)
    ece = 0.0
    for low, high in zip(edges[:-1], edges[1:]):
        in_bin = (confidence > low) & (confidence <= high)
        if low == 0:
            in_bin |= confidence == 0
        if in_bin.any():
            ece += in_bin.mean() * abs(correct[in_bin].mean() - confidence[in_bin].mean())
    return ece
""",
        },
    ],
    "q5_gradcam": [
        {
            "why": "no ReLU",
            "diagnosis": "negative values",
            "code": """def gradcam(to_maps, from_maps, image, class_index):
    x = tf.convert_to_tensor(np.asarray(image, np.float32)[None])
    with tf.GradientTape() as tape:
        maps = to_maps(x)
        score = from_maps(maps)[:, class_index]
    weights = tf.reduce_mean(tape.gradient(score, maps), axis=(0, 1, 2))
    heatmap = tf.reduce_sum(maps[0] * weights, axis=-1).numpy()
    return heatmap / heatmap.max()
""",
        },
        {
            "why": "not divided by the maximum",
            "diagnosis": "not 1",
            "code": """def gradcam(to_maps, from_maps, image, class_index):
    x = tf.convert_to_tensor(np.asarray(image, np.float32)[None])
    with tf.GradientTape() as tape:
        maps = to_maps(x)
        score = from_maps(maps)[:, class_index]
    weights = tf.reduce_mean(tape.gradient(score, maps), axis=(0, 1, 2))
    return np.maximum(tf.reduce_sum(maps[0] * weights, axis=-1).numpy(), 0)
""",
        },
        {
            "why": "the model's top class instead of class_index",
            "diagnosis": "class_index",
            "code": """def gradcam(to_maps, from_maps, image, class_index):
    x = tf.convert_to_tensor(np.asarray(image, np.float32)[None])
    with tf.GradientTape() as tape:
        maps = to_maps(x)
        probs = from_maps(maps)
        score = probs[:, int(tf.argmax(probs[0]))]
    weights = tf.reduce_mean(tape.gradient(score, maps), axis=(0, 1, 2))
    heatmap = np.maximum(tf.reduce_sum(maps[0] * weights, axis=-1).numpy(), 0)
    return heatmap / heatmap.max() if heatmap.max() > 0 else heatmap
""",
        },
        {
            "why": "gradients times maps position by position, no average",
            "diagnosis": "average the gradients over the positions first",
            "code": """def gradcam(to_maps, from_maps, image, class_index):
    x = tf.convert_to_tensor(np.asarray(image, np.float32)[None])
    with tf.GradientTape() as tape:
        maps = to_maps(x)
        score = from_maps(maps)[:, class_index]
    grads = tape.gradient(score, maps)
    heatmap = np.maximum(tf.reduce_sum(grads[0] * maps[0], axis=-1).numpy(), 0)
    return heatmap / heatmap.max() if heatmap.max() > 0 else heatmap
""",
        },
        {
            "why": "gradients averaged over the channels",
            "diagnosis": "over the channels",
            "code": """def gradcam(to_maps, from_maps, image, class_index):
    x = tf.convert_to_tensor(np.asarray(image, np.float32)[None])
    with tf.GradientTape() as tape:
        maps = to_maps(x)
        score = from_maps(maps)[:, class_index]
    weights = tf.reduce_mean(tape.gradient(score, maps), axis=-1, keepdims=True)
    heatmap = np.maximum(tf.reduce_sum(maps * weights, axis=-1)[0].numpy(), 0)
    return heatmap / heatmap.max() if heatmap.max() > 0 else heatmap
""",
        },
        {
            "why": "the maps computed before the tape and not watched: a None gradient",
            "diagnosis": "tape.watch",
            "code": """def gradcam(to_maps, from_maps, image, class_index):
    maps = to_maps(np.asarray(image, np.float32)[None])
    with tf.GradientTape() as tape:
        score = from_maps(maps)[:, class_index]
    grads = tape.gradient(score, maps)
    weights = tf.reduce_mean(grads, axis=(0, 1, 2))
    heatmap = np.maximum(tf.reduce_sum(maps[0] * weights, axis=-1).numpy(), 0)
    return heatmap / heatmap.max()
""",
        },
        {
            "why": "min-max scaling instead of dividing by the maximum",
            "diagnosis": "subtracted the minimum",
            "code": """def gradcam(to_maps, from_maps, image, class_index):
    x = tf.convert_to_tensor(np.asarray(image, np.float32)[None])
    with tf.GradientTape() as tape:
        maps = to_maps(x)
        score = from_maps(maps)[:, class_index]
    weights = tf.reduce_mean(tape.gradient(score, maps), axis=(0, 1, 2))
    heatmap = np.maximum(tf.reduce_sum(maps[0] * weights, axis=-1).numpy(), 0)
    spread = heatmap.max() - heatmap.min()
    return (heatmap - heatmap.min()) / spread if spread > 0 else heatmap
""",
        },
        {
            "why": "divided by the maximum even when it is 0: NaN",
            "diagnosis": "maximum is > 0",
            "code": """def gradcam(to_maps, from_maps, image, class_index):
    x = tf.convert_to_tensor(np.asarray(image, np.float32)[None])
    with tf.GradientTape() as tape:
        maps = to_maps(x)
        score = from_maps(maps)[:, class_index]
    weights = tf.reduce_mean(tape.gradient(score, maps), axis=(0, 1, 2))
    heatmap = np.maximum(tf.reduce_sum(maps[0] * weights, axis=-1).numpy(), 0)
    heatmap /= heatmap.max()
    return heatmap
""",
        },
        {
            "why": "the gradient of all the probabilities at once",
            "diagnosis": "all the probabilities",
            "code": """def gradcam(to_maps, from_maps, image, class_index):
    x = tf.convert_to_tensor(np.asarray(image, np.float32)[None])
    with tf.GradientTape() as tape:
        maps = to_maps(x)
        probs = from_maps(maps)
    weights = tf.reduce_mean(tape.gradient(probs, maps), axis=(0, 1, 2))
    heatmap = np.maximum(tf.reduce_sum(maps[0] * weights, axis=-1).numpy(), 0)
    return heatmap / heatmap.max() if heatmap.max() > 0 else heatmap
""",
        },
    ],
    "q6_sorting_cost": [
        {
            "why": "> instead of >=",
            "diagnosis": "exactly at the threshold",
            "code": """def sorting_cost(p_trash, is_trash, threshold, cost_recyclable_in_trash,
                 cost_trash_in_recycling):
    sent = p_trash > threshold
    return (cost_recyclable_in_trash * np.sum(sent & ~is_trash)
            + cost_trash_in_recycling * np.sum(~sent & is_trash))
""",
        },
        {
            "why": "the two costs swapped",
            "diagnosis": "swapped",
            "code": """def sorting_cost(p_trash, is_trash, threshold, cost_recyclable_in_trash,
                 cost_trash_in_recycling):
    sent = p_trash >= threshold
    return (cost_trash_in_recycling * np.sum(sent & ~is_trash)
            + cost_recyclable_in_trash * np.sum(~sent & is_trash))
""",
        },
        {
            "why": "the mean cost per item",
            "diagnosis": "mean cost",
            "code": """def sorting_cost(p_trash, is_trash, threshold, cost_recyclable_in_trash,
                 cost_trash_in_recycling):
    sent = p_trash >= threshold
    cost = np.where(sent & ~is_trash, cost_recyclable_in_trash, 0.0)
    cost += np.where(~sent & is_trash, cost_trash_in_recycling, 0.0)
    return cost.mean()
""",
        },
        {
            "why": "the correctly sorted items counted",
            "diagnosis": "sorted correctly",
            "code": """def sorting_cost(p_trash, is_trash, threshold, cost_recyclable_in_trash,
                 cost_trash_in_recycling):
    sent = p_trash >= threshold
    return (cost_recyclable_in_trash * np.sum(sent & is_trash)
            + cost_trash_in_recycling * np.sum(~sent & ~is_trash))
""",
        },
        {
            "why": "the threshold applied the wrong way round",
            "diagnosis": "wrong way round",
            "code": """def sorting_cost(p_trash, is_trash, threshold, cost_recyclable_in_trash,
                 cost_trash_in_recycling):
    sent = p_trash < threshold
    return (cost_recyclable_in_trash * np.sum(sent & ~is_trash)
            + cost_trash_in_recycling * np.sum(~sent & is_trash))
""",
        },
    ],
}
