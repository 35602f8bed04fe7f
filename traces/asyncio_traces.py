"""The real asyncio run of each concept, as a timeline in the app's own format.

Each concept of the explorer's catalog (src/main/resources/static/concepts.json) that mirrors one of the study notes'
examples runs here for real on asyncio, with the endpoint's default parameters (README.md, the table between
<!-- parameters:start --> and <!-- parameters:end -->), and records the same task names, events (the labels of
dev.asynciolearn.timeline.Event) and details as the Reactor service of that concept. The examples start from the
seed's reference script (asyncio_reference.py). Each runs in a loop of its own (asyncio.run), so its clock starts at 0
and its to_thread worker is asyncio_0.

    python3 traces/asyncio_traces.py [output.json]

writes src/main/resources/static/asyncio-traces.json (committed; AsyncioTracesTests reruns this script and compares
each task's events) or the given file. Python 3 standard library only.

Traced: await, lazy, interleave, gather, wait, wait-for, as-completed, file, mixed, long-task, iterator, generator,
context-manager, queue, lock, sync-semaphore, event. Rows that a Reactor service adds to show Reactor's own operators
have no asyncio twin and are left out: wait's mono/job-* (the same jobs raced with firstWithSignal or timeout, which
cancel the losers). The other concepts of the catalog are not traced: scale and scale-threads measure threads and
memory rather than an order of events, the task registry's endpoints act on tasks other requests started, io is a lone
sleep, files lists a folder, file-blocking is the anti-pattern (a read on the loop), the database chapter needs
PostgreSQL.
"""
import asyncio
import hashlib
import json
import platform
import sys
import tempfile
import threading
import time
from pathlib import Path

OUTPUT = Path(__file__).resolve().parent.parent / "src/main/resources/static/asyncio-traces.json"

# dev.asynciolearn.timeline.Event's labels: a trace uses no other.
EVENTS = {"start", "suspend", "resume", "hop", "wait", "acquired", "released", "done", "error", "cancelled",
          "TimeoutError", "call", "step", "read", "write", "put", "get", "yield", "got", "tick", "built"}

# The data folder of the file concepts: a temporary folder with the app's 1MiB.bin, written by main().
data = Path(".")


class Trace:
    """A timeline: what happened to which task, when (ms since the example's start) and on which thread."""

    def __init__(self):
        self.started = time.perf_counter_ns()
        self.events = []

    def ms(self, ns=None, digits=1):
        """Milliseconds since the start, of now or of a perf_counter_ns() reading; to 0.1 ms, as atMs, by default."""
        return round(((ns if ns is not None else time.perf_counter_ns()) - self.started) / 1e6, digits)

    def event(self, task, event, detail=None):
        if event not in EVENTS:
            raise ValueError(f"{event} is not a label of Event")
        detail = None if detail is None else str(detail)
        self.events.append((time.perf_counter_ns(), task, event, detail, threading.current_thread().name))

    def timeline(self):
        return [{"atMs": self.ms(ns), "task": task, "event": event, "detail": detail, "thread": thread}
                for ns, task, event, detail, thread in sorted(self.events, key=lambda e: e[0])]


def job_delays(count, delay_ms):
    """Jobs.java: job 0 takes delayMs, job i takes delayMs x i / count (300, 100, 200)."""
    return [delay_ms if i == 0 else delay_ms * i // count for i in range(count)]


async def job(tr, i, delay_ms, finished, row="job-{}"):
    """The notes' job(i, delay): sleep without blocking, then return i."""
    tr.event(row.format(i), "start")
    await asyncio.sleep(delay_ms / 1000)
    tr.event(row.format(i), "done")
    finished.append(i)
    return i


# Chapter 1: coroutines


async def await_(tr):
    order = []

    async def second():
        order.append("second:start"); tr.event("second", "start")
        tr.event("second", "suspend")
        await asyncio.sleep(0.05)
        order.append("second:end"); tr.event("second", "done")
        return 2

    async def first():
        order.append("first:start"); tr.event("first", "start")
        tr.event("first", "suspend")
        r = await second()
        order.append("first:resume"); tr.event("first", "resume")
        return r

    return {"order": order, "returned": await first()}


async def lazy(tr):
    ran = {"never-awaited": False, "awaited": False, "task": False}

    async def work(name):
        ran[name] = True
        tr.event(name, "start")

    built = work("never-awaited")
    tr.event("never-awaited", "built", "never subscribed")
    tr.event("task", "call", "create_task(): subscribed now")
    task = asyncio.create_task(work("task"))  # runs at the loop's next turn, not inside create_task
    await asyncio.sleep(0.01)
    ran_before_await = ran["task"]
    await work("awaited")
    await task
    built.close()  # never awaited: its body never ran
    return {"neverAwaited": {"ran": ran["never-awaited"]}, "awaited": {"ran": ran["awaited"]},
            "task": {"ran": ran["task"], "ranBeforeBeingAwaited": ran_before_await},
            "builtButUnused": f"<coroutine object {built.__name__}>"}


# Chapter 2: tasks


async def interleave(tr, steps, suspend):
    order = []

    async def task(name):
        for i in range(steps):
            order.append(f"{name}:{i}"); tr.event(name, "step", i)
            if suspend:
                await asyncio.sleep(0.01)

    await asyncio.gather(task("a"), task("b"))
    return {"order": order, "suspendBetweenSteps": suspend}


# Chapter 3: collections of tasks


async def gather(tr, count, delayMs, returnExceptions):
    delays, finished = job_delays(count, delayMs), []
    results = await asyncio.gather(*[job(tr, i, d, finished) for i, d in enumerate(delays)],
                                   return_exceptions=returnExceptions)
    return {"results": results, "completionOrder": finished, "longestJobMs": max(delays), "sumOfJobsMs": sum(delays)}


async def wait(tr, returnWhen, count, delayMs):
    finished = []
    tasks = [asyncio.create_task(job(tr, i, d, finished, row="task/job-{}"), name=f"job-{i}")
             for i, d in enumerate(job_delays(count, delayMs))]
    done, pending = await asyncio.wait(tasks, return_when=getattr(asyncio, returnWhen))
    tr.event("wait", "done")

    def view(t):
        state = "PENDING" if not t.done() else "CANCELLED" if t.cancelled() else "FAILED" if t.exception() else "DONE"
        return {"name": t.get_name(), "state": state, "done": t.done(), "cancelled": t.cancelled(),
                "result": t.result() if state == "DONE" else None}

    return {"returnWhen": returnWhen, "timeoutMs": None, "done": [view(t) for t in tasks if t in done],
            "pending": [view(t) for t in tasks if t in pending]}


async def wait_for(tr, delayMs, timeoutMs):
    cancelled = False

    async def inner():
        nonlocal cancelled
        tr.event("inner", "start")
        try:
            await asyncio.sleep(delayMs / 1000)
        except asyncio.CancelledError:
            cancelled = True
            tr.event("inner", "cancelled")
            raise
        tr.event("inner", "done")

    try:
        await asyncio.wait_for(inner(), timeoutMs / 1000)
        return {"outcome": "done", "innerCancelled": cancelled}
    except asyncio.TimeoutError:
        tr.event("wait_for", "TimeoutError")
        return {"outcome": "TimeoutError", "innerCancelled": cancelled}


async def as_completed(tr, count, delayMs, timeoutMs):
    finished, completions = [], []
    # Tasks made here, in order: as_completed would make them from a set, in no fixed order.
    tasks = [asyncio.create_task(job(tr, i, d, finished)) for i, d in enumerate(job_delays(count, delayMs))]
    try:
        for position, f in enumerate(asyncio.as_completed(tasks, timeout=timeoutMs / 1000)):
            completions.append({"type": "result", "position": position, "job": await f, "atMs": tr.ms()})
    except asyncio.TimeoutError:
        tr.event("as_completed", "TimeoutError")
        completions.append({"type": "TimeoutError", "atMs": tr.ms(),
                            "running": [i for i, t in enumerate(tasks) if not t.done()]})
    return completions


# Chapter 3b: to_thread


def read_and_hash(tr, name, latency_ms):
    """SlowStorage.readAndHash: the storage latency, then the whole file read in 64 KiB chunks and hashed."""
    tr.event("read", "start")
    started = time.perf_counter_ns()
    time.sleep(latency_ms / 1000)
    latency_ns, read_ns, hash_ns, size, sha256 = time.perf_counter_ns() - started, 0, 0, 0, hashlib.sha256()
    with open(data / name, "rb") as file:
        while True:
            before = time.perf_counter_ns()
            chunk = file.read(64 * 1024)
            after = time.perf_counter_ns()
            read_ns += after - before
            if not chunk:
                break
            sha256.update(chunk)
            hash_ns += time.perf_counter_ns() - after
            size += len(chunk)
    tr.event("read", "done")
    return {"name": name, "sizeBytes": size, "sha256": sha256.hexdigest(), "latencyMs": round(latency_ns / 1e6, 3),
            "readMs": round(read_ns / 1e6, 3), "hashMs": round(hash_ns / 1e6, 3)}


async def offloaded_read(tr, name, latency_ms):
    tr.event("read", "hop")
    return await asyncio.to_thread(read_and_hash, tr, name, latency_ms)


async def io_wait(tr, task, delay_ms):
    tr.event(task, "suspend")
    await asyncio.sleep(delay_ms / 1000)
    tr.event(task, "resume")


async def file(tr, name, latencyMs):
    tr.event("request", "start")
    digest = await offloaded_read(tr, name, latencyMs)
    tr.event("request", "done")
    return digest


async def mixed(tr, delayMs, name, latencyMs):
    tr.event("request", "start")
    await io_wait(tr, "io-before", delayMs)
    digest = await offloaded_read(tr, name, latencyMs)
    await io_wait(tr, "io-after", delayMs)
    tr.event("request", "done")
    return {"delayMs": delayMs, "file": digest}


async def long_task(tr, workMs, tickMs):
    ticks = 0

    async def tick_forever():
        nonlocal ticks
        while True:
            ticks += 1
            tr.event("ticker", "tick")
            await asyncio.sleep(tickMs / 1000)

    def work():
        tr.event("job", "start")
        time.sleep(workMs / 1000)
        tr.event("job", "done")
        return workMs

    tr.event("request", "start")
    ticker = asyncio.create_task(tick_forever())
    tr.event("job", "hop")
    done = await asyncio.to_thread(work)
    ticker.cancel()
    tr.event("request", "done")
    return {"workMs": done, "tickMs": tickMs, "ticks": ticks, "ticksExpected": workMs // tickMs}


# Chapter 4: iterators, generators, async with


async def iterator(tr, count, delayMs):
    class Counter:
        def __init__(self):
            self.next = 0

        def __aiter__(self):
            return self

        async def __anext__(self):
            if self.next >= count:
                tr.event("__anext__", "done", "StopAsyncIteration")
                raise StopAsyncIteration
            value, self.next = self.next, self.next + 1
            tr.event("__anext__", "call", value)
            await asyncio.sleep(delayMs / 1000)
            return value

    return [got(tr, x) async for x in Counter()]


async def generator(tr, count, delayMs):
    async def counter():
        for i in range(count):
            await asyncio.sleep(delayMs / 1000)
            tr.event("generator", "yield", i)
            yield i

    return [got(tr, x) async for x in counter()]


def got(tr, value):
    tr.event("async for", "got", value)
    return {"value": value, "atMs": tr.ms(), "thread": threading.current_thread().name}


async def context_manager(tr, failInside):
    exit_ = {"called": False, "finished": False}

    class Session:
        async def __aenter__(self):
            tr.event("__aenter__", "start")
            await asyncio.sleep(0.05)
            tr.event("__aenter__", "done")
            return "session"

        async def __aexit__(self, kind, error, traceback):
            exit_["called"] = True
            tr.event("__aexit__", "call", "no exception" if error is None else f"with {error!r}")
            await asyncio.sleep(0.05)
            exit_["finished"] = True
            tr.event("__aexit__", "done")

    async def body(session):
        tr.event("body", "start")
        await asyncio.sleep(0.1)
        if failInside:
            error = RuntimeError("raised inside 'async with'")
            tr.event("body", "error", repr(error))
            raise error
        tr.event("body", "done")
        return session + " used"

    try:
        async with Session() as session:
            value = await body(session)
        return {"result": value, "exitCalled": exit_["called"], "exitFinished": exit_["finished"]}
    except RuntimeError as error:
        return {"raisedInside": repr(error), "error": repr(error), "exitCalled": exit_["called"],
                "exitFinished": exit_["finished"]}


# Chapter 5: queues and synchronisation


def queue_values(items):
    """QueueService.values: 3, 1, 2, then 4..items."""
    values = [3, 1, 2][:items] if items >= 3 else []
    values += range(len(values) + 1, items + 1)
    return values[::-1] if items == 2 else values


async def queue(tr, kind, maxsize, producers, consumers, items, consumeMs, consumersStartAfterMs):
    q = {"FIFO": asyncio.Queue, "LIFO": asyncio.LifoQueue, "PRIORITY": asyncio.PriorityQueue}[kind](maxsize)
    values, put_order, get_order = queue_values(items), [], []
    counts = {"peak": 0, "waited": 0, "claimed": 0}

    async def producer(p):
        for k in range(p, items, producers):
            value = values[k]
            if q.full():
                counts["waited"] += 1
                tr.event(f"producer-{p}", "wait", f"to put {value}: the queue is full")
            await q.put(value)
            counts["peak"] = max(counts["peak"], q.qsize())
            put_order.append(value); tr.event(f"producer-{p}", "put", value)

    async def consumer(c):
        await asyncio.sleep(consumersStartAfterMs / 1000)
        while counts["claimed"] < items:
            counts["claimed"] += 1
            value = await q.get()
            get_order.append(value); tr.event(f"consumer-{c}", "get", value)
            await asyncio.sleep(consumeMs / 1000)

    await asyncio.gather(*[producer(p) for p in range(producers)], *[consumer(c) for c in range(consumers)])
    return {"kind": kind, "maxsize": maxsize, "putOrder": put_order, "getOrder": get_order,
            "peakQueueSize": counts["peak"], "putsThatWaited": counts["waited"],
            "everyItemExactlyOnce": sorted(get_order) == sorted(values)}


async def lock(tr, workers, useLock):
    counter, the_lock = {"v": 0}, asyncio.Lock()

    async def section(i):
        read = counter["v"]; tr.event(f"worker-{i}", "read", read)
        await asyncio.sleep(0.001)
        counter["v"] = read + 1; tr.event(f"worker-{i}", "write", read + 1)

    async def worker(i):
        if useLock:
            async with the_lock:
                await section(i)
        else:
            await section(i)

    await asyncio.gather(*[worker(i) for i in range(workers)])
    return {"workers": workers, "useLock": useLock, "expected": workers, "final": counter["v"],
            "lostUpdates": workers - counter["v"]}


async def semaphore(tr, workers, permits, holdMs):
    sem, inside = asyncio.Semaphore(permits), {"now": 0, "peak": 0}

    async def worker(i):
        async with sem:
            inside["now"] += 1; inside["peak"] = max(inside["peak"], inside["now"])
            tr.event(f"worker-{i}", "acquired")
            await asyncio.sleep(holdMs / 1000)
            inside["now"] -= 1
            tr.event(f"worker-{i}", "released")

    await asyncio.gather(*[worker(i) for i in range(workers)])
    return {"workers": workers, "permits": permits, "peakInside": inside["peak"],
            "idealMs": -(-workers // permits) * holdMs}


async def event(tr, waiters, setAfterMs):
    ev, released_at = asyncio.Event(), []

    async def waiter(i):
        tr.event(f"waiter-{i}", "wait")
        await ev.wait()
        released_at.append(tr.ms(digits=3)); tr.event(f"waiter-{i}", "resume")

    async def setter():
        await asyncio.sleep(setAfterMs / 1000)
        tr.event("setter", "call", "set()")
        ev.set()

    async def late_waiter():
        tr.event("late-waiter", "wait")
        await ev.wait()

    await asyncio.gather(*[waiter(i) for i in range(waiters)], setter())
    ev.clear()
    tr.event("setter", "call", "clear()")
    late = asyncio.create_task(late_waiter())
    await asyncio.wait([late], timeout=0.05)  # EventService gives it 50 ms
    still_waiting = not late.done()
    late.cancel()
    return {"waiters": waiters, "released": len(released_at), "releasedAfterMs": min(released_at),
            "releaseSpreadMs": round(max(released_at) - min(released_at), 3), "afterClearWaits": still_waiting}


# concept id: (the seed's example, the endpoint's default parameters, the example)
CONCEPTS = {
    "await": ("example_await.py", {}, await_),
    "lazy": ("asyncio_reference.py", {}, lazy),
    "interleave": ("example_tasks.py", {"steps": 3, "suspend": True}, interleave),
    "gather": ("example_gather.py", {"count": 3, "delayMs": 300, "returnExceptions": False}, gather),
    "wait": ("example_wait.py", {"returnWhen": "ALL_COMPLETED", "count": 3, "delayMs": 300}, wait),
    "wait-for": ("example_wait_for.py", {"delayMs": 1000, "timeoutMs": 100}, wait_for),
    "as-completed": ("example_as_completed.py", {"count": 3, "delayMs": 300, "timeoutMs": 10000}, as_completed),
    "file": ("example_to_thread.py", {"name": "1MiB.bin", "latencyMs": 50}, file),
    "mixed": ("example_to_thread.py", {"delayMs": 100, "name": "1MiB.bin", "latencyMs": 50}, mixed),
    "long-task": ("example_to_thread_2.py", {"workMs": 1000, "tickMs": 100}, long_task),
    "iterator": ("example_iterator.py", {"count": 5, "delayMs": 200}, iterator),
    "generator": ("example_generator.py", {"count": 5, "delayMs": 200}, generator),
    "context-manager": ("example_context_manager.py", {"failInside": False}, context_manager),
    "queue": ("example_queue.py", {"kind": "FIFO", "maxsize": 3, "producers": 1, "consumers": 1, "items": 4,
                                   "consumeMs": 10, "consumersStartAfterMs": 100}, queue),
    "lock": ("example_lock.py", {"workers": 50, "useLock": False}, lock),
    "sync-semaphore": ("asyncio_reference.py", {"workers": 100, "permits": 10, "holdMs": 50}, semaphore),
    "event": ("asyncio_reference.py", {"waiters": 5, "setAfterMs": 200}, event),
}


def trace(example, parameters, run):
    tr = Trace()
    result = asyncio.run(run(tr, **parameters))
    elapsed = tr.ms()
    return {"example": example, "parameters": parameters, "elapsedMs": elapsed, "result": result,
            "timeline": tr.timeline()}


def sample_file(size):
    """SampleFiles.java's sample: SplittableRandom(size).nextLong() as big-endian longs, so the hash is the app's."""
    gamma, mask, seed, out = 0x9E3779B97F4A7C15, (1 << 64) - 1, size, bytearray()
    for _ in range(size // 8):
        seed = (seed + gamma) & mask
        z = ((seed ^ (seed >> 30)) * 0xBF58476D1CE4E5B9) & mask
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & mask
        out += (z ^ (z >> 31)).to_bytes(8, "big")
    return bytes(out)


def pretty(value, indent=""):
    """JSON, two spaces a level, with objects and lists of plain values on one line: one line per event."""
    inner = indent + "  "
    nested = lambda values: any(isinstance(v, (dict, list)) for v in values)
    if isinstance(value, dict) and nested(value.values()):
        return "{\n" + ",\n".join(f"{inner}{json.dumps(k)}: {pretty(v, inner)}" for k, v in value.items()) \
            + "\n" + indent + "}"
    if isinstance(value, list) and nested(value):
        return "[\n" + ",\n".join(inner + pretty(v, inner) for v in value) + "\n" + indent + "]"
    return json.dumps(value)


def main(output):
    global data
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder)
        (data / "1MiB.bin").write_bytes(sample_file(1 << 20))
        traces = {concept: trace(*how) for concept, how in CONCEPTS.items()}
    document = {"python": platform.python_version(), "script": "traces/asyncio_traces.py", "traces": traces}
    Path(output).write_text(pretty(document) + "\n", encoding="utf-8")
    for concept, t in traces.items():
        print(f"{concept}: {t['elapsedMs']} ms, {len(t['timeline'])} events")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else OUTPUT)
