"""Table-driven tests of extract.nlp.numbers: parse_number, find_quantities, and the data tables.

Sentences are written for these tests in the style of earnings coverage; none is copied from
the dev set or the corpus.
"""
from __future__ import annotations

import math

import cn2an
import pytest
from hypothesis import given, settings, strategies as st

from extract.nlp.numbers import data as number_tables
from extract.errors import DataError
from extract.model import valid_unit
from extract.nlp.numbers.find import Quantity, find_quantities
from extract.nlp.numbers.parse import parse_number

# --------------------------------------------------------------------------------------------
# parse_number

PARSE = [
    ("3892", 3892), ("1,234.5", 1234.5), ("12,000,000", 12_000_000), ("０.５", 0.5),
    ("１２３", 123), ("2.71亿", 271_000_000), ("1.2万亿", 1.2e12), ("3千万", 3e7),
    ("5千亿", 5e11), ("0.5万", 5000), ("2.23 亿", 2.23e8), ("3亿5000万", 3.5e8), ("3万5千", 35000),
    ("两千万", 2e7), ("三十二", 32), ("一百零五", 105), ("二〇二〇", 2020), ("十", 10),
    ("两亿三千万", 2.3e8), ("十二万三", 123000), ("一点二万", 12000), ("三点五亿", 3.5e8),
    ("零点零五", 0.05), ("百万", 1e6), ("万亿", 1e12), ("亿", 1e8), ("-5", -5), ("负三", -3),
    ("九十九亿九千九百九十九万", 9_999_990_000),
]
PARSE_NONE = ["", "   ", "abc", "成", "百分之三十二", "一成", "55%", "100多万", "1,2", "1万2",
              "万万", "1e5", "３.", "二十〇", "--5", "数百万"]


@pytest.mark.parametrize("text,value", PARSE, ids=[p[0] for p in PARSE])
def test_parse_number(text, value):
    assert parse_number(text) == pytest.approx(value, rel=1e-12)


@pytest.mark.parametrize("text", PARSE_NONE, ids=[repr(p) for p in PARSE_NONE])
def test_parse_number_rejects(text):
    assert parse_number(text) is None


# --------------------------------------------------------------------------------------------
# find_quantities: one row = a sentence, the surface of one quantity in it, and its fields


def Q(text, surface, _id=None, marks=(), **want):
    return pytest.param(text, surface, want, id=_id or f"{surface}|{text[:18]}", marks=marks)


def XF(reason, *args, **kw):
    return Q(*args, marks=pytest.mark.xfail(strict=True, reason=reason), **kw)


ROWS = [
    # money
    Q("蔚来第三季度营收人民币45.7亿元,同比增长146%", "人民币45.7亿元", value=4.57e9, unit="CNY",
      kind="money", unit_word="元", magnitude_word="亿"),
    Q("蔚来第三季度营收人民币45.7亿元,同比增长146%", "146%", value=1.46, unit="percent"),
    Q("拼多多本季度净利润为219亿元", "219亿元", value=2.19e10, unit="CNY"),
    Q("美团外卖单均价42.3元", "42.3元", value=42.3, unit="CNY", kind="money"),
    Q("网易游戏收入达到1,234.5万元", "1,234.5万元", value=12_345_000, unit="CNY"),
    Q("京东全年GMV约2.6万亿元", "约2.6万亿元", value=2.6e12, unit="CNY", qualifier="约",
      hedge_dir="approx", magnitude_word="万亿"),
    Q("阿里巴巴回购$15亿股票", "$15亿", value=1.5e9, unit="USD"),
    Q("小鹏汽车募资US$12亿", "US$12亿", value=1.2e9, unit="USD"),
    Q("百胜中国派息HK$20亿", "HK$20亿", value=2e9, unit="HKD"),
    Q("腾讯音乐经调整净利润为3.2亿美元", "3.2亿美元", value=3.2e8, unit="USD", unit_word="美元"),
    Q("海底捞全年收入288亿港元", "288亿港元", value=2.88e10, unit="HKD"),
    Q("融资金额为两千万元", "两千万元", value=2e7, unit="CNY", magnitude_word="万"),
    Q("哔哩哔哩广告收入三点五亿元", "三点五亿元", value=3.5e8, unit="CNY"),
    Q("星巴克中国单店月营收１２０万元", "１２０万元", value=1.2e6, unit="CNY"),
    Q("极兔速递本轮融资超过人民币100亿元", "超过人民币100亿元", value=1e10, unit="CNY",
      qualifier="超过", hedge_dir="gt"),
    Q("该基金规模为3亿5000万元", "3亿5000万元", value=3.5e8, unit="CNY"),
    Q("某车企年度营收100多万元", "100多万元", value=1e6, unit="CNY", qualifier="多", hedge_dir="gt"),
    # percent, points, 成
    Q("理想汽车毛利率提升至22.5%", "22.5%", value=0.225, unit="percent", kind="percent"),
    Q("携程酒店预订量同比增长超过25%", "超过25%", value=0.25, qualifier="超过", hedge_dir="gt"),
    Q("小米手机出货量同比-5.3%", "-5.3%", value=-0.053, unit="percent"),
    Q("毛利率同比提升5.6个百分点", "5.6个百分点", value=0.056, unit="percent", kind="points"),
    Q("净利率下降3百分点", "3百分点", value=0.03, kind="points"),
    Q("贷款利率下调25个基点", "25个基点", value=0.0025, kind="points"),
    # 约为: the hedge 约 linked to the number by 为 (also 约有, 约合)
    Q("付费率约为百分之三十二", "约为百分之三十二", value=0.32, unit="percent", kind="percent", qualifier="约"),
    Q("市值约为420亿美元", "约为420亿美元", value=42_000_000_000, unit="USD", qualifier="约"),
    Q("付费用户数同比增长25%至3200万", "3200万", value=32_000_000, upper=None),
    Q("中国移动5G套餐渗透率约两成", "约两成", value=0.2, unit="percent", qualifier="约"),
    Q("直播收入占比3成", "3成", value=0.3, unit="percent"),
    Q("全年营收增速在20%左右", "20%左右", value=0.2, qualifier="左右", hedge_dir="approx"),
    Q("全角百分号的转化率为１８％", "１８％", value=0.18, unit="percent"),
    Q("爱奇艺10亿成交额的目标", "10亿", value=1e9, unit=None, kind="bare"),
    # users, counts, measures
    Q("知乎月活跃用户达1.01亿", "1.01亿", value=1.01e8, unit=None, kind="bare"),
    Q("某主播在抖音积累了6万粉丝", "6万粉丝", value=60000, unit="users", kind="users"),
    Q("微博月活4000万日活", "4000万日活", value=4e7, unit="users"),
    Q("直播间累计3892人下单", "3892人", value=3892, unit="users", kind="users"),
    Q("全国网民规模达10.92亿人", "10.92亿人", value=1.092e9, unit="users"),
    Q("小红书笔记覆盖数百万用户", "数百万用户", value=1e6, unit="users", qualifier="数百万",
      hedge_dir="approx"),
    Q("得物平台日均访问5000万人次", "5000万人次", value=5e7, unit="count", kind="count"),
    Q("瑞幸咖啡新开门店1,500家", "1,500家", value=1500, unit="count", kind="count"),
    Q("名创优品全球门店近百家", "近百家", value=100, unit="count", qualifier="近", hedge_dir="le"),
    Q("盒马鲜生在上海开出20余家门店", "20余家", value=20, qualifier="余", hedge_dir="gt"),
    Q("贝壳找房本月成交160套", "160套", value=160, unit="other:套", kind="measure"),
    Q("B站日均播放量达 16 亿次", "16 亿次", value=1.6e9, unit="count"),
    Q("宁德时代交付电池车辆8000辆", "8000辆", value=8000, unit="other:辆"),
    Q("该平台用户平均年龄28岁", "28岁", value=28, unit="other:岁"),
    Q("视频号上线3款新游戏", "3款", value=3, unit="other:款"),
    Q("蜂窝物联网终端用户达23.32亿户", "23.32亿户", value=2.332e9, unit="other:户"),
    Q("某视频全网曝光量过亿", "过亿", value=1e8, qualifier="过", hedge_dir="gt",
      magnitude_word="亿"),
    Q("上线后注册商家上万家", "上万家", value=1e4, unit="count", qualifier="上"),
    Q("日活用户破 6000 万", "破 6000 万", value=6e7, qualifier="破", hedge_dir="gt"),
    Q("合作机构数十亿次调用", "数十亿次", value=1e9, unit="count", qualifier="数十亿"),
    Q("累计服务用户三十多万", "三十多万", value=3e5, qualifier="多"),
    Q("至少500家品牌入驻", "至少500家", value=500, qualifier="至少", hedge_dir="ge"),
    Q("用户规模不到1亿", "不到1亿", value=1e8, qualifier="不到", hedge_dir="lt"),
    Q("微信视频号DAU 4.5亿", "4.5亿", value=4.5e8, kind="bare", non_claim=None),
    # durations and multiples
    Q("快手用户日均使用时长89.9分钟", "89.9分钟", value=89.9, unit="minutes", kind="duration"),
    Q("直播带货活动长达12小时", "长达12小时", value=12, unit="hours", qualifier="长达"),
    Q("近30天复购率为四成", "近30天", value=30, unit="other:天", qualifier="近"),
    Q("最近30天复购率为四成", "30天", value=30, qualifier=None),
    Q("退款平均在3个月内完成", "3个月", value=3, unit="other:月", kind="duration"),
    Q("SaaS收入翻了5倍", "5倍", value=5, unit="other:倍", kind="multiple"),
    Q("海外收入增长了两倍", "两倍", value=2, kind="multiple"),
    # ranges
    Q("预计全年亏损3-5亿元", "3-5亿元", value=3e8, upper=5e8, unit="CNY"),
    Q("广告主预算在3至5亿之间", "3至5亿", value=3e8, upper=5e8),
    Q("客单价约100~200元", "约100~200元", value=100, upper=200, qualifier="约", unit="CNY"),
    Q("渗透率有望达到20%-30%", "20%-30%", value=0.2, upper=0.3, unit="percent"),
    Q("复购率提升三至五成", "三至五成", value=0.3, upper=0.5),
    Q("达 达到 不是修饰:营收达到100亿元", "100亿元", value=1e10, qualifier=None, hedge_dir=None),
    # not claims
    Q("2020年营收219亿元", "2020年", non_claim="year", is_year=True, kind="date", unit=None),
    Q("截至2020年12月,付费用户达2000万", "12月", non_claim="date", kind="date"),
    Q("公司于3月5日发布财报", "5日", non_claim="date"),
    Q("财报于2021-03-05发布", "05", non_claim="date"),
    Q("财报于2021-03-05发布", "2021", non_claim="year", is_year=True),
    Q("2019-2020年净利润翻番", "2019-2020年", non_claim="year", upper=2020),
    Q("二〇二〇年该公司上市", "二〇二〇年", non_claim="year", value=2020),
    Q("2020年四季度,日活为3亿", "四季度", non_claim="quarter"),
    Q("公司Q4营收同比增长", "4", non_claim="quarter"),
    Q("2020Q4收入为100亿元", "2020", non_claim="year", is_year=True),
    Q("这是腾讯第47次发布财报", "47次", non_claim="ordinal"),
    Q("1、营收增长12%", "1", non_claim="list"),
    Q("（2）净利润为30亿元", "2", non_claim="list"),
    Q("客服电话400-820-8820", "400", non_claim="phone"),
    Q("拨打400电话咨询", "400", non_claim="phone"),
    Q("原文见mp.weixin.qq.com/s/yFmd3xQ", "3", non_claim="url"),
    Q("联系邮箱ir2021@example.com", "2021", non_claim="email"),
    Q("腾讯控股00700.HK股价上涨", "00700", non_claim="id"),
    Q("苹果iPhone 12销量不及预期", "12", non_claim="version"),
    Q("华为5G手机出货量", "5", non_claim="latin"),
    Q("便利店品牌7-Eleven在华门店", "7", non_claim="latin"),
    Q("天猫双11期间成交额创新高", "11", non_claim="event"),
    Q("会议于10:30开始", "30", non_claim="time"),
    Q("小米推出一款新手机", "一款", non_claim="indefinite"),
    Q("ARPU由2019年的36.1元增长40.2%至2020年的50.6元", "40.2%", value=0.402, upper=None,
      _id="percent-then-year-is-not-a-range"),
    Q("ARPU由2019年的36.1元增长40.2%至2020年的50.6元", "2020年", non_claim="year"),
    Q("商家可申请统一400虚拟电话", "400", non_claim="phone"),
    Q("以下是三点结论。 2 直播电商的增长", "2", non_claim="list", _id="section-number"),
    Q("经调整2经营利润为30亿元", "2", non_claim="footnote", _id="footnote-inside-a-term"),
    Q("3合并利润表附注", "3", non_claim="footnote", _id="footnote-opening-a-line"),
    Q("2024年第一季度财务摘要1\n总收入为315亿元", "1", non_claim="footnote", _id="footnote-ending-a-heading"),
    Q("华远推出3款新车", "3款", value=3, unit="other:款", _id="a-digit-with-its-measure-word-counts"),
    Q("据36氪报道,该公司完成融资", "36", non_claim="brand"),
    Q("在20世纪90年代,零售业态变化", "90年代", non_claim="date"),
    Q("这家公司能否冲击万亿市值", "万亿", value=1e12, qualifier=None, non_claim=None),
    Q("二手车平台卖出超过1.4亿台手机", "超过1.4亿台", value=1.4e8, unit="count"),
    XF("a brand made of bare digits (711便利店) cannot be told from a count without a lexicon",
       "711便利店今年新开门店", "711", non_claim="latin"),
    # 翻番 doubles: 翻一番 ×2, 翻两番 ×4
    Q("公司营收五年翻两番", "两番", kind="multiple", value=4, unit="other:倍"),
    Q("付费会员数两年翻番", "翻番", kind="multiple", value=2, unit="other:倍"),
    Q("净利润较去年翻了近两番", "近两番", kind="multiple", value=4, qualifier="近"),
    XF("a year written as 20年 is read as a duration of 20 years", "20年第四季度营收增长",
       "20年", non_claim="year"),
]


@pytest.mark.parametrize("text,surface,want", ROWS)
def test_find_quantities(text, surface, want):
    found = {q.surface: q for q in find_quantities(text)}
    assert surface in found, f"{surface!r} not among {list(found)}"
    q = found[surface]
    assert text[q.start:q.end] == q.surface
    for field, value in want.items():
        got = getattr(q, field)
        if isinstance(value, float) or (isinstance(value, int) and not isinstance(value, bool)):
            assert got == pytest.approx(value, rel=1e-12), field
        else:
            assert got == value, field


ABSENT = [
    "这一点十分重要", "三一重工发布公告", "一二线城市表现更好", "五四青年节推出视频", "十大品牌榜单",
    "用户数据显示", "百度和万科", "千万不要忽视", "成千上万的商家", "十四五规划", "排名第一",
    "京ICP备12345678号-1", "京公网安备11010502030123号", "邮编:100020", "Copyright © 2005-2024 星河网",
]


@pytest.mark.parametrize("text", ABSENT, ids=ABSENT)
def test_no_claims(text):
    assert [q for q in find_quantities(text) if q.is_claim] == []


def test_hedge_needs_a_magnitude():
    """用户数100万, 通过100道, 线上100万: 数/过/上 stand before a bare magnitude only."""
    for text in ("用户数100万", "通过 100 道考试", "线上100万"):
        (q,) = find_quantities(text)
        assert q.qualifier is None and q.surface in ("100万", "100")


def test_several_in_order():
    qs = find_quantities("2021年一季度,哔哩哔哩营收39亿元,同比增长39%;月活2.23亿,付费用户2050万")
    assert [q.surface for q in qs if q.is_claim] == ["39亿元", "39%", "2.23亿", "2050万"]
    assert [q.start for q in qs] == sorted(q.start for q in qs)


def test_square_feet_are_a_measure():
    """6,900万平方呎 (Hong Kong floor areas; 平方尺 too) keeps its measure, not a bare count."""
    assert [(q.value, q.unit) for q in find_quantities("总楼面面积约为6,900万平方呎")] == [(69_000_000, "other:平方呎")]
    assert [(q.value, q.unit) for q in find_quantities("土地储备1,200万平方尺")] == [(12_000_000, "other:平方呎")]


def test_a_weight_in_jin_is_a_measure():
    """613.6亿斤 of grain keeps its measure word (not a plain count)."""
    assert [(q.value, q.unit) for q in find_quantities("粮食总产量613.6亿斤")] == [(61_360_000_000, "other:斤")]


def test_bounds_said_between_are_one_range():
    """介于75.7亿元与81.2亿元之间: one quantity, the second bound its upper; two amounts joined
    without 之间 stay two."""
    (q,) = find_quantities("收入介于75.7亿元与81.2亿元之间")
    assert (q.value, q.upper, q.unit) == (7_570_000_000, 8_120_000_000, "CNY")
    assert len(find_quantities("收入75.7亿元与利润8.2亿元")) == 2


def test_bounds_each_restated_in_another_currency_are_one_range():
    """介于人民币186.7亿元(合25.7亿美元)至人民币192.5亿元(合26.5亿美元)之间: the restatement after the
    lower bound stands aside; the bounds are one range."""
    qs = find_quantities("总收入介于人民币186.7亿元(合25.7亿美元)至人民币192.5亿元(合26.5亿美元)之间")
    assert [(q.value, q.upper, q.unit) for q in qs if q.unit == "CNY"] == [(18_670_000_000, 19_250_000_000, "CNY")]


def test_a_dash_spaced_before_only_is_a_sign_not_a_range():
    """A table row's 1700.1 -31.5% is a level and a signed change; 100 - 120亿元 and 100-120亿元 stay ranges."""
    assert [(q.value, q.upper) for q in find_quantities("华远地产 1700.1 -31.5%")] == [(1700.1, None), (-0.315, None)]
    for text in ("营收100 - 120亿元", "营收100-120亿元"):
        (q,) = find_quantities(text)
        assert (q.value, q.upper) == (10_000_000_000, 12_000_000_000)


def test_a_list_sharing_its_unit_holds_exact_values():
    """288.6/357.1/432.5亿元: each listed figure is the decimal it reads as, with no float dust."""
    assert [q.value for q in find_quantities("营收分别为288.6/357.1/432.5亿元")] == [28_860_000_000, 35_710_000_000, 43_250_000_000]


# --------------------------------------------------------------------------------------------
# properties

MAGS = {"": 1, "十": 10, "百": 100, "千": 1000, "万": 10**4, "十万": 10**5, "百万": 10**6,
        "千万": 10**7, "亿": 10**8, "十亿": 10**9, "百亿": 10**10, "千亿": 10**11, "万亿": 10**12}


@given(st.integers(0, 10**9), st.integers(0, 99), st.sampled_from(sorted(MAGS)))
def test_arabic_with_magnitude(n, frac, mag):
    text = f"{n}.{frac:02d}{mag}"
    assert parse_number(text) == pytest.approx((n + frac / 100) * MAGS[mag], rel=1e-12)
    assert parse_number(f"{n:,}{mag}") == pytest.approx(n * MAGS[mag], rel=1e-12)


@given(st.integers(1, 9999), st.sampled_from(["", "万", "亿", "万亿"]))
def test_chinese_with_magnitude(n, mag):
    text = cn2an.an2cn(n) + mag
    assert parse_number(text) == n * MAGS[mag]


@given(st.integers(0, 10**12 - 1))
def test_chinese_any_integer(n):
    assert parse_number(cn2an.an2cn(n)) == n


@given(st.integers(1, 10**6), st.sampled_from(["亿元", "万元", "%", "个百分点", "万用户", "家"]))
def test_quantity_in_a_sentence(n, tail):
    qs = [q for q in find_quantities(f"该公司本季度数字为{n}{tail},同比增长") if q.is_claim]
    assert len(qs) == 1 and qs[0].surface == f"{n}{tail}"


_JUNK = list("0123456789.,%-~至到亿万千百十元人次约近超过数多余第年月日零一二两三四五六七八九点成倍个"
             " QA:/@()（）、，。$-")


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from(_JUNK)) | st.text())
def test_never_raises(text):
    v = parse_number(text)
    assert v is None or (isinstance(v, float) and math.isfinite(v))
    for q in find_quantities(text):
        assert isinstance(q, Quantity)
        assert 0 <= q.start < q.end <= len(text) and text[q.start:q.end] == q.surface
        assert math.isfinite(q.value)
        assert q.unit is None or valid_unit(q.unit)
        assert q.kind in ("money", "percent", "points", "duration", "users", "count", "measure",
                          "multiple", "date", "bare")


def test_junk_types():
    assert parse_number(None) is None and find_quantities(None) == []  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# data tables


def test_tables_load_and_units_are_contract_units():
    tb = number_tables.tables()
    assert {u.kind for u in tb.units} >= {"money", "percent", "points", "duration", "users",
                                         "count", "measure", "multiple", "date"}
    assert all(u.unit == "-" or valid_unit(u.unit) for u in tb.units)


def test_bad_row_names_file_and_line(tmp_path, monkeypatch):
    bad = tmp_path / "units.tsv"
    bad.write_text("# header\n元\tCNY\t1\tmoney\tpost\t-\n亿\tEUR\t1\tmoney\tpost\t-\n",
                   encoding="utf-8")
    monkeypatch.setattr(number_tables, "ontology_path", lambda name: tmp_path / name)
    with pytest.raises(DataError, match=r"units\.tsv:3"):
        number_tables._read("units.tsv", number_tables.UnitRow,
                            ("word", "unit", "multiplier", "kind", "position", "not_before"))
