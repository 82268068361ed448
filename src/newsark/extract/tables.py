"""Tables a body lost the rows of, put back from the page.

Trafilatura reads a list item's content without its table structure: a table inside an
``<li>`` (a ranking whose every entry holds a comparison table) comes out as a run of
bare ``<th>``/``<td>`` cells, and the Markdown shows each cell as a paragraph of its own
(434 cells on one WCXB page). The page still has the table: a run of loose cells whose
texts are, in order, the non-empty cells of one of the page's tables is replaced by a
copy of that table.
"""

from __future__ import annotations

import copy

from lxml import etree

from .candidates import drop_keeping_tail
from .nodetext import flat_text

_CELLS = ("td", "th")


def _loose_runs(body: etree._Element) -> list[list[etree._Element]]:
    """Runs of sibling cells with no row around them, in document order."""
    runs: list[list[etree._Element]] = []
    for cell in body.iter(_CELLS):
        parent = cell.getparent()
        if parent is None or parent.tag == "tr":
            continue
        prev = cell.getprevious()
        if runs and prev is not None and prev is runs[-1][-1]:
            runs[-1].append(cell)
        else:
            runs.append([cell])
    return runs


def restore_list_tables(body: etree._Element, doc: etree._Element) -> int:
    """Replace each run of loose cells in ``body`` with the page's table of those cells.
    Returns how many tables were put back."""
    runs = _loose_runs(body)
    if not runs:
        return 0
    tables = [(t, [s for s in (flat_text(c) for c in t.iter(_CELLS)) if s]) for t in doc.iter("table")
              if t.find(".//table") is None]  # (a layout table holding others is no such table)
    restored = 0
    for run in runs:
        texts = [flat_text(c) for c in run]
        at = 0
        while at < len(run):
            # the page's table whose non-empty cells open the rest of the run
            rest = [t for t in texts[at:] if t]
            match = next(((t, cells) for t, cells in tables if cells and rest[: len(cells)] == cells), None)
            if match is None:
                at += 1
                continue
            table, cells = match
            # the run's cells that table covers (its empty cells may be in the run or not)
            end, seen = at, 0
            while end < len(run) and seen < len(cells):
                seen += bool(texts[end])
                end += 1
            run[at].addprevious(_clean_copy(table))
            for cell in run[at:end]:
                drop_keeping_tail(cell)
            restored += 1
            at = end
    return restored


def _clean_copy(table: etree._Element) -> etree._Element:
    """The table as a body holds it: rows of cells, their inline content kept."""
    out = copy.deepcopy(table)
    out.tail = None
    for el in out.iter():
        if isinstance(el.tag, str) and el.attrib and el.tag not in ("a", "img"):
            for name in [n for n in el.attrib if n not in ("colspan", "rowspan")]:
                del el.attrib[name]
    return out
