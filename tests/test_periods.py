"""Table-driven tests of period mentions (issue 16): the wordings of results coverage, Hong Kong
filings and analysts' notes, each row a phrase written for these tests and the period codes it
names, resolved against the year 2024 when it gives none."""
from __future__ import annotations

import pytest

from extract.nlp.frame import event_date, period_end
from extract.nlp.periods import find_periods

ROWS = [
    ("2020年第三季度营收", ["2020Q3"]),
    ("星河科技18Q3净营收", ["2018Q3"]),          # a two-digit year, as in headlines and notes
    ("7、8、9三个月分别交付1641辆、2015辆和3478辆", ["2024-07", "2024-08", "2024-09"]),  # months listed, one 月 for all
    ("7、8月分别交付1641辆和2015辆", ["2024-07", "2024-08"]),
    ("7月、8月、9月分别交付1641辆、2015辆和3478辆", ["2024-07", "2024-08", "2024-09"]),
    ("2Q24收入", ["2024Q2"]),
    ("Q1'24收入", ["2024Q1"]),
    ("23H1营收", ["2023H1"]),
    ("23年公司实现营收4009亿元", ["2023"]),
    ("我们预计24年营收4500亿元", ["2024"]),
    ("公司23年全年出货321GWh", ["2023"]),
    ("公司成立23年,连续23年盈利,23年来营收增长", []),  # durations, not years
    ("1H25营收", ["2025H1"]),
    ("23年第四季度营收", ["2023Q4"]),
    ("公司21年Q4营收75.1亿元", ["2021Q4"]),
    ("H2营收130.5亿元", ["2024H2"]),           # an analyst's bare half, of the year in context
    ("华为H20芯片出货量", []),
    ("星河汽车第三季收入", ["2024Q3"]),          # Hong Kong wording: 季 without 度
    ("首季收入", ["2024Q1"]),
    ("次季经调整溢利", ["2024Q2"]),
    ("2024年6月季度", ["2024Q2"]),               # a quarter named by the month it ends
    ("2019年12月份季度业绩", ["2019Q4"]),         # … with 月份
    ("到今年年底建成1100个充电桩", ["asof:2024-12"]),  # 今年 + 年底: the stock at the year's end
    ("今年年底前交付1万辆", ["2024"]),            # … 年底前: by then, the year's flow
    ("截至9月底止季度", ["2024Q3"]),
    ("截至2025年9月30日止三个月", ["2025Q3"]),
    ("连续23年位居第一", []),                     # a duration, not a year
    ("四季如春的城市", []),
    ("2023年净亏损由上年的12亿元收窄至5亿元", ["2023", "2022"]),   # 上年: before the year named
    ("2023年第三季度营收为10亿元,上年同期为8亿元", ["2023Q3", "2022Q3"]),
    ("2018年第三季度净亏损32.1亿元,较2017年同期的12.3亿元扩大", ["2018Q3", "2017Q3"]),  # that year's quarter
    ("2018年营收较2017年同期增长10%", ["2018", "2017"]),
    ("与第二季度相比,本季度营收增长", ["2024Q2"]),  # the compared quarter is no 本季度
    ("上一季度营收", []),                          # no quarter in context: unknown, not 一季度
    ("第三季度营收5亿元,上一季度营收4亿元,较上一季度增长", ["2024Q3", "2024Q2", "2024Q2"]),
    ("3季度营收5亿元,2季度营收4亿元", ["2024Q3", "2024Q2"]),  # a quarter in Arabic digits
    ("第3季度交付量", ["2024Q3"]),
    ("22年1-2月流水同比增长30%", ["2022-01/2022-02"]),  # an analyst's two-digit year before months
    ("本财年前三个季度营收", []),                      # no fiscal year in context: unknown
    ("星河汽车首九个月收入", ["2024-01/2024-09"]),  # Hong Kong wording: 首九个月, 首三季
    ("首三季收入", ["2024-01/2024-09"]),
    ("星河集团2022/23财年收益", ["2022-04/2023-03"]),  # a fiscal year written over two years ends in March
    ("星河集团2022/23财年中期业绩", ["2022-04/2022-09"]),  # its interim results: the first half
    ("公布2023年中期利润分配方案,每10股派3元", ["2023H1"]),  # a year's interim payout: its first half
    ("拟派2023年中期股息每股0.3元", ["2023H1"]),
    ("公司连续3季度盈利", []),                      # a count of quarters, not the third
    ("第三季度营收5亿元,前一季度营收4亿元", ["2024Q3", "2024Q2"]),  # 前一季度: the quarter before
]


#: quarters named with no year, in results coverage published in February 2020: the quarter the
#: results are for ended before publication
PUBLISHED_ROWS = [
    ("星河集团2020财年Q3营收", ["2019Q4"]),        # a fiscal quarter written Q3, reported in February 2020
    ("星河集团20财年Q3营收", ["2019Q4"]),
    ("星河集团FY20Q3营收", ["2019Q4"]),
    ("星河集团2020财年前九个月收入", ["2019-04/2019-12"]),  # the fiscal year's first nine months
    ("星河集团发布第三财季财报", ["2019Q4"]),     # a fiscal quarter: the calendar quarter last ended
    ("星河集团公布12月份季度业绩", ["2019Q4"]),   # a quarter named by its end month: not one to come
    ("截至12月底止季度", ["2019Q4"]),
    ("截至3月底止季度", ["2019Q1"]),
    ("截至12月31日的九个月", ["2019-04/2019-12"]),            # the year of context, not one to come
    ("截至2019年12月31日止第三财季业绩", ["2019Q4"]),          # a fiscal quarter named by its end date
    ("12月移动月活跃用户达到8.24亿", ["2019-12"]),             # a bare month reported: already past
    ("下半年营收为12亿元", ["2019H2"]),
    ("预计12月交付量将达1万辆", ["2020-12"]),                 # ... unless the sentence looks ahead
    ("1-11月累计交付18.2万辆", ["2019-01/2019-11"]),          # a span of months too
    ("截至今年6月30日止六个月的溢利", ["2020H1"]),             # 今年 in place of the year
    ("截至10月底止十个月", ["2019-01/2019-10"]),                # any number of months, to a month's end
    ("上年度全年收益为88.6亿港元", ["2019", "2019"]),          # 上年度 (not 上年 + 度); 全年 right after it is its
    ("截至2019年12月31日止季度及九个月业绩", ["2019Q4", "2019-04/2019-12"]),
]


@pytest.mark.parametrize("text,codes", PUBLISHED_ROWS, ids=[r[0] for r in PUBLISHED_ROWS])
def test_quarters_without_a_year_are_ones_already_reported(text, codes):
    assert [p.period for p in find_periods(text, 2020, None, (2020, 2))] == codes


@pytest.mark.parametrize("text,codes", ROWS, ids=[r[0] for r in ROWS])
def test_find_periods(text, codes):
    assert [p.period for p in find_periods(text, 2024)] == codes


DATES = [
    ("据新华社北京12月31日电,当年票房", [True, False]),   # a wire's dateline; 当年 is a period
    ("星河科技2018年12月31日晚发布的数据显示", [True]),
    ("北京,2022年5月17日,星河科技今天公布", [True]),       # a press release's dateline
    ("3月5日至10日期间,合计观看用户近240万人", [False]),   # days of an event: its month
    ("截至2022年3月31日的季度", [False]),                   # the end of a span
]


@pytest.mark.parametrize("text,flags", DATES, ids=[r[0] for r in DATES])
def test_event_dates(text, flags):
    assert [event_date(text, p) for p in find_periods(text, 2021)] == flags


@pytest.mark.parametrize("code,end", [("2025Q2", "asof:2025-06"), ("2024H2", "asof:2024-12"),
                                      ("2023", "asof:2023-12"), ("2023-04/2024-03", "asof:2024-03"),
                                      ("asof:2020-12", "asof:2020-12"), ("junk", None)])
def test_period_end(code, end):
    assert period_end(code) == end


def test_a_calls_this_quarter_and_the_last():
    """这个季度 and 上个季度, as a call says them, against the quarter the call is about."""
    got = find_periods("这个季度净亏损为32.1亿元,上个季度净亏损为25.9亿元", 2024, "2024Q1")
    assert [p.period for p in got] == ["2024Q1", "2023Q4"]


def test_as_of_now_is_the_publication_month():
    """截至目前 is said on the day of publication; without a publication date it names no period."""
    assert [p.period for p in find_periods("截至目前,累计交付已超过5,000辆", 2018, None, (2018, 11))] == ["asof:2018-11"]
    assert find_periods("截至目前,累计交付已超过5,000辆", 2018) == []


@pytest.mark.parametrize("text,month,codes", [
    ("10月交付100辆,较上月增长10%", None, ["2023-10", "2023-09"]),      # against the month named before (last October)
    ("当月交付100辆,上个月交付80辆", "2024-10", ["2024-10", "2024-09"]),  # against the month in context
    ("本月交付100辆,上月交付80辆", None, ["2024-01", "2023-12"]),        # else the month of publication
    ("上月末公司员工达5000人", None, ["asof:2023-12"]),
])
def test_this_month_and_the_last(text, month, codes):
    """本月/当月 and 上月/上个月 against the month named before them, the month in context, or the
    month of publication (January 2024 here)."""
    assert [p.period for p in find_periods(text, 2024, None, (2024, 1), month=month)] == codes


def test_a_relative_month_without_any_month_known_names_none():
    assert find_periods("上个月交付80辆", 2024) == []


def test_this_quarter_with_none_named_is_the_one_last_ended_before_publication():
    """A call says 这个季度 of the quarter it reports: the one last ended before publication;
    下个季度 is the one after it."""
    got = find_periods("这个季度我们交付了3268辆,预计下个季度交付4000辆", 2018, None, (2018, 11))
    assert [p.period for p in got] == ["2018Q3", "2018Q4"]
    assert [p.period for p in find_periods("本季度营收14.8亿元", 2019, None, (2019, 1))] == ["2018Q4"]
    # an outlook's 本季度 is the quarter under way
    assert [p.period for p in find_periods("我们预计本季度交付4000辆", 2018, None, (2018, 11))] == ["2018Q4"]


def test_what_stands_now_is_as_of_publication_or_of_a_monthly_pieces_month():
    """目前已有… is said of the day of publication; in a piece about a month's data, of that month."""
    text = "目前已有超过6000名员工"
    assert [p.period for p in find_periods(text, 2018, None, (2018, 11))] == ["asof:2018-11"]
    assert [p.period for p in find_periods(text, 2020, None, (2020, 11), data_month="2020-10")] == ["asof:2020-10"]
    assert find_periods(text, 2018) == []
    assert [p.period for p in find_periods("目前我们的在手订单超过1万辆", 2018, None, (2018, 11))] == ["asof:2018-11"]
    assert [p.period for p in find_periods("当前公司拥有门店500家", 2018, None, (2018, 11))] == ["asof:2018-11"]
    assert find_periods("当前季度营收", 2018, None, (2018, 11)) == []  # 当前 names no stock here
    assert [p.period for p in find_periods("目前营收增长放缓", 2018, None, (2018, 11))] == []  # nothing stands


def test_the_first_fiscal_quarters_are_of_the_fiscal_year_in_context():
    """前三个财季 in the results of a fiscal year ending in March: its first nine months."""
    got = find_periods("前三个财季营收3757亿元", 2020, "2019Q4", (2020, 2), 3)
    assert [p.period for p in got] == ["2019-04/2019-12"]


def test_the_year_to_date_runs_from_january_to_the_month_of_publication_or_of_the_data():
    assert [p.period for p in find_periods("今年以来累计交付5000辆", 2018, None, (2018, 11))] == ["2018-01/2018-11"]
    assert [p.period for p in find_periods("年初至今股价下跌30%", 2020, None, (2020, 11), data_month="2020-10")] \
        == ["2020-01/2020-10"]
    assert [p.period for p in find_periods("今年以来累计交付5000辆", 2018)] == ["2018"]  # no month known: the year


def test_a_year_to_date_runs_to_the_month_the_sentence_counts_up_to():
    def codes(text):
        return [p.period for p in find_periods(text, 2024, None, (2024, 11))]
    assert codes("今年截至10月底,星河汽车累计交付新车12.3万辆") == ["2024-01/2024-10"]
    assert codes("年内截至9月30日,公司累计交付12万辆") == ["2024-01/2024-09"]
    # a month counted up to before the subject ends the year to date after it; the day stays a day's stock
    assert codes("截至10月31日,星河汽车今年累计交付新车12.3万辆") == ["asof:2024-10", "2024-01/2024-10"]
    assert codes("星河汽车年内累计交付新车12.3万辆") == ["2024-01/2024-11"]  # 年内 before 累计: to date, no full year
    assert codes("星河汽车今年累计交付新车12.3万辆") == ["2024-01/2024-11"]


def test_a_word_ending_in_tou_before_a_month_is_no_first_months():
    assert [p.period for p in find_periods("南沙码头3月完成集装箱吞吐量30万标箱", 2024)] == ["2024-03"]
    assert [p.period for p in find_periods("头5个月完成集装箱吞吐量30万标箱", 2024)] == ["2024-01/2024-05"]
