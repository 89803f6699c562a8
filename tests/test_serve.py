"""Many users: replicas behind nginx (python3 tasks.py serve) — configuration, sticky sessions, headers,
and a new import seen by every replica. Skipped where nginx is not installed (tasks.py test installs it)."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import pytest

from ascc import batches, serve, settings
from ascc.i18n import t
from tools import loadtest

pytestmark = pytest.mark.skipif(serve.nginx_binary() is None, reason="nginx is not installed (python3 tasks.py test installs it)")

CSV = "indicator,area,year,value,source\nHH_COMPUTER,Thành phố Hà Nội,2023,53.2,GSO V14.60.2\nHH_COMPUTER,Hai Phong,2023,30.4,GSO V14.60.2\n"
REGIONS_HH = "lang=en&boundary=63&year=2023&ind=HH_COMPUTER"


def _nginx_test(conf: Path, prefix: Path) -> subprocess.CompletedProcess:
    return subprocess.run([serve.nginx_binary(), "-t", "-p", str(prefix), "-c", str(conf)], capture_output=True, text=True)


def test_generated_configuration_is_accepted_by_nginx(tmp_path):
    conf = tmp_path / "nginx.conf"
    conf.write_text(serve.nginx_conf(replica_ports=[18501, 18502], listen=18080, address="127.0.0.1", prefix=tmp_path))
    done = _nginx_test(conf, tmp_path)
    assert done.returncode == 0, done.stderr
    text = conf.read_text()
    assert "hash $ascc_route consistent" in text and text.count("server 127.0.0.1:185") == 2


def test_production_site_is_accepted_by_nginx(tmp_path):
    # The site as an administrator installs it: inside nginx's http block, the deploy/ files where the
    # site says (/opt/ascc), a certificate where the placeholders point (here a self-signed one).
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=ascc.test",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)  # fmt: skip
    site = (serve.NGINX_DIR / "ascc-site.conf").read_text()
    site = site.replace("/opt/ascc/deploy/nginx", str(serve.NGINX_DIR))
    site = re.sub(r"ssl_certificate\s+\S+;", f"ssl_certificate {cert};", site)
    site = re.sub(r"ssl_certificate_key\s+\S+;", f"ssl_certificate_key {key};", site)
    site = site.replace("listen 80;", "listen 127.0.0.1:18081;").replace("listen 443 ssl http2;", "listen 127.0.0.1:18443 ssl http2;")
    site = "\n".join(line for line in site.splitlines() if "[::]" not in line)
    conf = tmp_path / "nginx.conf"
    conf.write_text(f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\nhttp {{\n{site}\n}}\n")
    done = _nginx_test(conf, tmp_path)
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module")
def balancer(tmp_path_factory):
    """Two replicas and nginx over a fresh official dataset (no results yet), with their own cache."""
    root = tmp_path_factory.mktemp("serve")
    data = root / "official"
    batches.init_dataset(data)
    env = {**os.environ, settings.DATA_DIR_ENV: str(data), settings.CACHE_DIR_ENV: str(root / "cache"), "ASCC_VERSION_TTL_S": "1.0"}
    with serve.Balancer(2, serve.free_port(), "127.0.0.1", env=env) as bal:
        bal.data_dir, bal.env = data, env
        yield bal


def _get(url: str, route: str | None = None):
    req = urllib.request.Request(url, headers={"Cookie": f"ascc_route={route}"} if route else {})
    try:
        return urllib.request.urlopen(req, timeout=30)
    except urllib.error.HTTPError as err:
        return err


def _upstreams(bal, route: str) -> set[str]:
    lines = bal.access_log.read_text().splitlines()
    return {m.group(1) for line in lines if f"route={route} " in line for m in [re.search(r"upstream=(\S+)", line)] if m}


def test_headers_metrics_and_a_route_cookie(balancer):
    resp = _get(f"http://127.0.0.1:{balancer.port}/")
    assert resp.status == 200
    headers = resp.headers
    csp = headers["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in csp and "object-src 'none'" in csp and "default-src 'self'" in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    cookie = headers["Set-Cookie"]
    assert cookie.startswith("ascc_route=") and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    # A browser that has its cookie gets no new one.
    route = cookie.split(";")[0].split("=", 1)[1]
    assert _get(f"http://127.0.0.1:{balancer.port}/", route).headers.get("Set-Cookie") is None
    # Streamlit's metrics are not for visitors (each replica still serves them on 127.0.0.1).
    assert _get(f"http://127.0.0.1:{balancer.port}/_stcore/metrics").status == 404
    assert _get(f"http://127.0.0.1:{balancer.replicas[0].port}/_stcore/metrics").status == 200


def test_a_browser_stays_on_its_replica_and_browsers_are_spread(balancer):
    routes = [uuid.uuid4().hex for _ in range(16)]
    for route in routes:
        for path in ("/", "/_stcore/health", "/_stcore/host-config"):
            assert _get(f"http://127.0.0.1:{balancer.port}{path}", route).status == 200
    # The websocket too: a run of a page through the balancer with the same cookie.
    loadtest.run_once(balancer.port, "overview", "lang=en", route=routes[0])
    time.sleep(0.5)  # nginx writes the log line when the websocket closes
    served = [_upstreams(balancer, r) for r in routes]
    assert all(len(s) == 1 for s in served), served
    assert len(set().union(*served)) == 2, "16 browsers all on one replica"
    assert any("/_stcore/stream" in line and f"route={routes[0]} " in line for line in balancer.access_log.read_text().splitlines())


def test_an_import_is_seen_by_both_replicas(balancer, tmp_path):
    notice = t("error.no_data", "en").encode()
    for replica in balancer.replicas:
        assert notice in loadtest.run_once(replica.port, "regions", REGIONS_HH)
    path = tmp_path / "hh.csv"
    path.write_text(CSV, encoding="utf-8")
    # The CLI, another process, as a data manager imports on the server.
    done = subprocess.run([sys.executable, "-m", "ascc", "import", str(path), "--data-dir", str(balancer.data_dir), "--lang", "en"],
                          capture_output=True, text=True, env=balancer.env, cwd=settings.PROJECT_ROOT)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    for replica in balancer.replicas:
        deadline = time.monotonic() + 30
        while True:
            page = loadtest.run_once(replica.port, "regions", REGIONS_HH)
            if notice not in page:
                break
            assert time.monotonic() < deadline, f"replica {replica.index + 1} still shows no data 30 s after the import"
            time.sleep(0.5)
        assert b"53.2" in page and b"30.4" in page


def test_a_replica_that_dies_is_restarted(balancer):
    victim = balancer.replicas[1]
    victim.proc.kill()
    victim.proc.wait()
    events = balancer.check()
    assert any("replica 2" in e and "restarted" in e for e in events)
    deadline = time.monotonic() + serve.START_TIMEOUT_S
    while not serve.healthy(victim.port):
        assert time.monotonic() < deadline and victim.proc.poll() is None, balancer.log_tail(victim)
        time.sleep(0.3)
    assert victim.restarts == 1


def test_a_replica_that_stops_answering_is_restarted(balancer):


    victim = balancer.replicas[0]
    victim.proc.send_signal(signal.SIGSTOP)  # alive but frozen: only the health check can tell
    try:
        events = []
        for _ in range(serve.MISSES_BEFORE_RESTART):
            events += balancer.check()
    finally:
        with contextlib.suppress(ProcessLookupError):
            victim.proc.send_signal(signal.SIGCONT)
    assert any("replica 1" in e and "missed 3 health checks" in e for e in events), events
    deadline = time.monotonic() + serve.START_TIMEOUT_S
    while not serve.healthy(victim.port):
        assert time.monotonic() < deadline and victim.proc.poll() is None, balancer.log_tail(victim)
        time.sleep(0.3)
