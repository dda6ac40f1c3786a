"""The HTML report: its pieces as table-driven unit tests, the page's content on the hand-built
documents, and the sample article's report opened in headless Chromium (Selenium driving Debian's
chromium + chromedriver, installed by .ci/run; the test skips, saying why, when there is none)."""
from __future__ import annotations

import json
import re
import shutil
import tempfile
import unicodedata
from pathlib import Path

import pytest

from extract.model import Change, Claim, Document, Entity, Evidence
from extract.report.marks import Mark, claim_span, find_mentions, render_marked
from extract.report.html import build_report, conflicts, fmt_change, fmt_value, series
from extract.report.svg import entity_graph, layout, period_x
from sample_docs import sample_docs

from conftest import SAMPLE


@pytest.fixture(scope="module")
def docs():
    return sample_docs()


@pytest.fixture(scope="module")
def page(docs):
    return build_report(docs)


@pytest.fixture(scope="module")
def sample_extracted():
    from extract import extract_file

    return extract_file(SAMPLE)


def _claim_data(html: str) -> dict[str, str]:
    m = re.search(r'<script type="application/json" id="claim-data">(.*?)</script>', html, re.S)
    return json.loads(m.group(1).replace("<\\/", "</"))


def _text_block(html: str, section: str, kind: str) -> str:
    sec = re.search(rf'<section class="article" id="{section}">(.*?)</section>', html, re.S).group(1)
    return re.search(rf'<div class="text {kind}"[^>]*>(.*?)</div>', sec, re.S).group(1)


# --------------------------------------------------------------------------------------------
# pieces

@pytest.mark.parametrize("value, unit, upper, expected", [
    (271000000, "users", None, "2.71亿用户"),
    (0.55, "percent", None, "55%"),
    (381.2e9, "CNY", None, "3812亿元"),
    (89.9, "minutes", None, "89.9分钟"),
    (50000, "other:曝光", None, "5万曝光"),
    (3e8, "count", 5e8, "3亿–5亿"),
    (42.3, "CNY", None, "42.3元"),
], ids=["users", "percent", "yuan-yi", "minutes", "other-unit", "range", "small"])
def test_fmt_value(value, unit, upper, expected):
    assert fmt_value(value, unit, upper) == expected


def _claim(**kw) -> Claim:
    ev = Evidence(text="营收同比增长12.5%。", start=0, end=12, raw_start=0, raw_end=12)
    base = dict(subject="快手", metric="营收", value=1e9, unit="CNY", evidence=ev)
    return Claim(**{**base, **kw})


@pytest.mark.parametrize("change, expected", [
    (Change(kind="yoy", value=0.32), "同比 +32%"),
    (Change(kind="qoq", value=-0.05), "环比 -5%"),
    (Change(kind="abs", value=5e8), "变化 +5亿元"),
    (Change(kind="multiple", value=5), "倍数 ×5"),
    ([Change(kind="yoy", value=0.1), Change(kind="qoq", value=0.02)], "同比 +10%; 环比 +2%"),
    (None, ""),
], ids=["yoy", "qoq-negative", "abs", "multiple", "two", "none"])
def test_fmt_change(change, expected):
    assert fmt_change(_claim(change=change)) == expected


@pytest.mark.parametrize("period, expected", [
    ("2020Q4", (2020.875, "quarter")), ("2020H1", (2020.25, "half")), ("2020", (2020.5, "year")),
    ("asof:2020-12", (2020.958, "month")), ("2021-03-05", (2021.208, "month")), ("sometime", None),
])
def test_period_x(period, expected):
    assert period_x(period) == expected


@pytest.mark.parametrize("text, marks, expected", [
    ("abc", [], "abc"),
    ("a<b>", [Mark(1, 3, "ent", 'class="e"')], 'a<mark class="e">&lt;b</mark>&gt;'),
    # a claim inside an entity: the claim is the outer element of the shared piece
    ("10亿补贴", [Mark(0, 5, "ent", 'class="e"'), Mark(0, 3, "claim", 'class="c"')],
     '<span class="c"><mark class="e">10亿</mark></span><mark class="e">补贴</mark>'),
    # crossing marks are cut at each other's edges
    ("abcd", [Mark(0, 2, "moji", 'class="m"'), Mark(1, 4, "ent", 'class="e"')],
     '<span class="m">a</span><span class="m"><mark class="e">b</mark></span><mark class="e">cd</mark>'),
    ("ab", [Mark(1, 9, "ent", 'class="e"')], "ab"),  # out of range: dropped
], ids=["plain", "escape", "nested", "crossing", "out-of-range"])
def test_render_marked(text, marks, expected):
    assert render_marked(text, marks) == expected


def test_find_mentions_longest_first_and_not_in_mojibake():
    d = Document(id="a#1", source="-", sha256="0", text="快手科技旗下快手APP,B站和鍩庡競快手", mojibake=[(16, 20)],
                 entities=[Entity(cls="Platform", label="快手", aliases=["快手APP"]),
                           Entity(cls="Company", label="快手科技"), Entity(cls="Platform", label="哔哩哔哩", aliases=["B站"])])
    got = [(m.start, m.end, m.cls, m.label) for m in find_mentions(d)]
    assert got == [(0, 4, "Company", "快手科技"), (6, 11, "Platform", "快手"), (12, 14, "Platform", "哔哩哔哩")]


def test_claim_span_same_number_twice_takes_the_next_occurrence():
    ev = Evidence(text="收入3亿,利润3亿。", start=10, end=20, raw_start=10, raw_end=20)
    c = _claim(surface="3亿", evidence=ev)
    first = claim_span(c)
    assert first == (12, 14) and claim_span(c, {first}) == (17, 19)
    assert claim_span(_claim(surface="7亿", evidence=ev)) == (10, 20)  # not found: the sentence


def test_layout_puts_the_topic_at_the_centre_and_isolates_outside():
    import networkx as nx

    g = nx.Graph([("快手", "抖音"), ("快手", "B站"), ("抖音", "微博")])
    g.add_node("孤岛")
    pos = layout(g, "快手")
    assert pos["快手"] == (0.0, 0.0)
    r = {n: (x * x + y * y) ** 0.5 for n, (x, y) in pos.items()}
    assert 0 < r["抖音"] < r["微博"] <= r["孤岛"] <= 1.0
    assert layout(g, "快手") == pos  # deterministic


# --------------------------------------------------------------------------------------------
# the page, on the hand-built documents

def test_page_is_self_contained(page):
    assert page.startswith("<!DOCTYPE html>")
    assert not re.search(r'<script[^>]+src=|<link\b|<img\b|src="https?:|url\((?!#)|@import', page)
    assert "cdn" not in page.lower()


def test_every_claim_is_marked_in_the_text_with_its_details(docs, page):
    data = _claim_data(page)
    for di, d in enumerate(docs):
        norm = _text_block(page, f"d{di}", "norm")
        marked = set(re.findall(r'class="claim" data-claim="(d\d+c\d+)"', norm))
        assert marked == {f"d{di}c{ci}" for ci in range(len(d.claims))}
        for ci in range(len(d.claims)):
            assert f"d{di}c{ci}" in data
    tip = data["d0c0"]
    for part in ("快手", "平均DAU", "日活跃用户", "2.71亿用户", "2020Q4", "同比 +32%"):
        assert part in tip, part
    # the number itself is underlined, inside the coloured name of the metric's sentence
    assert re.search(r'data-claim="d0c0"[^>]*>2\.71亿</span>', _text_block(page, "d0", "norm"))


def test_entities_are_coloured_by_class(page):
    norm = _text_block(page, "d0", "norm")
    assert '<mark class="ent Platform" title="Platform: 快手">快手APP</mark>' in norm
    assert '<mark class="ent Metric" title="Metric: 日活跃用户">平均DAU</mark>' in norm
    assert ".ent.Platform{background:#7aecec}" in page


def test_mojibake_is_greyed():
    text = "快手的用户当?shù)氐囊幻课很多。"
    d = Document(id="m#1", source="-", sha256="0", text=text, mojibake=[(5, 15)],
                 entities=[Entity(cls="Platform", label="快手")])
    html = build_report([d])
    assert re.search(r'<span class="moji"[^>]*>当\?shù\)氐囊幻课</span>', html)
    assert "raw text unavailable" in html  # no source file to show


def test_claims_table_grouped_by_subject_and_sortable(docs, page):
    sec = re.search(r'<section class="article" id="d0">(.*?)</section>', page, re.S).group(1)
    table = re.search(r'<table class="claims sortable">(.*?)</table>', sec, re.S).group(1)
    heads = re.findall(r'<tr class="group-head"><th colspan="\d+">(\S+) ', table)
    assert heads == ["快手", "快手科技"]
    assert len(re.findall(r"<tr data-claim=", table)) == len(docs[0].claims)
    assert '<th data-type="num" title="sort">value</th>' in table
    assert 'data-sort="271000000.0"' in table
    assert "<b>3812亿元</b>" in table  # evidence sentence, the number in bold
    assert "table.sortable thead th" in page  # the sorting script


def test_entity_graph_has_the_relations_and_topic(docs):
    from extract.text.split import split_sentences

    d = docs[0].model_copy(update={"topic": "快手"})
    from extract.report.marks import find_mentions as fm

    svg = entity_graph(d, fm(d), [(s.start, s.text) for s in split_sentences(d.text)])
    assert svg.startswith('<svg class="graph"')
    assert re.search(r'<g class="node topic" data-label="快手">', svg)
    for kind in ("role", "operates", "launched", "competitor"):
        assert f'class="edge {kind}"' in svg, kind
    assert ">联合创始人</text>" in svg
    assert 'data-label="日活跃用户"' not in svg  # metrics are not drawn
    # names in one sentence and in no relation: a co-occurrence edge
    two = Document(id="c#1", source="-", sha256="0", text="快手和抖音。", topic="快手",
                   entities=[Entity(cls="Platform", label="快手"), Entity(cls="Platform", label="抖音")])
    svg = entity_graph(two, fm(two), [(0, two.text)])
    assert svg.count('class="edge cooccurs"') == 1


def test_corpus_view_has_series_and_conflicts(docs, page):
    ser = series(docs)
    assert ser[("快手", "商品交易总额", "CNY/year")] == [("2019", 5.96e10, "kuaishou-2020#1"),
                                                     ("2020", 3.812e11, "kuaishou-2020#1")]
    # 约3800亿元 admits 3812亿元 (diff's rule): no conflict, as zhkg diff says
    assert conflicts(docs) == []
    corpus = page[page.index('<section class="corpus"'):]
    assert corpus.count('<svg class="chart"') == len(ser) >= 2
    assert "no conflicts" in corpus
    other = docs[2].model_copy(update={"claims": [c.model_copy(update={"value": 4.5e11, "surface": "4500亿元"})
                                                  if c.surface == "3800亿元" else c for c in docs[2].claims]})
    ks = conflicts([docs[0], other])
    # one name for one fact (issue 19): the operator and its platform are one subject, named as the series names it
    assert [(k.subject, k.metric, k.period) for k in ks] == [("快手", "商品交易总额", "2020")]
    assert ks[0].values() == [("3812亿元", 3.812e11, ["kuaishou-2020#1"]), ("约4500亿元", 4.5e11, ["other-2021#1"])]
    corpus = build_report([docs[0], other])
    assert "<b>约4500亿元</b>" in corpus and "<b>3812亿元</b>" in corpus


def _one(doc_id: str, surface: str, value: float, qualifier: str | None, unit: str = "users",
         metric: str = "日活跃用户") -> Document:
    text = f"快手{metric}{qualifier or ''}{surface}。"
    ev = Evidence(text=text, start=0, end=len(text), raw_start=0, raw_end=len(text))
    c = Claim(subject="快手", metric=metric, value=value, unit=unit, period="2020Q4", qualifier=qualifier,
              surface=surface, evidence=ev)
    return Document(id=doc_id, source="-", sha256="0", text=text, claims=[c],
                    entities=[Entity(cls="Platform", label="快手")])


@pytest.mark.parametrize("a, b, conflict", [
    (("2.71亿", 2.71e8, None), ("2.7亿", 2.7e8, "约"), False),
    (("3812亿元", 3.812e11, None, "CNY", "商品交易总额"), ("3800亿元", 3.8e11, "超过", "CNY", "商品交易总额"), False),
    (("2.71亿", 2.71e8, None), ("2.714亿", 2.714e8, None), False),
    (("2.71亿", 2.71e8, None), ("2.8亿", 2.8e8, None), True),
    (("3812亿元", 3.812e11, None, "CNY", "商品交易总额"), ("3900亿元", 3.9e11, "超过", "CNY", "商品交易总额"), True),
], ids=["approx", "more-than", "precision", "apart", "more-than-apart"])
def test_report_and_diff_share_the_conflict_rule(a, b, conflict, tmp_path):
    """Issue 19, point 1: one rule, owned by diff, used by both (the report, zhkg diff)."""
    from extract.diff.align import diff_documents

    da, db = _one("a#1", *a), _one("b#1", *b)
    assert bool(diff_documents([da], [db]).conflicting) is conflict
    assert bool(conflicts([da, db])) is conflict
    corpus = build_report([da, db])
    corpus = corpus[corpus.index('<section class="corpus"'):]
    assert ("no conflicts" in corpus) is not conflict


# --------------------------------------------------------------------------------------------
# the sample article, extracted for real: raw view and command line

def test_raw_view_marks_the_same_places(sample_extracted):
    """In the raw view each claim's mark covers the number as the file writes it (Traditional,
    with pinyin annotations)."""
    import opencc

    t2s = opencc.OpenCC("t2s")
    html = build_report(sample_extracted)
    for di, d in enumerate(sample_extracted):
        raw_block = re.search(rf'<section class="article" id="d{di}">.*?<div class="text raw"[^>]*>(.*?)</div>',
                              html, re.S).group(1)
        marks = re.findall(r'data-claim="(d\d+c(\d+))" data-start="(\d+)" data-end="(\d+)"', raw_block)
        assert {k for k, *_ in marks} == {f"d{di}c{ci}" for ci in range(len(d.claims))}
        raw = SAMPLE.read_text(encoding="utf-8")
        same = 0
        for _, ci, a, b in marks:
            c = d.claims[int(ci)]
            piece = raw[d.raw_offset + int(a): d.raw_offset + int(b)]
            assert c.evidence.raw_start <= d.raw_offset + int(a) < c.evidence.raw_end
            piece = re.sub(r"\([a-zü\u0300-\u036f\u00e0-\u01dc ']+\)", "", piece)  # 數(shù): pinyin
            same += t2s.convert(unicodedata.normalize("NFKC", piece)) == c.surface
        assert same == len(marks)


def test_cli_report(tmp_path):
    from extract.cli import main

    out = tmp_path / "r" / "report.html"
    assert main(["report", str(SAMPLE), "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert html.count('<section class="article"') == 2 and '<svg class="graph"' in html


def test_cli_report_help_has_an_example(capsys):
    from extract.cli import main

    main(["report", "--help"])
    assert "Example: zhkg report corpus/kuaishou-2020.txt -o report.html" in capsys.readouterr().out


# --------------------------------------------------------------------------------------------
# in a real browser

CHROME_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,900")


@pytest.fixture(scope="module")
def browser():
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        pytest.skip("selenium is not installed (pip install -e '.[test]')")
    chrome = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if not chrome or not driver:
        pytest.skip("no browser: Debian's chromium and chromium-driver are not installed "
                    "(.ci/run installs them with apt-get; it failed or was not run)")
    opts = webdriver.ChromeOptions()
    opts.binary_location = chrome
    for f in CHROME_FLAGS:
        opts.add_argument(f)
    profile = tempfile.mkdtemp(prefix="zhkg-chromium-")
    opts.add_argument(f"--user-data-dir={profile}")
    d = webdriver.Chrome(service=Service(driver), options=opts)
    yield d
    d.quit()
    shutil.rmtree(profile, ignore_errors=True)


def test_sample_report_in_chromium(browser, sample_extracted, tmp_path):
    from selenium.webdriver.common.by import By

    path = tmp_path / "report.html"
    path.write_text(build_report(sample_extracted), encoding="utf-8")
    browser.get(path.as_uri())
    css = lambda sel: browser.find_elements(By.CSS_SELECTOR, sel)  # noqa: E731

    # every claim of every article is underlined, on screen, with a box
    n_claims = sum(len(d.claims) for d in sample_extracted)
    marks = [e for e in css(".text.norm .claim") if e.is_displayed()]
    assert len({e.get_attribute("data-claim") for e in marks}) == n_claims > 20
    first = marks[0]
    assert first.rect["width"] > 0 and first.rect["height"] > 0
    assert first.value_of_css_property("border-bottom-style") == "solid"
    assert css("mark.ent.Platform")[0].value_of_css_property("background-color") == "rgba(122, 236, 236, 1)"
    assert all(not e.is_displayed() for e in css(".text.raw"))

    # clicking a claim shows its details
    first.click()
    tip = browser.find_element(By.ID, "tip")
    assert tip.is_displayed()
    c0 = sample_extracted[0].claims[0]
    assert c0.subject in tip.text and c0.period in tip.text and "2.71亿" in tip.text

    # the graph: drawn, every entity a node, the topic at the centre
    svg = css("#d0 svg.graph")[0]
    browser.execute_script("arguments[0].scrollIntoView()", svg)
    assert svg.is_displayed() and svg.rect["width"] > 500 and svg.rect["height"] > 300
    nodes = css("#d0 svg.graph g.node")
    assert len(nodes) >= 10 and len(css("#d0 svg.graph line.edge")) >= 10
    topic = css("#d0 svg.graph g.node.topic circle")[0]
    assert topic.get_attribute("data-label") is None and \
        css("#d0 svg.graph g.node.topic")[0].get_attribute("data-label") == sample_extracted[0].topic
    cx = topic.rect["x"] + topic.rect["width"] / 2 - svg.rect["x"]
    cy = topic.rect["y"] + topic.rect["height"] / 2 - svg.rect["y"]
    assert abs(cx - svg.rect["width"] / 2) < 5 and abs(cy - svg.rect["height"] / 2) < 5
    assert len(css("#corpus svg.chart")) >= 1

    # sorting the claims table by value orders each subject's rows
    head = css("#d0 table.claims thead th")[1]
    browser.execute_script("arguments[0].scrollIntoView()", head)
    head.click()
    group = css("#d0 table.claims tbody.group")[0]
    values = [float(td.get_attribute("data-sort")) for td in group.find_elements(By.CSS_SELECTOR, "tr td:nth-child(2)")]
    assert values == sorted(values) and len(values) > 3

    browser.set_window_size(1280, min(browser.execute_script("return document.body.scrollHeight") + 40, 12000))
    shot = tmp_path / "report.png"
    assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 50_000

    # the raw text, marked at the same claims
    button = css("#d0 button.toggle-raw")[0]
    browser.execute_script("arguments[0].scrollIntoView()", button)
    button.click()
    raw = css("#d0 .text.raw")[0]
    assert raw.is_displayed() and not css("#d0 .text.norm")[0].is_displayed()
    raw_marks = {e.get_attribute("data-claim") for e in raw.find_elements(By.CSS_SELECTOR, ".claim") if e.is_displayed()}
    assert len(raw_marks) == len(sample_extracted[0].claims)
    assert button.text == "show normalized text"


def test_charts_warn_of_no_missing_glyph():
    """Issue 20: the 43 "Glyph … missing" warnings of a corpus report are gone (the CJK font is
    found, or, with none installed, that warning alone is silenced: the SVG keeps the text)."""
    import warnings

    from extract.report.svg import series_chart

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        series_chart("快手 · 日活跃用户", [("2020Q1", 2.6e8), ("2020Q4", 2.71e8)], "users", "用户")
    assert not [w for w in caught if "Glyph" in str(w.message)]


# --------------------------------------------------------------------------------------------
# the corpus report, from a store (issue 20, point 3)

@pytest.fixture(scope="module")
def corpus_page(docs, tmp_path_factory):
    """The hand-built articles and a copy of the second source that says 4500亿元 (a conflict
    diff sees), in a store; its corpus report through the CLI."""
    from extract.cli import main
    from extract.graph.store import open_store

    other = docs[2].model_copy(update={"id": "third-2021#1", "claims": [
        c.model_copy(update={"value": 4.5e11, "surface": "4500亿元", "qualifier": None})
        for c in docs[2].claims if c.surface == "3800亿元"]})
    tmp = tmp_path_factory.mktemp("corpus")
    with open_store(tmp / "kg", create=True) as st:
        st.add([*docs, other])
    out = tmp / "corpus.html"
    assert main(["report", "--store", str(tmp / "kg"), "-o", str(out)]) == 0
    return out, sum(len(d.claims) for d in docs) + 1


def test_corpus_report_is_one_file_with_grouped_conflicts(corpus_page):
    html = corpus_page[0].read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert not re.search(r'<script[^>]+src=|<link\b|<img\b|src="https?:|url\((?!#)|@import', html)
    data = json.loads(re.search(r'<script type="application/json" id="corpus-data">(.*?)</script>', html, re.S)
                      .group(1).replace("<\\/", "</"))
    assert len(data["rows"]) == corpus_page[1]
    # one group for (快手科技, 商品交易总额, 2020): each value once, with its articles
    conf = re.search(r'<table class="conflicts">(.*?)</table>', html, re.S).group(1)
    assert conf.count("<tr id=") == 1
    assert "<b>约3800亿元</b> — 1 article(s)" in conf and "<b>4500亿元</b> — 1 article(s)" in conf
    assert "<b>3812亿元</b> — 1 article(s)" in conf
    # a series draws every source's point: two at 2020 for 快手's GMV
    chart = re.search(r'<svg class="chart"[^>]*aria-label="快手 商品交易总额">(.*?)</svg>', html, re.S).group(1)
    assert chart.count('class="pt split"') == 3


def test_corpus_report_in_chromium(browser, corpus_page):
    """A filter narrows the rows, a row scrolls to its sentence and back, the CSV download holds
    the rows shown, a node of the entity graph shows its edges on hover."""
    import urllib.parse

    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    path, n = corpus_page
    browser.get(path.as_uri())
    css = lambda sel: browser.find_elements(By.CSS_SELECTOR, sel)  # noqa: E731
    in_view = "const r=arguments[0].getBoundingClientRect();return r.top>=0&&r.bottom<=window.innerHeight;"
    assert len(css("#rows tr")) == n

    Select(browser.find_element(By.ID, "f-metric")).select_by_value("商品交易总额")
    rows = css("#rows tr")
    assert 0 < len(rows) < n and {r.find_elements(By.TAG_NAME, "td")[1].text for r in rows} == {"商品交易总额"}
    browser.find_element(By.ID, "f-conflicts").click()
    rows = css("#rows tr")
    assert len(rows) == 3 and "3 of" in browser.find_element(By.ID, "shown").text

    # a row scrolls to its sentence, and the sentence's link back to its row
    link = rows[-1].find_element(By.CSS_SELECTOR, "a.to-sentence")
    link.click()
    sent = browser.find_element(By.ID, link.get_attribute("href").split("#")[1])
    assert browser.execute_script(in_view, sent) and "on" in sent.get_attribute("class")
    i = rows[-1].get_attribute("data-i")
    back = sent.find_element(By.CSS_SELECTOR, f'a.to-row[data-i="{i}"]')
    back.click()
    row = browser.find_element(By.ID, f"c{i}")
    assert browser.execute_script(in_view, row) and "on" in row.get_attribute("class")

    # the CSV holds the rows shown
    browser.find_element(By.ID, "csv").click()
    href = browser.find_element(By.ID, "csv-link").get_attribute("href")
    csv_text = urllib.parse.unquote(href.split(",", 1)[1]).lstrip("\ufeff")
    lines = csv_text.strip().split("\n")
    shown = css("#rows tr")
    assert lines[0].startswith("subject,metric,value") and len(lines) - 1 == len(shown) == 3
    assert [ln.split(",")[7] for ln in lines[1:]] == [r.find_elements(By.TAG_NAME, "td")[5].get_attribute("title")
                                                      for r in shown]

    # hovering a node of the entity graph shows its edges
    node = css("#egraph g.node circle")[0]
    browser.execute_script("arguments[0].scrollIntoView({block:'center'})", node)
    ActionChains(browser).move_to_element(node).perform()
    assert css("#egraph line.edge.hl") and "—" in browser.find_element(By.ID, "edges").text


def test_claims_from_store_read_as_from_the_graph(docs, tmp_path):
    """The store's claims, read one property at a time, are those claims_from_graph reads."""
    from extract.diff.sides import claims_from_graph, claims_from_store
    from extract.graph.rdf import to_dataset
    from extract.graph.store import open_store

    with open_store(tmp_path / "kg", create=True) as st:
        st.add(docs)
    got, titles = claims_from_store(tmp_path / "kg")
    ds = to_dataset(docs)
    ds.default_union = True
    assert [(s.doc, s.claim, s.iri) for s in got] == [(s.doc, s.claim, s.iri) for s in claims_from_graph(ds)]
    assert titles == {d.id: d.title or "" for d in docs}
