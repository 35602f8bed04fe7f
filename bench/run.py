#!/usr/bin/env python3
"""asyncio-learn benchmarks, in one command: build, start each server, load it, stop it, write the results.

    bench/run.py            # the full run, about 55 minutes on 2 cores
    bench/run.py --smoke    # a few seconds per step, to check the script still works

Writes bench/results/latest.md (tables) and bench/results/latest.json (raw numbers). Traffic goes to 127.0.0.1 only;
every process the script starts is stopped by its process group, also on Ctrl-C. Needs wrk and Debian's FastAPI
(apt-get install wrk python3-fastapi python3-uvicorn python3-uvloop python3-httptools); a peer whose tools are
missing is skipped with a note. Benchmarks are not tests: nothing here fails a build.
"""
import argparse
import json
import os
import platform
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
RESULTS = BENCH / "results"
PYTHON = "/usr/bin/python3"
JDK25 = Path("/usr/lib/jvm/temurin-25-jdk-amd64")


def java_feature(java):
    version = subprocess.run([java, "-version"], capture_output=True, text=True).stderr
    return int(version.split('"')[1].split(".")[0]) if '"' in version else 0


def java_21_or_later():
    """The service needs Java 21+: the default java if it is one, else the Temurin 25 beside it."""
    return "java" if java_feature("java") >= 21 or not (JDK25 / "bin/java").exists() else str(JDK25 / "bin/java")


JAVA = java_21_or_later()
TICKS = os.sysconf("SC_CLK_TCK")
STARTED = []


def log(message):
    print(time.strftime("%H:%M:%S"), message, flush=True)


def sh(command, **kwargs):
    return subprocess.run(command, check=True, text=True, capture_output=True, **kwargs).stdout


# --- processes -------------------------------------------------------------------------------------------------------

def tree(pid):
    """The pid and all its descendants (uvicorn workers, say)."""
    children = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(entry.name))
            except (OSError, IndexError, ValueError):
                pass
    result, todo = [], [pid]
    while todo:
        current = todo.pop()
        result.append(current)
        todo.extend(children.get(current, []))
    return result


def cpu_seconds(pid):
    total = 0
    for p in tree(pid):
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except (OSError, IndexError):
            pass
    return total / TICKS


def status_total(pid, key):
    total = 0
    for p in tree(pid):
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith(key + ":"):
                    total += int(re.sub(r"\D", "", line))
        except OSError:
            pass
    return total


def rss_mb(pid):
    return status_total(pid, "VmRSS") / 1024


def threads(pid):
    return status_total(pid, "Threads")


class Server:
    def __init__(self, name, command, port, ready_path, env=None, cwd=ROOT):
        self.name, self.command, self.port, self.ready_path = name, command, port, ready_path
        self.env, self.cwd, self.process, self.startup_seconds = env, cwd, None, None

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def start(self, timeout=120):
        log(f"start {self.name}")
        environment = dict(os.environ, **(self.env or {}))
        self.log_file = open(RESULTS / "raw" / f"{self.name}.log", "w")
        began = time.monotonic()
        self.process = subprocess.Popen(self.command, cwd=self.cwd, env=environment, stdout=self.log_file,
                                        stderr=subprocess.STDOUT, start_new_session=True)
        STARTED.append(self)
        while time.monotonic() - began < timeout:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited; see bench/results/raw/{self.name}.log")
            try:
                with urllib.request.urlopen(self.url(self.ready_path), timeout=2) as response:
                    if response.status == 200:
                        self.startup_seconds = time.monotonic() - began
                        return self
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"{self.name} not ready after {timeout} s")

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        if self.process:
            self.log_file.close()
        if self in STARTED:
            STARTED.remove(self)


def stop_all(*_):
    for server in list(STARTED):
        server.stop()


# --- load ------------------------------------------------------------------------------------------------------------

def to_ms(text):
    value, unit = re.match(r"([\d.]+)(\w+)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(url, connections, seconds, server=None, timeout=10):
    """Closed-loop load with wrk; with a server, also its CPU time and peak memory during the run."""
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", f"--timeout={timeout}s", "--latency", url]
    cpu_before = cpu_seconds(server.process.pid) if server else 0
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    peak_rss, peak_threads = 0, 0
    while process.poll() is None:
        if server:
            peak_rss = max(peak_rss, rss_mb(server.process.pid))
            peak_threads = max(peak_threads, threads(server.process.pid))
        time.sleep(0.5)
    output = process.stdout.read()
    result = {"connections": connections, "seconds": seconds}
    match = re.search(r"Requests/sec:\s+([\d.]+)", output)
    result["rps"] = float(match.group(1)) if match else 0.0
    match = re.search(r"(\d+) requests in", output)
    result["requests"] = int(match.group(1)) if match else 0
    for percentile in ("50", "99"):
        match = re.search(rf"^\s+{percentile}(?:\.000)?%\s+(\S+)", output, re.M)
        result[f"p{percentile}Ms"] = to_ms(match.group(1)) if match else None
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    match = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    result["errors"] = errors + (int(match.group(1)) if match else 0)
    if server:
        cpu = cpu_seconds(server.process.pid) - cpu_before
        result["cpuSecondsPer1000"] = round(cpu / result["requests"] * 1000, 3) if result["requests"] else None
        result["peakRssMb"] = round(peak_rss)
        result["peakThreads"] = peak_threads
    result["raw"] = output
    return result


def median(runs):
    """The run with the median throughput."""
    return sorted(runs, key=lambda run: run["rps"])[len(runs) // 2]


def probe(url, rate, seconds, warmup=0):
    classpath = (BENCH / "probe/target/cp.txt").read_text().strip() + ":" + str(BENCH / "probe/target/classes")
    output = sh(["java", "-cp", classpath, "bench.Probe", url, str(rate), str(seconds), str(warmup)])
    return json.loads(output.strip().splitlines()[-1])


def in_background(function, *args):
    result = {}
    thread = threading.Thread(target=lambda: result.update(function(*args)))
    thread.start()
    return thread, result


# --- peers -----------------------------------------------------------------------------------------------------------

def peers(workdir, args):
    java = [JAVA]
    service_jar = next((ROOT / "target").glob("asyncio-learn-*.jar"))
    service = Server("service", java + ["-jar", str(service_jar), "--server.port=18080",
                                        "--asyncio-learn.database.table-creation-delay=0s",
                                        "--logging.level.dev.asynciolearn.requests=warn",
                                        f"--asyncio-learn.embedded-postgres.data-directory={workdir}/postgres",
                                        f"--asyncio-learn.offload.data-directory={workdir}/files"],
                     18080, "/actuator/health/readiness")
    def variant(name, port, *flags):
        command = [f"--server.port={port}" if arg.startswith("--server.port=")
                   else f"{arg}-{name}" if arg.startswith("--asyncio-learn.embedded-postgres.data-directory=")
                   else arg for arg in service.command]
        return Server(name, command + list(flags), port, "/actuator/health/readiness")

    result = {"service": service,
              # What two observability choices cost, measured on pure I/O only (see the README).
              "service-auto-propagation": variant("service-auto-propagation", 18087,
                                                  "--spring.reactor.context-propagation=auto"),
              "service-no-http-observation": variant("service-no-http-observation", 18088,
                                                     "--management.observations.enable.http.server.requests=false"),
              "webflux-floor": Server("webflux-floor", java + ["-jar", str(BENCH / "peers/webflux-floor/target/webflux-floor-0.0.0.jar"),
                                                              "--server.port=18081"], 18081, "/io?delayMs=0"),
              "mvc-platform": Server("mvc-platform", java + ["-jar", str(BENCH / "peers/mvc/target/mvc-0.0.0.jar"),
                                                            "--server.port=18082"], 18082, "/io?delayMs=0")}
    if (JDK25 / "bin/java").exists():
        result["mvc-virtual"] = Server("mvc-virtual", [str(JDK25 / "bin/java"), "-jar",
                                                      str(BENCH / "peers/mvc/target/mvc-0.0.0.jar"),
                                                      "--server.port=18083", "--spring.threads.virtual.enabled=true"],
                                       18083, "/io?delayMs=0")
    if subprocess.run([PYTHON, "-c", "import fastapi, uvicorn, uvloop, httptools"], capture_output=True).returncode == 0:
        for workers, port in ((1, 18084), (2, 18085)):
            result[f"fastapi-{workers}w"] = Server(
                f"fastapi-{workers}w", [PYTHON, "-m", "uvicorn", "fastapi_app:app", "--port", str(port), "--workers",
                                        str(workers), "--loop", "uvloop", "--http", "httptools", "--no-access-log",
                                        "--log-level", "warning", "--backlog", "8192"],
                port, "/ping", env={"ASYNCIO_LEARN_DATA": f"{workdir}/files"}, cwd=BENCH / "peers")
    else:
        NOTES.append("FastAPI peers skipped: apt-get install python3-fastapi python3-uvicorn python3-uvloop python3-httptools")
    result["asyncio-raw"] = Server("asyncio-raw", [PYTHON, str(BENCH / "peers/asyncio_server.py"), "18086"],
                                   18086, "/io?delayMs=0")
    return result


IO_PATH = {"asyncio-raw": "/io?delayMs={d}"}
NOTES = []


def io_url(peer, server, delay_ms):
    path = "/api/offload/io?delayMs={d}" if peer.startswith("service") else IO_PATH.get(peer, "/io?delayMs={d}")
    return server.url(path.format(d=delay_ms))


def warm_up(url, args):
    """The same load for every peer before it is measured: the JVMs need about 40 s to compile their hot paths."""
    for connections, seconds in ((100, 10), (1000, args.warmupPerPeer)):
        wrk(url, connections, seconds if not args.smoke else 1)


# --- scenarios -------------------------------------------------------------------------------------------------------

def pure_io(all_peers, args, results):
    cases = [(100, 100), (100, 1000), (100, 3000), (1000, 5000)]
    if args.smoke:
        cases = [(100, 50)]
    for name, server in all_peers.items():
        if args.smoke and name not in ("service", "webflux-floor"):
            continue
        server.start()
        warm_up(io_url(name, server, 100), args)
        for delay, connections in cases:
            url = io_url(name, server, delay)
            # A JVM needs about half a minute at a new concurrency level before its first 3000 connections stop
            # costing more per request (measured: 12.1k, then 16.0k, then 16.6k req/s in three back-to-back runs).
            wrk(url, connections, args.warmup if connections < 3000 or args.smoke else 4 * args.warmup)
            # No answer arrives in a closed-loop run's first d, so a T-second run cannot exceed (T - d) / T: longer
            # runs where d is long.
            seconds = args.seconds if delay < 1000 or args.smoke else 2 * args.seconds
            # C = 3000 swings by a third from one run to the next on 2 shared cores: the median of three counts there.
            repeats = 3 if connections >= 3000 and delay < 1000 and not args.smoke else 1
            runs = [wrk(url, connections, seconds, server) for _ in range(repeats)]
            run = median(runs)
            run["runsRps"] = sorted(round(r["rps"]) for r in runs)
            ideal = connections / (delay / 1000)
            run.update(peer=name, delayMs=delay, measured=time.strftime("%Y-%m-%d"), efficiency=round(run["rps"] / ideal, 3),
                       ceiling=round(1 - delay / 1000 / seconds, 3),
                       p50MinusDelayMs=round(run["p50Ms"] - delay, 1) if run["p50Ms"] else None,
                       p99MinusDelayMs=round(run["p99Ms"] - delay, 1) if run["p99Ms"] else None)
            log(f"  io d={delay} C={connections} {name}: {run['rps']:.0f}/s efficiency {run['efficiency']} "
                f"p99-d {run['p99MinusDelayMs']} errors {run['errors']}")
            results["pureIo"].append(run)
        server.stop()


# The service's CPU per request kept falling over its first 80 s of this load (58, 46, 46, 42, 42 µs in five rounds
# after 40 s, 2026-12-03): every peer gets 90 s.
COST_WARM_UP = 90
COST_PEERS = ("webflux-floor", "service", "mvc-platform", "mvc-virtual", "fastapi-1w", "asyncio-raw")


def cost(all_peers, args, results):
    """Server CPU per request, the steadiest measure on 2 shared cores (C = 3000 swings by a third between runs): pure
    I/O at d = 0, 50 connections. Every peer runs side by side, each warmed with 90 s of that load, then they are
    measured in turns, five 10 s runs each, so that a slower minute of the machine falls on all; the median run
    counts. CPU of the server's processes only (utime + stime from /proc)."""
    names = [name for name in COST_PEERS if name in all_peers]
    servers = {name: all_peers[name] for name in names}
    for name, server in servers.items():
        if server not in STARTED:
            server.start()
        wrk(io_url(name, server, 0), 50, 2 if args.smoke else COST_WARM_UP)
    runs = {name: [] for name in names}
    for _ in range(1 if args.smoke else 5):
        for name, server in servers.items():
            runs[name].append(wrk(io_url(name, server, 0), 50, 2 if args.smoke else 10, server))
    # A rerun of some peers keeps the others' rows, each saying when it was measured.
    results["cost"] = [entry for entry in results.get("cost", []) if entry["peer"] not in servers]
    for entry in results["cost"]:
        entry.setdefault("measured", results.get("costMachine", {}).get("date", "")[:10])
    results["costMachine"] = machine()
    for name, server in servers.items():
        middle = median(runs[name])
        entry = {"peer": name, "measured": time.strftime("%Y-%m-%d %H:%M"), "rps": round(middle["rps"]),
                 "runsRps": [round(run["rps"]) for run in runs[name]],
                 "cpuMicrosPerRequest": round(middle["cpuSecondsPer1000"] * 1000),
                 "runsCpuMicrosPerRequest": [round(run["cpuSecondsPer1000"] * 1000) for run in runs[name]]}
        log(f"  cost {name}: {entry}")
        results["cost"].append(entry)
        if name != "service" or not args.keep_service:
            server.stop()
    floor = next((r["cpuMicrosPerRequest"] for r in results["cost"] if r["peer"] == "webflux-floor"), None)
    for entry in results["cost"]:
        if entry["peer"] in servers:
            entry["xFloor"] = round(entry["cpuMicrosPerRequest"] / floor, 2) if floor else None


# What each teaching feature costs: the share of the service's sampled CPU whose innermost feature frame is that
# feature's, times the CPU per request of the threads that were sampled. Frames are read leaf first; a Reactor
# operator frame before any feature frame means the sample belongs to the pipeline itself, not to a feature.
FEATURES = (
    ("report encoding (Jackson)", ("tools.jackson.", "org.springframework.http.codec.", "org.springframework.core.codec.")),
    ("request observation (Micrometer)", ("io.micrometer.observation.", "io.micrometer.core.",
                                          "org.springframework.web.filter.reactive.ServerHttpObservationFilter",
                                          "org.springframework.http.server.reactive.observation.",
                                          "dev.asynciolearn.system.ObservabilityConfiguration")),
    ("bean validation of the parameters", ("org.hibernate.validator.", "jakarta.validation.",
                                           "dev.asynciolearn.system.RequestRecordResolver",
                                           "dev.asynciolearn.system.ParameterRules",
                                           "dev.asynciolearn.system.CrossParameterCheck")),
    ("correlation id", ("dev.asynciolearn.system.CorrelationId", "dev.asynciolearn.timeline.CorrelatedLog",
                        "io.micrometer.context.", "reactor.core.publisher.ContextPropagation")),
    # Every isDebugEnabled() of the framework asks Logback's turbo filters first; actuator's logback.events counter is
    # one, which the floor does not have.
    ("log level checks (Logback, its logback.events counter)", ("ch.qos.logback.", "org.slf4j.",
                                                                "org.apache.commons.logging.",
                                                                "org.springframework.core.log.", "org.jboss.logging.")),
    ("timeline", ("dev.asynciolearn.timeline.",)),
    ("heap answer buffers", ("dev.asynciolearn.system.HeapAnswerBuffers",)),
    ("the demo's own code", ("dev.asynciolearn.",)),
)
PIPELINE = "the pipeline, WebFlux, Reactor Netty and the kernel"


def thread_cpu(pid):
    """CPU seconds per thread group: the threads JFR samples (event loops, schedulers), the collector, the compilers."""
    groups = {"app": 0, "gc": 0, "jit": 0, "other": 0}
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            comm = (task / "comm").read_text().strip()
            fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        group = ("app" if comm.startswith(("reactor-", "parallel-", "boundedElastic"))
                 else "gc" if comm.startswith(("GC Thread", "G1 ")) else "jit" if "Compiler" in comm else "other")
        groups[group] += (int(fields[11]) + int(fields[12])) / TICKS
    return groups


def attribute(stacks):
    shares = {name: 0 for name, _ in FEATURES}
    shares[PIPELINE] = 0
    for frames in stacks:
        feature = PIPELINE
        for frame in frames:
            match = next((name for name, prefixes in FEATURES if frame.startswith(prefixes)), None)
            if match:
                feature = match
                break
            if frame.startswith("reactor.core.publisher."):
                break
        shares[feature] += 1
    return shares


def features(service, args, results):
    """A JFR CPU-time profile (JDK 25) of the service under the cost scenario's load, attributed to its features."""
    if java_feature(JAVA) < 25:
        NOTES.append("features skipped: JFR's CPU-time sampler needs JDK 25")
        return
    if service not in STARTED:
        service.start()
        wrk(io_url("service", service, 0), 50, 2 if args.smoke else COST_WARM_UP)
    jcmd, jfr = Path(JAVA).parent / "jcmd", Path(JAVA).parent / "jfr"
    recording = RESULTS / "raw" / "features.jfr"
    pid = str(service.process.pid)
    sh([str(jcmd), pid, "JFR.start", "name=features", f"filename={recording}", "jdk.CPUTimeSample#enabled=true",
        "jdk.CPUTimeSample#throttle=1ms"])
    before = thread_cpu(service.process.pid)
    run = wrk(io_url("service", service, 0), 50, 2 if args.smoke else 20, service)
    after = thread_cpu(service.process.pid)
    sh([str(jcmd), pid, "JFR.stop", "name=features"])
    text = sh([str(jfr), "print", "--events", "jdk.CPUTimeSample", "--stack-depth", "300", str(recording)])
    stacks = []
    for block in text.split("\n}\n"):
        thread = re.search(r'eventThread = "([^"]*)"', block)
        if not thread or not thread.group(1).startswith(("reactor-", "parallel-", "boundedElastic")):
            continue
        lines = block.split("stackTrace = [", 1)[-1].splitlines()[1:]
        stacks.append([line.strip() for line in lines if line.strip() and line.strip() != "]"])
    per_request = {group: (after[group] - before[group]) / run["requests"] * 1e6 for group in after}
    shares = attribute(stacks)
    results["features"] = {
        "cpuMicrosPerRequest": round(run["cpuSecondsPer1000"] * 1000), "rps": round(run["rps"]),
        "samples": len(stacks),
        "threadsMicrosPerRequest": {group: round(value, 1) for group, value in per_request.items()},
        "rows": [{"feature": name, "share": round(count / len(stacks), 3),
                  "micros": round(count / len(stacks) * per_request["app"], 1)} for name, count in shares.items()]}
    log(f"  features: {results['features']}")
    service.stop()


def files_and_mixed(all_peers, args, results):
    service = all_peers["service"]
    cases = [("file", "/api/offload/file?name=1MiB.bin&latencyMs=50", "/file?name=1MiB.bin&latencyMs=50"),
             ("mixed", "/api/offload/mixed?delayMs=100&name=1MiB.bin&latencyMs=50",
              "/mixed?delayMs=100&name=1MiB.bin&latencyMs=50")]
    contenders = ["service"] + [p for p in ("fastapi-1w", "fastapi-2w") if p in all_peers]
    for name in contenders:
        server = all_peers[name]
        server.start()
        warm_up(io_url(name, server, 100), args)
        for scenario, service_path, python_path in cases:
            url = server.url(service_path if name == "service" else python_path)
            wrk(url, 32, args.warmup)
            run = wrk(url, 32, args.seconds, server)
            run.update(peer=name, scenario=scenario)
            log(f"  {scenario} C=32 {name}: {run['rps']:.0f}/s p99 {run['p99Ms']} ms errors {run['errors']}")
            results["filesAndMixed"].append(run)
        if name != "service":
            server.stop()


def isolation(service, args, results):
    """Pings at a constant rate while 32 clients read files: offloaded, then on the event loop."""
    ping = service.url("/api/ping")
    seconds = args.seconds
    idle = probe(ping, 200, seconds, args.warmup)
    log(f"  ping idle p99 {idle['p99Ms']} ms")
    entry = {"idlePing": idle, "runs": []}
    cases = [("offloaded", "/api/offload/file?name=1MiB.bin&latencyMs=50", 32),
             ("on the event loop (anti-pattern)", "/api/offload/file-blocking?name=1MiB.bin&latencyMs=50", 32),
             ("CPU-bound, offloaded, 2 clients", "/api/offload/file?name=16MiB.bin&latencyMs=0", 2),
             ("CPU-bound, offloaded, 8 clients", "/api/offload/file?name=16MiB.bin&latencyMs=0", 8),
             ("CPU-bound, on the event loop, 8 clients", "/api/offload/file-blocking?name=16MiB.bin&latencyMs=0", 8)]
    for label, path, connections in cases:
        thread, pings = in_background(probe, ping, 200, seconds, args.warmup)
        run = wrk(service.url(path), connections, args.warmup + seconds + 1, service, timeout=30)
        thread.join()
        run.update(case=label, ping=pings, pingP99Ratio=round(pings["p99Ms"] / max(idle["p99Ms"], 0.01), 1))
        log(f"  {label}: {run['rps']:.0f} reads/s, ping p99 {pings['p99Ms']} ms ({run['pingP99Ratio']}x idle)")
        entry["runs"].append(run)
    results["isolation"] = entry


def semaphore(service, args, results):
    url = service.url("/api/db/semaphore?callers=100&permits=10&queryMs=100")
    rounds = 2 if args.smoke else 5
    began, peaks, server_seconds = time.monotonic(), [], 0.0
    for _ in range(rounds):
        request = urllib.request.Request(url, method="POST")
        with urllib.request.urlopen(request, timeout=60) as response:
            report = json.load(response)
        peaks.append(report["result"]["peakBackends"])
        server_seconds += report["elapsedMs"] / 1000
    elapsed = time.monotonic() - began
    # Two figures: the section itself (the report's elapsed time, what the semaphore allows) and end to end (with
    # each round's HTTP call and the 100 connections' first acquisition).
    results["semaphore"] = {"queriesPerSecond": round(100 * rounds / server_seconds, 1),
                            "queriesPerSecondEndToEnd": round(100 * rounds / elapsed, 1), "ideal": 100.0,
                            "peakBackends": max(peaks), "rounds": rounds}
    log(f"  semaphore: {results['semaphore']}")


def twins(service, args, results):
    """Each idiom of a concept in the same service, measured in turns (Reactor, virtual threads, Reactor, ...) after
    both are warm, so that a slower minute of the machine falls on both; the median run counts. Pure I/O at C = 1000
    (a wait and nothing else), pure I/O at d = 0 (CPU per request, the steadiest figure), and the in-memory Semaphore
    (100 workers, 10 permits, 10 ms each: 100 ms of waiting per request)."""
    cases = [("pure I/O, d = 100 ms", "/api/offload/io?delayMs=100", 1000),
             ("pure I/O, d = 0", "/api/offload/io?delayMs=0", 100),
             ("Semaphore(10), 100 workers x 10 ms", "/api/sync/semaphore?workers=100&permits=10&holdMs=10", 100)]
    if service not in STARTED:
        service.start()
    results["twins"] = []
    results["twinsMachine"] = machine()
    for case, path, connections in cases:
        urls = {"Reactor": service.url(path), "virtual threads": service.url(path.replace("/api/", "/api/vthreads/"))}
        for url in urls.values():
            wrk(url, connections, 2 if args.smoke else 40)
        runs = {idiom: [] for idiom in urls}
        for _ in range(1 if args.smoke else 3):
            for idiom, url in urls.items():
                runs[idiom].append(wrk(url, connections, args.seconds, service))
        for idiom in urls:
            run = median(runs[idiom])
            entry = {"case": case, "idiom": idiom, "connections": connections, "rps": round(run["rps"]),
                     "runsRps": [round(r["rps"]) for r in runs[idiom]], "p50Ms": run["p50Ms"], "p99Ms": run["p99Ms"],
                     "errors": run["errors"], "cpuMicrosPerRequest": round(run["cpuSecondsPer1000"] * 1000)
                     if run["cpuSecondsPer1000"] is not None else None, "peakRssMb": run["peakRssMb"],
                     "peakThreads": run["peakThreads"]}
            log(f"  twins {case} {idiom}: {entry}")
            results["twins"].append(entry)


def idle_connections(service, count):
    """RSS with `count` idle keep-alive connections, each having made one request."""
    sockets = []
    request = b"GET /api/ping HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n"
    for _ in range(count):
        s = socket.create_connection(("127.0.0.1", service.port))
        s.sendall(request)
        sockets.append(s)
    for s in sockets:
        s.recv(4096)
    time.sleep(2)
    rss = rss_mb(service.process.pid)
    for s in sockets:
        s.close()
    return rss


def aot_cached(service, workdir):
    """The service as Spring Boot's docs run it with the JDK's AOT cache (JEP 483, made in one step by JDK 25's JEP
    514): the jar extracted, a training run that stops once the context is refreshed and leaves the classes it loaded
    and linked in a cache, then every start reads them from the cache. None before JDK 25."""
    candidates = [JAVA, str(JDK25 / "bin/java")]
    java = next((j for j in candidates if (shutil.which(j) or Path(j).exists()) and java_feature(j) >= 25), None)
    if java is None:
        NOTES.append("Start-up with the AOT cache not measured: it needs JDK 25.")
        return None
    jar = Path(service.command[service.command.index("-jar") + 1])
    arguments = service.command[service.command.index("-jar") + 2:]
    app = Path(workdir) / "aot"
    sh([java, "-Djarmode=tools", "-jar", str(jar), "extract", "--destination", str(app)])
    extracted, cache = app / jar.name, app / "app.aot"
    log("  training run for the AOT cache")
    with open(RESULTS / "raw" / "service-aot-training.log", "w") as output:
        training = subprocess.Popen([java, f"-XX:AOTCacheOutput={cache}", "-Dspring.context.exit=onRefresh", "-jar",
                                     str(extracted)] + arguments, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT,
                                    start_new_session=True)
        if training.wait(300) != 0 or not cache.exists():
            raise RuntimeError("the AOT training run failed; see bench/results/raw/service-aot-training.log")
    # A run that exits at refresh never closes its context: its embedded PostgreSQL (a session of its own, as pg_ctl
    # starts it) outlives it and holds the data folder. Stopped by its PID, which postmaster.pid names (fast shutdown).
    data = next(Path(a.split("=", 1)[1]) for a in arguments if a.startswith("--asyncio-learn.embedded-postgres."))
    if (data / "postmaster.pid").exists():
        try:
            os.kill(int((data / "postmaster.pid").read_text().split()[0]), signal.SIGINT)
        except (ProcessLookupError, ValueError, IndexError):
            pass
    began = time.monotonic()
    while (data / "postmaster.pid").exists() and time.monotonic() - began < 30:
        time.sleep(0.2)
    return Server("service-aot-cache", [java, f"-XX:AOTCache={cache}", "-jar", str(extracted)] + arguments,
                  service.port, service.ready_path)


def median_start(server, times):
    """Seconds from launch to readiness UP, each start on an initialised database: the median, and every run."""
    runs = []
    for _ in range(times):
        server.start()
        runs.append(round(server.startup_seconds, 2))
        server.stop()
    return sorted(runs)[len(runs) // 2], runs


def startup_and_memory(service, args, results, workdir):
    if service not in STARTED:
        service.start()  # so the measured start finds the database initialised
    service.stop()
    times = 1 if args.smoke else 3
    seconds, runs = median_start(service, times)
    startup = {"secondsToReadiness": seconds, "runs": runs}
    cached = aot_cached(service, workdir)
    if cached:
        startup["aotCacheSecondsToReadiness"], startup["aotCacheRuns"] = median_start(cached, times)
    service.start()
    time.sleep(2)
    idle_rss = rss_mb(service.process.pid)
    count = 500 if args.smoke else 5000
    startup.update(rssAfterStartMb=round(idle_rss), idleConnections=count,
                   rssWithIdleConnectionsMb=round(idle_connections(service, count)))
    results["startup"] = startup
    log(f"  start-up: {results['startup']}")


# --- report ----------------------------------------------------------------------------------------------------------

def machine():
    java = subprocess.run([JAVA, "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    return {"date": time.strftime("%Y-%m-%d %H:%M"), "cpus": os.cpu_count(), "kernel": platform.release(),
            "java": java, "ulimitNofile": resource.getrlimit(resource.RLIMIT_NOFILE)[0],
            "wrk": subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.split("\n")[0]}


def markdown(results):
    lines = ["# asyncio-learn benchmark results", "",
             "Generated by `bench/run.py`" + (" (smoke mode: numbers mean nothing)" if results["smoke"] else "")
             + ". Machine: " + ", ".join(f"{k} {v}" for k, v in results["machine"].items()) + ".", "",
             "The service runs with its request log off (`logging.level.dev.asynciolearn.requests=warn`) and "
             "actuator on. Load generator and servers share the machine.", ""]
    lines += ["## Pure I/O: `GET /io?delayMs=d` (the service: `/api/offload/io`)", "",
              "efficiency = throughput / (C / d); latencies are wrk's, minus d; at C = 3000 the median of three runs (all "
              "three shown). The ceiling is what a run of that "
              "length can reach at best, since no answer arrives in its first d: (T - d) / T.", "",
              "| peer | measured | d (ms) | C | req/s | efficiency (ceiling) | p50 - d (ms) | p99 - d (ms) | errors | CPU s / 1000 req | peak RSS (MB) | threads |",
              "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for r in results["pureIo"]:
        lines.append(f"| {r['peer']} | {r.get('measured', '')} | {r['delayMs']} | {r['connections']} | {r['rps']:.0f}"
                     + (f" (of {', '.join(map(str, r['runsRps']))})" if len(r.get("runsRps", [])) > 1 else "")
                     + f" | {r['efficiency']}"
                     + (f" ({r['ceiling']})" if "ceiling" in r else "") + " | "
                     f"{r['p50MinusDelayMs']} | {r['p99MinusDelayMs']} | {r['errors']} | {r['cpuSecondsPer1000']} | "
                     f"{r['peakRssMb']} | {r['peakThreads']} |")
    if results.get("cost"):
        lines += ["", f"## Server CPU per request: pure I/O, `d = 0`, 50 connections, after {COST_WARM_UP} s of warm-up each", "",
                  "Every peer up side by side, measured in turns (one 10 s run each, five rounds); runs in the order "
                  "they ran, the median counts; CPU of the server's processes only. Measured "
                  + ", ".join(f"{k} {v}" for k, v in results.get("costMachine", {}).items() if k != "wrk") + ".", "",
                  "| peer | measured | CPU µs / req | x floor | runs (µs / req) | req/s | runs (req/s) |",
                  "| --- | --- | --- | --- | --- | --- | --- |"]
        for r in results["cost"]:
            lines.append(f"| {r['peer']} | {r.get('measured', '')} | {r['cpuMicrosPerRequest']} | {r.get('xFloor', '')} | "
                         f"{', '.join(map(str, r.get('runsCpuMicrosPerRequest', [])))} | {r['rps']} | "
                         f"{', '.join(map(str, r['runsRps']))} |")
    if results.get("features"):
        f = results["features"]
        t = f["threadsMicrosPerRequest"]
        lines += ["", "## What each feature of the service costs (same load, a JFR CPU-time profile)", "",
                  f"{f['samples']} samples of the event loops and schedulers over 20 s at {f['rps']} req/s; the "
                  f"process spent {f['cpuMicrosPerRequest']} µs per request: {t['app']} on those threads, "
                  f"{t['gc']} in the garbage collector, {t['jit']} compiling, {t['other']} elsewhere. A sample "
                  "counts for the feature whose frame is nearest its leaf; the rest is the pipeline and the server.",
                  "", "| feature | share of the samples | µs / request |", "| --- | --- | --- |"]
        for r in f["rows"]:
            lines.append(f"| {r['feature']} | {r['share']:.1%} | {r['micros']} |")
    if results.get("filesAndMixed"):
        lines += ["", "## The other `to_thread` scenarios, 32 clients, 1 MiB file, 50 ms storage latency", "",
                  "| peer | scenario | req/s | p50 (ms) | p99 (ms) | errors | CPU s / 1000 req | peak RSS (MB) | threads |",
                  "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
        for r in results["filesAndMixed"]:
            lines.append(f"| {r['peer']} | {r['scenario']} | {r['rps']:.0f} | {r['p50Ms']} | {r['p99Ms']} | "
                         f"{r['errors']} | {r['cpuSecondsPer1000']} | {r['peakRssMb']} | {r['peakThreads']} |")
    if results.get("isolation"):
        iso = results["isolation"]
        lines += ["", "## Event-loop isolation: `/api/ping` at 200/s while clients read files", "",
                  f"Idle ping: p50 {iso['idlePing']['p50Ms']} ms, p99 {iso['idlePing']['p99Ms']} ms.", "",
                  "| reads | clients | reads/s | read p99 (ms) | ping p50 (ms) | ping p99 (ms) | ping p99 / idle | ping errors |",
                  "| --- | --- | --- | --- | --- | --- | --- | --- |"]
        for r in iso["runs"]:
            lines.append(f"| {r['case']} | {r['connections']} | {r['rps']:.0f} | {r['p99Ms']} | {r['ping']['p50Ms']} | "
                         f"{r['ping']['p99Ms']} | {r['pingP99Ratio']} | {r['ping']['errors']} |")
    if results.get("semaphore"):
        s = results["semaphore"]
        lines += ["", "## Semaphore: 100 callers, 10 permits, `pg_sleep(0.1)`", "",
                  f"{s['queriesPerSecond']} queries/s inside the section over {s['rounds']} runs (ideal 10 / 0.1 s = "
                  f"{s['ideal']}), {s.get('queriesPerSecondEndToEnd', '-')} end to end with each run's HTTP call; "
                  f"peak backends seen by PostgreSQL: {s['peakBackends']}."]
    if results.get("twins"):
        lines += ["", "## Reactor against virtual threads, in the same service", "",
                  "Each concept's endpoint and its twin under `/api/vthreads/`, warmed 40 s each, then measured in "
                  "turns, three runs each; the median counts. CPU of the whole server process; threads and RSS are "
                  "the process's peaks during the run (one JVM serves both, so they are shared). Measured on its own: "
                  + ", ".join(f"{k} {v}" for k, v in results.get("twinsMachine", {}).items() if k != "wrk") + ".", "",
                  "| case | idiom | C | req/s | runs (req/s) | p50 (ms) | p99 (ms) | errors | CPU µs / req | peak RSS (MB) | peak threads |",
                  "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
        for r in results["twins"]:
            lines.append(f"| {r['case']} | {r['idiom']} | {r['connections']} | {r['rps']} | "
                         f"{', '.join(map(str, r['runsRps']))} | {r['p50Ms']} | {r['p99Ms']} | {r['errors']} | "
                         f"{r['cpuMicrosPerRequest']} | {r['peakRssMb']} | {r['peakThreads']} |")
    if results.get("startup"):
        s = results["startup"]
        lines += ["", "## Start-up and memory", "",
                  f"JVM start to readiness UP (database already initialised, no table-creation delay), median of "
                  f"{len(s.get('runs', [0]))}: {s['secondsToReadiness']} s with `java -jar` (runs: "
                  f"{', '.join(map(str, s.get('runs', [])))})"
                  + (f"; {s['aotCacheSecondsToReadiness']} s from the extracted jar with the JDK's AOT cache (runs: "
                     f"{', '.join(map(str, s['aotCacheRuns']))})" if s.get("aotCacheSecondsToReadiness") else "")
                  + f". Resident memory after start: {s['rssAfterStartMb']} MB; with {s['idleConnections']} idle "
                  f"keep-alive connections: {s['rssWithIdleConnectionsMb']} MB."]
    if NOTES:
        lines += ["", "## Notes", ""] + [f"- {note}" for note in NOTES]
    return "\n".join(lines) + "\n"


SCENARIOS = ("io", "cost", "features", "files", "isolation", "semaphore", "twins", "startup")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--smoke", action="store_true", help="seconds, not minutes: check that the script works")
    parser.add_argument("--skip-build", action="store_true", help="use the jars already built")
    parser.add_argument("--only", help="comma-separated scenarios to rerun, keeping the others from latest.json: "
                                       + ",".join(SCENARIOS))
    parser.add_argument("--peers", help="comma-separated peers to keep (the service is always kept), e.g. "
                                        "webflux-floor for a quicker cost rerun")
    args = parser.parse_args()
    only = set(args.only.split(",")) if args.only else set(SCENARIOS)
    if not only <= set(SCENARIOS):
        sys.exit(f"--only takes {','.join(SCENARIOS)}")
    # The features scenario profiles the service the cost scenario warmed.
    args.keep_service = "features" in only
    args.seconds, args.warmup, args.warmupPerPeer = (2, 1, 1) if args.smoke else (15, 5, 40)
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    (RESULTS / "raw").mkdir(parents=True, exist_ok=True)
    signal.signal(signal.SIGINT, lambda *a: (stop_all(), sys.exit(130)))
    signal.signal(signal.SIGTERM, lambda *a: (stop_all(), sys.exit(143)))
    if not args.skip_build:
        log("build the service, the peers and the probe")
        sh([str(ROOT / "mvnw"), "-B", "-q", "package", "-DskipTests"], cwd=ROOT)
        for project in ("bench/peers/webflux-floor", "bench/peers/mvc"):
            sh([str(ROOT / "mvnw"), "-B", "-q", "-f", f"{project}/pom.xml", "package"], cwd=ROOT)
        sh([str(ROOT / "mvnw"), "-B", "-q", "-f", "bench/probe/pom.xml", "package", "dependency:build-classpath",
            "-Dmdep.outputFile=target/cp.txt"], cwd=ROOT)
    name = "smoke" if args.smoke else "latest"
    results = {"pureIo": [], "filesAndMixed": []}
    if args.only and (RESULTS / f"{name}.json").exists():
        results = json.loads((RESULTS / f"{name}.json").read_text())
    # The machine line describes the full run; a rerun of some scenarios records its own (the twins' below).
    results.update(smoke=args.smoke)
    if not args.only:
        results.update(machine=machine())
    workdir = tempfile.mkdtemp(prefix="asyncio-learn-bench-")
    try:
        all_peers = peers(workdir, args)
        if args.peers:
            kept = set(args.peers.split(",")) | {"service"}
            all_peers = {name: server for name, server in all_peers.items() if name in kept}
        if not only & {"io", "cost", "files"}:
            # No scenario of this run has FastAPI in it: the earlier results kept are not concerned.
            NOTES[:] = [note for note in NOTES if not note.startswith("FastAPI")]
        service = all_peers["service"]
        if "io" in only:
            log("pure I/O")
            # A rerun of some peers keeps the others' rows, which say when they were measured.
            kept = [run for run in results["pureIo"] if run["peer"] not in all_peers]
            for run in kept:
                run.setdefault("measured", results.get("machine", {}).get("date", "")[:10])
            results["pureIo"] = kept
            pure_io(all_peers, args, results)
        if "cost" in only:
            log("cost per request")
            cost(all_peers, args, results)
        if "features" in only:
            log("what each feature costs")
            features(service, args, results)
        if not args.smoke and "files" in only:
            log("files and mixed")
            results["filesAndMixed"] = []
            files_and_mixed(all_peers, args, results)
        if not args.smoke and "isolation" in only:
            if service not in STARTED:
                service.start()
            log("event-loop isolation")
            isolation(service, args, results)
        if "semaphore" in only:
            if service not in STARTED:
                service.start()
            log("semaphore")
            semaphore(service, args, results)
        if "twins" in only:
            log("Reactor against virtual threads")
            twins(service, args, results)
        if "startup" in only:
            log("start-up and memory")
            startup_and_memory(service, args, results, workdir)
    finally:
        stop_all()
        shutil.rmtree(workdir, ignore_errors=True)
    for run in results["pureIo"] + results["filesAndMixed"] + results.get("isolation", {}).get("runs", []):
        run.pop("raw", None)
    (RESULTS / f"{name}.json").write_text(json.dumps(results, indent=1))
    (RESULTS / f"{name}.md").write_text(markdown(results))
    log(f"wrote bench/results/{name}.md")


if __name__ == "__main__":
    main()
