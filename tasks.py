"""Set-up and run commands that need only Python 3: `python3 tasks.py run|serve|test|lint|demo-data|bench`.

Creates `.venv/` beside this file, installs the pinned requirements into it when they changed, and
runs the command inside it. `test` also installs Debian's `chromium` for the browser tests, and `serve`
and `test` Debian's `nginx-light` (the load balancer), when missing and the machine allows it (root with
apt-get).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")


def sh(*args: str, **kwargs) -> int:
    print("+", " ".join(str(a) for a in args), flush=True)
    proc = subprocess.Popen([str(a) for a in args], cwd=ROOT, **kwargs)

    def forward(signum, _frame):
        # SIGTERM (a service manager, `timeout`) goes on to the command, which stops what it started.
        with contextlib.suppress(ProcessLookupError):
            proc.send_signal(signum)

    previous = signal.signal(signal.SIGTERM, forward) if hasattr(signal, "SIGTERM") else None
    try:
        while True:
            try:
                return proc.wait()
            except KeyboardInterrupt:
                # Ctrl-C reached the command too (same terminal): let it stop what it started (streamlit,
                # serve's replicas and nginx) instead of killing it at once as subprocess.call would.
                continue
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def ensure_venv(requirements: str) -> None:
    """Create the virtualenv and install a requirements file when its content changed."""
    if not PY.exists() and sh(sys.executable, "-m", "venv", VENV) != 0:
        sys.exit("could not create .venv (on Debian/Ubuntu: apt-get install python3-venv)")
    req = ROOT / requirements
    wanted = hashlib.sha256((req.read_text() + (ROOT / "requirements.txt").read_text()).encode()).hexdigest()
    stamp = VENV / f".installed-{req.stem}"
    if stamp.exists() and stamp.read_text() == wanted:
        return
    if sh(PY, "-m", "pip", "install", "--disable-pip-version-check", "-q", "-r", req) != 0:
        sys.exit(f"pip install -r {requirements} failed")
    stamp.write_text(wanted)


def ensure_debian_packages(commands: tuple[str, ...], packages: tuple[str, ...], without: str) -> None:
    """Install Debian packages when none of ``commands`` is found and the machine allows it (root with
    apt-get); otherwise say what is missing and what that means (``without``)."""
    if any(shutil.which(c) or Path("/usr/sbin", c).exists() for c in commands):
        return
    if os.name != "posix" or os.geteuid() != 0 or not shutil.which("apt-get"):
        print(f"{commands[0]} not found and cannot be installed here (needs root and apt-get: apt-get install "
              f"{' '.join(packages)}): {without}", flush=True)  # fmt: skip
        return
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    sh("apt-get", "update", "-q", env=env)
    sh("apt-get", "install", "-y", "-q", "--no-install-recommends", *packages, env=env)


def ensure_chromium() -> None:
    """Debian's chromium for the browser tests (Playwright cannot download browsers here)."""
    ensure_debian_packages(("chromium", "chromium-browser"), ("chromium", "fonts-noto-core"), "browser tests will be skipped")


def ensure_nginx(without: str) -> None:
    """Debian's nginx, the load balancer of `serve` (and of its tests)."""
    ensure_debian_packages(("nginx",), ("nginx-light",), without)


def main(argv: list[str]) -> int:
    cmd, rest = (argv[0], argv[1:]) if argv else ("help", [])
    if cmd == "run":
        ensure_venv("requirements.txt")
        return sh(PY, "-m", "streamlit", "run", "app.py", *rest)
    if cmd == "serve":
        ensure_venv("requirements.txt")
        ensure_nginx("serve cannot start")
        return sh(PY, "-m", "ascc", "serve", *rest)
    if cmd == "test":
        ensure_venv("requirements-dev.txt")
        ensure_chromium()
        ensure_nginx("the load-balancer tests will be skipped")
        return sh(PY, "-m", "pytest", *rest)
    if cmd == "lint":
        ensure_venv("requirements-dev.txt")
        return sh(PY, "-m", "ruff", "check", ".")
    if cmd in ("demo-data", "build-public", "bench", "export-deck", "import", "init-dataset", "batches", "rollback", "indicators",
               "targets", "weights"):
        ensure_venv("requirements.txt")
        return sh(PY, "-m", "ascc", cmd, *rest)
    print(__doc__)
    return 0 if cmd == "help" else 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
