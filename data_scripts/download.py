"""Download and verify a full data set of the course.

    python data_scripts/download.py trashnet|cats_vs_dogs|petimages [--dest DIR] [--force]
                                    [--archive FILE]

Without --dest the data goes to the data home ($COURSE_DATA_HOME, else
~/course_data), where the lessons find it in full mode. Without network, download
the archive by hand on another machine and install it with --archive.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from helpers.data import DataError
from helpers.download import DATASETS, fetch, image_counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("name", choices=sorted(DATASETS), help="the data set")
    parser.add_argument("--dest", type=Path, help="the folder to fill (default: DATA_HOME/NAME)")
    parser.add_argument(
        "--force", action="store_true", help="download again even if a complete copy exists"
    )
    parser.add_argument(
        "--archive", type=Path, help="install this zip, downloaded by hand, instead of downloading"
    )
    args = parser.parse_args(argv)
    try:
        path = fetch(args.name, args.dest, force=args.force, archive=args.archive)
    except DataError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Interrupted: the download was cancelled and its files removed.", file=sys.stderr)
        return 130
    source = DATASETS[args.name]
    counts = image_counts(path, source)
    width = max(len(folder) for folder in [*counts, "total"])
    print(f"{source.title} is in {path}")
    for folder, count in counts.items():
        print(f"  {folder:<{width}}  {count:>6}")
    print(f"  {'total':<{width}}  {sum(counts.values()):>6}")
    print(f"Licence: {source.licence}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
