#!/usr/bin/env bash
# Set up a fresh machine for newsark: a virtualenv in .venv with newsark and its test tools,
# plus the Debian packages the browser tests and the pywb test server need.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then "$PY" -m venv .venv; fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[dev]'
# pywb (a real Wayback server for the rescue tests) pins old versions of libraries that
# newsark uses, so it lives in its own virtualenv.
if [ ! -x .venv-pywb/bin/wayback ]; then
  "$PY" -m venv .venv-pywb
  .venv-pywb/bin/python -m pip install -q --upgrade pip
  .venv-pywb/bin/python -m pip install -q pywb
fi
# Debian's chromium for the Playwright browser tests (never Playwright's own download).
if [ "${NEWSARK_SKIP_APT:-0}" != "1" ] && ! command -v chromium >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
      || echo "warning: could not install chromium; browser tests will be skipped" >&2
  fi
fi
echo "newsark is set up: .venv/bin/newsark --help"
