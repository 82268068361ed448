"""A page of several dated posts: the first post is the article (entries.py)."""

from __future__ import annotations

from newsark.extract import extract_page

FIRST = "湘菜粤菜兵分两路，新鲜的是湘菜浓妆淡抹，粤菜却是明艳照人，家乡炖的老鸡汤香味浓郁。"
SECOND = "当斑竹半年来，没有功劳也有苦劳，而一切都怪我太认真，我现在才明白那些曾经说过的话。"
THIRD = "那时候读初中，广播里经常放的是刑警系列，每天放学后就开始听，一集也没漏掉，每集都很悬念。"
FOURTH = "我和外婆再次去了江南一个小乡村，那是我外婆养子的家，小表哥在门口等着我们一起吃饭。"


def _post(title: str, date: str, paragraph: str, times: int) -> str:
    text = "".join(f"<p>{paragraph}第{i}段。</p>" for i in range(times))
    return (f"<tr><td><table><tr><td><b>{title}</b></td><td><nobr>{date}</nobr></td></tr>"
            f"<tr><td><table><tr><td>{text}</td></tr>"
            f"<tr><td><em><a href='/view?id={date[:4]}'>{date}</a></em> 阅读全文 评论</td></tr></table></td></tr>"
            "</table></td></tr>")


def _page(dated: bool = True) -> bytes:
    posts = [("湘菜粤菜兵分两路", "2005-06-14 03:25:55", FIRST, 4), ("我真的累了", "2005-06-13 15:00:14", SECOND, 12),
             ("爱上侦探小说", "2005-06-11 14:05:50", THIRD, 3), ("回忆童年", "2005-06-10 05:53:20", FOURTH, 3)]
    rows = "".join(_post(t, d if dated else "星期一", p, n) for t, d, p, n in posts)
    return ("<html><head><meta charset='utf-8'><title>海姑娘的博客</title></head><body>"
            "<div class='nav'><a href='/'>首页</a> <a href='/about'>关于我</a></div>"
            f"<table class='posts'>{rows}</table><div class='foot'>版权所有</div></body></html>").encode()


def test_the_first_of_several_dated_posts_is_the_article_not_the_longest() -> None:
    ex = extract_page(_page())
    assert FIRST[:10] in ex.text
    assert SECOND[:10] not in ex.text and THIRD[:10] not in ex.text
    assert "阅读全文" not in ex.text  # the post's text, not its title and links around it
    assert ex.reason == "the first of the page's dated entries (the body was a later one)"


def test_posts_without_dates_are_left_to_the_body_libraries() -> None:
    ex = extract_page(_page(dated=False))
    assert SECOND[:10] in ex.text  # readability's longest post, as before
