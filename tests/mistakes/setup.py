"""Recorded wrong answers of 00_setup: each must lose its exercise's points."""

MISTAKES = {
    "q1_count_images": [
        {
            "why": "counts every file, not only images",
            "code": '''def count_images(root):
    """Number of image files in each class folder of `root`."""
    root = Path(root)
    return {d.name: len(list(d.iterdir())) for d in root.iterdir()
            if d.is_dir() and not d.name.startswith(".")}
''',
        },
        {
            "why": "keeps hidden folders such as .ipynb_checkpoints as a class",
            "code": '''def count_images(root):
    """Number of image files in each class folder of `root`."""
    root = Path(root)
    return {d.name: sum(p.suffix.lower() in {".jpg", ".jpeg", ".png"} for p in d.iterdir())
            for d in root.iterdir() if d.is_dir()}
''',
        },
        {
            "why": "matches suffixes case-sensitively and misses .JPG and .jpeg",
            "code": '''def count_images(root):
    """Number of image files in each class folder of `root`."""
    root = Path(root)
    return {d.name: len(list(d.glob("*.jpg"))) + len(list(d.glob("*.png")))
            for d in root.iterdir() if d.is_dir() and not d.name.startswith(".")}
''',
        },
    ],
    "q2_batches_per_epoch": [
        {
            "why": "integer division drops the last, smaller batch",
            "code": '''def batches_per_epoch(n_images, batch_size):
    """Number of batches in one epoch."""
    return n_images // batch_size
''',
        },
        {
            "why": "rounds to the nearest instead of up",
            "code": '''def batches_per_epoch(n_images, batch_size):
    """Number of batches in one epoch."""
    return round(n_images / batch_size)
''',
        },
        {
            "why": "returns a float",
            "code": '''def batches_per_epoch(n_images, batch_size):
    """Number of batches in one epoch."""
    return n_images / batch_size
''',
        },
    ],
}
