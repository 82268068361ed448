"""Run pywb 2.10 (its own virtualenv) on 127.0.0.1 over a collection of WARC files."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Self

import httpx

REPO = Path(__file__).resolve().parents[3]
PYWB_VENV = REPO / ".venv-pywb"
CONFIG = "framed_replay: false\nredirect_to_exact: true\nenable_memento: true\n"


class PywbUnavailable(RuntimeError):
    """pywb is not installed or did not start; tests skip with this message."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def pywb_bin(name: str) -> Path:
    path = PYWB_VENV / "bin" / name
    if not path.exists():
        raise PywbUnavailable(f"{path} missing: run `bash scripts/setup.sh` to create .venv-pywb")
    return path


class PywbServer:
    """pywb serving ``warcs`` as collection ``coll``; a context manager, stopped reliably."""

    def __init__(
        self, warcs: Sequence[str | os.PathLike[str]], *, coll: str = "site",
        workdir: str | os.PathLike[str] | None = None, start_timeout: float = 60.0,
    ) -> None:
        if not warcs:
            raise ValueError("pywb needs at least one WARC file")
        self.warcs = [Path(w) for w in warcs]
        self.coll = coll
        self._own_dir = workdir is None
        self.workdir = Path(workdir or tempfile.mkdtemp(prefix="newsark-pywb-"))
        self.start_timeout = start_timeout
        self.port = 0
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def index_path(self) -> Path:
        """pywb's CDXJ index of the collection (one line per capture)."""
        return self.workdir / "collections" / self.coll / "indexes" / "index.cdxj"

    def _run(self, *args: str) -> None:
        done = subprocess.run(
            [str(pywb_bin("wb-manager")), *args], cwd=self.workdir, capture_output=True, check=False,
            timeout=600,
        )
        if done.returncode != 0:
            raise PywbUnavailable(
                f"wb-manager {' '.join(args)} failed: {done.stderr.decode(errors='replace')[-500:]}"
            )

    def start(self) -> PywbServer:
        self.workdir.mkdir(parents=True, exist_ok=True)
        (self.workdir / "config.yaml").write_text(CONFIG)
        if not (self.workdir / "collections" / self.coll).exists():
            self._run("init", self.coll)
        self._run("add", self.coll, *[str(w) for w in self.warcs])
        self.port = free_port()
        log = open(self.workdir / "wayback.log", "wb")  # noqa: SIM115 - lives with the process
        self.proc = subprocess.Popen(
            [str(pywb_bin("wayback")), "-b", "127.0.0.1", "-p", str(self.port)],
            cwd=self.workdir, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        log.close()
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                tail = (self.workdir / "wayback.log").read_bytes()[-800:].decode(errors="replace")
                raise PywbUnavailable(f"wayback exited with {self.proc.returncode}: {tail}")
            try:
                httpx.get(f"{self.base_url}/{self.coll}/cdx?url=*&limit=1", timeout=2.0)
                return self
            except httpx.HTTPError:
                time.sleep(0.1)
        self.stop()
        raise PywbUnavailable(f"wayback did not answer within {self.start_timeout:.0f}s")

    def stop(self) -> None:
        """Kill the whole process group (wayback forks gevent workers), bounded in time."""
        proc, self.proc = self.proc, None
        if proc is not None and proc.poll() is None:
            for sig, wait in ((signal.SIGTERM, 5.0), (signal.SIGKILL, 5.0)):
                try:
                    os.killpg(proc.pid, sig)
                except ProcessLookupError:
                    break
                try:
                    proc.wait(timeout=wait)
                    break
                except subprocess.TimeoutExpired:
                    continue
        if self._own_dir:
            shutil.rmtree(self.workdir, ignore_errors=True)

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
