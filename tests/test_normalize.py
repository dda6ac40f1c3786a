"""Normalization: decoding, pinyin, t2s, NFKC, mojibake, articles, sentences, offset map."""
from __future__ import annotations

import re

import pytest

from extract.errors import InputError
from extract.text.decode import decode
from extract.text.repair import find_mojibake
from extract.text.normalize import normalize_file, normalize_text
from extract.text.split import split_articles, split_sentences

TEXT = "快手發布2020年財報，營收達587.8億元。"


@pytest.mark.parametrize("encoding,data", [
    ("utf-8", TEXT.encode("utf-8")),
    ("utf-8-sig", b"\xef\xbb\xbf" + TEXT.encode("utf-8")),
    ("utf-16", TEXT.encode("utf-16")),            # with BOM
    ("utf-16", b"\xfe\xff" + TEXT.encode("utf-16-be")),
    ("gb18030", TEXT.encode("gb18030")),
    ("big5", TEXT.encode("big5")),
], ids=["utf8", "utf8-bom", "utf16-le-bom", "utf16-be-bom", "gb18030", "big5"])
def test_decode_detects_encoding(tmp_path, encoding, data):
    p = tmp_path / "a.txt"
    p.write_bytes(data)
    norm = normalize_file(p)
    assert norm.encoding == encoding
    assert norm.text == "快手发布2020年财报,营收达587.8亿元。"


def test_decode_gb18030_simplified_not_mistaken_for_big5():
    text = "阿里巴巴集团公布季度业绩,淘宝和天猫的商品交易总额同比增长百分之十二。"
    assert decode(text.encode("gb18030")) == (text, "gb18030")


@pytest.mark.parametrize("data,why", [
    (b"", "empty"),
    (b"   \n\t \n", "whitespace"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (bytes(range(128, 256)) * 8, "cannot decode"),
], ids=["empty", "whitespace", "png", "undecodable"])
def test_bad_files_raise_naming_the_file(tmp_path, data, why):
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    with pytest.raises(InputError) as e:
        normalize_file(p)
    assert str(p) in str(e.value) and why in str(e.value)


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        normalize_file(tmp_path / "nope.txt")


@pytest.mark.parametrize("raw,expected", [
    ("一個(gè)成長型科技公司的價(jià)值", "一个成长型科技公司的价值"),
    ("中國互聯網絡信息中心(CNNIC)發布", "中国互联网络信息中心(CNNIC)发布"),
    ("營銷消息程序(ID: wxxcxsc)授權", "营销消息程序(ID: wxxcxsc)授权"),
    ("報告(2020)顯示", "报告(2020)显示"),
    ("短視頻(short video)平台", "短视频(short video)平台"),
    ("重(zhòng)要(yào)", "重要"),
    ("綠(lǜ)色", "绿色"),
    ("中(zhōng guó)國", "中国"),
], ids=["pinyin", "acronym", "id", "year", "english", "two", "umlaut", "two-syllables"])
def test_pinyin_removed_real_brackets_kept(raw, expected):
    assert normalize_text(raw).text == expected


@pytest.mark.parametrize("raw,expected", [
    ("營收１２．５億元，同比增長３２％", "营收12.5亿元,同比增长32%"),
    ("ＤＡＵ／ＭＡＵ提升至５５％。", "DAU/MAU提升至55%。"),
    ("他說：“好。”", "他说:“好。”"),
    ("&ldquo;服務號&rdquo;", "“服务号”"),
], ids=["digits", "letters", "quotes-kept", "entities"])
def test_fold_and_unescape(raw, expected):
    assert normalize_text(raw).text == expected


@pytest.mark.parametrize("text,fragments", [
    ("是哈尔滨当?shù)氐囊幻课葜薪?。他早?018年就注册了", ["?shù)氐囊幻课葜薪?", "?"]),
    ("因?yàn)檫@意味著消费", ["?yàn)檫@"]),
    ("美团骑手??焓种辈ズ芎玫貜浐狭骑手这一职业", ["??焓种辈ズ芎玫貜浐"]),
    ("截至目前?ldquo;服务号”已经", ["?ldquo;"]),
    ("信任是�", ["�"]),
    ("快手未来向何处去?是否能如它所说?", []),
    ("这是为什么?", []),
], ids=["gbk", "orphan-pinyin", "kana", "broken-entity", "fffd", "questions", "end-question"])
def test_mojibake_spans(text, fragments):
    assert [text[a:b] for a, b in find_mojibake(text)] == fragments


@pytest.mark.parametrize("raw,expected", [
    ("收入约为人民币\n286.76亿元,同比下降10.\n39%。", "收入约为人民币286.76亿元,同比下降10.39%。"),
    ("毛利率同比上升1.1个\n百分点。", "毛利率同比上升1.1个百分点。"),
    ("营收100亿元,同比增长\n5%;经营利润为20亿元,按年\n增长2%。", "营收100亿元,同比增长5%;经营利润为20亿元,按年增长2%。"),
    ("季内交付\n103181辆。", "季内交付103181辆。"),
    ("星河出货量\n为1190万台,份额\n21.8%。", "星河出货量为1190万台,份额21.8%。"),
    # a block of running text set at one width: its wrapped lines are joined, a heading, a bullet
    # and a table's row of figures keep their line
    ("星河科技2024年报点评\n"
     "公司全年实现营业收入286.76亿元,同比增长3.9%,经营\n"
     "性现金流净额为54.2亿元,较上年增加4.1亿元,存货周转\n"
     "天数为124天,较上年减少12天;毛利率为49.4%,同比上升\n"
     "1.1个百分点,净利率为10.5%,同比基本持平,期间费用率\n"
     "为33.5%。\n"
     "●维持买入评级\n"
     "营业收入 22,572 25,803 28,676\n",
     "星河科技2024年报点评\n"
     "公司全年实现营业收入286.76亿元,同比增长3.9%,经营性现金流净额为54.2亿元,较上年增加4.1亿元,存货周转"
     "天数为124天,较上年减少12天;毛利率为49.4%,同比上升1.1个百分点,净利率为10.5%,同比基本持平,期间费用率"
     "为33.5%。\n●维持买入评级\n营业收入 22,572 25,803 28,676\n"),
    # lines of a headline and a short body that share no width stay apart
    ("星河科技公布季度业绩\n收入100亿元\n", "星河科技公布季度业绩\n收入100亿元\n"),
    # a break inside a word of a line of prose (增\n长, 提\n升), or before a figure's decimal point
    ("1-10月,全市投资增长2.8%,其中工业投资增\n长12.4%。", "1-10月,全市投资增长2.8%,其中工业投资增长12.4%。"),
    ("星河科技公布业绩,毛利率同比提\n升1.5个百分点。", "星河科技公布业绩,毛利率同比提升1.5个百分点。"),
    ("社会消费品零售总额同比增长3\n.9%。", "社会消费品零售总额同比增长3.9%。"),
    # a headline whose last word and the body's first make no word keep their lines
    ("星河科技公布季度业绩\n营收增长38%", "星河科技公布季度业绩\n营收增长38%"),
], ids=["inside-a-figure", "points", "change", "count", "measure", "wrapped-block", "short-lines",
        "inside-a-word", "inside-a-verb", "before-a-decimal-point", "headline-and-body"])
def test_a_line_wrapped_inside_running_text_is_joined(raw, expected):
    """Text copied from a PDF or a narrow column breaks lines inside a figure or a phrase; the
    breaks are no part of the text (and every character still maps back to the raw text)."""
    norm = normalize_text(raw)
    assert norm.text == expected
    assert all(raw[norm.starts[i]:norm.ends[i]] == c for i, c in enumerate(norm.text) if c != "\n")


def test_sentences_do_not_split_inside_mojibake():
    text = "他是当?shù)氐囊幻课葜薪?。他注册了快手。"
    sents = split_sentences(text, find_mojibake(text))
    assert [s.text for s in sents] == ["他是当?shù)氐囊幻课葜薪?。", "他注册了快手。"]


def test_sentence_offsets_and_line_breaks():
    text = "第一句。第二句!\n标题行\n第三句?“引语。”后文"
    sents = split_sentences(text)
    assert [s.text for s in sents] == ["第一句。", "第二句!", "标题行", "第三句?", "“引语。”", "后文"]
    assert all(text[s.start:s.end] == s.text for s in sents)


def _para(topic: str, n: int) -> str:
    return "\n".join(f"{topic}的第{i}段内容讨论了{topic}业务的发展情况和{topic}市场的竞争格局。" * 3 for i in range(n))


def test_footer_line_ends_an_article():
    a = "星河科技发布年报\n" + _para("星河科技", 6)
    b = "蓝海银行推出新产品\n" + _para("蓝海银行", 6)
    text = a + "\n文章来源:某某公众号,作者:张三\n" + b
    spans = split_articles(text)
    assert len(spans) == 2
    assert text[spans[1][0]:].startswith("蓝海银行推出新产品")


def test_source_line_under_a_headline_is_a_byline_not_an_article_end():
    """A repost names its source under the headline (来源:…): there is no article before it to end."""
    body = "\n".join(_para("星河科技", 2).replace("\n", "") for _ in range(4))  # lines of 180+ characters
    text = "星河科技年报发布\n来源:某某财经\n" + body
    assert split_articles(text) == [(0, len(text))]


def test_numbered_structure_starts_a_new_article():
    a = "星河科技发布年报\n" + _para("星河科技", 6)
    b = "蓝海银行为何推出新产品?\n" + _para("蓝海银行", 2) + "\n1\n第一节标题\n" + _para("蓝海银行", 3)
    spans = split_articles(a + "\n" + b)
    assert len(spans) == 2 and (a + "\n" + b)[spans[1][0]:].startswith("蓝海银行为何推出新产品?")


def test_sharp_topic_shift_at_a_title_splits():
    """Two articles run together with neither footer nor numbered sections: the topic shift at
    the second title (its content words unlike anything before) is the cut; the section
    headings inside the first article are not."""
    cloud = "\n".join("星河科技的云计算业务增长迅速,服务器订单持续增加,数据中心扩建顺利。" * 4 for _ in range(3))
    bank = "\n".join("蓝海银行的理财产品收益稳定,储户存款规模扩大,信贷资产质量改善。" * 4 for _ in range(3))
    a = "星河科技发布年报\n" + cloud + "\n云业务持续增长\n" + cloud + "\n数据中心建设提速\n" + cloud
    b = "蓝海银行推出新理财产品\n" + bank + "\n储蓄业务稳健\n" + bank
    text = a + "\n" + b
    spans = split_articles(text)
    assert len(spans) == 2, spans
    assert text[spans[1][0]:].startswith("蓝海银行推出新理财产品")


def test_section_headings_do_not_split():
    text = "星河科技发布年报\n" + _para("星河科技", 4) + "\n用户增长持续\n" + _para("星河科技", 4) \
        + "\n营收结构多元\n" + _para("星河科技", 4)
    assert len(split_articles(text)) == 1


def test_crlf_offsets_point_into_raw():
    raw = "第一行。\r\n營收增長32%。"
    norm = normalize_text(raw)
    i = norm.text.index("营收")
    a, b = norm.raw_span(i, len(norm.text))
    assert raw[a:b] == "營收增長32%。"


# ---------------------------------------------------------------- golden test on the sample

def test_sample_articles_and_titles(sample_norm):
    assert [a.id for a in sample_norm.articles] == ["kuaishou-2020#1", "kuaishou-2020#2"]
    assert sample_norm.articles[1].title == "快手服务号为什么是流量变现利器?"
    assert sample_norm.articles[0].text.startswith("一个成长型科技公司的价值")


def test_sample_no_pinyin_left(sample_norm):
    assert sample_norm.pinyin_removed >= 700
    moj = sample_norm.mojibake
    for m in re.finditer(r"\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)", sample_norm.text):
        assert any(a <= m.start() < b for a, b in moj), m.group(0)
    assert "(CNNIC)" in sample_norm.text and "(ID: wxxcxsc)" in sample_norm.text


def test_sample_no_traditional_only_character_outside_mojibake(sample_norm):
    import opencc

    cc = opencc.OpenCC("t2s")
    text, moj = sample_norm.text, sample_norm.mojibake
    left = []
    for i, c in enumerate(text):
        if any(a <= i < b for a, b in moj):
            continue
        try:
            c.encode("gb2312")
            continue
        except UnicodeEncodeError:
            pass
        if cc.convert(c) != c:
            left.append(c)
    assert left == []


def test_sample_offset_round_trip(sample_norm):
    """Every sentence, mapped back to raw and normalized again, is the same sentence."""
    n = 0
    for art in sample_norm.articles:
        for s in art.sentences():
            if art.in_mojibake(s.start, s.end):
                continue
            a, b = art.raw_span(s.start, s.end)
            again = normalize_text(sample_norm.raw[a:b]).text.strip()
            assert again == s.text
            n += 1
    assert n > 100


def test_sample_mojibake_reported(sample_norm):
    frags = [sample_norm.text[a:b] for a, b in sample_norm.mojibake]
    assert any(f.startswith("?shù)") for f in frags)
    assert all("?" in f or "\ufffd" in f for f in frags)


def _line_words_from(monkeypatch, tmp_path, text):
    from extract.text import words
    path = tmp_path / "normalize.toml"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setattr(words, "ontology_path", lambda *parts: path)
    words.line_words.cache_clear()
    return words


def test_the_words_a_broken_line_is_joined_by_are_data(monkeypatch, tmp_path):
    from extract.resources import ontology_path
    raw = ontology_path("normalize.toml").read_text(encoding="utf-8")
    text = "公司本季度营收同比增长\n12.5%,好于预期。"
    assert normalize_text(text).text.startswith("公司本季度营收同比增长12.5%")
    # without 同比 among the comparisons and 长 among the verbs' ends the line keeps its break
    edited = raw.replace('comparisons = ["同比", ', 'comparisons = [').replace('before_figure_chars = "为达约至到逾超近共计币长', 'before_figure_chars = "为达约至到逾超近共计币')
    words = _line_words_from(monkeypatch, tmp_path, edited)
    try:
        assert "增长\n12.5%" in normalize_text(text).text
    finally:
        words.line_words.cache_clear()


def test_a_bad_line_word_file_names_the_file(monkeypatch, tmp_path):
    from extract.errors import DataError
    words = _line_words_from(monkeypatch, tmp_path, "[broken]\nunits_after_figure = 3\n")
    try:
        with pytest.raises(DataError, match=r"normalize\.toml"):
            words.line_words()
    finally:
        words.line_words.cache_clear()


def test_a_tables_pipes_become_spaces_each_character_mapped_to_its_own():
    raw = "标题\n| 业务 | 本季收入 | 同比 |\n|---|:---:|---|\n| 广告 | 20.4亿元 | +30% |\n标题丨来源|说明\n"
    norm = normalize_text(raw)
    lines = norm.text.split("\n")
    assert lines[1].split() == ["业务", "本季收入", "同比"] and lines[2].strip() == "" and lines[3].split() == ["广告", "20.4亿元", "+30%"]
    assert "|说明" in lines[4]  # (a bar inside a line is no table's)
    assert normalize_text("品牌｜10月交付量｜同比\n远帆｜12,025｜+5%\n分享：微信｜微博｜QQ\n").text.split("\n")[:3] == \
        ["品牌 10月交付量 同比", "远帆 12,025 +5%", "分享:微信|微博|QQ"]  # (cells between pipes with a figure; no chrome)
    k = norm.text.index("20.4亿元")
    assert raw[norm.starts[k]:norm.ends[k + 5]] == "20.4亿元"
