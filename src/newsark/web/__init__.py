"""The local web reader: ``newsark serve`` (Starlette + Jinja, read-only)."""

from __future__ import annotations

from newsark.web.app import create_app

__all__ = ["create_app"]
