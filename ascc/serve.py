"""More users than one process can serve: N app processes behind nginx (``python3 tasks.py serve``).

One ``streamlit run`` process runs Python on one core at a time, so sessions queue behind each other.
``serve`` starts N replicas of the app (default: one per core), each on a free port of 127.0.0.1, and
nginx in front of them on the public port, configured from the same files production uses
(``deploy/nginx/ascc-maps.conf`` and ``ascc-app.conf``): sticky sessions by a route cookie (a browser's
page, websocket, uploads and reloads reach one replica), websocket upgrade headers, security headers,
passive health checks in nginx (a failing replica is left out for a few seconds) and active ones here (a
replica that exits or stops answering /_stcore/health is restarted). The replicas share the dataset
folder and the aggregate cache: a new dataset version (an import through any replica or the CLI) is
seen by every replica within ``settings.VERSION_TTL_S`` and computed once (``ascc.db.materialise``
holds a lock while it computes). Ctrl-C (or SIGTERM) stops nginx and every replica.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from ascc import settings

NGINX_DIR = settings.PROJECT_ROOT / "deploy" / "nginx"
APP = settings.PROJECT_ROOT / "app.py"
HEALTH_PATH = "/_stcore/health"
# A replica that misses this many health checks in a row (one every CHECK_EVERY_S) is restarted.
CHECK_EVERY_S = 5.0
MISSES_BEFORE_RESTART = 3
START_TIMEOUT_S = 180.0
# The access log records the replica that served each request and the route cookie it came with, so
# a test (and whoever runs the servers) can see that a browser stays on its replica.
LOG_FORMAT = '$remote_addr [$time_local] "$request" $status upstream=$upstream_addr route=$cookie_ascc_route rt=$request_time'


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def nginx_conf(*, replica_ports: list[int], listen: int, address: str, prefix: Path) -> str:
    """nginx.conf for a local balancer: the shared site parts of deploy/nginx around a generated upstream."""
    servers = "\n".join(f"        server 127.0.0.1:{p} max_fails=2 fail_timeout=5s;" for p in replica_ports)
    # As root, nginx's workers run as an unprivileged user (nobody), which must be able to enter prefix.
    user = "user nobody nogroup;\n" if hasattr(os, "geteuid") and os.geteuid() == 0 else ""
    return f"""# Written by python3 tasks.py serve; removed when it stops.
{user}worker_processes 1;
daemon off;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{
    worker_connections 4096;
}}
http {{
    default_type application/octet-stream;
    log_format ascc '{LOG_FORMAT}';
    access_log {prefix}/access.log ascc;
    client_body_temp_path {prefix}/client_body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    include {NGINX_DIR}/ascc-maps.conf;
    upstream ascc_replicas {{
        hash $ascc_route consistent;
{servers}
    }}
    server {{
        listen {address}:{listen};
        server_name _;
        include {NGINX_DIR}/ascc-app.conf;
    }}
}}
"""


def nginx_binary() -> str | None:
    return shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if Path(p).exists()), None)


def healthy(port: int, timeout: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{HEALTH_PATH}", timeout=timeout) as resp:
            return resp.status == 200
    except OSError:
        return False


@dataclass
class Replica:
    """One app process on 127.0.0.1:port, its log and how often it was restarted."""

    index: int
    port: int
    log_path: Path
    env: dict
    proc: subprocess.Popen | None = None
    misses: int = 0
    restarts: int = 0
    started: float = field(default=0.0)
    up: bool = False  # has answered a health check since it was (re)started

    def command(self) -> list[str]:
        return [sys.executable, "-m", "streamlit", "run", str(APP), "--server.headless", "true",
                "--server.address", "127.0.0.1", "--server.port", str(self.port)]  # fmt: skip

    def start(self) -> None:
        log = open(self.log_path, "ab")  # noqa: SIM115 - the child holds it; closed with the process
        self.proc = subprocess.Popen(self.command(), cwd=settings.PROJECT_ROOT, env=self.env, stdout=log,
                                     stderr=subprocess.STDOUT, start_new_session=True)  # fmt: skip
        log.close()
        self.misses, self.started, self.up = 0, time.monotonic(), False

    def stop(self, timeout: float = 15.0) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


class Balancer:
    """N replicas and nginx; a context manager that stops everything it started on exit."""

    def __init__(self, replicas: int, port: int, address: str = "0.0.0.0", env: dict | None = None,
                 replica_ports: list[int] | None = None, say=print):  # fmt: skip
        self.n, self.port, self.address, self.say = replicas, port, address, say
        self.prefix = Path(tempfile.mkdtemp(prefix="ascc-serve-"))
        self.prefix.chmod(0o755)
        env = dict(os.environ if env is None else env)
        env.setdefault("STREAMLIT_BROWSER_GATHER_USAGE_STATS", "false")
        # One secret for every replica: Streamlit signs its XSRF cookie with it, so an upload accepted by
        # one replica's page is accepted by another after a failover.
        env.setdefault("STREAMLIT_SERVER_COOKIE_SECRET", secrets.token_hex(32))
        ports = replica_ports or [free_port() for _ in range(replicas)]
        self.replicas = [Replica(i, p, self.prefix / f"replica-{i + 1}.log", env) for i, p in enumerate(ports)]
        self.nginx: subprocess.Popen | None = None

    @property
    def access_log(self) -> Path:
        return self.prefix / "access.log"

    def __enter__(self) -> Balancer:
        try:
            self.start()
        except BaseException:
            self.__exit__()
            raise
        return self

    def start(self) -> None:
        nginx = nginx_binary()
        if nginx is None:
            raise RuntimeError(
                "nginx is not installed. On Debian or Ubuntu: apt-get install nginx-light "
                "(python3 tasks.py serve installs it when run as root)."
            )
        for replica in self.replicas:
            replica.start()
        deadline = time.monotonic() + START_TIMEOUT_S
        for replica in self.replicas:
            while not healthy(replica.port):
                if replica.proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"replica {replica.index + 1} did not start; its log:\n{self.log_tail(replica)}")
                time.sleep(0.2)
            replica.up = True
        conf = self.prefix / "nginx.conf"
        conf.write_text(nginx_conf(replica_ports=[r.port for r in self.replicas], listen=self.port,
                                   address=self.address, prefix=self.prefix))  # fmt: skip
        # -e: the error log from the start (nginx otherwise first opens its system log, not writable when not root)
        args = ["-p", str(self.prefix), "-e", str(self.prefix / "error.log"), "-c", str(conf)]
        check = subprocess.run([nginx, "-t", "-q", *args], capture_output=True, text=True)
        if check.returncode != 0:
            raise RuntimeError(f"nginx refused its configuration ({conf}):\n{check.stderr}")
        self.nginx = subprocess.Popen([nginx, *args], stdout=subprocess.DEVNULL,
                                      stderr=open(self.prefix / "nginx.out", "ab"), start_new_session=True)  # noqa: SIM115  # fmt: skip
        while not self._answers():
            if self.nginx.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("nginx did not start:\n" + (self.prefix / "error.log").read_text(errors="replace")[-2000:])
            time.sleep(0.1)

    def _answers(self) -> bool:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{HEALTH_PATH}", timeout=2) as resp:
                return resp.status == 200
        except OSError:
            return False

    def log_tail(self, replica: Replica, chars: int = 3000) -> str:
        with contextlib.suppress(OSError):
            return replica.log_path.read_text(errors="replace")[-chars:]
        return ""

    def check(self) -> list[str]:
        """One round of active health checks; restarts replicas that exited or stopped answering."""
        events = []
        for r in self.replicas:
            if r.proc.poll() is not None:
                reason = f"exited with code {r.proc.returncode}"
            elif healthy(r.port):
                r.misses, r.up = 0, True
                continue
            elif not r.up and time.monotonic() - r.started < START_TIMEOUT_S:
                continue  # still starting (imports, first connection)
            else:
                r.misses += 1
                if r.misses < MISSES_BEFORE_RESTART:
                    continue
                reason = f"missed {r.misses} health checks"
            r.stop(timeout=5)
            r.restarts += 1
            r.start()
            events.append(f"replica {r.index + 1} (port {r.port}) {reason}: restarted")
        if self.nginx is not None and self.nginx.poll() is not None:
            events.append(f"nginx exited with code {self.nginx.returncode}")
        return events

    def __exit__(self, *exc) -> None:
        if self.nginx is not None and self.nginx.poll() is None:
            self.nginx.send_signal(signal.SIGQUIT)  # graceful: finishes the requests in flight
            try:
                self.nginx.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.nginx.kill()
                self.nginx.wait()
        for r in self.replicas:
            r.stop()
        if not os.environ.get("ASCC_SERVE_KEEP_LOGS"):
            shutil.rmtree(self.prefix, ignore_errors=True)


def warm(say=print) -> None:
    """Compute every dataset's aggregates and progress assessments once, before the replicas start (they
    read them from the cache folder instead of each computing its own)."""
    from ascc import datasets, db, status

    for ds in datasets.available():
        begun = time.perf_counter()
        token = settings.chosen_dataset.set(ds.path)
        try:
            db.connection(ds.path)
            frames = status.precompute()
        finally:
            settings.chosen_dataset.reset(token)
        say(f"  {ds.key}: aggregates and {frames} assessment frames ready in {time.perf_counter() - begun:.1f} s")
    db.clear_cache()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--replicas", type=int, default=os.cpu_count() or 2,
                        help="number of app processes (default: the number of cores)")  # fmt: skip
    parser.add_argument("--port", type=int, default=8080, help="the port visitors use (default 8080)")
    parser.add_argument("--address", default="0.0.0.0", help="the address nginx listens on (default: every interface)")


def main(args: argparse.Namespace) -> int:
    if args.replicas < 1:
        print("--replicas must be at least 1", file=sys.stderr)
        return 2
    stop = threading.Event()

    def on_signal(signum, _frame):
        # Ctrl-C and SIGTERM only ask to stop: a second one during the clean-up does not cut it short.
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    replicas = f"{args.replicas} replica{'s' if args.replicas != 1 else ''}"
    print(f"Computing the aggregates once for {replicas}…", flush=True)
    warm(lambda line: print(line, flush=True))
    if stop.is_set():
        return 0
    try:
        with Balancer(args.replicas, args.port, args.address) as bal:
            ports = ", ".join(str(r.port) for r in bal.replicas)
            host = "127.0.0.1" if args.address in ("0.0.0.0", "::") else args.address
            print(f"Serving http://{host}:{args.port} — {replicas} on 127.0.0.1 (ports {ports}) "
                  f"behind nginx (logs in {bal.prefix}). Ctrl-C stops everything.", flush=True)  # fmt: skip
            while not stop.wait(CHECK_EVERY_S):
                for event in bal.check():
                    print(event, flush=True)
                if bal.nginx.poll() is not None:
                    print("nginx stopped; stopping the replicas", file=sys.stderr, flush=True)
                    return 1
    except RuntimeError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print("Stopped nginx and every replica.", flush=True)
    return 0
