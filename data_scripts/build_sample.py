"""Build the TrashNet sample bundled with the helpers package (the offline default).

    python data_scripts/build_sample.py [--source DIR] [--per-class 40]

SOURCE is a full TrashNet copy (``<class>/<image>.jpg``); by default the one
``helpers.data.full_copy('trashnet')`` finds. Images are drawn with a fixed seed
from the official train and validation splits only (never the official test
split), downsized so the longest side is 256 px, re-encoded as JPEG quality 85,
and given the sample's own stratified split: 60 % train, 20 % val, 20 % test.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from pathlib import Path

from PIL import Image

from helpers.data import class_names, full_copy, list_files, read_image

TARGET = Path(__file__).resolve().parents[1] / "helpers" / "sample_data" / "trashnet"
LONGEST_SIDE = 256
NOTICE = """\
# TrashNet sample

A small sample of TrashNet, the garbage classification data set of this course,
bundled so that every lesson runs offline. {count} images, {per_class} per class,
downsized to a longest side of {side} px; drawn from the official train and
validation splits. The split files `train.txt`, `val.txt` and `test.txt` are the
sample's own stratified split, not TrashNet's official one.
Rebuilt by `python data_scripts/build_sample.py`.

Source: TrashNet, Gary Thung and Mindy Yang, "Classification of Trash for
Recyclability Status", Stanford CS 229 project, 2016.

MIT License

Copyright (c) 2017 Gary Thung

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
"""


def candidates(source: Path) -> dict[str, list[Path]]:
    """Images per class from the official train and val splits (or all, without split files)."""
    if (source / "train.txt").is_file():
        lists = [list_files(source, s) for s in ("train", "val") if (source / f"{s}.txt").is_file()]
    else:
        lists = [list_files(source)]
    per_class: dict[str, list[Path]] = {name: [] for name in class_names(source)}
    for files in lists:
        for path, label in zip(files.paths, files.labels, strict=True):
            per_class[files.class_names[label]].append(path)
    return per_class


def build(source: Path, per_class: int, seed: int = 0) -> int:
    rng = random.Random(seed)
    staging = TARGET.with_name(TARGET.name + ".building")
    shutil.rmtree(staging, ignore_errors=True)
    splits: dict[str, list[str]] = {"train": [], "val": [], "test": []}
    for name, paths in candidates(source).items():
        chosen = rng.sample(sorted(paths), min(per_class, len(paths)))
        n_val = n_test = len(chosen) // 5
        (staging / name).mkdir(parents=True)
        for i, path in enumerate(chosen):
            image = Image.fromarray(read_image(path))
            image.thumbnail((LONGEST_SIDE, LONGEST_SIDE), Image.Resampling.LANCZOS)
            image.save(staging / name / path.name, quality=85, optimize=True)
            split = "test" if i < n_test else "val" if i < n_test + n_val else "train"
            splits[split].append(f"{name}/{path.name}")
    for split, lines in splits.items():
        (staging / f"{split}.txt").write_text("\n".join(sorted(lines)) + "\n")
    count = sum(len(v) for v in splits.values())
    (staging / "README.md").write_text(
        NOTICE.format(count=count, per_class=per_class, side=LONGEST_SIDE)
    )
    shutil.rmtree(TARGET, ignore_errors=True)
    staging.rename(TARGET)
    return count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=None, help="a full TrashNet copy")
    parser.add_argument("--per-class", type=int, default=40)
    args = parser.parse_args()
    source = args.source or full_copy("trashnet")
    if source is None or not source.is_dir():
        print("No full TrashNet copy: pass --source DIR or download it first.", file=sys.stderr)
        return 1
    count = build(source, args.per_class)
    size = sum(p.stat().st_size for p in TARGET.rglob("*") if p.is_file())
    print(f"Wrote {count} images ({size / 1e6:.1f} MB) to {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
