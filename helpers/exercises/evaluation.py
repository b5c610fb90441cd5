"""Checks of the exercises of 08_evaluation.

Each check runs the learner's function on small inputs made up for it: confusion
matrices of the TrashNet classes (with a class never predicted, a class with no true
images, a big class whose raw counts dwarf the others' and ``trash`` not always last),
a few dozen predictions with their confidences (some exactly 0, 1 or on a bin edge,
some exactly at a sorting threshold), and tiny Keras networks (12x12 photos, 6x6x8
feature maps) for Grad-CAM. What comes back is compared with an independent answer
(scikit-learn's metrics, a ``tf.GradientTape`` in the check, a loop written out here),
and the usual mistakes are recognised by computing them too and named in plain words.
Any correct way passes: NumPy, pandas, scikit-learn, loops, TensorFlow or keras.ops.
Introduced in 08_evaluation.

``gradcam_models`` (the tiny networks of the Grad-CAM check) is also offered here, for
the hidden tests: ``checks.gradcam_models(seed, head)``.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from helpers.checks import (
    Exercise,
    ExerciseFailed,
    _TimeUp,
    call,
    close,
    fail,
    is_int,
    keras_error,
    keras_module,
)

__all__ = [
    "q1_per_class_metrics",
    "q2_most_confused",
    "q3_trash_table",
    "q4_calibration_error",
    "q5_gradcam",
    "q6_sorting_cost",
    "gradcam_models",
]

TRASHNET = ["cardboard", "glass", "metal", "paper", "plastic", "trash"]


# ------------------------------------------------------------------ small helpers


def _labels_from(confusion: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(y_true, y_pred) with exactly this confusion matrix (rows true, columns predicted)."""
    k = len(confusion)
    cells = np.repeat(np.arange(k * k), confusion.ravel())
    return cells // k, cells % k


def _divide(top: np.ndarray, bottom: np.ndarray, empty: float = 0.0) -> np.ndarray:
    """top / bottom, ``empty`` where bottom is 0, without a warning."""
    top, bottom = np.asarray(top, np.float64), np.asarray(bottom, np.float64)
    return np.divide(top, bottom, out=np.full(np.broadcast(top, bottom).shape, empty),
                     where=bottom != 0)


def _number(value: Any, what: str, expected: str) -> float:
    """A learner's single-number result as a float, or a plain failure."""
    if value is None:
        fail(f"{what} returned None: end it with `return ...` ({expected}).")
    if isinstance(value, (bool, np.bool_)):
        fail(f"{what} returned {value!r}; it should return {expected}.")
    try:
        shape = np.shape(value)
    except Exception:  # an object NumPy cannot even look at
        shape = None
    if shape not in ((), (1,)):
        fail(f"{what} returned {type(value).__name__} of shape {shape}; it should return one "
             f"number, {expected}.")
    try:
        return float(np.asarray(value, dtype=np.float64).reshape(()))
    except (TypeError, ValueError):
        fail(f"{what} returned {value!r}; it should return one number, {expected}.")


def _show(matrix: np.ndarray) -> str:
    return str(np.asarray(matrix).tolist())


# ------------------------------------------------------------------ q1 per-class metrics

_METRICS = ("precision", "recall", "f1", "support")


def _sklearn_metrics(confusion: np.ndarray) -> dict[str, np.ndarray]:
    """scikit-learn's per-class metrics of the labels that make up ``confusion``."""
    from sklearn.metrics import precision_recall_fscore_support

    y_true, y_pred = _labels_from(confusion)
    found = precision_recall_fscore_support(y_true, y_pred, labels=np.arange(len(confusion)),
                                            zero_division=0)
    return {name: np.asarray(v, np.float64) for name, v in zip(_METRICS, found, strict=True)}


def _read_metrics(got: Any, k: int, what: str) -> dict[str, np.ndarray]:
    """The four length-k arrays of a learner's mapping (a dict of arrays or lists, or a
    DataFrame with one column per metric)."""
    keys = "'precision', 'recall', 'f1' and 'support'"
    if got is None:
        fail(f"{what} returned None: end it with `return {{'precision': ..., 'recall': ..., "
             "'f1': ..., 'support': ...}`.")
    if isinstance(got, (tuple, list, np.ndarray)):
        fail(f"{what} returned a {type(got).__name__}; return a mapping with the keys {keys} "
             "(a dict of arrays, or a DataFrame with those columns), one value per class.")
    columns, index = getattr(got, "columns", None), getattr(got, "index", None)
    if columns is not None and index is not None and not all(m in columns for m in _METRICS) \
            and all(m in index for m in _METRICS):
        fail(f"{what} returned a DataFrame with the metrics as rows; make them its columns "
             "(one row per class): pd.DataFrame({'precision': ..., ...}), or df.T.")
    try:
        missing = [m for m in _METRICS if m not in got]
    except TypeError:
        fail(f"{what} returned a {type(got).__name__}; return a mapping with the keys {keys}.")
    if missing:
        have = list(got.columns if hasattr(got, "columns") else got.keys()) \
            if hasattr(got, "keys") or hasattr(got, "columns") else []
        fail(f"{what} should have the keys {keys}; {', '.join(map(repr, missing))} "
             f"{'is' if len(missing) == 1 else 'are'} missing (yours has {have}).")
    values = {}
    for m in _METRICS:
        try:
            v = np.asarray(got[m], dtype=np.float64)
        except (TypeError, ValueError):
            fail(f"the '{m}' of {what} should be {k} numbers, one per class; yours is "
                 f"{got[m]!r}.")
        if v.shape == ():
            fail(f"the '{m}' of {what} is a single number, {float(v):.4g}; it should hold one "
                 f"value per class, {k} here (no average over the classes).")
        if v.shape != (k,):
            fail(f"the '{m}' of {what} should hold one value per class, shape ({k},); yours "
                 f"has shape {v.shape}.")
        values[m] = v
    return values


def _check_metrics(per_class_metrics: Any, confusion: np.ndarray) -> None:
    k = len(confusion)
    what = f"per_class_metrics(the {k}x{k} matrix {_show(confusion)})"
    given = confusion.copy()
    got = call(per_class_metrics, given)
    if not np.array_equal(given, confusion):
        fail("per_class_metrics changed the confusion matrix it was given: compute in new "
             "arrays (confusion.sum(axis=0) and np.diag(confusion) make them).")
    values = _read_metrics(got, k, what)
    expected = _sklearn_metrics(confusion)
    tp, rows, cols = np.diag(confusion), confusion.sum(axis=1), confusion.sum(axis=0)
    p, r = expected["precision"], expected["recall"]
    for m in _METRICS:
        nan = np.isnan(values[m])
        if not nan.any():
            continue
        c = int(np.flatnonzero(nan)[0])
        reason = {"precision": f"class {c} is never predicted (column {c} sums to 0)"
                  if cols[c] == 0 else "",
                  "recall": f"class {c} has no true images (row {c} sums to 0)"
                  if rows[c] == 0 else "",
                  "f1": f"the precision and recall of class {c} are both 0"
                  if p[c] + r[c] == 0 else "",
                  "support": ""}[m]
        if reason:
            fail(f"for {what} your {m} of class {c} is NaN: {reason}, so it is 0/0. Such a "
                 "0/0 counts as 0, as scikit-learn's zero_division=0 gives: replace the NaN "
                 "with 0 (np.nan_to_num), or divide only where the denominator is not 0 "
                 "(np.divide(top, bottom, out=np.zeros(len(bottom)), where=bottom > 0)).")
        fail(f"for {what} your {m} of class {c} is NaN; expected {expected[m][c]:.4f}.")
    if close(values["precision"], r) and close(values["recall"], p) and not close(p, r):
        fail(f"for {what} your precision and recall are swapped. Rows are the true classes, "
             "columns the predicted ones: precision divides C[k, k] by the COLUMN sum (all the "
             "images predicted as k), recall by the ROW sum (all the true images of k).")
    for m in ("precision", "recall", "f1"):
        if not close(values[m], expected[m]) and close(values[m], 100 * expected[m], atol=1e-4):
            fail(f"for {what} your {m} values are percentages ({values[m].round(1).tolist()}); "
                 "return fractions between 0 and 1.")
    formula = {"precision": "C[{c}, {c}] / column sum {c} = {top} / {col}",
               "recall": "C[{c}, {c}] / row sum {c} = {top} / {row}"}
    for m in ("precision", "recall"):
        if not close(values[m], expected[m]):
            c = int(np.argmax(np.abs(values[m] - expected[m])))
            how = formula[m].format(c=c, top=tp[c], col=cols[c], row=rows[c])
            zero = " (0/0 counts as 0)" if (m == "precision" and cols[c] == 0) or (
                m == "recall" and rows[c] == 0) else ""
            fail(f"for {what} the {m} of class {c} should be {expected[m][c]:.4f}, {how}"
                 f"{zero}; yours is {values[m][c]:.4f}.")
    if not close(values["f1"], expected["f1"]):
        if close(values["f1"], (p + r) / 2):
            fail(f"for {what} your F1 scores are the arithmetic mean of precision and recall, "
                 "(P + R) / 2. F1 is their harmonic mean, 2 * P * R / (P + R): it is low as "
                 "soon as either of them is low (0 where P + R is 0).")
        c = int(np.argmax(np.abs(values["f1"] - expected["f1"])))
        fail(f"for {what} the F1 score of class {c} should be {expected['f1'][c]:.4f}, "
             f"2 * P * R / (P + R) with P = {p[c]:.4f} and R = {r[c]:.4f} (0 where P + R is "
             f"0); yours is {values['f1'][c]:.4f}.")
    support = values["support"]
    if not close(support, rows):
        if close(support, cols):
            fail(f"for {what} your support values are the column sums, {cols.tolist()}: the "
                 "number of images PREDICTED as each class. The support is the number of TRUE "
                 f"images of each class, the row sums: {rows.tolist()}.")
        fail(f"for {what} the support should be {rows.tolist()} (the row sums: the true "
             f"images of each class); yours is {support.tolist()}.")


def _test_per_class_metrics(per_class_metrics: Any) -> None:
    # TrashNet's six classes: plastic is never predicted (column 4 is zero) and the test
    # set has no trash image (row 5 is zero): three 0/0s, and precision differs from recall.
    _check_metrics(per_class_metrics, np.array([
        [40, 2, 1, 5, 0, 2],
        [1, 45, 6, 0, 0, 3],
        [2, 4, 38, 1, 0, 5],
        [6, 0, 1, 52, 0, 1],
        [3, 5, 4, 2, 0, 6],
        [0, 0, 0, 0, 0, 0],
    ]))
    _check_metrics(per_class_metrics, np.array([[5, 3, 0], [1, 7, 2], [4, 0, 9]]))
    _check_metrics(per_class_metrics, np.array([[8, 2], [5, 1]]))


q1_per_class_metrics = Exercise(
    name="q1_per_class_metrics",
    answer="per_class_metrics",
    test=_test_per_class_metrics,
    hints=[
        "tp = np.diag(confusion); the row sums, confusion.sum(axis=1), count the true images "
        "of each class; the column sums, confusion.sum(axis=0), the predictions of each class.",
        "precision = tp / column sums, recall = tp / row sums, f1 = 2 * p * r / (p + r), "
        "support = row sums.",
        "A class never predicted, or without images, gives 0/0: make it 0 with "
        "np.divide(top, bottom, out=np.zeros(len(bottom)), where=bottom > 0), or "
        "np.nan_to_num afterwards.",
    ],
)


# ------------------------------------------------------------------ q2 most confused pair


def _largest_off_diagonal(values: np.ndarray) -> tuple[int, int]:
    v = np.where(np.isnan(values), -np.inf, np.asarray(values, np.float64))
    np.fill_diagonal(v, -np.inf)
    return tuple(int(i) for i in np.unravel_index(np.argmax(v), v.shape))


def _check_confused(most_confused: Any, confusion: np.ndarray, names: list[str]) -> None:
    what = f"most_confused(the matrix {_show(confusion)}, {names})"
    given, given_names = confusion.copy(), list(names)
    got = call(most_confused, given, given_names)
    if not np.array_equal(given, confusion):
        fail("most_confused changed the confusion matrix it was given (np.fill_diagonal "
             "works in place): work on a copy, confusion.copy() or the shares "
             "confusion / row sums, a new array.")
    if got is None:
        fail(f"{what} returned None: end it with `return true_name, predicted_name, share`.")
    if not isinstance(got, (tuple, list)) or len(got) != 3:
        fail(f"{what} should return a tuple (true_name, predicted_name, share); yours "
             f"returned {got!r}.")
    got_true, got_pred, share = got
    if is_int(got_true) and is_int(got_pred):
        fail(f"{what} returned class numbers ({got_true}, {got_pred}); return the class "
             "names, class_names[t] and class_names[p].")
    if got_true not in names or got_pred not in names:
        fail(f"{what} should name two classes of {names}; yours returned {got!r}.")
    share = _number(share, f"the share returned by {what}", "a fraction between 0 and 1")
    t, p = names.index(got_true), names.index(got_pred)
    rows = confusion.sum(axis=1, keepdims=True)
    shares = _divide(confusion, rows, np.nan)
    want_t, want_p = _largest_off_diagonal(shares)
    want = shares[want_t, want_p]
    said = (f"for {what} the most confused pair is true '{names[want_t]}' predicted "
            f"'{names[want_p]}', {confusion[want_t, want_p]} of its {rows[want_t, 0]} images "
            f"({want:.4f}); yours is ({got_true!r}, {got_pred!r}, {share:.4g})")
    empty = [names[i] for i in np.flatnonzero(rows[:, 0] == 0)]
    if np.isnan(share) or got_true in empty:
        fail(f"{said}. '{empty[0] if empty else got_true}' has no images: its row gives 0/0 "
             "= NaN, and np.argmax takes a NaN for the largest value. Skip the rows with no "
             "images: set their shares to 0 (np.nan_to_num) before looking for the largest.")
    if (t, p) == (want_t, want_p):
        if abs(share - want) <= 1e-6:
            return
        if abs(share - confusion[t, p]) <= 1e-6:
            fail(f"{said}: the share should be a fraction of the row, C[t, p] / row sum t = "
                 f"{confusion[t, p]} / {rows[t, 0]}, not the count.")
        if abs(share - 100 * want) <= 1e-4:
            fail(f"{said}: return the share as a fraction between 0 and 1, not a percentage.")
        if abs(share - confusion[t, p] / confusion[:, p].sum()) <= 1e-6:
            fail(f"{said}: your share is the share of the predicted class, C[t, p] / column "
                 "sum p, not of the true class: divide by the row sum, the number of true "
                 f"'{names[t]}' images.")
        fail(f"{said}: the share should be C[t, p] / row sum t = {want:.6f}.")
    if t == p:
        fail(f"{said}: that is a cell of the diagonal, and a correct prediction is not a "
             "confusion. Leave the diagonal out (set it to 0 in a copy, or np.fill_diagonal "
             "on the shares) before looking for the largest share.")
    if (t, p) == (want_p, want_t):
        fail(f"{said}: true and predicted are swapped. Rows are the true classes, columns the "
             "predicted ones: the row index t names the true class, the column index p the "
             "predicted one; return (class_names[t], class_names[p], share).")
    if (t, p) == _largest_off_diagonal(confusion):
        fail(f"{said}: you took the largest COUNT. Counts favour the big classes: "
             f"{confusion[t, p]} of {rows[t, 0]} images is a smaller share of its row than "
             f"{confusion[want_t, want_p]} of {rows[want_t, 0]}. Divide each row by its sum "
             "first, so that each cell is the share of its row: the fraction of the true "
             "class's images given that wrong class.")
    if (t, p) == _largest_off_diagonal(_divide(confusion, confusion.sum(axis=0))):
        fail(f"{said}: you divided by the column sums, which gives the share of the "
             "predicted class, not of the true class. Divide each ROW by its sum: of the "
             "true class's images, what fraction went to each wrong class.")
    fail(f"{said}. Divide each row by its sum, leave the diagonal out, and take the largest.")


def _test_most_confused(most_confused: Any) -> None:
    # Paper is the big class: its 30 images called cardboard are the largest count, but
    # only 10 % of its row; 14 of the 40 trash images (35 %) are called plastic.
    _check_confused(most_confused, np.array([
        [60, 1, 2, 8, 1, 3],
        [1, 70, 6, 1, 12, 2],
        [2, 5, 55, 1, 3, 12],
        [30, 1, 2, 260, 4, 3],
        [3, 9, 4, 6, 90, 3],
        [4, 1, 2, 5, 14, 14],
    ]), TRASHNET)
    # A class with no images (an empty row) and another big class.
    _check_confused(most_confused, np.array([
        [6, 2, 4, 0],
        [0, 0, 0, 0],
        [3, 1, 100, 9],
        [1, 1, 3, 12],
    ]), ["bottle", "can", "carton", "jar"])
    _check_confused(most_confused, np.array([[3, 1, 0], [12, 50, 2], [0, 1, 1]]),
                    ["glass", "paper", "trash"])


q2_most_confused = Exercise(
    name="q2_most_confused",
    answer="most_confused",
    test=_test_most_confused,
    hints=[
        "shares = confusion / confusion.sum(axis=1, keepdims=True): each row divided by its "
        "sum (rows with no images give NaN: np.nan_to_num makes them 0).",
        "Leave out the diagonal (np.fill_diagonal(shares, 0) on that new array), then "
        "t, p = np.unravel_index(np.argmax(shares), shares.shape).",
        "Return (class_names[t], class_names[p], float(shares[t, p])).",
    ],
)


# ------------------------------------------------------------------ q3 what goes to trash


def _trash_columns(y_true: np.ndarray, y_pred: np.ndarray, rows: list[int],
                   trash: int) -> tuple[np.ndarray, np.ndarray]:
    """For each class of ``rows``: the share of its images predicted ``trash``, and of its
    misclassified images (NaN where there are none)."""
    first, second = [], []
    for k in rows:
        mine = y_true == k
        sent = np.sum(mine & (y_pred == trash))
        first.append(_divide(sent, mine.sum(), np.nan))
        second.append(_divide(sent, np.sum(mine & (y_pred != k)), np.nan))
    return np.array(first, np.float64), np.array(second, np.float64)


def _same_column(got: np.ndarray, want: np.ndarray) -> bool:
    """Equal where ``want`` is a number; NaN or 0 where it is NaN (0/0)."""
    undefined = np.isnan(want)
    ok = np.where(undefined, np.isnan(got) | (np.abs(np.nan_to_num(got)) <= 1e-9),
                  np.abs(got - np.nan_to_num(want)) <= 1e-6)
    return got.shape == want.shape and bool(np.all(ok))


def _check_trash(trash_table: Any, y_true: np.ndarray, y_pred: np.ndarray,
                 names: list[str]) -> None:
    trash = names.index("trash")
    what = f"trash_table(y_true, y_pred, {names})"
    given = (y_true.copy(), y_pred.copy(), list(names))
    got = call(trash_table, *given)
    if not (np.array_equal(given[0], y_true) and np.array_equal(given[1], y_pred)):
        fail("trash_table changed the arrays it was given: leave y_true and y_pred alone.")
    if got is None:
        fail(f"{what} returned None: end it with `return pd.DataFrame(...)`.")
    if type(got).__name__ != "DataFrame":
        fail(f"{what} should return a pandas DataFrame (one row per class, two columns); "
             f"yours returned a {type(got).__name__}.")
    others = [n for i, n in enumerate(names) if i != trash]
    index = list(got.index)
    if trash != len(names) - 1 and index == names[:-1]:
        fail(f"for {what} your rows are {index}: you took 'trash' to be the last class, but "
             f"'trash' is not always the last class. Here it is class {trash}: find it with "
             "class_names.index('trash'), and leave out that row.")
    if "trash" in index:
        fail(f"for {what} your table has a 'trash' row: the table is about what goes to "
             "trash WRONGLY, the other classes. Leave the trash row out.")
    if index != others:
        if sorted(map(str, index)) == sorted(others):
            fail(f"for {what} the rows should be {others}, in class_names order; yours are "
                 f"{index}.")
        fail(f"for {what} the rows should be indexed by the class names {others} "
             f"(pd.DataFrame(..., index=names)); yours are {index}.")
    if got.shape[1] != 2:
        fail(f"for {what} the table should have two columns (the share of the class's images "
             "sent to trash, the share of its errors that were trash); yours has "
             f"{got.shape[1]}: {list(got.columns)}.")
    try:
        values = got.iloc[:, :2].to_numpy(dtype=np.float64)
    except (TypeError, ValueError):
        fail(f"for {what} the two columns should hold numbers; yours hold {got.dtypes.tolist()}.")
    first, second = values[:, 0], values[:, 1]
    rows = [i for i in range(len(names)) if i != trash]
    want_first, want_second = _trash_columns(y_true, y_pred, rows, trash)
    right = _same_column(first, want_first), _same_column(second, want_second)
    if all(right):
        return
    bad = [i for i in range(len(rows)) if not (_same_column(first[i:i + 1], want_first[i:i + 1])
                                                and _same_column(second[i:i + 1],
                                                                 want_second[i:i + 1]))]
    k, c = bad[0], rows[bad[0]]
    images, errors = int(np.sum(y_true == c)), int(np.sum((y_true == c) & (y_pred != c)))
    sent = int(np.sum((y_true == c) & (y_pred == trash)))
    said = (f"for {what} the row '{names[c]}' should be ({_share(want_first[k])}, "
            f"{_share(want_second[k])}): {sent} of its {images} images went to trash, and "
            f"it has {errors} errors; yours is ({first[k]:.4g}, {second[k]:.4g})")
    if _same_column(first, 100 * want_first) and _same_column(second, 100 * want_second):
        fail(f"{said}. Your shares are percentages; return fractions between 0 and 1 (drop "
             "the * 100; format them as percentages only to show them).")
    last = len(names) - 1
    if trash != last:
        wrong_first, wrong_second = _trash_columns(y_true, y_pred, rows, last)
        if _same_column(first, wrong_first) or (right[0] and _same_column(second, wrong_second)):
            fail(f"{said}. Your shares count the predictions of class {last}, "
                 f"'{names[last]}', as trash, but 'trash' is not always the last class. Here "
                 f"it is class {trash}: class_names.index('trash').")
    if not right[0]:
        trash_images = y_true == trash
        wrong = {
            "column": _divide([np.sum((y_true == r) & (y_pred == trash)) for r in rows],
                              np.sum(y_pred == trash), np.nan),
            "swapped": _divide([np.sum(trash_images & (y_pred == r)) for r in rows],
                               np.sum(trash_images), np.nan),
            "swapped arrays": _divide([np.sum(trash_images & (y_pred == r)) for r in rows],
                                      [np.sum(y_pred == r) for r in rows], np.nan),
        }
        if _same_column(first, wrong["column"]):
            fail(f"{said}. Your first column splits everything predicted trash by its true "
                 "class (of all the trash predictions, the share that was each class): it "
                 "divides by the number of trash predictions. The table reads the other way: "
                 "of each class's images, the share predicted trash; divide by the class's "
                 "own number of images, (y_true == k).sum().")
        if _same_column(first, wrong["swapped"]) or _same_column(first, wrong["swapped arrays"]):
            fail(f"{said}. True and predicted are swapped: your first column counts TRASH "
                 "images predicted as each class. It should count the images OF each class "
                 "(y_true == k) that were predicted trash (y_pred == trash).")
        fail(f"{said}. The first column is, of the class's images, the share predicted trash: "
             f"{sent} / {images} here.")
    if _same_column(second, want_first):
        fail(f"{said}. Your second column is the same as the first: it divides by all the "
             "class's images. The second column divides by the class's ERRORS only, its "
             "misclassified images (y_true == k) & (y_pred != k): of the mistakes made on "
             "that class, the share that went to trash.")
    fail(f"{said}. The second column is, of the class's misclassified images, the share "
         f"predicted trash: {sent} / {errors} here (0 or NaN when there are no errors).")


def _share(value: float) -> str:
    return "NaN or 0" if np.isnan(value) else f"{value:.4f}"


def _trash_labels(confusion: np.ndarray, seed: int) -> tuple[np.ndarray, np.ndarray]:
    y_true, y_pred = _labels_from(confusion)
    order = np.random.default_rng(seed).permutation(len(y_true))
    return y_true[order], y_pred[order]


def _test_trash_table(trash_table: Any) -> None:
    # TrashNet's order: trash last; paper and cardboard often sent to trash.
    y_true, y_pred = _trash_labels(np.array([
        [30, 1, 0, 6, 1, 4],
        [0, 40, 5, 1, 3, 1],
        [1, 4, 35, 0, 2, 3],
        [5, 0, 1, 48, 0, 6],
        [1, 6, 3, 2, 30, 8],
        [2, 1, 2, 5, 4, 16],
    ]), 803)
    _check_trash(trash_table, y_true, y_pred, TRASHNET)
    # trash second; metal never wrong (its second share is 0/0); no paper image at all,
    # though the model predicts paper twice.
    names = ["glass", "trash", "paper", "metal", "cardboard"]
    y_true, y_pred = _trash_labels(np.array([
        [20, 3, 0, 2, 1],
        [4, 12, 1, 0, 3],
        [0, 0, 0, 0, 0],
        [0, 0, 0, 9, 0],
        [1, 5, 1, 0, 14],
    ]), 804)
    _check_trash(trash_table, y_true, y_pred, names)


q3_trash_table = Exercise(
    name="q3_trash_table",
    answer="trash_table",
    test=_test_trash_table,
    hints=[
        "trash = class_names.index('trash'); then, for each other class k: mine = "
        "(y_true == k) and to_trash = mine & (y_pred == trash).",
        "First share: to_trash.sum() / mine.sum(); second: to_trash.sum() / (mine & (y_pred "
        "!= k)).sum(), the class's misclassified images (0 or NaN when there are none).",
        "pd.DataFrame({'sent to trash, share of its images': [...], 'sent to trash, share of "
        "its errors': [...]}, index=[the names of the other classes, in order]).",
    ],
)


# ------------------------------------------------------------------ q4 calibration error


def _bin_gaps(confidence: np.ndarray, correct: np.ndarray, index: np.ndarray,
              bins: range, total: int | None = None, *, signed: bool = False,
              accuracy_of_all: bool = False, centres: np.ndarray | None = None,
              weighted: bool = True, nonempty_only: bool = True) -> float:
    """Sum over ``bins`` of (n_b / N) |accuracy_b - confidence_b| and its wrong variants."""
    n = len(confidence) if total is None else total
    gaps, weights = [], []
    for b in bins:
        inside = index == b
        if not inside.any():
            if not nonempty_only:
                gaps.append(0.0)
                weights.append(0.0)
            continue
        accuracy = correct.mean() if accuracy_of_all else correct[inside].mean()
        level = centres[b] if centres is not None else confidence[inside].mean()
        gaps.append(accuracy - level if signed else abs(accuracy - level))
        weights.append(inside.sum() / n)
    if not weighted:
        return float(np.mean(gaps)) if gaps else 0.0
    return float(np.dot(weights, gaps))


def _calibration_mistakes(confidence: np.ndarray, correct: np.ndarray,
                          n: int) -> dict[str, float]:
    edges = np.linspace(0, 1, n + 1)
    index = np.minimum(np.floor(confidence * n).astype(int), n - 1)
    raw = np.digitize(confidence, edges) - 1  # 1.0 lands in bin n, past the last
    high = np.digitize(confidence, edges, right=True) - 1  # edges go to the lower bin
    overall = float(correct.mean() - confidence.mean())
    kept = int(np.sum(raw < n))
    return {
        "unweighted": _bin_gaps(confidence, correct, index, range(n), weighted=False),
        "unweighted, every bin": _bin_gaps(confidence, correct, index, range(n),
                                           weighted=False, nonempty_only=False),
        "signed": overall,
        "signed, confidence first": -overall,
        "signed, then abs": abs(overall),
        "1.0 dropped": _bin_gaps(confidence, correct, raw, range(n)),
        "1.0 dropped, fewer predictions": _bin_gaps(confidence, correct, raw, range(n), kept),
        "1.0 in a bin of its own": _bin_gaps(confidence, correct, raw, range(n + 1)),
        "counted from 1": _bin_gaps(confidence, correct, raw + 1, range(n)),
        "edges in the lower bin": _bin_gaps(confidence, correct, np.maximum(high, 0),
                                            range(n)),
        "edges in the lower bin, 0 dropped": _bin_gaps(confidence, correct, high, range(n)),
        "accuracy of all": _bin_gaps(confidence, correct, index, range(n),
                                     accuracy_of_all=True),
        "bin centres": _bin_gaps(confidence, correct, index, range(n),
                                 centres=(edges[:-1] + edges[1:]) / 2),
    }


_CALIBRATION_MESSAGES = {
    "unweighted": "you averaged the bins' gaps as equals. Weight each bin by its share of "
    "the predictions, n_b / N: a bin of 2 predictions should count far less than one of 200.",
    "signed": "you added signed differences, accuracy - confidence: over- and "
    "under-confidence cancel out (summed with the weights, they leave only the overall "
    "accuracy minus the mean confidence). Take each bin's gap as an absolute value, "
    "|accuracy_b - confidence_b|, before adding.",
    "1.0": "a confidence of exactly 1.0 is missing from your bins, or sits in a bin of its "
    "own: np.digitize (and floor(confidence * n_bins)) puts 1.0 past the last edge, in bin "
    "n_bins. The last bin is closed, [(n-1)/n, 1]: clip the bin index, "
    "np.minimum(index, n_bins - 1).",
    "counted from 1": "your bins are counted from 1: np.digitize(confidence, edges) gives 1 "
    "for the first bin [0, 1/n), so bin 0 stays empty and the last bin is lost. Subtract 1 "
    "(and clip 1.0 into the last bin) so that the indices run from 0 to n_bins - 1.",
    "edges": "a confidence exactly on an edge, such as 0.25 with 4 bins, belongs to the bin it "
    "starts: the bins are [0, 1/n), [1/n, 2/n), ... Use floor(confidence * n_bins) (or "
    "np.digitize with its default right=False) rather than ceil, <= or right=True.",
    "accuracy of all": "you compared each bin's mean confidence with the accuracy of all the "
    "predictions: use the accuracy of the predictions in that bin, correct[in_bin].mean().",
    "bin centres": "you compared each bin's accuracy with the middle of the bin: use the mean "
    "confidence of the predictions in that bin, confidence[in_bin].mean().",
}


def _calibration_message(mistake: str) -> str:
    for start in ("unweighted", "signed", "1.0", "counted from 1", "edges", "accuracy of all",
                  "bin centres"):
        if mistake.startswith(start):
            return _CALIBRATION_MESSAGES[start]
    raise KeyError(mistake)


def _calibration_cases() -> list[tuple[np.ndarray, np.ndarray, int]]:
    rng = np.random.default_rng(804)
    cases = []
    # 4 bins: confidences exactly on the edges 0.25, 0.5, 0.75, and exactly 0.0 and 1.0.
    # A right prediction at 1.0 (or a wrong one at 0.0) adds 0 to its bin's gap, so
    # every case has a wrong one at 1.0 and a right one at 0.0: dropping them shows.
    confidence = np.array([0.0, 0.1, 0.25, 0.3, 0.45, 0.5, 0.5, 0.6, 0.7, 0.75, 0.8, 0.9,
                           0.95, 1.0, 1.0, 1.0])
    correct = np.array([1, 0, 1, 0, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0], bool)
    cases.append((confidence, correct, 4))
    # 10 bins, as in the lesson: confidences 0.001 or more away from every edge (0.3 is not
    # exactly np.linspace(0, 1, 11)[3]), bins 1 to 3 empty, a model mostly over-confident.
    centre = rng.choice([0, 4, 5, 6, 7, 8, 8, 9, 9, 9], size=38)
    confidence = np.concatenate([(centre + rng.uniform(0.01, 0.99, 38)) / 10, [0.0, 1.0]])
    correct = rng.random(40) < np.clip(confidence - 0.15, 0.05, 1)
    correct[-2:] = [True, False]
    cases.append((confidence, correct, 10))
    # 8 bins: edges 0.125, 0.375, 0.875, a model mostly under-confident.
    confidence = np.array([0.0, 0.125, 0.2, 0.375, 0.4, 0.5, 0.55, 0.625, 0.7, 0.875,
                           0.9, 1.0, 0.3, 0.8])
    correct = np.array([1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 0, 0, 1], bool)
    cases.append((confidence, correct, 8))
    return cases


def _test_calibration_error(expected_calibration_error: Any) -> None:
    possible = None  # the mistakes that explain every result so far
    for confidence, correct, n in _calibration_cases():
        what = f"expected_calibration_error(confidence, correct, n_bins={n})"
        given = (confidence.copy(), correct.copy())
        got = _number(call(expected_calibration_error, *given, n), what,
                      "the expected calibration error, a float")
        if not (np.array_equal(given[0], confidence) and np.array_equal(given[1], correct)):
            fail(f"{what} changed the arrays it was given: leave confidence and correct alone.")
        index = np.minimum(np.floor(confidence * n).astype(int), n - 1)
        expected = _bin_gaps(confidence, correct, index, range(n))
        mistakes = _calibration_mistakes(confidence, correct, n)
        matching = {m for m, value in mistakes.items() if abs(value - got) <= 1e-9}
        possible = matching if possible is None else possible & matching
        if abs(got - expected) <= 1e-9:
            continue
        said = (f"{what} should be {expected:.6f} for the {len(confidence)} predictions "
                f"checked; yours is {got:.6f}")
        if np.isnan(got):
            fail(f"{said}. An empty bin has no accuracy (the mean of nothing is NaN): skip "
                 "it, it adds 0.")
        # Name the mistake that explains every result so far, else one that explains this.
        named = [m for m in mistakes if m in possible] or [m for m in mistakes if m in matching]
        if named:
            fail(f"{said}: {_calibration_message(named[0])}")
        if abs(got - 100 * expected) <= 1e-6:
            fail(f"{said}: return a fraction, not a percentage.")
        fail(f"{said}. ECE = sum over the bins of (n_b / N) * |accuracy_b - mean "
             "confidence_b|, with the bins [0, 1/n), [1/n, 2/n), ..., [(n-1)/n, 1] (1.0 in "
             "the last) and empty bins adding 0.")


q4_calibration_error = Exercise(
    name="q4_calibration_error",
    answer="expected_calibration_error",
    test=_test_calibration_error,
    hints=[
        "The bin of each prediction: index = np.minimum((confidence * n_bins).astype(int), "
        "n_bins - 1): the clip puts a confidence of 1.0 in the last bin.",
        "For each bin b with predictions in it: in_bin = index == b; its gap is "
        "abs(correct[in_bin].mean() - confidence[in_bin].mean()).",
        "Weight each gap by in_bin.sum() / len(confidence) and add them up; return a float.",
    ],
)


# ------------------------------------------------------------------ q5 Grad-CAM


def gradcam_models(seed: int = 0, head: str = "conv", n_classes: int = 4):
    """Two tiny Keras models that make one classifier: ``to_maps``, 12x12x3 photos (0..255)
    to feature maps (1, 6, 6, 8), and ``from_maps``, those maps to ``n_classes``
    probabilities. ``head`` says what follows the maps:

    - ``"conv"``: Conv2D, Flatten, Dense(softmax): the gradient varies from position to
      position;
    - ``"pool"``: GlobalAveragePooling2D, Dense(softmax), as in the lesson's networks;
    - ``"positive"``: the same, on maps that are all > 0 (a sigmoid), with weights set so
      that every channel raises class 0 and lowers class ``n_classes - 1``: class 0's
      heatmap is > 0 everywhere, the last class's is all 0 after the ReLU.

    The models are trainable (a tape then sees the maps computed inside it). Also used by
    the hidden tests."""
    keras = keras_module()
    layers = keras.layers
    keras.utils.set_random_seed(seed)
    photos = keras.Input((12, 12, 3), name="photo")
    x = layers.Rescaling(1 / 255)(photos)
    x = layers.Conv2D(6, 3, padding="same", activation="relu")(x)
    x = layers.Conv2D(8, 3, strides=2, padding="same",
                      activation="sigmoid" if head == "positive" else "relu",
                      name="last_conv")(x)
    to_maps = keras.Model(photos, x, name="to_maps")
    maps = keras.Input((6, 6, 8), name="maps")
    if head == "conv":
        y = layers.Flatten()(layers.Conv2D(4, 3, padding="same", activation="relu")(maps))
    else:
        y = layers.GlobalAveragePooling2D()(maps)
    dense = layers.Dense(n_classes, activation="softmax", name="probabilities")
    from_maps = keras.Model(maps, dense(y), name="from_maps")
    kernel, bias = dense.get_weights()
    if head == "positive":
        rng = np.random.default_rng(seed)
        kernel = rng.uniform(-0.1, 0.1, (8, n_classes))
        kernel[:, 0] = rng.uniform(0.2, 0.4, 8)
        kernel[:, -1] = -rng.uniform(0.2, 0.4, 8)
    else:
        kernel = kernel * 3  # larger gradients, probabilities still far from 0 and 1
    dense.set_weights([kernel.astype(np.float32), bias])
    return to_maps, from_maps


def _gradcam_parts(to_maps: Any, from_maps: Any, image: np.ndarray):
    """The maps (H, W, C), the probabilities (K,) and the gradient of every class's
    probability with respect to the maps (K, H, W, C), float64."""
    import tensorflow as tf

    x = tf.convert_to_tensor(np.asarray(image, np.float32)[None])
    maps = to_maps(x, training=False)
    with tf.GradientTape(persistent=True) as tape:
        tape.watch(maps)
        probs = from_maps(maps, training=False)
        scores = [probs[:, k] for k in range(probs.shape[-1])]
    grads = np.stack([np.asarray(tape.gradient(s, maps))[0] for s in scores])
    del tape
    return (np.asarray(maps, np.float64)[0], np.asarray(probs, np.float64)[0],
            grads.astype(np.float64))


def _normalised(cam: np.ndarray) -> np.ndarray:
    top = cam.max()
    return cam / top if top > 0 else np.zeros_like(cam)


def _cam(maps: np.ndarray, grads: np.ndarray) -> np.ndarray:
    """The right heatmap before normalisation: ReLU(sum_c mean-gradient_c * maps_c)."""
    return np.maximum(maps @ grads.mean(axis=(0, 1)), 0)


class _GradientSpy:
    """While active, records every ``tf.GradientTape.gradient`` call of the learner's code:
    the target's shape, and whether a gradient came back None."""

    def __init__(self):
        import tensorflow as tf

        self.tape_class = tf.GradientTape
        self.calls: list[tuple[Any, bool]] = []

    def __enter__(self):
        original = self.original = self.tape_class.gradient
        calls = self.calls

        def gradient(tape, target, sources, *args, **kwargs):
            result = original(tape, target, sources, *args, **kwargs)
            flat = result if isinstance(result, (list, tuple)) else [result]
            shape = getattr(target, "shape", None)
            calls.append((tuple(shape) if shape is not None else None,
                          any(g is None for g in flat)))
            return result

        self.tape_class.gradient = gradient
        return self

    def __exit__(self, *exc):
        self.tape_class.gradient = self.original
        return False

    @property
    def none(self) -> bool:
        return any(none for _, none in self.calls)


# Heatmaps are compared to 1e-3: one divided by (its maximum + 1e-7), a common guard, passes.
_CAM_TOL = 1e-3

_NONE_GRADIENT = (
    "the tape gave a gradient of None: it did not see the feature maps being used. Compute "
    "the maps inside the `with tf.GradientTape() as tape:` block (maps = to_maps(x) there), "
    "or call tape.watch(maps) in that block before from_maps(maps)."
)


def _check_gradcam(gradcam: Any, models: tuple, image: np.ndarray, class_index: Any,
                   about: str) -> None:
    to_maps, from_maps = models
    maps, probs, grads = _gradcam_parts(to_maps, from_maps, image)
    k = int(class_index)
    expected = _normalised(_cam(maps, grads[k]))
    what = f"gradcam(to_maps, from_maps, image, {k}) ({about})"
    given = image.copy()
    spy = _GradientSpy()
    try:
        with spy:
            got = call(gradcam, to_maps, from_maps, given, class_index)
    except (NotImplementedError, ExerciseFailed, _TimeUp):
        raise
    except Exception as err:  # the learner's code failed: say why if we can
        if spy.none or "NoneType" in str(err) or "(None)" in str(err):
            fail(f"{what} raised {type(err).__name__}: {keras_error(err)} That is because "
                 f"{_NONE_GRADIENT}")
        fail(f"{what} raised {type(err).__name__}: {keras_error(err)} The models take a "
             f"batch: add the batch axis to the image (image[np.newaxis], shape "
             f"(1, {', '.join(map(str, image.shape))})), convert it with "
             "tf.convert_to_tensor, and run the maps through from_maps.")
    if not np.array_equal(given, image):
        fail(f"{what} changed the image it was given: leave it alone.")
    if got is None:
        fail(f"{what} returned None: end it with `return heatmap`.")
    try:
        heatmap = np.asarray(got, dtype=np.float64)
    except (TypeError, ValueError):
        fail(f"{what} should return a NumPy array of shape {expected.shape}; yours returned a "
             f"{type(got).__name__}.")
    shape = expected.shape
    if heatmap.shape != shape:
        if heatmap.size == expected.size:
            fail(f"{what} returned shape {heatmap.shape}; return the (H, W) heatmap, shape "
                 f"{shape}: drop the batch and channel axes (heatmap[0], or np.squeeze).")
        if heatmap.shape[:2] == image.shape[:2]:
            fail(f"{what} returned shape {heatmap.shape}, the image's size: return the heatmap "
                 f"at the size of the feature maps, {shape}; resizing it to the photo is for "
                 "showing it.")
        fail(f"{what} should return the heatmap of the feature maps, shape {shape} (one "
             f"value per position); yours has shape {heatmap.shape}.")
    if spy.none and not close(heatmap, expected, atol=_CAM_TOL):
        fail(f"for {what}, {_NONE_GRADIENT}")
    if any(target is not None and len(target) >= 1 and target[-1] == len(probs) > 1
           for target, _ in spy.calls) and not close(heatmap, expected, atol=_CAM_TOL):
        fail(f"{what} takes the gradient of all the probabilities together. They always add "
             "up to 1, so their gradient is 0 (rounding noise): take the score of the class "
             "asked for only, probs[:, class_index].")
    if np.isnan(heatmap).any():
        if not expected.any():
            fail(f"{what} returned NaN values. For this class the heatmap is 0 everywhere "
                 "after the ReLU (no position speaks for it), so dividing by its maximum is "
                 "0/0: divide only when the maximum is > 0, and leave an all-zero heatmap "
                 "zero.")
        fail(f"{what} returned NaN values: look for a division by 0.")
    if close(heatmap, expected, atol=_CAM_TOL):
        return
    said = f"{what} is not the expected heatmap"
    if heatmap.min() < -1e-6:
        fail(f"{said}: it has negative values (as low as {heatmap.min():.3f}). Apply a ReLU, "
             "np.maximum(heatmap, 0), before dividing by the maximum: Grad-CAM keeps only the "
             "positions that speak FOR the class.")
    for j in np.argsort(-probs):
        if j != k and close(heatmap, _normalised(_cam(maps, grads[j])), atol=_CAM_TOL):
            top = " (the model's top class)" if j == np.argmax(probs) else ""
            fail(f"{said}: it is the heatmap of class {j}{top}, not of class_index = {k}. "
                 "Take the score of the class asked for, probs[:, class_index], even when "
                 "the model prefers another one.")
    if not heatmap.any():
        fail(f"{said}: yours is 0 everywhere, but some positions speak for this class (the "
             "expected heatmap reaches 1). The weights should be one per channel, the mean "
             "gradient over the H and W positions (tf.reduce_mean(grads, axis=(0, 1, 2))), "
             "and the heatmap the maps weighted by them, added up over the channels.")
    wrong = {
        "element-wise": _normalised(np.maximum((grads[k] * maps).sum(axis=-1), 0)),
        "channels": _normalised(np.maximum(grads[k].mean(axis=-1) * maps.sum(axis=-1), 0)),
        "one weight": _normalised(np.maximum(grads[k].mean() * maps.sum(axis=-1), 0)),
        "min-max": (lambda c: (c - c.min()) / (c.max() - c.min()) if c.max() > c.min()
                    else c)(_cam(maps, grads[k])),
    }
    if close(heatmap, wrong["element-wise"], atol=_CAM_TOL):
        fail(f"{said}: you multiplied the gradients by the maps position by position. Grad-CAM "
             "gives each channel ONE weight: average the gradients over the positions first, "
             "weights = mean of grads over the H and W axes (tf.reduce_mean(grads, axis=(0, "
             "1, 2)), one value per channel), then add up weights[c] * maps[..., c].")
    if close(heatmap, wrong["channels"], atol=_CAM_TOL) or close(heatmap, wrong["one weight"],
                                                             atol=_CAM_TOL):
        fail(f"{said}: you averaged the gradients over the channels (the last axis). Average "
             "them over the positions, the H and W axes, to get one weight per channel: "
             "tf.reduce_mean(grads, axis=(0, 1, 2)).")
    if close(heatmap, wrong["min-max"], atol=_CAM_TOL):
        fail(f"{said}: you subtracted the minimum (min-max scaling), so the weakest position "
             "becomes 0 though the class's evidence there is not 0. Divide by the maximum "
             "only: heatmap / heatmap.max().")
    top = float(heatmap.max())
    if top > 0 and close(heatmap / top, expected, atol=_CAM_TOL) and abs(top - 1) > 1e-4:
        fail(f"{said}: its largest value is {top:.4g}, not 1. Divide the heatmap by its "
             "maximum (when that is > 0), so that the strongest position is 1.")
    worst = int(np.argmax(np.abs(heatmap - expected)))
    where = tuple(int(i) for i in np.unravel_index(worst, shape))
    fail(f"{said}: at position {where} it is {heatmap.flat[worst]:.4f}, expected "
         f"{expected.flat[worst]:.4f}. The steps: the maps, "
         "the probability of class_index, its gradient with respect to the maps, the mean "
         "gradient of each channel over the positions, the maps weighted by it and added up "
         "over the channels, a ReLU, then division by the maximum.")


def _test_gradcam(gradcam: Any) -> None:
    keras_module()
    rng = np.random.default_rng(805)
    # A head whose gradient varies over the positions, a class that is NOT the model's
    # favourite, a float32 photo: the raw heatmap has positive and negative parts.
    _check_gradcam(gradcam, gradcam_models(0, "conv"),
                   rng.integers(0, 256, (12, 12, 3)).astype(np.float32), 2,
                   "a Conv2D + Flatten + Dense head, class 2, not the model's favourite")
    # Pooling, as in the lesson: a uint8 photo, a NumPy integer class index.
    _check_gradcam(gradcam, gradcam_models(1, "pool"),
                   rng.integers(0, 256, (12, 12, 3), dtype=np.uint8), np.int64(1),
                   "a pooling head, a uint8 photo")
    # Every position speaks for class 0 (the heatmap is > 0 everywhere), and against
    # class 3 (the heatmap is all 0 after the ReLU).
    models = gradcam_models(2, "positive")
    photo = rng.integers(0, 256, (12, 12, 3)).astype(np.float64)
    _check_gradcam(gradcam, models, photo, 0, "a class every position speaks for")
    _check_gradcam(gradcam, models, photo, 3, "a class every position speaks against")


q5_gradcam = Exercise(
    name="q5_gradcam",
    answer="gradcam",
    test=_test_gradcam,
    hints=[
        "x = tf.convert_to_tensor(np.asarray(image, np.float32)[np.newaxis]); then, inside "
        "`with tf.GradientTape() as tape:`, maps = to_maps(x), tape.watch(maps), probs = "
        "from_maps(maps), score = probs[:, class_index].",
        "grads = tape.gradient(score, maps); weights = tf.reduce_mean(grads, axis=(0, 1, 2)) "
        "(one per channel); heatmap = tf.reduce_sum(maps[0] * weights, axis=-1).",
        "heatmap = np.maximum(np.asarray(heatmap), 0); divide it by heatmap.max() when that "
        "is > 0; return it, shape (H, W).",
    ],
)


# ------------------------------------------------------------------ q6 cost of sorting


def _cost(p: np.ndarray, trash: np.ndarray, sent: np.ndarray, to_trash: float,
          to_recycling: float) -> float:
    return float(to_trash * np.sum(sent & ~trash) + to_recycling * np.sum(~sent & trash))


def _check_sorting(sorting_cost: Any, p: np.ndarray, trash: np.ndarray, threshold: float,
                   to_trash: float, to_recycling: float) -> None:
    what = (f"sorting_cost(p_trash, is_trash, threshold={threshold}, "
            f"cost_recyclable_in_trash={to_trash}, cost_trash_in_recycling={to_recycling})")
    given = (p.copy(), trash.copy())
    got = _number(call(sorting_cost, *given, threshold, to_trash, to_recycling), what,
                  "the total cost")
    if not (np.array_equal(given[0], p) and np.array_equal(given[1], trash)):
        fail(f"{what} changed the arrays it was given: leave p_trash and is_trash alone.")
    sent = p >= threshold
    expected = _cost(p, trash, sent, to_trash, to_recycling)
    if abs(got - expected) <= 1e-9 * max(1.0, abs(expected)):
        return
    wrong_items = int(np.sum(sent & ~trash)), int(np.sum(~sent & trash))
    said = (f"{what} should be {expected:g} for these {len(p)} items ({wrong_items[0]} "
            f"recyclable sent to trash, {wrong_items[1]} trash not sent); yours is {got:g}")
    at = int(np.sum(p == threshold))
    mistakes = [
        (_cost(p, trash, p > threshold, to_trash, to_recycling),
         f"{at} item(s) have a probability exactly at the threshold, {threshold}; they go to "
         "trash: the rule is p_trash >= threshold, not >."),
        (_cost(p, trash, sent, to_recycling, to_trash),
         "the two costs are swapped: cost_recyclable_in_trash is paid for each RECYCLABLE item "
         "sent to trash (a false alarm), cost_trash_in_recycling for each TRASH item that "
         "was not sent to trash (a miss)."),
        (expected / len(p),
         "that is the mean cost per item; return the total, the sum over all the items."),
        (_cost(p, trash, p < threshold, to_trash, to_recycling),
         "the threshold is applied the wrong way round: an item goes to trash when its "
         "probability of being trash is high, p_trash >= threshold."),
        (_cost(p, trash, p <= threshold, to_trash, to_recycling),
         "the threshold is applied the wrong way round: an item goes to trash when its "
         "probability of being trash is high, p_trash >= threshold."),
        (float(to_trash * np.sum(sent & trash) + to_recycling * np.sum(~sent & ~trash)),
         "you counted the items sorted correctly. Only mistakes cost: a recyclable item sent "
         "to trash, and a trash item not sent to trash."),
        (float(to_trash * np.sum(sent) + to_recycling * np.sum(~sent & trash)),
         "you counted every item sent to trash, trash included: the cost of sending an item "
         "to trash is paid only for the RECYCLABLE ones, (p_trash >= threshold) & ~is_trash."),
        (float(to_trash * np.sum(sent & ~trash) + to_recycling * np.sum(~sent)),
         "you counted every item not sent to trash, recyclables included: the cost of a miss "
         "is paid only for the TRASH items left out, (p_trash < threshold) & is_trash."),
        (float(np.sum(sent & ~trash) + np.sum(~sent & trash)),
         "you counted the mistakes without their costs: multiply each kind by its own cost."),
        (100 * expected / len(p), "that is a percentage of the items; return the total cost."),
    ]
    for value, why in mistakes:
        if abs(got - value) <= 1e-9 * max(1.0, abs(value)):
            fail(f"{said}: {why}")
    fail(f"{said}. An item goes to trash when p_trash >= threshold; the cost is "
         "cost_recyclable_in_trash x (recyclable items sent to trash) + "
         "cost_trash_in_recycling x (trash items not sent to trash).")


def _test_sorting_cost(sorting_cost: Any) -> None:
    # 7 trash items of 19; every wrong computation below gives another total on the first.
    p = np.array([0.9, 0.5, 0.5, 0.2, 0.7, 0.1, 0.5, 0.3, 0.65, 0.95, 0.45, 0.0, 1.0, 0.55,
                  0.35, 0.8, 0.6, 0.25, 0.15])
    trash = np.array([1, 1, 0, 0, 0, 1, 0, 1, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0], bool)
    _check_sorting(sorting_cost, p, trash, 0.5, 1.0, 5.0)  # three items exactly at 0.5
    _check_sorting(sorting_cost, p, trash, 0.35, 2.0, 0.5)
    _check_sorting(sorting_cost, p, trash, 0.65, 3.0, 7.0)
    _check_sorting(sorting_cost, p, trash, 0.0, 1.0, 10.0)  # everything goes to trash


q6_sorting_cost = Exercise(
    name="q6_sorting_cost",
    answer="sorting_cost",
    test=_test_sorting_cost,
    hints=[
        "sent = p_trash >= threshold: a boolean array, True for the items sent to trash "
        "(exactly at the threshold counts as sent).",
        "Recyclables sent to trash: np.sum(sent & ~is_trash); trash left out: "
        "np.sum(~sent & is_trash).",
        "Multiply each count by its own cost and add them; return the total (a float).",
    ],
)
