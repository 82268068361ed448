"""Run newsark's CLI in a subprocess (as a user would), bounded in time."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

# Rates high and pauses short so scenarios run in seconds; the layer's log checks them.
FAST = ("--cdx-rate", "600", "--replay-rate", "200", "--pause-429", "1", "--pause-refused", "2")


def newsark_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "newsark.cli", *args]


def rescue_args(host: str, archive: Path, wayback: str, extra: Sequence[str] = FAST) -> list[str]:
    return newsark_cmd("rescue", host, "--archive", str(archive), "--wayback", wayback,
                       "--quiet", *extra)


def run(cmd: Sequence[str], timeout: float = 300.0) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    return subprocess.run(list(cmd), capture_output=True, text=True, timeout=timeout, env=env,
                          check=False, stdin=subprocess.DEVNULL)


def start(cmd: Sequence[str], log: Path) -> subprocess.Popen[bytes]:
    """Start a command in its own process group, output to ``log`` (for kill -9 tests)."""
    with log.open("ab") as fh:
        return subprocess.Popen(list(cmd), stdout=fh, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True)
