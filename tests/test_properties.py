"""Property-based tests (issue 8): the normalizer, the decoder, the number parser and the whole
extraction never raise on any input, and the offset map always points into the raw text.

tests/test_numbers.py already checks that parse_number and find_quantities never raise and give
well-formed quantities; here: junk gives None, and the stages above the parser hold up."""
from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, given, settings, strategies as st

from extract.errors import InputError
from extract.text.decode import decode
from extract.text.normalize import normalize_bytes, normalize_text
from extract.nlp.numbers.parse import parse_number

# characters that exercise every rewriting rule: CR/LF, entities, pinyin ruby, Traditional,
# full-width, zero-width, mojibake signs, sentence ends, footers and list markers
_TRICKY = list("快手發布營收價值億元萬用户同比增长。!?！？,，;；:“”()（）&#;amp ldquo \r\n\t"
               "jiàzhíshù１２３４５６７８９０％　\u200b\u200c\ufeff\ufffd?@ガあΩжTdq1一二三")
tricky_text = st.text(alphabet=st.sampled_from(_TRICKY), max_size=400)
any_text = st.text(max_size=400) | tricky_text | st.lists(st.sampled_from(
    ["快手", "價(jià)值", "&ldquo;", "&#12345;", "\r\n", "文章来源:xx\n", "\n1\n", "?shù)", "營收", "587.8億元",
     "同比增長50%", "。", "\n"]), max_size=60).map("".join)

_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check_offset_map(raw: str) -> None:
    norm = normalize_text(raw)
    n = len(norm.text)
    assert len(norm.starts) == len(norm.ends) == n
    for i in range(n):
        assert 0 <= norm.starts[i] < norm.ends[i] <= len(raw), (i, norm.starts[i], norm.ends[i])
        if i:
            assert norm.starts[i - 1] <= norm.starts[i]
    for a, b in norm.mojibake:
        assert 0 <= a < b <= n
    for art in norm.articles:
        assert norm.text[art.offset:art.offset + len(art.text)] == art.text
        if art.text:
            ra, rb = art.raw_span(0, len(art.text))
            assert 0 <= ra < rb <= len(raw)
        for a, b in art.mojibake:
            assert 0 <= a < b <= len(art.text)
        for s in art.sentences():
            assert art.text[s.start:s.end] == s.text and s.text.strip()


@_SETTINGS
@given(any_text)
def test_normalizer_never_raises_and_its_offset_map_is_valid(raw):
    _check_offset_map(raw)


@_SETTINGS
@given(st.binary(max_size=300) | any_text.map(lambda s: s.encode("utf-8", "surrogatepass"))
       | st.tuples(any_text, any_text, st.binary(max_size=12)).map(
           lambda t: t[0].encode("utf-8", "surrogatepass") + t[2] + t[1].encode("utf-8", "surrogatepass")))
def test_decoding_any_bytes_gives_text_or_a_clear_input_error(data):
    """Any bytes: decoded text whose offset map holds, or an InputError naming the file."""
    try:
        norm = normalize_bytes(data, "x/any.txt")
    except InputError as e:
        assert str(e).startswith("x/any.txt: ")
        return
    assert norm.raw.strip() and norm.replaced >= 0
    text, _ = decode(data, "x/any.txt")
    assert text == norm.raw


_NUMERALS = set("〇零一二两俩三四五六七八九十廿卅百千万萬亿億兆壹贰叁肆伍陆柒捌玖拾佰仟")


def _no_numeral(c: str) -> bool:
    return c not in _NUMERALS and unicodedata.numeric(c, None) is None


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)).filter(_no_numeral), max_size=30))
def test_parse_number_gives_none_on_text_without_a_numeral(text):
    assert parse_number(text) is None


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 10**9), st.text(alphabet=st.sampled_from(list("abcxyzABCXYZ@#?!的是了")), min_size=1, max_size=4),
       st.booleans())
def test_parse_number_gives_none_on_a_numeral_glued_to_junk(n, junk, before):
    """Not exactly one numeral: junk before or after it gives None, never a guess."""
    assert parse_number(f"{junk}{n}" if before else f"{n}{junk}") is None


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_extraction_never_crashes_on_random_text(text):
    from extract import extract_text

    for d in extract_text(text, ner="fast"):
        assert d.id.startswith("doc#")
        for c in d.claims:
            assert 0 <= c.evidence.raw_start <= c.evidence.raw_end <= len(text)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tricky_text)
def test_extraction_with_lac_never_crashes_on_random_text(text):
    from extract import extract_text

    extract_text(text, ner="lac")
