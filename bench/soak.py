#!/usr/bin/env python3
"""asyncio-learn soak: minutes of mixed traffic with clients that hang up mid-request, then a check that nothing leaked.

    bench/soak.py                 # 3 minutes of load, about 5 minutes in all
    bench/soak.py --minutes 10
    bench/soak.py --smoke         # 10 seconds, to check the script still works

Starts the service jar (built by `./mvnw package -DskipTests`, or by bench/run.py) on its own embedded PostgreSQL,
warms it up, takes a baseline, then runs `--clients` asyncio clients that call every endpoint at random; a quarter
of the requests are abandoned after a random 0-300 ms (the socket is closed, like a user closing a tab). Afterwards
it checks that DB permits, waiting callers, R2DBC connections in use, offloaded blocking calls and pending tasks
are back to zero, and that the heap after a full GC is within 10% (or 16 MB) of the baseline. Writes
bench/results/soak.md and exits 1 when a check fails. Traffic goes to 127.0.0.1 only; the service is stopped by PID.
"""
import argparse
import asyncio
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

import run as bench

# (method, path, body): every endpoint family, with parameters small enough to finish in about a second.
REQUESTS = [
    ("GET", "/api/offload/io?delayMs=200", None),
    ("GET", "/api/offload/file?name=1MiB.bin&latencyMs=50", None),
    ("GET", "/api/offload/mixed?delayMs=100&name=1MiB.bin&latencyMs=50", None),
    ("GET", "/api/offload/long-task?workMs=600&tickMs=100", None),
    ("GET", "/api/offload/files", None),
    ("GET", "/api/coroutines/await", None),
    ("GET", "/api/coroutines/lazy", None),
    ("GET", "/api/coroutines/scale?count=2000&delayMs=200", None),
    ("GET", "/api/coroutines/scale-threads?count=50&delayMs=200", None),
    ("GET", "/api/tasks/interleave?steps=3", None),
    ("POST", "/api/tasks", {"name": "soak", "durationMs": 800}),
    ("GET", "/api/tasks", None),
    ("GET", "/api/collections/gather?count=5&delayMs=200&failAt=2&returnExceptions=true", None),
    ("GET", "/api/collections/wait?returnWhen=FIRST_COMPLETED&count=3&delayMs=300", None),
    ("GET", "/api/collections/wait-for?delayMs=500&timeoutMs=100", None),
    ("GET", "/api/collections/as-completed?count=3&delayMs=300", None),
    ("GET", "/api/streams/iterator?count=5&delayMs=100", None),
    ("GET", "/api/streams/generator?count=5&delayMs=100", None),
    ("GET", "/api/streams/context-manager?failInside=true", None),
    ("GET", "/api/sync/queue?kind=PRIORITY&maxsize=3&producers=3&consumers=2&items=30", None),
    ("GET", "/api/sync/lock?workers=20&useLock=true", None),
    ("GET", "/api/sync/semaphore?workers=20&permits=5&holdMs=50", None),
    ("GET", "/api/sync/event?waiters=5&setAfterMs=200", None),
    ("GET", "/api/db/gate", None),
    ("GET", "/api/db/connection", None),
    ("GET", "/api/db/records?limit=5", None),
    ("POST", "/api/db/records", {"payload": "soak"}),
    ("POST", "/api/db/semaphore?callers=20&permits=5&queryMs=50", None),
    ("GET", "/api/ping", None),
]

# Gauges that must read zero when no request is in flight.
IDLE_GAUGES = ["asyncio.db.permits.held", "asyncio.db.permits.waiting", "asyncio.db.gate.waiting",
               "r2dbc.pool.acquired", "r2dbc.pool.pending", "asyncio.offload.blocking.running",
               "asyncio.offload.blocking.queued",
               "asyncio.tasks.pending"]


async def call(port, method, path, body, hang_up_after):
    """One request on a fresh connection; answers the status, or 'hung up' when the client abandons it."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        payload = json.dumps(body).encode() if body is not None else b""
        head = (f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                f"Content-Type: application/json\r\nContent-Length: {len(payload)}\r\n\r\n")
        writer.write(head.encode() + payload)
        await writer.drain()
        if hang_up_after is not None:
            await asyncio.sleep(hang_up_after)
            return "hung up"
        response = await asyncio.wait_for(reader.read(), timeout=30)
        return response.split(b" ", 2)[1].decode() if response.startswith(b"HTTP/1.1") else "no answer"
    finally:
        writer.close()


async def client(port, deadline, tally, rng):
    while time.monotonic() < deadline:
        method, path, body = rng.choice(REQUESTS)
        hang_up_after = rng.uniform(0, 0.3) if rng.random() < 0.25 else None
        try:
            outcome = await call(port, method, path, body, hang_up_after)
        except (OSError, asyncio.TimeoutError) as error:
            outcome = type(error).__name__
        key = f"{method} {path.split('?')[0]} -> {outcome}"
        tally[key] = tally.get(key, 0) + 1


async def load(port, seconds, clients, seed):
    tally, rng = {}, random.Random(seed)
    deadline = time.monotonic() + seconds
    await asyncio.gather(*(client(port, deadline, tally, random.Random(rng.random())) for _ in range(clients)))
    return tally


def metric(server, name, tag=None):
    url = server.url(f"/actuator/metrics/{name}" + (f"?tag={tag}" if tag else ""))
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.load(response)["measurements"][0]["value"]


def heap_after_gc_mb(server):
    """The smallest used heap over three full GCs, so a GC that runs late does not look like growth."""
    values = []
    for _ in range(3):
        subprocess.run(["jcmd", str(server.process.pid), "GC.run"], check=True, capture_output=True)
        time.sleep(1)
        values.append(metric(server, "jvm.memory.used", "area:heap") / 2**20)
    return min(values)


def settle(server, timeout=30):
    """Waits until every idle gauge reads zero; answers the last readings."""
    began = time.monotonic()
    while True:
        readings = {name: metric(server, name) for name in IDLE_GAUGES}
        if all(value == 0 for value in readings.values()) or time.monotonic() - began > timeout:
            return readings
        time.sleep(1)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=3)
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--smoke", action="store_true")
    args = parser.parse_args()
    seconds = 10 if args.smoke else int(args.minutes * 60)
    warmup = 5 if args.smoke else 30
    jar = next((bench.ROOT / "target").glob("asyncio-learn-*.jar"), None)
    if jar is None:
        bench.sh([str(bench.ROOT / "mvnw"), "-B", "-q", "package", "-DskipTests"], cwd=bench.ROOT)
        jar = next((bench.ROOT / "target").glob("asyncio-learn-*.jar"))
    (bench.RESULTS / "raw").mkdir(parents=True, exist_ok=True)
    workdir = tempfile.mkdtemp(prefix="asyncio-learn-soak-")
    server = bench.Server("soak", [bench.JAVA, "-jar", str(jar), "--server.port=18090",
                                   "--asyncio-learn.database.table-creation-delay=0s",
                                   "--logging.level.dev.asynciolearn.requests=warn",
                                   f"--asyncio-learn.embedded-postgres.data-directory={workdir}/postgres",
                                   f"--asyncio-learn.offload.data-directory={workdir}/files"],
                          18090, "/actuator/health/readiness")
    try:
        server.start()
        bench.log(f"warm up {warmup} s")
        asyncio.run(load(server.port, warmup, args.clients, args.seed))
        before_gauges = settle(server)
        before_heap = heap_after_gc_mb(server)
        before_threads = metric(server, "jvm.threads.live")
        bench.log(f"baseline: heap after GC {before_heap:.1f} MB, {before_threads:.0f} threads, {before_gauges}")
        bench.log(f"soak {seconds} s with {args.clients} clients")
        began = time.monotonic()
        tally = asyncio.run(load(server.port, seconds, args.clients, args.seed + 1))
        elapsed = time.monotonic() - began
        after_gauges = settle(server)
        after_heap = heap_after_gc_mb(server)
        after_threads = metric(server, "jvm.threads.live")
        alive = urllib.request.urlopen(server.url("/api/ping"), timeout=5).status == 200
        bench.log(f"after: heap after GC {after_heap:.1f} MB, {after_threads:.0f} threads, {after_gauges}")
    finally:
        server.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    total = sum(tally.values())
    hung_up = sum(n for key, n in tally.items() if key.endswith("hung up"))
    failures = {key: n for key, n in tally.items() if key.split(" -> ")[1][0] not in "234h"
                and not key.endswith(("-> 400", "-> 409"))}
    checks = {
        "gauges back to zero": all(value == 0 for value in after_gauges.values()),
        "heap after GC within 10% or 16 MB of baseline": after_heap <= max(before_heap * 1.10, before_heap + 16),
        "still answers /api/ping": alive,
        "no 5xx, no transport error on answered requests": not failures,
    }
    lines = ["# asyncio-learn soak", "", f"Generated by `bench/soak.py`{' (smoke mode)' if args.smoke else ''}: "
             f"{args.clients} clients for {elapsed:.0f} s, {total} requests ({total / elapsed:.0f}/s), "
             f"{hung_up} abandoned mid-request.", "",
             "| measure | before | after |", "| --- | --- | --- |",
             f"| heap after full GC (MB) | {before_heap:.1f} | {after_heap:.1f} |",
             f"| live threads | {before_threads:.0f} | {after_threads:.0f} |"]
    lines += [f"| `{name}` | {before_gauges[name]:g} | {after_gauges[name]:g} |" for name in IDLE_GAUGES]
    lines += ["", "| check | passed |", "| --- | --- |"] + [f"| {name} | {ok} |" for name, ok in checks.items()]
    lines += ["", "| request -> outcome | count |", "| --- | --- |"]
    lines += [f"| `{key}` | {n} |" for key, n in sorted(tally.items())]
    name = "soak-smoke" if args.smoke else "soak"
    (bench.RESULTS / f"{name}.md").write_text("\n".join(lines) + "\n")
    bench.log(f"wrote bench/results/{name}.md: " + ", ".join(f"{k}: {v}" for k, v in checks.items()))
    sys.exit(0 if all(checks.values()) else 1)


if __name__ == "__main__":
    main()
