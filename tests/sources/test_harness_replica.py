"""The corpus replica generator: what it publishes is the corpus without its boilerplate."""

from __future__ import annotations

import pytest
from harness.replica import APPEAL, clean_body
from harness.site import ArchivedSite, captures_by_note

pytestmark = pytest.mark.corpus


def test_clean_body_cuts_appeal_and_author_box_and_unwraps_wayback_links() -> None:
    body = (
        "第一段。[連結](/web/20210703163830/https://www.hkcnews.com/article/828/x)\n\n"
        '<img src="https://web.archive.org/web/20210703163830im_/https://www.hkcnews.com/a.jpg">\n\n'
        '{{< video src="https://web.archive.org/web/2022if_/https://www.youtube.com/embed/v" >}}\n\n'
        '<iframe src="//web.archive.org/web/2022if_/https://www.youtube.com/embed/w"></iframe>\n\n'
        "---\n\n" + APPEAL + "\n\n---\n\n![博客 | 某人](https://x/y.png)\n\n**博客 | 某人**\n\n某人的簡介。\n"
    )
    own, bio = clean_body(body)
    assert own.startswith("第一段。[連結](https://www.hkcnews.com/article/828/x)")
    assert '<img src="https://www.hkcnews.com/a.jpg">' in own
    assert '<iframe src="https://www.youtube.com/embed/v">' in own
    assert '<iframe src="https://www.youtube.com/embed/w">' in own
    assert "請加入" not in own and "博客" not in own and bio == "某人的簡介。"


def test_replica_has_duplicate_ids_designs_big5_and_bad_captures(replica_site: ArchivedSite) -> None:
    site = replica_site
    assert len(site.stories) == 300
    assert sum(len(s.ids) > 1 for s in site.stories) > 20  # the corpus's duplicate groups
    ids = [i for s in site.stories for i in s.ids]
    assert len(ids) == len(set(ids))
    notes = captures_by_note(site.captures)
    assert notes["truncated"] > 0 and notes["challenge"] > 0 and notes["listing"] > 0
    old = [c for c in site.captures if c.note == "good" and c.timestamp < site.style.redesign_ts]
    new = [c for c in site.captures if c.note == "good" and c.timestamp >= site.style.redesign_ts]
    assert old and new
    assert all(b"old-layout" in c.body for c in old) and not any(b"old-layout" in c.body for c in new)
    big5 = [c for c in old if b'charset="big5-hkscs"' in c.body]
    assert big5 and all(c.body.decode("big5hkscs") for c in big5)
    for story in site.stories:
        assert story.paragraphs and story.title and story.date
        assert not any("請加入成為眾新聞" in p for p in story.paragraphs)
        assert "web.archive.org" not in story.body_html
    page = next(c for c in new if c.note == "good").body.decode()
    assert APPEAL in page and "author-box" in page  # the template puts the boilerplate back
