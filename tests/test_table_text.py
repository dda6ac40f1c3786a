"""Results tables flattened into text (issue 17): every cell a claim with its scale, period and
change. The tables are written here by hand (星河科技 and its figures are made up)."""
from __future__ import annotations

import pytest

from extract.nlp.pipeline import extract_text
from extract.nlp.tables import find_tables
from extract.nlp.tables.cut import split_group

SPACED = """星河科技公布2024年第二季度业绩。
(人民币百万元,百分比除外)
2024年第二季度  2023年第二季度  同比变动  2024年第一季度  环比变动
收入  154,625  140,093  10%  149,208  4%
归属于本公司普通股
股东的净利润(1)  12,001  10,000  20%  11,000  9%
经营利润/(亏损)  (1,234)  2,345  不适用  (500)  不适用
每股摊薄收益(人民币元)  3.10  2.50  24%  2.80  11%
毛利率  45.1%  43.0%  2.1个百分点  44.0%  1.1个百分点
董事会对上述业绩表示满意,并将继续推进各项业务。
"""

ONE_LINE = ("橙果控股有限公司(股份代号:1234)截至2024年12月31日止年度的年度业绩公告业绩摘要"
            "截至12月31日止年度2024年2023年同比变动人民币千元人民币千元(%)"
            "收益13,037,7496,301,002106.9%经营亏损(45,120)(30,210)不适用"
            "基本每股盈利(人民币元)2.360.81191.4%本公司董事会欣然公布本集团的经审核综合业绩。")

US_LISTED = """星河科技公布2024年第一季度未经审核财务业绩。
(以百万计,每ADS除外,未经审核)
Q1'23 Q4'23 Q1'24
人民币 人民币 人民币 美元 同比 环比
总收入 30,100 33,500 31,000 4,290 3% (7%)
每ADS摊薄收益 15.00 7.00 15.50 2.15 3% 121%
调整后EBITDA利润率 24% 25% 26% 26%
"""


MT_STYLE = """星河科技公布2024年第一季度业绩。
(以百万计,每ADS除外,未经审计)
第一季度 2023年 第四季度 2023年 第一季度 2024年
元 元 元 美元 年增率 季增率
总收入 30,100 33,500 31,000 4,290 3% (7%)
营业利润 4,000 4,500 5,000 692 25% 11%
"""


def _claims(text: str, year: int = 2024):
    [doc] = extract_text(text, year=year)
    return doc, {(c.metric, c.period): c for c in doc.claims if c.evidence.column}


CASES = [
    # (table, metric, period, value, unit, change)
    (SPACED, "收入", "2024Q2", 154_625e6, "CNY", [("yoy", 0.10), ("qoq", 0.04)]),
    (SPACED, "收入", "2023Q2", 140_093e6, "CNY", None),
    (SPACED, "收入", "2024Q1", 149_208e6, "CNY", None),
    (SPACED, "归属于本公司普通股股东的净利润", "2024Q2", 12_001e6, "CNY", [("yoy", 0.20), ("qoq", 0.09)]),
    (SPACED, "经营利润", "2024Q2", -1_234e6, "CNY", None),
    (SPACED, "经营利润", "2023Q2", 2_345e6, "CNY", None),
    (SPACED, "每股摊薄收益", "2024Q2", 3.10, "CNY", [("yoy", 0.24), ("qoq", 0.11)]),
    (SPACED, "毛利率", "2024Q2", 0.451, "percent", [("abs", 0.021), ("abs", 0.011)]),
    (ONE_LINE, "收益", "2024", 13_037_749e3, "CNY", [("yoy", 1.069)]),
    (ONE_LINE, "收益", "2023", 6_301_002e3, "CNY", None),
    (ONE_LINE, "经营亏损", "2024", 45_120e3, "CNY", None),
    (ONE_LINE, "基本每股盈利", "2024", 2.36, "CNY", [("yoy", 1.914)]),
    (ONE_LINE, "基本每股盈利", "2023", 0.81, "CNY", None),
    (US_LISTED, "总收入", "2024Q1", 31_000e6, "CNY", [("yoy", 0.03), ("qoq", -0.07)]),
    (US_LISTED, "总收入", "2023Q4", 33_500e6, "CNY", None),
    (US_LISTED, "每ADS摊薄收益", "2024Q1", 15.50, "CNY", [("yoy", 0.03), ("qoq", 1.21)]),
    (US_LISTED, "调整后EBITDA利润率", "2024Q1", 0.26, "percent", None),
    (MT_STYLE, "总收入", "2024Q1", 31_000e6, "CNY", [("yoy", 0.03), ("qoq", -0.07)]),
    (MT_STYLE, "营业利润", "2023Q1", 4_000e6, "CNY", None),
]


@pytest.mark.parametrize("table,metric,period,value,unit,change", CASES,
                         ids=[f"{c[1]}-{c[2]}" for c in CASES])
def test_every_cell_with_scale_period_change(table, metric, period, value, unit, change):
    _, claims = _claims(table)
    c = claims[(metric, period)]
    assert c.value == pytest.approx(value) and c.unit == unit
    got = c.change if isinstance(c.change, list) else [c.change] if c.change else []
    assert [(x.kind, pytest.approx(x.value)) for x in got] == (change or [])


@pytest.mark.parametrize("table,cells", [(SPACED, 5 * 3), (ONE_LINE, 6), (US_LISTED, 3 * 3), (MT_STYLE, 2 * 3)],
                         ids=["spaced", "one-line", "us-listed", "translated"])
def test_no_cell_twice_and_no_sentence_claims_from_rows(table, cells):
    """不适用 and the US$ column (a restatement of the RMB figures) are no claims; the rows give
    no sentence claims besides the table's."""
    doc, claims = _claims(table)
    assert len(claims) == cells
    rows = [(t.start, t.end) for t in find_tables(doc.text)]
    stray = [c for c in doc.claims if not c.evidence.column and any(a <= c.evidence.start < b for a, b in rows)]
    assert stray == []


def test_evidence_is_the_row_with_its_column_header():
    doc, claims = _claims(SPACED)
    c = claims[("收入", "2023Q2")]
    assert doc.text[c.evidence.start:c.evidence.end] == "收入  154,625  140,093  10%  149,208  4%"
    assert c.evidence.text.endswith("【2023年第二季度】")
    assert c.subject == "星河科技"


@pytest.mark.parametrize("group,n,kinds,cells", [
    ("13,037,7496,301,002106.9%", 3, "vvc", ["13,037,749", "6,301,002", "106.9%"]),
    ("2.360.81191.4%", 3, "vvc", ["2.36", "0.81", "191.4%"]),  # decimals shared, change agrees
    ("(45,120)(30,210)不适用", 3, "vvc", ["(45,120)", "(30,210)", "不适用"]),
    ("65.4%61.3%", 2, "vv", ["65.4%", "61.3%"]),
    ("1234567", 2, "vv", None),  # no separators: 1|234567, 12|34567 … no unique cut
], ids=["thousands", "decimals", "brackets", "percents", "ambiguous"])
def test_cells_run_together(group, n, kinds, cells):
    k = [{"v": "value", "c": "change"}[x] for x in kinds]
    sp = split_group(group, 0, n, k, separators="," in group)
    assert (sp.cells and [t for t, _, _ in sp.cells]) == (cells or None)
    if cells is None:
        assert sp.ambiguous > 1


def test_a_row_that_cannot_be_cut_is_left_out_and_listed():
    """Thousands separators make 1,2341,100 one cut (1,234|1,100), and 1,000900 too (1,000|900:
    a 4-digit 900x would have a separator); 12345 has two (12|345, 123|45)."""
    text = ("星河科技2024年业绩摘要。截至12月31日止年度2024年2023年(人民币百万元)"
            "收入1,2341,100毛利12345研发开支1,000900本公司董事会欣然公布业绩。")
    doc, claims = _claims(text)
    assert claims[("收入", "2024")].value == 1_234e6 and claims[("研发开支", "2023")].value == 900e6
    assert not any(m == "毛利" for m, _ in claims)
    assert any("毛利12345" in r for r in doc.rejected)  # 12|345 or 123|45


def test_prose_with_years_is_no_table():
    text = "星河科技2024年收入为100亿元,2023年为80亿元,同比增长25%。2024年 2023年 同比 三个词。"
    assert find_tables(text) == []


def test_a_lead_naming_its_period_twice_is_no_table():
    """A sentence that names a fiscal quarter and its end date in brackets, then its figures, is
    prose: a clause break inside what would be a row label says so."""
    text = "星河集团公布2020财年第三季度(截至2019年12月31日)业绩:营收1614.56亿元,同比增长38%。"
    assert find_tables(text) == []
    (doc,) = extract_text(text, doc_id="t", published="2020-02-13")
    assert [(c.metric, c.value, c.period) for c in doc.claims] == [("营收", 161_456_000_000, "2019Q4")]


TRADITIONAL_CELLS = """星河科技公佈2024年第一季度業績。
（以百萬計，每股 ADS 除外，未經審計）
2023 年第一季度
2023 年第四季度
2024 年第一季度
同比
人民幣
人民幣
人民幣
美元
總收入
30,100
33,500
31,000
4,290
3%
營業收入
4,000
4,500
5,000
692
25%
總收入為 310 億元人民幣 (42.9 億美元)，同比增長 3%。
"""


def test_a_traditional_currency_row_and_the_prose_after_the_table():
    """人民幣 … 美元 under the periods (a Traditional page) name the currency of each column: the
    US$ column restates the current quarter and is no change; the sentence after the table
    (總收入為 310 億元…) is prose, not a row cut into cells."""
    doc, claims = _claims(TRADITIONAL_CELLS)
    total = claims[("总收入", "2024Q1")]
    assert (total.value, total.unit) == (31_000e6, "CNY")
    assert [(c.kind, c.value) for c in ([total.change] if not isinstance(total.change, list) else total.change)] \
        == [("yoy", pytest.approx(0.03))]
    assert claims[("营业收入", "2023Q4")].value == 4_500e6
    assert len(claims) == 6  # two rows, three periods; no cell of the sentence after them
    prose = [c for c in doc.claims if not c.evidence.column]
    assert [(c.metric, c.value) for c in prose if c.unit == "CNY"] == [("总收入", 31_000e6)]


RELATIVE = """星河科技公布2024年第三季度业绩。
单位：人民币亿元
项目 本季度 上年同期 同比
收入 120.50 100.00 20.5%
经营利润 30.20 25.00 20.8%

■双11与会员
2024年双11期间星河科技成交额达268亿元，同比增长26%。
"""

A_SHARE = """橙果股份发布2023年年度报告。
主要会计数据
单位：元 币种：人民币
项目 本报告期 上年同期 本报告期比上年同期增减(%)
营业收入 1,234,567,890.12 1,100,000,000.00 12.23
归属于上市公司股东的净利润 123,456,789.01 100,000,000.00 23.46
"""

SEQUENTIAL = """星河科技公布2024年第一季度业绩。
单位：人民币百万元 本季度 上季度 环比
收入 1,200 1,000 20%
毛利 400 350 14.3%
"""


A_SHARE_QUARTER = """橙果股份发布2024年第三季度报告。
主要会计数据和财务指标(单位:亿元)
项目 本报告期 本报告期比上年同期增减 年初至报告期末 年初至报告期末比上年同期增减
营业收入 50.20 12.5% 140.80 3.4%
归属于上市公司股东的净利润 6.10 20.0% 15.30 -4.1%
"""

NINE_MONTHS = """星河科技公布截至2024年9月30日止九个月业绩。
(人民币百万元) 截至9月30日止九个月
 2024年 2023年 变动
收入 3,600 3,000 20%
"""


@pytest.mark.parametrize("table,metric,period,value,change", [
    (A_SHARE_QUARTER, "营业收入", "2024Q3", 50.2e8, ("yoy", 0.125)),
    (A_SHARE_QUARTER, "营业收入", "2024-01/2024-09", 140.8e8, ("yoy", 0.034)),
    (A_SHARE_QUARTER, "归属于上市公司股东的净利润", "2024-01/2024-09", 15.3e8, ("yoy", -0.041)),
    (NINE_MONTHS, "收入", "2024-01/2024-09", 3_600e6, ("yoy", 0.20)),
    (NINE_MONTHS, "收入", "2023-01/2023-09", 3_000e6, None),
], ids=["a-share-quarter", "a-share-year-to-date", "a-share-year-to-date-fall", "nine-months", "nine-months-before"])
def test_year_to_date_columns_and_each_columns_own_change(table, metric, period, value, change):
    """本报告期 增减 年初至报告期末 增减: the year to date is the months from January to the quarter's
    end, and each change column is the change of the figures right before it; 截至9月30日止九个月
    is January to September."""
    _, claims = _claims(table)
    c = claims[(metric, period)]
    assert (c.value, c.unit) == (pytest.approx(value), "CNY")
    got = c.change if isinstance(c.change, list) else [c.change] if c.change else []
    assert [(x.kind, pytest.approx(x.value)) for x in got] == ([change] if change else [])


@pytest.mark.parametrize("table,metric,period,value,change", [
    (RELATIVE, "收入", "2024Q3", 120.5e8, ("yoy", 0.205)),
    (RELATIVE, "收入", "2023Q3", 100e8, None),
    (RELATIVE, "经营利润", "2023Q3", 25e8, None),
    (A_SHARE, "营业收入", "2023", 1_234_567_890.12, ("yoy", 0.1223)),
    (A_SHARE, "归属于上市公司股东的净利润", "2022", 100_000_000, None),
    (SEQUENTIAL, "收入", "2024Q1", 1_200e6, ("qoq", 0.20)),
    (SEQUENTIAL, "毛利", "2023Q4", 350e6, None),
], ids=["this-quarter", "year-before", "year-before-2", "a-share-report-period", "a-share-year-before",
        "this-quarter-sequential", "quarter-before-across-a-year"])
def test_relative_column_headers_name_periods_against_the_articles(table, metric, period, value, change):
    """本季度 上年同期 / 本报告期 上年同期 / 本季度 上季度: the columns' periods are placed against
    the period the article reports on; 单位：元 (an A-share report's) is the table's scale."""
    _, claims = _claims(table)
    c = claims[(metric, period)]
    assert (c.value, c.unit) == (pytest.approx(value), "CNY")
    got = c.change if isinstance(c.change, list) else [c.change] if c.change else []
    assert [(x.kind, pytest.approx(x.value)) for x in got] == ([change] if change else [])


def test_a_heading_after_a_table_is_no_row_and_relative_headers_need_a_period():
    doc, claims = _claims(RELATIVE)
    assert len(claims) == 4  # two rows, two periods; the percentage column is their change
    assert not [c for c in doc.claims if "■" in (c.metric or "")]
    # an article that names no period of its own: the relative header names none either
    undated = RELATIVE.replace("星河科技公布2024年第三季度业绩。", "星河科技公布业绩。")
    [doc] = extract_text(undated)
    assert not [c for c in doc.claims if c.evidence.column]


def test_a_table_of_one_row_is_read():
    """A summary table of one row (项目 2024Q3 2023Q3 同比 over 经调整EBITDA …) is a table too: its
    earlier column is the earlier period, its change column the current figure's change."""
    _, claims = _claims("星河科技发布2024年第三季度业绩。\n季度表格(单位:人民币亿元)\n项目 2024Q3 2023Q3 同比\n"
                        "经调整EBITDA 146.9 72.7 102.1%\n")
    assert sorted(claims) == [("经调整EBITDA", "2023Q3"), ("经调整EBITDA", "2024Q3")]
    cur = claims[("经调整EBITDA", "2024Q3")]
    assert cur.value == pytest.approx(146.9e8) and [(cur.change.kind, cur.change.value)] == [("yoy", pytest.approx(1.021))]
    assert claims[("经调整EBITDA", "2023Q3")].value == pytest.approx(72.7e8)


def test_a_caption_saying_how_amounts_are_stated_is_part_of_the_header():
    """(除另有说明外,所有金额均以人民币千元列示) between a results table's header and its rows: the
    table's scale, no break in it."""
    _, claims = _claims("星河控股有限公司\n截至2024年6月30日止六个月之中期业绩公告\n财务摘要\n"
                        "截至6月30日止六个月 2024年 2023年 变动\n(未经审核) (未经审核) (%)\n"
                        "(除另有说明外,所有金额均以人民币千元列示)\n收入 1,434,509 1,435,484 (0.1)\n毛利 722,978 694,510 4.1\n")
    assert claims[("收入", "2024H1")].value == pytest.approx(1_434_509_000)
    assert claims[("毛利", "2023H1")].value == pytest.approx(694_510_000)
    assert claims[("毛利", "2024H1")].change.value == pytest.approx(0.041)
