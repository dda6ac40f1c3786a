"""The document frame and the publication date (issue 16): what an article reports on, as the
library, the JSONL and the graph give it, and the date a user passes. Articles written for these
tests."""
from __future__ import annotations

import json

import pytest
from rdflib import Dataset, Literal
from rdflib.namespace import DCTERMS, XSD

from extract import extract_text
from extract.cli import main
from extract.graph.formats import to_jsonl
from extract.graph.vocab import ZHKG
from extract.model import parse_published

FAST = ["--ner", "fast"]
RESULTS = "星河科技公布截至6月底季度业绩。\n期内收入120亿元,按年增长15%。\n员工人数为3200人。\n"


def test_frame_from_the_lead_with_the_publication_date():
    d = extract_text(RESULTS, doc_id="r", published="2025-08-27")[0]
    assert (d.frame.entity, d.frame.period) == ("星河科技", "2025Q2")  # 6月底 before August: this year
    assert d.published == "2025-08-27" and d.year == 2025
    by_value = {c.value: c for c in d.claims}
    assert by_value[12_000_000_000].period == "2025Q2"
    assert [(x.kind, x.value) for x in by_value[12_000_000_000].changes()] == [("yoy", 0.15)]
    assert by_value[3200].period == "asof:2025-06"  # a stock: the end of the period


def test_a_quarter_named_by_its_end_that_has_not_ended_is_last_years():
    d = extract_text(RESULTS, doc_id="r", published="2025-03-10")[0]
    assert d.frame.period == "2024Q2"


def test_no_frame_without_a_results_lead():
    d = extract_text("星河科技的门店遍布全国。\n门店超过300家。\n", doc_id="n", published="2024")[0]
    assert d.frame.period is None


def test_frame_in_jsonl_and_graph():
    d = extract_text(RESULTS, doc_id="r", published="2025-08-27")
    rows = [json.loads(x) for x in to_jsonl(d).splitlines()]
    frame = [r for r in rows if r["kind"] == "frame"]
    assert frame and frame[0]["period"] == "2025Q2" and frame[0]["entity"] == "星河科技"
    assert frame[0]["published"] == "2025-08-27"
    from extract.graph.rdf import to_dataset

    ds: Dataset = to_dataset(d)
    assert list(ds.quads((None, DCTERMS.issued, Literal("2025-08-27", datatype=XSD.date), None)))
    assert list(ds.quads((None, ZHKG.reportingPeriod, None, None)))
    assert list(ds.quads((None, ZHKG.reportingEntity, None, None)))


@pytest.mark.parametrize("given,iso", [("2024-08-20", "2024-08-20"), ("2024/8/5", "2024-08-05"),
                                       ("2024-08", "2024-08"), ("2024", "2024")])
def test_parse_published(given, iso):
    assert parse_published(given) == iso


@pytest.mark.parametrize("bad", ["2024-13", "24-08-20", "yesterday", "2024-02-30x", ""])
def test_parse_published_refuses(bad):
    with pytest.raises(ValueError):
        parse_published(bad)


def test_cli_published_and_dated_lists(tmp_path, capsys):
    art = tmp_path / "a.txt"
    art.write_text(RESULTS, encoding="utf-8")
    out = tmp_path / "o.jsonl"
    assert main(["extract", *FAST, str(art), "--published", "2025-08-27", "-o", str(out)]) == 0
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert any(r["kind"] == "claim" and r["period"] == "2025Q2" for r in rows)
    # a date after a tab on a --from-list line is that article's
    lst = tmp_path / "list.tsv"
    lst.write_text(f"{art}\t2025-03-10\n", encoding="utf-8")
    assert main(["extract", *FAST, "--from-list", str(lst), "-o", str(out)]) == 0
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [r["period"] for r in rows if r["kind"] == "frame"] == ["2024Q2"]


def test_cli_bad_dates_are_one_line_errors(tmp_path, capsys):
    art = tmp_path / "a.txt"
    art.write_text(RESULTS, encoding="utf-8")
    out = tmp_path / "o.jsonl"
    assert main(["extract", *FAST, str(art), "--published", "2025-13", "-o", str(out)]) == 2
    assert "--published" in capsys.readouterr().err and not out.exists()
    lst = tmp_path / "list.tsv"
    lst.write_text(f"{art}\tsoon\n", encoding="utf-8")
    assert main(["extract", *FAST, "--from-list", str(lst), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "list.tsv" in err and "line 1" in err and not out.exists()


def test_a_data_piece_dates_its_audiences_not_every_count():
    text = "星河研究数据显示,截至2025年6月,全网月活跃用户规模达12.6亿。\n另有2577家网站完成适老化改造。\n"
    d = extract_text(text, doc_id="q", published="2025-07-29")[0]
    assert d.frame.period == "asof:2025-06"
    by_value = {c.value: c for c in d.claims}
    assert by_value[1_260_000_000].period == "asof:2025-06"
    assert by_value[2577].period is None


def _claims(text: str, published: str):
    return extract_text(text, doc_id="p", published=published)[0].claims


@pytest.mark.parametrize("text,published,period,metric", [
    ("星河科技公布第三季度业绩。\n星河科技周二收报59.1美元,下跌0.25%。\n", "2021-11-25", "asof:2021-11-23", "收盘价"),
    ("星河科技公布第三季度业绩。\n星河科技昨日收报12.5港元。\n", "2021-11-25", "asof:2021-11-24", "收盘价"),
    ("星河科技公布第三季度业绩。\n盘前拉升4.4%,目前股价61.7美元。\n", "2021-11-25", "asof:2021-11-25", "股价"),
    ("星河科技公布第三季度业绩。\n星河科技11月20日收报8.8港元。\n", "2021-11-25", "asof:2021-11-20", "收盘价"),
    ("星河科技公布第三季度业绩。\n星河科技股价为8.8港元。\n", "2021-11", None, "股价"),
    # a rating's header: the price now, the day in brackets after it
    ("星河科技(01234)三季报点评\n现价:92.55港元(2021年11月22日)　总市值:5786亿港元\n", "2021-11-25", "asof:2021-11-22", "股价"),
    ("星河科技(01234)三季报点评\n当前价：92.55港元（11月23日）\n", "2021-11-25", "asof:2021-11-23", "股价"),
])
def test_a_share_price_is_of_a_trading_day(text, published, period, metric):
    """A share price is dated by the day the clause names against the publication date (周二,
    昨日, 11月20日), else the publication day; its move stays a plain change (growth)."""
    price = next(c for c in _claims(text, published) if c.unit in ("USD", "HKD"))
    assert (price.period, price.metric) == (period, metric)
    if price.change is not None:
        assert all(ch.kind == "growth" for ch in (price.change if isinstance(price.change, list) else [price.change]))


def test_an_index_on_a_day_is_of_that_day():
    """恒生指数收报17,511点,跌19点或0.1%: the index's level of the trading day, the index its subject."""
    got = {c.value: c for c in _claims("港股收市。\n恒生指数昨日收报17,511点,跌19点或0.1%。\n恒生科技指数跌0.6%。\n", "2021-11-25")}
    assert (got[17_511].subject, got[17_511].period, got[17_511].metric) == ("恒生指数", "asof:2021-11-24", "收盘点位")
    assert (got[-0.006].subject, got[-0.006].period) == ("恒生科技指数", "asof:2021-11-25")


def test_a_headline_repeating_the_body_is_annotated_once():
    text = ("恒达体育去年纯利跌2.5% 派末期息72港仙\n"
            "恒达体育公布去年业绩,纯利75.9亿元人民币,按年跌2.5%。末期息派72港仙。\n")
    claims = _claims(text, "2023-03-23")
    assert sorted(round(c.value, 6) for c in claims) == [0.72, 7_590_000_000]
    assert all(c.evidence.text.startswith("恒达体育公布") or c.evidence.text.startswith("末期息") for c in claims)


def test_a_statistics_bulletin_reports_on_its_place():
    text = ("2023年浙江省国民经济和社会发展统计公报\n"
            "初步核算,全年全省生产总值为82553亿元,按不变价格计算,比上年增长6.0%。第一产业增加值2467亿元,"
            "比上年增长4.2%。年末全省常住人口为6627万人。三次产业结构为3.0:41.1:55.9。\n")
    claims = {round(c.value): c for c in _claims(text, "2024-02-28")}
    assert sorted(claims) == [66_270_000, 246_700_000_000, 8_255_300_000_000]
    gdp, first, people = claims[8_255_300_000_000], claims[246_700_000_000], claims[66_270_000]
    assert (gdp.subject, gdp.period, gdp.change.kind, gdp.change.value) == ("浙江", "2023", "yoy", pytest.approx(0.06))
    assert (first.subject, first.metric) == ("浙江", "第一产业增加值")
    assert people.period == "asof:2023-12"


@pytest.mark.parametrize("text,place", [
    ("2021年星河省居民收入和消费支出情况\n国家统计局星河调查总队\n全省居民人均可支配收入63830元。\n", "星河省"),
    ("国家统计局发布数据。10月份,社会消费品零售总额43333亿元。\n", "中国"),
    ("华远省2021年国民经济和社会发展统计公报\n其中,第一产业增加值2332亿元。\n", "华远省"),
    ("国家统计局星河调查总队:2021年星河省经济运行情况\n全省居民人均可支配收入63830元。\n", "星河省"),
])
def test_a_statistics_piece_is_about_the_place_its_title_or_bureau_names(text, place):
    """A provincial survey team of the national bureau reports its province's figures (the title
    names it, though no lexicon knows it); the national bureau's own are the country's."""
    [c] = _claims(text, "2021-11-15")
    assert c.subject == place


def test_a_bulletins_part_period_is_not_carried_and_its_listed_categories_are_distributed():
    """全年下降3.0%,其中12月份下降2.6%。购进价格下降3.5%: the next sentence goes on with the year,
    not the month named as a part of it; eight categories listed with 、 (one holding 及) take their
    eight figures in turn."""
    text = ("2021年星河省居民收支和价格运行情况\n国家统计局星河调查总队\n"
            "全年工业生产者出厂价格比上年下降3.0%,其中12月份同比下降2.6%。工业生产者购进价格下降3.5%。\n"
            "分类别看,食品烟酒、衣着、居住、生活用品及服务、交通通信、教育文化娱乐、医疗保健、其他用品及服务价格"
            "分别上涨0.2%、1.1%、0.1%、0.3%、-2.1%、1.9%、0.9%、2.8%。\n")
    claims = _claims(text, "2022-02-20")
    bought = next(c for c in claims if c.metric == "工业生产者购进价格")
    assert (bought.period, bought.change.kind) == ("2021", "yoy")
    listed = [(c.metric, c.value) for c in claims if c.metric.endswith("价格") and "工业" not in c.metric]
    assert listed[0] == ("食品烟酒价格", pytest.approx(0.002))
    assert listed[3] == ("生活用品及服务价格", pytest.approx(0.003))
    assert listed[-1] == ("其他用品及服务价格", pytest.approx(0.028))
    assert len(listed) == 8


@pytest.mark.parametrize("text,published,periods", [
    ("恒达体育公布2022年度业绩。每股基本盈利280.09分,上年同期为287.93分。", "2023-03-21", ["2022", "2021"]),
    ("恒达体育公布2022年度业绩。溢利为75.90亿元,较2021年的77.20亿元下降1.7%;每股基本盈利280.09分,上年同期为287.93分。",
     "2023-03-21", ["2022", "2021", "2022", "2021"]),
    ("恒达体育公布2022年中期业绩。每股基本盈利180分,去年同期为170分。", "2022-08-20", ["2022H1", "2021H1"]),
])
def test_the_same_period_last_year_is_before_the_reported_period(text, published, periods):
    """上年同期 in a year's (a half's) results is the year (half) before the reported one, not the
    year before publication's, nor before a base year the sentence compared with (较2021年的)."""
    assert [c.period for c in _claims(text, published)] == periods


def test_a_data_piece_reports_on_its_market_not_on_the_platforms_it_ranks():
    """星河数据显示,…中国移动互联网月活跃用户规模…: the country's figure (中国 is a name there,
    though 中国移动 runs into 移动互联网); the platforms ranked after it are no reporting entity."""
    text = ("星河数据2021中国移动互联网秋季报告\n星河数据显示,截至2021年9月,中国移动互联网月活跃用户规模达到11.67亿,"
            "同比增长2.1%;用户月人均使用时长达到159.2小时。\n其中,抖音月活跃用户规模6.5亿;快手月活跃用户规模4.1亿;抖音月人均使用时长达到40小时。\n")
    claims = _claims(text, "2021-10-20")
    assert [(c.subject, c.value) for c in claims[:2]] == [("中国", 1_167_000_000), ("中国", 159.2)]
    assert claims[0].period == "asof:2021-09"
    assert [c.subject for c in claims[2:]] == ["抖音", "快手", "抖音"]


def test_a_bulletins_spending_categories_take_their_amounts_and_changes_in_turn():
    text = ("2021年星河省居民收支情况\n国家统计局星河调查总队\n"
            "全省居民人均消费支出中,食品烟酒、衣着、居住、生活用品及服务支出分别为11281元、2097元、10257元、2356元,"
            "分别增长7.4%、7.8%、4.5%、7.6%。\n")
    got = [(c.metric, c.value, c.change.value) for c in _claims(text, "2022-02-20")]
    assert got == [("食品烟酒支出", 11281, 0.074), ("衣着支出", 2097, 0.078), ("居住支出", 10257, 0.045),
                   ("生活用品及服务支出", 2356, 0.076)]


def test_a_bulletins_listed_areas_and_income_sources_each_name_their_measure():
    text = ("2021年星河省居民收支情况\n国家统计局星河调查总队\n"
            "城镇和农村居民人均可支配收入分别为74997元和40311元,分别增长4.6%和7.3%。\n"
            "全省居民人均工资性收入、经营净收入、财产净收入、转移净收入分别为35987元、10258元、6357元、11228元。\n")
    got = [(c.subject, c.metric, c.value) for c in _claims(text, "2022-02-20")]
    assert got == [("星河省", "城镇居民人均可支配收入", 74997), ("星河省", "农村居民人均可支配收入", 40311),
                   ("星河省", "全省居民人均工资性收入", 35987), ("星河省", "经营净收入", 10258),
                   ("星河省", "财产净收入", 6357), ("星河省", "转移净收入", 11228)]


def test_a_flow_dated_by_the_reported_periods_end_is_of_the_period():
    """截至2022年12月31日,集团收益为…: in a year's results a revenue dated by the year's end is the
    year's; cash dated so is the stock then."""
    text = "恒达体育公布2022年全年业绩。截至2022年12月31日,集团收益为536.5亿元;现金及现金等价物为300亿元。\n"
    assert [c.period for c in _claims(text, "2023-03-21")] == ["2022", "asof:2022-12"]


def test_a_move_from_a_level_to_a_level_with_no_rate_compares_with_a_year_earlier():
    """净利润由10亿元增加至12亿元 in a year's results: the convention's base, the year before."""
    text = "华远集团发布2023年年报。公司净利润由10亿元增加至12亿元;毛利率由30%提升至32%。\n"
    assert [(c.value, c.period) for c in _claims(text, "2024-03-20")] == [
        (1e9, "2022"), (1.2e9, "2023"), (0.3, "2022"), (0.32, "2023")]


def test_a_hong_kong_listings_turnover_is_in_hong_kong_dollars_of_the_day():
    text = "星河地产(01234)公布中期业绩。\n星河地产股价今早急跌8.2%,报3.45元,成交额约1.2亿元。\n"
    turnover = next(c for c in _claims(text, "2024-07-15") if c.metric == "成交额")
    assert (turnover.unit, turnover.period, turnover.value) == ("HKD", "asof:2024-07-15", 1.2e8)


def test_a_total_counted_since_a_start_is_as_of_publication():
    """自6月开始交付以来…累计交付超过5000辆, said in a quarter's results call: the total to date, not
    the quarter's figure."""
    text = "星河汽车第三季度财报电话会议实录\n自6月开始交付以来,星河汽车累计交付超过5000辆。第三季度交付3268辆。\n"
    got = {c.value: c.period for c in _claims(text, "2021-11-07")}
    assert got == {5000: "asof:2021-11", 3268: "2021Q3"}


def test_a_monthly_bulletin_is_about_the_month_its_title_names():
    text = ("2021年1月份浙江省居民消费价格变动情况\n国家统计局浙江调查总队\n"
            "全省居民消费价格同比下降0.3%。食品价格下降4.7%。\n")
    claims = _claims(text, "2021-02-20")
    assert [(c.period, c.change.kind) for c in claims] == [("2021-01", "yoy"), ("2021-01", "yoy")]


@pytest.mark.parametrize("published,quarter,year", [
    ("2020-02-13", "2019Q4", "2017-04/2018-03"),  # a fiscal year ending in March (reported in February)
    ("2018-11-20", "2018Q3", "2018"),              # a calendar fiscal year (reported in November)
])
def test_fiscal_quarters_are_calendar_quarters(published, quarter, year):
    text = ("星河集团公布2019财年第三季度业绩。\n本季度星河云收入为107.2亿元,同比增长62%。\n"
            "2018财年全年收入为376.8亿元。\n").replace("2019财年", published[:4] + "财年")
    claims = {round(c.value): c for c in _claims(text, published)}
    assert claims[10_720_000_000].period == quarter
    assert claims[37_680_000_000].period == year


def test_a_bare_quarter_in_a_fiscal_year_ending_in_march_is_the_fiscal_quarter():
    """2020财年第三季度 ends in December 2019; 第三季度 later in the article is that quarter, never
    the calendar third quarter, 去年同期 is a year before it, and 本财年前三个季度 ends with it."""
    text = ("星河集团公布2020财年第三季度业绩。\n"
            "星河集团第三季度营收为1614.56亿元,比去年同期的1172.78亿元增长38%。\n"
            "本财年前三个季度,星河集团收入为3757.65亿元。\n")
    claims = {round(c.value): c for c in _claims(text, "2020-02-13")}
    assert claims[161_456_000_000].period == "2019Q4"
    assert claims[117_278_000_000].period == "2018Q4"
    assert claims[375_765_000_000].period == "2019-04/2019-12"  # 本财年前三个季度: of the fiscal year


def test_this_financial_year_is_the_reported_one_not_the_publication_year():
    text = "恒达体育公布2022年全年业绩。\n本财政年度,恒达体育收益为536.5亿元,按年增长8.8%。\n"
    claims = {round(c.value): c for c in _claims(text, "2023-03-22")}
    assert claims[53_650_000_000].period == "2022"


def test_a_region_heading_a_companys_active_users_is_its_segment():
    """中国零售市场移动月活跃用户 in a company's results: the company's users, the region in the
    metric; the next clause's users stay the company's, not the region's. A country's users
    (网民规模) are no company's."""
    text = ("星河集团公布2020年第三季度业绩。\n"
            "中国零售市场移动月活跃用户达到8.24亿,较上一季度增加3900万;年度活跃消费者达到7.11亿。\n"
            "据统计,中国网民规模达9.4亿。\n")
    claims = {round(c.value): c for c in _claims(text, "2020-11-05")}
    assert (claims[824_000_000].subject, claims[824_000_000].metric) == ("星河集团", "中国零售市场移动月活跃用户")
    assert claims[711_000_000].subject == "星河集团"
    assert claims[940_000_000].subject == "中国"


def test_a_business_of_the_company_keeps_the_company_as_subject():
    """A platform the lexicon says the reporting company runs: its money is the company's figure,
    with the business in the metric; its users stay the platform's."""
    text = "阿里巴巴公布2020财年第三季度业绩。\n本季度阿里云收入为107.2亿元,同比增长62%。淘宝移动月活跃用户达8.24亿。\n"
    claims = {round(c.value): c for c in _claims(text, "2020-02-13")}
    assert (claims[10_720_000_000].subject, claims[10_720_000_000].metric) == ("阿里巴巴", "阿里云收入")
    assert claims[824_000_000].subject == "淘宝"


def test_an_analysts_note_is_about_the_listed_company_it_names_not_its_footer():
    """The company named with its stock code in the lead is the reporting entity, ahead of the
    analyst's firm that a footer names again and again; 我们预计公司 is no name."""
    text = ("证券研究报告·公司点评\n星河电池(300999)\n三季报点评:盈利能力持续提升\n"
            "事件:公司发布2023年三季报,前三季度实现营收2946.8亿元,同比增长40.4%。\n"
            "我们预计公司2023-2025年归母净利润分别为450亿元、560亿元、680亿元。\n"
            "华远证券研究所\n华远证券股份有限公司具备证券投资咨询业务资格。\n华远证券研究所\n")
    claims = _claims(text, "2023-10-20")
    assert {c.subject for c in claims} == {"星河电池"}
    assert sorted(c.period for c in claims if c.metric == "预测归母净利润") == ["2023", "2024", "2025"]


def test_a_note_naming_only_the_products_is_about_their_maker():
    """A broker's note that calls the company only 公司 and names its products is about the
    company the lexicon gives as their maker; with no product named twice, no one is guessed."""
    text = ("年报点评:业绩稳健增长\n事件:公司发布2023年年报,全年实现营收4000亿元,同比增长22%。\n"
            "麒麟电池已实现量产,神行超充电池获多家车企定点,麒麟电池装车量持续提升。\n")
    assert {c.subject for c in _claims(text, "2024-03-20")} == {"宁德时代"}
    once = text.replace("麒麟电池装车量持续提升", "装车量持续提升").replace("神行超充电池", "新品")
    assert {c.subject for c in _claims(once, "2024-03-20")} == {"未知"}


def test_a_subhead_rounding_a_body_figure_is_annotated_once():
    text = ("华远集团公布第二季度业绩\n新业务经营亏损按年扩四成\n"
            "华远集团公布第二季度业绩,新业务经营亏损按年扩大43.1%至19亿元。\n")
    claims = _claims(text, "2025-08-27")
    assert [round(c.value) for c in claims] == [1_900_000_000]


@pytest.mark.parametrize("text, published, metrics", [
    ("华远科技2023年营收400亿元。我们预计公司2024-2025年营收分别为450亿元、520亿元。", "2024-03-20",
     {400e8: "营收", 450e8: "预测营收", 520e8: "预测营收"}),
    ("华远科技预计第二季度交付量在7,000至7,500辆之间。", "2024-04-10", {7000: "交付量指引"}),
    ("华远科技2023年营收400亿元,公司预计2024年营收将达450亿元。", "2024-03-20", {400e8: "营收", 450e8: "营收指引"}),
    # unattributed, about the reporting company's figure: its outlook; about a market: an estimate
    ("华远科技2023年营收400亿元,预计2024年营收将达450亿元。", "2024-03-20", {400e8: "营收", 450e8: "营收指引"}),
    ("华远科技2023年营收400亿元。据统计,预计2025年直播电商市场规模将达6万亿元。", "2024-03-20",
     {400e8: "营收", 6e12: "预测直播电商市场规模"}),
    # in a company's call 我们 is the company; in an analyst's note (评级, 风险提示) the analysts
    ("华远汽车电话会议:我们预计第四季度交付量为4,000至5,000辆。", "2018-11-07", {4000: "交付量指引"}),
    ("华远汽车点评:我们预计第四季度交付量为4,000辆。维持买入评级。风险提示:需求不及预期。", "2018-11-07",
     {4000: "预测交付量"}),
    # a period over at publication: an estimate of the result, not a forecast
    ("星图咨询预计,2024年第一季度华远科技出货量约为1200万台。", "2024-05-10", {12e6: "出货量"}),
    # a comparison with expectations is neither
    ("华远科技业绩超预期,2024年第一季度营收为120亿元。", "2024-05-10", {120e8: "营收"}),
])
def test_a_forecast_says_so_in_its_metric(text, published, metrics):
    """Forecasts and guidance are claims whose metric says so: an analyst's estimate is a 预测,
    a company's outlook its 指引; never taken for the result of the same period."""
    got = {round(c.value, 2): c.metric for c in _claims(text, published)}
    assert got == {round(v, 2): m for v, m in metrics.items()}


def test_a_self_reference_nearer_the_number_than_a_name_is_the_reporting_company():
    """A one-line note: the broker is named in the header before 事件:公司发布年报; 公司, nearer
    the figures than the broker's name, is the listed company, here and in what follows."""
    text = ("星河电池(300999):业绩稳健增长 华远证券 2024-03-18 投资要点 事件:公司发布2023年年报,"
            "23年实现营收4009.17亿元,同比+22.01%。Q4毛利率23.84%,环比+0.69pct。"
            "我们预计公司2024-2026年归母净利润分别为503亿元、604亿元、725亿元,对应PE分别为16、13、11倍。\n")
    claims = _claims(text, "2024-03-18")
    assert {c.subject for c in claims} == {"星河电池"}
    assert [c.metric for c in claims if c.unit == "other:倍"] == ["预测PE"] * 3


def test_a_brand_named_after_the_company_is_a_segment_of_it():
    """华远品牌收入 in 华远体育's results: the company's figure with the brand in the metric, and
    the brands listed after it stay the company's."""
    text = ("华远体育公布2022年全年业绩。\n华远体育(02099.HK)公告,2022年收入536.5亿元,同比增长8.8%。"
            "华远品牌收入277亿元,同比增长3.3%;星河品牌收入215.2亿元,同比增长14.1%。\n")
    claims = {round(c.value): c for c in _claims(text, "2023-03-21")}
    assert (claims[27_700_000_000].subject, claims[27_700_000_000].metric) == ("华远体育", "华远品牌收入")
    assert (claims[21_520_000_000].subject, claims[21_520_000_000].metric) == ("华远体育", "星河品牌收入")


def test_an_earnings_calls_comparisons_do_not_move_its_period():
    """A call about the third quarter: 上一季度为… is a comparison in passing (the next sentence
    is still the third quarter's), 较第二季度 is qoq beside an explicit 同比, 十月份 is a month,
    and 其他 stays in a metric."""
    text = ("华远汽车2018年第三季度财报电话会议实录\n"
            "第三季度毛利率为-1.9%,上一季度为-4.8%。研发费用为9.7亿元,较第二季度增长31.5%,同比增长103.9%。"
            "其他销售收入为2,990万元。十月份交付了1,573辆。\n")
    claims = {round(c.value, 4): c for c in _claims(text, "2018-11-07")}
    rd = claims[970_000_000]
    assert rd.period == "2018Q3"
    assert sorted((x.kind, x.value) for x in rd.changes()) == [("qoq", 0.315), ("yoy", 1.039)]
    assert claims[-0.048].period == "2018Q2"
    assert claims[29_900_000].metric == "其他销售收入"
    assert claims[1573].period == "2018-10"


def test_a_market_trackers_lead_dates_the_piece_and_the_tracker_is_no_subject():
    """The title names the quarter without its year; the lead's first sentence names it with its
    year: that dates the piece, so the vendors' figures after it are of that quarter. A market
    researcher (星图咨询, IDC) publishes figures about others and is never their subject."""
    text = ("星图咨询:二季度中国智能手机市场出货量同比下降11%\n"
            "据星图咨询最新发布的报告,2021年第二季度,中国智能手机市场出货量约7,850万台,同比下降10.7%。\n"
            "恒达以23.9%的市场份额位居第一,出货量1,880万台,同比增长10.6%。\n"
            "5G手机出货量为6,110万台,占比77.9%,环比下降5.0%。\n")
    claims = _claims(text, "2021-07-28")
    assert {c.period for c in claims} == {"2021Q2"}
    assert not any("咨询" in (c.subject or "") for c in claims)


def test_a_bulletins_products_and_abbreviated_metrics_are_the_provinces():
    """A provincial bulletin: 生产总值(GDP) is one metric, a product a model takes for an
    organization (新能源汽车) goes into the metric of the province's figure, only within its
    clause, and 比上年 is no part of a metric."""
    text = ("江西省2023年国民经济和社会发展统计公报\n"
            "初步核算,全年全省生产总值(GDP)32553亿元,比上年增长4.0%。全年居民消费价格比上年上涨0.4%。"
            "全年猪肉价格比上年下降13.6%。\n"
            "全年新能源汽车产量15.3万辆,增长26.5%;工业机器人产量1.6万套,增长39.9%。\n")
    claims = {round(c.value, 4): c for c in _claims(text, "2024-03-04")}
    assert {c.subject for c in claims.values()} == {"江西"}
    assert claims[3_255_300_000_000].metric == "全省生产总值"
    assert claims[0.004].metric == "居民消费价格"
    assert claims[153_000].metric == "新能源汽车产量"
    assert claims[16_000].metric == "工业机器人产量"


def test_a_hong_kong_wires_guidance_and_quote():
    """期内 is no part of a name (期内汽车), 介乎 no part of a metric (a range of guidance), and a
    price 现报 on the day of publication is that day's, in Hong Kong dollars for a company listed
    there (02099)."""
    text = ("华远汽车第三季经调整亏损3.6亿元\n"
            "华远汽车(02099)公布截至9月底止第三季业绩,收入273.6亿元,按年跌36.2%。\n"
            "期内汽车交付量为93,211辆,按年减少39%。公司预期第四季车辆交付量介乎10万至11万辆。\n"
            "华远汽车股价今早低开,现报92.5元,跌2.1%。\n")
    claims = {round(c.value, 1): c for c in _claims(text, "2025-11-26")}
    assert claims[93_211].subject == "华远汽车"
    assert (claims[100_000].metric, claims[100_000].upper, claims[100_000].period) == ("车辆交付量指引", 110_000, "2025Q4")
    assert (claims[92.5].metric, claims[92.5].period, claims[92.5].unit) == ("股价", "asof:2025-11-26", "HKD")


def test_a_forum_pages_counters_and_summary_are_no_claims_of_their_own():
    """查看: 1233 is a page counter; 摘要: restates the body (its figure is annotated once, from the
    body); 归属于母公司 is no name."""
    text = ("华远体育发布年度业绩\n2023-3-21 20:15| 发布者: admin| 查看: 1233| 评论: 0\n"
            "摘要: 3月21日,华远体育发布公告称,2022年收入536.5亿元...\n"
            "3月21日,华远体育发布2022年度业绩公告。报告期内,公司实现营收536.51亿元,同比增长8.8%;"
            "归属于母公司股东的净利润75.9亿元,同比下降1.7%。\n")
    claims = _claims(text, "2023-03-21")
    assert sorted(round(c.value) for c in claims) == [7_590_000_000, 53_651_000_000]
    assert all(c.subject.startswith("华远") for c in claims)  # never 归属于母公司


def test_a_bracketed_end_date_restates_the_fiscal_quarter_it_follows():
    """2020财年第三季度(截至2019年12月31日)业绩: the results are of the quarter (2019Q4), the
    bracket restates its end; 本季度 after it is that quarter."""
    text = ("华远集团季度收入1614亿元\n"
            "2月13日,华远集团公布2020财年第三季度(截至2019年12月31日)业绩。本季度,华远集团收入为1614.56亿元,同比增长38%。\n")
    claims = _claims(text, "2020-02-13")
    assert [c.period for c in claims] == ["2019Q4"]


def test_a_platform_whose_money_is_reported_names_its_company_too():
    """美团第二季度收入…: the revenue is the company's, so the company that runs the platform is an
    entity of the article as well (the lexicon's operator); a platform counted only by its users
    brings in no company."""
    docs = extract_text("美团公布2025年第二季度业绩。\n美团第二季度收入为918亿元。\n", doc_id="m", published="2025-08-28")
    assert {(e.cls, e.label) for e in docs[0].entities} >= {("Platform", "美团"), ("Company", "美团")}
    users = extract_text("快手APP第二季度日活跃用户达4亿。\n", doc_id="k", published="2025-08-28")
    assert not any(e.cls == "Company" for e in users[0].entities), users[0].entities


def test_an_analysts_two_digit_years_make_a_forecast_and_a_share_price_is_no_persons():
    """盈利预测:我们预计公司23-25年归母净利润为450/560/680亿元: a forecast for each year, even
    where the frame's quarter had ended by publication; the analysts named in the lead own no share
    price (当前股价 is the company's)."""
    text = ("华远证券:给予星河电池买入评级\n"
            "华远证券股份有限公司张三,李四近期对星河电池(300999)进行研究并发布了研究报告《2023年三季报点评》,"
            "本报告对星河电池给予买入评级,当前股价为183.5元。\n"
            "公司23年前三季度营收2946.8亿元,同比+40.4%。\n"
            "盈利预测与投资评级:我们预计公司23-25年归母净利润为450/560/680亿元,维持“买入”评级。\n")
    claims = {round(c.value, 1): c for c in _claims(text, "2023-10-20")}
    assert [(claims[v].metric, claims[v].period) for v in (45_000_000_000, 56_000_000_000, 68_000_000_000)] == [
        ("预测归母净利润", "2023"), ("预测归母净利润", "2024"), ("预测归母净利润", "2025")]
    assert claims[183.5].subject == "星河电池"



def test_a_brand_the_reporting_company_owns_is_a_segment_of_it():
    """FILA收益 in 安踏's results: the company's figure, the brand in the metric; a figure of the
    next clause that names another part (所有其他品牌收益) does not take the brand."""
    text = ("安踏体育公布2022年全年业绩\n安踏体育用品有限公司(股份代号:2020)昨日公布截至2022年12月31日止年度业绩。"
            "FILA收益按年下跌1.4%至215.2亿元;所有其他品牌收益按年增长37.2%至43.9亿元。\n")
    claims = {round(c.value): c for c in _claims(text, "2023-03-23")}
    assert (claims[21_520_000_000].subject, claims[21_520_000_000].metric) == ("安踏", "FILA收益")
    assert claims[4_390_000_000].subject == "安踏" and "FILA" not in claims[4_390_000_000].metric


def test_a_month_still_to_come_frames_no_piece():
    """A call's lead that plans a month still to come (12月份,我们预计…) names no reporting period:
    a figure after it with no period of its own gets none; a month already past still frames a
    data piece (10月…零售)."""
    d = extract_text("李斌:12月份,我们预计交付量将超过1600辆。\n汽车销售收入为14.5亿元。\n", doc_id="c", published="2018-11-07")[0]
    assert d.frame.period is None
    assert {c.value: c.period for c in d.claims}[1_450_000_000] is None
    d = extract_text("10月华远汽车零售19.1万辆。\n今年以来累计零售170.4万辆。\n", doc_id="m", published="2021-11-08")[0]
    assert d.frame.period == "2021-10"


def test_a_speaker_label_is_no_subject():
    """李斌：截至10月底,我们已开设8家门店: the speaker's label in a transcript is who talks; the
    figures are the company's (a title's acronym, 华远汽车CFO, is no model either)."""
    text = ("华远汽车第三季度财报电话会议实录\n华远汽车董事长兼CEO李明远：截至10月底,我们已开设88家门店。\n"
            "华远汽车CFO张伟:第三季度汽车销售收入为14.5亿元。我们将在12月开始交付ES8的六座版。\n")
    cs = _claims(text, "2018-11-07")
    assert {c.value: c.subject for c in cs} == {88: "华远汽车", 1_450_000_000: "华远汽车"}


def test_a_lead_is_dated_by_the_first_period_it_names():
    """第三季度净亏损…,而2017年第三季度为…: the lead is about the quarter it opens with (of the
    publication's year), not the year it compares with."""
    d = extract_text("第三季度华远汽车净亏损为32.8亿元,而2017年第三季度为12.3亿元。\n", doc_id="l", published="2018-11-07")[0]
    assert d.frame.period != "2017Q3"
    assert {c.value: c.period for c in d.claims} == {3_280_000_000: "2018Q3", 1_230_000_000: "2017Q3"}


def test_a_price_a_stock_reached_today_is_of_the_day():
    """星河汽車股價今早低開，最低見81.2元: a Hong Kong piece's 見 (reached) gives a share price of the
    publication day, whose move is a plain change."""
    cs = _claims("星河汽車公布第三季業績。\n星河汽車股價今早低開，最低見81.2元，跌3.1%。\n", "2025-11-26")
    price = {c.value: c for c in cs}[81.2]
    assert (price.metric, price.period) == ("股价", "asof:2025-11-26")
    assert [(x.kind, x.value) for x in price.changes()] == [("growth", -0.031)]


def test_a_name_running_into_e_commerce_stops_before_it():
    """华远体育电子商务业务收入: 电子 of 电子商务 is no head of the company's name (华远体育电子)."""
    cs = _claims("华远体育公布2022年全年业绩。\n华远体育电子商务业务收入同比增长20.8%。\n", "2023-03-21")
    assert [(c.subject, c.metric) for c in cs] == [("华远体育", "电子商务业务收入")]


@pytest.mark.parametrize("text,published,want", [
    # a record's span (创2018年以来新高) dates nothing; 中期业绩 with no year is the last first half ended
    ("天星航運公布中期業績，收益為58億元，按年上升12％，創2018年以來新高。\n", "2024-08-20",
     {5_800_000_000: ("2024H1", [("yoy", 0.12)])}),
    # HK 按季則上升 is sequential; 擴闊 widens, 插水 plunges
    ("天星航運公布2024年中期業績，收益為58億元，按年上升12％，按季則上升21.4%。\n期內毛利率為48.5%，按年擴闊3.2個百分點。\n"
     "純利按年插水41％至2億元。\n", "2024-08-20",
     {5_800_000_000: ("2024H1", [("yoy", 0.12), ("qoq", 0.214)]), 0.485: ("2024H1", [("abs", 0.032)]),
      200_000_000: ("2024H1", [("yoy", -0.41)])}),
    # 四成五 is 45%, 两成三 23% (its 三 no start of a range); a quarter before with 的 (上季的9.8%)
    ("星河汽車公布2024年第二季業績。期內毛利佔收益約四成五。純利按年增長兩成三至8.8億元。\n整體毛利率為12.2%，較上季的9.8%提升2.4個百分點。\n",
     "2024-08-28", {0.45: ("2024Q2", []), 880_000_000: ("2024Q2", [("yoy", 0.23)]),
                    0.122: ("2024Q2", [("abs", 0.024)]), 0.098: ("2024Q1", [])}),
    # a Chinese numeral month without 份 (七月交付量, 截至六月底)
    ("星河汽車公布2024年中期業績。\n七月交付量為2.1萬輛。\n截至六月底，集團總借貸約203億元。\n", "2024-08-28",
     {21_000: ("2024-07", []), 20_300_000_000: ("asof:2024-06", [])}),
])
def test_hong_kong_results_wording(text, published, want):
    got = {c.value: (c.period, [(x.kind, round(x.value, 6)) for x in c.changes()]) for c in _claims(text, published)}
    assert got == want


def test_a_range_of_a_fall_falls_at_both_ends():
    """股東應佔溢利將按年減少約40%至50%: a bare change's range keeps its sign at the upper end."""
    (c,) = _claims("翠峰置業公布2024年中期業績。\n股東應佔溢利將按年減少約40%至50%。\n", "2024-07-30")
    assert (c.value, c.upper) == (-0.4, -0.5)


@pytest.mark.parametrize("text,published,want", [
    # a question states no figure; a speaker's label with a role in brackets or after a comma is no subject
    ("理想汽车公布2021年第一季度业绩。\n分析师提问：公司的车辆毛利率能否在年底达到20%？\n"
     "奉玮（首席财务官）：本季度研发费用为6.87亿元。\n奉玮，首席财务官：车辆毛利率是负的5.2%。\n", "2021-05-29",
     {687_000_000: ("理想汽车", "研发费用", "2021Q1"), -0.052: ("理想汽车", "车辆毛利率", "2021Q1")}),
    # 同季度 and 上年同季 are the same period a year before, said in passing; 前两个月 is a span
    ("云途集团公布2020年第四季度业绩。\n核心商业分部收入为人民币1956.43亿元，而2019年同季度为1422.63亿元。\n"
     "净利润为100亿元，上年同季为80亿元。\n今年前两个月我们累计交付了8238辆。\n", "2021-02-03",
     {195_643_000_000: ("云途集团", "核心商业分部收入", "2020Q4"), 142_263_000_000: ("云途集团", "核心商业分部收入", "2019Q4"),
      10_000_000_000: ("云途集团", "净利润", "2020Q4"), 8_000_000_000: ("云途集团", "净利润", "2019Q4"),
      8238: ("云途集团", "交付量", "2021-01/2021-02")}),
    # short-term investments are a balance held (a stock), not money invested over the quarter;
    # an anniversary is no figure
    ("星河科技公布2021年第一季度业绩。\n截至2021年3月31日，短期理财投资为人民币593亿元。\n星河科技上市10周年。\n", "2021-05-29",
     {59_300_000_000: ("星河科技", "短期理财投资", "asof:2021-03")}),
])
def test_call_wording(text, published, want):
    got = {c.value: (c.subject, c.metric, c.period) for c in _claims(text, published)}
    assert got == want


@pytest.mark.parametrize("text,published,want", [
    # a range said as bounds between (介于…与…之间); an outlook for a quarter earlier in the year than
    # the one reported is next year's, and its period governs no later result
    ("华远汽车公布2020年第四季度业绩。\n张伟：第一季度总收入预计介于27.5亿元与28.5亿元之间。\n第四季度总收入为28.5亿元。\n", "2021-03-09",
     {2_750_000_000: ("总收入指引", "2021Q1", 2_850_000_000, []), 2_850_000_000: ("总收入", "2020Q4", None, [])}),
    # a second change against a base it names after 但; a fall said as an amount or a rate (跌35元或6.9%);
    # an index's points after 升; a loss narrowed by an amount
    ("星河公布2021年第一季度业绩。\n外卖业务收入为170.4亿元，同比增长133.8%，但较上季度下降了9.1%。\n净亏损为10亿元，亏损收窄5亿元。\n", "2021-05-29",
     {17_040_000_000: ("外卖业务收入", "2021Q1", None, [("yoy", 1.338), ("qoq", -0.091)]),
      1_000_000_000: ("净亏损", "2021Q1", None, [("abs", -500_000_000)])}),
    ("星河航運今早股價高開，一度升8.2%至16.68港元，成交額達2.13億港元。\n騰訊收報472.4港元，跌35港元或6.9%。\n", "2024-10-08",
     {16.68: ("股价", "asof:2024-10-08", None, [("growth", 0.082)]), 213_000_000: ("成交额", "asof:2024-10-08", None, []),
      472.4: ("收盘价", "asof:2024-10-08", None, [("abs", -35), ("growth", -0.069)])}),
    # a call's comparisons with the quarter before in other words (比上一个季度, 相对于第二季度), and a
    # second change after a comma against a base it names (跟上一季度相比, 比今年第二季度)
    ("星河汽车2018年第三季度财报电话会议\n总收入为14.7亿元，比上一个季度增长了20%。\n汽车销售收入为14.1亿元，相对于第二季度增长了11%。\n"
     "销售及管理费用为8.6亿元，跟去年同期相比增长了133.5%，跟上一季度相比增长了30.5%。\n"
     "经营亏损为32.4亿元，比去年第三季度增加了73.5%，比今年第二季度增加了40.6%。\n", "2018-11-07",
     {1_470_000_000: ("总收入", "2018Q3", None, [("qoq", 0.2)]), 1_410_000_000: ("汽车销售收入", "2018Q3", None, [("qoq", 0.11)]),
      860_000_000: ("销售及管理费用", "2018Q3", None, [("yoy", 1.335), ("qoq", 0.305)]),
      3_240_000_000: ("经营亏损", "2018Q3", None, [("yoy", 0.735), ("qoq", 0.406)])}),
])
def test_outlooks_second_changes_and_prices(text, published, want):
    got = {c.value: (c.metric, c.period, c.upper, [(x.kind, round(x.value, 6)) for x in c.changes()])
           for c in _claims(text, published)}
    assert got == want


def test_a_city_survey_team_and_its_lead_period():
    """国家统计局宁波调查队 … 前三季度: the city is what the bulletin is about, the first three quarters
    its period, which the next paragraph's figures keep."""
    text = "国家统计局华远调查队\n前三季度，宁波市全体居民人均可支配收入58930元，同比名义增长5.9%。\n分类别看，人均交通通信支出4880元，增长12.0%。\n"
    got = {c.value: (c.subject, c.period, [(x.kind, x.value) for x in c.changes()]) for c in _claims(text, "2023-10-27")}
    assert got == {58930: ("宁波", "2023-01/2023-09", [("yoy", 0.059)]), 4880: ("宁波", "2023-01/2023-09", [("yoy", 0.12)])}


def test_a_site_of_a_company_is_in_its_metric():
    """泰州年产4GW电池产能 in a company's annual report: the company's capacity, the site in the metric."""
    (c,) = _claims("星河光伏公布2023年年报。\n泰州年产4GW高效电池产能已全部投产。\n", "2024-04-28")
    assert c.subject == "星河光伏" and c.metric.startswith("泰州")


@pytest.mark.parametrize("text,published,want", [
    # a verb of output modifying a noun (交付周期) names no output; 下季 is the quarter after; a bank's
    # loans are a stock at the period's end (its ratios stay the period's)
    ("星河銀行公布2024年第二季業績。\n交付周期缩短至3周。\n公司預計下季毛利率約15%。\n不良貸款率為1.2%。\n客戶貸款總額達2.36萬億元。\n",
     "2024-08-29", {3: ("交付周期", "2024Q2"), 0.15: ("毛利率指引", "2024Q3"), 0.012: ("不良贷款率", "2024Q2"),
                    2_360_000_000_000: ("客户贷款总额", "asof:2024-06")}),
    # Hong Kong 中期 before what it reports is the first half; a broker's 預期 is its estimate of the
    # group's figure (集團 opening a clause is the company)
    ("星河控股（01669）公布2024年中期業績。\n預期中期錄得股東應佔虧損約45億元。\n摩根士丹利預期，集團明年純利可達12億元。\n",
     "2024-08-20", {4_500_000_000: ("股东应占亏损", "2024H1"), 1_200_000_000: ("预测纯利", "2025")}),
])
def test_output_nouns_next_quarter_banks_and_brokers(text, published, want):
    got = {c.value: (c.metric, c.period) for c in _claims(text, published)}
    assert got == want
    assert all(c.subject.startswith("星河") for c in _claims(text, published))


def test_a_company_speaking_of_itself_and_a_count_that_looks_like_a_name():
    """极氪方面介绍，该公司10月交付…: 该公司 is the company just named, not the one before; 360家 is a
    count, not a name."""
    text = ("新势力10月交付盘点\n小鹏汽车10月交付新车23917辆，同比增长20%。\n极氪方面介绍，该公司10月交付新车25049辆。\n"
            "截至2023年底，理想汽车拥有售后维修中心360家。\n")
    got = {c.value: c.subject for c in _claims(text, "2024-11-01")}
    assert got == {23917: "小鹏汽车", 25049: "极氪", 360: "理想汽车"}


def test_a_price_per_share_after_an_opening_move_and_a_holidays_length():
    """港股周五低开2.8%，报每股78.35港元: the price of that Friday, down 2.8%; 国庆假期7天 is no figure."""
    cs = _claims("星河集团公布2023年第三季度业绩。\n星河集团港股周五低开2.8%，报每股78.35港元。\n国庆假期7天，星河集团门店客流增长20%。\n",
                 "2023-11-16")
    price = {c.value: c for c in cs}[78.35]
    assert (price.metric, price.period, [(x.kind, x.value) for x in price.changes()]) == \
        ("股价", "asof:2023-11-10", [("growth", -0.028)])
    assert 7 not in {c.value for c in cs}


def test_a_fiscal_year_named_by_its_end():
    """截至2024年3月31日止财年业绩: the fiscal year April to March, the period of the figures after it."""
    (c,) = _claims("青禾科技公布截至2024年3月31日止财年业绩。\n经调整EBITA同比增长5%至238.0亿元。\n", "2024-05-24")
    assert (c.period, [(x.kind, x.value) for x in c.changes()]) == ("2023-04/2024-03", [("yoy", 0.05)])


@pytest.mark.parametrize("text,published,want", [
    # 占同期…: the same period as the figure's, not a year before; 较上月同期 is sequential; 同比去年同期
    ("华远研究院数据显示，10月国内手机出货量2500万部，其中5G手机2100万部，占同期手机出货量的84%。\n", "2024-11-20",
     {25_000_000: ("2024-10", []), 21_000_000: ("2024-10", []), 0.84: ("2024-10", [])}),
    ("11月1-17日，全国乘用车零售47.4万辆，同比去年同期增长9%，较上月同期下降8%，零售渗透率52.1%。\n", "2024-11-20",
     {474_000: ("2024-11", [("yoy", 0.09), ("qoq", -0.08)]), 0.521: ("2024-11", [])}),
    # a share's own move in points in the next clause (占比较上年末提高8.4个百分点) is the share's change
    ("截至10月末，5G移动电话用户达10亿户，占移动电话用户的55%，占比较上年末提高8.4个百分点。\n", "2024-11-20",
     {1_000_000_000: ("asof:2024-10", []), 0.55: ("asof:2024-10", [("abs", 0.084)])}),
])
def test_data_release_comparisons(text, published, want):
    got = {c.value: (c.period, [(x.kind, round(x.value, 6)) for x in c.changes()]) for c in _claims(text, published)}
    assert got == want


def test_a_kind_of_product_before_an_organizations_head_is_no_name():
    """新能源汽车, 全国汽车: a generic word before 汽车 names a kind of car, not a company; the
    figure is the company's or the country's, the kind in the metric."""
    got = {c.value: (c.subject, c.metric) for c in _claims("吉利汽车10月销量30万辆，其中新能源汽车销量12万辆。\n10月，全国汽车销量305.3万辆。\n", "2024-11-12")}
    assert got == {300_000: ("吉利汽车", "销量"), 120_000: ("吉利汽车", "新能源汽车销量"), 3_053_000: ("中国", "汽车销量")}


@pytest.mark.parametrize("text,published,want", [
    # a stock code's digits are no year (601939 is no 1939), and the day a report came out
    # (3月28日发布) dates no figure: a yearless annual report is of the year before
    ("华信银行(601939.SH)3月28日发布年度报告。\n该行实现营业收入1456.3亿元。\n", "2024-03-29", {145_630_000_000: "2023"}),
    # 半年报 with no year is the last first half (not a 年报)
    ("星河乳业8月27日晚间披露半年报。\n第二季度实现营收28亿元，上半年营收为50亿元。\n", "2024-08-28",
     {2_800_000_000: "2024Q2", 5_000_000_000: "2024H1"}),
    # provisional results with no year, by their season: February the year before, July the first half
    ("星河股份发布业绩快报，公司实现营业总收入358.42亿元。\n", "2024-02-28", {35_842_000_000: "2023"}),
    ("星河股份发布业绩预告，预计全年归母净利润为12亿元至14亿元。\n", "2024-01-20", {1_200_000_000: "2023"}),
    ("星河股份发布业绩预告，预计归母净利润为5亿元。\n", "2024-07-10", {500_000_000: "2024H1"}),
])
def test_a_results_release_without_its_year(text, published, want):
    assert {c.value: c.period for c in _claims(text, published)} == want


def test_a_prior_value_said_in_passing_is_an_aside():
    """…为21亿元,上年同期为15亿元;经营利润率为0.7%: the prior period governs only its own figure, and a
    change after it (上年同期为354亿元,同比增长37%) is the current level's."""
    text = ("星河商城公布2023年第四季度业绩。\n经营利润为21亿元,上年同期为15亿元;经营利润率为0.7%,上年同期为0.5%。\n"
            "在线营销服务收入为487亿元,上年同期为354亿元,同比增长37%。\n")
    got = {c.value: (c.period, [(x.kind, x.value) for x in c.changes()]) for c in _claims(text, "2024-03-06")}
    assert got == {2_100_000_000: ("2023Q4", []), 1_500_000_000: ("2022Q4", []), 0.007: ("2023Q4", []), 0.005: ("2022Q4", []),
                   48_700_000_000: ("2023Q4", [("yoy", 0.37)]), 35_400_000_000: ("2022Q4", [])}


@pytest.mark.parametrize("text,published,want", [
    # a dateline's place is where the story was filed, no subject
    ("杭州2024年2月7日电——星河集团公布2023年第四季度业绩,收入为2603亿元。\n", "2024-02-08", {260_300_000_000: ("星河集团", "2023Q4")}),
    ("本报上海3月21日电 安泰保险集团今日公布2023年度业绩。新业务价值为310.8亿元。\n", "2024-03-22", {31_080_000_000: ("安泰保险集团", "2023")}),
    # a result set against the market's expectations (超出市场预期, 市场预期为…) is of the quarter last ended
    ("星河集团第四季度营收为888.8亿元,超出市场预期。\n", "2024-03-20", {88_880_000_000: ("星河集团", "2023Q4")}),
    # the day a report came out, before its company (3月20日,星河集团公布…), dates no figure
    ("3月20日,星河集团公布财报。\n净利润为233亿元。\n", "2024-03-21", {23_300_000_000: ("星河集团", None)}),
    # a price said with 报 after 股价, and the market value beside it: of the day the clause names
    ("截至3月29日收盘,青禾乳业股价报25.6元,涨2.3%,总市值320亿元。\n", "2024-03-30",
     {25.6: ("青禾乳业", "asof:2024-03-29"), 32_000_000_000: ("青禾乳业", "asof:2024-03-29")}),
])
def test_datelines_expectations_and_days(text, published, want):
    assert {c.value: (c.subject, c.period) for c in _claims(text, published)} == want



@pytest.mark.parametrize("text,published,want", [
    # a state agency publishing a sector's national data: the figures are the country's, not the agency's
    ("国家邮政局公布数据，1-10月，全国快递业务量累计完成1421亿件。\n10月，业务收入完成1250亿元。\n", "2024-11-14",
     {142_100_000_000: "中国", 125_000_000_000: "中国"}),
    ("中国信通院数据显示，10月国内市场手机出货量2500万部。\n", "2024-11-20", {25_000_000: "中国"}),
])
def test_a_national_agencys_data_are_the_countrys(text, published, want):
    assert {c.value: c.subject for c in _claims(text, published)} == want


@pytest.mark.parametrize("text,published,want", [
    # a company whose fiscal year ends in March (the frame's words know its calendar): 2024财年
    ("阿里巴巴2024财年收入为9,411.68亿元,同比增长8%。\n", "2024-05-14", {941_168_000_000: "2023-04/2024-03"}),
    # … or a lead naming a year ended in March
    ("华远零售集团公布截至2024年3月31日止年度业绩。\n2024财年收入为94亿元。\n", "2024-06-20", {9_400_000_000: "2023-04/2024-03"}),
    # a December fiscal year is the calendar year
    ("腾讯2023财年收入为6090亿元。\n", "2024-03-20", {609_000_000_000: "2023"}),
])
def test_a_fiscal_year_by_the_companys_calendar(text, published, want):
    assert {c.value: c.period for c in _claims(text, published)} == want


@pytest.mark.parametrize("text,published,want", [
    # a lead naming a company no lexicon knows: after the day it came out, before a ticker or a day
    # word, or before results named without a year (全年业绩: the last year ended)
    ("8月1日,锦程体育公布2023年度业绩。\n收入为人民币84.0亿元。\n", "2024-08-02", {8_400_000_000: ("锦程体育", "2023", "收入")}),
    ("锦程体育(NYSE:JCTY)公布2023年度业绩。\n收入为人民币84.0亿元。\n", "2024-03-20", {8_400_000_000: ("锦程体育", "2023", "收入")}),
    ("锦程体育公布全年业绩。\n收入为142.3亿元。\n", "2024-03-20", {14_230_000_000: ("锦程体育", "2023", "收入")}),
    # a brand no lexicon knows before 品牌 in a company's results: the company's figure, the brand in the metric
    ("安跃体育公布2023年业绩。\n其中,安跃主品牌收入为335.2亿元;斐驰品牌收入为251.0亿元。\n", "2024-03-20",
     {33_520_000_000: ("安跃体育", "2023", "安跃主品牌收入"), 25_100_000_000: ("安跃体育", "2023", "斐驰品牌收入")}),
])
def test_a_companys_lead_and_brands(text, published, want):
    assert {c.value: (c.subject, c.period, c.metric) for c in _claims(text, published)} == want


def test_the_same_period_of_a_year_named_in_a_quarters_results():
    """全年营收…,去年同期为… in a quarter's results: the year before the year, not its fourth quarter."""
    text = "快手公布2023年第四季度业绩。\n全年营收为1134.7亿元，去年同期为942亿元。\n第四季度营收为325.6亿元，去年同期为282亿元。\n"
    got = {c.value: c.period for c in _claims(text, "2024-03-20")}
    assert got == {113_470_000_000: "2023", 94_200_000_000: "2022", 32_560_000_000: "2023Q4", 28_200_000_000: "2022Q4"}


def test_a_ratio_at_the_end_of_the_period_reported():
    """报告期末,资本充足率为15.02%: a ratio said at the end of the period reported is of that date."""
    text = "华信银行发布2023年年报。\n报告期末，该行资本充足率为15.02%，总资产10.35万亿元。\n全年净利润为300亿元。\n"
    got = {c.value: c.period for c in _claims(text, "2024-03-29")}
    assert got == {0.1502: "asof:2023-12", 10_350_000_000_000: "asof:2023-12", 30_000_000_000: "2023"}


def test_a_bulletins_natural_growth_rate_is_a_level_and_footnote_markers_are_no_part_of_a_metric():
    """人口自然增长率为-1.06‰ is a rate of its own, no change of a figure; a footnote marker between a
    metric and its number ([1], ①) is no part of the metric; a population is a stock at the year's end."""
    text = ("2023年星河省国民经济和社会发展统计公报\n"
            "全年全省地区生产总值（GDP）[1]47050.6亿元,比上年增长5.8%。常住人口②6121万人。"
            "全年出生人口45.2万人,出生率为7.38‰;人口自然增长率为-1.06‰。\n")
    claims = {c.metric: c for c in _claims(text, "2024-03-10")}
    natural = claims["人口自然增长率"]
    assert (natural.value, natural.change) == (pytest.approx(-0.00106), None)
    assert claims["全省地区生产总值"].value == pytest.approx(4_705_060_000_000)
    assert claims["常住人口"].period == "asof:2023-12"


def test_an_analysts_expectation_of_an_ended_period_is_the_markets_not_a_forecast():
    """分析师此前预期,…第三季度营收为…, said after the quarter ended, is the market's expectation of the
    result; an analyst's figure for a period to come stays his forecast (预测)."""
    text = "华远集团公布第三季度业绩。分析师此前预期,华远集团第三季度营收为305亿元。分析师预测华远集团明年营收为1500亿元。"
    claims = {c.value: c for c in _claims(text, "2023-11-17")}
    assert (claims[30_500_000_000].metric, claims[30_500_000_000].period) == ("市场预期营收", "2023Q3")
    assert (claims[150_000_000_000].metric, claims[150_000_000_000].period) == ("预测营收", "2024")


@pytest.mark.parametrize("text,published,period", [
    ("星河省统计局日前发布的统计公报显示,全年全省地区生产总值47050.6亿元,比上年增长5.8%。", "2024-03-10", "2023"),
    ("華遠科技公布業績。全年純利為25.6億元。", "2024-03-20", "2023"),
    ("华远集团全年营收为30亿元。", "2024-08-10", "2023"),
    ("华远集团预计全年营收为30亿元。", "2024-03-10", "2024"),
])
def test_a_full_year_with_no_year_is_the_last_one_ended_unless_to_come(text, published, period):
    """全年 with no year, said before the year ends, is the last full year (a bulletin or results
    published in March); an outlook's 全年 is this year's."""
    [c] = _claims(text, published)
    assert c.period == period


@pytest.mark.parametrize("text,value,unit", [
    ("華遠地產公布全年業績,收益為387.6億港元（下同）,按年增長6%。純利為42.8億元。", 4_280_000_000, "HKD"),
    ("華遠地產公布全年業績（港元，下同）。純利為42.8億元。", 4_280_000_000, "HKD"),
    ("華遠地產公布全年業績（美元，下同）。純利為42.8億元,另有人民幣3億元資本開支。", 300_000_000, "CNY"),
    ("華遠地產公布全年業績。純利為42.8億元。", 4_280_000_000, "CNY"),
    # a note after the figures it speaks for ((以上金額均為港元)); an amount in 人民幣 elsewhere keeps its own
    ("華遠地產公布全年業績,純利增長19%至42.8億元。(以上金額均為港元)\n另有人民幣3億元資本開支。", 4_280_000_000, "HKD"),
])
def test_a_currency_note_gives_bare_yuan_its_currency(text, value, unit):
    """(下同) after a currency, or (港元,下同), declares the currency of the amounts in bare 元; an
    amount that names 人民币 keeps it, and without a note 元 is renminbi."""
    c = next(c for c in _claims(text, "2024-03-15") if c.value == pytest.approx(value))
    assert c.unit == unit


def test_a_wire_tag_and_a_four_digit_hong_kong_code():
    """【某某通】 before a company opening the lead is the wire's tag, no part of the name; a code of
    four digits from 0 is Hong Kong's, so the price in bare 元 is in Hong Kong dollars."""
    [c] = _claims("【星光通】華遠置業（0688）公布全年業績,純利為42.8億元。", "2024-03-15")
    assert c.subject == "华远置业"
    [p] = _claims("華遠置業（0688）股價今早低開,現報28.15元。", "2024-03-15")
    assert (p.unit, p.period) == ("HKD", "asof:2024-03-15")


def test_a_quarter_and_year_report_frames_the_quarter_and_its_outlook_is_of_next_year():
    """2023年第四季度及全年财报 reports on the quarter first (figures with no period are the quarter's);
    预计第一季度… after the year's figures is next year's first quarter, and the company's outlook."""
    text = ("星河汽车发布2023年第四季度及全年财报。总收入为130.5亿元。全年净亏损为103.8亿元。"
            "星河预计第一季度交付量为2.1万辆至2.25万辆。")
    claims = {c.value: c for c in _claims(text, "2024-03-19")}
    assert claims[13_050_000_000].period == "2023Q4"
    assert claims[10_380_000_000].period == "2023"
    guide = claims[21_000]
    assert (guide.metric, guide.period, guide.upper) == ("交付量指引", "2024Q1", 22_500)


def test_a_reporters_source_bureau_names_the_place_and_kinds_of_firms_are_no_subjects():
    """记者从星河省统计局获悉: the province is the subject, the reporter no part of it, and the bureau
    is the province's, not the national one; 国有控股企业 is a kind of firm, no organization."""
    text = "记者从星河省统计局获悉,2023年全省地区生产总值47050.6亿元。国有控股企业增加值增长4.2%。"
    claims = _claims(text, "2024-03-10")
    assert {c.subject for c in claims} == {"星河省"}
    [doc] = extract_text(text, doc_id="t", published="2024-03-10")
    assert {e.label for e in doc.entities if e.cls == "Organization"} == {"星河省统计局"}


@pytest.mark.parametrize("text,published,period", [
    ("華遠科技公布截至今年六月三十日止六個月業績,收益為123億元。", "2024-08-20", "2024H1"),
    ("華遠餐飲公布截至今年三月底止全年業績,收益為12億元。", "2024-06-20", "2023-04/2024-03"),
    ("華遠餐飲公布二零二三／二四年度業績,收益為12億元。", "2024-06-20", "2023-04/2024-03"),
    ("華遠餐飲公布二零二三年十二月三十一日止年度業績,收益為12億元。", "2024-03-20", "2023"),
])
def test_hong_kong_periods_in_chinese_numerals_and_fiscal_years(text, published, period):
    """A month and day in Chinese numerals after 今年/截至 (截至今年六月三十日), a year ended in a month
    (截至今年三月底止全年), and a fiscal year written with a slash (二零二三/二四年度) are read as dates
    and periods."""
    [c] = _claims(text, published)
    assert c.period == period


def test_a_price_said_of_a_listing_is_the_share_price_of_the_day():
    """港股报34.5港元,跌1.9%: the Hong Kong listing's share price on the day of publication, moved by 1.9%."""
    [c] = _claims("截至发稿,华远汽车港股报34.5港元,跌1.9%。", "2024-11-20")
    assert (c.metric, c.unit, c.period, c.change.kind) == ("股价", "HKD", "asof:2024-11-20", "growth")


def test_a_day_alone_on_its_line_dates_the_piece_not_its_figures():
    """A dateline of its own (2024年4月28日) is when the piece came out; the quarter its data source
    names (2024年第一季度) is what it reports on."""
    text = ("2024年4月28日\nIDC发布的《中国季度手机市场跟踪报告》显示,2024年第一季度,中国智能手机市场出货量约6926万台。\n"
            "荣耀出货量1220万台。")
    claims = {c.value: c for c in _claims(text, "2024-04-28")}
    assert claims[12_200_000].period == "2024Q1"


def test_a_profit_warning_bounds_last_years_fall_and_a_cause_bounds_the_metric():
    """預期去年純利按年減少不多於30%: last year's profit, down by at most 30% year on year (去年 before the
    metric is its period, not a base); 溢利下跌主要由於水泥銷量按年減少約12%: the cause's own metric."""
    [warn] = _claims("華遠水泥（0666）發盈警，預期去年純利按年減少不多於30%。", "2024-01-20")
    assert (warn.metric, warn.period, warn.qualifier) == ("纯利", "2023", "不多于")
    assert (warn.change.kind, warn.change.value) == ("yoy", pytest.approx(-0.3))
    [cause] = _claims("華遠水泥公布2023年全年業績,溢利下跌主要由於水泥銷量按年減少約12%。", "2024-03-20")
    assert cause.metric == "水泥销量"


def test_a_bulletins_lists_of_places_and_of_changes_with_their_verbs():
    """合肥市地区生产总值…;芜湖市…;星河市…: each place listed after the first figure is measured as it;
    出口、进口分别增长1.3%和下降7.6%: one change each, in order."""
    text = ("2023年华远省国民经济和社会发展统计公报\n"
            "分市看,合肥市地区生产总值12673.8亿元,增长5.8%;星河市3404.7亿元,增长4.8%。全年出口、进口分别增长1.3%和下降7.6%。\n")
    claims = {c.value: c for c in _claims(text, "2024-03-10")}
    city = claims[340_470_000_000]
    assert (city.subject, city.metric) == ("星河市", "地区生产总值")
    assert (claims[0.013].metric, claims[-0.076].metric) == ("出口", "进口")


@pytest.mark.parametrize("text", ["全年全省城镇居民和农村居民人均消费支出分别为32568元和18956元。",
                                  "全年城镇居民、农村居民人均消费支出分别为32568元和18956元。"])
def test_areas_of_residents_listed_share_the_measure(text):
    """城镇居民和农村居民人均消费支出: each area's residents, the measure after the last said once."""
    claims = {c.value: c.metric for c in _claims("2023年华远省国民经济和社会发展统计公报\n" + text, "2024-03-10")}
    assert claims == {32568: "城镇居民人均消费支出", 18956: "农村居民人均消费支出"}


@pytest.mark.parametrize("text,published,value,period", [
    ("華遠控股公布,截至2023年11月30日止一個月,集團合約銷售金額約為人民幣24.2億元。", "2023-12-05", 2_420_000_000, "2023-11"),
    ("华远电器发布2023年年报。2023年,公司实现营业收入312.45亿元;同期实现归母净利润21.38亿元。", "2024-03-29",
     2_138_000_000, "2023"),
    ("华远电器发布2023年年报。本年度公司实现营业收入312.45亿元。", "2024-03-29", 31_245_000_000, "2023"),
    ("华远汽车10月新能源汽车销量为502,657辆,去年同期为301,833辆。", "2024-11-01", 301_833, "2023-10"),
    ("华远汽车今年累计交付新车167,117台。", "2024-11-01", 167_117, "2024-01/2024-11"),
])
def test_periods_said_against_the_period_in_context(text, published, value, period):
    """止一个月 is that month; a bare 同期 opening a clause is the same period, and 本年度 in a year's
    results that year; 去年同期 after a month is that month a year before; 今年累计 the year to date."""
    c = next(c for c in _claims(text, published) if c.value == pytest.approx(value))
    assert c.period == period


def test_a_papers_tag_is_no_subject_and_a_said_yoy_stays_beside_last_months_amount():
    """上海证券报讯 opens the story: where it was filed, not who it is about; 同比增长58.3%,比上月增加800辆:
    the rate said year on year stays yoy, the amount is against last month."""
    [c] = _claims("上海证券报讯 华远酒业4月25日晚间发布2024年一季报。一季度公司实现营业总收入464.85亿元。", "2024-04-26")
    assert (c.subject, c.period) == ("华远酒业", "2024Q1")
    [d] = _claims("10月,华远汽车交付量为3.8万辆,同比增长58.3%,比上月增加800辆。", "2023-11-13")
    assert sorted((x.kind, x.value) for x in d.change) == [("abs", 800), ("yoy", pytest.approx(0.583))]


def test_channels_segments_shares_of_a_total_and_the_day_of_the_results():
    """抖音渠道收入 in a company's results is its channel's, not the platform's; 分产品看,空调业务…,毛利率…
    goes on about the segment; 占全国新增发电装机的82.7% is the share of the figure before; 股价当日 is
    the day the lead names."""
    claims = {c.value: c for c in _claims("华远食品发布2023年年报。抖音渠道收入为5.6亿元,同比增长52%。"
                                          "分产品看,空调业务实现收入185.6亿元,毛利率为24.7%。", "2024-03-29")}
    assert (claims[560_000_000].subject, claims[560_000_000].metric) == ("华远食品", "抖音渠道收入")
    assert claims[0.247].metric == "空调业务毛利率"
    [_, share] = _claims("2023年全国可再生能源新增装机3.05亿千瓦,占全国新增发电装机的82.7%。", "2024-01-17")
    assert share.metric == "可再生能源新增装机量占比"
    [price] = _claims("11月28日,华远多多发布第三季度财报。华远多多股价当日盘前大涨17%,报139.5美元。", "2023-11-29")
    assert price.period == "asof:2023-11-28"


@pytest.mark.parametrize("text,subject", [
    ("【华创电新】晶辰股份24Q1点评：量利齐升\n公司发布2024年一季报,实现收入48.2亿元。", "晶辰股份"),
    ("【华泰电新】锦瑞能源2024Q1点评：量利齐升\n公司发布2024年一季报,实现收入48.2亿元。", "锦瑞能源"),
    ("华远电器2023年报点评:业绩稳健\n公司发布2023年年报,实现收入48.2亿元。", "华远电器"),
    ("电池行业龙头年报点评:盈利能力提升\n公司发布2023年年报,实现收入48.2亿元。", "未知"),
    ("锦瑞能源：2023年报点评\n公司发布2023年年报,实现收入48.2亿元。", "锦瑞能源"),
    ("锦瑞能源｜2024Q1点评\n公司发布2024年一季报,实现收入48.2亿元。", "锦瑞能源"),
    ("【锦瑞能源】2023年报点评：量利齐升\n公司发布2023年年报,实现收入48.2亿元。", "锦瑞能源"),
    ("【华泰电新】\n公司发布2023年年报,实现收入48.2亿元。", "未知"),
])
def test_a_notes_title_names_its_company_not_the_brokers_team(text, subject):
    """A broker's note title opens with its team's tag (【星光电新】), then the company and 点评 (set
    off by a colon or bar, or bracketed itself); a description (电池行业龙头) or a tag alone names no company."""
    [c] = _claims(text, "2024-05-06")
    assert c.subject == subject


def test_a_price_move_before_the_price():
    """股價今早曾升3.5%,高見28.5元: the day's price, its move the one said before it."""
    [p] = _claims("華遠地產（0123）股價今早曾升3.5%，高見28.5元。", "2024-03-15")
    assert (p.metric, p.value, p.change.kind, p.change.value) == ("股价", 28.5, "growth", pytest.approx(0.035))


def test_a_rate_named_in_brackets_before_its_value():
    """占常住人口比重(常住人口城镇化率)为69.43%: the rate the bracket names, apart from the head count."""
    text = "2023年华远省国民经济和社会发展统计公报\n年末城镇常住人口4521.7万人,占常住人口比重（常住人口城镇化率）为69.43%。"
    claims = sorted((round(c.value, 4), c.metric) for c in _claims(text, "2024-03-10"))
    assert claims == [(0.6943, "常住人口城镇化率"), (45_217_000, "城镇常住人口")]


def test_a_latin_measure_inside_a_metric_is_no_subject():
    """经调整EBITA为546亿元: the model may take EBITA for an organization; inside a metric of the
    lexicon it is the measure, and the figure is the reporting company's."""
    claims = _claims("星河集团公布第三季度业绩。本季度营收1614亿元,同比增长38%。经调整EBITA为546亿元,同比增长39%。",
                     "2020-02-13")
    assert {(c.subject, c.metric) for c in claims} == {("星河集团", "营收"), ("星河集团", "经调整EBITA")}


@pytest.mark.parametrize("text,metric", [
    ("华远材料(002999)点评\n研报预计公司2024年归母净利润为48.5亿元。", "预测归母净利润"),
    ("华远材料(002999)点评\n机构认为公司2024年出货量有望达到48GWh。", "预测出货量"),
    ("华远材料(002999)点评\n此前公司预告2023年归母净利润为40亿元。", "预告归母净利润"),
    ("华远材料(002999)点评\n我们预计2025年公司归母净利润为52亿元。", "预测归母净利润"),
])
def test_who_speaks_before_the_company_is_no_name(text, metric):
    """研报预计公司…, 机构认为公司…, 此前公司…: the speaker, its verb or an adverb glued before 公司
    make no name; the figure is the note's company's, and the speaker makes it a forecast."""
    [c] = _claims(text, "2024-03-16")
    assert (c.subject, c.metric) == ("华远材料", metric)


@pytest.mark.parametrize("text,subject", [
    ("三季度电话会要点\n11月20日,锦程科技召开第三季度财报电话会。三季度毛利率为13.1%。", "锦程科技"),
    ("电话会｜星途汽车三季度毛利率13.1%\n公司三季度营收为20亿元。", "星途汽车"),
    ("造车新势力星途汽车三季度营收20亿元\n三季度毛利率为13.1%。", "星途汽车"),
    ("手机厂商闪米科技发布三季报\n三季度营收为20亿元,毛利率为13.1%。", "闪米科技"),
])
def test_a_name_unknown_to_the_lexicon_stands_apart_from_what_is_glued_to_it(text, subject):
    """A company's name the lexicon does not know: the verb of its meeting after it (召开) is no
    part of it, nor a column's label before a bar (电话会｜) or an industry's label (造车新势力)."""
    claims = _claims(text, "2024-11-21")
    assert claims and {c.subject for c in claims} == {subject}


@pytest.mark.parametrize("sentence,day,move", [
    ("财报发布后,华远科技美股盘后涨近8%。", "2024-03-07", 0.08),
    ("截至发稿,华远科技港股收跌3.5%。", "2024-03-07", -0.035),
    ("华远科技股价昨日盘后涨近8%。", "2024-03-06", 0.08),
])
def test_a_move_of_the_shares_with_no_price_is_the_price_of_the_day(sentence, day, move):
    """美股盘后涨近8% after a quarter's results: the share price's move on the trading day (growth),
    not a yoy change of the reporting period."""
    claims = _claims("华远科技发布财报\n华远科技第四季度总营收为63.5亿元。" + sentence, "2024-03-07")
    [p] = [c for c in claims if c.unit == "percent"]
    assert (p.metric, p.period, p.change.kind, p.change.value) == ("股价", f"asof:{day}", "growth", pytest.approx(move))


def test_a_markets_data_keeps_a_vendor_to_its_own_measures():
    """In a tracker's data on a market, a vendor named in the sentence before owns its share in a
    new sentence, not the market's segment figures (折叠屏手机出货量, 5G手机占比); 其他厂商 is a
    group of its own."""
    text = ("星河咨询:一季度中国手机市场出货量同比增长6.5%\n星河咨询数据显示,2024年第一季度,中国智能手机市场出货量"
            "6926万台,同比增长6.5%。小米出货量940万台。市场份额为13.6%。折叠屏手机出货量185万台。5G手机占比为84.6%。"
            "其他厂商合计出货量696万台。")
    got = {c.value: (c.subject, c.metric) for c in _claims(text, "2024-04-28")}
    assert got[0.136] == ("小米", "市场份额")
    assert got[1_850_000][0] == got[0.846][0] == "中国"
    assert got[6_960_000] == ("其他厂商", "出货量")


@pytest.mark.parametrize("lead,subject", [
    ("根据星河咨询中国季度手机市场跟踪报告,2021年第二季度,中国智能手机市场出货量约7770万台,同比下降11.0%。", "中国"),
    ("据星河咨询统计,2021年第二季度中国智能手机市场出货量约7770万台,同比下降11.0%。", "中国"),
    ("据星河咨询最新报告,2021年第二季度全球智能手机出货量约7770万台,同比下降11.0%。", "全球"),
])
def test_a_trackers_source_lead_makes_a_market_piece(lead, subject):
    """A lead opening with where its data comes from (根据…跟踪报告, 据…统计) is a market's data
    piece: the market it names (中国; 全球 when it speaks of the world) owns the figures no vendor
    owns, not the vendor named most (here 小米), nor a place named further down."""
    text = ("星河咨询:第二季度手机市场出货量下降\n" + lead + "小米出货量1300万台,同比增长1.2%。"
            "小米市场份额16.7%。5G手机出货量为5800万台。在欧洲市场,小米份额为20%。")
    got = {c.value: c.subject for c in _claims(text, "2021-07-28")}
    assert got[77_700_000] == got[58_000_000] == subject
    assert got[13_000_000] == "小米"


def test_a_companys_own_data_lead_is_no_market_piece():
    """据财报数据,… opens a company's results, not a market's data piece."""
    claims = _claims("星河科技公布第三季度业绩\n据财报数据,星河科技第三季度营收为120亿元,同比增长8%。毛利率为20%。", "2021-11-25")
    assert {c.subject for c in claims} == {"星河科技"}


def test_a_latin_speakers_label_in_a_transcript_is_no_subject():
    """Louis：本季度研发费用… in a call's transcript: the speaker (a Latin name a model may take
    for an organization) is who talks; the figures and the guidance are the company's."""
    claims = _claims("星河汽车第三季度财报电话会议实录\n张三：这个季度我们交付了3268辆车。\nLouis：本季度研发费用为9.3亿元。"
                     "我们预计第四季度的收入在22亿元到28亿元之间。\nSteven Feng：本季度管理费用为9.4亿元。", "2018-11-07")
    got = {c.value: (c.subject, c.metric) for c in claims}
    assert got[930_000_000] == ("星河汽车", "研发费用")
    assert got[2_200_000_000] == ("星河汽车", "收入指引")
    assert got[940_000_000][0] == "星河汽车"


def test_a_close_said_after_the_days_low_keeps_no_change_of_it():
    """美股收盘报74.68美元,跌5.65%: the close and its move on the day; 盘中一度跌超12%,收报83.5港元:
    the day's low is a move of its own, not the close's."""
    claims = _claims("星河科技公布第三季度业绩\n星河科技收入为120亿元。\n星河科技美股收盘报74.68美元,跌5.65%。\n"
                     "星河科技港股盘中一度跌超12%,收报83.5港元。", "2021-11-25")
    got = {c.value: c for c in claims}
    assert (got[74.68].metric, got[74.68].period) == ("收盘价", "asof:2021-11-25")
    assert [(x.kind, x.value) for x in got[74.68].changes()] == [("growth", -0.0565)]
    assert got[83.5].metric == "收盘价" and got[83.5].change is None
    assert (got[-0.12].qualifier, [(x.kind, x.value) for x in got[-0.12].changes()]) == ("超", [("growth", -0.12)])


def test_users_transacting_over_a_year_are_counted_over_its_twelve_months():
    """截至9月30日,年度交易用户数…, 年度活跃商家数…: both counted over the twelve months to the day."""
    claims = _claims("星河点评公布第三季度业绩\n截至2023年9月30日,星河点评年度交易用户数达6.9亿,年度活跃商家数约930万家。", "2023-11-29")
    assert {c.period for c in claims} == {"2022-10/2023-09"}


@pytest.mark.parametrize("text,published,periods", [
    ("星河汽车2022年第四季度电话会纪要\n第四季度交付46319辆。1月和2月,我们交付量分别为15141辆和16620辆。", "2023-02-28",
     {46319: "2022Q4", 15141: "2023-01", 16620: "2023-02"}),
    ("星河汽车2024年业绩电话会\n2024年全年交付293724辆。3月份预计交付3.5万辆左右。", "2025-03-12",
     {293724: "2024", 35000: "2025-03"}),
    ("星河汽车2022年第四季度电话会纪要\n第四季度交付46319辆,其中12月交付2万辆。", "2023-02-28",
     {46319: "2022Q4", 20000: "2022-12"}),
])
def test_a_month_said_after_a_year_end_report_is_of_the_next_year(text, published, periods):
    """A month named without its year after the fourth quarter's results (1月和2月…), or one to come
    after the year's (3月份预计…), is of the year after; a month of the quarter stays in it."""
    assert {c.value: c.period for c in _claims(text, published)} == periods


def test_a_bracketed_dateline_is_no_entity_and_the_source_lead_after_it_still_counts():
    """【北京,2024年1月11日】根据星河咨询最新数据,…: where the release was filed is no market; the
    lead after the dateline makes the piece a market's data, here the world's."""
    text = ("星河咨询:2023年第四季度全球PC出货量同比增长3%\n【北京,2024年1月11日】根据星河咨询最新数据,2023年第四季度"
            "全球PC出货量为6530万台,同比增长3%。其中笔记本电脑出货量为5220万台。联想出货量为1590万台。")
    got = {c.value: c.subject for c in _claims(text, "2024-01-11")}
    assert got[65_300_000] == got[52_200_000] == "全球" and got[15_900_000] == "联想"


@pytest.mark.parametrize("text", [
    "星河咨询:PC市场回暖\n2023年第四季度,全球PC出货量为6530万台。联想出货量为1590万台。",
    "联想公布第三财季业绩\n联想集团第三财季收入为1570亿元。2023年第四季度,全球PC出货量为6530万台。联想出货量为1590万台。",
])
def test_a_world_markets_measure_is_the_worlds(text):
    """全球PC出货量 that no name in its clause owns: the world market's, in a tracker's piece and in a
    company's alike; a vendor's figure stays its own."""
    got = {c.value: c.subject for c in _claims(text, "2024-01-11")}
    assert got[65_300_000] == "全球" and got[15_900_000] == "联想"


def test_a_quarter_to_come_after_a_quarter_ends_stock_is_next_years():
    """本季度末现金…。我们预计一季度毛利率会维持在19%到20%之间 after the fourth quarter's results: the
    coming first quarter's guidance (a stock at the quarter's end carried is of that quarter)."""
    claims = _claims("星河汽车2024年第四季度业绩电话会\n第四季度交付5.5万辆。本季度末现金及现金等价物为53亿元。"
                     "我们预计一季度毛利率会维持在19%到20%之间。", "2025-03-12")
    [margin] = [c for c in claims if c.value == 0.19]
    assert (margin.metric, margin.period, margin.upper) == ("毛利率指引", "2025Q1", 0.2)


def test_a_calls_answers_sites_and_targets():
    """答(张三):… names who answers, 上海超级工厂… where a plant is: neither is what the figures are
    of; a target named after its figure (…的交付目标) is a target."""
    claims = _claims("星河汽车第三季度电话会议实录\n答(张三):今年第三季度我们交付了4万辆。\n"
                     "上海超级工厂的建设进度超出预期,本季度周产能为3000辆。\n"
                     "我们维持全年23万辆的交付目标。", "2023-10-20")
    got = {c.value: (c.subject, c.metric) for c in claims}
    assert got[40000][0] == got[3000][0] == "星河汽车"
    assert got[230000] == ("星河汽车", "交付量目标")


def test_a_final_dividend_in_a_fourth_quarters_results_is_the_years():
    """建议派发末期股息每股3.40港元 in the results of a fourth quarter and the year: the year's payout."""
    claims = _claims("星河科技发布2023年第四季度及全年业绩\n星河科技第四季度收入为1552亿元。"
                     "董事会建议派发末期股息每股3.40港元。", "2024-03-21")
    got = {c.value: (c.metric, c.period) for c in claims}
    assert got[155_200_000_000][1] == "2023Q4" and got[3.4] == ("每股末期股息", "2023")


def test_a_market_part_goes_on_and_a_markets_forecast_is_an_estimate():
    """线下市场零售量…,零售额…: the sentence goes on about the offline market; a forecast of a market's
    figure (星河咨询预计…零售量将为…) is an estimate (预测), never guidance: a market gives none."""
    text = ("星河咨询:上半年彩电市场\n星河咨询数据显示,2024年上半年,中国彩电市场零售量为1500万台。"
            "线下市场零售量为496万台,同比下降2.8%,零售额为280亿元,同比下降4.6%。"
            "星河咨询预计,2024年中国彩电市场零售量将为3380万台。")
    got = {c.value: (c.subject, c.metric) for c in _claims(text, "2024-07-18")}
    assert got[28_000_000_000] == ("中国", "线下市场零售额")
    assert got[33_800_000][1].startswith("预测")


def test_a_year_with_a_circle_for_zero_is_read():
    """截至二○二○年六月三十日止六个月 (○ for zero, as Hong Kong papers write it): the first half of 2020."""
    [c] = _claims("星河航空中期业绩\n星河航空公布截至二○二○年六月三十日止六个月业绩,股东应占亏损为98.68亿港元。", "2020-08-13")
    assert (c.value, c.period) == (9_868_000_000, "2020H1")


@pytest.mark.parametrize("lead", ["（香港九月七日讯）", "〔香港01〕", "【香港01】"])
def test_a_dateline_or_an_outlets_tag_is_no_entity_nor_figure(lead):
    """（香港九月七日讯）, 〔香港01〕: where the story was filed and who filed it; no subject, no claim."""
    claims = _claims("星河置业全年业绩\n" + lead + "星河置业公布全年业绩,股东应占溢利为268.22亿港元,按年下跌4%。", "2023-09-08")
    assert [(c.subject, c.value) for c in claims] == [("星河置业", 26_822_000_000)]


def test_last_quarter_said_short_is_a_prior_value_in_passing():
    """…净亏损收窄至41.1亿元,上季净亏损为27.6亿元: the quarter before; 毛利率为13.3%,上季为13%;汽车毛利率则为16.4%:
    the aside does not date the clause after it."""
    claims = _claims("星河汽车第三季度业绩\n星河汽车公布第三季业绩,净亏损收窄至41.1亿元,上季净亏损为27.6亿元。"
                     "毛利率为13.3%,上季为13%;汽车毛利率则为16.4%。", "2022-11-11")
    got = {c.value: c.period for c in claims}
    assert (got[4_110_000_000], got[2_760_000_000], got[0.13], got[0.164]) == ("2022Q3", "2022Q2", "2022Q2", "2022Q3")


def test_a_places_business_heading_is_a_part_of_the_company():
    """香港业务方面,营运盈利为…: the company's figure, the place's business in the metric."""
    claims = _claims("星河置业全年业绩\n星河置业公布全年业绩,股东应占溢利为268.22亿港元。香港业务方面,营运盈利为81.36亿港元。", "2023-09-08")
    got = {c.value: (c.subject, c.metric) for c in claims}
    assert got[8_136_000_000] == ("星河置业", "香港业务营运盈利")


def test_a_business_group_of_the_company_is_a_part_of_it_whatever_the_measure():
    """本地生活集团收入为159亿元,订单量同比增长20% in 阿里巴巴's results: both figures are 阿里巴巴's,
    the group in the metric (the lexicon knows the group as 阿里巴巴's)."""
    claims = _claims("阿里巴巴12月季度业绩\n本季度阿里巴巴收入为2603亿元。本地生活集团收入为159亿元,订单量同比增长20%。", "2024-02-08")
    got = {c.value: (c.subject, c.metric) for c in claims}
    assert got[15_900_000_000] == ("阿里巴巴", "本地生活集团收入")
    assert got[0.2] == ("阿里巴巴", "本地生活集团订单量")


def test_an_example_of_a_kind_of_business_is_part_of_the_metric():
    """智能电动汽车等创新业务收入为97亿元: the company's, the whole phrase its metric."""
    claims = _claims("小米集团第三季度业绩\n小米集团第三季度总收入为925亿元。智能电动汽车等创新业务收入为97亿元。", "2024-11-19")
    got = {c.value: (c.subject, c.metric) for c in claims}
    assert got[9_700_000_000] == ("小米", "智能电动汽车等创新业务收入")


def test_the_fiscal_year_before_is_the_one_before_the_quarter_in_context():
    """上一财年全年收入… after a December quarter of a year ending in March: April to March a year earlier."""
    claims = _claims("阿里巴巴公布2020财年第三季度业绩\n阿里巴巴集团公布截至2019年12月31日止季度业绩,收入为1614.56亿元。"
                     "上一财年全年收入为3768亿元。", "2020-02-13")
    assert {c.value: c.period for c in claims} == {161_456_000_000: "2019Q4", 376_800_000_000: "2018-04/2019-03"}


def test_a_fiscal_years_results_frame_their_whole_year_and_its_end():
    """金福珠宝全年业绩 over 公布截至2025年3月31日止年度业绩: the lead's fiscal year frames the piece (the
    title's bare 全年业绩 gives way); 全年派息 is of that year, 截至3月底 its end."""
    claims = _claims("星河珠宝全年业绩\n星河珠宝公布截至2025年3月31日止年度业绩,收益为400亿港元。全年派息合共每股0.74港元。"
                     "截至3月底,集团零售点总数为6644个。", "2025-06-12")
    got = {c.value: c.period for c in claims}
    assert got == {40_000_000_000: "2024-04/2025-03", 0.74: "2024-04/2025-03", 6644: "asof:2025-03"}


def test_last_year_in_a_fiscal_years_results_is_the_fiscal_year_before():
    """截至2023年6月30日止年度: 较上年度的279.5亿港元 and 去年同期为24.3% are of July 2021 to June 2022;
    a quarter named in the sentence keeps its own 去年同期."""
    claims = _claims("星河地产全年业绩\n星河地产公布截至2023年6月30日止年度业绩,股东应占基础溢利为268.22亿港元,较上年度的279.5亿港元下跌4%。"
                     "毛利率为29.5%,去年同期为24.3%。第四季度收入为100亿港元,去年同期为90亿港元。", "2023-09-08")
    got = {c.value: c.period for c in claims}
    assert got[27_950_000_000] == got[0.243] == "2021-07/2022-06"
    assert got[26_822_000_000] == got[0.295] == "2022-07/2023-06"
    assert got[9_000_000_000] == "2021Q4"


def test_a_share_paragraph_dates_its_turnover_and_moves_since_january():
    """昨日收报377.6港元,升0.96%,成交额约112亿港元;今年以来累计上升约30%: the turnover is of the day the
    price is; the move since January is the share price's (growth), no change of the close nor a turnover."""
    claims = _claims("星河科技中期业绩\n星河科技股价昨日收报377.6港元,升0.96%,成交额约112亿港元;今年以来累计上升约30%。"
                     "星河科技今日收报12港元,年内累跌43%。", "2024-08-15")
    got = {c.value: c for c in claims}
    assert got[11_200_000_000].period == got[377.6].period == "asof:2024-08-14"
    assert (got[0.3].metric, [(x.kind, x.value) for x in got[0.3].changes()]) == ("股价", [("growth", 0.3)])
    assert got[12].change is None and got[-0.43].metric == "股价"


@pytest.mark.parametrize("title", ["2024年上半年山东统计公报", "山东:上半年地区生产总值增长5.8%"])
def test_a_place_named_in_the_title_reports_when_no_company_is(title):
    """山东统计公报 (a model may glue the place to its statistics) and 山东:… with no company in the
    lead: the place's figures."""
    claims = _claims(title + "\n上半年,全省地区生产总值46721.4亿元,增长5.8%。", "2024-07-19")
    assert [(c.subject, c.value) for c in claims] == [("山东", 4_672_140_000_000)]


def test_a_markets_segment_is_no_name():
    """本土市场游戏收入…,国际市场游戏收入…: segments of the company's games, not names a model may guess."""
    claims = _claims("腾讯二季度收入1611亿元\n本土市场游戏收入为346亿元,同比增长9%,国际市场游戏收入为139亿元,同比增长9%。", "2023-08-17")
    got = {c.value: (c.subject, c.metric) for c in claims}
    assert got[34_600_000_000] == ("腾讯", "本土市场游戏收入") and got[13_900_000_000] == ("腾讯", "国际市场游戏收入")


def test_a_region_of_a_companys_stores_is_a_part_of_it():
    """其中中国内地门店2800家,海外门店200家 in a chain's results: the company's stores, the region in
    the metric; stores opened and closed in the year are flows."""
    claims = _claims("星河茶饮公布2023年业绩\n截至2023年12月31日,星河茶饮门店总数达3000家,其中中国内地门店2800家,"
                     "海外门店200家。年内新开门店300家,关闭门店50家。", "2024-03-27")
    got = {c.value: (c.subject, c.metric, c.period) for c in claims}
    assert got[2800] == ("星河茶饮", "中国内地门店", "asof:2023-12") and got[200] == ("星河茶饮", "海外门店", "asof:2023-12")
    assert got[300][2] == got[50][2] == "2023"


def test_a_ratio_to_another_period_is_the_current_periods_figure():
    """同店销售额为去年同期的101%, 客流恢复至2019年同期的85%: the base is the period compared with, the
    ratio is of the quarter reported."""
    claims = _claims("星河餐饮三季度业绩\n星河餐饮三季度总收入30.7亿美元。同店销售额为去年同期的101%,客流恢复至2019年同期的85%。",
                     "2024-11-06")
    got = {c.value: c.period for c in claims}
    assert got[1.01] == got[0.85] == "2024Q3"


def test_a_change_named_after_its_rate():
    """按年录得10%-20%增长, 实现15%的同比增长, 录得5%下降: the rate is the change the words after it name."""
    claims = _claims("星河运动中期业绩\n星河运动发布中期业绩,收益65.7亿元。线下零售流水按年录得10%-20%低段增长。"
                     "电商流水录得5%下降。公司营收实现15%的同比增长。", "2024-08-13")
    got = {c.value: [(x.kind, x.value) for x in c.changes()] for c in claims}
    assert got[0.1] == [("yoy", 0.1)] and got[-0.05] == [("yoy", -0.05)] and got[0.15] == [("yoy", 0.15)]


def test_the_day_a_report_came_out_is_not_the_period_of_its_data():
    """8月15日,X发布报告称,2024年第二季度…: the day opens the lead, the quarter is the data's."""
    doc = extract_text("星河份额超四成\n8月15日,Lumen Research发布报告称,2024年第二季度中国折叠屏手机销量达到257万台。",
                       doc_id="p", published="2024-08-15")[0]
    assert doc.frame.period == "2024Q2" and [c.period for c in doc.claims if c.value == 2_570_000] == ["2024Q2"]


def test_a_regions_listed_in_a_national_release_share_the_last_ones_measure():
    """东部、中部和东北地区电信业务收入分别为… in a ministry's release: the country's figures, each
    region with the whole measure (东部地区电信业务收入); 电信 is the industry, no company."""
    claims = _claims("通信业经济运行情况\n1-2月份,全国电信业务收入2842亿元,同比增长3.4%。1-2月份,东部、中部和东北地区"
                     "电信业务收入分别为1457亿元、527亿元和150亿元。", "2024-03-20")
    got = {c.value: (c.subject, c.metric) for c in claims}
    assert got[284_200_000_000] == ("中国", "电信业务收入")
    assert got[145_700_000_000] == ("中国", "东部地区电信业务收入") and got[52_700_000_000] == ("中国", "中部地区电信业务收入")


def test_a_release_naming_no_place_gives_the_countrys_statistics():
    """通信业经济运行情况 with no place named, and 国家邮政局今天发布…运行情况 after a paper's dateline
    (本报北京11月14日讯): the country's figures; the dateline is neither subject nor metric; 前10月
    is the months from January."""
    claims = _claims("2024年1-2月份通信业经济运行情况\n1-2月份,电信业务收入累计完成2842亿元,同比增长3.4%。", "2024-03-20")
    assert [(c.subject, c.metric) for c in claims] == [("中国", "电信业务收入")]
    claims = _claims("快递业务量快速增长\n\n本报北京11月14日讯(记者 王明)国家邮政局今天发布10月邮政行业运行情况。"
                     "今年前10月,快递业务量累计完成1432.8亿件。", "2024-11-14")
    assert [(c.subject, c.metric, c.period) for c in claims] == [("中国", "快递业务量", "2024-01/2024-10")]


def test_a_fiscal_quarter_named_without_its_year_counts_from_the_one_reported():
    """A fiscal third quarter to December (a fiscal year ending in March): the outlook for 第四财季 or
    下一财季 is the calendar quarter after it."""
    for said in ("第四财季", "下一财季"):
        claims = _claims("星河旅行发布财报\n星河旅行今日发布截至2023年12月31日的2024财年第三季度财报。该季度净营收为12.45亿美元。"
                         f"公司预计{said}净营收为12.8亿美元至13.2亿美元。", "2024-01-24")
        got = {c.value: (c.metric, c.period) for c in claims}
        assert got[1_245_000_000][1] == "2023Q4" and got[1_280_000_000] == ("净营收指引", "2024Q1"), said


@pytest.mark.parametrize("text,subject", [
    ("三季报\n东方财富(300059.SZ)前三季度实现营业总收入80.5亿元。", "东方财富"),  # an outlet's name, with its code: the company
    ("业绩快讯\n星河网(XHW.O)今日发布一季度业绩,净营收为10亿元。", "星河网"),  # a Latin ticker
    ("业绩\n(香港26日讯)星河银行公布全年业绩,股东应占溢利为154.7亿港元。", "星河银行"),  # a dateline of the day only
])
def test_the_company_a_lead_names_with_its_code_reports(text, subject):
    claims = _claims(text, "2024-10-31")
    assert [c.subject for c in claims] == [subject]


@pytest.mark.parametrize("declared", ["单位:人民币百万元", "主要财务指标(人民币百万元,百分比除外)", "(以人民币百万元计,每股数据除外)"])
def test_a_declared_scale_and_a_change_column_of_flattened_rows(declared):
    """Rows under a declaration of their unit (单位:人民币百万元): the amounts in that scale, not the
    per-share ones nor the declaration itself; a 变动 column is the change of the row's current figure;
    a year before a cell is that cell's period."""
    claims = _claims(f"星河银行公布2023年全年业绩\n{declared}\n营业收入 38,652;上年同期 37,104;变动 4.2%\n"
                     "每股基本盈利(人民币元) 1.26;上年同期 1.10\n净利润:2023年 9,500;2022年 9,000", "2024-03-28")
    got = {(c.metric, c.period): (c.value, [(x.kind, x.value) for x in c.changes()]) for c in claims}
    assert got[("营业收入", "2023")] == (38_652_000_000, [("yoy", 0.042)]) and got[("营业收入", "2022")][0] == 37_104_000_000
    assert got[("每股基本盈利", "2023")][0] == 1.26 and got[("净利润", "2022")][0] == 9_000_000_000
    assert len(claims) == 6


def test_the_companys_short_name_and_an_aspect_heading_are_no_part_of_a_metric():
    """星河科技's 星河总收入 is its 总收入; 流量方面 and 运营方面 head aspects, not parts (平均日活跃用户, 电商GMV);
    the name as it is may open a segment's metric (京东零售收入)."""
    claims = _claims("星河科技发布业绩\n星河科技昨日公布2023年第四季度业绩。第四季度,星河总收入同比增长14.7%至人民币339亿元。"
                     "流量方面,平均日活跃用户达3.83亿。运营方面,电商GMV为4000亿元。", "2024-03-20")
    assert [c.metric for c in claims] == ["总收入", "平均日活跃用户", "电商GMV"]
    assert [c.metric for c in _claims("京东业绩\n京东公布2023年业绩,京东零售收入为2000亿元。", "2024-03-20")] == ["京东零售收入"]


def test_a_total_since_a_launch_is_a_stock_to_date():
    """自2023年12月上市以来,累计交付已突破10万辆: where the count starts, not its period; the total to date."""
    claims = _claims("星河M9累计交付突破10万辆\n星河汽车星河M9自2023年12月上市以来,累计交付已突破10万辆。", "2025-01-02")
    assert [(c.value, c.period) for c in claims] == [(100_000, "asof:2025-01")]


def test_a_kind_after_a_breakdowns_heading_is_measured_as_the_whole():
    """…发电量3012.5亿千瓦时。分品种看,火电2104.3亿千瓦时: 火电发电量."""
    claims = _claims("发电量增长\n上半年,全国规模以上工业发电量3012.5亿千瓦时,同比增长9.2%。分品种看,火电2104.3亿千瓦时,增长5.1%;"
                     "水电500亿千瓦时,下降3%。", "2024-07-25")
    assert [c.metric for c in claims] == ["规模以上工业发电量", "火电发电量", "水电发电量"]


def test_an_estimate_of_a_quarter_to_come_is_a_forecast_of_this_year():
    """预估 looks ahead like 预计; 法人预估, (no comparison before the comma) leads an outlook."""
    text = "晶鑫电子第一季营收\n晶鑫电子第一季营收为131亿元。晶鑫电子预估第二季营收季增13%至18%。法人预估,晶鑫电子第二季营收为150亿元。\n"
    got = {(c.metric, c.period, c.value) for c in _claims(text, "2024-04-08")}
    assert ("营收", "2024Q1", 13_100_000_000) in got
    assert ("营收指引", "2024Q2", 0.13) in got
    assert ("预测营收", "2024Q2", 15_000_000_000) in got


@pytest.mark.parametrize("text,base", [
    ("华远地产9月销售\n2024年9月,华远地产实现合同销售金额186.3亿元。去年同期,华远地产合同销售金额为283.6亿元。\n", "2023-09"),
    ("华远地产销售\n2024年1-10月,华远地产实现合同销售金额1863亿元。去年同期,华远地产合同销售金额为2836亿元。\n", "2023-01/2023-10"),
])
def test_the_same_period_a_year_earlier_opening_a_sentence_is_the_months_before(text, base):
    got = {c.period for c in _claims(text, "2024-11-07")}
    assert base in got and str(int(base[:4])) not in got


def test_the_month_after_months_to_date_is_their_last():
    """2024年1-10月…。…当月新增…: 当月 is October, not the month of publication."""
    text = "华远地产1-10月销售\n2024年1-10月,华远地产累计实现合同销售金额约1523.4亿元。此外,华远地产当月新增权益土地款约12.4亿元。\n"
    got = {(c.metric, c.period) for c in _claims(text, "2024-11-07")}
    assert ("合同销售金额", "2024-01/2024-10") in got
    assert any(p == "2024-10" for m, p in got if m != "合同销售金额"), got


def test_the_year_before_in_a_years_results_is_the_year_before_the_one_reported():
    """A 2023 results piece out in 2024: 上年 is 2022 (去年 would be 2023, the year before publication's)."""
    got = {c.value: c.period for c in _claims("星河影业年度业绩\n星河影业今日公布2023年度业绩。\n毛利率由上年的25.1%提升至31.6%。\n", "2024-03-26")}
    assert got == {0.251: "2022", 0.316: "2023"}


def test_backlogs_and_totals_are_stocks_but_orders_taken_are_a_flow():
    got = {c.metric: c.period for c in _claims(
        "星河生物中期业绩\n星河生物公布2024年中期业绩。期内收入89.8亿元,未完成订单总额约为201亿美元,管线项目总数742个,"
        "研发人员5493人。订单总数为1.83亿。\n", "2024-08-21")}
    assert got["收入"] == "2024H1" and got["订单总数"] == "2024H1"
    assert got["未完成订单总额"] == got["管线项目总数"] == got["研发人员"] == "asof:2024-06", got


def test_a_platforms_festival_is_the_platforms():
    """天猫双11: the platform's festival; the figures are the platform's, not the festival's."""
    got = [(c.subject, c.metric) for c in _claims("双11战报\n今年天猫双11,参与商家数量达到56万家,同比增长20%。\n", "2024-11-12")]
    assert got == [("天猫", "参与商家数量")]


def test_a_forecaster_of_a_national_figure_is_not_its_subject():
    got = {(c.subject, c.period) for c in _claims(
        "国家统计局:4月工业数据\n4月份,全国规模以上工业增加值同比增长6.7%。华远证券预计,5月规模以上工业增加值同比增长5.8%。\n",
        "2024-05-20")}
    assert got == {("中国", "2024-04"), ("中国", "2024-05")}, got


def test_hong_kongs_own_figures_in_bare_yuan_are_hong_kong_dollars():
    """政府統計處: the place's own data; its 元 are Hong Kong dollars, a month in Chinese numerals and
    the estimate's word are no part of the metric. A company's figures keep their own currency."""
    got = [(c.subject, c.metric, c.unit, c.period) for c in _claims(
        "香港零售數據\n（香港六日電）政府統計處今日公布，三月份零售業總銷貨價值的臨時估計為322億元，按年下跌7.0%。\n", "2024-05-06")]
    assert got == [("香港", "零售业总销货价值", "HKD", "2024-03")]
    company = _claims("星河控股業績\n星河控股公布2023年度業績，收入為322億元。\n", "2024-03-06")
    assert [c.unit for c in company] == ["CNY"]


def test_items_after_other_than_a_part_are_compared_as_the_whole():
    """…环比上涨1.0%。其中,城市上涨1.0%;食品价格上涨3.3%: every change after 其中 with no comparison of
    its own is sequential like the whole's, not only the parts' (城市)."""
    got = {c.metric: c.change.kind for c in _claims(
        "2月CPI数据\n2月份,全国居民消费价格环比上涨1.0%。其中,城市上涨1.0%,农村上涨1.1%;食品价格上涨3.3%,非食品价格上涨0.5%。\n",
        "2024-03-09")}
    assert got["居民消费价格"] == got["城市居民消费价格"] == got["食品价格"] == got["非食品价格"] == "qoq", got


def test_a_titles_bare_quarter_is_the_fiscal_quarter_the_lead_names_in_full():
    """星河集团第三季度业绩 over a lead that names 2020财年第三季度(截至2019年12月31日止三个月): the
    title meant the fiscal quarter, the calendar 2019Q4, not the calendar third quarter."""
    claims = _claims("星河集团第三季度业绩\n星河集团公布2020财年第三季度(截至2019年12月31日止三个月)业绩。\n"
                     "收入为1614.56亿元,同比增长38%。\n", "2020-02-14")
    assert [(c.metric, c.period) for c in claims] == [("收入", "2019Q4")]
    plain = _claims("星河科技第三季度业绩\n星河科技公布2019年第三季度业绩,收入为16亿元。\n", "2020-02-14")
    assert [c.period for c in plain] == ["2019Q3"]


def test_the_same_quarter_a_year_earlier_than_a_fiscal_quarter():
    """2020财年第三季度 is 2019Q4; 上年同期 is 2018Q4 (not the fiscal year's year less one)."""
    got = [c.period for c in _claims("星河集团财报\n2020财年第三季度,星河集团云计算业务经调整EBITA亏损收窄至3.47亿元,上年同期为亏损7.47亿元。\n", "2020-02-14")]
    assert got == ["2019Q4", "2018Q4"]


def test_the_worlds_shipments_said_after_a_vendor_are_the_worlds():
    got = [(c.subject, c.metric) for c in _claims(
        "华远咨询:全球手机\n2024年第二季度,全球智能手机市场出货量达2.88亿部,同比增长12%。小米出货量达4220万部。"
        "环比来看,全球出货量较上一季度增长6%。\n", "2024-07-16")]
    assert got[-1] == ("全球", "全球出货量"), got


def test_a_trailing_twelve_months_window_governs_only_its_own_count():
    """截至…止的12个月 counts 年度活跃消费者 over a trailing year; the quarter's next figure is the
    quarter's, not that year's."""
    got = [(c.metric, c.period) for c in _claims(
        "星河集团季度业绩\n星河集团公布截至2019年12月31日止季度业绩。收入为161亿元,同比增长38%。"
        "截至2019年12月31日止的12个月,年度活跃消费者达到7.11亿。云计算收入为107亿元,同比增长62%。\n", "2020-02-14")]
    assert got == [("收入", "2019Q4"), ("年度活跃消费者", "2019-01/2019-12"), ("云计算收入", "2019Q4")], got


def test_a_quarter_by_its_number_alone_is_a_fiscal_year_companys_fiscal_quarter():
    """联想 (a year ending in March) publishing 第二季度业绩 in November means its fiscal second
    quarter, July to September; a company of calendar years keeps the calendar quarter."""
    got = [(c.metric, c.period) for c in _claims(
        "联想集团第二季度业绩\n联想集团公布第二季度业绩,收入为1000亿元,同比增长10%。第二季度净利润为35亿元。\n", "2024-11-08")]
    assert got == [("收入", "2024Q3"), ("净利润", "2024Q3")], got
    title = [c.period for c in _claims("联想Q2财报:营收1000亿元\n联想今日公布财报,营收为1000亿元。\n", "2024-11-08")]
    assert title == ["2024Q3"], title
    plain = [c.period for c in _claims("星河科技第二季度业绩\n星河科技公布第二季度业绩,收入为16亿元。\n", "2024-08-20")]
    assert plain == ["2024Q2"], plain


def test_a_trackers_report_said_in_the_lead_is_about_its_market():
    """华远咨询发布报告称, … 中国智能手机市场: the market's place is what the piece reports on, not
    the first vendor it ranks."""
    claims = _claims("华远咨询:中国智能手机市场\n华远咨询发布报告称,2021年第二季度中国智能手机市场出货量约7820万台,"
                     "同比下降11%。vivo以1860万台的出货量位居第一。在价格段方面,6000元以上机型占比约为72%。\n", "2021-07-28")
    assert [(c.subject, c.period) for c in claims] == [("中国", "2021Q2"), ("vivo", "2021Q2"), ("中国", "2021Q2")], claims


def test_the_one_thanked_in_a_call_is_no_subject():
    got = [c.subject for c in _claims("蔚来财报电话会议\n蔚来公司今日公布2018年第三季度财报。\n李斌:第三季度我们交付了3268辆ES8。\n"
                                      "谢东萤:谢谢李斌。截至9月30日,我们的现金及现金等价物为98.6亿元。\n", "2018-11-07")]
    assert got == ["蔚来", "蔚来"], got


def test_a_markets_measure_after_a_vendors_clause_is_the_markets():
    got = [(c.subject, c.metric) for c in _claims(
        "华远咨询:中国智能手机市场\n华远咨询发布报告称,2021年第二季度中国智能手机市场出货量约7820万台。"
        "vivo出货量1860万台,同比增长20.7%,折叠屏手机市场出货量同比增长超过200%。\n", "2021-07-28")]
    assert got[-1] == ("中国", "折叠屏手机市场出货量") and got[1] == ("vivo", "出货量"), got


def test_a_year_to_date_named_with_its_year():
    got = [(c.metric, c.period) for c in _claims("星河体育年报点评\n星河体育发布2021年年报。2022年初至今,星河体育流水增长25%。\n", "2022-03-20")]
    assert got == [("流水", "2022Q1")], got


def test_a_ticker_in_brackets_is_not_the_reporting_entity_as_written():
    claims = _claims("京东集团(NASDAQ:JD;HKEX:9618)发布2023年第四季度业绩。\n京东零售第四季度收入为2658亿元,同比增长1.8%。\n", "2024-03-06")
    assert [(c.subject_text, c.metric) for c in claims] == [("京东集团", "京东零售收入")], claims


@pytest.mark.parametrize("byline", ["財華社北京3月14日電 ", "(財華社香港)", "格隆匯3月14日丨"])
def test_a_wires_byline_is_neither_subject_nor_period(byline):
    got = [(c.subject, c.period) for c in _claims(f"安踏體育公布2023年業績\n{byline}安踏體育收入為623.56億元,按年增長16.2%。\n", "2024-03-14")]
    assert got == [("安踏", "2023")], got


def test_last_year_said_against_the_reported_years_figure_is_the_year_before():
    """In 2023's results published in 2024, 去年为X after 2023's figure, and 由去年的X…至Y, are 2022's;
    去年 alone, with no figure of its measure to be against, stays the year before publication's."""
    got = [(c.metric, c.value, c.period) for c in _claims(
        "星河服务公布2023年业绩\n星河服务公布2023年业绩。收缴率为87.5%,去年为89.4%。派息比率由去年的30%提高至40%。\n", "2024-03-26")]
    assert got == [("收缴率", 0.875, "2023"), ("收缴率", 0.894, "2022"), ("派息比率", 0.3, "2022"), ("派息比率", 0.4, "2023")], got
    alone = [c.period for c in _claims("星河服务公布2023年业绩\n星河服务公布2023年业绩。去年公司收入为100亿元。\n", "2024-03-26")]
    assert alone == ["2023"], alone


def test_a_bare_quarter_in_a_fiscal_years_results_is_its_fiscal_quarter():
    got = [c.period for c in _claims("阿里巴巴发布业绩\n阿里巴巴公布2024财年全年业绩。全年营收为9411.68亿元。"
                                     "第四季度营收为2218.74亿元,同比增长7%。2023年第四季度营收为2600亿元。\n", "2024-05-15")]
    assert got == ["2023-04/2024-03", "2024Q1", "2023Q4"], got


def test_a_move_after_the_shares_opened_is_the_share_prices():
    got = [(c.metric, c.period) for c in _claims("星河网络三季度财报\n三季度,星河网络净收入为273亿元。业绩公布后,"
                                                 "星河网络港股今早高开,曾升5.2%,收报161.4港元。\n", "2023-11-17")]
    assert got[1] == ("股价", "asof:2023-11-17"), got


def test_a_figure_said_done_after_an_outlook_is_a_result():
    got = [(c.metric, c.period) for c in _claims("星河汽车二季度业绩\n星河汽车公布二季度业绩。公司预计三季度交付量将在5.5万辆至5.8万辆之间,"
                                                 "8月已交付1.2万辆。\n", "2024-08-26")]
    assert got == [("交付量指引", "2024Q3"), ("交付量", "2024-08")], got


def test_a_numbered_list_marker_is_no_part_of_the_metric():
    got = [c.metric for c in _claims("星河汽车三季度业绩\n对于第四季度,星河汽车预计:\n1. 车辆交付量在16万至17万辆之间;\n"
                                     "2. 总收入在440亿元至468亿元之间。\n", "2024-10-31")]
    assert got and not any(m[0].isdigit() for m in got), got


@pytest.mark.parametrize("issuer", ["国家统计局湖北调查总队", "来源:国家统计局湖北调查总队"])
def test_a_survey_teams_figures_are_its_provinces(issuer):
    claims = _claims(f"10月份全省城镇调查失业率为4.9%\n{issuer}\n10月份,全省城镇调查失业率为4.9%,比上月下降0.1个百分点。\n"
                     "其中,武汉城镇调查失业率为5.0%,与上月持平。\n", "2024-11-20")
    assert claims[0].subject == "湖北", claims


def test_a_figure_beating_the_companys_guidance_names_that_guidance():
    got = [(c.subject, c.metric) for c in _claims("星河微博三季度财报\n第三季度,微博净营收为4.42亿美元,超出此前公司指引的4.30亿至4.40亿美元。"
                                                  "其中广告和营销营收为3.84亿美元。\n", "2023-11-08")]
    assert got == [("微博", "净营收"), ("微博", "净营收指引"), ("微博", "广告和营销营收")], got


def test_a_figure_stated_before_an_analysts_question_is_a_claim():
    """问(…分析师):市场此前预期毛利率为12%,公司怎么看? states the expectation before it asks; 能否达到12%? asks."""
    stated = [(c.subject, c.metric, c.value) for c in _claims(
        "星河汽车业绩\n问(华远证券分析师):市场此前预期三季度毛利率为12%,公司怎么看?\n", "2024-08-20")]
    assert stated == [("星河汽车", "市场此前预期毛利率", 0.12)], stated
    assert _claims("星河汽车业绩\n问:三季度毛利率能否达到12%?\n", "2024-08-20") == []


def test_a_brokers_target_price_is_of_the_company_named_before_it():
    got = [(c.subject, c.metric, c.value, c.period) for c in _claims(
        "拼多多三季度财报\n三季度,拼多多营收为688.4亿元。高盛将拼多多的目标价上调至170美元。\n", "2023-11-29")]
    assert got[1] == ("拼多多", "高盛目标价", 170, None), got


def test_the_companys_name_glued_to_a_brand_word_is_its_brand_in_the_metric():
    got = [(c.subject, c.metric) for c in _claims(
        "特步國際公布2023年業績\n截至2023年12月31日,特步主品牌共有6,340家門店;特步兒童有1,532家門店。"
        "李寧牌門店數量為6,245個。\n", "2024-03-14")]
    assert got[:2] == [("特步国际", "特步主品牌门店"), ("特步国际", "特步儿童门店")], got


def test_within_the_year_is_the_year_not_a_month_named_before():
    got = [(c.metric, c.period) for c in _claims("星河汽车中期业绩\n星河国际预计9月在欧洲开始交付,年内海外销量目标1万辆。\n", "2024-08-30")]
    assert got == [("海外销量目标", "2024")], got
    record = [c.period for c in _claims("版号观察\n7月共计105款游戏获批版号,创年内单月新高。其中,移动游戏99款。\n", "2024-07-23")]
    assert "2024" not in record, record


def test_a_rate_of_money_is_not_the_users_rate_it_ends_with():
    """净收入留存率 (net revenue retention, often above 100%) is no 用户留存率, a share of users at most 1."""
    got = [(c.metric, c.metric_key, c.value) for c in _claims("甲公司公布2024年第二季度业绩\n净收入留存率为118%,上一季度为115%。\n", "2024-08-21")]
    assert got == [("净收入留存率", None, 1.18), ("净收入留存率", None, 1.15)], got


def test_an_outlet_in_its_dateline_is_no_subject():
    got = [c.subject for c in _claims("一季度全球智能手机出货量\n快科技4月18日消息,据TechInsights数据显示,2024年一季度全球智能手机"
                                      "出货量为2.96亿部,同比增长7.8%。\n", "2024-04-18")]
    assert got == ["全球"], got


@pytest.mark.parametrize("line", ["信报 2024-11-22", "2024年11月22日 星期五"])
def test_a_date_line_under_the_title_is_no_period_of_the_data(line):
    got = [c.period for c in _claims(f"蔚来季度业绩\n{line}\n蔚来(09866)公布,第三季收入186.7亿元。\n季内净亏损50.6亿元。\n", "2024-11-22")]
    assert "2024-11" not in got, got


def test_a_target_price_after_the_rating_of_a_company_is_that_companys():
    got = [(c.subject, c.metric, c.value) for c in _claims("电动车股\n摩根大通维持吉利汽车「增持」评级,目标价由20港元上调至23港元。\n", "2024-08-21")]
    assert got[-1] == ("吉利汽车", "摩根大通目标价", 23), got


def test_a_broker_that_rates_with_no_company_named_rates_the_articles_company():
    """高盛维持买入评级,目标价…: the broker's rating and target price of the article's company (a Hong Kong
    listing: its price in bare 元 is in Hong Kong dollars)."""
    got = [(c.subject, c.metric, c.value, c.unit) for c in _claims(
        "星河保险中期业绩\n星河保险(02899)股价昨日收报33.1港元。花旗维持买入评级,目标价由44元上调至45.5元。\n", "2024-08-23")]
    assert got[-2:] == [("星河保险", "花旗目标价", 44, "HKD"), ("星河保险", "花旗目标价", 45.5, "HKD")], got


@pytest.mark.parametrize("said", ["同樣勝過市場預期的", "大致符合市場預期的", "略低於分析員預期的"])
def test_a_result_set_against_the_markets_expectation(said):
    """胜过/符合/低于 (with an adverb: 同样, 大致, 略) the expectation of 分析员 or the market: the
    figure after it is the market's expectation of the result's metric, not a metric of those words."""
    got = [(c.subject, c.metric) for c in _claims(f"星河控股公布全年業績\n星河控股股東應佔溢利118.6億元,{said}117億元。\n", "2024-03-01")]
    assert got == [("星河控股", "股东应占溢利"), ("星河控股", "市场预期股东应占溢利")], got


def test_an_exchange_that_announces_its_own_results_is_their_subject():
    got = [(c.subject, c.metric) for c in _claims("港交所業績\n港交所昨日公布全年業績,股東應佔溢利118.6億元。\n", "2024-03-01")]
    assert got == [("香港交易所", "股东应占溢利")], got
    listed = [c.subject for c in _claims("星河科技上市\n星河科技今日在港交所上市,募资10亿港元。\n", "2024-03-01")]
    assert listed == ["星河科技"], listed


def test_a_result_on_a_line_of_its_own_is_no_repeat_of_a_guidance_after_it():
    got = {(c.metric, c.value, c.period) for c in _claims("星河汽车三季报\n三季度营收:428.7亿元\n公司预计第四季度营收443亿元。\n", "2024-10-31")}
    assert ("营收", 42_870_000_000, "2024Q3") in got, got


def test_the_day_a_profit_alert_came_out_is_no_period():
    """8月5日晚间在港交所发布盈利预告: the day of the release; a profit alert in August is of the first half."""
    got = [(c.metric, c.period) for c in _claims("星河物业发布盈利预告\n星河物业服务集团有限公司8月5日晚间在港交所发布盈利预告。"
                                               "期内收入约为人民币58亿元。\n", "2024-08-06")]
    assert got == [("收入", "2024H1")], got


def test_a_prior_years_loss_in_passing_is_carried_to_no_later_sentence():
    got = [(c.metric, c.period) for c in _claims("星河科技公布年度业绩\n2023年,星河科技净亏损约为5.6亿元,2022年则为净亏损8.3亿元。"
                                               "经调整净亏损为3.1亿元。\n", "2024-03-28")]
    assert got == [("净亏损", "2023"), ("净亏损", "2022"), ("经调整净亏损", "2023")], got


def test_loans_facilitated_are_a_flow_not_a_balance():
    got = [(c.metric, c.period) for c in _claims("星河科技三季度业绩\n第三季度,平台促成借款规模为572亿元,同比下降4.5%。\n", "2023-11-21")]
    assert got == [("平台促成借款规模", "2023Q3")], got


def test_what_analysts_predicted_of_a_result_is_the_markets_expectation():
    got = [(c.metric, c.period) for c in _claims("星河科技发布财报\n分析师此前预计星河科技第三季度营收为331亿美元。\n", "2024-11-21")]
    assert got == [("市场预期营收", "2024Q3")], got


def test_the_home_markets_figures_are_the_countrys_and_a_papers_byline_is_no_subject():
    got = [(c.subject, c.period) for c in _claims("乘联会月报\n10月国内乘用车零售227.5万辆,同比增长11.3%。\n", "2024-11-08")]
    assert got == [("中国", "2024-10")], got
    got = [(c.subject, c.metric) for c in _claims("星河软件业绩\n（北京商报）星河软件第一季度收入同比增长16%至655.85亿元。\n", "2024-04-30")]
    assert got == [("星河软件", "收入")], got


def test_balance_sheet_ratios_are_at_the_periods_end():
    got = [(c.metric, c.period) for c in _claims("星河航运三季报\n星河航运集团股份有限公司2024年1-9月营业收入412.68亿元。"
                                               "资产负债率为52.3%,拨备覆盖率为245.6%。\n", "2024-10-30")]
    assert got == [("营业收入", "2024-01/2024-09"), ("资产负债率", "asof:2024-09"), ("拨备覆盖率", "asof:2024-09")], got


def test_a_headlines_parts_split_by_a_space_name_their_own_metrics():
    got = [(c.metric, c.value) for c in _claims("星河科技首季核心收入微增 智能云收入升6%\n星河科技公布第一季业绩,总收入315亿元。\n", "2024-05-17")]
    assert ("智能云收入", 0.06) in got, got


def test_registered_users_are_a_stock_and_new_ones_a_flow():
    got = [(c.metric, c.period) for c in _claims("星河消金公布业绩\n2023年,星河消金累计注册客户数突破9000万户。"
                                               "2023年第四季度,新增注册用户为300万。\n", "2024-03-13")]
    assert got == [("注册客户数", "asof:2023-12"), ("新增注册用户", "2023Q4")], got


def test_a_fiscal_year_ending_in_january_gives_its_quarters_months():
    """A company whose fiscal year ends in January (its calendar in ontology/frame.toml) names
    its quarters by the year they end in: 2025财年第三季度, reported in November 2024, is August to
    October 2024; its next quarter and the one before follow from it, not from the calendar."""
    text = ("英伟达第三财季营收增长94%\n英伟达周三公布2025财年第三季度财报。第三季度营收为351亿美元,同比增长94%。"
            "英伟达预计第四季度营收为375亿美元。上一季度营收为300亿美元。\n")
    got = [(c.metric, c.period) for c in _claims(text, "2024-11-21")]
    assert got == [("营收", "2024-08/2024-10"), ("营收指引", "2024-11/2025-01"), ("营收", "2024-05/2024-07")], got
    got = [(c.metric, c.period) for c in _claims("英伟达公布Q4财报\n英伟达公布第四季度财报,营收393亿美元。"
                                               "预计第一季度营收为430亿美元。\n", "2025-02-27")]
    assert got == [("营收", "2024-11/2025-01"), ("营收指引", "2025-02/2025-04")], got


def test_a_fiscal_quarter_to_a_day_early_in_a_month_ends_with_the_month_before():
    got = [(c.metric, c.period) for c in _claims("星河科技公布第四财季业绩\n星河科技公布截至2024年11月3日止第四财季业绩,"
                                               "营收140.5亿美元,同比增长51%。\n", "2024-12-13")]
    assert got == [("营收", "2024-08/2024-10")], got


def test_the_evening_of_a_release_is_no_part_of_the_companys_name():
    got = [(c.subject, c.metric, c.period) for c in _claims("华远股份半年报\n华远股份8月16日晚间发布半年度报告,"
                                                          "上半年营业收入为20.3亿元。\n", "2024-08-17")]
    assert got == [("华远股份", "营业收入", "2024H1")], got


def test_the_same_period_last_year_is_the_month_its_sentence_names_not_the_quarter_before():
    got = [(c.value, c.period) for c in _claims("星河机场3月数据\n一季度星河机场营收20亿元。3月,星河机场旅客吞吐量543.78万人次,"
                                              "上年同期为443.9万人次。\n", "2024-04-12")]
    assert got == [(2e9, "2024Q1"), (5437800, "2024-03"), (4439000, "2023-03")], got
    got = [(c.value, c.period) for c in _claims("星河银行一季度数据\n一季度星河银行营收20亿元。3月末,星河银行贷款余额为2万亿元,"
                                              "上年同期为1.8万亿元。\n", "2024-04-12")]
    assert got == [(2e9, "2024Q1"), (2e12, "asof:2024-03"), (1.8e12, "asof:2023-03")], got


def test_a_counted_group_of_companies_in_a_bulletin_stays_the_subject():
    """A bulletin's sectors are its country's figures (六大高耗能行业增加值: 中国's); a group of
    companies it names by their count (三家基础电信企业) is written as the text names it."""
    text = ("工信部发布1-2月通信业经济运行情况\n1-2月份,规模以上工业中,六大高耗能行业增加值增长3.4%。"
            "截至2月末,三家基础电信企业的移动电话用户总数达17.4亿户。\n")
    got = [(c.subject, c.metric) for c in _claims(text, "2024-03-20")]
    assert got == [("中国", "六大高耗能行业增加值"), ("三家基础电信企业", "移动电话用户总数")], got


def test_a_scale_in_dollars_declares_the_currency_too_and_holds_from_inside_its_sentence():
    got = [(c.metric, c.value, c.unit) for c in _claims("星河半导体三季度业绩\n星河半导体公布第三季度业绩。单位：百万美元\n"
                                                      "销售收入 2,171.2\n毛利 444.4\n", "2024-11-08")]
    assert got == [("销售收入", 2_171_200_000, "USD"), ("毛利", 444_400_000, "USD")], got
    got = [(c.metric, c.value, c.unit) for c in _claims("星河半导体三季度业绩\n星河半导体公布第三季度业绩,主要数据如下"
                                                      "（以百万美元计）：销售收入2,171.2；毛利444.4。\n", "2024-11-08")]
    assert got == [("销售收入", 2_171_200_000, "USD"), ("毛利", 444_400_000, "USD")], got


def test_insurers_subsidiaries_are_named_and_a_bare_same_period_is_the_current_one():
    """平安产险同期原保险保费收入为…: 同期 after a name, before its measure, is the period in context
    (no comparison); the big insurers' subsidiaries (太保寿险, 太保产险) are names of their own."""
    got = [(c.metric, c.period) for c in _claims("中国平安保费公告\n中国平安1-10月原保险保费收入为7280亿元,同比增长5.1%;"
                                               "平安产险同期原保险保费收入为2515.67亿元,同比增长3.8%。\n", "2024-11-15")]
    assert got == [("原保险保费收入", "2024-01/2024-10"), ("平安产险原保险保费收入", "2024-01/2024-10")], got
    got = [(c.subject, c.metric) for c in _claims("中国太保保费公告\n中国太保前三季度,太保寿险、太保产险分别实现原保费收入"
                                                "2018亿元、1508亿元。\n", "2024-10-31")]
    assert got == [("太保寿险", "原保费收入"), ("太保产险", "原保费收入")], got


def test_a_level_said_higher_than_last_years_is_the_base_and_its_change_the_currents():
    """营收为696亿元,高于去年同期的620亿元,同比增长12%: last year's level is the base of the change
    (as with 较去年同期的…), and its period is no period of the clauses after it."""
    got = [(c.value, c.period, [(ch.kind, ch.value) for ch in (c.change if isinstance(c.change, list) else [c.change] if c.change else [])])
           for c in _claims("星河科技公布第三季度财报\n星河科技第三季度营收为696.32亿元,高于去年同期的620.20亿元,同比增长12%;"
                            "净利润为241.08亿元。\n", "2024-11-01")]
    assert got == [(69_632_000_000, "2024Q3", [("yoy", 0.12)]), (62_020_000_000, "2023Q3", []), (24_108_000_000, "2024Q3", [])], got


def test_the_english_fiscal_shorthand_follows_the_companys_calendar():
    got = [(c.metric, c.period) for c in _claims("英伟达业绩\n英伟达公布FY25Q3业绩。营收为350.82亿美元,同比增长94%。\n", "2024-11-21")]
    assert got == [("营收", "2024-08/2024-10")], got


def test_a_country_describing_a_company_is_no_region_of_its_figure():
    got = [(c.subject, c.metric) for c in _claims("星河科技业绩\n美国芯片巨头星河科技第三季度营收351亿美元。\n", "2024-11-21")]
    assert got == [("星河科技", "营收")], got


def test_a_japanese_fiscal_year_is_named_by_the_year_it_starts_in():
    """索尼2024财年 is April 2024 to March 2025 (Japan names a fiscal year by its start), where
    阿里巴巴2024财年 is April 2023 to March 2024 (by its end)."""
    got = [(c.metric, c.period) for c in _claims("丰田财报\n丰田2023财年营业利润为5.35万亿日元,同比增长96.4%。"
                                               "丰田预计2024财年营业利润为4.3万亿日元。\n", "2024-05-08")]
    assert got == [("营业利润", "2023-04/2024-03"), ("营业利润指引", "2024-04/2025-03")], got
    got = [(c.metric, c.period) for c in _claims("索尼财报\n索尼发布2024财年第一季度财报,营业利润为3518亿日元。\n", "2024-08-07")]
    assert got == [("营业利润", "2024Q2")], got
    got = [(c.metric, c.period) for c in _claims("阿里巴巴财报\n阿里巴巴公布2024财年全年业绩,收入为9411.68亿元。\n", "2024-05-14")]
    assert got == [("收入", "2023-04/2024-03")], got


def test_a_growth_posted_as_a_year_on_year_or_positive_one_and_a_brands_figures_are_the_owners():
    """FILA品牌产品的零售金额录得20%-25%的正增长: a change of the retail value (not a share of
    正增长), and FILA, a brand 安踏 owns, is 安踏's segment in every figure, not only its money."""
    got = [(c.subject, c.metric, c.value, c.upper) for c in _claims("安踏公布一季度运营数据\nFILA品牌产品的零售金额录得20%-25%的正增长。\n", "2024-04-10")]
    assert got == [("安踏", "FILA品牌产品的零售金额", 0.2, 0.25)], got
    got = [(c.subject, c.metric) for c in _claims("安踏体育公布2023年业绩\n截至年末,FILA品牌门店数为2,062家。\n", "2024-03-20")]
    assert got == [("安踏", "FILA品牌门店数")], got
    got = [(c.metric, c.value) for c in _claims("星河体育公布一季度运营数据\n星河体育零售金额录得20%的同比增长。\n", "2024-04-10")]
    assert got == [("零售金额", 0.2)], got


def test_the_quarters_end_named_as_such_is_the_end_of_the_quarter_reported():
    got = [(c.metric, c.period) for c in _claims("星河视频2023年第四季度业绩\n截至季度末,星河视频正式会员数达2.4亿。\n", "2024-03-20")]
    assert got == [("正式会员数", "asof:2023-12")], got


def test_an_outlook_goes_on_into_the_next_sentence_and_its_base_is_a_result():
    """公司预计第四季度交付量…。总收入预计为…: a figure said to come, after an outlook of a later
    quarter and naming no period of its own, is that outlook's; the level it is compared with
    (较去年同期的…) is last year's result, no outlook; 公司预计 glued before a name is no name."""
    got = [(c.subject, c.metric, c.period) for c in _claims(
        "星河汽车公布2024年第三季度业绩\n对于2024年第四季度,公司预计汽车交付量将介于8.7万辆至9.1万辆之间。"
        "总收入预计介于人民币153亿元至165亿元之间,较去年同期的130亿元增长。季度毛利率将达到15%。\n", "2024-11-20")]
    assert got == [("星河汽车", "汽车交付量指引", "2024Q4"), ("星河汽车", "总收入指引", "2024Q4"),
                   ("星河汽车", "总收入", "2023Q4"), ("星河汽车", "季度毛利率指引", "2024Q4")], got
    got = [(c.metric, c.period) for c in _claims(
        "星河汽车公布2024年第三季度业绩\n星河汽车预计第四季度交付量为7.2万辆至7.5万辆,较2023年同期的5.0万辆增长约44%至50%。\n",
        "2024-11-20")]
    assert got == [("交付量指引", "2024Q4"), ("交付量", "2023Q4")], got


def test_a_byline_names_no_entity_and_macaus_bare_yuan_are_patacas():
    """中国证券报记者 李明 on its own line: who wrote the piece, no organization whose figures follow;
    澳门's own figures in bare 元 are in its currency, as 香港's are in HKD."""
    got = [c.subject for c in _claims("汽车销量\n华远证券报记者 李明\n5月,星河汽车销量2.4万辆,同比增长1.5%。\n", "2024-06-11")]
    assert got == ["星河汽车"], got
    got = [(c.subject, c.unit) for c in _claims("博彩\n澳門7月博彩毛收入185億元,按年升兩成。\n", "2024-08-01")]
    assert got == [("澳门", "other:澳门元")], got


def test_a_kind_of_area_heading_a_measure_is_the_places_figure():
    """广东…城镇新增就业110万人: a kind of area heading a measure (城镇) is part of the place's figure,
    in any piece about a place, not a subject of its own (nor one carried to the next sentence)."""
    got = [(c.subject, c.metric) for c in _claims("广东经济\n2023年广东地区生产总值13.5万亿元。城镇新增就业110万人。"
                                                  "城镇调查失业率为5.2%。\n", "2024-01-22")]
    assert got == [("广东", "地区生产总值"), ("广东", "城镇新增就业"), ("广东", "城镇调查失业率")], got


def test_a_month_in_the_year_in_context_that_would_come_after_publication_is_last_years():
    """2024年元旦档… then 12月31日跨年夜, said on January 2nd 2024: the December before, not one to come."""
    got = [c.period for c in _claims("元旦档\n星河影业数据显示,2024年元旦档总票房为15.3亿元。\n12月31日跨年夜,全国单日票房达6.2亿元。\n",
                                      "2024-01-02")]
    assert got == ["2024", "2023-12"], got


def test_in_a_bundle_each_item_is_its_own_companys():
    """海川重工公告,公司9月营业收入…: 公司 after a company's announcement is that company, not the
    piece's; a company heading an item in brackets (【比亚迪】4月交付…) is the item's, no outlet's tag."""
    got = [c.subject for c in _claims("快讯\n星河科技公告,公司9月营业收入18.7亿元。\n华远集团公告,公司9月营业收入53.2亿元。\n"
                                      "华远集团(600123):公司9月净利润3.2亿元。\n", "2024-10-09")]
    assert got == ["星河科技", "华远集团", "华远集团"], got
    got = [(c.subject, c.metric) for c in _claims("早报\n【比亚迪】4月交付新车31.3万辆。\n【蔚来】4月交付新车1.55万辆。\n", "2024-05-16")]
    assert got == [("比亚迪", "交付量"), ("蔚来", "交付量")], got


def test_targets_listed_after_a_colon_across_semicolons_are_each_a_target():
    """主要预期目标是:地区生产总值增长6%左右;地方一般公共预算收入增长6.5%以上: 预期目标 is a
    target (no one's forecast), and each item after the colon is one, across ; too."""
    got = [(c.metric, c.qualifier) for c in _claims("湖北报告\n2024年湖北主要预期目标是:地区生产总值增长6%左右;"
                                                    "地方一般公共预算收入增长6.5%以上;固定资产投资增长8%左右。\n", "2024-01-23")]
    assert got == [("地区生产总值目标", "左右"), ("地方一般公共预算收入目标", "以上"), ("固定资产投资目标", "左右")], got


def test_the_companys_own_officer_forecasting_gives_guidance_an_analyst_a_forecast():
    """星河汽车CEO李明预计…: the company's officer speaks for it, its guidance; an outside analyst's
    (华远证券分析师李明预计) is a forecast."""
    got = [(c.subject, c.metric) for c in _claims("星河汽车\n星河汽车CEO李明预计,2024年全年交付量为20万辆。\n", "2024-07-18")]
    assert got == [("星河汽车", "交付量指引")], got
    got = [(c.subject, c.metric) for c in _claims("星河汽车\n华远证券分析师李明预计,星河汽车2024年全年交付量为20万辆。\n", "2024-07-18")]
    assert got == [("星河汽车", "预测交付量")], got


def test_a_list_after_the_years_listed_before_ends_with_the_part_of_a_year():
    """2021年、2022年、2023年以及2024年前九个月,…分别实现营收…。同期,…净利润分别为…: the list goes
    on with the periods of the sentence before, the last the months reported so far."""
    got = [c.period for c in _claims("星河茶饮递表\n2021年、2022年、2023年以及2024年前九个月,星河茶饮分别实现营收43.8亿元、55.6亿元、"
                                     "76.8亿元及64.4亿元。同期,星河茶饮的净利润分别为-3.98亿元、3.90亿元、10.6亿元及11.0亿元。\n", "2025-01-02")]
    assert got == ["2021", "2022", "2023", "2024-01/2024-09"] * 2, got


def test_a_breakdown_paragraph_of_a_places_figures_keeps_the_period_it_breaks_down():
    """In a place's statistics, a paragraph opening a breakdown (分区域看, 按经营单位所在地分) goes on
    in the period of the paragraph before, not the piece's month; a company's goes back to its frame."""
    got = _claims("全国港口5月数据\n5月份,全国港口完成货物吞吐量15.2亿吨,同比增长3.5%。\n"
                  "1-5月,全国港口累计完成货物吞吐量70.6亿吨,同比增长4.2%。\n"
                  "分区域看,沿海港口完成货物吞吐量45.8亿吨,同比增长3.9%。", "2024-06-20")
    assert [(c.subject, c.metric, c.period) for c in got] == [
        ("中国", "港口货物吞吐量", "2024-05"), ("中国", "港口货物吞吐量", "2024-01/2024-05"),
        ("中国", "沿海港口货物吞吐量", "2024-01/2024-05")]
    got = _claims("星河科技发布2024年半年度报告\n星河科技上半年营业收入23.6亿元。\n"
                  "二季度单季,公司实现营收12.5亿元。\n分产品看,汽车零部件业务营收16.8亿元。", "2024-08-23")
    assert [c.period for c in got] == ["2024H1", "2024Q2", "2024H1"]


@pytest.mark.parametrize("text,published,period", [
    # a company whose fiscal calendar the ontology knows: its Nth fiscal quarter last ended by publication
    ("新东方公布第二财季业绩\n新东方第二财季净收入为10.3亿美元。", "2025-01-22", "2024-09/2024-11"),
    ("阿里巴巴公布第三财季业绩\n阿里巴巴第三财季营收为1614亿元。", "2020-02-14", "2019Q4"),
    # one it does not know: the day the quarter ends, before its fiscal year's name or in brackets after it
    ("星河教育公布截至2024年11月30日的2025财年第二财季业绩。星河教育第二财季净收入为10.3亿美元。", "2025-01-22", "2024-09/2024-11"),
    ("星河教育发布业绩\n2025财年第一财季(2024年6月1日至8月31日)业绩:星河教育第一财季净收入为14.3亿美元。", "2024-10-25", "2024-06/2024-08"),
    # a day early in a month ends a quarter of the month before (a year of 52 weeks)
    ("星河半导体公布截至2024年11月3日的2024财年第四财季业绩。第四财季营收为140.5亿美元。", "2024-12-13", "2024-08/2024-10"),
])
def test_a_fiscal_quarter_is_of_the_companys_fiscal_calendar(text, published, period):
    assert [c.period for c in _claims(text, published)] == [period]


def test_deferred_revenue_is_a_stock_and_a_closing_price_said_with_baoshou_is_of_the_day():
    got = _claims("星河教育发布2024年第三季度财报\n星河教育第三季度净收入为11.7亿元。公司递延收入为15.0亿元。"
                  "财报发布后,星河教育股价一度下跌7.6%,报收53.20美元。", "2024-11-26")
    assert [(c.metric, c.period) for c in got] == [
        ("净收入", "2024Q3"), ("递延收入", "asof:2024-09"), ("收盘价", "asof:2024-11-26")]
    assert got[2].change.kind == "growth" and got[2].change.value == pytest.approx(-0.076)


def test_a_name_opening_a_sentence_with_its_years_results_is_the_subject():
    """A company the lexicon does not know, opening a sentence with the year of its results and their
    measure (星河电器2023年归母净利润…), is the subject; its short name so found is the whole name's."""
    got = _claims("家电企业年报盘点\n小熊电器2023年归母净利润6.7亿元,同比增长12.8%。", "2024-05-06")
    assert [(c.subject, c.metric) for c in got] == [("小熊电器", "归母净利润")]
    got = _claims("晶芯电子公布业绩\n晶芯电子今日公布全年业绩。\n晶芯2023年全年营收为452.3亿元,同比下降11.6%。"
                  "税后纯益为63.8亿元。", "2024-01-20")
    assert [c.subject for c in got] == ["晶芯电子", "晶芯电子"]


def test_a_companys_short_name_is_the_company_and_a_rate_after_a_stock_is_of_the_year():
    """海川 of 海川电器 (a head the lexicon of heads knows) is the company even where a model took
    it for a person's name; a title's 年报 is no part of the name; a margin after a year-end
    head count is the year's, not the year-end's."""
    got = _claims("海川电器年报\n海川电器2023年实现营业收入1086.5亿元。截至2023年末,海川共有员工7.2万人。"
                  "海川毛利率为31.2%。", "2024-03-29")
    assert [(c.subject, c.metric, c.period) for c in got] == [
        ("海川电器", "营业收入", "2023"), ("海川电器", "员工", "asof:2023-12"), ("海川电器", "毛利率", "2023")]


def test_a_business_after_a_head_character_is_no_company():
    """液体乳业务 is 液体乳 + 业务: no company 液体乳业 takes the segments of the piece's company."""
    got = _claims("伊利股份2023年年报\n分业务看,液体乳业务收入855.95亿元,同比下降1.46%。", "2024-04-30")
    assert [(c.subject, c.metric) for c in got] == [("伊利股份", "液体乳业务收入")]


def test_a_ministry_publishing_or_speaking_gives_the_countrys_figures():
    """A state agency publishing national data, or one of its officials speaking (财政部国库司司长…介绍),
    is no subject: the figures are the country's."""
    got = _claims("发布会\n财政部国库司司长王明介绍,上半年,全国一般公共预算收入119203亿元,同比增长13.3%。"
                  "6月末,社会融资规模存量为365.45万亿元,同比增长9%。", "2022-07-20")
    assert [(c.subject, c.period) for c in got] == [("中国", "2022H1"), ("中国", "asof:2022-06")]
    got = _claims("金融数据\n中国人民银行发布数据显示,6月末,广义货币(M2)余额310.47万亿元,同比增长11.4%。", "2022-07-12")
    assert [c.subject for c in got] == ["中国"]


def test_a_part_of_this_year_in_the_lead_dates_the_piece():
    """今年上半年 and 今年前5个月 in the lead name the period, against the publication date, that the
    sentences after it go on in."""
    got = _claims("统计局发布会\n今年上半年,国内生产总值616836亿元,同比增长5.0%。\n社会消费品零售总额235969亿元,增长3.7%。",
                  "2024-07-15")
    assert [(c.period, c.change.kind) for c in got] == [("2024H1", "yoy"), ("2024H1", "yoy")]
    got = _claims("海关\n今年前5个月,我国进出口总值17.5万亿元,同比增长6.3%。\n出口10万亿元,增长6.1%。", "2024-06-07")
    assert [c.period for c in got] == ["2024-01/2024-05", "2024-01/2024-05"]


def test_a_bare_expectation_after_the_figure_is_the_markets():
    """营收689.3亿元,预期717亿元: an expectation in a clause of its own after a result is the market's."""
    got = _claims("星河科技Q3财报\n星河科技今日公布第三季度业绩。第三季度营收689.3亿元,预期717亿元;每股收益17.21元,预估18.59元。",
                  "2024-11-28")
    assert [(c.metric, c.value, c.period) for c in got] == [
        ("营收", 68_930_000_000, "2024Q3"), ("市场预期营收", 71_700_000_000, "2024Q3"),
        ("每股收益", 17.21, "2024Q3"), ("市场预期每股收益", 18.59, "2024Q3")]


def test_now_opening_a_clause_is_the_publication_month_not_the_year_told_before():
    """如今, after a story's years (2019年,…), and 增至目前的 date a stock at publication."""
    got = _claims("喜茶的十年\n2019年,喜茶门店数为390家。如今,喜茶门店数已超过3200家。", "2024-02-05")
    assert [(c.metric, c.period) for c in got] == [("门店数", "asof:2019-12"), ("门店数", "asof:2024-02")]
    got = _claims("喜茶的十年\n喜茶门店数从2019年的390家增至目前的3200家。", "2024-02-05")
    assert [(c.metric, c.period) for c in got] == [("门店数", "asof:2019-12"), ("门店数", "asof:2024-02")]


def test_a_rival_named_in_a_clause_of_its_own_is_the_subject_after_it():
    """反观X, and 而竞争对手X open a rival's figures: X is their subject, and no part of its name."""
    got = _claims("银行年报\n2023年华庆银行净利润1316亿元。反观星海银行,净利润只有862亿元。", "2024-05-02")
    assert [c.subject for c in got] == ["华庆银行", "星海银行"]
    got = _claims("银行年报\n2023年华庆银行净利润1316亿元。而竞争对手星海银行净利润只有862亿元。", "2024-05-02")
    assert [(c.subject, c.metric) for c in got] == [("华庆银行", "净利润"), ("星海银行", "净利润")]


def test_qizhong_items_take_what_the_figure_before_is_of():
    """其中,出口…;进口… after 服务贸易进出口总额 are the service trade's (not the place's 全省); 其中,9月份同比
    增长6.2% after a change of a measure with no level is that measure's."""
    got = _claims("发布会\n1—11月,我国服务贸易进出口总额59746.6亿元,同比增长9.2%。其中,出口24078.9亿元,下降5.6%;"
                  "进口35667.7亿元,增长21.8%。", "2023-12-19")
    assert [c.metric for c in got] == ["服务贸易进出口总额", "服务贸易出口", "服务贸易进口"]
    got = _claims("山东经济\n上半年,全省进出口总值1.62万亿元,增长4.9%。其中,出口9648.3亿元,增长4.0%。", "2024-07-20")
    assert [c.metric for c in got] == ["全省进出口总值", "出口"]
    got = _claims("工信部发布会\n前三季度,全国规模以上工业增加值同比增长4.7%。其中,9月份同比增长6.2%。", "2023-10-20")
    assert [(c.metric, c.period) for c in got] == [("规模以上工业增加值", "2023-01/2023-09"), ("规模以上工业增加值", "2023-09")]


def test_a_questions_number_opening_a_line_is_no_claim_and_no_quarter():
    """问题2:, 问3: and Q3: number the questions of a Q&A record: no count, and Q3: no third quarter;
    Q4单季营收 opening a line is still the fourth quarter."""
    got = _claims("恒通股份投资者关系活动记录表\n问题2:毛利率?\n答:上半年毛利率为21.4%。\nQ3:海外?\n答:公司上半年海外收入为5亿元。",
                  "2024-08-30")
    assert [(c.metric, c.value, c.period) for c in got] == [("毛利率", 0.214, "2024H1"), ("海外收入", 500_000_000, "2024H1")]
    got = _claims("星河汽车业绩点评\nQ4单季营收43.2亿元。", "2024-03-20")
    assert [c.period for c in got] == ["2023Q4"]


def test_a_hong_kong_operating_update_of_a_month_and_a_quarter():
    """截至…止月份 is that month; 月内 and 本季度 are no subject nor metric; 太字节 is a unit; member
    counts are stocks at the period's end; 净增加 moves the level as one verb."""
    got = _claims("星網電訊有限公司營運數據公告\n星網電訊有限公司董事會謹此公佈截至二零二四年十月三十一日止月份之營運數據。\n"
                  "月內數據總流量為128.5萬太字節,按年增長21.4%。", "2024-11-12")
    assert [(c.metric, c.unit, c.period) for c in got] == [("数据总流量", "other:TB", "2024-10")]
    got = _claims("彩匯科技第一季度業務更新\n彩匯科技謹此提供本集團截至二零二四年三月三十一日止三個月的業務更新。\n"
                  "本季度平台GMV達人民幣382.5億元。期內會員人數增至1,280萬名。期內,本集團門店總數淨增加36家至1,487家。", "2024-04-25")
    assert [(c.subject, c.metric, c.period) for c in got] == [
        ("彩汇科技", "平台GMV", "2024Q1"), ("彩汇科技", "会员人数", "asof:2024-03"), ("彩汇科技", "门店总数", "asof:2024-03")]
    assert got[2].change.kind == "abs" and got[2].change.value == 36


def test_a_reply_to_an_exchanges_letter_names_its_company_before_guanyu():
    """星河能源关于…问询函的回复: 关于 ends the name; the letter's 你公司 is no part of a metric."""
    got = _claims("星河能源关于2023年年报问询函的回复\n报告期内,你公司境外销售收入为13.72亿元。", "2024-05-22")
    assert [(c.subject, c.metric, c.period) for c in got] == [("星河能源", "境外销售收入", "2023")]


def test_a_name_right_after_the_year_opening_its_sentence_is_the_subject():
    """2023年,小马快送营收约42亿元: the name between the year and the measure is the company; a group
    (规模以上工业企业) or a place word (全市) is none."""
    got = _claims("外卖战争中的第三者\n2023年,小马快送营收约42亿元。", "2024-02-26")
    assert [(c.subject, c.metric) for c in got] == [("小马快送", "营收")]
    got = _claims("星河公司年报\n2023年全年,信达金科总营收125.1亿元。", "2024-03-20")
    assert [(c.subject, c.metric) for c in got] == [("信达金科", "总营收")]
    got = _claims("统计\n2023年,规模以上工业企业营业收入为42亿元。", "2024-02-26")
    assert [c.subject for c in got] != ["规模以上工业企业"]


def test_a_single_quarter_after_a_span_is_the_quarter_reported():
    """单季度 after the first three quarters (or the half) is the quarter the report ends with, not the
    span: a third-quarter report's 单季度 is Q3, a half-year report's Q2."""
    got = _claims("星河科技2024年三季报点评\n公司前三季度实现营收120亿元,同比增长15%。单季度营收45亿元,同比增长20%。",
                  "2024-10-28")
    assert [(c.metric, c.period) for c in got] == [("营收", "2024-01/2024-09"), ("营收", "2024Q3")]
    got = _claims("星河科技2024年中报点评\n公司上半年实现营收80亿元,同比增长15%。单季度来看,营收45亿元,同比增长20%。",
                  "2024-08-28")
    assert [(c.metric, c.period) for c in got] == [("营收", "2024H1"), ("营收", "2024Q2")]


def test_a_place_heading_a_retailers_sales_is_in_the_metric():
    """In a retailer's operating update, 香港零售值 and 内地同店销售 are the company's figures with the
    place in the metric, also after 其中; the place is no subject carried to the next item."""
    got = _claims("星河珠宝公布第三财季营运数据\n期内星河珠宝零售值按年增长12%。其中香港零售值按年增长8%,"
                  "内地零售值按年增长15%。香港同店销售按年下跌5%。", "2024-01-17")
    assert [(c.subject, c.metric) for c in got] == [
        ("星河珠宝", "零售值"), ("星河珠宝", "香港零售值"), ("星河珠宝", "内地零售值"), ("星河珠宝", "香港同店销售")]


def test_a_labels_unit_in_brackets_is_its_numbers_own():
    """合约销售面积(平方米):152,300 is 152,300 平方米 of 合约销售面积; 合约销售金额(人民币百万元):3,870 is
    3.87e9 CNY, and that unit declares no scale for the lines after it."""
    got = _claims("星河地产公布4月营运数据\n合约销售金额(人民币百万元):3,870\n合约销售面积(平方米):152,300\n"
                  "交付量（辆）：1,234\n其他收入:120", "2024-05-17")
    assert [(c.metric, c.value, c.unit) for c in got] == [
        ("合约销售金额", 3_870_000_000, "CNY"), ("合约销售面积", 152_300, "other:平方米"), ("交付量", 1234, "other:辆"),
        ("其他收入", 120, "CNY")]


def test_a_companys_segment_heading_its_line_goes_into_the_metric():
    """星河核心:收入为… and 星河云业务:收入为… in 星河科技's results: the company's own segment heading the
    line names the part its figures are of; the company stays the subject."""
    got = _claims("星河科技公布2024年第一季度业绩\n星河核心:第一季度收入为244亿元,同比增长3%。\n星河云业务:收入为12亿元。",
                  "2024-05-17")
    assert [(c.subject, c.metric) for c in got] == [("星河科技", "星河核心收入"), ("星河科技", "星河云收入")]


def test_a_name_after_a_wires_stroke_bar_is_the_reporting_company():
    """格隆汇11月15日丨乐游互动(2288.HK)公布…: the stroke 丨 is the wire's bar, no character of the name
    after it, and the name before its stock code is the company."""
    got = _claims("格隆汇11月15日丨乐游互动(2288.HK)公布截至2024年9月30日止六个月中期业绩,收入为人民币42.6亿元,"
                  "同比增长11.2%。", "2024-11-15")
    assert [(c.subject, c.metric) for c in got] == [("乐游互动", "收入")]


def test_an_abbreviation_glossing_a_business_group_is_no_subject():
    """智能设备业务集团(IDG)收入…: the Latin letters in brackets gloss the group before them (even where
    the lexicon knows a firm of that name); the figure is the company's, the group in the metric."""
    got = _claims("联想集团昨公布截至2024年12月31日止第三财季业绩,收入按年增长20%至189亿美元。期内,智能设备业务集团(IDG)"
                  "收入135亿美元,按年升12%。", "2025-02-21")
    assert [(c.subject, c.metric) for c in got] == [("联想", "收入"), ("联想", "智能设备业务集团收入")]


def test_the_quarter_before_opening_a_contrast_is_its_figures_period():
    """同店销售按年跌10.6%,上一季度则按年跌15.1%: 上一季度 with 则 is the period of the change after it,
    no base of a comparison."""
    got = _claims("美妍国际公布截至2024年12月31日止三个月的营运状况。同店销售按年跌10.6%,上一季度则按年跌15.1%。",
                  "2025-01-16")
    assert [(c.metric, c.value, c.period) for c in got] == [("同店销售", -0.106, "2024Q4"), ("同店销售", -0.151, "2024Q3")]


def test_a_market_piece_ranking_makers_is_the_countrys_not_the_first_makers():
    """A piece on a market (its title names the market and no company; or an association that publishes
    the country's car data announces it) reports the country's figures: a figure naming no maker is
    中国's, not that of the maker named most often."""
    got = _claims("10月乘用车市场数据出炉\n\n10月全国乘用车市场零售224.6万辆,同比下降0.8%。\n\n"
                  "10月新能源乘用车零售128.5万辆,同比增长7.3%。\n\n星河汽车10月零售26.7万辆,星河汽车出口5.1万辆。", "2025-11-10")
    assert [c.subject for c in got] == ["中国", "中国", "星河汽车", "星河汽车"]
    got = _claims("10月车市速览\n\n中国汽车流通协会乘用车市场信息联席分会(乘联会)11月10日发布数据,10月全国乘用车零售224.6万辆。"
                  "新能源乘用车零售128.5万辆。星河汽车零售26.7万辆,星河汽车出口5.1万辆。", "2025-11-10")
    assert [c.subject for c in got] == ["中国", "中国", "星河汽车", "星河汽车"]


def test_a_broker_whose_note_speaks_is_its_author_not_the_company():
    """华远证券研报指出,公司…; 华远证券:星河新材…,维持买入评级 / 华远证券发布研究报告称,公司…: the broker
    writes and rates, 公司 is the company the note is on."""
    got = _claims("星河新材四季度盈利环比改善 华远证券维持买入评级\n华远证券研报指出,公司2023年实现营业收入52.36亿元,"
                  "同比增长18.4%。", "2024-03-28")
    assert [(c.subject, c.metric) for c in got] == [("星河新材", "营业收入")]
    got = _claims("华远证券:星河新材四季度盈利环比改善,维持买入评级\n华远证券发布研究报告称,公司2023年归母净利润6.12亿元。",
                  "2024-03-28")
    assert [(c.subject, c.metric) for c in got] == [("星河新材", "归母净利润")]


def test_a_hong_kong_share_class_suffix_is_no_part_of_the_name():
    """星河出行-W(9690.HK), 荣信生物-B(9995.HK): the name before its code, without the share class."""
    got = _claims("星河出行-W(9690.HK):二季度业绩超预期\n公司二季度实现营收37.5亿元。", "2024-08-28")
    assert [(c.subject, c.metric, c.period) for c in got] == [("星河出行", "营收", "2024Q2")]


def test_a_currency_note_with_a_full_stop_declares_the_currency():
    """收入为120.5亿元(港元.下同): the wire's note, with a full stop, makes its bare 元 Hong Kong dollars."""
    got = _claims("华辉控股(01234)今日公布全年业绩,收入为120.5亿元(港元.下同),按年增长8%;股东应占溢利15.2亿元。", "2025-03-20")
    assert [(c.metric, c.unit) for c in got] == [("收入", "HKD"), ("股东应占溢利", "HKD")]


def test_a_bracketed_dateline_opening_a_wire_item_dates_it_and_names_no_subject():
    """(香港 2025年3月20日)华辉控股…全年业绩发布会: the bracket is where and when the item was filed, not the
    period reported (the year before: a flow of it) nor a place the figures are of."""
    got = _claims("(香港 2025年3月20日)华辉控股(01234)今日举行全年业绩发布会。集团收入为120.5亿港元,按年增长8%。"
                  "首席财务官李明表示,资本开支为5亿港元。", "2025-03-20")
    assert [(c.subject, c.metric, c.period) for c in got] == [("华辉控股", "收入", "2024"), ("华辉控股", "资本开支", "2024")]


def test_a_hong_kong_wires_bare_yuan_of_a_company_listed_there_is_hkd():
    """嘉峰集團(01567)…營業額88.4億元 in Traditional, with no 人民幣 anywhere: Hong Kong dollars; where the
    item says 人民幣, its bare 元 stay yuan, and a mainland piece's bare 元 are yuan."""
    got = _claims("(經濟通) 嘉峰集團(01567)公布截至2024年12月底止全年業績,營業額88.4億元,按年增長5.1%;"
                  "股東應佔溢利12.3億元,按年下跌7.6%。", "2025-03-20")
    assert [(c.metric, c.unit) for c in got] == [("营业额", "HKD"), ("股东应占溢利", "HKD")]
    got = _claims("嘉峰集團(01567)公布全年業績,收入1,611億元人民幣,按年增長8%;盈利為400億元。", "2025-03-20")
    assert [c.unit for c in got] == ["CNY", "CNY"]
    got = _claims("嘉峰集团(01567)公布全年业绩,营业额88.4亿元,按年增长5.1%。", "2025-03-20")
    assert [c.unit for c in got] == ["CNY"]


def test_a_calls_models_speakers_and_cash_flow_lines():
    """In a results call: a model's quarter (G6第三季度销量) leaves no 第 in the metric; a model carried
    from the sentence before owns no company result (经营利润); an answer's speaker with a title
    (答(总裁马东辉):我们…) is who talks; a cash flow's line (- 经营性现金流:111亿元) names its measure."""
    got = _claims("星河汽车公布2024年第三季度业绩。G6第三季度销量为1.2万辆。", "2024-11-20")
    assert [(c.metric, c.period) for c in got] == [("G6销量", "2024Q3")]
    got = _claims("理想汽车公布2024年第三季度业绩。理想L6在第三季度的销量约为5万辆。经营利润为28亿元。", "2024-10-31")
    assert [(c.subject, c.metric) for c in got][-1] == ("理想汽车", "经营利润")
    got = _claims("星河汽车2024Q3业绩会纪要\n问:渠道布局?\n答(总裁马东辉):我们在全国有480家零售中心,覆盖147个城市。",
                  "2024-10-31")
    assert [c.subject for c in got] == ["星河汽车", "星河汽车"]
    got = _claims("星河汽车公布2024年第三季度业绩。\n- 经营性现金流:111亿元\n- 投资性现金流:-20亿元", "2024-10-31")
    assert [(c.metric, c.period) for c in got] == [("经营性现金流", "2024Q3"), ("投资性现金流", "2024Q3")]


def test_preannouncements_and_announcements_frame():
    """An announcement's opening disclaimer names the exchange, never the company; 半年度业绩预告 with no
    year is the last first half, not the year before; 截至1月20日 said in January is this January."""
    got = _claims("香港交易及结算所有限公司及香港联合交易所有限公司对本公告之内容概不负责。\n星河新能源控股有限公司\n盈利警告\n"
                  "本集团预期于截至2024年6月30日止六个月录得本公司拥有人应占净亏损约人民币3.2亿元。", "2024-07-26")
    assert [(c.subject, c.period) for c in got] == [("星河新能源控股有限公司", "2024H1")]
    got = _claims("星河电路发布半年度业绩快报,实现归母净利润2.1亿元。", "2025-07-12")
    assert [(c.metric, c.period) for c in got] == [("归母净利润", "2025H1")]
    got = _claims("星河物流发布2024年度业绩快报,2024年实现营业总收入52.37亿元。截至1月20日,公司股东户数为3.2万户。"
                  "截至12月31日,公司员工总数为3200人。", "2025-01-21")
    assert [c.period for c in got] == ["2024", "asof:2025-01", "asof:2024-12"]


def test_a_banks_ratios_are_stocks_at_the_quarters_end():
    """拨备覆盖率, 流动性覆盖率 (流 is no flow here), 存贷比 in a quarter's report: at its end."""
    got = _claims("星河银行发布2025年第一季度报告。该行拨备覆盖率370%;流动性覆盖率150%;存贷比为80%。", "2025-04-25")
    assert [(c.metric, c.period) for c in got] == [("拨备覆盖率", "asof:2025-03"), ("流动性覆盖率", "asof:2025-03"),
                                                   ("存贷比", "asof:2025-03")]


def test_a_brokers_note_labels_industries_and_names():
    """In a broker's note: FY24 is a fiscal year's label, no name and no part of a metric (于FY24销售额,
    FY25-27E收入); 星河在线(PJOL.US) is a name before its code; 汽车行业收入 is the company's revenue from
    that industry, not an organization's."""
    got = _claims("康迅医药(1877.HK):FY24业绩点评\n核心产品于FY24销售额达9.8亿港元,按年增长81%。集团FY24研发开支为8.9亿港元。"
                  "我们预测FY25-27E收入分别为58.6亿、69.9亿、82.3亿港元。", "2024-06-25")
    assert {(c.subject, c.metric) for c in got} == {("康迅医药", "核心产品销售额"), ("康迅医药", "研发开支"), ("康迅医药", "预测收入")}
    got = _claims("浦江在线(PJOL.US)2Q24业绩点评:广告收入超预期\n公司二季度实现总营收220.6亿元,同比增长9.1%。", "2024-08-28")
    assert [(c.subject, c.period) for c in got] == [("浦江在线", "2024Q2")]
    got = _claims("恒拓科技(300912.SZ)首次覆盖报告\n2023年消费电子行业收入8.1亿元,同比下降5%;汽车行业收入5.2亿元,同比增长12%。",
                  "2024-05-10")
    assert [(c.subject, c.metric) for c in got] == [("恒拓科技", "消费电子行业收入"), ("恒拓科技", "汽车行业收入")]


def test_a_headline_restating_the_body_in_its_own_words_is_no_claim():
    """A headline's rounded figure, the top of the body's range or a rounded change (最高3600万元, 纯利跌8%)
    is the body's claim said again: the body's wording is the claim; a headline figure the body does
    not state stays."""
    got = _claims("明光科技预计去年净利最高3600万元\n\n明光科技披露2024年年度业绩预告,预计实现归属于母公司所有者的净利润"
                  "2800万元—3600万元。", "2025-01-25")
    assert [(c.value, c.upper) for c in got] == [(28_000_000, 36_000_000)]
    got = _claims("嘉峰集团全年纯利跌8% 末期息0.4元\n\n嘉峰集团(01567)公布全年业绩,股东应占溢利12.3亿元,按年下跌7.6%。"
                  "派末期息40仙。", "2025-03-20")
    assert [c.metric for c in got] == ["股东应占溢利", "每股末期股息"]
    got = _claims("星河集团年内回购逾50亿元\n\n星河集团昨日斥资约3.02亿元回购股份。", "2025-04-09")
    assert 5_000_000_000 in [c.value for c in got]


def test_a_commodity_trackers_data_are_the_countrys_and_weekly_moves_sequential():
    """据硅业分会统计,2月国内多晶硅产量…; 上海有色网(SMM)数据显示,…: the tracker (and the place opening
    its name) publishes, the country's figure; 较上周, 周环比 are sequential (qoq); 南湖置业 is a name."""
    got = _claims("据中国有色金属工业协会硅业分会统计,2月国内多晶硅产量为9.6万吨,环比减少5.9%。", "2025-03-13")
    assert [(c.subject, c.period) for c in got] == [("中国", "2025-02")]
    got = _claims("上海有色网(SMM)数据显示,7月国内碳酸锂产量为8.12万吨,同比增长28%。", "2025-08-08")
    assert [c.subject for c in got] == ["中国"]
    got = _claims("百川盈孚数据显示,截至4月24日,国内重质纯碱主流出厂均价为1,432元/吨,较上周下跌2.85%。", "2025-04-25")
    assert [c.change.kind for c in got] == ["qoq"]
    got = _claims("南湖置业8月销售额64.2亿元。", "2024-10-09")
    assert [(c.subject, c.metric) for c in got] == [("南湖置业", "销售额")]
    got = _claims("中国光伏行业协会2月19日在北京召开年度研讨会。2024年光伏新增装机277.57GW,同比增长28.3%。", "2025-02-20")
    assert "北京" not in [c.subject for c in got]  # (where the meeting was held)


def test_a_section_on_last_years_results_dates_its_items():
    """二、上年同期业绩情况 in a year's preannouncement heads last year's figures: its items are 2023's."""
    got = _claims("星河精密机械股份有限公司2024年年度业绩预告\n一、本期业绩预告情况\n预计2024年归属于母公司所有者的净利润为"
                  "15,000万元到18,000万元。\n二、上年同期业绩情况\n(一)归属于母公司所有者的净利润:12,180万元。\n(二)每股收益:0.61元。",
                  "2025-01-22")
    assert [c.period for c in got] == ["2024", "2023", "2023"]


def test_a_company_named_as_it_lists_or_before_its_short_name():
    """IPO news names an unknown company as it lists (网约车平台极途出行在纳斯达克挂牌交易, after what it is)
    or before the short name the text will use (星河茶饮(以下简称“星河”)): it is the subject."""
    got = _claims("网约车平台极途出行在纳斯达克挂牌交易。2024年,极途出行的总收入为6.72亿美元。", "2025-05-22")
    assert [(c.subject, c.metric) for c in got] == [("极途出行", "总收入")]
    got = _claims("星河出行登陆纳斯达克首日破发\n美东时间5月21日,网约车平台星河出行(XHCX)挂牌交易。2024年,公司总收入为6.72亿美元。",
                  "2025-05-22")
    assert [(c.subject, c.metric) for c in got] == [("星河出行", "总收入")]
    got = _claims("工业机器人企业钧衡机器人在港交所挂牌上市。2024年钧衡机器人收入为18.4亿元,同比增长56%。", "2025-07-10")
    assert [(c.subject, c.metric) for c in got] == [("钧衡机器人", "收入")]
    got = _claims("现制茶饮品牌蜜岛茶饮(以下简称“蜜岛”)向港交所递交上市申请。2024年,蜜岛实现营业收入45.8亿元。", "2025-03-28")
    assert [c.subject for c in got] == ["蜜岛茶饮"]


def test_a_regions_share_of_a_companys_holding_is_the_companys():
    """其中成都地区占比超过四成 in a developer's results: the company's figure, the region in the metric."""
    got = _claims("东岭地产2024年中期业绩\n东岭地产表示,截至6月底,公司可售货值约800亿元,其中成都地区占比超过四成。", "2024-10-09")
    assert [(c.subject, c.metric) for c in got] == [("东岭地产", "可售货值"), ("东岭地产", "成都地区占比")]


_NOTE_NAMING_NO_ONE = ("2023年报点评:盈利能力提升,储能业务高增\n事件:公司发布2023年年报,实现营业收入4000亿元,同比+22%。\n"
                       "我们预计公司2024年归母净利润为510亿元,维持“买入”评级。\n")


@pytest.mark.parametrize("name", ["catl-2023-note.txt", "宁德时代-300750-2023年报点评.txt"])
def test_a_file_named_after_a_company_names_the_company_a_note_calls_only_gongsi(tmp_path, name):
    """A note that calls the company only 公司, saved under its name (catl-…, 宁德时代-300750-…): the
    file's name is the document's title, and says whose results they are; the frame says so."""
    from extract import extract_file

    path = tmp_path / name
    path.write_text(_NOTE_NAMING_NO_ONE, encoding="utf-8")
    [doc] = extract_file(path, published="2024-03-20")
    assert {(c.subject, c.metric, c.period) for c in doc.claims} == {("宁德时代", "营业收入", "2023"), ("宁德时代", "预测归母净利润", "2024")}
    assert (doc.frame.entity, doc.frame.entity_title) == ("宁德时代", path.stem)
    frame = next(json.loads(x) for x in to_jsonl([doc]).splitlines() if json.loads(x)["kind"] == "frame")
    assert frame["entity_title"] == path.stem and {json.loads(x)["subject"] for x in to_jsonl([doc]).splitlines()
                                                   if json.loads(x)["kind"] == "claim"} == {"宁德时代"}
    out = tmp_path / "o.ttl"
    assert main(["extract", str(path), "--published", "2024-03-20", "-o", str(out)]) == 0
    g = Dataset()
    g.parse(out, format="turtle")
    assert Literal(path.stem) in set(g.objects(None, ZHKG.frameTitle))


@pytest.mark.parametrize("text,subjects", [
    ("比亚迪发布2023年年报,公司实现营业收入6000亿元,同比增长42%。\n", {"比亚迪"}),  # the text's own name wins
    ("2023年全国动力电池装车量为387.7GWh,同比增长31.6%。\n", {"中国"}),  # no 公司 in it: a market's figure
    (_NOTE_NAMING_NO_ONE, {"未知"}),  # a text with no title (no file) stays unknown
])
def test_a_file_name_names_no_company_where_the_text_does_or_speaks_of_none(tmp_path, text, subjects):
    from extract import extract_file

    if text is _NOTE_NAMING_NO_ONE:
        docs = extract_text(text, doc_id="catl-2023-note", published="2024-03-20")
    else:
        (path := tmp_path / "catl-2023-note.txt").write_text(text, encoding="utf-8")
        docs = extract_file(path, published="2024-03-20")
    assert {c.subject for c in docs[0].claims} == subjects and docs[0].frame.entity_title is None


def test_the_month_after_publication_is_the_coming_one():
    """星河钢铁公布5月期货价格 said in late April: the coming May, not last year's."""
    [c] = _claims("星河钢铁公布5月期货价格,热轧板卷价格为3800元/吨。", "2025-04-28")
    assert c.period == "2025-05"


def test_an_outlook_for_this_month_after_a_years_target_is_this_years():
    """已完成全年25万台的销量目标。公司预计12月交付量… said on December 1st: this December."""
    claims = _claims("星河汽车11月交付数据\n已提前完成全年25万台的销量目标。公司预计12月交付量将突破4.5万台。", "2024-12-01")
    assert [c.period for c in claims if c.value == 45_000] == ["2024-12"]


def test_discount_levels_in_zhe_are_the_share_of_the_full_price_paid():
    """七折 is 0.7, 七五折 (two digits) 0.75, 8.5折 0.85; 七至七五折 is one claim with its upper bound."""
    claims = _claims("星河体育公布2025年第三季度营运状况。零售折扣水平为七至七五折,线上渠道折扣约为六五折,"
                     "线下渠道折扣为8.5折。", "2025-10-16")
    assert [(c.metric, c.value, c.upper, c.unit, c.qualifier, c.period) for c in claims] == [
        ("零售折扣水平", 0.7, 0.75, "percent", None, "2025Q3"), ("线上渠道折扣", 0.65, None, "percent", "约", "2025Q3"),
        ("线下渠道折扣", 0.85, None, "percent", None, "2025Q3")]


def test_a_move_during_trading_named_without_a_share_word_is_the_share_prices():
    """星河银行盘中一度涨超5%: the share price's move on the day (growth), whatever results follow."""
    claims = _claims("财联社10月30日电,星河银行盘中一度涨超5%。星河银行前三季度实现营业收入2527亿元,同比下降2.9%。", "2024-10-30")
    move = next(c for c in claims if c.value == 0.05)
    assert (move.metric, move.period, move.qualifier, move.change.kind) == ("股价", "asof:2024-10-30", "超", "growth")


def test_a_quote_glued_to_its_name_is_a_closing_price_and_no_part_of_the_name():
    """截至10月9日收盘,星河曙光报68.50元/股: the 报 of a quote is no part of the name; a price per share."""
    claims = _claims("截至10月9日收盘,星河曙光报68.50元/股,今年以来累计上涨逾80%。", "2024-10-10")
    price = next(c for c in claims if c.value == 68.5)
    assert (price.subject, price.metric, price.period) == ("星河曙光", "收盘价", "asof:2024-10-09")


def test_less_added_than_a_year_before_in_hong_kong_wording_is_negative():
    """按年少增4581亿元: the increment was that much smaller than a year earlier (as 同比少增)."""
    [c] = _claims("中国人民银行发布数据显示,8月份人民币贷款增加9000亿元,按年少增4581亿元。", "2024-09-14")
    assert ("abs", -458_100_000_000) in [(x.kind, x.value) for x in c.changes()]


def test_index_names_and_a_weeks_days_are_no_figures():
    """沪深300 is an index's name, (3.3-3.7) the days of the week: neither is a figure."""
    claims = _claims("本周(3.3-3.7)申万电子指数上涨3.2%,同期沪深300指数上涨1.7%。", "2025-03-10")
    assert sorted(c.value for c in claims) == [0.017, 0.032]
    assert [c.metric for c in claims if c.value == 0.017] == ["沪深300指数"]


def test_an_airlines_revenue_passenger_kilometres_are_no_money():
    """收入客公里(RPK) counts passengers carried over a distance: a count, not yuan."""
    [c] = _claims("星河航空公布12月运营数据\n星河航空12月收入客公里(RPK)为39.10亿,同比增长14.2%。", "2025-01-16")
    assert (c.unit, c.value, c.period) == ("count", 3_910_000_000, "2024-12")


def test_an_operators_data_announcement_dates_its_figures():
    """2024年10月客户数据公告 under the company's name and code: its figures are October's (stocks at its end)."""
    claims = _claims("星河移动有限公司\n(股份代号:9941)\n2024年10月客户数据公告\n移动客户总数(千户)1,003,512。"
                     "本月净增移动客户数(千户)1,215。", "2024-11-20")
    assert [(c.value, c.period) for c in claims] == [(1_003_512_000, "asof:2024-10"), (1_215_000, "2024-10")]


@pytest.mark.parametrize("lead", ["中国人民银行周五公布,", "中国人民银行周五(13日)公布,", "中国人民银行13日发布数据显示,"])
def test_a_national_agency_announcing_its_data_reports_the_countrys_figures(lead):
    """中国人民银行周五公布,8月份人民币贷款…: the agency publishes; the figures are the country's."""
    [c] = _claims(lead + "8月份人民币贷款增加9000亿元。", "2024-09-14")
    assert (c.subject, c.period) == ("中国", "2024-08")


def test_who_speaks_on_a_countrys_data_is_no_subject():
    """东方证券首席经济学家邵宇表示,预计…; 首席统计师董莉娟解读称,…: the speaker (and his firm) talks
    about the country's figures."""
    claims = _claims("国家统计局发布数据显示,9月份,全国居民消费价格同比上涨0.4%。东方证券首席经济学家邵宇表示,"
                     "预计10月CPI同比上涨0.5%左右。国家统计局城市司首席统计师董莉娟解读称,鲜菜价格环比上涨7.1%。", "2024-11-13")
    assert [c.subject for c in claims] == ["中国", "中国", "中国"]


def test_a_rate_of_rise_named_after_a_levels_move_is_its_relative_change():
    """较10月末上升48亿美元,升幅为0.15%: the rise in per cent of the same level, against last month (qoq)."""
    [c] = _claims("国家外汇管理局发布数据显示,截至2024年11月末,我国外汇储备规模为32659亿美元,较10月末上升48亿美元,"
                  "升幅为0.15%。", "2024-12-07")
    assert [(x.kind, x.value) for x in c.changes()] == [("abs", 4_800_000_000), ("qoq", 0.0015)]


def test_a_goods_closing_price_per_tonne_is_no_share_price():
    """沪铜主力合约收于79,460元/吨: the contract's closing price, not a share's, and no day's quote of a company."""
    claims = _claims("沪铜主力合约收于79,460元/吨,周涨2.4%。", "2025-03-10")
    assert [c.metric for c in claims if c.value == 79_460] == ["沪铜主力合约收盘价"]


def test_a_weeks_rise_after_a_price_is_against_the_week_before():
    """…收于79,460元/吨,周涨2.4%: a week's move is sequential (qoq), as 周环比 is."""
    [c] = _claims("沪铜主力合约收于79,460元/吨,周涨2.4%。", "2025-03-10")
    assert [(x.kind, x.value) for x in c.changes()] == [("qoq", 0.024)]


def test_a_change_naming_its_own_acronym_measure_is_no_change_of_the_level_before():
    """社会融资规模存量为405.6万亿元,M2同比增长7.5%: M2's growth, a claim of its own, no change of the stock before."""
    claims = _claims("中国人民银行发布数据显示,10月末,社会融资规模存量为405.6万亿元,M2同比增长7.5%。", "2024-11-13")
    assert [(c.metric, c.change.kind if c.change else None) for c in claims] == [("社会融资规模存量", None), ("M2", "yoy")]


def test_a_business_naming_the_companys_money_is_no_subject_to_carry():
    """阿里云收入 in Alibaba's results is Alibaba's figure with the business in the metric; the
    sentence after, naming nobody, goes on about the company, not the business."""
    text = "阿里巴巴公布季度业绩,收入为2000亿元。阿里云收入为200亿元。年度活跃消费者为9亿。\n"
    by = {c.metric: c.subject for c in _claims(text, "2022-02-24")}
    assert by["阿里云收入"] == "阿里巴巴"
    assert by["年度活跃消费者"] == "阿里巴巴"


def test_a_year_report_whose_title_names_its_last_quarter_reports_the_year():
    """星河食品:Q4业绩承压 over 公司披露2022年年度报告: the note is on the year's results, its
    title only names the last quarter; a figure the body does not date is the year's."""
    text = ("星河食品(600001.SH):Q4业绩承压,静待需求修复\n事件:公司披露2022年年度报告。全年实现营收100亿元,同比+2.4%。"
            "其中Q4营收30亿元,同比-5.9%。\n分渠道看,线上渠道收入10亿元,同比+27.9%。\n")
    by = {c.value: c.period for c in _claims(text, "2023-03-30")}
    assert (by[10e9], by[3e9], by[1e9]) == ("2022", "2022Q4", "2022")


def test_a_share_price_named_by_the_part_of_the_day_is_of_the_trading_day():
    """星河科技今早股价升3%至38港元 in a piece on the quarter's results: the price of the day, not a
    figure of the quarter, and the part of the day is no part of the metric."""
    text = "星河科技公布第二季业绩。星河科技今早股价升3%至38港元。\n"
    [c] = [c for c in _claims(text, "2024-08-15") if c.unit == "HKD"]
    assert (c.metric, c.period, c.change.kind) == ("股价", "asof:2024-08-15", "growth")


@pytest.mark.parametrize("text,metric", [
    ("星河科技中期收益45.6亿元人民币,按年增长62%。\n", "收益"),
    ("星河科技中期纯利按年倒退14.5%至18.2亿元人民币。\n", "纯利"),
    ("星河科技中期业绩纯利18.2亿元人民币。\n", "纯利"),
])
def test_a_bare_zhongqi_before_what_it_reports_is_the_first_half(text, metric):
    """Hong Kong's 中期 right after the company's name (星河科技中期收益) is the first half last
    ended; 业绩 before the measure is no part of it."""
    c = next(c for c in _claims(text, "2024-08-29") if c.unit == "CNY")
    assert (c.metric, c.period) == (metric, "2024H1")


def test_a_verb_of_output_and_its_goods_name_no_one():
    """期内交付汽车61,855辆: 交付汽车 is what the company did, no organization; the count is the
    company's deliveries."""
    text = "星途汽车第三季收入186.7亿元人民币。期内交付汽车61,855辆,按年增长11.6%。\n"
    c = next(c for c in _claims(text, "2024-11-20") if c.value == 61_855)
    assert (c.subject, c.metric) == ("星途汽车", "交付量")


@pytest.mark.parametrize("text", [
    "星河汽车昨晚公布,截至6月30日止第二季收入达182.7亿元人民币。\n",
    "星河汽车昨晚公布,截至今年6月30日止第二季,收入为182.7亿元人民币。\n",
])
def test_a_quarter_named_by_its_end_and_ordinal_is_that_quarter(text):
    """截至6月30日止第二季 (Hong Kong's 季 for 季度, 今年 or no year): the quarter ending then,
    wholly a period, none of it in the metric."""
    [c] = _claims(text, "2024-08-21")
    assert (c.metric, c.period) == ("收入", "2024Q2")


def test_the_name_after_qixia_is_the_subject_not_its_parent():
    """星河控股旗下星途汽车公布…: the parent a name is said to belong to reports nothing; the name
    after 旗下 is the reporting entity and the subject."""
    text = "吉利旗下极氪周一公布,第二季收入177.2亿元。\n"
    [c] = _claims(text, "2024-08-13")
    assert (c.subject, c.period) == ("极氪", "2024Q2")


@pytest.mark.parametrize("text,price,period,metric", [
    ("星河汽车公布第三季业绩。星河汽车今早至10点报34.15港元,跌4.1%。\n", 34.15, "asof:2024-11-21", "股价"),
    ("星河汽车公布第三季业绩。港股今早开报151.7元,跌2.1%。\n", 151.7, "asof:2024-11-21", "股价"),
    ("星河汽车公布第三季业绩。星河汽车昨晚美股收报19.4美元,跌1.37%;港股今早开报151.7元,跌2.1%。\n", 151.7,
     "asof:2024-11-21", "股价"),
])
def test_a_price_at_the_open_or_at_an_hour_is_of_the_day(text, price, period, metric):
    """今早开报, 至10点报: a share price of the trading day (in Hong Kong dollars after 港股), never
    a figure of the quarter reported; the hour is no figure, and the clause before a semicolon
    (美股收报…) lends it neither its day nor its closing."""
    claims = _claims(text, "2024-11-21")
    c = next(c for c in claims if c.value == price)
    assert (c.metric, c.period, c.unit, c.change.kind) == (metric, period, "HKD", "growth")
    assert not any(c.value == 10 for c in claims)


def test_jinji_in_a_piece_on_the_quarter_reported_is_the_quarter_under_way():
    """星河汽车公布首季业绩…预计今季交付7.2万辆: Hong Kong's 今季 is the quarter under way, the
    one after the quarter reported, and no part of the metric."""
    text = "星河汽车公布首季业绩,收入120.35亿元。星河汽车预计今季交付7.2万辆,按年增长25.5%。\n"
    c = next(c for c in _claims(text, "2025-06-04") if c.value == 72_000)
    assert (c.metric, c.period) == ("交付量指引", "2025Q2")


def test_a_start_date_in_a_relative_clause_is_no_period_of_the_figure():
    """其中6月底开始交付的S6交付901辆: 6月底 says when the model started to deliver; the count is of
    the quarter the sentence reports, not at the end of June."""
    text = "星河汽车公布二季度业绩。二季度共交付3553辆,其中6月底开始交付的S6交付901辆。\n"
    c = next(c for c in _claims(text, "2019-08-13") if c.value == 901)
    assert c.period == "2019Q2"


def test_a_portals_name_in_a_page_header_reports_nothing():
    """星河证券 资讯  美股 · 财报 over a company's release: the portal names its section, it is no
    reporting entity; the company the release names is."""
    text = ("星河证券 资讯  美股 · 财报\n发布时间:2025-02-20 17:45\n\n网易公司(纳斯达克代码:NTES)今日公布第四季度未经审计财务业绩。\n"
            "•毛利率为62.4%,而2023年同期为61.5%。\n")
    claims = _claims(text, "2025-02-20")
    assert {c.subject for c in claims} == {"网易"}


def test_a_latin_short_name_stands_for_the_chinese_one():
    """腾讯音乐娱乐集团(“TME”或“公司”)…TME总收入…: the subject is written as the text names the
    company in Chinese, not by its Latin short name (the contract's canonical, Chinese label)."""
    text = "腾讯音乐娱乐集团(“TME”或“公司”)今日公布第一季度业绩。TME总收入为人民币70亿元,同比下降2.0%。\n"
    path_rows = extract_text(text, doc_id="p", published="2024-05-13")[0].claims
    assert [c.subject_text for c in path_rows] == ["腾讯音乐娱乐集团"]


def test_gonggao_after_gongsi_is_no_part_of_a_name():
    """公司公告2022年业绩:收入… in a note on 星河体育: 公司 announcing is the company the note is
    on; 公司公告 is no organization."""
    text = "星河体育(2331.HK)2022年报点评\n公司公告2022年业绩:收入129.3亿元,同比增长29.1%。\n"
    [c] = _claims(text, "2023-03-16")
    assert c.subject == "星河体育"


@pytest.mark.parametrize("text", [
    # a dateline before 据X最新数据: still a data piece on the market, whatever maker its title ranks first
    "星河咨询:Q2中国电视出货780万台 海信份额23.7%居首\n快科技7月28日 消息,据星河咨询最新数据,2025年第二季度,中国电视市场整机出货量约为780万台。"
    "海信出货量185万台,位居第一。\n结构上,Mini LED电视出货量占比提升至9.6%。\n",
    # a tracker's colon and 中国…市场 in the lead: the Chinese market's piece
    "IDC:2025年第二季度中国电视市场出货量780万台。其中,海信出货量185万台,位居第一。\n结构上,Mini LED电视出货量占比提升至9.6%。\n",
])
def test_a_markets_segment_after_a_maker_is_the_markets(text):
    """A market's piece: a segment's share (Mini LED电视出货量占比) after a maker's figure is the
    market's (中国), not the maker's carried from the sentence before."""
    c = next(c for c in _claims(text, "2025-07-28") if c.value == 0.096)
    assert c.subject == "中国"


def test_a_move_to_an_amount_after_a_price_said_is_a_price():
    """星河汽车昨日股价收报26.85元…;今早再跌3%,至26.05元: the second amount is the price the share
    moved to on the day of publication; a revenue's move to an amount (收入同比升3%至100亿元) stays revenue."""
    text = "星河汽车公布首季业绩,收入同比升3%至100亿元。星河汽车昨日股价收报26.85元,跌1.1%;今早再跌3%,至26.05元。\n"
    by = {c.value: c for c in _claims(text, "2025-06-04")}
    assert (by[26.05].metric, by[26.05].period, by[26.05].change.kind) == ("股价", "asof:2025-06-04", "growth")
    assert by[1e10].metric == "收入"


def test_a_trackers_forecast_in_a_companys_piece_is_a_forecast_not_guidance():
    """IDC预计… in a piece about a company: the tracker's estimate (预测…), not the company's 指引."""
    claims = _claims("苹果发布财报\n2023年苹果出货量为2.35亿台。IDC预计,2024年全球智能手机出货量将达到约12亿台。", "2024-01-20")
    assert [c.metric for c in claims if c.period == "2024"] == ["预测全球智能手机出货量"]


def test_the_day_of_a_call_is_no_period_of_the_figures_after_it():
    """5月15日,X召开业绩说明会。毛利率为2.6%: the day the meeting was held dates the piece, the
    figures are of the quarter the title names."""
    [c] = _claims("锦程汽车一季度业绩说明会\n5月15日,锦程汽车召开业绩说明会。毛利率为2.6%。", "2024-05-16")
    assert c.period == "2024Q1"


def test_a_speaker_who_says_where_he_said_it_is_no_subject():
    """CFO张三在电话会上介绍,本季度研发费用为…: the speaker, where he spoke between his name and
    his verb, reports the company's figure."""
    [c] = _claims("锦程汽车三季度电话会\nCFO张三在电话会上介绍,本季度研发费用为30.4亿元,同比下降12.3%。", "2024-11-21")
    assert (c.subject, c.metric) == ("锦程汽车", "研发费用")


@pytest.mark.parametrize("text,rate", [
    ("锦程科技财报\n锦程科技第一季度非美国通用会计准则运营利润为1.38亿美元,运营利润率为31%。", "非美国通用会计准则运营利润率"),
    ("锦程科技二季度业绩\n锦程科技第二季度智能手机收入为人民币465亿元,毛利率为12.1%。", "智能手机毛利率"),
    ("锦程科技二季度业绩\n锦程科技第二季度营业总收入为人民币900亿元,毛利率为20%。", "毛利率"),
])
def test_a_bare_rate_after_a_qualified_level_is_of_that_measure(text, rate):
    """运营利润率 right after a non-GAAP 运营利润, 毛利率 right after a product's revenue: the rate of
    that measure or part; after the whole revenue, the company's."""
    [c] = [c for c in _claims(text, "2024-08-22") if c.unit == "percent"]
    assert c.metric == rate


@pytest.mark.parametrize("sentence,metric", [
    ("高纯晶硅方面,公司2023年销量约27.6万吨,同比增长约70%。", "高纯晶硅销量"),
    ("聚氨酯板块:2023年实现营收约750亿元。", "聚氨酯板块营收"),
    ("1)钾肥:2023年生产氯化钾约492万吨。", "钾肥产量"),
    ("分业务看,动力电池:实现收入210亿元。", "动力电池收入"),
    ("费用方面,2023年销售费用率为3%。", "销售费用率"),
    ("聚氨酯板块:2023年聚氨酯系列产品销量约520万吨。", "聚氨酯系列产品销量"),
])
def test_a_part_heading_its_sentence_goes_into_the_metric(sentence, metric):
    """A part heading what follows (X方面, X板块:, 1)X:, 分业务看,X:) is the part the figures are
    of; an aspect (费用方面) is none, and a metric naming its part takes no second one."""
    [c] = _claims("华远材料(002999)年报点评\n" + sentence, "2024-03-26")
    assert c.metric == metric


@pytest.mark.parametrize("text,subject", [
    ("社交平台锦言(纳斯达克:JYN)今日发布第一季度财报。财报显示,锦言第一季度净营收为4.5亿美元。", "锦言"),
    ("星澜电商(纽交所:XLD)今日发布第一季度财报。第一季度净营收为4.5亿元。", "星澜电商"),
    ("东成商城(纳斯达克:DCM;港交所:9628)今日公布业绩。东成商城第一季度净营收为4.5亿元。", "东成商城"),
])
def test_a_company_named_with_its_exchange_and_ticker(text, subject):
    """星澜电商(纽交所:XLD): the name before the bracket is the company (after a kind of business at
    most), the ticker none; the whole name wherever it stands again."""
    [c] = _claims(text, "2023-05-25")
    assert (c.subject, c.metric) == (subject, "净营收")


def test_a_notes_data_said_names_no_market_and_keeps_its_company():
    """年报数据显示,公司… in a note on a company: no market's data piece (it names no market), so
    the company the note is on reports the figures."""
    [c] = _claims("2023年报点评:业绩稳健增长\n事件:公司发布2023年年报。数据显示,公司2023年实现营收4009.2亿元,"
                  "同比+22.0%。\n点评:麒麟电池和神行超充电池放量。", "2024-03-20")
    assert c.subject == "宁德时代"


@pytest.mark.parametrize("text", [
    "华远证券发布研究报告《宁德时代2023年年报点评:业绩稳健增长》。\n公司2023年实现营收4009.2亿元,同比+22.0%。",
    "《宁德时代(300750):业绩稳健增长》\n公司2023年实现营收4009.2亿元,同比+22.0%。",
])
def test_a_notes_title_in_title_marks_names_its_company_not_its_broker(text):
    """华远证券发布研究报告《宁德时代…点评》: the broker publishes, the company its note's title names
    reports the figures."""
    [c] = _claims(text, "2024-03-20")
    assert c.subject == "宁德时代"


@pytest.mark.parametrize("text", [
    "2023年报点评:量利齐升\n公司2023年实现营收4009.2亿元,同比+22.0%。公司推出神行超充电池,麒麟电池已量产。特斯拉、理想汽车为公司主要客户。",
])
def test_a_notes_customers_report_nothing_its_products_name_their_maker(text):
    """A note that calls its company 公司 and names its customers (特斯拉、理想汽车为公司主要客户):
    the customers report nothing; the products it names (神行超充电池, 麒麟电池) name their maker."""
    [c] = _claims(text, "2024-03-20")
    assert c.subject == "宁德时代"


@pytest.mark.parametrize("text", [
    "财报\n锦程集团公布截至2022年3月31日止财政年度业绩,全年收入为8530.62亿元,按年增长19%。",
    "财报\n锦程集团公布截至2022年3月31日止第四财季业绩,收入为2040.52亿元,同比增长9%。全年收入为8530.62亿元,按年增长19%。",
])
def test_the_full_year_of_a_fiscal_year_ending_in_march(text):
    """截至3月31日止财政年度 (or 第四财季) tells a fiscal year ending in March: 全年 is that fiscal year,
    not the calendar year."""
    claims = {c.value: c for c in _claims(text, "2022-05-27")}
    assert claims[853_062_000_000].period == "2021-04/2022-03"


def test_a_headline_summing_up_a_change_the_body_states_is_no_claim():
    """出货翻倍 in the title, 同比增长约160% in the body for the same measure: one claim, the body's."""
    claims = _claims("华远锂能(300999)点评:储能电池出货翻倍\n2023年公司储能电池出货约26GWh,同比增长约160%。", "2024-03-20")
    assert [(c.value, c.change.value) for c in claims] == [(26, pytest.approx(1.6))]


@pytest.mark.parametrize("text,subject", [
    ("1-11月份全国规模以上工业企业利润\n1-11月份,规模以上工业企业实现利润总额69822.8亿元,同比下降4.4%。", "中国"),
    ("全国总工会发布报告\n报告显示,2023年会员人数为3亿人。", "全国总工会"),
])
def test_a_lead_speaking_of_the_whole_country_is_about_china(text, subject):
    """全国规模以上工业企业利润 with no place or company in the lead: the country's statistic (中国);
    a national body (全国总工会) is no country."""
    claims = _claims(text, "2024-01-17")
    assert claims and {c.subject for c in claims} == {subject}


def test_hong_kong_results_wording_of_a_half():
    """A Hong Kong half's results: 较二零二三年同期的 is that year's half, 美仙 US cents, a move
    before 最高见 the price's, 较去年底 no part of a metric."""
    text = ("锦程航运业绩\n锦程航运(0316)今日公布截至二零二四年六月三十日止六個月中期業績。\n期內收入為42.6億美元,"
            "較二零二三年同期的56.3億美元減少24.3%。每股基本盈利為49.7美仙。客戶存款較去年底增加4.5%至1.93萬億港元。"
            "錦程航運股價今早高開5.3%,最高見68.4元。")
    got = {c.value: c for c in _claims(text, "2024-08-21")}
    assert got[5_630_000_000].period == "2023H1"
    assert (got[0.497].unit, got[0.497].metric) == ("USD", "每股基本盈利")
    assert got[1.93e12].metric == "客户存款"
    assert (got[68.4].metric, got[68.4].change.kind, got[68.4].change.value) == ("股价", "growth", pytest.approx(0.053))


def test_a_hong_kong_companys_dividends():
    """末期股息每股28仙,连同中期息每股12仙,全年合共派息40仙;另派特别股息每股5仙: each dividend its
    own per-share metric, the company's (合共 is no name)."""
    text = ("锦程地产业绩\n锦程地产(00988)公布截至2023年12月31日止年度业绩。董事会建议派发末期股息每股28仙,"
            "连同中期息每股12仙,全年合共派息40仙,按年减少20%。另派特别股息每股5仙。")
    got = {round(c.value, 2): (c.subject, c.metric) for c in _claims(text, "2024-03-20")}
    assert got == {0.28: ("锦程地产", "每股末期股息"), 0.12: ("锦程地产", "每股中期息"),
                   0.4: ("锦程地产", "派息"), 0.05: ("锦程地产", "每股特别股息")}


def test_receivables_are_a_stock_at_the_periods_end():
    """应收账款24.74万亿元 in the data of 1—5月份: a balance at the end of May, not a flow over the months."""
    text = ("2024年1-5月份全国规模以上工业企业利润增长3.4%\n1—5月份,全国规模以上工业企业实现利润总额27543.8亿元,"
            "同比增长3.4%。\n5月末,规模以上工业企业资产负债率为57.3%。应收账款24.74万亿元,同比增长8.6%。")
    got = {c.metric: c.period for c in _claims(text, "2024-06-27")}
    assert got["应收账款"] == "asof:2024-05"


def test_a_banks_ratios_and_branches_are_stocks_at_the_periods_end():
    """A bank's half: its 资本比率 and its 分店 stand at the end of June, not over the half."""
    text = ("锦程银行业绩\n锦程银行(0023)公布截至6月30日止六个月中期业绩。普通股权一级资本比率为16.8%,"
            "总资本比率为20.1%。集团共有分店312间。")
    assert {c.period for c in _claims(text, "2024-07-31")} == {"asof:2024-06"}


def test_a_hong_kong_wires_bare_yuan_follow_the_first_currency_it_names():
    """收益為80億港元…純利30億元…北向成交額500億元人民幣: the bare 元 in 港元, whatever a later line names."""
    text = ("星河集團業績\n星河集團（01234）今日公布全年業績，收益為80億港元，按年上升5%。\n"
            "股東應佔溢利30億元，按年增加8%。\n滬深港通北向交易日均成交額500億元人民幣。\n")
    got = {c.metric: c.unit for c in _claims(text, "2024-03-01")}
    assert got["股东应占溢利"] == "HKD" and got["收益"] == "HKD", got
    rmb = ("星河集團業績\n星河集團（01234）今日公布全年業績，收益為人民幣80億元，按年上升5%。\n"
           "股東應佔溢利30億元，按年增加8%。\n")
    got = {c.metric: c.unit for c in _claims(rmb, "2024-03-01")}
    assert got["股东应占溢利"] == "CNY", got


def test_an_interim_of_a_year_ending_in_march_is_its_six_months():
    """截至9月30日止六個月中期業績 of a March fiscal year: 04-09, not the calendar first half."""
    got = {(c.metric, c.period) for c in _claims(
        "聯想中期業績\n聯想集團（00992）公布截至2023年9月30日止六個月中期業績，收益197億美元，按年下跌20%。\n"
        "派中期息每股8港仙。\n", "2023-11-16")}
    assert ("收益", "2023-04/2023-09") in got and ("每股中期息", "2023-04/2023-09") in got, got


def test_a_line_ending_in_a_semicolon_goes_on_with_its_quarter():
    text = ("星河集團業績\n星河集團（01234）公布截至2023年12月31日止年度業績，收益80億港元。\n"
            "單計第四季，收益20億港元，按年升11%；\n純利5億港元，按季減少10%。\n")
    got = {(c.metric, c.period) for c in _claims(text, "2024-03-01")}
    assert ("纯利", "2023Q4") in got, got


@pytest.mark.parametrize("text, metric, value, period", [
    ("董事會宣派第二次中期股息（即末期股息）每股4.2元。", "每股末期股息", 4.2, "2023"),
    ("董事會建議派末期息每股5角2仙。", "每股末期息", 0.52, "2023"),
])
def test_a_dividend_by_its_other_name_and_in_dimes_and_cents(text, metric, value, period):
    got = [(c.metric, c.value, c.period) for c in _claims("星河集團業績\n星河集團（01234）今日公布截至2023年12月31日止年度業績。\n"
                                                          + text + "\n", "2024-03-01")]
    assert (metric, pytest.approx(value), period) in got, got


def test_a_price_at_the_midday_break_is_no_closing_price_and_an_outlets_digits_no_count():
    got = [(c.metric, c.value) for c in _claims("星河集團股價\n香港01　2024-03-01　經濟\n星河集團（01234）股價午收報25.8元，升1.6%。\n",
                                                "2024-03-01")]
    assert got == [("股价", 25.8)], got


def test_a_list_of_places_heading_a_companys_metric_goes_into_the_metric():
    got = [(c.subject, c.metric) for c in _claims(
        "星河珠寶全年業績\n星河珠寶（01234）公布截至2024年3月31日止年度業績，營業額1089億港元。\n"
        "香港、澳門及其他市場營業額183億元，按年增長12.9%。\n", "2024-06-14")]
    assert ("星河珠宝", "香港、澳门及其他市场营业额") in got, got


def test_a_labels_unit_holds_for_each_figure_of_its_slash_series():
    """营业收入(亿元):4009.2/4193.6/4812.5: every figure of the series in 亿元, not the first alone."""
    got = sorted(c.value for c in _claims("星河电池2024年一季报点评\n营业收入（亿元）：4009.2/4193.6/4812.5\n", "2024-04-16"))
    assert got == [400_920_000_000, 419_360_000_000, 481_250_000_000], got


def test_a_hong_kong_code_after_a_share_class_marker_lists_the_company_there():
    """理想汽車-W(02015): listed in Hong Kong; its price in bare 元 is in Hong Kong dollars, though the
    results are declared in 人民幣."""
    text = ("星河汽車業績\n【經濟通訊】星河汽車-W（02015）今日公布截至2023年9月30日止三個月業績，"
            "期內總收入346.8億元（人民幣．下同），按年增長271.2%。\n星河汽車股價今早向好，現報158.9元，升2.3%。\n")
    got = {c.metric: c.unit for c in _claims(text, "2023-11-09")}
    assert got["总收入"] == "CNY" and got["股价"] == "HKD", got


def test_a_companys_spending_a_speaker_gives_is_the_companys():
    text = ("星河汽车业绩\n星河汽车(02015)今日公布第三季度业绩,收入为人民币346.8亿元。\n"
            "首席财务官李铁则称,预计全年交付量将超过37.6万辆,研发开支约105亿元。\n")
    got = {c.metric: c.subject for c in _claims(text, "2023-11-09") if "研发" in c.metric}
    assert got and set(got.values()) == {"星河汽车"}, got


def test_the_parts_after_a_breakdown_are_compared_as_the_first_part_says():
    """从环比看,…比上月增长0.39%。分三大门类看,采矿业同比增长3.0%,制造业增长5.1%: the parts are
    year on year, as the first says, not month on month as the sentence before."""
    text = ("华远省统计局发布数据\n10月份,全省规模以上工业增加值同比增长4.6%。从环比看,10月份,规模以上工业增加值比上月增长0.39%。"
            "分三大门类看,10月份,采矿业增加值同比增长3.0%,制造业增长5.1%。\n")
    got = {c.value: c.change.kind for c in _claims(text, "2023-11-15") if c.value in (0.03, 0.051)}
    assert got == {0.03: "yoy", 0.051: "yoy"}, got


def test_a_contraction_of_a_name_the_text_writes_in_full_names_the_company_in_full():
    """招行 where the text also writes 招商银行: a contraction (characters left out between) stands
    for the full name; a name with a word after it (快手平台) is no full name of 快手."""
    claims = _claims("招商银行股份有限公司(下称“招商银行”)发布2023年年报。\n2023年,招行实现营业收入3000亿元,"
                     "同比下降1.6%。招行净利润1400亿元。\n", "2024-03-26")
    assert {c.subject_text for c in claims} == {"招商银行"}, [(c.subject_text, c.metric) for c in claims]


def test_a_company_called_by_its_sector_or_its_seat_before_its_name_opens_its_clause():
    """ABC龙头无锡云岭药业股份有限公司(下称“云岭药业”)则预计,…营业收入…: the company is the subject,
    whatever it is called (龙头) and wherever seated (无锡) before its name."""
    claims = _claims("医药股业绩预告出炉:星河医药净利预增近五成\n截至1月24日晚间,多家医药公司披露业绩预告,"
                     "创新药龙头表现亮眼,ABC板块则普遍承压。\n江苏星河医药股份有限公司(下称“星河医药”)预计,"
                     "2024年营业收入约200亿元。星河方面解释称,增长主要因创新药销售收入增长。\n"
                     "ABC龙头无锡云岭药业股份有限公司(下称“云岭药业”)则预计,2024年营业收入约为300亿元,同比下降约2.7%。\n",
                     "2025-01-25")
    got = next(c for c in claims if c.value == 30_000_000_000)
    assert "云岭药业" in got.subject_text, [(c.subject_text, c.value) for c in claims]


def test_a_name_before_a_word_for_a_sector_is_no_organization():
    from extract.nlp.components.entities import Mention
    from extract.nlp.frame import is_sector

    model = Mention(0, 3, "Organization", "CXO", "CXO", "model", 0.9)
    assert is_sector(model, "CXO板块承压") and is_sector(model, "CXO龙头星河医药")
    assert not is_sector(model, "CXO公布业绩")
    assert not is_sector(Mention(0, 2, "Company", "比亚迪", "比亚迪", "lexicon", 1.0), "比亚迪龙头地位稳固")


def test_a_pages_share_bar_names_no_entity_and_bencheng_is_hong_kong():
    """文字:大 中 小  分享:WhatsApp Facebook 列印 is a page's tools; 政府统计处 publishing 本港's
    figures gives Hong Kong's, in Hong Kong dollars; 较一年前同季 is the base, not the period."""
    claims = _claims("统计处:10月零售业总销货价值按年跌7.3%\n文字:大 中 小  分享:WhatsApp Facebook 列印\n"
                     "政府统计处今日公布,本港2024年10月零售业总销货价值的临时估计为305亿元,较2023年同月下跌7.3%。\n"
                     "2024年第三季本地生产总值较一年前同季实质上升1.8%。\n", "2024-12-02")
    assert [(c.subject, c.unit, c.period) for c in claims] == [("香港", "HKD", "2024-10"), ("香港", "percent", "2024Q3")], claims


def test_a_hong_kong_code_after_the_full_name_makes_bare_yuan_hong_kong_dollars():
    """星河房地产投资信托基金(00823): listed in Hong Kong though the text goes on as 星河; its 收报35.15元 is HKD."""
    claims = _claims("领展房地产投资信托基金(00823)公布全年业绩,收益按年上升11.8%至136.82亿港元。\n"
                     "领展今日收报35.15元,跌0.7%。\n", "2024-05-29")
    assert [(c.value, c.unit) for c in claims if c.value == 35.15] == [(35.15, "HKD")], claims


def test_a_calls_quarter_named_alone_and_its_year_ahead():
    """星河汽车Q4电话会纪要:一季度交付指引…, 全年目标… published in February: the call reports the
    fourth quarter just ended; what it hopes for the whole year (全年, 年底) is the year under way,
    and a relative table header (本季度 上季度) is placed against the quarter."""
    d = extract_text("星河汽车Q4电话会纪要:一季度交付指引10万辆 全年销量目标80万辆\n"
                     "本季度星河汽车共交付131805辆。\n核心数据(单位:人民币亿元)\n项目 本季度 上季度\n总收入 417.3 346.8\n"
                     "A(CFO):我们希望全年整车毛利率保持在20%左右。超充站年底目标是两千座。\n",
                     doc_id="p", published="2024-02-26")[0]
    assert d.frame.period == "2023Q4"
    by_value = {c.value: c.period for c in d.claims}
    assert (by_value[131805], by_value[41_730_000_000], by_value[34_680_000_000]) == ("2023Q4", "2023Q4", "2023Q3"), by_value
    assert (by_value[0.2], by_value[2000]) == ("2024", "asof:2024-12"), by_value


@pytest.mark.parametrize("line, metric, period, unit", [
    ("投资评级:买入 当前股价(4月26日):243.60元", "股价", "asof:2024-04-26", "CNY"),
    ("投资评级:买入 收市价(2024年3月26日):78.8港元", "收盘价", "asof:2024-03-26", "HKD"),
])
def test_a_price_named_with_its_day_in_brackets_before_it(line, metric, period, unit):
    [c] = _claims(f"星河电池(300999)2023年报点评\n{line}\n", "2024-04-28")
    assert (c.metric, c.period, c.unit) == (metric, period, unit), c


@pytest.mark.parametrize("text", [
    "我们预测2025-2027财年收入分别为人民币80亿元、90亿元及99亿元。",
    "我们预计公司2025-2027年收入为80亿/90亿/99亿元。",
])
def test_a_forecast_list_over_fiscal_years_or_with_every_magnitude_written(text):
    """2025-2027财年…分别为 spreads over the years as 2025-2027年 does; 80亿/90亿/99亿元 is a list of
    three, each with its magnitude, not a rate per 亿."""
    got = [(c.metric, c.value, c.period) for c in _claims(f"星河体育(02020)年报点评\n{text}\n", "2024-04-28")]
    assert got == [("预测收入", 8e9, "2025"), ("预测收入", 9e9, "2026"), ("预测收入", 9.9e9, "2027")], got


def test_a_figure_named_by_an_anaphor_a_day_of_the_month_a_source_and_a_phone_number():
    """该数字上季度为…: the measure of the figure before; 美股13日盘前上涨 said on the 14th: the 13th;
    来自星河集团的广告营收: the source is no subject; 报料:021-962866 is no figure."""
    claims = _claims("云岭科技公布三季度财报\n云岭科技第三季度营收为142.1亿元,同比增长89%。该数字上季度为121.9亿元。\n"
                     "云岭科技美股13日盘前上涨1.5%,报22.3美元。\n第三季度来自星河集团的广告营收为5150万元。\n新闻报料:021-962866\n",
                     "2020-11-14")
    got = [(c.subject, c.metric, c.value, c.period) for c in claims]
    assert got == [("云岭科技", "营收", 14_210_000_000, "2020Q3"), ("云岭科技", "营收", 12_190_000_000, "2020Q2"),
                   ("云岭科技", "股价", 22.3, "asof:2020-11-13"), ("云岭科技", "广告营收", 51_500_000, "2020Q3")], got


def test_the_links_after_a_related_news_heading_set_no_fiscal_year():
    """相关新闻: a link naming another company's 第三财季 is another article's headline: the piece's
    bare 第二季 stays the calendar quarter."""
    claims = _claims("Counterpoint:内地第二季手机销量按年跌6%\n今年第二季中国内地智能手机销量按年下跌6%。\n"
                     "华为第二季销量按年大增76%。\n相关新闻:\n‧苹果公布第三财季业绩\n", "2023-08-10")
    assert [(c.value, c.period) for c in claims if c.value in (-0.06, 0.76)] == [(-0.06, "2023Q2"), (0.76, "2023Q2")], claims
