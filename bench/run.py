"""``make bench``: the public pages under load, beside a bare Django view.

For each size (BENCH_SIZES, default "10000 100000" opportunities), on SQLite,
or on PostgreSQL when DATABASE_URL names a PostgreSQL server (a throwaway
database per size is created there and dropped after): builds the database
(bench/build_database.py), renders every page
in-process with the page cache off (bench/measure_in_process.py), then serves
it with gunicorn under production settings (gunicorn.conf.py: 2 workers of 2
threads, a private Redis on 127.0.0.1 when redis-server is installed) and
drives each page with wrk: warm (page cache on) and cold (PAGE_CACHE_SECONDS=0),
beside the bare view (bench/bare_view.py) under the same gunicorn settings.
Prints figures; asserts nothing. Only 127.0.0.1 is ever sent a request, and
every run is bounded: BENCH_SECONDS (10) per round, BENCH_ROUNDS (3) rounds,
median kept, BENCH_CONNECTIONS (8) connections.
"""

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
SIZES = [int(size) for size in os.environ.get("BENCH_SIZES", "10000 100000").split()]
SECRET = "bench-" + "k" * 60
SERVER_URL = os.environ.get("DATABASE_URL", "")
ON_POSTGRESQL = SERVER_URL.startswith(("postgres://", "postgresql://"))
ENGINE = "PostgreSQL" if ON_POSTGRESQL else "SQLite"
CREATED_DATABASES = []


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run_json(args, env):
    output = subprocess.run(args, env=env, cwd=ROOT, capture_output=True, text=True)
    if output.returncode:
        sys.exit(f"bench: {' '.join(args[1:2])} failed:\n{output.stderr[-3000:]}")
    return json.loads(output.stdout.strip().splitlines()[-1])


class Redis:
    """A private redis-server for the run, so the workers share one cache."""

    def __init__(self, workdir):
        self.port = free_port()
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(workdir)],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        wait_for(lambda: socket.create_connection(("127.0.0.1", self.port), timeout=1).close())
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def flush(self):
        subprocess.run(["redis-cli", "-p", str(self.port), "flushall"], capture_output=True)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


def wait_for(check, timeout=60):
    deadline = time.monotonic() + timeout
    while True:
        try:
            return check()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


RUNNING = []  # servers to stop however the run ends


class Server:
    """gunicorn with the project's config file, on a free port of 127.0.0.1."""

    def __init__(self, env, app=None):
        self.port = free_port()
        env = {**env, "GUNICORN_BIND": f"127.0.0.1:{self.port}"}
        command = [GUNICORN, "-c", str(ROOT / "gunicorn.conf.py")] + ([app] if app else [])
        self.process = subprocess.Popen(
            command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True,
        )  # fmt: skip
        RUNNING.append(self)
        self.base = f"http://127.0.0.1:{self.port}"
        wait_for(lambda: fetch(self.base + ("/healthz" if app is None else "/")))

    def stop(self):
        if self in RUNNING:
            RUNNING.remove(self)
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=30)


def fetch(url):
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 (127.0.0.1 only)
        return response.read()


LATENCY = re.compile(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
UNIT = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def drive(url):
    """Median of ROUNDS wrk rounds: requests/s, p50 ms, p99 ms."""
    rounds = []
    for _ in range(ROUNDS):
        output = subprocess.run(
            ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency",
             "-H", "X-Forwarded-Proto: https", url],
            capture_output=True, text=True, check=True, timeout=SECONDS + 30,
        ).stdout  # fmt: skip
        rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
        latency = {q: float(v) * UNIT[u] for q, v, u in LATENCY.findall(output)}
        errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
        rounds.append((rate, latency["50"], latency["99"], int(errors.group(1)) if errors else 0))
    rounds.sort()
    return rounds[len(rounds) // 2]


def hashed_static(static_root):
    manifest = json.loads((static_root / "staticfiles.json").read_text())
    return "/static/" + manifest["paths"]["css/site.css"]


def on_server(sql, url=SERVER_URL):
    """Run one statement on the PostgreSQL server, outside any transaction."""
    import psycopg

    with psycopg.connect(urlunsplit(urlsplit(url)._replace(path="/postgres")),
                         autocommit=True) as connection:  # fmt: skip
        connection.execute(sql)


def throwaway_database(size, workdir):
    """The address of an empty database for one size: a SQLite file in the
    work folder, or a new database on the PostgreSQL server."""
    if not ON_POSTGRESQL:
        return f"sqlite:///{workdir / f'bench-{size}.sqlite3'}"
    name = f"copro_bench_{size}"
    on_server(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    on_server(f"CREATE DATABASE {name}")
    CREATED_DATABASES.append(name)
    return urlunsplit(urlsplit(SERVER_URL)._replace(path=f"/{name}"))


def bench_size(size, workdir, redis):
    env = {
        **os.environ,
        "DATABASE_URL": throwaway_database(size, workdir),
        "MEDIA_ROOT": str(workdir / f"media-{size}"),
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    started = time.monotonic()
    built = run_json([PYTHON, "bench/build_database.py", str(size)], env)
    print(f"# {size:,} opportunities ({built['open']:,} open) built in "
          f"{time.monotonic() - started:.0f} s", flush=True)  # fmt: skip
    in_process = run_json([PYTHON, "bench/measure_in_process.py", json.dumps(built)], env)

    static_root = workdir / "static"
    production = {
        **env,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": SECRET,
        "ALLOWED_HOSTS": "127.0.0.1",
        "STATIC_ROOT": str(static_root),
        "WEB_CONCURRENCY": "2",
        "LOG_LEVEL": "ERROR",
    }
    if redis is not None:
        production["REDIS_URL"] = redis.url
    else:
        production["SINGLE_PROCESS"] = "true"
        production["WEB_CONCURRENCY"] = "1"
    if not static_root.exists():
        subprocess.run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"],
                       env=production, cwd=ROOT, check=True)  # fmt: skip
    pages = [(label, figures["path"]) for label, figures in in_process.items()]
    pages.append(("a hashed static file", hashed_static(static_root)))

    bare = Server(production, app="bench.bare_view:application")
    ceiling = drive(bare.base + "/")
    bare.stop()

    under_load = {}
    for mode, seconds in (("warm", "600"), ("cold", "0")):
        if redis is not None:
            redis.flush()
        server = Server({**production, "PAGE_CACHE_SECONDS": seconds})
        for label, path in pages:
            fetch(server.base + path)  # fills the page cache when it is on
            under_load[(mode, label)] = drive(server.base + path)
        server.stop()
    return {"ceiling": ceiling, "in_process": in_process, "load": under_load, "pages": pages}


def print_size(size, result):
    ceiling = result["ceiling"]
    print(f"\n## {size:,} opportunities, {ENGINE}; bare Django view: {ceiling[0]:,.0f} req/s, "
          f"p50 {ceiling[1]:.1f} ms, p99 {ceiling[2]:.1f} ms\n")  # fmt: skip
    print("| page | warm req/s | warm p50 ms | warm p99 ms | share of bare | cold req/s "
          "| cold p99 ms | queries | in-process ms | HTML bytes | gzip bytes |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for label, _path in result["pages"]:
        warm, cold = result["load"][("warm", label)], result["load"][("cold", label)]
        page = result["in_process"].get(label)
        page_figures = (
            f"{page['queries']} | {page['median_ms']:.0f} | {page['html_bytes']:,} | "
            f"{page['html_gzip_bytes']:,}"
            if page
            else "– | – | – | –"
        )
        failed = " (errors)" if warm[3] or cold[3] else ""
        print(f"| {label}{failed} | {warm[0]:,.0f} | {warm[1]:.1f} | {warm[2]:.1f} | "
              f"{warm[0] / ceiling[0]:.0%} | {cold[0]:,.0f} | {cold[2]:.0f} | {page_figures} |")  # fmt: skip


def print_growth(small, large, results):
    print(f"\n## From {small:,} to {large:,} opportunities (in-process, cache off)\n")
    print("| page | queries | ms | queries | ms | growth |")
    print("|---|---|---|---|---|---|")
    for label, before in results[small]["in_process"].items():
        after = results[large]["in_process"][label]
        print(f"| {label} | {before['queries']} | {before['median_ms']:.0f} | "
              f"{after['queries']} | {after['median_ms']:.0f} | "
              f"{after['median_ms'] / before['median_ms']:.2f}× |")  # fmt: skip


def main():
    if not shutil.which("wrk"):
        sys.exit("bench: wrk is needed (Debian: apt-get install wrk).")
    # Stopped from outside (kill PID): clean up as after a normal end.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("bench: stopped"))
    workdir = Path(tempfile.mkdtemp(prefix="copro-bench-"))
    redis = Redis(workdir) if shutil.which("redis-server") else None
    started = time.monotonic()
    results = {}
    try:
        for size in SIZES:
            results[size] = bench_size(size, workdir, redis)
            print_size(size, results[size])
        if len(SIZES) > 1:
            print_growth(SIZES[0], SIZES[-1], results)
    finally:
        for server in list(RUNNING):
            server.stop()
        if redis is not None:
            redis.stop()
        for name in CREATED_DATABASES:
            on_server(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        shutil.rmtree(workdir, ignore_errors=True)
    print(f"\n{ROUNDS} × {SECONDS} s rounds (median), {CONNECTIONS} connections, "
          f"{os.cpu_count()} cores; the whole run took {time.monotonic() - started:.0f} s.")  # fmt: skip


if __name__ == "__main__":
    main()
