"""A photo gallery the body lost whole goes back into a short body without pictures."""

from __future__ import annotations

from newsark.extract import extract_page

CAPTION = ("The harbour at dawn: fishing boats return before the ferries start, and the market on the "
           "pier opens at six, as it has every morning for a hundred years, whatever the weather.")
MENU = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(8))


def _page(items: str, body: str = f"<p>{CAPTION}</p>") -> bytes:
    return (f"<html><head><title>Dawn at the harbour</title></head><body><nav><ul>{MENU}</ul></nav>"
            f'<div class="gallery"><div class="pictures"><ul class="image-list">{items}</ul></div>'
            f'<div class="info"><h2>Dawn at the harbour</h2><span class="count">1/4</span>{body}</div></div>'
            "<footer><p>Copyright the newsroom</p></footer></body></html>").encode()


def _items(template: str) -> str:
    return "".join(template.format(i=i) for i in range(4))


def test_a_gallery_storys_pictures_go_before_its_caption() -> None:
    ex = extract_page(_page(_items('<li class="item"><div><img src="/photos/dawn-{i}.jpg"></div></li>')),
                      url="https://news.example.org/gallery/dawn")
    pictures = [f"https://news.example.org/photos/dawn-{i}.jpg" for i in range(4)]
    assert [f["src"] for f in ex.figures] == pictures
    assert ex.markdown.index("dawn-3.jpg") < ex.markdown.index("fishing boats")


def test_teasers_product_cards_and_long_articles_keep_their_bodies() -> None:
    url = "https://news.example.org/gallery/dawn"
    teasers = _items('<li class="item"><a href="/story/{i}"><img src="/thumbs/{i}.jpg"></a></li>')
    cards = _items('<li class="item"><img src="/shop/{i}.jpg"><a href="/product/{i}">Product {i}</a></li>')
    for items in (teasers, cards):
        assert not extract_page(_page(items), url=url).figures
    long_article = "".join(f"<p>{CAPTION} Paragraph {i}.</p>" for i in range(12))  # a promotion's carousel beside it
    gallery = _items('<li class="item"><img src="/promo/{i}.jpg"></li>')
    assert not extract_page(_page(gallery, long_article), url=url).figures
