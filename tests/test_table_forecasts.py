"""Analysts' forecast tables (盈利预测与估值): years marked A (actual) or E (estimate), a row's unit
in its label's brackets, change rows under amount rows. The tables are written here by hand
(云岭科技, 海川股份 and their figures are made up)."""
from __future__ import annotations

import pytest

from extract.nlp.pipeline import extract_text
from extract.nlp.tables import find_tables

HEAD = "云岭科技(688777):订单充足 首次覆盖给予增持评级\n事件:公司发布2023年年报。\n盈利预测与估值\n"
TAIL = "风险提示:行业竞争加剧。\n"


def _claims(table: str):
    doc = extract_text(HEAD + table + TAIL, doc_id="fc", published="2024-04-02")[0]
    return [c for c in doc.claims if c.evidence.table is not None], doc


def _by(claims, metric, period):
    got = [c for c in claims if c.metric == metric and c.period == period]
    assert len(got) == 1, [(c.metric, c.period) for c in claims]
    return got[0]


@pytest.mark.parametrize("header, years", [
    ("会计年度 2022A 2023A 2024E 2025E", ["2022", "2023", "2024", "2025"]),
    ("2021A 2022E 2023e", ["2021", "2022", "2023"]),
    ("财务指标 2022年A 2023年E 2024年E", ["2022", "2023", "2024"]),
    ("指标 FY2023A FY2024E FY2025E", ["2023", "2024", "2025"]),
    ("财务摘要 2022A 2023E 2024E", ["2022", "2023", "2024"]),     # any short label heads the years
    ("主要财务数据(百万元) 2023A 2024E", ["2023", "2024"]),
])
def test_year_columns_marked_actual_or_estimate(header, years):
    n = len(years)
    table = f"{header}\n营业收入(亿元) {' '.join(str(10 + k) for k in range(n))}\n"
    found = [t for t in find_tables(HEAD + table + TAIL) if t.kind == "forecast"]
    assert len(found) == 1
    claims, _ = _claims(table)
    assert sorted(c.period for c in claims) == years


def test_bracketed_units_give_unit_and_scale():
    table = ("指标 2023A 2024E\n营业收入(亿元) 12.5 15.0\n净利润(万元) 3,200 4,100\n"
             "经营现金流(百万元) 800 950\nEPS(元/股) 0.85 1.02\n每股净资产(元) 6.10 7.00\n"
             "毛利率(%) 31.20 32.50\nP/B(倍) 3.10 2.70\nPE 22.4 18.6\nEV/EBITDA(现价) 12.1 10.3\n")
    claims, _ = _claims(table)
    assert (_by(claims, "营业收入", "2023").value, _by(claims, "营业收入", "2023").unit) == (1.25e9, "CNY")
    assert _by(claims, "净利润", "2023").value == 3.2e7
    assert _by(claims, "经营现金流", "2023").value == 8e8
    assert (_by(claims, "EPS", "2023").value, _by(claims, "EPS", "2023").unit) == (0.85, "CNY")
    assert _by(claims, "每股净资产", "2023").value == 6.1
    assert (_by(claims, "毛利率", "2023").value, _by(claims, "毛利率", "2023").unit) == (0.312, "percent")
    for m in ("P/B", "PE", "EV/EBITDA"):
        assert (_by(claims, m, "2023").value > 1, _by(claims, m, "2023").unit) == (True, "other:倍")
    assert not [c for c in claims if c.value in (1e8, 1e4, 1e6)]  # the bracket is no claim


def test_change_row_is_the_yoy_of_the_amount_row_above():
    table = ("指标 2023A 2024E 2025E\n营业收入(百万元) 1,000 1,200 1,500\n同比(%) 5.00 20.00 25.00\n"
             "归母净利润(百万元) 100 130 160\n增长率(%) -8.50 30.00 23.08\n")
    claims, _ = _claims(table)
    assert _by(claims, "营业收入", "2023").change.kind == "yoy"
    assert _by(claims, "营业收入", "2023").change.value == 0.05
    assert _by(claims, "预测营业收入", "2025").change.value == 0.25
    assert _by(claims, "归母净利润", "2023").change.value == -0.085
    assert not [c for c in claims if "同比" in c.metric or "增长率" in c.metric]
    assert len(claims) == 6


def test_estimate_columns_are_forecasts():
    table = "单位 2023A 2024E\n归母净利润(亿元) 8.8 10.6\n"
    claims, _ = _claims(table)
    actual, estimate = _by(claims, "归母净利润", "2023"), _by(claims, "预测归母净利润", "2024")
    assert actual.metric_key is not None and estimate.metric_key is None
    assert actual.subject == estimate.subject == "云岭科技"
    assert estimate.evidence.text.endswith("【2024E】")
    assert estimate.evidence.text.startswith("归母净利润(亿元) 8.8 10.6")


def test_a_row_without_a_unit_is_left_out():
    table = "指标 2023A 2024E\n营业收入(亿元) 12.5 15.0\n员工人数 1200 1350\nROE 11.2 12.5\n"
    claims, doc = _claims(table)
    assert {c.metric for c in claims} == {"营业收入", "预测营业收入"}
    assert [r for r in doc.rejected if "员工人数" in r] and [r for r in doc.rejected if "ROE" in r]
    assert not [c for c in doc.claims if c.value in (1200, 1350, 11.2, 12.5)]


def test_a_forecast_the_prose_gives_and_the_table_repeats_is_one_claim():
    """我们预计公司2024-2025年归母净利润分别为5.1/6.2亿元 over 归母净利润(百万元) 510 620: the prose
    states the fact, the table's cells restating it add no second claim; a cell the prose does not
    give (2023A) stays."""
    text = (HEAD + "我们预计公司2024-2025年归母净利润分别为5.1/6.2亿元。\n"
            "财务指标 2023A 2024E 2025E\n归母净利润(百万元) 420 510 620\n" + TAIL)
    doc = extract_text(text, doc_id="fc", published="2024-04-02")[0]
    got = sorted((c.period, c.value, c.evidence.table is not None) for c in doc.claims if "净利润" in c.metric)
    assert got == [("2023", 420_000_000, True), ("2024", 510_000_000, False), ("2025", 620_000_000, False)], got


def test_years_and_figures_apart_by_slashes_after_a_colon():
    """预测指标:2023A/2024E/2025E, then 营业收入(亿元):a/b/c and 营收增速:x%/y%/z%: a forecast
    table written on slashes; the growth row is the change of the amount row above it."""
    table = "预测指标:2023A/2024E/2025E\n营业收入(亿元):120.0/150.0/180.0\n营收增速:8.0%/25.0%/20.0%\n"
    claims, _ = _claims(table)
    assert _by(claims, "营业收入", "2023").value == 1.2e10
    assert _by(claims, "预测营业收入", "2025").value == 1.8e10
    assert [(c.change.kind, c.change.value) for c in claims if c.period == "2024"] == [("yoy", 0.25)]
    assert len(claims) == 3


def test_the_unit_the_label_column_declares_is_every_rows():
    """单位:百万元人民币 2023E 2024E over 营业收入 1,200 1,500: the rows are in millions of yuan."""
    claims, _ = _claims("单位:百万元人民币 2024E 2025E\n营业收入 1,200 1,500\n")
    assert sorted((c.period, c.value, c.unit) for c in claims) == [("2024", 1.2e9, "CNY"), ("2025", 1.5e9, "CNY")]


def test_a_growth_row_under_no_amount_row_states_changes_of_its_own():
    """| 财务预测 | 2023 | 2024E | over | 归母净利润增速(%) | 12.0 | -8.5 |: a year with no mark among
    marked ones is an actual; each growth is a change stated alone (value and yoy change alike)."""
    claims, _ = _claims("| 财务预测 | 2023 | 2024E |\n| 归母净利润增速(%) | 12.0 | -8.5 |\n")
    got = sorted((c.period, c.metric, c.value, c.unit, c.change.kind, c.change.value) for c in claims)
    assert got == [("2023", "归母净利润增速", 0.12, "percent", "yoy", 0.12),
                   ("2024", "预测归母净利润增速", -0.085, "percent", "yoy", -0.085)], got


def test_a_per_share_forecast_the_prose_names_by_its_abbreviation_is_one_claim():
    """对应EPS分别为2.10/2.55元, 当前股价PE分别为25/20倍 over 每股收益(元) and 市盈率(倍) rows: the
    table restates the prose under the metrics' full names; one claim a fact."""
    text = (HEAD + "我们预计公司2024-2025年对应EPS分别为2.10/2.55元,对应当前股价PE分别为25/20倍。\n"
            "会计年度 2023A 2024E 2025E\n每股收益(元) 1.80 2.10 2.55\n市盈率(倍) 30 25 20\n" + TAIL)
    doc = extract_text(text, doc_id="fc", published="2024-04-02")[0]
    got = sorted((c.period, c.value, c.evidence.table is not None) for c in doc.claims if c.unit == "CNY")
    assert got == [("2023", 1.8, True), ("2024", 2.1, False), ("2025", 2.55, False)], got
    assert sorted(c.value for c in doc.claims if c.unit == "other:倍") == [20, 25, 30]
