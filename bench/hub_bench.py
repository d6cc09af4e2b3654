"""The course on JupyterHub, measured on this machine (hub/harness.py, loopback only, root):

- learner-server start time on the hub (POST /hub/api/users/NAME/server until ready);
- memory per idle learner server, and per learner server running module 06 (its reference
  answers, run by nbgrader's validate endpoint in a kernel of that server, sampled every 0.2 s):
  proportional set size (PSS) summed over every process of the learner's Unix account;
- how many learner servers fit in this machine's memory at that size;
- grading time for SUBMISSIONS submissions on one grader (`academy autograde --jobs 2`) against
  two grader processes (`--shard 1/2` and `--shard 2/2`, `--jobs 1` each) sharing one
  PostgreSQL gradebook on loopback. On this one 2-core machine both use the same two cores:
  the comparison shows what sharding costs, not what a second host gains.

Writes bench/results/hub-<time>.json and prints it, with the machine's load.

    .venv/bin/python bench/hub_bench.py [--learners 4] [--submissions 40] [--module 01]
"""

from __future__ import annotations

import argparse
import json
import os
import pwd
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hub"))
import harness as H  # noqa: E402

MIB = 1024 * 1024


def pss_of_account(name: str) -> int:
    """Bytes of proportional set size over every process of a Unix account."""
    uid = pwd.getpwnam(name).pw_uid
    total = 0
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit() and H._uid_of(proc) == uid:
            try:
                for line in (proc / "smaps_rollup").read_text().splitlines():
                    if line.startswith("Pss:"):
                        total += int(line.split()[1]) * 1024
            except OSError:
                pass
    return total


def peak_while(name: str, work) -> tuple[int, object]:
    """(peak PSS of the account while ``work()`` runs, its result)."""
    peak, done, result = [0], threading.Event(), {}

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], pss_of_account(name))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample)
    sampler.start()
    try:
        result["value"] = work()
    finally:
        done.set()
        sampler.join()
    return peak[0], result.get("value")


def module_06_in_a_learner_server(hub: H.Deployment, name: str) -> tuple[int, float]:
    """Put module 06 with its reference answers in the learner's home and validate it there."""
    module = "06-differential-privacy"
    released = json.loads(next((ROOT / "modules" / module).glob("*.ipynb")).read_text())
    token = hub.hub.token_for(name)
    base = f"{hub.hub.url}/user/{name}"
    H.http("PUT", f"{base}/api/contents/{module}", token, {"type": "directory"})
    path = f"{module}/{module}.ipynb"
    status, _ = H.http("PUT", f"{base}/api/contents/{path}", token,
                       {"type": "notebook", "format": "json", "content": H.answered(module, released)})
    assert status in (200, 201), status
    started = time.monotonic()
    peak, (status, body) = peak_while(name, lambda: H.http("POST", f"{base}/assignments/validate", token, {"path": path}, timeout=900))
    assert status == 200 and json.loads(body)["success"], body[:500]
    return peak, time.monotonic() - started


def grading(hub: H.Deployment, module: str, count: int) -> dict:
    """Seconds to grade ``count`` submissions: one process, then two --shard processes."""
    out = {}
    for label, shards in (("one_grader_jobs2", [None]), ("two_shard_graders_jobs1", [(1, 2), (2, 2)])):
        env = hub.grading_course(label, module, {})
        top = Path(env["ACADEMY_REPO"])
        hub.academy("release", module, env=env)
        released = json.loads(next((top / "course" / "release" / module).glob("*.ipynb")).read_text())
        for i in range(count):
            folder = top / "course" / "submitted" / f"learner-{i:03d}" / module
            folder.mkdir(parents=True)
            nb = H.answered(module, json.loads(json.dumps(released)))
            (folder / f"{module}.ipynb").write_text(json.dumps(nb))
        started = time.monotonic()
        procs = [subprocess.Popen([str(hub.env_dir / "bin" / "academy"), "autograde", module, "--jobs", "2" if s is None else "1",
                                   *([] if s is None else ["--shard", f"{s[0]}/{s[1]}"])],
                                  env=env, cwd=top, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                  start_new_session=True) for s in shards]
        logs = [p.communicate()[0] for p in procs]
        seconds = time.monotonic() - started
        assert all(p.returncode == 0 for p in procs), "\n".join(log[-2000:] for log in logs)
        hub.academy("grades", "--csv", str(top / "grades.csv"), module, env=env)
        graded = sum(1 for line in (top / "grades.csv").read_text().splitlines()[1:] if ",graded," in line)
        out[label] = {"seconds": round(seconds, 1), "per_submission_s": round(seconds / count, 2), "graded": graded}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=4)
    parser.add_argument("--submissions", type=int, default=40)
    parser.add_argument("--module", default="01-data-ecosystems", help="module graded in the grading part")
    parser.add_argument("--skip-grading", action="store_true")
    args = parser.parse_args(argv)

    learners = [f"{H.PREFIX}l{i:02d}" for i in range(args.learners)]
    hub = H.Deployment(learners, [], [args.module])
    result = {"load_before": os.getloadavg(), "cores": os.cpu_count()}
    try:
        hub.open()
        result.update(hub.timings)
        starts, idle = [], []
        for name in learners:
            starts.append(hub.hub.start_server(name))
        time.sleep(5)  # let every server settle after its first requests
        idle = [pss_of_account(name) for name in learners]
        peak, run_s = module_06_in_a_learner_server(hub, learners[0])
        mem_total = int(next(l for l in Path("/proc/meminfo").read_text().splitlines() if l.startswith("MemTotal")).split()[1]) * 1024
        reserve = 2 * 1024 * MIB  # the system, the hub, the proxy and a margin
        result.update({
            "learner_server_start_s": {"median": round(statistics.median(starts), 1), "min": round(min(starts), 1),
                                       "max": round(max(starts), 1), "n": len(starts)},
            "idle_learner_server_pss_mib": round(statistics.median(idle) / MIB),
            "module06_learner_server_peak_pss_mib": round(peak / MIB),
            "module06_validate_s": round(run_s, 1),
            "memory_total_gib": round(mem_total / 1024 / MIB, 1),
            "servers_fit_idle": int((mem_total - reserve) // statistics.median(idle)),
            "servers_fit_running_module06": int((mem_total - reserve) // peak),
        })
        for name in learners:
            hub.hub.stop_server(name)
        if not args.skip_grading:
            result["grading"] = {"module": args.module, "submissions": args.submissions,
                                 **grading(hub, args.module, args.submissions)}
    finally:
        hub.close()
    result["load_after"] = os.getloadavg()
    out = ROOT / "bench" / "results" / f"hub-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
