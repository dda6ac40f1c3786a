"""Results tables in a web page and in a PDF drawn without ruling lines (issue 17): every cell
a claim with its scale, period and change, its evidence the row with the column header. The
inputs are made up (星河科技, 橙果控股); the PDF is drawn here with reportlab."""
from __future__ import annotations

from pathlib import Path

import pytest

from extract.inputs import read_source
from extract.nlp.pipeline import extract_file

PAGE = Path(__file__).parent / "inputs" / "xinghe-results-table.html"


def _cells(doc):
    return {(c.metric, c.period, round(c.value, 4), c.unit,
             tuple((x.kind, round(x.value, 4)) for x in c.changes())) for c in doc.claims if c.evidence.column}


def test_html_table_every_cell():
    [doc] = extract_file(PAGE)
    assert _cells(doc) == {
        ("收入", "2024Q2", 154_625e6, "CNY", (("yoy", 0.1),)), ("收入", "2023Q2", 140_093e6, "CNY", ()),
        ("经营亏损", "2024Q2", 1_234e6, "CNY", ()), ("经营亏损", "2023Q2", 2_345e6, "CNY", ()),
        ("每股摊薄收益", "2024Q2", 3.1, "CNY", (("yoy", 0.24),)), ("每股摊薄收益", "2023Q2", 2.5, "CNY", ()),
    }
    assert {c.subject for c in doc.claims if c.evidence.column} == {"星河科技"}


def test_html_table_evidence_and_offsets():
    [doc] = extract_file(PAGE)
    src = read_source(PAGE.read_bytes(), str(PAGE))
    c = next(c for c in doc.claims if c.metric == "收入" and c.period == "2023Q2")
    row = "收入 | 154,625 | 140,093 | 10%"
    assert src.text[c.evidence.raw_start:c.evidence.raw_end] == row  # raw offsets: the extracted text
    assert c.evidence.text == row + "【截至6月30日止三个月 2023年】"
    assert (c.evidence.row, c.evidence.column) == (4, 3)


def test_html_chrome_tables_are_no_claims():
    [doc] = extract_file(PAGE)
    src = read_source(PAGE.read_bytes(), str(PAGE))
    assert len(src.tables) == 1 and "首页" not in src.text and "备案" not in src.text
    assert not [c for c in doc.claims if c.value in (12345, 123, 45.6)]


ROWS = [["", "截至6月30日止六个月", "", ""], ["", "二零二四年", "二零二三年", "變動"],
        ["收入", "5,230,118", "4,512,006", "15.9%"], ["經調整利潤淨額", "(12,345)", "8,001", "不適用"],
        ["每股基本盈利(人民幣元)", "0.52", "0.41", "26.8%"], ["毛利率", "38.2%", "35.1%", "3.1個百分點"]]


def _unruled_pdf(path: Path) -> Path:
    """Two pages; the second holds a table drawn with no ruling lines, as HKEX filings are."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    font = "STSong-Light"
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    style = ParagraphStyle("zh", fontName=font, fontSize=11, leading=16, wordWrap="CJK")
    t = Table(ROWS)
    t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), font), ("ALIGN", (1, 0), (-1, -1), "RIGHT")]))
    story = [Paragraph("橙果控股有限公司", style), Paragraph("截至二零二四年六月三十日止六個月之中期業績公告", style),
             PageBreak(), Paragraph("財務摘要", style), Paragraph("(除另有說明外,以人民幣千元列示)", style), t,
             Paragraph("董事會欣然宣佈本公司的未經審核綜合業績。", style)]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


@pytest.fixture(scope="module")
def unruled(tmp_path_factory) -> Path:
    return _unruled_pdf(tmp_path_factory.mktemp("pdf") / "orange-interim.pdf")


def test_pdf_without_ruling_lines_every_cell(unruled):
    import pdfplumber

    with pdfplumber.open(unruled) as pdf:
        assert not pdf.pages[1].find_tables()  # no ruled table for the line-based detection
    [doc] = extract_file(unruled)
    assert _cells(doc) == {
        ("收入", "2024H1", 5_230_118e3, "CNY", (("yoy", 0.159),)), ("收入", "2023H1", 4_512_006e3, "CNY", ()),
        ("经调整利润净额", "2024H1", -12_345e3, "CNY", ()), ("经调整利润净额", "2023H1", 8_001e3, "CNY", ()),
        ("每股基本盈利", "2024H1", 0.52, "CNY", (("yoy", 0.268),)), ("每股基本盈利", "2023H1", 0.41, "CNY", ()),
        ("毛利率", "2024H1", 0.382, "percent", (("abs", 0.031),)), ("毛利率", "2023H1", 0.351, "percent", ()),
    }
    assert {c.evidence.page for c in doc.claims if c.evidence.column} == {2}
    assert not [c for c in doc.claims if not c.evidence.column and c.evidence.page == 2 and "5,230,118" in c.evidence.text]
