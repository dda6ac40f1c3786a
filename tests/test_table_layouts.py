"""Results tables of US-listed companies' press releases as they reach news sites (issue 17): the
same table laid out as text in each way a page flattens it, read the same. The tables are written
here by hand (星河网讯 and its figures are made up); a 美元 column beside the RMB figures
restates the current quarter (no claim of its own)."""
from __future__ import annotations

import pytest

from extract.nlp.pipeline import extract_text
from extract.nlp.tables import find_tables

LEAD = "星河网讯公布2024年第一季度未经审计财务业绩。\n"

# one row a line; the header names three quarters and two changes, the rows hold a sixth figure
# (the US$ restatement) the header does not name
ROWS = LEAD + """(以百万计,每ADS除外,未经审计)
2023年第一季度 2023年第四季度 2024年第一季度 同比变动 环比变动
总收入 30,100 33,500 31,000 4,290 3% (7%)
营业利润 4,000 4,500 5,000 692 25% 11%
每ADS摊薄收益 15.00 7.00 15.50 2.15 3% 121%
经调整EBITDA利润率 24% 25% 26% 26%
"""

# every cell on a line of its own, blank lines for the empty spacer cells, a % split from its number
CELLS = LEAD + """(以百万计,每ADS除外,未经审计)

2023年第一季度


2023年第四季度


2024年第一季度

人民币

人民币

人民币

美元

同比

环比

总收入

30,100


33,500


31,000


4,290


3
%

(7
%)

营业利润

4,000


4,500


5,000


692


25
%

11
%
"""

# the whole table on one line, the header's currencies beside its periods
ONE_LINE = LEAD + ("(以百万计,每ADS除外,未经审计) 2023 年第一季度 人民币 2023 年第四季度 人民币 2024 年第一季度 人民币 "
                   "2024 年第一季度 美元 同比 环比 总收入 30,100 33,500 31,000 4,290 3% (7%) "
                   "营业利润 4,000 4,500 5,000 692 25% 11% 每ADS摊薄收益 15.00 7.00 15.50 2.15 3% 121%\n")

# the header split over lines: the years over the quarters, the currencies and changes below
SPLIT_HEADER = LEAD + """(以百万计,每ADS除外,未经审计)
2023年 2023年 2024年
第一季度 第四季度 第一季度
人民币 人民币 人民币 美元 同比 环比
总收入 30,100 33,500 31,000 4,290 3% (7%)
营业利润 4,000 4,500 5,000 692 25% 11%
"""

# English header words as a machine translation leaves them; footnote markers in brackets
ENGLISH = LEAD + """(In millions except per ADS, unaudited)
Q1 2023 RMB Q4 2023 RMB Q1 2024 RMB Q1 2024 US$ YoY QoQ
总收入 30,100 33,500 31,000 4,290 3 % (7 %)
营业利润(非公认会计准则)[2] 4,000 4,500 5,000 692 25 % 11 %
"""

# columns named by the quarter's last day under 截至…止三个月; the scale in the line above
DATES = LEAD + """单位:百万,每ADS除外
截至以下日期止三个月
2023年3月31日 2023年12月31日 2024年3月31日 2024年3月31日
人民币 人民币 人民币 美元 同比 环比
总收入 30,100 33,500 31,000 4,290 3% (7%)
营业利润 4,000 4,500 5,000 692 25% 11%
"""

# a Markdown table (an HTML table converted), a margin row with empty change cells
MARKDOWN = LEAD + """
| (以百万计,每ADS除外,未经审计) | 2023年第一季度 人民币 | 2023年第四季度 人民币 | 2024年第一季度 人民币 | 2024年第一季度 美元 | 同比 | 环比 |
| --- | --- | --- | --- | --- | --- | --- |
| 总收入 | 30,100 | 33,500 | 31,000 | 4,290 | 3% | (7%) |
| 营业利润 | 4,000 | 4,500 | 5,000 | 692 | 25% | 11% |
| 经调整EBITDA利润率 | 24% | 25% | 26% | 26% | | |
"""

# change words the reader does not know: the figures tell the year-ago and the previous quarter
UNKNOWN_CHANGES = LEAD + """(以百万计,每ADS除外,未经审计)
2023年第一季度 2023年第四季度 2024年第一季度 较一年前 较前期
总收入 30,100 33,500 31,000 4,290 3% (7%)
营业利润 4,000 4,500 5,000 692 25% 11%
"""

# quarters over years, a cell a line, English words
Q_OVER_Y = LEAD + ("(以百万计,每ADS除外,未经审计)\n\nQ1\n2023\nRMB\n\nQ4\n2023\nRMB\n\nQ1\n2024\nRMB\n\n"
                   "Q1\n2024\nUS$\n\nYoY\n\nQoQ\n\n总收入\n30,100\n33,500\n31,000\n4,290\n3%\n(7%)\n"
                   "营业利润\n4,000\n4,500\n5,000\n692\n25%\n11%\n")

# Hong Kong quarter words (首季) and a two-digit year
HK_WORDS = LEAD + """(以百万计,未经审核)
23年首季 23年第四季 2024年首季 按年 按季
总收入 30,100 33,500 31,000 3% (7%)
营业利润 4,000 4,500 5,000 25% 11%
"""

# currency signs in the cells of the first row, the US$ column's period the same as the one before
SIGNS = LEAD + """(以百万计,每ADS除外,未经审计)
2023年第一季度 2023年第四季度 2024年第一季度 2024年第一季度 同比 环比
总收入 RMB 30,100 RMB 33,500 RMB 31,000 US$ 4,290 3% (7%)
营业利润 4,000 4,500 5,000 692 25% 11%
"""

# every cell run together, the US$ column unnamed: the cut whose changes are changes of its
# figures (31,000 against 30,100 is 3%), the restatement told by its rate
GLUED = LEAD + ("2024年第一季度财务摘要星河网讯(以百万计,每ADS除外,未经审计)2023年第一季度2023年第四季度2024年第一季度同比环比"
                "总收入30,10033,50031,0004,2903%(7%)营业利润4,0004,5005,00069225%11%"
                "每ADS摊薄收益15.007.0015.502.153%121%星河网讯今天宣布。\n")

# a text browser's rendering: the header cells wrapped mid-word (2023 年第 over 一季度), columns
# aligned by spaces
WRAPPED = LEAD + """(以百万计,每ADS除外,未经审计)
                 2023 年第   2023 年第   2024 年第   2024 年第
                 一季度      四季度      一季度      一季度
                 人民币      人民币      人民币      美元     同比   环比
总收入           30,100      33,500      31,000      4,290    3%     (7%)
营业利润         4,000       4,500       5,000       692      25%    11%
"""

LAYOUTS = {"wrapped": WRAPPED, "glued": GLUED, "signs": SIGNS, "unknown-changes": UNKNOWN_CHANGES, "q-over-y": Q_OVER_Y, "hk-words": HK_WORDS, "rows": ROWS, "cells": CELLS, "one-line": ONE_LINE, "split-header": SPLIT_HEADER,
           "english": ENGLISH, "dates": DATES, "markdown": MARKDOWN}
ROWS_READ = {"wrapped": 2, "glued": 3, "signs": 2, "unknown-changes": 2, "q-over-y": 2, "hk-words": 2, "rows": 4, "cells": 2, "one-line": 3, "split-header": 2, "english": 2, "dates": 2, "markdown": 3}


def _claims(text: str):
    [doc] = extract_text(text, year=2024)
    return doc, [c for c in doc.claims if c.evidence.column]


def _changes(c):
    got = c.change if isinstance(c.change, list) else [c.change] if c.change else []
    return [(x.kind, pytest.approx(x.value)) for x in got]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_cell_of_each_layout(layout):
    """Each RMB cell a claim scaled from 以百万计, its period from the column, the changes on the
    current quarter's cell; the US$ column and the change columns no claims of their own."""
    doc, claims = _claims(LAYOUTS[layout])
    by = {(c.metric.split("(")[0], c.period): c for c in claims}
    assert len(claims) == 3 * ROWS_READ[layout]
    total = by[("总收入", "2024Q1")]
    assert (total.value, total.unit, total.subject) == (31_000e6, "CNY", "星河网讯")
    assert _changes(total) == [("yoy", 0.03), ("qoq", -0.07)]
    assert by[("总收入", "2023Q4")].value == 33_500e6 and by[("总收入", "2023Q4")].change is None
    assert by[("营业利润", "2023Q1")].value == 4_000e6
    assert not any(c.value in (4_290e6, 692e6, 2.15) for c in doc.claims)  # the US$ restatement
    assert doc.rejected == []


@pytest.mark.parametrize("layout,metric,value", [
    ("rows", "每ADS摊薄收益", 15.50), ("one-line", "每ADS摊薄收益", 15.50), ("glued", "每ADS摊薄收益", 15.50), ("rows", "经调整EBITDA利润率", 0.26),
    ("markdown", "经调整EBITDA利润率", 0.26)])
def test_per_share_and_margin_rows_are_not_scaled(layout, metric, value):
    _, claims = _claims(LAYOUTS[layout])
    c = next(c for c in claims if c.metric == metric and c.period == "2024Q1")
    assert c.value == pytest.approx(value)


def test_footnote_in_brackets_left_out_of_the_metric():
    _, claims = _claims(ENGLISH)
    assert {c.metric for c in claims} == {"总收入", "营业利润(非公认会计准则)"}


def test_an_unnamed_column_is_read_only_when_it_restates_the_current_one():
    """A sixth figure whose ratio to the current quarter's changes from row to row is no
    currency restatement: the rows do not fit the header and give no table claims."""
    text = ROWS.replace("4,290", "9,999").replace(" 692 ", " 100 ")
    _, claims = _claims(text)
    assert [c for c in claims if c.metric in ("总收入", "营业利润")] == []


def test_sections_name_the_segment_in_the_metric():
    text = LEAD + """(以百万计,未经审计)
2023年第一季度 2023年第四季度 2024年第一季度 同比 环比
星河云
总收入 10,100 13,500 11,000 9% (19%)
星河游戏
总收入 2,000 2,500 2,600 30% 4%
"""
    _, claims = _claims(text)
    by = {(c.metric, c.period): c.value for c in claims}
    assert by[("星河云总收入", "2024Q1")] == 11_000e6 and by[("星河游戏总收入", "2024Q1")] == 2_600e6


def test_a_scale_statement_gives_no_claim():
    """以百万计 above a table states the table's scale: not a figure of one million."""
    doc, _ = _claims(DATES)
    assert not any(c.value == 1e6 for c in doc.claims)
    assert len(find_tables(doc.text)) == 1


def test_a_percentage_column_that_is_no_change_is_not_guessed():
    """A last column of percentages that matches no change of the row's figures (a share of
    revenue) is not read as a change: the rows do not fit, no table claims."""
    text = UNKNOWN_CHANGES.replace("3% (7%)", "100% 100%").replace("25% 11%", "16% 16%")
    _, claims = _claims(text)
    assert claims == []


def test_a_table_left_in_english():
    """The table of the English release as it is: labels keep their spaces, so ``per ADS`` is a
    per-share row (not scaled by In millions)."""
    text = LEAD + """(In millions except per ADS, unaudited)
Q1 2023 Q4 2023 Q1 2024
RMB RMB RMB US$ YoY QoQ
Total revenues 30,100 33,500 31,000 4,290 3 % (7 %)
Diluted earnings
per ADS 15.00 7.00 15.50 2.15 3 % 121 %
"""
    _, claims = _claims(text)
    by = {(c.metric, c.period): c for c in claims}
    assert by[("Total revenues", "2024Q1")].value == 31_000e6
    assert by[("Diluted earnings per ADS", "2024Q1")].value == pytest.approx(15.50)
    assert _changes(by[("Diluted earnings per ADS", "2024Q1")]) == [("yoy", 0.03), ("qoq", 1.21)]
