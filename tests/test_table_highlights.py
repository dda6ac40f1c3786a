"""The "financial highlights" table of a US-listed company's press release as a machine translation
reaches news sites: each line of the table a paragraph, the quarters over the years (or the years
over the quarters), the caption wrapped onto the second header line, a currency row whose last
column restates the current quarter in US$, fewer change words than change columns, percentages
written with a space (``6 %``) and footnote markers after the labels. The tables are written here
by hand (华远科技 and its figures are made up)."""
from __future__ import annotations

import pytest

from extract.nlp.pipeline import extract_text
from extract.nlp.tables import find_tables

LEAD = ("华远科技公布2024年第一季度业绩\n\n北京，2024年5月20日——华远科技（纳斯达克股票代码：HYK，"
        "香港交易所股票代码：9988）今天公布了截至2024年3月31日的第一季度未经审计的财务业绩。\n\n财务摘要\n\n")

HEADER = "(以百万计,每股 ADS 除外) Q1 Q4 Q1\nADS,未经审计) 2023 2023 2024 YoY\n\n人民币 人民币 人民币 美元$"

ROWS = """

总营收

20,400 22,800 21,600 2,991 6 % (5 %)

经营利润

3,000 3,600 3,300 457 10 % (8 %)

每股ADS摊薄收益

5.00 6.00 5.50 0.76 10 % (8 %)

经营利润率

15 % 16 % 15 % 15 %
"""

TABLE = LEAD + HEADER + ROWS

# footnote markers: after a label, its figures on the paragraph below; alone above the note
FOOTNOTES = TABLE.replace("经营利润\n", "经营利润 1\n") + "\n1\n\n非公认会计准则指标,见下文说明\n"


def _claims(text: str):
    [doc] = extract_text(text, year=2024)
    return doc, [c for c in doc.claims if c.evidence.column]


def _by(claims):
    return {(c.metric, c.period): c for c in claims}


def _changes(c):
    got = c.change if isinstance(c.change, list) else [c.change] if c.change else []
    return [(x.kind, pytest.approx(x.value)) for x in got]


@pytest.mark.parametrize("header", [
    "(以百万计,每股 ADS 除外) Q1 Q4 Q1\nADS,未经审计) 2023 2023 2024 YoY QoQ",  # the caption wrapped
    "(以百万计,每股 ADS 除外) 第一季度 第四季度 第一季度\nADS,未经审计) 2023 2023 2024 同比 环比",
    "(以百万计,每股ADS除外,未经审计)\n\n2023 2023 2024\nQ1 Q4 Q1 YoY QoQ",
    "(以百万计,每股ADS除外,未经审计)\n\n2023年 2023年 2024年\n第一季度 第四季度 第一季度 按年 按季",
], ids=["q-over-y", "chinese-q-over-y", "y-over-q", "chinese-y-over-q"])
def test_stacked_header_rows_combine_column_wise_into_periods(header):
    """A row of quarter labels and a row of years, either above the other, are one period a
    column; the caption's 以百万计 scales the money rows, even wrapped onto the second line."""
    _, claims = _claims(LEAD + header + "\n\n人民币 人民币 人民币 美元" + ROWS)
    by = _by(claims)
    assert {c.period for c in claims} == {"2023Q1", "2023Q4", "2024Q1"}
    assert [by[("总营收", p)].value for p in ("2023Q1", "2023Q4", "2024Q1")] == [20_400e6, 22_800e6, 21_600e6]
    assert by[("总营收", "2024Q1")].unit == "CNY"
    assert _changes(by[("总营收", "2024Q1")]) == [("yoy", 0.06), ("qoq", -0.05)]


@pytest.mark.parametrize("currencies", ["人民币 人民币 人民币 美元$", "RMB RMB RMB US$"])
def test_a_currency_row_marks_the_restatement_column(currencies):
    """The last column of the currency row names another currency after the latest period: a
    convenience translation, no claims; three claims a row, all in CNY. The change words may
    follow on the currency row (美元$ 同比 环比)."""
    header = "(以百万计,每股ADS除外,未经审计)\n\nQ1 Q4 Q1\n2023 2023 2024\n\n" + currencies + " 同比 环比"
    doc, claims = _claims(LEAD + header + ROWS)
    assert len(claims) == 4 * 3
    assert {c.unit for c in claims} == {"CNY", "percent"}
    assert not any(c.value in (2_991e6, 457e6, 0.76) for c in doc.claims)
    assert sum(c.period == "2024Q1" and c.metric == "经营利润率" for c in claims) == 1
    [table] = find_tables(doc.text)
    assert [t.text for t in table.header if t.kind == "C"] == ["同比", "环比"]  # one header, 美元$ a word


def test_unnamed_change_columns_are_told_by_the_periods():
    """YoY names one of two change columns: the other compares the current quarter with the
    other earlier column, the quarter before (qoq); changes go on the current quarter's cell."""
    _, claims = _claims(TABLE)
    by = _by(claims)
    assert _changes(by[("总营收", "2024Q1")]) == [("yoy", 0.06), ("qoq", -0.05)]
    assert _changes(by[("每股ADS摊薄收益", "2024Q1")]) == [("yoy", 0.10), ("qoq", -0.08)]
    assert by[("总营收", "2023Q4")].change is None and by[("总营收", "2023Q1")].change is None


def test_the_periods_decide_which_change_the_header_left_unnamed():
    """The quarter before first (Q4 2023, Q1 2023, Q1 2024) and the header naming QoQ: the
    unnamed change column is the year-on-year one."""
    text = TABLE.replace("Q1 Q4 Q1", "Q4 Q1 Q1").replace("YoY", "QoQ") \
        .replace("20,400 22,800 21,600 2,991 6 % (5 %)", "22,800 20,400 21,600 2,991 (5 %) 6 %")
    _, claims = _claims(text)
    total = _by(claims)[("总营收", "2024Q1")]
    assert (total.value, _changes(total)) == (21_600e6, [("qoq", -0.05), ("yoy", 0.06)])


def test_a_named_change_word_is_placed_by_the_figures():
    """A flattened header that keeps only QoQ over two change columns (yoy first, as the rows'
    figures show): where the word stood says nothing, the figures place each kind."""
    _, claims = _claims(TABLE.replace("2024 YoY", "2024 QoQ"))
    by = _by(claims)
    assert _changes(by[("总营收", "2024Q1")]) == [("yoy", 0.06), ("qoq", -0.05)]
    assert _changes(by[("每股ADS摊薄收益", "2024Q1")]) == [("yoy", 0.10), ("qoq", -0.08)]


def test_an_unnamed_change_the_figures_deny_is_not_read():
    """The periods say the second change column is against the quarter before; figures whose
    percentages are no such change give no table claims."""
    text = TABLE.replace("6 % (5 %)", "6 % 40 %").replace("10 % (8 %)", "10 % 40 %")
    _, claims = _claims(text)
    assert claims == []


def test_percentages_written_with_a_space():
    """``6 %`` and ``(5 %)`` are changes of +6% and -5%; a margin row of ``15 %`` cells gives
    percentages, unscaled."""
    _, claims = _claims(TABLE)
    by = _by(claims)
    margin = [by[("经营利润率", p)] for p in ("2023Q1", "2023Q4", "2024Q1")]
    assert [(c.value, c.unit) for c in margin] == [(0.15, "percent"), (0.16, "percent"), (0.15, "percent")]
    assert by[("每股ADS摊薄收益", "2024Q1")].value == pytest.approx(5.50)  # per ADS: not scaled


def test_footnote_markers_are_no_values():
    """``经营利润 1`` over its figures: the 1 marks a footnote; the ``1`` above the note below the
    table is no claim either."""
    doc, claims = _claims(FOOTNOTES)
    by = _by(claims)
    assert [by[("经营利润", p)].value for p in ("2023Q1", "2023Q4", "2024Q1")] == [3_000e6, 3_600e6, 3_300e6]
    assert {c.metric for c in claims} == {"总营收", "经营利润", "每股ADS摊薄收益", "经营利润率"}
    assert not any(c.value == 1 for c in doc.claims)


def test_the_subject_is_the_reporting_company_not_its_exchange():
    """The exchanges a release lists the company on (纳斯达克, 香港交易所, names the lexicon
    knows) are not what its table reports on, though the company is named but once."""
    lead = ("北京，2024年5月20日——华远公司（纳斯达克：HYK；香港交易所：9988）"
            "今天公布了截至2024年3月31日的第一季度未经审计的财务业绩。\n\n财务摘要\n\n")
    doc, claims = _claims(lead + HEADER + ROWS)
    assert {c.subject for c in claims} == {"华远公司"}


def test_a_margin_takes_no_money_metrics_key():
    """A percentage row naming a money metric (EBITDA利润率) is a margin, not that metric."""
    text = TABLE.replace("经营利润率", "调整后的息税折旧摊销前利润率").replace("经营利润\n", "调整后EBITDA\n")
    _, claims = _claims(text)
    by = _by(claims)
    assert by[("调整后EBITDA", "2024Q1")].metric_key == "Metric:EBITDA"
    assert by[("调整后的息税折旧摊销前利润率", "2024Q1")].metric_key is None
