"""Paragraphs of a body that repeat a figure's caption (a gallery's captions above the
headline, a slideshow's caption list, a caption written twice), dropped from the Markdown."""

from __future__ import annotations

from .credits import split_credit
from .figures import CAPTION_ARROWS
from .plaintext import CAPTION_RE, caption_text, plain_text

REPEATED_CAPTION = 40  # characters (white space aside) of a caption a paragraph repeats


def drop_caption_repeats(markdown: str) -> str:
    """Drop the paragraphs that repeat a figure's caption elsewhere in the body: a
    gallery's captions shown above the headline, a slideshow's caption list, a caption the
    page writes twice. A paragraph is one when it holds most (60 %) of a caption of
    REPEATED_CAPTION characters or more, or is a photo credit alone that a caption ends with;
    headings and embeds stay, and a body of nothing else is kept."""
    blocks = markdown.split("\n\n")
    beside = _beside_own_figure(blocks)
    if beside:  # a caption of any length the page writes again next to its own picture
        blocks = [b for i, b in enumerate(blocks) if i not in beside]
        markdown = "\n\n".join(blocks)
    captions = [c for b in blocks if b.startswith("<figure") for c in _squeezed_captions(b)]
    captions = [c for c in captions if len(c) >= REPEATED_CAPTION]  # credits end the longer ones
    if not captions:
        return markdown

    def repeats(block: str) -> bool:
        plain = plain_text(block, with_captions=False)
        text = "".join(plain.split())
        if len(text) >= REPEATED_CAPTION and any(text in c and len(text) >= 0.6 * len(c) for c in captions):
            return True
        # a photo credit alone that a caption ends with ('Photo: Jo Doe / AP')
        if not text or len(plain) > 120 or not any(c.endswith(text) for c in captions):
            return False
        caption, credit = split_credit(plain)
        return not caption and bool(credit)

    kept = [b for b in blocks if b.startswith(("<figure", "#")) or not repeats(b)]
    return "\n\n".join(kept) if any(not b.startswith("<figure") for b in kept) else markdown


def _squeezed_captions(figure: str) -> list[str]:
    """The captions of a figure block, unescaped, white space removed."""
    return ["".join(caption_text(m.group(1)).split()) for m in CAPTION_RE.finditer(figure)]


def _beside_own_figure(blocks: list[str]) -> set[int]:
    """The blocks right before or after a figure that are its caption again, word for word,
    when the caption points at the picture ('▲…' under it, '▼…' over it): figures.py took
    that paragraph for the caption. (Other short captions repeated beside their picture stay:
    a line of the story may be a caption's words too.)"""
    out: set[int] = set()
    for i, block in enumerate(blocks):
        if not block.startswith("<figure"):
            continue
        caps = {c for c in _squeezed_captions(block) if c.startswith(tuple(CAPTION_ARROWS))}
        if not caps:
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(blocks) and not blocks[j].startswith(("<figure", "#", "{{<")) \
                    and "".join(plain_text(blocks[j], with_captions=False).split()) in caps:
                out.add(j)
    return out
