"""Flower's deployment runtime for module 07's federation: time, processes and memory.

    python bench/flower_bench.py [--rounds 3] [--bin DIR]

Needs `flwr` (1.42) importable and its commands (flower-superlink, flower-supernode, flwr) in
--bin (default: beside this Python). The course environment does not carry it (see
modules/07-federated-learning/README.md); to measure without touching it:
`pip install --target /tmp/flwr-site flwr==1.42.0`, then
`PYTHONPATH=/tmp/flwr-site python bench/flower_bench.py --bin /tmp/flwr-site/bin`.

Starts one flower-superlink and three flower-supernode processes on 127.0.0.1 (insecure, no
runtime dependency installation, no Ray), writes a small Flower app (scikit-learn SGD logistic
regression, FedAvg), runs `flwr run --stream`, samples the summed RSS of every process below the
launcher, and kills every process it saw however it ends.

Measured 2026-11-29 on the course machine (2 shared cores, load ~10): 11 processes, ~2.4 GB summed
RSS at peak, and 3 rounds not finished after 150 s — against the 60 s / 600 MiB notebook budget.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CLIENT = '''
import warnings
import numpy as np
from flwr.app import ArrayRecord, Context, Message, MetricRecord, RecordDict
from flwr.clientapp import ClientApp
from sklearn.linear_model import SGDClassifier

app = ClientApp()

@app.train()
def train(msg: Message, context: Context):
    data = np.load(context.node_config["data-path"])
    w = msg.content["arrays"].to_numpy_ndarrays()[0]
    model = SGDClassifier(loss="log_loss", alpha=1e-3, learning_rate="constant", eta0=0.05, max_iter=2, tol=None)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model.fit(data["X"], data["y"], coef_init=w[:-1].reshape(1, -1).copy(), intercept_init=w[-1:].copy())
    new = np.append(model.coef_.ravel(), model.intercept_)
    return Message(RecordDict({"arrays": ArrayRecord([new]), "metrics": MetricRecord({"num-examples": len(data["y"])})}),
                   reply_to=msg)
'''

SERVER = '''
import numpy as np
from flwr.app import ArrayRecord, Context
from flwr.serverapp import Grid, ServerApp
from flwr.serverapp.strategy import FedAvg

app = ServerApp()

@app.main()
def main(grid: Grid, context: Context) -> None:
    cfg = context.run_config
    result = FedAvg(fraction_evaluate=0.0, min_train_nodes=3, min_available_nodes=3).start(
        grid=grid, initial_arrays=ArrayRecord([np.zeros(int(cfg["dim"]))]), num_rounds=int(cfg["num-server-rounds"]))
    np.save(cfg["out-path"], result.arrays.to_numpy_ndarrays()[0])
'''

PYPROJECT = '''[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"

[project]
name = "kestria-fl"
version = "1.0.0"
dependencies = ["flwr>=1.42"]

[tool.hatch.build.targets.wheel]
packages = ["."]

[tool.flwr.app]
publisher = "academy"

[tool.flwr.app.components]
serverapp = "kestria_fl.server_app:app"
clientapp = "kestria_fl.client_app:app"

[tool.flwr.app.config]
num-server-rounds = {rounds}
dim = 13
out-path = "{out}"
'''


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def descendants(root: int) -> dict[int, int]:
    """{pid: RSS in kB} of ``root`` and every process below it (read from /proc)."""
    parent, rss = {}, {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            pid = int(stat.parent.name)
            parent[pid] = int(fields[1])  # field 4 of stat: ppid
            rss[pid] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE") // 1024  # field 24: rss pages
        except (OSError, IndexError, ValueError):
            continue
    found, todo = {}, [root]
    while todo:
        pid = todo.pop()
        if pid in rss and pid not in found:
            found[pid] = rss[pid]
            todo += [child for child, up in parent.items() if up == pid]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--bin", default=str(Path(sys.executable).parent))
    parser.add_argument("--timeout", type=float, default=300)
    args = parser.parse_args()
    bindir = Path(args.bin)
    work = Path(tempfile.mkdtemp(prefix="flower-bench-"))
    app = work / "app"
    (app / "kestria_fl").mkdir(parents=True)
    (app / "kestria_fl" / "__init__.py").write_text("")
    (app / "kestria_fl" / "client_app.py").write_text(CLIENT)
    (app / "kestria_fl" / "server_app.py").write_text(SERVER)
    (app / "pyproject.toml").write_text(PYPROJECT.format(rounds=args.rounds, out=work / "model.npy"))
    import numpy as np
    g = np.random.default_rng(0)
    for i in range(3):
        X = g.normal(size=(600, 12))
        np.savez(work / f"part{i}.npz", X=X, y=(X[:, 0] + g.normal(size=600) > 0).astype(int))
    port = free_port()
    home = work / "home"
    home.mkdir()
    (home / "config.toml").write_text(f'[superlink]\ndefault = "bench"\n\n[superlink.bench]\naddress = "127.0.0.1:{port}"\ninsecure = true\n')
    env = dict(os.environ, FLWR_HOME=str(home), PATH=f"{bindir}:{os.environ['PATH']}")
    nodes = " ".join(
        f"flower-supernode --insecure --superlink 127.0.0.1:{port} --port {free_port()} "
        f"--node-config 'data-path=\"{work / f'part{i}.npz'}\"' >/dev/null 2>&1 &" for i in range(3))
    script = (f"flower-superlink --insecure --port {port} --disable-runtime-dependency-installation >/dev/null 2>&1 &\n"
              f"{nodes}\n"
              f"until (echo > /dev/tcp/127.0.0.1/{port}) 2>/dev/null; do sleep 0.5; done\n"
              f"cd {app} && flwr run . bench --stream >/dev/null 2>&1\n")
    # One new session and process group for everything; every process seen is also killed by pid.
    leader = subprocess.Popen(["bash", "-c", script], env=env, cwd=work, start_new_session=True)
    started = time.perf_counter()
    peak_count = peak_kb = 0
    seen: set[int] = set()
    try:
        while leader.poll() is None and time.perf_counter() - started < args.timeout:
            tree = descendants(leader.pid)
            seen |= set(tree)
            if sum(tree.values()) > peak_kb:
                peak_count, peak_kb = len(tree), sum(tree.values())
            time.sleep(0.5)
        finished = (work / "model.npy").exists()
    finally:
        seen |= set(descendants(leader.pid))
        for pid in seen:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        leader.wait()
    seconds = time.perf_counter() - started
    print(f"rounds {args.rounds}: {'finished' if finished else 'NOT finished'} after {seconds:.0f} s; "
          f"peak {peak_count} processes, {peak_kb / 1024:.0f} MiB summed RSS")


if __name__ == "__main__":
    main()
