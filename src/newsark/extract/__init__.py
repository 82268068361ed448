"""Archived HTML to a faithful article: charset, metadata, body, figures, site templates."""

from __future__ import annotations

from .charset import decode_html
from .page import Extraction, extract_page
from .profile import SiteProfile, learn_site

__all__ = ["Extraction", "SiteProfile", "decode_html", "extract_page", "learn_site"]
