from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsark.archive.article import make_article
from newsark.archive.store import Archive

# Small hand-written stories (not corpus text) in the corpus shape.
STORIES = [
    {"id": 101, "title": "鄭若驊遷入山頂官邸　公帑裝修", "date": "2018-03-22", "author": "眾新聞記者",
         "category": "眾聞", "tags": ["鄭若驊", "官邸"],
         "body": "律政司司長**鄭若驊**遷入官邸，工程涉及公帑237萬元。\n\n"
              '<figure><img src="https://example.org/a.jpg"><figcaption>官邸外貌</figcaption></figure>'},
    {"id": 102, "title": "Apple launches iPhone12 in Hong Kong", "date": "2020-10-14", "author": "Ann Lee",
         "category": "科技", "tags": ["蘋果"], "body": "蘋果發布 iPhone 12，香港人排隊購買。價格由7.1千元起。"},
    {"id": 103, "title": "天文台發出黃色暴雨警告", "date": "2021-05-01", "author": "眾新聞記者",
         "category": "眾聞", "tags": ["天氣"], "body": "天文台今早發出黃色暴雨警告，港島多處水浸。"},
    {"id": 104, "title": "科興疫苗接種人數上升", "date": "2021-06-02", "author": "林小明",
         "category": "眾聞", "tags": ["疫苗", "科興"], "body": "政府公布，接種科興疫苗的人數持續上升。"
         "[詳見政府新聞稿](https://www.info.gov.hk/x.htm)"},
    {"id": 105, "title": "科興疫苗接種人數上升（更新）", "date": "2021-06-02", "author": "林小明",
         "category": "眾聞", "tags": ["疫苗", "科興"], "body": "政府公布，接種科興疫苗的人數持續上升。"},
    {"id": 106, "title": "倫敦的唐人街", "date": "2019-07-01", "author": "陳大文", "category": "眾議",
         "tags": ["英國"], "body": "倫敦唐人街的餐館在週末擠滿遊客，不少香港人移居英國。"},
    {"id": 107, "title": "英國移民潮", "date": "2021-07-30", "author": "陳大文", "category": "眾議",
         "tags": ["英國", "移民"], "body": "移居倫敦的港人越來越多。沒有提及其他城市。"},
]


def write_story(archive: Archive, s: dict) -> None:
    archive.write_article(
        s["id"],
        make_article(title=s["title"], body_markdown=s["body"], date=s["date"],
                     author=s["author"], category=s["category"], tags=s["tags"]),
    )


@pytest.fixture()
def archive(tmp_path: Path) -> Iterator[Archive]:
    a = Archive(tmp_path / "arch")
    for s in STORIES:
        write_story(a, s)
    # 105 is a copy of 104 (the importer records that as an alias).
    a.db.execute("INSERT INTO aliases VALUES (105, 104, 0.95, 'test copy')")
    a.db.execute("UPDATE articles SET story_id = 104 WHERE id IN (104, 105)")
    yield a
    a.close()
