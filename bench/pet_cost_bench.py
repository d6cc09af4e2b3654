"""What each technique of module 08 costs against the plain computation: time and bytes, as ratios.

    .venv/bin/python bench/pet_cost_bench.py [--items 500] [--repeat 3]

Same tasks as the notebook, on synthetic tax references and counts (no course data needed):
- PSI (openmined.psi, cardinality and full intersection) against a Python set intersection;
- additive secret sharing by hand and MPyC (one process) against a plain sum;
- Paillier (phe, 2048-bit key) against a plain sum of counts;
- CKKS (tenseal, N = 8192) mean against numpy.
Bytes: what crosses between the parties (serialised messages, ciphertexts, shares) against the
plain values. Medians of `--repeat` runs; results go to bench/results/pet_costs.json (gitignored).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np

RESULTS = Path(__file__).resolve().parent / "results"
MODULUS = 2**61 - 1


def _timed(func, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        out = func()
        times.append(time.perf_counter() - start)
    return statistics.median(times), out


def _plain_seconds(func, inner=1000):
    start = time.perf_counter()
    for _ in range(inner):
        func()
    return (time.perf_counter() - start) / inner


def psi_cost(n, repeat):
    import private_set_intersection.python as psi

    client_items = [f"KT{100000 + 3 * k}A" for k in range(n)]
    server_items = [f"KT{100000 + 2 * k}A" for k in range(2 * n)]

    def run(reveal):
        c, s = psi.client.CreateWithNewKey(reveal), psi.server.CreateWithNewKey(reveal)
        setup = s.CreateSetupMessage(1e-9, len(client_items), server_items, psi.DataStructure.RAW)
        request = c.CreateRequest(client_items)
        response = s.ProcessRequest(request)
        size = len(c.GetIntersection(setup, response)) if reveal else c.GetIntersectionSize(setup, response)
        return size, sum(len(m.SerializeToString()) for m in (setup, request, response))

    plain = _plain_seconds(lambda: len(set(client_items) & set(server_items)), 100)
    plain_bytes = sum(len(x) for x in client_items + server_items)
    rows = []
    for reveal in (False, True):
        seconds, (size, sent) = _timed(lambda: run(reveal), repeat)
        assert size == len(set(client_items) & set(server_items))
        rows.append({"technique": f"PSI ({'intersection' if reveal else 'size only'}), {n}+{2 * n} items",
                     "seconds": seconds, "time_ratio": seconds / plain, "bytes": sent, "bytes_ratio": sent / plain_bytes})
    return rows


def sharing_cost(n, repeat):
    rng = np.random.default_rng(1)
    values = [int(v) for v in rng.integers(0, 10_000, n)]

    def run():
        shared = []
        for v in values:
            a, b = (int(x) for x in rng.integers(0, MODULUS, 2))
            shared.append([a, b, (v - a - b) % MODULUS])
        sums = [sum(row[p] for row in shared) % MODULUS for p in range(3)]
        return sum(sums) % MODULUS

    seconds, total = _timed(run, repeat)
    assert total == sum(values)
    plain = _plain_seconds(lambda: sum(values))
    return [{"technique": f"secret sharing by hand, {n} values", "seconds": seconds, "time_ratio": seconds / plain,
             "bytes": 3 * 8 * n, "bytes_ratio": 3.0}]


def mpyc_cost(n, repeat):
    kept = sys.argv
    sys.argv = [kept[0], "--no-log"]
    try:
        from mpyc.runtime import mpc
    finally:
        sys.argv = kept
    secint = mpc.SecInt(32)
    values = [int(v) for v in np.random.default_rng(2).integers(0, 10_000, n)]

    async def joint():
        await mpc.start()
        secure = [secint(v) for v in values]
        out = await mpc.output([mpc.sum(secure), mpc.max(secure)])
        await mpc.shutdown()
        return out

    seconds, (total, largest) = _timed(lambda: mpc.run(joint()), repeat)
    assert (total, largest) == (sum(values), max(values))
    plain = _plain_seconds(lambda: (sum(values), max(values)))
    return [{"technique": f"MPyC sum and max, one process, {n} values", "seconds": seconds,
             "time_ratio": seconds / plain, "bytes": None, "bytes_ratio": None}]


def paillier_cost(repeat):
    import phe

    public, private = phe.generate_paillier_keypair(n_length=2048)
    counts = [1836, 803, 788]

    def run():
        encrypted = [public.encrypt(c) for c in counts]
        return private.decrypt(sum(encrypted[1:], encrypted[0]))

    seconds, total = _timed(run, repeat)
    assert total == sum(counts)
    plain = _plain_seconds(lambda: sum(counts))
    cipher_bytes = (public.n ** 2).bit_length() // 8
    return [{"technique": "Paillier total of 3 counts (2048-bit key)", "seconds": seconds, "time_ratio": seconds / plain,
             "bytes": cipher_bytes * len(counts), "bytes_ratio": cipher_bytes / 8}]


def ckks_cost(n, repeat):
    import tenseal as ts

    context = ts.context(ts.SCHEME_TYPE.CKKS, poly_modulus_degree=8192, coeff_mod_bit_sizes=[60, 40, 40, 60])
    context.global_scale = 2**40
    context.generate_galois_keys()
    values = np.random.default_rng(3).integers(1, 30, n).astype(float)

    def run():
        vector = ts.ckks_vector(context, values.tolist())
        return (vector.sum() * (1.0 / n)).decrypt()[0], len(vector.serialize())

    seconds, (mean, sent) = _timed(run, repeat)
    plain = _plain_seconds(lambda: values.mean())
    return [{"technique": f"CKKS mean of {n} values (N = 8192)", "seconds": seconds, "time_ratio": seconds / plain,
             "bytes": sent, "bytes_ratio": sent / values.nbytes, "abs_error": abs(mean - values.mean())}]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=500, help="client items for PSI; values for sharing, MPyC")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    rows = (psi_cost(args.items, args.repeat) + sharing_cost(args.items, args.repeat)
            + mpyc_cost(args.items, args.repeat) + paillier_cost(args.repeat) + ckks_cost(2841, args.repeat))
    for r in rows:
        sent = "" if r["bytes"] is None else f"{r['bytes']:>10,} B  ×{r['bytes_ratio']:,.1f} bytes"
        print(f"{r['technique']:<48} {r['seconds']:8.3f} s  ×{r['time_ratio']:>12,.0f} time   {sent}")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "pet_costs.json").write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
