"""Market trackers' tables (rows are companies, columns a metric for a period) in a web page's
``<table>``, in PDFs drawn with and without ruling lines, and under an English unit caption
((Unit: Millions), (in thousands)). The page and the PDFs are written here by hand (the brands
远帆, 恒星, 青岚 and their figures are made up); the PDFs are drawn with reportlab."""
from __future__ import annotations

from pathlib import Path

import pytest

from extract.inputs import read_source
from extract.nlp.pipeline import extract_file, extract_text

PAGE = Path(__file__).parent / "inputs" / "lanqiao-tablet-market.html"
MARKET = "全球平板电脑市场"

# (subject, metric, period, value, unit, changes) of every cell of the tables below
EXPECTED = {
    ("远帆", "出货量", "2023Q3", 10_200_000, "count", (("yoy", 0.041),)),
    ("远帆", "市场份额", "2023Q3", 0.30, "percent", ()),
    ("远帆", "出货量", "2022Q3", 9_800_000, "count", ()),
    ("恒星", "出货量", "2023Q3", 8_500_000, "count", (("yoy", -0.056),)),
    ("恒星", "市场份额", "2023Q3", 0.25, "percent", ()),
    ("恒星", "出货量", "2022Q3", 9_000_000, "count", ()),
    ("青岚", "出货量", "2023Q3", 5_100_000, "count", (("yoy", 0.275),)),
    ("青岚", "市场份额", "2023Q3", 0.15, "percent", ()),
    ("青岚", "出货量", "2022Q3", 4_000_000, "count", ()),
    (MARKET, "出货量", "2023Q3", 34_000_000, "count", (("yoy", 0.04),)),
    (MARKET, "出货量", "2022Q3", 32_700_000, "count", ()),
}
HEADER = ["厂商", "2023年第三季度出货量", "2023年第三季度市场份额", "2022年第三季度出货量", "同比增长"]
ROWS = [["远帆", "10.2", "30.0%", "9.8", "4.1%"], ["恒星", "8.5", "25.0%", "9.0", "-5.6%"],
        ["青岚", "5.1", "15.0%", "4.0", "27.5%"], ["其他", "10.2", "30.0%", "9.9", "3.0%"],
        ["合计", "34.0", "100.0%", "32.7", "4.0%"]]


def _cells(doc):
    return {(c.subject, c.metric, c.period, round(c.value, 4), c.unit,
             tuple((x.kind, round(x.value, 4)) for x in c.changes())) for c in doc.claims if c.evidence.column}


def test_html_market_table_rows_are_companies():
    """The caption's 单位：百万台 scales the amounts and names the period and the market; each
    row's subject is its label, 合计 the market, 其他 no claim."""
    [doc] = extract_file(PAGE)
    assert _cells(doc) == EXPECTED
    assert not [c for c in doc.claims if c.subject in ("其他", "合计") or c.metric in ("远帆", "恒星", "合计")]


def test_html_market_table_evidence_and_offsets():
    """The evidence is the row as the HTML reader laid it out, its column header, and the row and
    column of the grid (the caption is row 1)."""
    [doc] = extract_file(PAGE)
    src = read_source(PAGE.read_bytes(), str(PAGE))
    c = next(c for c in doc.claims if c.subject == "恒星" and c.period == "2022Q3")
    row = "恒星 | 8.5 | 25.0% | 9.0 | -5.6%"
    assert src.text[c.evidence.raw_start:c.evidence.raw_end] == row
    assert c.evidence.text == row + "【2022年第三季度出货量】"
    assert (c.evidence.page, c.evidence.table, c.evidence.row, c.evidence.column) == (1, 1, 4, 4)


RANKED = """<html><head><meta charset="utf-8"><title>2023年10月新能源乘用车销量</title></head><body><article>
<p>乘用车市场信息联席会发布2023年10月国内新能源乘用车零售销量排行，北辰继续领跑。</p>
<p>2023年10月国内新能源乘用车零售销量排行（单位：万辆）</p>
<table><thead><tr><th></th><th></th><th colspan="2">2023年10月</th></tr>
<tr><th>排名</th><th>品牌</th><th>销量</th><th>份额</th><th>年增长率</th></tr></thead>
<tbody><tr><td>1</td><td>北辰</td><td>12.5</td><td>35.2%</td><td>40.3%</td></tr>
<tr><td>2</td><td>远帆</td><td>8.1</td><td>22.8%</td><td>-3.6%</td></tr></tbody></table>
<p>乘联会表示，年末车市有望延续增长态势。</p></article></body></html>"""


def test_html_market_table_rank_column_periods_above_and_unit_before(tmp_path):
    """A rank column before the label column is no claim; a ``colspan`` period over the metrics
    is theirs; the unit stated in the paragraph above the table (万辆) scales its amounts."""
    page = tmp_path / "ranking.html"
    page.write_text(RANKED, encoding="utf-8")
    [doc] = extract_file(page)
    assert _cells(doc) == {
        ("北辰", "销量", "2023-10", 125_000, "other:辆", (("yoy", 0.403),)),
        ("北辰", "市场份额", "2023-10", 0.352, "percent", ()),
        ("远帆", "销量", "2023-10", 81_000, "other:辆", (("yoy", -0.036),)),
        ("远帆", "市场份额", "2023-10", 0.228, "percent", ()),
    }
    c = next(c for c in doc.claims if c.subject == "远帆" and c.metric == "销量")
    assert (c.evidence.row, c.evidence.column) == (4, 3)


def _pdf(path: Path, caption: list[str], rows: list[list[str]], ruled: bool) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    font = "STSong-Light"
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    style = ParagraphStyle("zh", fontName=font, fontSize=11, leading=16, wordWrap="CJK")
    t = Table(rows)
    look = [("FONTNAME", (0, 0), (-1, -1), font), ("FONTSIZE", (0, 0), (-1, -1), 8),
            ("ALIGN", (1, 0), (-1, -1), "RIGHT")]
    t.setStyle(TableStyle(look + ([("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0))] if ruled else [])))
    story = [Paragraph("蓝桥研究：2023年第三季度全球平板电脑市场报告", style),
             *[Paragraph(x, style) for x in caption], t,
             Paragraph("蓝桥研究分析师表示，教育与商用需求是本季度的主要推动力。", style)]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


def test_ruled_pdf_market_table(tmp_path):
    """A ruled table (found by pdfplumber as a table) is read as a market table, its evidence
    the page, table, row and column of the grid."""
    import pdfplumber

    pdf = _pdf(tmp_path / "ruled.pdf", ["全球平板电脑市场主要厂商出货量及份额，2023年第三季度（单位：百万台）"],
               [HEADER] + ROWS, ruled=True)
    with pdfplumber.open(pdf) as p:
        assert len(p.pages[0].find_tables()) == 1
    [doc] = extract_file(pdf)
    assert _cells(doc) == EXPECTED
    c = next(c for c in doc.claims if c.subject == "青岚" and c.period == "2023Q3" and c.metric == "出货量")
    assert (c.evidence.page, c.evidence.table, c.evidence.row, c.evidence.column) == (1, 1, 4, 2)
    src = read_source(pdf.read_bytes(), str(pdf))
    assert src.text[c.evidence.raw_start:c.evidence.raw_end] == "青岚 | 5.1 | 15.0% | 4.0 | 27.5%"


def test_unruled_pdf_market_table_english_unit_line(tmp_path):
    """A table drawn without ruling lines comes out as text lines (the text reader of tables
    reads it); its unit on a line of its own under the title, in English (Unit: Millions)."""
    import pdfplumber

    pdf = _pdf(tmp_path / "plain.pdf", ["全球平板电脑市场主要厂商出货量及份额，2023年第三季度", "(Unit: Millions)"],
               [HEADER] + ROWS, ruled=False)
    with pdfplumber.open(pdf) as p:
        assert not p.pages[0].find_tables()
    [doc] = extract_file(pdf)
    assert _cells(doc) == EXPECTED
    assert {c.evidence.page for c in doc.claims if c.evidence.column} == {1}


LEAD = "蓝桥研究最新报告显示，全球平板电脑市场第三季度温和复苏。\n\n"


@pytest.mark.parametrize("unit, factor", [("(Unit: Millions)", 1e6), ("(Units: M)", 1e6), ("(in thousands)", 1e3),
                                          ("单位：百万", 1e6)])
def test_english_unit_caption_text_table(unit, factor):
    """A bare magnitude in the caption scales the counted amounts (出货量: count), not the shares."""
    text = (LEAD + f"全球平板电脑市场主要厂商出货量及份额，2023年第三季度 {unit}\n" + " ".join(HEADER) + "\n"
            + "\n".join(" ".join(r) for r in ROWS) + "\n")
    [doc] = extract_text(text, year=2023)
    assert _cells(doc) == {(s, m, p, round(v * factor / 1e6, 4) if u == "count" else v, u, ch)
                           for s, m, p, v, u, ch in EXPECTED}


def test_a_bare_magnitude_does_not_scale_a_money_column():
    """销售额 in millions of what currency? A bare magnitude says nothing of money: left out."""
    text = (LEAD + "全球平板电脑市场主要厂商销售额，2023年第三季度 (Unit: Millions)\n厂商 销售额 市场份额\n"
            "远帆 1,020 30.0%\n恒星 850 25.0%\n")
    [doc] = extract_text(text, year=2023)
    assert {(c.subject, c.unit) for c in doc.claims if c.evidence.column} == {("远帆", "percent"), ("恒星", "percent")}
    assert any("no stated unit" in r for r in doc.rejected)
