"""Mangled bytes (cut short, flipped, spliced, repeated, closing tags lost): extraction
gives a result or a clear ValueError, never another exception."""

from __future__ import annotations

import random

import pytest

from newsark.extract import extract_page

from .fixtures import EN_ARTICLE, zh_article, zh_list_page

PAGES = [EN_ARTICLE.encode("utf-8"), zh_article(3).encode("utf-8"), zh_article(4).encode("big5hkscs"),
         zh_list_page().encode("gb18030")]


def _mangle(rng: random.Random, data: bytes) -> bytes:
    kind = rng.randrange(5)
    if kind == 0:
        return data[: rng.randrange(1, len(data))]
    if kind == 1:
        b = bytearray(data)
        for _ in range(rng.randrange(1, 40)):
            b[rng.randrange(len(b))] = rng.randrange(256)
        return bytes(b)
    if kind == 2:
        other = rng.choice(PAGES)
        return data[: rng.randrange(len(data))] + other[rng.randrange(len(other)) :]
    if kind == 3:
        i = rng.randrange(1, len(data))
        return data[:i] + data[rng.randrange(i) :]
    return data.replace(b"</div>", b"").replace(b"</p>", b"").replace(b"<body", b"<bodyx")


@pytest.mark.parametrize("seed", range(4))
def test_mangled_pages_give_a_result_or_a_clear_error(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(40):
        data = _mangle(rng, rng.choice(PAGES))
        try:
            ex = extract_page(data)
        except ValueError as exc:
            assert str(exc)  # says what is wrong
            continue
        assert isinstance(ex.markdown, str) and ex.charset
