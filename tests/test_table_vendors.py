"""Market trackers' tables flattened into the text of a news page: a row a company (brand), a
column a metric for a period, the unit in the caption. The tables are written here by hand (the
brands 远帆, 恒星, 青岚, 北辰 and their figures are made up)."""
from __future__ import annotations

import pytest

from extract.nlp.pipeline import extract_text
from extract.nlp.tables import find_tables

LEAD = ("蓝桥研究：2023年第三季度全球平板电脑出货量同比增长4%\n\n"
        "蓝桥研究最新报告显示，2023年第三季度，全球平板电脑市场出货量约3,400万台，同比增长4%。\n\n")

CAPTION = "全球平板电脑市场主要厂商出货量、市场份额及同比增长，2023年第三季度（单位：万台）"

ONE_LINE = """厂商 2023年第三季度出货量 2023年第三季度市场份额 2022年第三季度出货量 2022年第三季度市场份额 同比增长
远帆 1,020 30.0% 980 30.0% 4.1%
恒星 850 25.0% 900 27.6% -5.6%
青岚 510 15.0% 400 12.3% 27.5%
其他 1,020 30.0% 990 30.1% 3.0%
合计 3,400 100.0% 3,270 100.0% 4.0%
"""

HEADER_CELLS = ["厂商", "2023年第三季度出货量", "2023年第三季度市场份额", "2022年第三季度出货量",
                "2022年第三季度市场份额", "同比增长"]
ROWS = [["远帆", "1,020", "30.0%", "980", "30.0%", "4.1%"], ["恒星", "850", "25.0%", "900", "27.6%", "-5.6%"],
        ["青岚", "510", "15.0%", "400", "12.3%", "27.5%"], ["其他", "1,020", "30.0%", "990", "30.1%", "3.0%"],
        ["合计", "3,400", "100.0%", "3,270", "100.0%", "4.0%"]]

CELL_A_LINE = "\n".join(HEADER_CELLS + [c for r in ROWS for c in r]) + "\n"
PARAGRAPHS = "\n\n".join(" ".join(r) for r in [HEADER_CELLS] + ROWS) + "\n"


def _claims(text: str):
    [doc] = extract_text(text, year=2023)
    return doc, [c for c in doc.claims if c.evidence.column]


def _changes(c):
    got = c.change if isinstance(c.change, list) else [c.change] if c.change else []
    return [(x.kind, pytest.approx(x.value)) for x in got]


def _by(claims):
    return {(c.subject, c.metric, c.period): c for c in claims}


@pytest.mark.parametrize("table", [ONE_LINE, CELL_A_LINE, PARAGRAPHS], ids=["row-a-line", "cell-a-line", "paragraphs"])
def test_rows_are_companies_columns_a_metric_for_a_period(table):
    """Each row's subject is its label, each column's metric and period its header's; the
    caption's 万台 scales the amounts, not the shares; the change goes with the current amount."""
    _, claims = _claims(LEAD + CAPTION + "\n" + table)
    by = _by(claims)
    c = by[("远帆", "出货量", "2023Q3")]
    assert (c.value, c.unit, c.metric_key) == (10_200_000, "count", "Metric:出货量")
    assert _changes(c) == [("yoy", 0.041)]
    share = by[("远帆", "市场份额", "2023Q3")]
    assert (share.value, share.unit, share.change) == (pytest.approx(0.30), "percent", None)
    assert by[("远帆", "出货量", "2022Q3")].value == 9_800_000 and by[("远帆", "出货量", "2022Q3")].change is None
    assert by[("远帆", "市场份额", "2022Q3")].value == pytest.approx(0.30)
    assert _changes(by[("恒星", "出货量", "2023Q3")]) == [("yoy", -0.056)]
    assert by[("青岚", "出货量", "2022Q3")].value == 4_000_000
    assert {c.subject for c in claims} == {"远帆", "恒星", "青岚", "全球平板电脑市场"}
    assert len(claims) == 3 * 4 + 2


def test_the_total_row_is_the_market_the_caption_names_and_others_are_no_claims():
    """合计 is the market of the caption (its shares of itself say nothing); 其他 names no company."""
    _, claims = _claims(LEAD + CAPTION + "\n" + ONE_LINE)
    market = [c for c in claims if c.subject == "全球平板电脑市场"]
    assert sorted((c.metric, c.period, c.value) for c in market) == [
        ("出货量", "2022Q3", 32_700_000), ("出货量", "2023Q3", 34_000_000)]
    assert _changes(next(c for c in market if c.period == "2023Q3")) == [("yoy", 0.04)]
    assert not [c for c in claims if "其他" in c.subject or c.evidence.text.startswith("其他")]
    assert {c.subject_text for c in market} == {"全球平板电脑市场"}  # as named: the market, not 合计


def test_a_source_line_after_the_table_is_no_row():
    """数据来源：…，2023年10月 under the last row is prose: its year is no row of figures."""
    _, claims = _claims(LEAD + CAPTION + "\n" + CELL_A_LINE + "\n数据来源：蓝桥研究，2023年10月\n")
    assert len(claims) == 3 * 4 + 2
    assert not [c for c in claims if "数据来源" in c.evidence.text]


def test_the_prose_above_the_table_keeps_its_claim():
    """The line above the header is the caption even when it is a sentence of prose: it names the
    market and the period, and its own figure stays a claim of the prose."""
    text = (LEAD.split("\n\n")[1] + "\n厂商 出货量(万台) 份额 同比增长\n"
            "远帆 1,020 30.0% 4.1%\n恒星 850 25.0% -5.6%\n合计 3,400 100.0% 4.0%\n")
    doc, claims = _claims(text)
    prose = [c for c in doc.claims if not c.evidence.column]
    assert [(c.value, c.unit, c.period) for c in prose if c.value == 34_000_000] == [(34_000_000, "count", "2023Q3")]
    by = _by(claims)
    assert by[("远帆", "出货量", "2023Q3")].value == 10_200_000
    assert by[("全球平板电脑市场", "出货量", "2023Q3")].value == 34_000_000


def test_two_level_header_periods_over_metrics():
    """The periods on a line of their own above the metrics, one a column or one over as many
    metrics as they divide; the rows' figures in millions (百万台)."""
    caption = CAPTION.replace("万台", "百万台")
    rows = "远帆 10.2 30.0% 9.8 30.0% 4.1%\n恒星 8.5 25.0% 9.0 27.6% -5.6%\n"
    for periods in ("2023年第三季度 2023年第三季度 2022年第三季度 2022年第三季度", "2023年第三季度 2022年第三季度"):
        text = LEAD + caption + "\n厂商 " + periods + "\n出货量 市场份额 出货量 市场份额 同比增长\n" + rows
        by = _by(_claims(text)[1])
        assert by[("远帆", "出货量", "2023Q3")].value == 10_200_000
        assert _changes(by[("远帆", "出货量", "2023Q3")]) == [("yoy", 0.041)]
        assert by[("恒星", "市场份额", "2022Q3")].value == pytest.approx(0.276)
        assert by[("恒星", "出货量", "2022Q3")].value == 9_000_000


def test_a_rank_column_is_no_claim_and_the_period_comes_from_the_caption():
    """排名 before the label column: the ranks are no claims nor part of the names; columns that
    name no period take the caption's; a column header states its own unit (销量(万辆))."""
    text = (LEAD + "2023年10月国内新能源乘用车零售销量排行\n排名 品牌 销量(万辆) 份额 年增长率\n"
            "1 北辰 12.5 35.2% 40.3%\n2 远帆 8.1 22.8% -3.6%\n3 青岚 4.4 12.4% 120.0%\n")
    _, claims = _claims(text)
    by = _by(claims)
    assert {c.subject for c in claims} == {"北辰", "远帆", "青岚"}
    c = by[("北辰", "销量", "2023-10")]
    assert (c.value, c.unit, c.metric_key) == (125_000, "other:辆", "Metric:销量")
    assert _changes(c) == [("yoy", 0.403)]
    assert by[("北辰", "市场份额", "2023-10")].value == pytest.approx(0.352)
    assert not [c for c in claims if c.value in (1, 2, 3)]


def test_amounts_with_no_stated_unit_are_left_out():
    """A table that states no unit gives its shares, not its amounts (18.8 of what?)."""
    text = LEAD + CAPTION.replace("（单位：万台）", "") + "\n" + ONE_LINE
    doc, claims = _claims(text)
    assert {c.unit for c in claims} == {"percent"}
    assert any("no stated unit" in r for r in doc.rejected)


def test_a_results_table_is_not_read_as_a_market_table():
    """Rows that are metrics (a company's results under a 公司 header) are not companies."""
    text = ("华远科技公布2023年第三季度业绩。\n\n(人民币百万元)\n公司 2023年第三季度销售额 2022年第三季度销售额 同比增长\n"
            "营收 1,200 1,000 20%\n净利润 300 250 20%\n")
    assert not [t for t in find_tables(text) if t.kind == "market"]


def test_periods_on_the_line_above_the_label_column():
    """The header's first line holds the periods alone (its label cell empty), the second the
    label column and the metrics."""
    text = (LEAD + CAPTION + "\n2023年第三季度 2023年第三季度 2022年第三季度 2022年第三季度\n"
            "厂商 出货量 市场份额 出货量 市场份额 同比增长\n远帆 1,020 30.0% 980 30.0% 4.1%\n恒星 850 25.0% 900 27.6% -5.6%\n")
    by = _by(_claims(text)[1])
    assert by[("远帆", "出货量", "2023Q3")].value == 10_200_000
    assert _changes(by[("远帆", "出货量", "2023Q3")]) == [("yoy", 0.041)]
    assert by[("恒星", "出货量", "2022Q3")].value == 9_000_000


def test_columns_whose_periods_are_not_told_give_no_claims():
    """出货量 份额 出货量 份额 under a caption naming one period: the columns' periods are lost,
    no claim rather than two figures for one period."""
    text = LEAD + CAPTION + "\n厂商 出货量 市场份额 出货量 市场份额 同比增长\n远帆 1,020 30.0% 980 30.0% 4.1%\n恒星 850 25.0% 900 27.6% -5.6%\n"
    doc, claims = _claims(text)
    assert claims == []
    assert any("the periods of its columns are not told" in r for r in doc.rejected)


def test_a_header_written_in_english():
    """A tracker's table reprinted with its English header (Company, 3Q23 Shipment Volume, …,
    Year-Over-Year Change): the same columns as the Chinese one."""
    header = ["Company", "3Q23 Shipment Volume", "3Q23 Market Share", "3Q22 Shipment Volume", "3Q22 Market Share",
              "Year-Over-Year Change"]
    rows = [["远帆", "10.2", "30.0%", "9.8", "30.0%", "4.1%"], ["恒星", "8.5", "25.0%", "9.0", "27.6%", "-5.6%"],
            ["Total", "34.0", "100.0%", "32.7", "100.0%", "4.0%"]]
    caption = "全球平板电脑市场主要厂商出货量、市场份额及同比增长，2023年第三季度（单位：百万台）"
    text = LEAD + caption + "\n" + "\n".join(header + [c for r in rows for c in r]) + "\n"
    _, claims = _claims(text)
    by = _by(claims)
    c = by[("远帆", "出货量", "2023Q3")]
    assert (c.value, _changes(c)) == (10_200_000, [("yoy", 0.041)])
    assert by[("恒星", "市场份额", "2022Q3")].value == pytest.approx(0.276)
    assert by[("全球平板电脑市场", "出货量", "2022Q3")].value == 32_700_000


def test_a_vendor_whose_name_ends_as_a_verb_does_is_a_row():
    """华为 ends as a sentence's 为 does before its figure; a name the lexicon knows is a row's label all
    the same, and the rows after it are read too."""
    _, claims = _claims(LEAD + CAPTION + "\n" + ONE_LINE.replace("恒星", "华为"))
    by = _by(claims)
    assert by[("华为", "出货量", "2023Q3")].value == 8_500_000
    assert by[("青岚", "出货量", "2023Q3")].value == 5_100_000


def test_a_figure_the_prose_gives_and_the_table_repeats_keeps_both_sources():
    """联想出货量为1590万台,同比增长8% in the prose and 15.9 … 8.1% in the table: two claims, each
    traceable to its sentence or cell with its own change; not one graph node with two changes
    that the shapes then reject (losing the figure)."""
    from extract.graph.validate import check_documents
    text = ("蓝桥研究：2023年第四季度全球PC出货量\n\n2023年第四季度，联想出货量为1590万台，同比增长8%。\n\n"
            "表1：全球PC出货量（单位：百万台）\n厂商 2023年第四季度出货量 2023年第四季度市场份额 年增长率\n"
            "联想 15.9 24.3% 8.1%\n惠普 13.9 21.3% 0.1%\n")
    [doc] = extract_text(text, doc_id="v", published="2024-01-11")
    [checked] = check_documents([doc])
    assert not checked.rejected and len(checked.claims) == len(doc.claims)
    shipped = {c.evidence.table is not None: [(x.kind, x.value) for x in c.changes()]
               for c in checked.claims if c.subject == "联想" and c.value == 15_900_000}
    assert shipped == {False: [("yoy", 0.08)], True: [("yoy", 0.081)]}


def test_a_rank_column_and_names_ending_like_prose():
    """排名 厂商 出货量 市场份额 同比增长率 with rows 1 华为 820 23.6% 37.9%: the rank opens each row
    (a row's numbers do not run on into the next row's rank), and 华为 is a name, no prose ending
    in 为; the unit is the caption's."""
    text = ("星河咨询：可穿戴设备市场\n2023年第三季度中国可穿戴设备市场前五大厂商出货量、市场份额及同比增长率（单位：万台）\n"
            "排名 厂商 出货量 市场份额 同比增长率\n1 华为 820 23.6% 37.9%\n2 小米 560 16.1% -2.8%\n3 苹果 400 11.5% 5.0%\n")
    [doc] = extract_text(text, doc_id="r", published="2023-12-05")
    got = {(c.subject, c.metric): (c.value, [(x.kind, x.value) for x in c.changes()]) for c in doc.claims}
    assert got[("华为", "出货量")] == (8_200_000, [("yoy", 0.379)])
    assert got[("小米", "市场份额")] == (0.161, [])
    assert got[("苹果", "出货量")] == (4_000_000, [("yoy", 0.05)])


def test_a_months_columns_without_their_year_a_running_total_and_signed_changes():
    """品牌｜10月交付量｜同比｜1-10月累计: the month of the article's year, the running total of the
    measure before it over the months, a change written +53.5% the row's as -33.7% is."""
    text = ("蓝桥汽车10月交付数据出炉\n蓝桥汽车10月交付新车2万辆。\n部分品牌10月交付数据（单位：辆）\n"
            "品牌｜10月交付量｜同比｜1-10月累计\n远帆汽车｜12,025｜-33.7%｜106,604\n恒星汽车｜11,012｜+53.5%｜97,962\n")
    [doc] = extract_text(text, published="2023-11-01")
    got = {(c.subject_text, c.metric, c.value, c.period, (c.change.kind, round(c.change.value, 4)) if c.change else None)
           for c in doc.claims if c.evidence.column}
    assert got == {("远帆汽车", "交付量", 12025, "2023-10", ("yoy", -0.337)), ("远帆汽车", "累计交付量", 106604, "2023-01/2023-10", None),
                   ("恒星汽车", "交付量", 11012, "2023-10", ("yoy", 0.535)), ("恒星汽车", "累计交付量", 97962, "2023-01/2023-10", None)}, got


def test_a_table_of_a_markets_parts_gives_the_markets_figures():
    """车型 累计销量 同比 under 1-10月分车型销量(单位:万辆): the rows are the market's parts, not
    companies; each figure is the market's (the country a national trade body reports on), the part
    in the metric, the caption's months its period, a 其中: row a part too."""
    text = ("中国星河工业协会发布数据显示,10月星河车产销同比双增。\n1-10月分车型销量(单位:万辆)\n车型  累计销量  同比\n"
            "乘用车  2102.3  +10.9%\n商用车  294.4  +21.6%\n 其中:客车  39.7  +21.9%\n")
    doc = extract_text(text, doc_id="v", published="2023-11-10")[0]
    got = sorted((c.subject, c.metric, c.value, c.period, c.change.kind, c.change.value)
                 for c in doc.claims if c.evidence.table is not None)
    assert got == [("中国", "乘用车销量", 21_023_000, "2023-01/2023-10", "yoy", 0.109),
                   ("中国", "商用车销量", 2_944_000, "2023-01/2023-10", "yoy", 0.216),
                   ("中国", "客车销量", 397_000, "2023-01/2023-10", "yoy", 0.219)], got


def test_a_pages_reader_counter_is_no_claim():
    doc = extract_text("手机出货量报告\n【作者】星河实验室  【浏览次数】1205\n1-6月,国内市场手机出货量1.47亿部。\n",
                       doc_id="v", published="2024-07-01")[0]
    assert [c.value for c in doc.claims] == [147_000_000]
