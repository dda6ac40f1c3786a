"""Real input formats (issue 10): web pages, PDF results announcements with tables, stdin and
lists of paths, formats told from content.

The HTML pages are hand-written (tests/inputs/, see its README); the PDFs are generated here
with reportlab's built-in CID fonts (STSong-Light, MSung-Light), which need no font file.
"""
from __future__ import annotations

import doctest
import io
import json
import sys
from pathlib import Path

import pytest

from extract.nlp import tables as tables_mod
from extract.errors import InputError
from extract.inputs import detect_format, read_source
from extract.nlp.pipeline import extract_file

INPUTS = Path(__file__).parent / "inputs"
NEWS = INPUTS / "qingning-news.html"
PORTAL = INPUTS / "qingning-portal.html"


# --------------------------------------------------------------------------------------------
# generated PDFs

def _pdf(path: Path, pages: list[list], font: str = "STSong-Light", title: str | None = None) -> Path:
    """Write a PDF: each page a list of paragraphs (str) and tables (list of rows)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont(font))
    style = ParagraphStyle("zh", fontName=font, fontSize=11, leading=16, wordWrap="CJK")
    story: list = []
    for k, page in enumerate(pages):
        if k:
            story.append(PageBreak())
        for item in page:
            if isinstance(item, str):
                story.append(Paragraph(item, style))
            else:
                t = Table(item)
                t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), font),
                                       ("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
                story.append(t)
    SimpleDocTemplate(str(path), pagesize=A4, **({"title": title} if title else {})).build(story)
    return path


ANNUAL = [["", "截至12月31日止年度", "", ""],
          ["", "2024年", "2023年", "同比变动"],
          ["收入", "126,898", "113,470", "11.8%"],
          ["毛利", "69,204", "56,263", "23.0%"],
          ["经调整利润净额", "17,716", "10,271", "72.5%"]]
# every value cell of ANNUAL: (metric, period, value in base units, unit, yoy change or None)
ANNUAL_CLAIMS = {
    ("收入", "2024", 126_898_000_000, "CNY", 0.118), ("收入", "2023", 113_470_000_000, "CNY", None),
    ("毛利", "2024", 69_204_000_000, "CNY", 0.23), ("毛利", "2023", 56_263_000_000, "CNY", None),
    ("经调整利润净额", "2024", 17_716_000_000, "CNY", 0.725),
    ("经调整利润净额", "2023", 10_271_000_000, "CNY", None),
}


def _table_claims(doc):
    return {(c.metric, c.period, round(c.value), c.unit,
             c.changes()[0].value if c.changes() else None) for c in doc.claims if c.evidence.column}


@pytest.fixture(scope="module")
def annual_pdf(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("pdf")
    return _pdf(d / "qingning-results.pdf", [
        ["青柠科技控股有限公司", "截至2024年12月31日止年度之全年业绩公告",
         "董事会欣然宣布本公司截至2024年12月31日止年度的经审核综合业绩。",
         "财务摘要", "(人民币百万元,百分比除外)", ANNUAL],
        ["业务回顾", "2024年,青柠APP平均日活跃用户达到3.2亿,同比增长9%。"],
    ])


def test_pdf_table_cells_become_claims_with_period_unit_and_scale(annual_pdf):
    [doc] = extract_file(annual_pdf)
    assert _table_claims(doc) == ANNUAL_CLAIMS  # every cell, right period, right scale
    assert doc.media_type == "application/pdf"
    # the rows are read as a table, not again as sentences
    assert not [c for c in doc.claims if not c.evidence.column and "|" in c.evidence.text]


def test_pdf_provenance_page_and_cell(annual_pdf):
    [doc] = extract_file(annual_pdf)
    rev = next(c for c in doc.claims if c.metric == "收入" and c.period == "2023")
    ev = rev.evidence
    assert (ev.page, ev.table, ev.row, ev.column) == (1, 1, 3, 3)
    # the row, then the cell's column header (issue 17); the offsets are the row's
    assert ev.text == "收入 | 126,898 | 113,470 | 11.8%【2023年】"
    assert doc.text[ev.start:ev.end] == "收入 | 126,898 | 113,470 | 11.8%"
    assert rev.metric_key == "Metric:营收" and rev.surface == "113,470"
    src = read_source(annual_pdf.read_bytes(), str(annual_pdf))
    assert ev.text.startswith(src.text[ev.raw_start:ev.raw_end])  # offsets in the extracted text
    dau = next(c for c in doc.claims if c.unit == "users")
    assert dau.evidence.page == 2 and dau.evidence.column is None and dau.value == 320_000_000


def test_pdf_claims_in_rdf_keep_the_cell(annual_pdf):
    from extract.graph.rdf import to_graph
    from extract.graph.vocab import ZHKG

    g = to_graph(extract_file(annual_pdf))
    cells = {(int(g.value(e, ZHKG.tableRow)), int(g.value(e, ZHKG.tableColumn)))
             for e in g.subjects(ZHKG.tableColumn, None)}
    assert cells == {(r, c) for r in (3, 4, 5) for c in (2, 3)}
    assert {int(x) for x in g.objects(None, ZHKG.page)} == {1, 2}


def test_traditional_pdf_half_year_in_thousands(tmp_path):
    pdf = _pdf(tmp_path / "hk-interim.pdf", [[
        "橙果控股有限公司", "截至二零二四年六月三十日止六個月之中期業績公告",
        "(除另有說明外,以人民幣千元列示)",
        [["", "截至6月30日止六個月", "", ""], ["", "二零二四年", "二零二三年", "變動"],
         ["收入", "5,230,118", "4,512,006", "15.9%"], ["經調整利潤淨額", "(12,345)", "8,001", "不適用"],
         ["毛利率", "38.2%", "35.1%", "3.1個百分點"]],
    ]])  # STSong-Light covers these Traditional characters; pdfminer garbles MSung-Light (CNS1)
    [doc] = extract_file(pdf)
    assert "中期业绩公告" in doc.text  # the text layer went through OpenCC like any article
    got = {(c.metric, c.period, round(c.value, 6), c.unit) for c in doc.claims if c.evidence.column}
    assert got == {("收入", "2024H1", 5_230_118_000, "CNY"), ("收入", "2023H1", 4_512_006_000, "CNY"),
                   ("经调整利润净额", "2024H1", -12_345_000, "CNY"), ("经调整利润净额", "2023H1", 8_001_000, "CNY"),
                   ("毛利率", "2024H1", 0.382, "percent"), ("毛利率", "2023H1", 0.351, "percent")}
    margin = next(c for c in doc.claims if c.metric == "毛利率" and c.period == "2024H1")
    assert margin.change.kind == "abs" and margin.change.value == pytest.approx(0.031)


def test_a_pdfs_title_names_the_company_a_note_calls_only_gongsi(tmp_path):
    """A research PDF whose text says only 公司, titled 宁德时代2023年报点评 in its properties: whose
    results they are (the file's own name, report.pdf, names no one)."""
    pdf = _pdf(tmp_path / "report.pdf", [["2023年报点评:储能业务高增", "事件:公司发布2023年年报,实现营业收入4000亿元,同比增长22%。"]],
               title="宁德时代2023年报点评")
    [doc] = extract_file(pdf, published="2024-03-20")
    assert [(c.subject, c.metric, c.value) for c in doc.claims] == [("宁德时代", "营业收入", 400_000_000_000)]
    assert doc.frame.entity_title == "宁德时代2023年报点评"


def test_table_without_stated_scale_is_left_out_with_the_reason(tmp_path):
    pdf = _pdf(tmp_path / "noscale.pdf", [["青柠科技控股有限公司业绩", [["", "2024年", "2023年"], ["收入", "126,898", "113,470"]]]])
    [doc] = extract_file(pdf)
    assert not [c for c in doc.claims if c.evidence.column]
    assert any("no stated scale" in r for r in doc.rejected)


def test_scanned_pdf_is_a_clear_error(tmp_path):
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path))
    c.drawImage(ImageReader(Image.new("RGB", (200, 100), "white")), 50, 600, width=200, height=100)
    c.showPage()
    c.save()
    with pytest.raises(InputError, match=r"scan\.pdf: no text layer: OCR is not supported"):
        extract_file(path)


def test_damaged_pdf_is_a_clear_error(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj garbage\n")
    with pytest.raises(InputError, match=r"broken\.pdf: "):
        extract_file(path)


# --------------------------------------------------------------------------------------------
# HTML

def test_html_main_text_title_date_without_navigation_or_comments():
    [doc] = extract_file(NEWS)
    assert doc.title == "青柠科技2024年营收126.9亿元 日活用户创新高"
    assert doc.published == "2025-03-20" and doc.year == 2025
    assert (doc.author, doc.site, doc.media_type) == ("林晓", "晨星网", "text/html")
    assert "经调整净利润为17.7亿元" in doc.text
    for noise in ("首页", "网友评论", "200亿元", "热门文章", "888元", "版权所有", "分享到"):
        assert noise not in doc.text, noise


def test_html_page_date_resolves_last_year():
    [doc] = extract_file(NEWS)  # the text names 2024 but no year of its own: 去年 is 2024 by the page date
    by_metric = {c.metric: c for c in doc.claims}
    assert by_metric["经调整净利润"].period == "2024" and by_metric["经调整净利润"].value == 1_770_000_000
    dau = next(c for c in doc.claims if c.unit == "users")
    assert dau.period == "2024Q4" and dau.value == 320_000_000


def test_html_comment_blocks_of_portals_are_pruned():
    [doc] = extract_file(PORTAL)
    assert doc.published == "2025-04-18" and "订单量达到8.6亿单" in doc.text
    for noise in ("司机却越来越难赚钱", "利润率呢", "相关阅读", "沪指涨1.2%", "年化收益"):
        assert noise not in doc.text, noise
    assert not [c for c in doc.claims if c.value == 0.05]  # a comment's 5%


def test_html_evidence_offsets_are_in_the_extracted_text():
    src = read_source(NEWS.read_bytes(), str(NEWS))
    [doc] = extract_file(NEWS)
    for c in doc.claims:
        raw = src.text[c.evidence.raw_start:c.evidence.raw_end]
        assert c.surface in raw, (c.surface, raw)


def test_html_in_gb18030_with_declared_charset(tmp_path):
    page = NEWS.read_text(encoding="utf-8").replace('<meta charset="utf-8">', '<meta charset="gbk">')
    path = tmp_path / "gbk.html"
    path.write_bytes(page.encode("gb18030"))
    [doc] = extract_file(path)
    assert doc.title.startswith("青柠科技2024年营收")


# --------------------------------------------------------------------------------------------
# formats from content

@pytest.mark.parametrize("data, fmt", [
    (b"%PDF-1.4\n...", "pdf"),
    (b"\xef\xbb\xbf<!DOCTYPE html>\n<html><body><p>x</p></body></html>", "html"),
    (b"<!-- saved page -->\n<html lang=zh>", "html"),
    ("<div class=a><p>营收增长12%<br>净利润</p></div>".encode(), "html"),
    ("营收增长12%。\n净利润1.2亿元。".encode("gb18030"), "text"),
    ("他说<p>标签不算网页。".encode(), "text"),
    (b"PK\x03\x04rest", "a ZIP archive (a .docx, .xlsx or .epub?)"),
], ids=["pdf", "bom-doctype", "comment-html", "tag-soup", "gb18030-text", "one-tag-text", "zip"])
def test_detect_format(data, fmt):
    assert detect_format(data) == fmt


def test_extension_that_lies_txt_holding_html(tmp_path):
    path = tmp_path / "saved.txt"
    path.write_bytes(NEWS.read_bytes())
    [doc] = extract_file(path)
    assert doc.media_type == "text/html" and doc.published == "2025-03-20" and "网友评论" not in doc.text


def test_extension_that_lies_pdf_holding_text(tmp_path):
    path = tmp_path / "article.pdf"
    path.write_text("青柠科技2024年营收126.9亿元。\n2024年,青柠科技营收126.9亿元,同比增长11.8%。\n", encoding="utf-8")
    [doc] = extract_file(path)
    assert doc.media_type == "text/plain" and any(c.value == 12_690_000_000 for c in doc.claims)


def test_unsupported_format_names_the_file(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    with pytest.raises(InputError, match=r"photo\.txt: a PNG image .*not supported"):
        extract_file(path)


# --------------------------------------------------------------------------------------------
# the command line: stdin, --from-list, JSONL of HTML and PDF

def _run(argv, monkeypatch=None, stdin: bytes | None = None):
    from extract.cli import main

    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    return main(argv)


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


def test_cli_stdin_reads_one_article(tmp_path, monkeypatch):
    out = tmp_path / "out.jsonl"
    assert _run(["extract", "-", "--format", "jsonl", "-o", str(out)], monkeypatch, NEWS.read_bytes()) == 0
    rows = _jsonl(out)
    assert {r["doc"] for r in rows} == {"stdin#1"}
    assert any(r["kind"] == "claim" and r["period"] == "2024Q4" for r in rows)


def test_cli_stdin_empty_is_an_error(tmp_path, monkeypatch, capsys):
    assert _run(["extract", "-", "-o", str(tmp_path / "o.jsonl")], monkeypatch, b"") != 0
    assert "<stdin>: empty" in capsys.readouterr().err


def test_cli_from_list_streams_paths(tmp_path, annual_pdf, capsys):
    lst = tmp_path / "inputs.txt"
    lst.write_text(f"{NEWS}\n\n{PORTAL}\n{annual_pdf}\n{tmp_path / 'missing.html'}\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    rc = _run(["extract", "--from-list", str(lst), "--format", "jsonl", "-o", str(out)])
    assert rc == 1  # one listed file is missing: reported, the others extracted
    assert "missing.html: no such file" in capsys.readouterr().err
    docs = {r["doc"] for r in _jsonl(out)}
    assert docs == {"qingning-news#1", "qingning-portal#1", "qingning-results#1"}


def test_cli_from_list_missing_list_fails_first(tmp_path, capsys):
    rc = _run(["extract", "--from-list", str(tmp_path / "nolist.txt"), "-o", str(tmp_path / "o.jsonl")])
    assert rc == 2 and "nolist.txt: no such file" in capsys.readouterr().err
    assert not (tmp_path / "o.jsonl").exists()


def test_cli_nothing_to_extract(capsys):
    assert _run(["extract"]) == 2
    assert "nothing to extract" in capsys.readouterr().err


def test_cli_html_and_pdf_to_jsonl(tmp_path, annual_pdf):
    out = tmp_path / "out.jsonl"
    assert _run(["extract", str(NEWS), str(annual_pdf), "--format", "jsonl", "-o", str(out)]) == 0
    claims = [r for r in _jsonl(out) if r["kind"] == "claim"]
    rev = next(r for r in claims if r["doc"] == "qingning-results#1" and r["metric"] == "收入" and r["period"] == "2024")
    assert rev["value"] == 126_898_000_000 and rev["unit"] == "CNY" and rev["change"] == {"kind": "yoy", "value": 0.118, "text": "11.8%"}


# --------------------------------------------------------------------------------------------
# the table parsers, row by row

@pytest.mark.parametrize("own, context, period", [
    ("2024年", "截至12月31日止年度", "2024"),
    ("2023年", "", "2023"),
    ("二零二四年", "截至十二月三十一日止年度", "2024"),
    ("2024年", "截至6月30日止六个月", "2024H1"),
    ("2024年", "截至12月31日止六个月", "2024H2"),
    ("2024年", "截至9月30日止三个月", "2024Q3"),
    ("2024年第四季度", "", "2024Q4"),
    ("2024年上半年", "", "2024H1"),
    ("于2024年12月31日", "", "asof:2024-12"),
    ("2024年6月30日", "", "asof:2024-06"),
    ("2024年", "截至9月30日止九个月", "2024-01/2024-09"),  # nine months: January to September
    ("2024年1-9月", "", "2024-01/2024-09"),
    ("同比变动", "截至12月31日止年度", None),
])
def test_header_period(own, context, period):
    assert tables_mod.header_period(own, context) == period


@pytest.mark.parametrize("text, scale", [
    ("(人民币百万元,百分比除外)", ("CNY", 1e6)),
    ("除另有说明外,以人民币千元列示", ("CNY", 1e3)),
    ("(百万港元)", ("HKD", 1e6)),
    ("单位:千美元", ("USD", 1e3)),
    ("(RMB million)", ("CNY", 1e6)),
    ("(HK$'000)", ("HKD", 1e3)),
    ("营收达到100亿元,同比增长10%", None),
])
def test_find_scale(text, scale):
    got = tables_mod.find_scale(text)
    assert (got.unit, got.factor) == scale if scale else got is None


@pytest.mark.parametrize("module", ["extract.nlp.tables.cells", "extract.nlp.tables.columns", "extract.nlp.tables.read",
                                    "extract.nlp.tables.cut", "extract.inputs"])
def test_doctests(module):
    import importlib

    res = doctest.testmod(importlib.import_module(module))
    assert res.failed == 0 and res.attempted > 0


# ---- zhkg normalize reads as extract reads (issue 19) ---------------------------------------------

@pytest.mark.parametrize("which", ["pdf", "html"])
def test_normalize_uses_the_readers_of_extract(annual_pdf, which, capsys):
    """The text normalize shows is the text evidence offsets point into: a PDF's text layer, an
    HTML page's main text, not the file's bytes decoded as GB18030 or its markup."""
    import unicodedata

    from extract.inputs import normalize_file

    path = annual_pdf if which == "pdf" else NEWS
    norm = normalize_file(path)
    docs = extract_file(path, ner="fast")
    assert [a.text for a in norm.articles] == [d.text for d in docs]
    for d in docs:
        for c in d.claims:  # raw offsets of the evidence are offsets in the text normalize read
            raw = unicodedata.normalize("NFKC", norm.raw[c.evidence.raw_start:c.evidence.raw_end])
            assert raw == c.evidence.text or c.evidence.column
    assert _run(["normalize", str(path), "--text"]) == 0
    shown = capsys.readouterr().out
    assert "<p" not in shown and "%PDF" not in shown and "stream" not in shown
    assert ("126,898" in shown) if which == "pdf" else ("青柠" in shown)
