"""AMP pages' own elements read as the HTML they stand for.

The Wayback Machine holds many AMP copies of news stories (``/amp/`` addresses, ``amp.``
hosts, the ``amphtml`` link of every story page): their pictures are ``<amp-img>``, their
players ``<amp-youtube data-videoid="…">``, elements that no extractor knows, so a story
read from its AMP copy lost every picture and video. Each becomes the element a browser
draws for it: a picture an ``<img>`` (the blurred placeholder and the ``<noscript>``
fallback inside it go: the same picture), a player the ``<iframe>`` of its page, an
``<amp-video>`` a ``<video>``, an ``<amp-iframe>`` an ``<iframe>``.
"""

from __future__ import annotations

from lxml import etree

_PICTURES = ("amp-img", "amp-anim")
# A player's page, from the id AMP gives it (what its script would load in a frame).
_PLAYERS = {
    "amp-youtube": "https://www.youtube.com/embed/{}",
    "amp-vimeo": "https://player.vimeo.com/video/{}",
    "amp-dailymotion": "https://www.dailymotion.com/embed/video/{}",
}
_FRAMES = {"amp-iframe": "iframe", "amp-video": "video"}


def read_amp(doc: etree._Element, html: str) -> int:
    """Turn the page's AMP elements into the HTML they stand for (see the module's
    docstring); ``html`` is the page's text (most pages write none). Returns how many."""
    if "<amp-" not in html:
        return 0
    changed = 0
    for el in list(doc.iter(*_PICTURES, *_PLAYERS, *_FRAMES)):
        tag = el.tag
        if tag in _PICTURES:
            for child in list(el):  # its placeholder, its <noscript> copy: no second picture
                el.remove(child)
            el.text = None
            el.tag = "img"
        elif tag in _PLAYERS:
            video = el.get("data-videoid") or el.get("data-video")
            if not video:
                continue
            el.tag = "iframe"
            el.set("src", _PLAYERS[tag].format(video))
        else:
            el.tag = _FRAMES[tag]
        changed += 1
    return changed
