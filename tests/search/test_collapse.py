from __future__ import annotations

from newsark.archive.article import make_article
from newsark.archive.store import Archive
from newsark.search import search, sync_index
from newsark.search.collapse import collapse


def test_versions_fold_series_and_other_days_do_not() -> None:
    rows = [
        (1, "國安處拘壹傳媒5高層　針對逾30報導", "2021-06-17"),
        (2, "國安處拘壹傳媒5高層　針對逾30文章", "2021-06-17"),  # retouched title, same day
        (3, "古巴行(3) – 外星人的第一句話", "2018-08-12"),
        (4, "古巴行（3） 外星人的第一句話", "2018-08-12"),  # punctuation only
        (5, "眾新聞中國組 22/06/2021", "2021-06-22"),
        (6, "眾新聞中國組 23/06/2021", "2021-06-23"),  # a daily series: numbers differ
        (7, "陪審團今早退庭商議", "2018-05-16"),
        (8, "陪審團最快明退庭商議", "2018-05-15"),  # another day, less alike: a new story
        (9, "國安處拘壹傳媒5高層　針對逾30報導", "2021-07-30"),  # same title, weeks later
    ]
    assert collapse(rows) == [(1, [2]), (3, [4]), (5, []), (6, []), (7, []), (8, []), (9, [])]


def test_search_folds_versions_into_the_best_hit(tmp_path) -> None:  # type: ignore[no-untyped-def]
    archive = Archive(tmp_path / "a")
    for i, title in enumerate(["天文台發出黃色暴雨警告", "天文台發出黃色暴雨警告！", "天文台取消暴雨警告"],
                              start=1):
        archive.write_article(i, make_article(title=title, body_markdown=f"第{i}篇。暴雨。",
                                              date="2021-05-01"))
    sync_index(archive)
    res = search(archive, "暴雨警告")
    assert len(res.hits) == 2  # three stories, two of them versions of one
    groups = sorted(sorted({h.id, *h.aliases}) for h in res.hits)
    assert groups == [[1, 2], [3]]
    # Pages agree with the first page.
    page1 = search(archive, "暴雨警告", limit=1)
    page2 = search(archive, "暴雨警告", limit=1, offset=1)
    assert [h.id for h in page1.hits + page2.hits] == [h.id for h in res.hits]
    archive.close()
