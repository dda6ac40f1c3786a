"""Statistics bulletins' indicator tables flattened into text (指标 绝对数(元) 比上年增长(%)): one
row a line or one cell a line, a level read in its column's unit, its change beside it, the period
of the caption. Tables written for these tests."""
from __future__ import annotations

import pytest

from extract import extract_text

ROWS_ONE_LINE = """2023年华远省居民收支主要数据
国家统计局华远调查总队
表1 2023年全省居民人均收支主要数据
指标\t绝对数（元）\t比上年增长（%）
全体居民人均可支配收入\t52100\t5.1
  其中:工资性收入\t30150\t5.6
城镇居民人均可支配收入\t61020\t4.4
"""

ROWS_SPACED = """华远省2022年主要指标
表2 2022年全省主要指标
指标 总量(万吨) 比上年增减(百分点)
粮食产量 621.5 -0.4
"""

UNIT_COLUMN = """华远省2023年国民经济和社会发展统计公报
表1 2023年全省主要经济指标
指标 单位 绝对数 比上年增长(%)
地区生产总值 亿元 82553 6.0
城镇新增就业 万人 110.5 -2.1
"""

CELLS_A_LINE = """2023年华远省居民收支主要数据
指标
绝对数（元）
比上年增长（%）
全体居民人均可支配收入
52100
5.1
农村居民人均可支配收入
38311
-6.6
"""

PIPED_MEASURE = """2023年华远省农业统计数据
表1 2023年主要农产品产量
指标 | 单位 | 产量 | 比上年增长(%)
| --- | --- | --- | --- |
粮食 | 万吨 | 3542.6 | 1.8
肉类 | 万吨 | 446.2 | -2.3
"""

MONTHS_COLUMN = """华远省2024年1-10月经济运行情况
附表：2024年1-10月全省主要经济指标
指标　｜　单位　｜　1-10月　｜　比上年同期增长(%)
社会消费品零售总额　｜　亿元　｜　21786.5　｜　4.0
固定资产投资　｜　亿元　｜　—　｜　2.9
"""


def _table_claims(text, published="2024-03-04"):
    d = extract_text(text, doc_id="t", published=published)[0]
    return {c.metric: c for c in d.claims if c.evidence.table is not None}


@pytest.mark.parametrize("text,want", [
    (ROWS_ONE_LINE, {"全体居民人均可支配收入": (52100, "CNY", "2023", [("yoy", 0.051)]),
                     "工资性收入": (30150, "CNY", "2023", [("yoy", 0.056)]),
                     "城镇居民人均可支配收入": (61020, "CNY", "2023", [("yoy", 0.044)])}),
    (ROWS_SPACED, {"粮食产量": (6_215_000, "other:吨", "2022", [("abs", -0.004)])}),
    (CELLS_A_LINE, {"全体居民人均可支配收入": (52100, "CNY", "2023", [("yoy", 0.051)]),
                    "农村居民人均可支配收入": (38311, "CNY", "2023", [("yoy", -0.066)])}),
    (UNIT_COLUMN, {"地区生产总值": (8_255_300_000_000, "CNY", "2023", [("yoy", 0.06)]),
                   "城镇新增就业": (1_105_000, "users", "2023", [("yoy", -0.021)])}),
    (PIPED_MEASURE, {"粮食产量": (35_426_000, "other:吨", "2023", [("yoy", 0.018)]),
                     "肉类产量": (4_462_000, "other:吨", "2023", [("yoy", -0.023)])}),
    (MONTHS_COLUMN, {"社会消费品零售总额": (2_178_650_000_000, "CNY", "2024-01/2024-10", [("yoy", 0.04)]),
                     "固定资产投资": (0.029, "percent", "2024-01/2024-10", [("yoy", 0.029)])}),
], ids=["one-row-a-line", "spaced-with-points", "one-cell-a-line", "a-column-of-units", "bars-and-a-measure-column",
        "a-months-column-and-a-change-with-no-level"])
def test_indicator_table(text, want):
    got = _table_claims(text)
    assert set(got) == set(want), sorted(got)
    for metric, (value, unit, period, changes) in want.items():
        c = got[metric]
        assert (c.value, c.unit, c.period) == (value, unit, period), c
        assert [(x.kind, round(x.value, 6)) for x in c.changes()] == changes, c


def test_a_header_with_a_column_of_no_unit_is_no_indicator_table():
    text = "指标 绝对数 比上年增长\n全体居民人均可支配收入 52100 5.1\n"
    assert _table_claims(text) == {}


def test_a_line_of_prose_ends_the_table():
    text = ROWS_ONE_LINE + "全年全省居民人均消费支出为35000元,增长9.0%。\n"
    got = _table_claims(text)
    assert "全年全省居民人均消费支出" not in got and len(got) == 3


def test_units_in_the_row_labels_of_an_indicator_table():
    """指标|绝对量|同比增长(%) over 地区生产总值(亿元)|103403.82|3.4: each row's unit is its label's;
    其中:出口 takes the unit of the row it is part of; a row with no level states its change alone."""
    from extract.nlp.pipeline import extract_text

    text = ("华远省统计局发布前三季度经济运行情况\n前三季度,全省经济运行总体平稳。\n主要指标\n指标|绝对量|同比增长(%)\n"
            "地区生产总值(亿元)|10340.38|3.4\n固定资产投资(亿元)|—|-3.2\n进出口总额(亿元)|6912.97|10.9\n其中:出口|4509.38|9.5\n")
    doc = extract_text(text, doc_id="i", published="2024-10-25")[0]
    got = sorted((c.metric, c.value, c.unit, c.change.kind, c.change.value) for c in doc.claims if c.evidence.table is not None)
    assert got == [("出口", 450_938_000_000, "CNY", "yoy", 0.095), ("固定资产投资", -0.032, "percent", "yoy", -0.032),
                   ("地区生产总值", 1_034_038_000_000, "CNY", "yoy", 0.034), ("进出口总额", 691_297_000_000, "CNY", "yoy", 0.109)], got
