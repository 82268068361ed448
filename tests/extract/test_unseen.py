"""Characters a reader never sees that split words are kept out of the archive (newsark.unseen)."""

from __future__ import annotations

from newsark.extract import extract_page
from newsark.unseen import visible, visible_markdown

FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # one emoji made of three


def test_soft_hyphens_zero_width_spaces_and_stray_marks_go() -> None:
    assert visible("den Not\u00adfall\u00addaten\u00adsatz") == "den Notfalldatensatz"
    assert visible("H\ufeffow to apply \u200bthe formula\u2060") == "How to apply the formula"
    assert visible("from $1,000 to $50,000.\u200d\n\nNext") == "from $1,000 to $50,000.\n\nNext"
    assert visible("\u200dStarting at 14 euros") == "Starting at 14 euros"


def test_a_joiner_that_joins_stays() -> None:
    assert visible(f"our {FAMILY} trip") == f"our {FAMILY} trip"
    assert visible("क्\u200dष") == "क्\u200dष"  # an Indic half form
    assert visible("می\u200cخواهم") == "می\u200cخواهم"  # Persian: a non-joiner inside a word


def test_joiners_in_chinese_text_go() -> None:
    # Citizen News articles: the searched words were split by them
    assert visible("非\u200d法集結、未經批\u200d准集結") == "非法集結、未經批准集結"
    assert visible("反\u200c送\u200c中運\u200c動\u200c令香港人覺醒，\u200c") == "反送中運動令香港人覺醒，"
    assert visible("**7\u200d月27日") == "**7月27日"


def test_addresses_keep_theirs() -> None:
    md = ('See [the Scherm\u00adafbeelding](https://ex.org/Scherm\u00adafbeelding.png)\n\n'
          '<figure>\n<img src="https://ex.org/a\u00adb.jpg" alt="Scherm\u00adafbeelding">\n</figure>')
    assert visible_markdown(md) == (
        'See [the Schermafbeelding](https://ex.org/Scherm\u00adafbeelding.png)\n\n'
        '<figure>\n<img src="https://ex.org/a\u00adb.jpg" alt="Schermafbeelding">\n</figure>')


def test_an_extracted_page_has_none_in_its_text_or_metadata() -> None:
    paras = "".join(f"<p>Der Not\u00adfall\u00addaten\u00adsatz {i} wird in der elektronischen Akte "
                    f"gespeichert, damit \u200bÄrzte im Ernstfall schnell darauf zugreifen können.</p>"
                    for i in range(6))
    page = (f"<html><head><title>Die \u00adPatienten\u00adakte</title>"
            f"<meta name='author' content='Anna\u200b Schmidt'></head><body><article><h1>Die Patientenakte</h1>"
            f"{paras}<figure><img src='/bild\u00ad1.jpg'><figcaption>Eine Kar\u00adte</figcaption></figure>"
            f"</article></body></html>")
    ex = extract_page(page.encode(), url="https://ex.org/akte")
    assert "Notfalldatensatz 0" in ex.text and "Notfalldatensatz 5" in ex.markdown
    assert not any(c in ex.text + (ex.title or "") + (ex.author or "") for c in "\u00ad\u200b")
    # the picture's address keeps its soft hyphen (a file's name), its caption does not
    assert [f["src"] for f in ex.figures] == ["https://ex.org/bild\u00ad1.jpg"]
    assert "\u00ad" not in ex.markdown.replace(ex.figures[0]["src"], "")
    assert ex.title == "Die Patientenakte" and ex.author == "Anna Schmidt"
    assert [f["caption"] for f in ex.figures] == ["Eine Karte"]
