"""AMP pages' own elements read as the HTML they stand for.

The Wayback Machine holds many AMP copies of news stories (``/amp/`` addresses, ``amp.``
hosts, the ``amphtml`` link of every story page): their pictures are ``<amp-img>``, their
players ``<amp-youtube data-videoid="…">``, elements that no extractor knows, so a story
read from its AMP copy lost every picture and video. Each becomes the element a browser
draws for it: a picture an ``<img>`` (the blurred placeholder and the ``<noscript>``
fallback inside it go: the same picture), a player the ``<iframe>`` of its page, an
``<amp-video>`` a ``<video>``, an ``<amp-iframe>`` an ``<iframe>``, and a post of X,
Instagram or Facebook the markup that network's own script reads (``embeds.py``): the
tweet's quote the page holds for readers without scripts, or a quote linking to it.
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
_POSTS = ("amp-twitter", "amp-instagram", "amp-facebook")


def read_amp(doc: etree._Element, html: str) -> int:
    """Turn the page's AMP elements into the HTML they stand for (see the module's
    docstring); ``html`` is the page's text (most pages write none). Returns how many."""
    if "<amp-" not in html:
        return 0
    changed = 0
    for el in list(doc.iter(*_PICTURES, *_PLAYERS, *_FRAMES, *_POSTS)):
        tag = el.tag
        if tag in _POSTS:
            changed += _post(el)
            continue
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


def _post(el: etree._Element) -> int:
    """An AMP post as the markup its network's script reads: ``<amp-twitter>`` its own
    placeholder quote (``<blockquote class="twitter-tweet">``, the tweet's words) or a quote
    linking to the tweet, ``<amp-instagram>`` Instagram's quote with its permalink,
    ``<amp-facebook>`` Facebook's ``<div class="fb-post">``. 1 when done, 0 when it names no post."""
    if el.tag == "amp-twitter":
        tweet = el.get("data-tweetid") or ""
        quote = next(el.iter("blockquote"), None)  # (its placeholder, classed 'twitter-tweet' or not)
        if quote is None:
            if not tweet.isdigit():
                return 0
            quote = etree.Element("blockquote", {"class": "twitter-tweet"})
            link = etree.SubElement(quote, "a", href=f"https://twitter.com/i/status/{tweet}")
            link.text = link.get("href")
        else:
            quote.attrib.pop("placeholder", None)
            if "twitter-tweet" not in (quote.get("class") or ""):
                quote.set("class", f"{quote.get('class') or ''} twitter-tweet".strip())
    elif el.tag == "amp-instagram":
        code = el.get("data-shortcode") or ""
        if not code:
            return 0
        quote = etree.Element("blockquote", {"class": "instagram-media",
                                             "data-instgrm-permalink": f"https://www.instagram.com/p/{code}/"})
    else:
        href = el.get("data-href") or ""
        if not href:
            return 0
        kind = "fb-video" if el.get("data-embed-as") == "video" else "fb-post"
        quote = etree.Element("div", {"class": kind, "data-href": href})
    quote.tail = el.tail
    parent = el.getparent()
    if parent is None:
        return 0
    parent.replace(el, quote)
    return 1
