#!/usr/bin/env python3
"""Study storage throughput: `coursekit bench tuner --storage URL --workers N --json` beside Optuna 3.1's storages.

Usage (from the repository root, after building; needs Debian's python3-optuna, python3-psycopg2, python3-sqlalchemy
and postgresql, see bench/README.md):
    /usr/bin/python3 bench/compare_storage.py [--postgres URL] [--workers 1 2 8] [--trials 400] [--markdown]

Both sides run the same thing: N workers share one new study, each asks for trials with a random sampler and
evaluates x^2 + y^2 of two floats in [-1, 1] until the study has --trials trials. Optuna's workers are processes
(multiprocessing, each with its own RDBStorage, as on several hosts) for SQLite and PostgreSQL, and threads
(study.optimize(n_jobs=N)) in memory; CourseKit's are processes and threads the same way. The clock starts when every
worker has loaded the study and stops when the last one finishes. Without --postgres the script starts a throwaway
cluster with scripts/postgres.sh (--durable: fsync on, as a real server) and stops it at the end; Optuna's tables go
in the database's public schema, CourseKit's in the schema coursekit_studies, so both share the one database.
Target (issue 15): CourseKit >= Optuna at 1, 2 and 8 workers on PostgreSQL.
"""
import argparse
import json
import multiprocessing
import os
import subprocess
import sys
import tempfile
import time
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COURSEKIT = ["dotnet", os.path.join(ROOT, "src", "CourseKit.Cli", "bin", "Release", "net10.0", "coursekit.dll")]


def objective(trial):
    x, y = trial.suggest_float("x", -1, 1), trial.suggest_float("y", -1, 1)
    return x * x + y * y


def optuna_worker(url, name, trials, barrier, ends):
    import optuna
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    study = optuna.load_study(study_name=name, storage=optuna.storages.RDBStorage(url), sampler=optuna.samplers.RandomSampler())
    barrier.wait()
    study.optimize(objective, n_trials=trials)
    ends.put(time.perf_counter())  # CLOCK_MONOTONIC: comparable across processes on Linux


def optuna_run(url, workers, trials):
    import optuna
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    name = "bench-throughput-" + uuid.uuid4().hex[:8]
    if url == "memory":
        study = optuna.create_study(study_name=name, sampler=optuna.samplers.RandomSampler())
        start = time.perf_counter()
        study.optimize(objective, n_trials=trials, n_jobs=workers)
        return time.perf_counter() - start
    storage = optuna.storages.RDBStorage(url)
    optuna.create_study(study_name=name, storage=storage)
    barrier, ends = multiprocessing.Barrier(workers + 1), multiprocessing.Queue()
    shares = [trials // workers + (1 if w < trials % workers else 0) for w in range(workers)]
    processes = [multiprocessing.Process(target=optuna_worker, args=(url, name, n, barrier, ends)) for n in shares]
    for p in processes:
        p.start()
    barrier.wait()
    start = time.perf_counter()
    finished = [ends.get(timeout=3600) for _ in processes]
    for p in processes:
        p.join()
    optuna.delete_study(study_name=name, storage=storage)
    return max(finished) - start


def coursekit_run(url, workers, trials):
    out = subprocess.run(COURSEKIT + ["bench", "tuner", "--storage", url, "--workers", str(workers), "--trials", str(trials), "--json"],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)["seconds"]


def start_postgres():
    folder = tempfile.mkdtemp(prefix="coursekit-bench-pg-")
    url = subprocess.run([os.path.join(ROOT, "scripts", "postgres.sh"), "start", folder, "--durable"], check=True, capture_output=True, text=True).stdout.strip()
    return folder, url


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--postgres", help="postgresql://user:password@host:port/db (default: a throwaway cluster)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 8])
    parser.add_argument("--trials", type=int, default=400)
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args()
    folder, pg = (None, args.postgres) if args.postgres else start_postgres()
    scratch = tempfile.mkdtemp(prefix="coursekit-bench-")
    rows = []
    try:
        for workers in args.workers:
            for kind in ["memory", "sqlite", "postgresql"]:
                ck_url = {"memory": "memory", "sqlite": "sqlite:///" + os.path.join(scratch, "coursekit.db"), "postgresql": pg}[kind]
                op_url = {"memory": "memory", "sqlite": "sqlite:///" + os.path.join(scratch, "optuna.db"),
                          "postgresql": pg.replace("postgresql://", "postgresql+psycopg2://", 1)}[kind]
                ck = args.trials / coursekit_run(ck_url, workers, args.trials)
                op = args.trials / optuna_run(op_url, workers, args.trials)
                rows.append({"storage": kind, "workers": workers, "coursekit_trials_per_s": round(ck, 1), "optuna_trials_per_s": round(op, 1),
                             "ratio": round(ck / op, 2)})
                print(f"  {kind:<10} {workers} workers: CourseKit {ck:8.1f} trials/s, Optuna {op:8.1f} trials/s ({ck / op:.2f}x)", file=sys.stderr)
    finally:
        if folder:
            subprocess.run([os.path.join(ROOT, "scripts", "postgres.sh"), "stop", folder], check=False)
    if args.markdown:
        print(f"| storage | workers | CourseKit trials/s | Optuna 3.1 trials/s | ratio |\n|---|---:|---:|---:|---:|")
        for r in rows:
            print(f"| {r['storage']} | {r['workers']} | {r['coursekit_trials_per_s']} | {r['optuna_trials_per_s']} | {r['ratio']} |")
    else:
        print(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
