"""Repairs of imported article files.

Each repair is a small pure function over text that returns the new text plus the exact
changes it made (``Change``), so the importer can record them in the catalog and undo them.
Repairs that cannot be certain only *flag* (``Finding``), never change.
"""

from newsark.repair.base import Change, Finding

__all__ = ["Change", "Finding"]
