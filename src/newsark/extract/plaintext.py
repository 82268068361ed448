"""The plain text of a body in the archive's Markdown: what search, export, scoring and
the extractor's own checks read (no markup; figure captions kept as lines, or left out)."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

_ESCAPED_START_RE = re.compile(r"^(\d*)\\([.)\-+>#])", re.MULTILINE)
# A link (or image) of this Markdown, its text in group 1 (brackets in it escaped), of
# LINK_TEXT characters at most: each '[' is tried up to the next ']' not escaped, and in a
# damaged page's text of escaped brackets that is the rest of the page (2 s a pass on one
# of 73,000 characters and 1,000 brackets: extract_fuzz.py's seed 1).
LINK_TEXT = 1000
_LINK = rf"\[((?:\\.|[^\]\\]){{0,{LINK_TEXT}}})\]\([^)\s]*\)"
MD_LINK_RE = re.compile("!?" + _LINK)
# The same without the image's '!': 3 to 4 times faster where the text has no '![' (the
# optional first character keeps the engine from skipping ahead to each '[').
_TEXT_LINK_RE = re.compile(_LINK)
_FIG_RE = re.compile(r"<figure>.*?</figure>", re.DOTALL)
CAPTION_RE = re.compile(r"<figcaption>(.*?)</figcaption>", re.DOTALL)
_CAPTION_TAG_RE = re.compile(r"<[^>]*>")  # a caption's links (its own '<' are escaped)
_SHORTCODE_LINE_RE = re.compile(r"^\{\{<.*?>\}\}$", re.MULTILINE)
# Block markers at a line's start, nested ones too ('1. ### Heading', '  - item' of an
# item's list, with the indentation that nests it); a heading's own text ('### 1. Pliers')
# keeps its number.
# (The lookahead lets the many lines that open with a letter fail at once. Each match opens
# with the line's break, not with "^": the engine then jumps from break to break instead of
# trying every character, 3.5 times faster; the text is read with a break put before it.)
_BLOCK_PREFIX_RE = re.compile(r"\n(?=[ \t>\-#\d])(?:[ \t]*(?:> ?|- |\d+\. ))*(?:[ \t]*#{1,6} )?")
_EMPHASIS_RE = re.compile(r"(?<!\\)\*")  # after "**" is gone
_FENCE_RULE_RE = re.compile(r"^```$|^\|?-{3}.*$", re.MULTILINE)
# Three breaks or more: r"\n{3,}" written so that the engine looks up its start (10x faster).
_BLANK_LINES_RE = re.compile(r"\n\n\n+")
_BACKTICK_RUN_RE = re.compile(r"(?<!\\)`+")  # (an escaped one is text)


def replace_code_spans(text: str, replace: Callable[[str, str], str]) -> str:
    """``text`` with each inline code span of a line ('`read_file`', '`` a`b ``') replaced
    by ``replace(its code, the span as written)``. As Markdown reads them: a run of
    backticks opens a span that the next run of as many backticks closes, or is text. Found
    in one pass over each line's runs (a pattern searching ahead from every run took
    seconds on a line of many runs of different lengths)."""
    out: list[str] = []
    for line in text.split("\n"):
        runs = [m.span() for m in _BACKTICK_RUN_RE.finditer(line)] if "`" in line else []
        if len(runs) < 2:
            out.append(line)
            continue
        closing: list[int | None] = [None] * len(runs)  # the next run of the same length
        seen: dict[int, int] = {}
        for i in range(len(runs) - 1, -1, -1):
            size = runs[i][1] - runs[i][0]
            closing[i], seen[size] = seen.get(size), i
        pieces: list[str] = []
        pos = i = 0
        while i < len(runs):
            j = closing[i]
            if j is None:
                i += 1
                continue
            (start, code_start), (code_end, end) = runs[i], runs[j]
            code = line[code_start:code_end]
            if code.strip(" "):
                pieces += [line[pos:start], replace(code.strip(" "), line[start:end])]
                pos = end
            i = j + 1
        pieces.append(line[pos:])
        out.append("".join(pieces))
    return "\n".join(out)


def caption_text(figcaption: str) -> str:
    """The text of a figure block's <figcaption> content: unescaped, without its links'
    tags."""
    if "<" in figcaption:
        figcaption = _CAPTION_TAG_RE.sub("", figcaption)
    return html.unescape(figcaption)


def _code_text(code: str, span: str) -> str:
    # (escaped as the passes below expect: a code span's '*' is no emphasis)
    return code.replace("\\", "\\\\").replace("*", "\\*")


def plain_text(markdown: str, *, with_captions: bool = True) -> str:
    """The plain text of a body in our Markdown: no markup, captions kept as lines."""

    def fig(m: re.Match[str]) -> str:
        cap = CAPTION_RE.search(m.group(0))
        return caption_text(cap.group(1)) if cap and with_captions else ""

    # Each pass runs only when its marker is in the text at all (a C-level check): the
    # patterns cost more than the rest of this function on a long body.
    text = _FIG_RE.sub(fig, markdown) if "<figure>" in markdown else markdown
    if "{{<" in text:
        text = _SHORTCODE_LINE_RE.sub("", text)  # Hugo shortcodes (embeds)
    if "`" in text:
        text = replace_code_spans(text, _code_text)
    if "](" in text:
        text = (MD_LINK_RE if "![" in text else _TEXT_LINK_RE).sub(r"\1", text)
    text = _BLOCK_PREFIX_RE.sub("\n", "\n" + text)[1:]
    if "*" in text:
        text = text.replace("**", "")
        if "*" in text:  # (a pattern only where an escaped one must stay)
            text = _EMPHASIS_RE.sub("", text) if "\\*" in text else text.replace("*", "")
    if "```" in text or "---" in text:
        text = _FENCE_RULE_RE.sub("", text)
    if "\\" in text:
        text = _ESCAPED_START_RE.sub(r"\1\2", text)
        text = text.replace("\\*", "*").replace("\\_", "_").replace("\\[", "[").replace("\\]", "]")
        text = text.replace("\\`", "`")
        text = text.replace("\\\\", "\\")
    if "\n\n\n" in text:
        text = _BLANK_LINES_RE.sub("\n\n", text)
    return text.strip()


# For the checks that read a short block's words (furniture, prompts, header lines): cheaper
# than plain_text, and only the words matter there.
_MARKERS_RE = re.compile(r"[*_`#>]+")
_MARKUP_RE = re.compile(rf"!?\[([^\]]{{0,{LINK_TEXT}}})\]\([^)]*\)|" + _MARKERS_RE.pattern)  # links, then markers
_MARKUP_START_RE = re.compile(r"[!\[*_`#>]")  # (a block without any is words alone)


def plain_block(block: str) -> str:
    """A block's words without Markdown markers or link targets, white space collapsed."""
    if "](" in block:
        block = _MARKUP_RE.sub(lambda m: m.group(1) or " ", block)
    elif _MARKUP_START_RE.search(block):  # markers only: replaced without a call for each
        block = _MARKERS_RE.sub(" ", block)  # (an escaped backtick each is a run of its own)
    return " ".join(block.split())
