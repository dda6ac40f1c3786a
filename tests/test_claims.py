"""Table-driven tests of numeric claims (issue 5): one row = a sentence and the claims a careful
analyst would annotate in it, following the JSONL contract of ``../shared/eval/README.md``.

Every sentence was written for these tests in the style of earnings coverage; none is copied from
the dev set or the corpus. Each row is run through the library call
``extract_text(text, doc_id="t", year=2021)``, so relative periods resolve against 2021
(去年 -> 2020, 今年 -> 2021, a quarter or half-year with no year -> 2021).

What a row checks:

- the NUMBER of claims (no spurious ones, none missed);
- for each expected claim, found by its value and unit: ``period``, ``qualifier`` and ``change``
  always (``None`` unless the row says otherwise: a spurious hedge or change is a mistake too);
  ``upper`` (the top of a range) when given; ``subject`` and ``metric`` by containment when
  given, since wording varies (the subject may match the canonical label or the text as written).

``change`` is written as a list of ``(kind, value)`` pairs; ``ANY`` skips a field. A multiple
(翻了5倍) is a claim with unit ``other:倍`` and value 5; whether it also repeats itself as a
``multiple`` change is a representation choice the rows do not pin down. An increase by a
multiple (增长一倍, 翻番) is a relative change, as the contract has it: +100% is 1.0.

Known misses are ``xfail(strict=True)`` with the cause, so a fix is noticed.
"""
from __future__ import annotations

import pytest

from extract import extract_text

ANY = object()

HEADCOUNT = ("count", "other:人")
ANY_COUNT = ("count", "other:家")  # a head count that is not an audience: ontology/units.tsv
                                   # relabels it from the metric; the gold writes other:人


def E(value, unit, *, period=None, qualifier=None, change=None, subject=ANY, metric=ANY, upper=ANY,
      metric_is=ANY):
    """One expected claim; ``unit`` may be a tuple of acceptable units; ``metric_is`` checks the
    metric as written exactly (no verb, period or forecast word around it)."""
    return dict(value=value, unit=unit, period=period, qualifier=qualifier, change=change,
                subject=subject, metric=metric, upper=upper, metric_is=metric_is)


def R(_id, text, *claims, xfail=None):
    marks = pytest.mark.xfail(strict=True, reason=xfail) if xfail else ()
    return pytest.param(text, list(claims), id=_id, marks=marks)



ROWS = [
    # ---------------------------------------------------------------- Arabic numbers: decimals, thousands separators
    R("arabic-thousands-decimal-yoy", "腾讯2020年第四季度营收1,338.7亿元,同比增长26%。",
      E(133_870_000_000, "CNY", period="2020Q4", change=[("yoy", 0.26)], subject="腾讯", metric="营收")),
    R("arabic-decimal-yi", "网易2020年净收入为736.7亿元。",
      E(73_670_000_000, "CNY", period="2020", subject="网易", metric="净收入")),
    R("arabic-thousands-people", "京东物流全职员工人数为12,345人。",
      E(12_345, HEADCOUNT, subject="京东物流", metric="员工人数")),
    R("arabic-thousands-vehicles", "蔚来2020年累计交付汽车43,728辆。",
      E(43_728, "other:辆", period="2020", subject="蔚来", metric="交付")),
    R("arabic-decimal-yuan", "美团外卖单均价为48.35元。",
      E(48.35, "CNY", subject="美团外卖", metric="单均价")),
    R("arabic-two-separators", "星河科技2020年研发投入为12,000,000元。",
      E(12_000_000, "CNY", period="2020", subject="星河科技", metric="研发投入")),
    R("arabic-thousands-decimal-yuan", "拼多多2020年平均每位活跃买家年度消费额为2,115.5元。",
      E(2115.5, "CNY", period="2020", subject="拼多多", metric="消费额")),
    R("arabic-fullwidth-digits", "星河科技２０２０年营收为１２.５亿元。",
      E(1_250_000_000, "CNY", period="2020", subject="星河科技", metric="营收")),

    # ---------------------------------------------------------------- Chinese numerals
    R("cn-liangqianwan", "星河科技本轮融资金额为两千万元。",
      E(20_000_000, "CNY", subject="星河科技", metric="融资")),
    R("cn-sanshier-minutes", "京东到家平均配送时长为三十二分钟。",
      E(32, "minutes", subject="京东到家", metric="配送时长")),
    R("cn-baifenzhi", "小米的毛利率为百分之十五。",
      E(0.15, "percent", subject="小米", metric="毛利率")),
    R("cn-yicheng", "星河科技海外收入占比约一成。",
      E(0.1, "percent", qualifier="约", subject="星河科技", metric="占比")),
    R("cn-sanbaiershi-stores", "星河科技旗下门店共有三百二十家。",
      E(320, "count", subject="星河科技", metric="门店")),
    R("cn-sanqianwan-users", "网易云音乐付费会员达三千万。",
      E(30_000_000, "users", subject="网易云音乐", metric="付费会员")),
    R("cn-year-and-amount", "二〇二〇年,星河科技营收为十二亿元。",
      E(1_200_000_000, "CNY", period="2020", subject="星河科技", metric="营收")),
    R("cn-hk-filing-date", "截至二零二二年十二月三十一日止年度,星河科技收益为十二亿元。",
      E(1_200_000_000, "CNY", period="2022", subject="星河科技", metric="收益")),
    R("cn-decimal-dian", "星河科技的净利润为三点五亿元。",
      E(350_000_000, "CNY", subject="星河科技", metric="净利润")),

    # ---------------------------------------------------------------- magnitudes with units
    R("mag-wanyi-yuan", "阿里巴巴2020年全年GMV达7.05万亿元。",
      E(7_050_000_000_000, "CNY", period="2020", subject="阿里巴巴", metric="GMV")),
    R("mag-yi-usd", "腾讯音乐2020年经调整净利润为3.2亿美元。",
      E(320_000_000, "USD", period="2020", subject="腾讯音乐", metric="经调整净利润")),
    R("mag-wanyi-hkd-hedge", "阿里巴巴港股市值约4.6万亿港元。",
      E(4_600_000_000_000, "HKD", qualifier="约", subject="阿里巴巴", metric="市值")),
    R("mag-minutes-decimal", "爱奇艺会员日均观看时长为89.9分钟。",
      E(89.9, "minutes", subject="爱奇艺", metric="观看时长")),
    R("mag-tao", "星河科技发布会当天售出160套公寓。",
      E(160, "other:套", subject="星河科技")),
    R("mag-wan-fans-person", "美食博主李小厨在抖音拥有6万粉丝。",
      E(60_000, "users", subject="李小厨", metric="粉丝")),
    R("mag-yi-users-quarter", "B站2020年第四季度月均活跃用户为2.02亿。",
      E(202_000_000, "users", period="2020Q4", subject="B站", metric="月均活跃用户")),
    R("mag-yi-net-profit", "京东2020年净利润为494亿元。",
      E(49_400_000_000, "CNY", period="2020", subject="京东", metric="净利润")),
    R("mag-wan-yuan", "蔚来ES6的单车均价为42.3万元。",
      E(423_000, "CNY", metric="均价")),
    R("mag-qianwan", "星河科技2020年营收为3千万元。",
      E(30_000_000, "CNY", period="2020", subject="星河科技", metric="营收")),
    R("mag-yi-and-share", "百度2020年研发费用为195亿元,占营收比例为18%。",
      E(19_500_000_000, "CNY", period="2020", subject="百度", metric="研发费用"),
      E(0.18, "percent", period="2020", subject="百度", metric="占营收比例")),
    R("mag-renminbi-prefix", "滴滴出行网约车平均客单价为人民币25元。",
      E(25, "CNY", subject="滴滴", metric="客单价")),
    R("mag-wan-users", "星河科技APP新增注册用户120万。",
      E(1_200_000, "users", subject="星河科技", metric="注册用户")),

    # ---------------------------------------------------------------- ranges
    R("range-dash-usd", "小鹏汽车计划融资3-5亿美元。",
      E(300_000_000, "USD", upper=500_000_000, subject="小鹏汽车", metric="融资")),
    R("range-zhi", "星河科技预计2021年营收在3亿至5亿元之间。",
      E(300_000_000, "CNY", upper=500_000_000, period="2021", subject="星河科技", metric="营收")),
    R("range-percent", "美团买菜的毛利率为10%-15%。",
      E(0.10, "percent", upper=0.15, subject="美团", metric="毛利率")),

    # ---------------------------------------------------------------- multiples (倍)
    R("bei-fanle", "京东到家2020年订单量翻了5倍。",
      E(5, "other:倍", period="2020", change=ANY, subject="京东到家", metric="订单量")),
    R("bei-shi-de", "拼多多的活跃买家数是三年前的3倍。",
      E(3, "other:倍", change=ANY, subject="拼多多", metric="活跃买家")),

    # ---------------------------------------------------------------- percentage points: an abs change
    R("points-with-base", "美团2020年毛利率为29.7%,同比提升3.5个百分点。",
      E(0.297, "percent", period="2020", change=[("abs", 0.035)], subject="美团", metric="毛利率")),
    R("points-bare-decrease", "网易2020年第四季度毛利率同比下降1.2个百分点。",
      E(-0.012, "percent", period="2020Q4", change=[("abs", -0.012)], subject="网易", metric="毛利率")),
    R("points-from-to", "星河科技净利率由8.5%提升至10.2%,提升了1.7个百分点。",
      E(0.102, "percent", change=[("abs", 0.017)], subject="星河科技", metric="净利率"),
      E(0.085, "percent", subject="星河科技", metric="净利率")),
    R("points-qoq-on-rate", "蔚来2020年第四季度毛利率为17.2%,环比提升4.6个百分点。",
      E(0.172, "percent", period="2020Q4", change=[("abs", 0.046)], subject="蔚来", metric="毛利率")),

    # ---------------------------------------------------------------- hedges, kept as written
    R("hedge-chaoguo", "快手的用户规模超过3亿。",
      E(300_000_000, "users", qualifier="超过", subject="快手", metric="用户规模")),
    R("hedge-chao", "知乎的月活跃用户超1亿。",
      E(100_000_000, "users", qualifier="超", subject="知乎", metric="月活跃用户")),
    R("hedge-yu", "拼多多年活跃买家逾7亿。",
      E(700_000_000, "users", qualifier="逾", subject="拼多多", metric="活跃买家")),
    R("hedge-jin", "京东年度活跃买家近5亿。",
      E(500_000_000, "users", qualifier="近", subject="京东", metric="活跃买家")),
    R("hedge-yue-people", "网易员工人数约3万人。",
      E(30_000, HEADCOUNT, qualifier="约", subject="网易", metric="员工人数")),
    R("hedge-jiangjin", "小米的月活跃用户将近4亿。",
      E(400_000_000, "users", qualifier="将近", subject="小米", metric="月活跃用户")),
    R("hedge-tupo", "阿里云2020年营收突破600亿元。",
      E(60_000_000_000, "CNY", period="2020", qualifier="突破", subject="阿里", metric="营收")),
    R("hedge-zhishao", "腾讯云的付费用户至少100万。",
      E(1_000_000, "users", qualifier="至少", subject="腾讯", metric="付费用户")),
    R("hedge-shubaiwan", "星河科技的APP拥有数百万用户。",
      E(1_000_000, "users", qualifier="数百万", subject="星河科技", metric="用户")),
    R("hedge-jinqianwan", "美团优选日订单量近千万单。",
      E(10_000_000, "other:单", qualifier="近", subject="美团优选", metric="订单量")),
    R("hedge-guoyi", "拼多多单日GMV过亿元。",
      E(100_000_000, "CNY", qualifier="过", subject="拼多多", metric="GMV")),
    R("hedge-da-is-not-a-hedge", "百度2020年营收达1,071亿元。",
      E(107_100_000_000, "CNY", period="2020", subject="百度", metric="营收")),
    R("hedge-duo", "星河科技的注册用户已有200多万。",
      E(2_000_000, "users", qualifier="多", subject="星河科技", metric="注册用户")),

    # ---------------------------------------------------------------- periods
    R("period-year-quarter-leading", "2020年四季度,网易营收为209亿元。",
      E(20_900_000_000, "CNY", period="2020Q4", subject="网易", metric="营收")),
    R("period-bare-quarter", "京东第四季度营收为2,243亿元。",
      E(224_300_000_000, "CNY", period="2021Q4", subject="京东", metric="营收")),
    R("period-Q4", "小米2020年Q4营收为704.6亿元。",
      E(70_460_000_000, "CNY", period="2020Q4", subject="小米", metric="营收")),
    R("period-year", "阿里巴巴2020年净利润为1,432亿元。",
      E(143_200_000_000, "CNY", period="2020", subject="阿里巴巴", metric="净利润")),
    R("period-h1-with-year", "美团2020年上半年营收为368.5亿元。",
      E(36_850_000_000, "CNY", period="2020H1", subject="美团", metric="营收")),
    R("period-h1-bare", "美团上半年营收为368.5亿元。",
      E(36_850_000_000, "CNY", period="2021H1", subject="美团", metric="营收")),
    R("period-asof-month", "截至2020年12月,微信月活跃用户达12.25亿。",
      E(1_225_000_000, "users", period="asof:2020-12", subject="微信", metric="月活跃用户")),
    R("period-asof-year-end", "截至2020年底,蔚来累计交付7.5万辆。",
      E(75_000, "other:辆", period="asof:2020-12", subject="蔚来", metric="交付")),
    R("period-qunian", "拼多多去年营收为594.9亿元。",
      E(59_490_000_000, "CNY", period="2020", subject="拼多多", metric="营收")),
    R("period-jinnian", "星河科技今年的营收目标为10亿元。",
      E(1_000_000_000, "CNY", period="2021", subject="星河科技", metric="营收目标")),
    R("period-month", "2021年3月,星河科技APP新增用户120万。",
      E(1_200_000, "users", period="2021-03", subject="星河科技", metric="新增用户")),
    R("period-benjidu-tongqi", "B站2021年第一季度财报显示,本季度营收为39亿元,去年同期为23.2亿元。",
      E(3_900_000_000, "CNY", period="2021Q1", subject="B站", metric="营收"),
      E(2_320_000_000, "CNY", period="2020Q1", subject="B站")),
    R("period-qunian-tongqi-quarter", "2021年第一季度,拼多多营收为221.7亿元,去年同期为65.4亿元。",
      E(22_170_000_000, "CNY", period="2021Q1", subject="拼多多", metric="营收"),
      E(6_540_000_000, "CNY", period="2020Q1", subject="拼多多")),

    # ---------------------------------------------------------------- a period governs the later clauses
    R("govern-three-clauses",
      "2020年四季度,B站月均活跃用户为2.02亿;移动端月活用户为1.88亿;用户日均使用时长为75分钟。",
      E(202_000_000, "users", period="2020Q4", subject="B站", metric="月均活跃用户"),
      E(188_000_000, "users", period="2020Q4", subject="B站", metric="月活用户"),
      E(75, "minutes", period="2020Q4", subject="B站", metric="使用时长")),
    R("govern-two-clauses", "2020年,拼多多营收为594.9亿元,净亏损为71.8亿元。",
      E(59_490_000_000, "CNY", period="2020", subject="拼多多", metric="营收"),
      E(7_180_000_000, "CNY", period="2020", subject="拼多多", metric="净亏损")),
    R("govern-h1", "2020年上半年,美团外卖交易额为1,405亿元,订单量为39亿单。",
      E(140_500_000_000, "CNY", period="2020H1", subject="美团外卖", metric="交易额"),
      E(3_900_000_000, "other:单", period="2020H1", subject="美团外卖", metric="订单量")),

    # ---------------------------------------------------------------- changes
    R("change-yoy", "网易2020年第四季度营收为209亿元,同比增长27%。",
      E(20_900_000_000, "CNY", period="2020Q4", change=[("yoy", 0.27)], subject="网易", metric="营收")),
    R("change-yoy-decrease", "爱奇艺2020年营收为297亿元,同比下降2%。",
      E(29_700_000_000, "CNY", period="2020", change=[("yoy", -0.02)], subject="爱奇艺", metric="营收")),
    R("change-qoq", "腾讯2020年第四季度营收为1,338.7亿元,环比增长7%。",
      E(133_870_000_000, "CNY", period="2020Q4", change=[("qoq", 0.07)], subject="腾讯", metric="营收")),
    R("change-yoy-and-qoq", "B站2020年第四季度营收为38.4亿元,同比增长91%,环比增长20%。",
      E(3_840_000_000, "CNY", period="2020Q4", change=[("yoy", 0.91), ("qoq", 0.20)],
        subject="B站", metric="营收")),
    R("change-yoy-usd-decrease", "微博2020年净利润为3.1亿美元,同比下降36%。",
      E(310_000_000, "USD", period="2020", change=[("yoy", -0.36)], subject="微博", metric="净利润")),
    R("change-jiao-qunian", "京东2020年营收为7,458亿元,较去年增长29%。",
      E(745_800_000_000, "CNY", period="2020", change=[("yoy", 0.29)], subject="京东", metric="营收")),
    R("change-before-value", "星河科技2020年营收同比增长45%,达8.6亿元。",
      E(860_000_000, "CNY", period="2020", change=[("yoy", 0.45)], subject="星河科技", metric="营收")),
    R("change-from-to-two-claims", "阿里巴巴的年度活跃消费者从2019年的7.11亿增至2020年的7.79亿。",
      E(779_000_000, "users", period="2020-01/2020-12", subject="阿里巴巴", metric="活跃消费者"),
      E(711_000_000, "users", period="2019-01/2019-12", subject="阿里巴巴", metric="活跃消费者")),
    R("change-from-to-lexicon-metric", "京东的活跃购买用户从2019年的3.62亿增至2020年的4.72亿。",
      E(472_000_000, "users", period="2020", subject="京东", metric="活跃购买用户"),
      E(362_000_000, "users", period="2019", subject="京东", metric="活跃购买用户")),
    R("change-you-growth-zhi", "美团的营收由2019年的975亿元增长17.7%至2020年的1,148亿元。",
      E(114_800_000_000, "CNY", period="2020", change=[("yoy", 0.177)], subject="美团", metric="营收"),
      E(97_500_000_000, "CNY", period="2019", subject="美团", metric="营收")),
    R("change-from-to-percent-decrease", "星河科技的毛利率从2019年的35.2%下降至2020年的31.8%。",
      E(0.318, "percent", period="2020", subject="星河科技", metric="毛利率"),
      E(0.352, "percent", period="2019", subject="星河科技", metric="毛利率")),
    R("change-bare-yoy", "拼多多2020年第四季度的订单量同比增长45%。",
      E(0.45, "percent", period="2020Q4", change=[("yoy", 0.45)], subject="拼多多", metric="订单量")),
    R("change-bare-growth", "星河科技直播业务的付费用户增长了18.5%。",
      E(0.185, "percent", change=[("growth", 0.185)], subject="星河科技", metric="付费用户")),
    R("change-bare-decrease", "网易2020年的营销费用同比减少12%。",
      E(-0.12, "percent", period="2020", change=[("yoy", -0.12)], subject="网易", metric="营销费用")),
    R("change-bare-xiajiang", "网易2020年的营销费用同比下降12%。",
      E(-0.12, "percent", period="2020", change=[("yoy", -0.12)], subject="网易", metric="营销费用")),
    R("change-bare-yoy-period-mid", "小米2020年营收同比增长19.4%。",
      E(0.194, "percent", period="2020", change=[("yoy", 0.194)], subject="小米", metric="营收")),
    R("change-loss-narrowed", "星河科技2020年净亏损为3.5亿元,同比收窄20%。",
      E(350_000_000, "CNY", period="2020", change=[("yoy", -0.20)], subject="星河科技", metric="净亏损")),
    R("value-negative", "星河科技2020年净利润为-3.5亿元。",
      E(-350_000_000, "CNY", period="2020", subject="星河科技", metric="净利润")),
    R("change-abs-new-users", "星河科技APP月活跃用户达3,000万,单季度新增500万。",
      E(30_000_000, "users", change=[("abs", 5_000_000)], subject="星河科技", metric="月活跃用户")),
    R("change-tisheng-zhi", "京东2020年的毛利率提升至14.6%。",
      E(0.146, "percent", period="2020", subject="京东", metric="毛利率")),

    # ---------------------------------------------------------------- subject attribution
    R("subject-explicit-app", "抖音APP日活跃用户突破6亿。",
      E(600_000_000, "users", qualifier="突破", subject="抖音", metric="日活跃用户")),
    R("subject-possessive", "星河科技的月活跃用户为1,200万。",
      E(12_000_000, "users", subject="星河科技", metric="月活跃用户")),
    R("subject-carried-next-clause", "网易2020年营收为736.7亿元;其中在线游戏收入为547.1亿元。",
      E(73_670_000_000, "CNY", period="2020", subject="网易", metric="营收"),
      E(54_710_000_000, "CNY", period="2020", subject="网易", metric="游戏收入")),
    R("subject-two-companies", "腾讯的月活跃用户为12.25亿,而阿里巴巴的年度活跃消费者为7.79亿。",
      E(1_225_000_000, "users", subject="腾讯", metric="月活跃用户"),
      E(779_000_000, "users", subject="阿里巴巴", metric="活跃消费者")),
    R("subject-person-sales", "主播王小美的月销售额达到300万元。",
      E(3_000_000, "CNY", subject="王小美", metric="月销售额")),
    R("subject-person-title", "星河科技创始人李明远的持股比例为35%。",
      E(0.35, "percent", subject="李明远", metric="持股比例")),
    R("subject-traditional", "騰訊2020年營收為4,820億元。",
      E(482_000_000_000, "CNY", period="2020", subject="腾讯", metric="营收")),
    R("subject-carried-next-sentence", "蔚来公布了2020年财报。其全年营收为162.6亿元。",
      E(16_260_000_000, "CNY", period="2020", subject="蔚来", metric="营收")),

    # ---------------------------------------------------------------- metric wording
    R("metric-take-rate", "拼多多2020年货币化率为3.2%。",
      E(0.032, "percent", period="2020", subject="拼多多", metric="货币化率")),
    R("metric-ratio-dau-mau", "星河科技APP的DAU/MAU为35%。",
      E(0.35, "percent", subject="星河科技", metric="DAU/MAU")),
    R("metric-arppu", "腾讯音乐2020年第四季度在线音乐ARPPU为9.4元。",
      E(9.4, "CNY", period="2020Q4", subject="腾讯音乐", metric="ARPPU")),
    R("metric-expense-ratio", "星河科技2020年销售费用率为22.4%。",
      E(0.224, "percent", period="2020", subject="星河科技", metric="销售费用率")),
    R("metric-repurchase", "京东PLUS会员的复购率为76%。",
      E(0.76, "percent", metric="复购率")),
    R("metric-long-noun-phrase", "网易有道2020年每名付费用户平均贡献收入为156元。",
      E(156, "CNY", period="2020", metric="每名付费用户平均贡献收入")),
    R("metric-count-unit", "美团2020年每位交易用户年均交易笔数为24.9笔。",
      E(24.9, "other:笔", period="2020", subject="美团", metric="交易笔数")),

    # ---------------------------------------------------------------- not claims
    R("nonclaim-date", "星河科技于2021年3月18日发布财报。"),
    R("nonclaim-ordinal", "京东今年第47次登上微博热搜。"),
    R("nonclaim-list-marker", "1、拼多多营收增长强劲"),
    R("nonclaim-list-marker-with-claim", "2、拼多多2020年营收为594.9亿元。",
      E(59_490_000_000, "CNY", period="2020", subject="拼多多", metric="营收")),
    R("nonclaim-phone-400", "星河科技开通了400客服热线。"),
    # 分别: a list of numbers maps item by item onto the list of names, metrics or periods before it
    R("respectively-subjects", "2022年,星河科技、蓝鲸网络的营收分别为120亿元和85亿元。",
      E(12_000_000_000, "CNY", period="2022", subject="星河科技", metric="营收"),
      E(8_500_000_000, "CNY", period="2022", subject="蓝鲸网络", metric="营收")),
    R("respectively-changes-to-levels", "2022年,抖音和快手的日活跃用户分别达到7亿、3.5亿,同比分别增长15%、10%。",
      E(700_000_000, "users", period="2022", subject="抖音", metric="日活跃用户", change=[("yoy", 0.15)]),
      E(350_000_000, "users", period="2022", subject="快手", metric="日活跃用户", change=[("yoy", 0.10)])),
    R("respectively-bare-changes", "2022年,星河科技、蓝鲸网络的营收分别同比下降5%和8%。",
      E(-0.05, "percent", period="2022", subject="星河科技", change=[("yoy", -0.05)]),
      E(-0.08, "percent", period="2022", subject="蓝鲸网络", change=[("yoy", -0.08)])),
    R("respectively-periods", "星河科技2021年和2022年的净利润分别为8亿元和11亿元。",
      E(800_000_000, "CNY", period="2021", subject="星河科技", metric="净利润"),
      E(1_100_000_000, "CNY", period="2022", subject="星河科技", metric="净利润")),
    R("respectively-listed-quarters", "2022年第一季度、第二季度,星河科技的付费用户分别为1200万和1350万。",
      E(12_000_000, "users", period="2022Q1", subject="星河科技", metric="付费用户"),
      E(13_500_000, "users", period="2022Q2", subject="星河科技", metric="付费用户")),
    R("respectively-metrics", "星河科技的日活跃用户和月活跃用户分别为3000万和8000万。",
      E(30_000_000, "users", subject="星河科技", metric="日活跃用户"),
      E(80_000_000, "users", subject="星河科技", metric="月活跃用户")),
    R("respectively-counted-after", "据第三方统计,抖音和快手分别拥有6亿和3亿日活跃用户。",
      E(600_000_000, "users", subject="抖音", metric="日活跃用户"),
      E(300_000_000, "users", subject="快手", metric="日活跃用户")),
    R("respectively-listed-segments", "2023年星河打车、星河医疗用户规模增长明显,较2022年12月分别增长9057万人、5139万人。",
      E(90_570_000, "users", period="asof:2023-12", subject="星河打车", metric="用户规模", change=[("abs", 90_570_000)]),
      E(51_390_000, "users", period="asof:2023-12", subject="星河医疗", metric="用户规模", change=[("abs", 51_390_000)])),
    # spans of months from January (a year to date) and the whole year in context
    R("span-first-three-quarters", "2023年前三季度,星河汽车销量达到207万辆,同比增长77%。",
      E(2_070_000, "other:辆", period="2023-01/2023-09", subject="星河汽车", change=[("yoy", 0.77)])),
    R("span-months-range", "2022年1-8月,星河科技累计实现营收36亿元。",
      E(3_600_000_000, "CNY", period="2022-01/2022-08", subject="星河科技", metric="营收")),
    R("span-is-a-half", "今年前两个季度,星河科技净利润为3亿元。",
      E(300_000_000, "CNY", period="2021H1", subject="星河科技", metric="净利润")),
    R("span-last-year", "去年前8个月,星河科技营收为20亿元。",
      E(2_000_000_000, "CNY", period="2020-01/2020-08", subject="星河科技")),
    R("full-year-after-quarter", "星河汽车第四季度交付新车5万辆,环比增长80%,全年累计交付16万辆。",
      E(50_000, "other:辆", period="2021Q4", change=[("qoq", 0.8)]), E(160_000, "other:辆", period="2021")),
    # the base of a comparison: its level has the base period, the level compared with it a year later
    R("from-base-last-year-to", "星河科技的毛利率由去年同期的35.2%提升至38.1%。",
      E(0.352, "percent", period="2020", metric="毛利率"), E(0.381, "percent", period="2021", metric="毛利率")),
    R("compared-with-base-level", "星河科技营收为12亿元,较去年同期的10亿元增长20%。",
      E(1_200_000_000, "CNY", period="2021", change=[("yoy", 0.2)]), E(1_000_000_000, "CNY", period="2020")),
    R("compared-with-year-before", "2020年星河科技营收588亿元,比2019年增长50%。",
      E(58_800_000_000, "CNY", period="2020", metric="营收", change=[("yoy", 0.5)])),
    R("bare-change-against-year-before", "2020年星河科技营收比2019年增长50%。",
      E(0.5, "percent", period="2020", metric="营收", change=[("yoy", 0.5)])),
    # a change joins a level of an earlier clause only when it names no other metric
    R("change-of-another-metric", "星河科技营收同比增长2%至276亿元,经调整利润增长44%。",
      E(27_600_000_000, "CNY", metric="营收", change=[("yoy", 0.02)]),
      E(0.44, "percent", metric="利润", change=[("growth", 0.44)])),
    R("change-after-a-circumstance", "星河视频月活跃用户达2.2亿,在去年高基数上同比再增30%。",
      E(220_000_000, "users", metric="月活跃用户", change=[("yoy", 0.3)])),
    R("change-of-a-part", "星河科技营收为276亿元,其中直播收入增长20%。",
      E(27_600_000_000, "CNY", metric="营收"), E(0.2, "percent", metric="直播收入", change=[("growth", 0.2)])),
    R("two-changes-of-one-level", "星河科技营收同比增长2%至276亿元,环比增长5%。",
      E(27_600_000_000, "CNY", metric="营收", change=[("qoq", 0.05), ("yoy", 0.02)])),
    R("name-longer-than-a-known-one", "京东方2023年营收为1745亿元。",
      E(174_500_000_000, "CNY", period="2023", subject="京东方", metric="营收")),
    # metric words as written, without verbs, forecasts and period words around them
    R("metric-after-forecast", "据第三方统计,2022年直播电商市场规模达到3.5万亿元,预计2025年将突破6万亿元。",
      E(3_500_000_000_000, "CNY", period="2022", metric="直播电商市场规模"),
      E(6_000_000_000_000, "CNY", period="2025", metric_is="预测直播电商市场规模", qualifier=ANY)),
    R("metric-without-verb", "2023年,全国快递业务量完成1320亿件,同比增长19.4%。",
      E(132_000_000_000, "other:件", period="2023", metric_is="快递业务量", change=[("yoy", 0.194)])),
    # (a count after a verb of output is the verb's measure, 交付量, not the object noun: issue 16)
    R("metric-without-period-words", "星河汽车12月交付新车5万辆。星河科技Q3净利润为4亿元。",
      E(50_000, "other:辆", period="2021-12", metric_is="交付量"),
      E(400_000_000, "CNY", period="2021Q3", metric_is="净利润")),
    # the speaker of an earlier clause is not the subject (公司 is his company)
    R("speaker-is-not-subject", "星河汽车董事长王立新表示,公司计划在2024年推出30款新车型。",
      E(30, "other:款", period="2024", subject="星河汽车")),
    # last year's figure stated in passing is not the period the text goes on with
    R("same-period-last-year-not-carried", "星河科技第四季度净利润为12亿元,去年同期净亏损3亿元。全年总营收达到563亿元。",
      E(1_200_000_000, "CNY", period="2021Q4", metric="净利润"), E(300_000_000, "CNY", period="2020Q4", metric="净亏损"),
      E(56_300_000_000, "CNY", period="2021", metric="总营收")),
    R("change-to-level-not-a-range", "星河科技付费用户数同比增长25%至3200万。",
      E(32_000_000, "users", metric="付费用户", change=[("yoy", 0.25)])),
    R("hedge-linked-by-verb", "星河科技市值约为420亿美元,股价上涨超过8%。",
      E(42_000_000_000, "USD", qualifier="约", metric_is="市值"),
      E(0.08, "percent", qualifier="超过", metric_is="股价", change=[("growth", 0.08)])),
    # a rate of change named as a noun (增速, 增幅, 增长率, 降幅) is a change of the metric before it
    # (the convention: an unqualified change of a period's figure is year on year)
    R("rate-of-change-noun", "2023年,星河科技营收增速为18%。",
      E(0.18, "percent", period="2023", metric_is="营收", change=[("yoy", 0.18)])),
    R("rate-of-change-joins-level", "星河科技营收为10亿元,同比增幅为20%。",
      E(1_000_000_000, "CNY", metric="营收", change=[("yoy", 0.2)])),
    R("rate-of-decline-noun", "星河科技营收降幅为5%。", E(-0.05, "percent", metric_is="营收", change=[("growth", -0.05)])),
    # a stock compared with a month-end a year before is the stock at that month-end of this year
    R("against-month-end-a-year-before", "2023年,星河视频用户规模较2022年12月增长3000万人,增长率为11.1%。",
      E(30_000_000, "users", period="asof:2023-12", metric="用户规模", change=[("abs", 30_000_000)]),
      E(0.111, "percent", period="asof:2023-12", metric="用户规模", change=[("yoy", 0.111)])),
    R("report-announced-sets-period", "星河科技发布2024年第一季度报告。报告期内,公司实现营业收入45.6亿元,同比增长12.5%。",
      E(4_560_000_000, "CNY", period="2024Q1", metric_is="营业收入", change=[("yoy", 0.125)])),
    R("quarterly-report-named", "星河科技发布2024年一季报,营收为45.6亿元。",
      E(4_560_000_000, "CNY", period="2024Q1", metric="营收")),
    R("share-then-points-change", "星河科技海外收入占比为39.5%,较上年同期提高6.2个百分点。",
      E(0.395, "percent", metric="占比", change=[("abs", 0.062)])),
    R("generation-label-no-number", "截至2023年底,星河视频月活跃用户已突破3亿,其中00后用户占比达到50%。",
      E(300_000_000, "users", period="asof:2023-12", qualifier="突破"),
      E(0.5, "percent", period="asof:2023-12", metric="00后用户占比")),
    R("per-head-rate-not-of-the-total", "星河科技宣布将向员工发放约10亿元的奖金,人均增幅不低于20%。",
      E(1_000_000_000, "CNY", qualifier="约", metric="奖金"), E(0.2, "percent", qualifier=ANY, change=ANY)),
    R("clause-names-its-own-measure", "2020年,星河科技毛利率为32%,毛利率较上年同期下降1.2%,人均销售额同比上升8.5%。",
      E(0.32, "percent", period="2020", metric="毛利率", change=[("yoy", -0.012)]),
      E(0.085, "percent", period="2020", metric_is="人均销售额", change=[("yoy", 0.085)])),
    R("share-price-move-then-close", "星河科技股价上涨0.11美元,报收于221.06美元,涨幅为0.05%。",
      E(221.06, "USD", metric="价", change=[("abs", 0.11), ("growth", 0.0005)])),
    R("share-price-fall-then-close", "星河科技股价下跌2.3%,收于35.6美元。",
      E(35.6, "USD", metric="价", change=[("growth", -0.023)])),
    R("per-ads-earnings-with-country", "2020年第三季度,星河科技摊薄每股美国存托股收益为1.10元,去年同期为0.57元。",
      E(1.10, "CNY", period="2020Q3", metric_is="摊薄每股美国存托股收益"),
      E(0.57, "CNY", period="2019Q3", metric_is="摊薄每股美国存托股收益")),
    R("dash-bullet-before-metric", "2020年第三季度业绩要点:\n——经营利润为389.2亿元,同比增长66%。",
      E(38_920_000_000, "CNY", period="2020Q3", metric_is="经营利润", change=[("yoy", 0.66)])),
    R("share-of-the-total-after-a-figure", "2020年,星河汽车的汽车销售收入为14.4亿元,占总营收的98%。",
      E(1_440_000_000, "CNY", period="2020", metric_is="汽车销售收入"),
      E(0.98, "percent", period="2020", metric_is="汽车销售收入占总营收")),
    R("product-market-price", "2020年,星河能源营收为100亿元。全年硅片价格下降约60%,组件价格跌至每瓦1元以下。",
      E(10_000_000_000, "CNY", period="2020", subject="星河能源"),
      E(-0.6, "percent", period="2020", qualifier="约", subject="硅片", metric_is="价格", change=[("growth", -0.6)]),
      E(1, "CNY", period="2020", qualifier=ANY, subject="组件", metric="价格")),
    R("visits-counted-in-person-times", "2020年,江南省全年接待游客7.5亿人次,比上年增长40.6%。",
      E(750_000_000, "count", period="2020", metric="接待游客人次", change=[("yoy", 0.406)])),
    R("real-growth-after-nominal", "2020年,江南省全体居民人均可支配收入63830元,比上年增长5.7%,扣除价格因素实际增长5.3%。",
      E(63_830, "CNY", period="2020", metric="人均可支配收入", change=[("yoy", 0.057)]),
      E(0.053, "percent", period="2020", metric="人均可支配收入实际增长", change=[("yoy", 0.053)])),
    R("share-after-a-bare-change", "2020年,江南省规模以上工业增加值比上年增长6.0%。其中,高技术制造业增加值增长10.5%,占规模以上工业的17.3%。",
      E(0.06, "percent", period="2020", metric="规模以上工业增加值", change=[("yoy", 0.06)]),
      E(0.105, "percent", period="2020", metric="高技术制造业增加值", change=[("yoy", 0.105)]),
      E(0.173, "percent", period="2020", metric_is="高技术制造业增加值占规模以上工业")),
    R("dividend-proposed-by-the-board", "2020年,星河科技董事会建议派发末期股息每股0.5元。",
      E(0.5, "CNY", period="2020", metric_is="每股末期股息")),
    R("sga-expenses-listed-in-their-name", "星河汽车公布2020年第三季度业绩。与第二季度相比,星河汽车本季度的销售、一般和管理费用增加了60.3%,达到13.4亿元。",
      E(1_340_000_000, "CNY", metric_is="销售、一般和管理费用", change=[("qoq", 0.603)], period="2020Q3")),
    # an amount restated in another currency is no claim of its own
    R("currency-conversion", "星河科技本季度收入为2605亿元人民币(约合357亿美元),同比增长5%。",
      E(260_500_000_000, "CNY", metric="收入", change=[("yoy", 0.05)])),
    R("currency-conversion-after-comma", "星河科技营收为1000万美元,折合人民币7000万元。",
      E(10_000_000, "USD", metric="营收")),
    # 翻番 doubles (×2, a relative change of +100%), 翻两番 quadruples (+300%), joined to its level
    R("doubling-joins-level", "星河科技净利润达到118亿元,较去年翻了近两番。",
      E(11_800_000_000, "CNY", metric="净利润", change=[("yoy", 3)])),
    R("doubling-before-level", "星河视频的付费会员数在两年内翻番,达到2000万。",
      E(20_000_000, "users", metric_is="付费会员数", change=[("growth", 1)])),
    R("an-increase-by-a-multiple-is-a-relative-change", "星河集团2021年营收同比增长超过一倍。",
      E(1.0, "percent", period="2021", qualifier="超过", change=[("yoy", 1.0)], metric="营收")),
    # a head count before a verb of taking part counts the people who did it; a number in a later
    # clause does not take the metric of the one before
    R("count-of-act", "该直播间累计观看次数达500万,累计3892人报名应聘骑手。",
      E(5_000_000, "count", metric="观看次数"), E(3892, ("users", "count", "other:人"), metric_is="报名人数")),
    R("count-of-act-person-times", "星河科技的发布会吸引超过100万人次观看。",
      E(1_000_000, ("users", "count"), qualifier="超过", metric_is="观看人次")),
    # a group no name denotes (a zhkg:Segment) as the subject: the population a share is of, an
    # industry opening the clause; a platform's users are the platform's (not a segment)
    R("segment-population-share", "2023年的调研显示,分别有52.8%、51.7%的受访者表示增加了线上消费。",
      E(0.528, "percent", period="2023", subject="受访者"), E(0.517, "percent", period="2023", subject="受访者")),
    R("segment-industry", "短视频行业总时长占比较去年增长了7%。",
      E(0.07, "percent", period="2021", subject="短视频行业", metric_is="总时长占比", change=[("yoy", 0.07)])),
    R("platform-users-not-segment", "星河科技营收增长20%,其中30%的用户来自三线城市。",
      E(0.2, "percent", subject="星河科技", change=[("growth", 0.2)]), E(0.3, "percent", subject="星河科技")),
    R("yearless-quarter-in-context", "2023年,星河科技营收增长20%。此外,星河科技的日活跃用户在第四季度达到3.83亿。",
      E(0.2, "percent", period="2023", change=[("yoy", 0.2)]),
      E(383_000_000, "users", period="2023Q4", metric_is="日活跃用户")),
    R("adverb-before-number-no-boundary", "星河商城平台上的商家数量已突破800万家。",
      E(8_000_000, ("count", "other:家"), qualifier="突破", metric="商家数量")),
    R("horizon-not-in-metric", "星河科技计划未来三年投资50亿元建设数据中心。",
      E(5_000_000_000, "CNY", subject="星河科技", metric_is="投资")),
    # periods named by their end and length (Hong Kong filings), English magnitudes
    R("period-year-ended", "截至2023年12月31日止年度,星河科技收入为人民币1,234.5百万元,较上年增加15.2%。",
      E(1_234_500_000, "CNY", period="2023", metric="收入", change=[("yoy", 0.152)])),
    R("period-six-months-ended", "截至2024年6月30日止六个月,星河科技收入为人民币8.6亿元。",
      E(860_000_000, "CNY", period="2024H1", metric="收入")),
    R("period-fiscal-year-ended", "截至2024年3月31日止年度,星河科技收入为人民币20亿元。",
      E(2_000_000_000, "CNY", period="2023-04/2024-03", metric="收入")),
    R("english-magnitude", "星河科技净利润为US$1.2 billion,同比增长8%。",
      E(1_200_000_000, "USD", metric="净利润", change=[("yoy", 0.08)])),
    R("comparison-owner", "在下沉市场,星河科技的渗透率达到68%,高于蓝海科技的55%。",
      E(0.68, "percent", subject="星河科技", metric="渗透率"), E(0.55, "percent", subject="蓝海科技", metric="渗透率")),
    # a rounded bound followed by the exact level of the same metric restates it
    R("rounded-bound-restated", "2021年第一季度,星河科技移动端月活用户突破2亿,同比增长33%达2.09亿。",
      E(209_000_000, "users", period="2021Q1", change=[("yoy", 0.33)])),
    R("bound-of-another-metric-kept", "星河科技营收突破100亿元,净利润达到12亿元。",
      E(10_000_000_000, "CNY", qualifier="突破", metric="营收"), E(1_200_000_000, "CNY", metric="净利润")),
    # things counted by a measure word, then what they did: the things are the subject
    R("counted-things-did", "截至2023年底,超过300家中小企业、个体商户完成了数字化改造。",
      E(300, ("count", "other:家"), period="asof:2023-12", qualifier="超过", subject="中小企业、个体商户",
        metric_is="完成了数字化改造数量")),
    R("counted-things-after-a-name", "星河科技已有5000家商家入驻其平台。",
      E(5000, ("count", "other:家"), subject="星河科技")),
    R("nonclaim-phone-full", "如有疑问请拨打客服电话400-820-8888。"),
    R("nonclaim-url", "详情见https://www.example.com/2021/report123.html。"),
    R("nonclaim-founding-year", "阿里巴巴成立于1999年。"),
    R("nonclaim-section-number", "如本报告第3.2节所述,星河科技的业务模式较为稳健。"),
    R("nonclaim-enumeration", "一是降本增效,二是拓展海外市场。"),
    R("nonclaim-ordinal-with-claim", "2021年3月,星河科技完成第2次融资,金额为5,000万元。",
      E(50_000_000, "CNY", period="2021-03", subject="星河科技", metric="金额")),
    R("nonclaim-years-in-prose", "从2015年到2020年,美团一直在扩张。"),
    R("nonclaim-first", "第一,小米要坚持高端化战略。"),
    # the document frame (issue 16): the lead states whose results and which period the article
    # reports; a figure whose sentence names neither is the reporting entity's, of that period
    R("frame-period-from-results-lead", "星河科技公布2020年第三季度业绩。\n收入120亿元,增长15%。",
      E(12_000_000_000, "CNY", period="2020Q3", subject="星河科技", change=[("yoy", 0.15)])),
    R("frame-quarter-named-by-its-end", "星河科技公布截至2020年9月30日的季度未经审计的财务业绩。\n净利润为8亿元。",
      E(800_000_000, "CNY", period="2020Q3", subject="星河科技")),
    R("frame-stock-at-period-end", "星河科技公布2020年第三季度业绩。\n员工人数为3200人。",
      E(3200, HEADCOUNT, period="asof:2020-09", subject="星河科技")),
    R("hk-wording-yoy-qoq", "星河科技第三季度收入120亿元,按年增长15%,按季增长3%。",
      E(12_000_000_000, "CNY", period="2021Q3", change=[("yoy", 0.15), ("qoq", 0.03)])),
    R("price-move-stays-growth", "星河科技股价当日下跌3.1%,报116.3港元。",
      E(116.3, "HKD", metric="股价", change=[("growth", -0.031)])),
    R("from-base-to-level-yoy", "星河科技第二季度经营溢利由152亿元,按年下降75.6%至37亿元。",
      E(15_200_000_000, "CNY", period="2020Q2"),
      E(3_700_000_000, "CNY", period="2021Q2", change=[("yoy", -0.756)])),
    R("base-period-figure-takes-the-metric", "星河科技第一季度净利润为5亿元,而去年同期为3亿元。",
      E(500_000_000, "CNY", period="2021Q1", metric="净利润"),
      E(300_000_000, "CNY", period="2020Q1", metric="净利润")),
    R("year-range-respectively", "预计星河科技2024-2026年营收分别为100亿元、120亿元、150亿元。",
      E(10_000_000_000, "CNY", period="2024"), E(12_000_000_000, "CNY", period="2025"),
      E(15_000_000_000, "CNY", period="2026")),
    R("stock-at-the-end-of-its-year", "2020年星河科技员工人数为3200人。", E(3200, HEADCOUNT, period="asof:2020-12")),
    R("trailing-twelve-months", "截至2021年3月31日的十二个月中,星河科技运营现金流为463亿元。",
      E(46_300_000_000, "CNY", period="2020-04/2021-03")),
    R("event-date-is-no-period", "星河科技2020年12月31日晚发布的数据显示,当年营收为609亿元。",
      E(60_900_000_000, "CNY", period="2020")),
    R("media-is-no-subject", "星河科技公布2020年第三季度业绩。\n新华社报道,收入120亿元。",
      E(12_000_000_000, "CNY", period="2020Q3", subject="星河科技")),

    # numbers that state no claim (issue 16): stock codes, convenience translations, footnote
    # markers, page counters and timestamps
    R("stock-code-in-brackets", "星河科技(3690)公布第三季度业绩,收入120亿元。",
      E(12_000_000_000, "CNY", period="2021Q3")),
    R("bracketed-currency-restatement", "星河科技净利润为人民币24亿元(4亿美元)。",
      E(2_400_000_000, "CNY")),
    R("cents", "星河科技每股摊薄净盈利73美分。", E(0.73, "USD", metric="每股摊薄净盈利")),
    R("footnote-marker", "星河科技稀释每股收益1.73[1]元。", E(1.73, "CNY")),
    R("timestamp-and-counter-line", "2023-07-31 18:03 6064"),

    # analysts' notes: signed changes, shared units, 公司 for the company reported on
    R("signed-changes-of-notes", "星河科技23Q4营收1063亿元,同比-10%,环比+0.6%。",
      E(106_300_000_000, "CNY", period="2023Q4", change=[("yoy", -0.1), ("qoq", 0.006)])),
    R("list-shares-the-last-unit", "预计星河科技2024-2026年归母净利润分别为500、580、680亿元。",
      E(50_000_000_000, "CNY", period="2024"), E(58_000_000_000, "CNY", period="2025"),
      E(68_000_000_000, "CNY", period="2026")),
    R("person-is-no-subject-of-company-revenue", "星河科技公布2020年全年业绩。\n主席王大明表示,收入536.5亿元。",
      E(53_650_000_000, "CNY", period="2020", subject="星河科技")),

    R("results-named-by-their-end", "星河科技公布了截至2018年第三季度未经审计的财务报告,实现净营收4.6亿美元。",
      E(460_000_000, "USD", period="2018Q3")),
    R("holding-ratio-is-a-stock", "2017年第四季度,星河资本持股比例升至2.78%。", E(0.0278, "percent", period="asof:2017-12")),
    R("net-loss-to-shareholders-is-a-flow", "2022年第一季度星河科技归属于普通股股东的净亏损为人民币30亿元。",
      E(3_000_000_000, "CNY", period="2022Q1")),

    R("changes-respectively-after-levels", "2020年星河电器实现销售收入1500亿元,净利润224亿元,分别同比增长37%、45%。",
      E(150_000_000_000, "CNY", period="2020", change=[("yoy", 0.37)]),
      E(22_400_000_000, "CNY", period="2020", change=[("yoy", 0.45)])),
    R("repeat-with-its-change-wins", "星河汽车10月交付5055台。\n星河汽车10月交付5055台,同比增长100%。",
      E(5055, ("count", "other:台"), period="2021-10", change=[("yoy", 1.0)])),

    # ---------------------------------------------------------------- analysts' notes, HK wording, statistics bulletins
    R("note-year-span-respectively", "华远集团发布三季报。我们预计公司2022-2024年归母净利润分别为45亿元、56亿元、68亿元。",
      E(4_500_000_000, "CNY", period="2022", subject="华远集团", metric="归母净利润"),
      E(5_600_000_000, "CNY", period="2023", subject="华远集团", metric="归母净利润"),
      E(6_800_000_000, "CNY", period="2024", subject="华远集团", metric="归母净利润")),
    R("note-pct-points", "华远集团第三季度毛利率为22.4%,环比提升0.5pct。",
      E(0.224, "percent", period="2021Q3", change=[("abs", 0.005)], metric="毛利率")),
    R("energy-unit-gwh", "华远集团第三季度电池出货量约95GWh。",
      E(95, "other:GWh", period="2021Q3", qualifier="约", metric="出货量")),
    R("ratio-no-claim", "三次产业结构为3.0:41.1:55.9。"),
    R("restated-at-rate-change-to-level", "浙江省人均地区生产总值为125043元,按年平均汇率折算为17744美元,比上年增长5.1%。",
      E(125_043, "CNY", change=[("yoy", 0.051)], subject="浙江", metric="人均地区生产总值")),
    R("hk-an-nian-sheng", "恒达集团公布业绩,收入536.5亿元,按年升8.8%。",
      E(53_650_000_000, "CNY", change=[("yoy", 0.088)], subject="恒达集团", metric="收入")),

    R("note-slash-list-two-digit-years", "我们预计华远集团23-25年归母净利润为45/56/68亿元,同增47%/24%/21%。",
      E(4_500_000_000, "CNY", period="2023", change=[("yoy", 0.47)], metric="归母净利润"),
      E(5_600_000_000, "CNY", period="2024", change=[("yoy", 0.24)], metric="归母净利润"),
      E(6_800_000_000, "CNY", period="2025", change=[("yoy", 0.21)], metric="归母净利润")),
    R("note-two-digit-year-span-of-quarters", "华远集团23年前三季度营收2946.8亿元,同比+40.4%。",
      E(294_680_000_000, "CNY", period="2023-01/2023-09", change=[("yoy", 0.404)], metric="营收")),
    R("year-end-stock-against-last-year-end", "华远集团年末员工人数为6627人,比上年末增加50人。",
      E(6_627, HEADCOUNT, period="asof:2021-12", change=[("abs", 50)], metric="员工")),

    R("aside-between-metric-and-number", "华远集团自由现金流(不包括应收账款变动的影响)为人民币272亿元。",
      E(27_200_000_000, "CNY", metric_is="自由现金流")),
    R("share-between-amount-and-its-change", "2017年空调是华远集团的主业,实现营收1234.1亿元,占比83.22%,较2016年增长40.1%。",
      E(123_410_000_000, "CNY", period="2017", change=[("yoy", 0.401)], metric="营收"),
      E(0.8322, "percent", period="2017")),
    R("against-the-same-quarter-a-year-earlier", "2022年第一季度的净服务收入为人民币352亿元,较2021年第一季度增长26.3%。",
      E(35_200_000_000, "CNY", period="2022Q1", change=[("yoy", 0.263)], metric="净服务收入")),

    R("note-bracketed-changes", "2021年华远集团实现营收225.7亿元(+56.1%),归母净利润40.1亿元(+136.1%)。",
      E(22_570_000_000, "CNY", period="2021", change=[("yoy", 0.561)], metric="营收"),
      E(4_010_000_000, "CNY", period="2021", change=[("yoy", 1.361)], metric="归母净利润")),
    R("note-bracketed-points", "华远集团毛利率57.5%(+4.4pct),净利率17.8%(同比-6.0pct)。",
      E(0.575, "percent", change=[("abs", 0.044)], metric="毛利率"),
      E(0.178, "percent", change=[("abs", -0.06)], metric="净利率")),
    R("restatement-in-brackets-is-no-change", "华远集团营收为100亿元(约合15亿美元)。",
      E(10_000_000_000, "CNY", metric="营收")),
    R("negative-rate-said-in-words", "2018年第三季度华远集团的毛利率为负6.1%,而2018年第二季度为负13.4%。",
      E(-0.061, "percent", period="2018Q3", metric="毛利率"),
      E(-0.134, "percent", period="2018Q2", metric="毛利率")),
    R("against-the-quarter-before-named", "2018年第三季度华远集团汽车销售收入为14.8亿元,较2018年第二季度增长526.6%。",
      E(1_480_000_000, "CNY", period="2018Q3", change=[("qoq", 5.266)], metric="汽车销售收入")),
    R("changes-listed-without-respectively", "京东、拼多多用户量同比增长了13%、12%。",
      E(0.13, "percent", period="2021", change=[("yoy", 0.13)], subject="京东"),
      E(0.12, "percent", period="2021", change=[("yoy", 0.12)], subject="拼多多")),
    R("the-whole-web-as-subject", "截止到2021年6月,全网月活跃用户规模已经达到12.67亿,同比增长了2.5%。",
      E(1_267_000_000, "users", period="asof:2021-06", change=[("yoy", 0.025)], subject="全网")),

    R("a-loss-rate-improves-downwards", "华远集团新业务经营亏损率环比改善3.1个百分点至7.1%。",
      E(0.071, "percent", change=[("abs", -0.031)], metric_is="经营亏损率")),
    R("a-margin-improves-upwards", "华远集团毛利率同比改善2.0个百分点至30%。",
      E(0.30, "percent", change=[("abs", 0.02)], metric="毛利率")),
    R("from-base-in-points-is-a-year-earlier", "2021年第二季度华远集团经营利润率由25.1%下降19.4个百分点至5.7%。",
      E(0.057, "percent", period="2021Q2", change=[("abs", -0.194)], metric="经营利润率"),
      E(0.251, "percent", period="2020Q2", metric="经营利润率")),

    R("compared-with-the-quarter-before-circumfix", "2018年第三季度华远集团汽车销售收入为14.8亿元,与第二季度相比增长了526.6%。",
      E(1_480_000_000, "CNY", period="2018Q3", change=[("qoq", 5.266)], metric="汽车销售收入")),
    R("compared-with-a-year-earlier-circumfix", "2018年第三季度华远集团收入为15.1亿元,与2017年第三季度相比增长了10%。",
      E(1_510_000_000, "CNY", period="2018Q3", change=[("yoy", 0.10)], metric="收入")),

    R("a-streak-is-counted-at-the-period-end", "2023年华远集团实现营业收入1,294.98亿元,连续2年实现超1200亿元营收。",
      E(129_498_000_000, "CNY", period="2023", metric="营业收入"),
      E(2, "other:年", period="asof:2023-12", metric="连续年数")),
    R("a-bound-a-streak-is-about-is-no-claim", "华远汽车10月总交付量为3040台,同比增长229%,连续两个月达到3000台以上。",
      E(3_040, "count", period="2021-10", change=[("yoy", 2.29)], metric="交付量"),
      E(2, "other:月", period="asof:2021-10", metric="连续月数")),

    R("since-a-month-does-not-date-what-follows", "华远汽车10月份共交付新车5055台,这也是华远汽车自今年3月以来连续第8个月实现同比增长。其中,华远X6交付2695辆。",
      E(5_055, ("count", "other:台"), period="2021-10"), E(2_695, "other:辆", period="2021-10")),

    R("a-bound-describing-the-counted-is-no-claim", "2018年全年票房过亿元影片82部,其中国产电影44部。",
      E(82, "other:部", period="2018"), E(44, "other:部", period="2018")),
    R("a-bound-with-its-own-verb-stays", "华远集团营收超过100亿元,员工3000人。",
      E(10_000_000_000, "CNY", qualifier="超过", metric="营收"), E(3_000, HEADCOUNT, metric="员工")),

    R("a-footnote-mark-is-no-claim-nor-part-of-the-metric",
      "华远集团非公认会计准则2经营利润为人民币12亿元,年度活跃用户3达到1.2亿。",
      E(1_200_000_000, "CNY", metric_is="非公认会计准则经营利润"), E(120_000_000, ("count", "users"), metric_is="年度活跃用户")),
    R("holding-is-no-part-of-a-name", "董事长张伟依然是第十大股东,持有公司4448.85万股。",
      E(44_488_500, ("count", "other:股"), subject="张伟")),
    R("the-codes-of-trading-counters-are-no-claims",
      "华远公司(香港交易所股票代码:9899(港币柜台)和89899(人民币柜台))公布业绩,总收入为315亿元。",
      E(31_500_000_000, "CNY", period=ANY, metric="总收入")),
    R("new-stores-are-a-flow-of-the-year-not-a-stock", "华远2023年新增门店300家,门店总数达到3000家。",
      E(300, ANY_COUNT, period="2023", metric="新增门店"), E(3000, ANY_COUNT, period="asof:2023-12", metric="门店")),
    R("numbers-with-their-own-magnitude-share-only-the-unit",
      "我们预计华远2024-2026年归母净利润分别为441亿、530亿、640亿元。",
      E(44_100_000_000, "CNY", period="2024"), E(53_000_000_000, "CNY", period="2025"),
      E(64_000_000_000, "CNY", period="2026")),
    R("a-market-expectation-is-of-the-figure-compared-with-it",
      "华远第二季度经调整溢利为14.9亿元,逊于98.5亿元的市场预期。",
      E(1_490_000_000, "CNY", period="2021Q2", metric_is="经调整溢利"),
      E(9_850_000_000, "CNY", period=ANY, metric_is="市场预期经调整溢利")),
    R("a-slash-list-shares-the-metric-of-its-first-item", "22-24年EPS为1.95/2.40/2.88元,对应PE为36/29/24倍。",
      E(1.95, "CNY", period="2022"), E(2.40, "CNY", period="2023"), E(2.88, "CNY", period="2024"),
      E(36, "other:倍", period="2022", metric_is="PE"), E(29, "other:倍", period="2023", metric_is="PE"),
      E(24, "other:倍", period="2024", metric_is="PE")),
    R("a-period-shorthand-is-no-part-of-a-name", "21H2公司营收130.5亿元,yoy+45.2%。",
      E(13_050_000_000, "CNY", period="2021H2", change=[("yoy", 0.452)], subject="未知")),
    R("money-per-share-in-fen-is-hundredths-of-a-yuan", "华远集团每股基本盈利280.09分,末期股息每股72分;豆瓣评分8.5分。",
      E(2.8009, "CNY", metric="每股基本盈利"), E(0.72, "CNY", metric="股息"), E(8.5, "other:分")),
    R("doubling-to-a-level-is-a-relative-change-of-it", "华远2021年净利润翻倍至20亿元。",
      E(2_000_000_000, "CNY", period="2021", change=[("yoy", 1.0)], metric_is="净利润")),
    R("a-businesss-english-name-and-a-verb-of-achieving-are-no-part-of-its-metric",
      "2023年上半年,化学业务 (HY Chemistry) 实现收入70.34亿元,同比增长2.6%。",
      E(7_034_000_000, "CNY", period="2023H1", change=[("yoy", 0.026)], metric_is="化学业务收入")),
    R("where-a-span-starts-lends-no-year", "华远自2019年至今保持增长,第三季度营收120亿元。",
      E(12_000_000_000, "CNY", period="2021Q3", metric="营收")),
    R("a-metric-word-is-no-end-of-a-name", "华远毛利30亿元,同比增长5%。",
      E(3_000_000_000, "CNY", change=[("yoy", 0.05)], subject="华远", metric_is="毛利")),
    R("an-analysts-signed-change-after-its-level", "2021年华远实现营收225.7亿元,+56.1% YoY;21H2归母净利24.0亿元/+118%;毛利率57.5%, -0.7pct。",
      E(22_570_000_000, "CNY", period="2021", change=[("yoy", 0.561)]),
      E(2_400_000_000, "CNY", period="2021H2", change=[("yoy", 1.18)]),
      E(0.575, "percent", period=ANY, change=[("abs", -0.007)])),
    R("a-bound-after-the-exact-figure-restates-it", "华远云第三季度收入107.2亿元,同比增长62%,首次突破100亿元。",
      E(10_720_000_000, "CNY", period="2021Q3", change=[("yoy", 0.62)])),
    R("a-code-after-a-latin-exchange-name-is-no-claim", "华远集团(NYSE:HYJ;HKEX:9989)公布业绩,收入为1614亿元。",
      E(161_400_000_000, "CNY", period=ANY, metric="收入")),
    R("a-bracketed-change-far-into-a-sentence", "2021年华远公司实现营业收入225.7亿元(+56.1%),归母净利润40.1亿元(+136.1%),净利率17.8%(+5.1pct)。",
      E(22_570_000_000, "CNY", period="2021", change=[("yoy", 0.561)]),
      E(4_010_000_000, "CNY", period="2021", change=[("yoy", 1.361)]),
      E(0.178, "percent", period="2021", change=[("abs", 0.051)])),
    R("metrics-listed-with-a-slash-map-in-turn", "21年华远营收/归母净利分别为225.7/40.1亿元。",
      E(22_570_000_000, "CNY", period="2021", metric_is="营收"), E(4_010_000_000, "CNY", period="2021", metric_is="归母净利")),
    R("a-span-of-months-and-a-verb-of-having-are-no-part-of-a-metric",
      "1-11月华远累计交付18.2万辆;截至11月30日,华远在全国已有门店428家,有效用户达3亿。",
      E(182_000, "other:辆", period="2021-01/2021-11", metric_is="交付量"),
      E(428, "count", period=ANY, metric_is="门店"), E(300_000_000, "users", period=ANY, metric_is="有效用户")),
    R("a-documents-pages-are-no-claim", "本报告共43页。华远集团营收43亿元。",
      E(4_300_000_000, "CNY", metric="营收")),

    R("a-place-governed-by-an-earlier-clauses-verb-is-no-subject",
      "华远体育2022年收入增长8.8%,维持中国体育品牌的领先地位,毛利增加6.3%至323.2亿元。",
      E(0.088, "percent", period="2022", change=[("yoy", 0.088)], subject="华远体育", metric="收入"),
      E(32_320_000_000, "CNY", period="2022", change=[("yoy", 0.063)], subject="华远体育", metric="毛利")),
    R("a-bracketed-base-years-period-stays-in-its-brackets",
      "华远体育2022年收益增加8.8%至536.5亿元(2021年:493.3亿元),毛利增加6.3%至323.2亿元。",
      E(53_650_000_000, "CNY", period="2022", change=[("yoy", 0.088)], metric="收益"),
      E(49_330_000_000, "CNY", period="2021", metric="收益"),
      E(32_320_000_000, "CNY", period="2022", change=[("yoy", 0.063)], metric="毛利")),
    R("a-region-heading-a-companys-revenue-goes-into-the-metric",
      "星河集团公布2019年业绩。中国区广告收入为30亿元。海外收入为12亿元。",
      E(3_000_000_000, "CNY", period="2019", subject="星河集团", metric_is="中国区广告收入"),
      E(1_200_000_000, "CNY", period="2019", subject="星河集团", metric="海外收入")),
    R("a-national-figure-quoted-in-a-companys-article-stays-national",
      "星河集团公布2019年业绩。截至2019年12月,我国网民规模达9.89亿。",
      E(989_000_000, ("users", "count"), period=ANY, subject="中国", metric="网民规模")),
    R("annual-active-buyers-of-a-quarter-are-the-twelve-months-to-its-end",
      "星河网2022年第一季度年度活跃购买用户达5.8亿,移动月活跃用户为6.1亿。",
      E(580_000_000, "users", period="2021-04/2022-03", metric="年度活跃购买用户"),
      E(610_000_000, "users", period="2022Q1", metric="移动月活跃用户")),
    R("annual-active-buyers-of-a-year-are-its-twelve-months",
      "星河网2020年年活跃买家数为7.88亿。",
      E(788_000_000, "users", period="2020-01/2020-12", metric="年活跃买家数")),
    R("a-figure-compared-with-the-quarter-before-is-not-of-that-quarter",
      "华远汽车第三季度营收为14.7亿元,上一季度营收为4630万元;净亏损为32.1亿元,较上一季度的24.6亿元扩大30.5%。",
      E(1_470_000_000, "CNY", period="2021Q3", metric="营收"),
      E(46_300_000, "CNY", period="2021Q2", metric="营收"),
      E(3_210_000_000, "CNY", period="2021Q3", change=[("qoq", 0.305)], metric="净亏损"),
      E(2_460_000_000, "CNY", period="2021Q2", metric="净亏损")),
    R("a-thousands-comma-in-the-base-is-no-clause-break",
      "华远汽车第三季度汽车销售收入为14.4亿元,较第二季度的2,870万元增长4,917.4%。",
      E(1_440_000_000, "CNY", period="2021Q3", change=[("qoq", 49.174)], metric="汽车销售收入"),
      E(28_700_000, "CNY", period="2021Q2", metric="汽车销售收入")),
    R("a-bare-change-that-names-no-measure-is-of-the-measure-in-context",
      "2021年第二季度,中国智能手机出货量约7,810万台,同比下降11.0%。小米同比增长13.4%。",
      E(78_100_000, ANY_COUNT, period="2021Q2", qualifier="约", change=[("yoy", -0.11)], metric="出货量"),
      E(0.134, "percent", period="2021Q2", change=[("yoy", 0.134)], metric="出货量")),
    R("a-place-the-measure-is-taken-in-stays-in-the-metric",
      "2021年第二季度,苹果在中国市场的出货量为870万台,同比增长23.4%。",
      E(8_700_000, ANY_COUNT, period="2021Q2", change=[("yoy", 0.234)], subject="苹果", metric="中国市场")),
    R("a-sections-heading-gives-its-period-to-the-section",
      "星河医药发布2021年上半年业绩。\n2021年上半年财务亮点\n营业收入达到188.7亿元。\n"
      "2021年第二季度财务亮点\n营业收入为99.08亿元。\n归母净利润为28.1亿元。\n业务展望\n全年收入预计为400亿元。",
      E(18_870_000_000, "CNY", period="2021H1", metric="营业收入"),
      E(9_908_000_000, "CNY", period="2021Q2", metric="营业收入"),
      E(2_810_000_000, "CNY", period="2021Q2", metric="归母净利润"),
      E(40_000_000_000, "CNY", period="2021", metric="收入")),
    R("an-analysts-pair-of-changes-is-year-on-year-then-sequential",
      "星河电池2023年第四季度营收1062.6亿元,同环比-10%/+1%;毛利率23.8%,同环比+3.6/+1.5pct。",
      E(106_260_000_000, "CNY", period="2023Q4", change=[("yoy", -0.10), ("qoq", 0.01)], metric="营收"),
      E(0.238, "percent", period="2023Q4", change=[("abs", 0.036), ("abs", 0.015)], metric="毛利率")),
    R("energy-units-in-any-case", "我们预计星河电池2024年出货480-490gwh。",
      E(480, "other:GWh", period="2024", upper=490, metric="出货量")),
    R("the-lot-of-an-a-share-dividend-is-no-claim", "宁德时代拟每10股派发现金红利50.28元,分红率达50%。",
      E(50.28, "CNY", metric_is="每10股派发现金红利"), E(0.5, "percent", metric="分红率")),
    R("an-analysts-estimate-word-is-no-part-of-the-metric", "我们测算宁德时代2023年第四季度单位扣非净利0.8元。",
      E(0.8, "CNY", period="2023Q4", metric_is="单位扣非净利")),
    R("a-datelines-day-opens-no-section",
      "华远汽车公布2021年第三季度业绩。\n星岛头条 2021年11月26日\n期内汽车交付量为93,211辆。",
      E(93_211, "other:辆", period="2021Q3", metric="交付量")),
    R("a-change-after-a-compared-base-is-the-levels-by-the-periods",
      "华远汽车第三季度净亏损为32.1亿元,相比第二季度的24.6亿元扩大30.5%,相比去年同期的12.3亿元扩大161.4%。",
      E(3_210_000_000, "CNY", period="2021Q3", change=[("qoq", 0.305), ("yoy", 1.614)], metric="净亏损"),
      E(2_460_000_000, "CNY", period="2021Q2", metric="净亏损"),
      E(1_230_000_000, "CNY", period="2020Q3", metric="净亏损")),
    R("a-base-in-a-currency-written-out-takes-the-levels-metric",
      "华远汽车第三季度总营收为14.67亿元人民币,相比第二季度的4630万元人民币增长30%。",
      E(1_467_000_000, "CNY", period="2021Q3", change=[("qoq", 0.3)], metric="总营收"),
      E(46_300_000, "CNY", period="2021Q2", metric="总营收")),
    R("a-bulletins-listed-parts-go-into-the-metrics-of-its-place",
      "2021年星河市国民经济和社会发展统计公报\n初步核算,2021年第一产业、第二产业和第三产业增加值分别为233亿元、"
      "3395亿元和4626亿元,分别增长4.2%5.0%6.7%。",
      E(23_300_000_000, "CNY", period="2021", change=[("yoy", 0.042)], subject="星河市", metric_is="第一产业增加值"),
      E(339_500_000_000, "CNY", period="2021", change=[("yoy", 0.05)], subject="星河市", metric_is="第二产业增加值"),
      E(462_600_000_000, "CNY", period="2021", change=[("yoy", 0.067)], subject="星河市", metric_is="第三产业增加值")),
    R("a-bulletins-place-is-no-kind-of-area",
      "2021年星河市国民经济和社会发展统计公报\n年末城镇常住人口为650万人。全市生产总值为1200亿元。",
      E(6_500_000, ("users", "count"), period=ANY, subject="星河市"),
      E(120_000_000_000, "CNY", period="2021", subject="星河市", metric_is="全市生产总值")),
    R("a-results-lead-naming-a-quarter-and-nine-months-reports-the-quarter",
      "星河集团今天公布截至2021年12月31日止季度及九个月业绩。本季度收入为1614.56亿元。"
      "截至12月31日的九个月,收入为3757.65亿元。",
      E(161_456_000_000, "CNY", period="2021Q4", metric="收入"),
      E(375_765_000_000, "CNY", period="2021-04/2021-12", metric="收入")),
    R("an-interim-report-is-of-the-first-half",
      "华远体育(02331.HK)2021年中报点评:业绩超预期\n分渠道看,电商渠道收入28.5亿元,同比+54%,占比28%。",
      E(2_850_000_000, "CNY", period="2021H1", change=[("yoy", 0.54)], metric_is="电商渠道收入"),
      E(0.28, "percent", period="2021H1", metric_is="电商渠道收入占比")),
    R("listed-valuation-ratios-after-a-latin-word-are-values",
      "我们预计宁德时代21-23年EPS为1.51/1.89/2.32元,对应PE 44/35/29倍。",
      E(1.51, "CNY", period="2021", metric="EPS"), E(1.89, "CNY", period="2022", metric="EPS"),
      E(2.32, "CNY", period="2023", metric="EPS"), E(44, "other:倍", period="2021", metric="PE"),
      E(35, "other:倍", period="2022", metric="PE"), E(29, "other:倍", period="2023", metric="PE")),
    R("a-change-against-the-years-start-is-a-plain-change",
      "截至2021年6月30日,星河集团存货为12.8亿元,较年初下降5%。",
      E(1_280_000_000, "CNY", period="asof:2021-06", change=[("growth", -0.05)], metric="存货")),
    R("a-target-is-a-claim-whose-metric-says-so", "华远汽车计划到2021年底在全国建成超过1100个充电桩。",
      E(1100, ANY_COUNT, period="asof:2021-12", qualifier="超过", metric_is="充电桩目标")),
    R("a-day-of-a-date-is-no-part-of-the-metric", "华远汽车截至11月6日累计交付5300辆。",
      E(5300, "other:辆", period="asof:2021-11", metric="交付量")),
    R("places-counted-are-no-users", "华远汽车在全国已经建成了8家用户中心。",
      E(8, ANY_COUNT, metric_is="用户中心")),
    R("a-share-before-a-rank-is-the-share", "2021年第二季度,OPPO以20.5%的份额位居第二。",
      E(0.205, "percent", period="2021Q2", subject="OPPO", metric_is="份额")),
    R("a-bare-growth-is-of-the-volume-in-context-not-of-a-share",
      "2021年第二季度,小米出货量为1,290万台,市场份额16.5%。苹果同比增长23.4%。",
      E(12_900_000, ANY_COUNT, period="2021Q2", metric="出货量"),
      E(0.165, "percent", period="2021Q2", metric="市场份额"),
      E(0.234, "percent", period="2021Q2", change=[("yoy", 0.234)], subject="苹果", metric="出货量")),
    R("a-quote-after-a-listed-name-is-its-share-price", "华远电器(50.070, -0.12, -0.24%)(000651)披露2017年年报。",
      E(50.07, "CNY", change=[("abs", -0.12), ("growth", -0.0024)], subject="华远电器", metric="股价")),
    R("a-restatement-whose-bracket-names-its-currency-is-no-claim",
      "2022年第一季度的净收入为人民币2397亿元(美元)1378亿),比2021年第一季度增长18.0%。",
      E(239_700_000_000, "CNY", period="2022Q1", change=[("yoy", 0.18)], metric="净收入")),
    R("a-titled-work-of-an-earlier-clause-is-the-subject",
      "B站于今年五四青年节推出视频《我们的时代》,全网曝光量近1亿。",
      E(100_000_000, ANY_COUNT, period=ANY, qualifier="近", subject="我们的时代", metric="曝光量")),
    R("cents-after-a-currency-are-hundredths-of-it", "董事会建议派发末期股息每股普通股港币72分。",
      E(0.72, "HKD", metric="末期股息")),
    R("cents-written-as-one-word-are-scaled-once", "合每股摊薄净盈利73美分。",
      E(0.73, "USD", metric="每股摊薄净盈利")),
    R("a-clause-opening-with-a-compared-base-gives-its-figure",
      "华远汽车公布2021年第三季度业绩。经营亏损12.1亿元,对比去年同期经营利润38.2亿元。",
      E(1_210_000_000, "CNY", period="2021Q3", metric="经营亏损"),
      E(3_820_000_000, "CNY", period="2020Q3", metric_is="经营利润")),
    R("a-years-end-is-no-part-of-the-metric", "2021年星河市国民经济和社会发展统计公报\n年末全市常住人口662万人,比上年末增加5万人。",
      E(6_620_000, ("users", "count"), period="asof:2021-12", change=[("abs", 50_000)], subject="星河市",
        metric_is="全市常住人口")),
    R("a-base-stated-as-a-loss-is-a-loss", "2021年星河集团经营利润为3亿元,上年同期为亏损2亿元。",
      E(300_000_000, "CNY", period="2021", metric="经营利润"),
      E(200_000_000, "CNY", period="2020", metric_is="亏损")),
    R("a-reporters-byline-is-no-subject",
      "星河影业发布年报。(记者王小明 李华)据介绍,2018年全年票房为60.97亿元。",
      E(6_097_000_000, "CNY", period="2018", subject="星河影业", metric="票房")),
]


def _changes(claim):
    ch = claim.change
    if ch is None:
        return None
    return sorted((c.kind, round(c.value, 6)) for c in (ch if isinstance(ch, list) else [ch]))


def _show(claims):
    return "\n".join(
        f"  {c.subject}|{c.subject_text}|{c.metric}|{c.value} {c.unit} {c.period} q={c.qualifier} "
        f"ch={_changes(c)} up={c.upper}" for c in claims)


def _match(claims, want):
    """The first unused claim with the expected value and unit."""
    for c in claims:
        units = want["unit"] if isinstance(want["unit"], tuple) else (want["unit"],)
        if c.unit in units and c.value == pytest.approx(want["value"], rel=1e-9, abs=1e-12):
            return c
    return None


@pytest.mark.parametrize("text,expected", ROWS)
def test_claims(text, expected):
    docs = extract_text(text, doc_id="t", year=2021)
    got = [c for d in docs for c in d.claims]
    shown = _show(got)
    assert len(got) == len(expected), f"{len(got)} claims, expected {len(expected)}:\n{shown}"
    left = list(got)
    for want in expected:
        c = _match(left, want)
        assert c is not None, f"no claim with value {want['value']} {want['unit']}:\n{shown}"
        left.remove(c)
        for field in ("period", "qualifier", "upper"):
            if want[field] is not ANY:
                if field == "upper" and want[field] is not None:
                    assert c.upper == pytest.approx(want[field]), f"upper:\n{shown}"
                else:
                    assert getattr(c, field) == want[field], f"{field}:\n{shown}"
        if want["change"] is not ANY:
            exp = None if want["change"] is None else sorted((k, round(v, 6)) for k, v in want["change"])
            assert _changes(c) == exp, f"change:\n{shown}"
        if want["subject"] is not ANY:
            names = (c.subject or "") + "|" + (c.subject_text or "")
            assert want["subject"] in names, f"subject:\n{shown}"
        if want["metric"] is not ANY:
            assert want["metric"] in c.metric, f"metric:\n{shown}"
        if want["metric_is"] is not ANY:
            assert c.metric == want["metric_is"], f"metric:\n{shown}"
        assert 0 <= c.evidence.raw_start < c.evidence.raw_end <= len(text), "evidence outside the input"


def test_a_metric_word_glued_after_a_guessed_name_is_cut_off():
    """华远毛利30亿元: the model's 华远毛利 is the name 华远 and the metric 毛利."""
    claims = [c for d in extract_text("华远毛利30亿元,同比增长5%。", doc_id="t", year=2021) for c in d.claims]
    assert [(c.subject, c.metric) for c in claims] == [("华远", "毛利")]
