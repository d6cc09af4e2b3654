"""The ``academy`` command: datasets for everyone; release, validate and grading for instructors."""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path


def _datasets(args) -> int:
    from academy import data

    if args.action == "list":
        for name, title in data.list_datasets():
            print(f"{name}\t{title}")
        return 0
    if args.action == "verify":
        bad = 0
        for name, _ in data.list_datasets():
            try:
                frame = data.load(name)
                print(f"ok      {name} ({len(frame)} rows)")
            except data.DatasetError as error:
                bad += 1
                print(f"FAILED  {name}: {error}")
        return 1 if bad else 0
    # build: the generator lives in the checkout's datasets/ folder, not in the package.
    from academy import paths

    script = paths.require_repo() / "datasets" / "build.py"
    spec = importlib.util.spec_from_file_location("academy_datasets_build", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    forwarded = []
    if args.out:
        forwarded += ["--out", args.out]
    if args.people:
        forwarded += ["--people", str(args.people)]
    if args.seed is not None:
        forwarded += ["--seed", str(args.seed)]
    return module.main(forwarded)


def _release(args) -> int:
    from autograder import course, release

    release.release(course.resolve(args.modules))
    return 0


def _validate(args) -> int:
    from autograder import course, validate

    return 0 if validate.validate(course.resolve(args.modules)) else 1


def _autograde(args) -> int:
    from autograder import autograde, course

    left_out = []
    for module in course.resolve([args.module]):
        rows = autograde.autograde(module, jobs=args.jobs, trusted=args.trusted, shard=args.shard)
        left_out += [f"{r['student_id']} ({module}): {r['status']}: {r['detail']}" for r in rows
                     if r["status"] in autograde.LEFT_OUT]
    if left_out:
        print("Not graded (fix and run again):\n  " + "\n  ".join(left_out), file=sys.stderr)
    return 1 if left_out else 0


def _shard(text: str) -> tuple[int, int]:
    try:
        k, n = (int(part) for part in text.split("/"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not K/N, e.g. 1/3") from None
    if not 1 <= k <= n:
        raise argparse.ArgumentTypeError(f"{text!r}: K must be between 1 and N")
    return k, n


def _collect(args) -> int:
    from autograder import course

    for module in course.resolve([args.module]):
        result = course.nbgrader("collect", module, "--update", check=False, quiet=True)
        print((result.stdout + result.stderr).strip()[-2000:] or f"collected {module}")
        if result.returncode != 0:
            return result.returncode
    return 0


def _feedback(args) -> int:
    from autograder import course, feedback

    missing = []
    for module in course.resolve([args.module]):
        missing += [f"{student} ({module})" for student in feedback.generate(module)]
    if missing:
        print("No feedback (not graded; see `academy autograde`): " + ", ".join(missing), file=sys.stderr)
    return 1 if missing else 0


def _grades(args) -> int:
    from autograder import course, gradebook

    modules = course.resolve(args.modules) if args.modules else None
    count = gradebook.export_csv(Path(args.csv), modules)
    print(f"wrote {count} row(s) to {args.csv}")
    return 0


def _workspace(args) -> int:
    from academy import workspace
    from autograder import course, release

    # Only modules whose source changed are released again (keyed on content): a warm start is quick.
    for line in workspace.prepare(Path(args.dir).resolve(), course.root(), course.modules(), release.release):
        print(line)
    print(f"workspace ready: {Path(args.dir).resolve()}")
    return 0


def _clean(args) -> int:
    from autograder import course, notebooks

    paths = [Path(p) for p in args.notebooks] or [
        nb for m in course.modules() for nb in course.source_notebooks(m)
    ]
    for path in paths:
        if not notebooks.is_clean(path):
            notebooks.write(notebooks.clean(notebooks.read(path)), path)
            print(f"cleaned {path}")
    return 0


def _fingerprints(args) -> int:
    from autograder.fingerprints import generate

    return generate.main(args.modules, check=args.check)


def _exercise(args) -> int:
    from autograder.fingerprints import locate

    return locate.main(args.module, args.number)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="academy", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    ds = sub.add_parser("datasets", help="list, build or verify the course datasets")
    ds.add_argument("action", choices=["list", "build", "verify"])
    ds.add_argument("--out", help="build: folder to write into (default: the checkout's datasets/)")
    ds.add_argument("--people", type=int, help="build: size of the synthetic population")
    ds.add_argument("--seed", type=int, help="build: random seed")
    ds.set_defaults(run=_datasets)

    rel = sub.add_parser("release", help="write student versions to course/release/")
    rel.add_argument("modules", nargs="*", help="module ids or numbers (default: all)")
    rel.set_defaults(run=_release)

    val = sub.add_parser("validate", help="sources pass their tests, released stubs fail them")
    val.add_argument("modules", nargs="*")
    val.set_defaults(run=_validate)

    co = sub.add_parser("collect", help="collect submissions from the nbgrader exchange (nbgrader collect)")
    co.add_argument("module")
    co.set_defaults(run=_collect)

    ag = sub.add_parser("autograde", help="grade course/submitted/<student>/<module>/ in sandboxes, in parallel")
    ag.add_argument("module")
    ag.add_argument("--jobs", type=int, default=None, help="parallel sandboxes (default: number of cores)")
    ag.add_argument("--shard", type=_shard, metavar="K/N",
                    help="grade only shard K of N: students split by a stable hash of their id, so N "
                         "grader hosts sharing one gradebook (ACADEMY_DB_URL) each run --shard 1/N ... N/N "
                         "and every student is graded exactly once")
    ag.add_argument("--trusted", action="store_true",
                    help="grade WITHOUT a sandbox (only for code you trust, e.g. where bubblewrap is missing)")
    ag.set_defaults(run=_autograde)

    fb = sub.add_parser("feedback", help="write feedback that does not reveal hidden tests")
    fb.add_argument("module")
    fb.set_defaults(run=_feedback)

    gr = sub.add_parser("grades", help="export grades, one row per student and module (with submitted_at, late_seconds, late_penalty)")
    gr.add_argument("--csv", required=True, help="output CSV path")
    gr.add_argument("modules", nargs="*")
    gr.set_defaults(run=_grades)

    ws = sub.add_parser("workspace", help="copy released modules into a learner workspace")
    ws.add_argument("--dir", default="workspace")
    ws.set_defaults(run=_workspace)

    cl = sub.add_parser("clean", help="strip outputs and normalise metadata of source notebooks")
    cl.add_argument("notebooks", nargs="*")
    cl.set_defaults(run=_clean)

    fp = sub.add_parser("fingerprints", help="regenerate academy/exercises/mNN/fingerprints.json from the source notebooks")
    fp.add_argument("modules", nargs="*", help="module ids or numbers (default: all converted modules)")
    fp.add_argument("--check", action="store_true", help="write nothing; exit 1 naming each exercise and check that drifted")
    fp.set_defaults(run=_fingerprints)

    wh = sub.add_parser("exercise", help="where an exercise's prompt, check, hints, hidden test and fixtures live")
    wh.add_argument("module", help="module id or number, e.g. 06")
    wh.add_argument("number", type=int, help="exercise number, e.g. 3")
    wh.set_defaults(run=_exercise)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from academy.data import DatasetError

    try:  # instructor verbs live in `autograder`, which a learner's image need not have
        from autograder.notebooks import BrokenNotebook
    except ImportError:
        BrokenNotebook = DatasetError
    try:
        return int(args.run(args) or 0)
    except (DatasetError, BrokenNotebook) as error:
        print(f"academy: {error}", file=sys.stderr)
        return 2
    except ModuleNotFoundError as error:
        if (error.name or "").split(".")[0] != "autograder":
            raise
        print(f"academy {args.command}: an instructor command; it needs the course's `autograder` "
              "package (pip install -e . in the repository).", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
