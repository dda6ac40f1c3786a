"""The patterns of period mentions (2020年四季度, 截至2024年6月30日止六个月, 上半年, 12月季度, 七月):
each a regex, the kind of period it names and the characters that trigger it, tried in order by
:func:`extract.nlp.periods.find_periods`; and the words for the month and quarters around the one
in context (上月, 上季度, 下季度).
"""
from __future__ import annotations

import re

from .period_codes import FISCAL, FISCAL_EN

_Y = r"(?<![\d.])(?P<y>(?:19|20)\d{2})(?!\d)\s*年?\s*(?:度\s*)?"
_ASOF = r"(?P<asof>截至|截止|截至到|截止到|到)?\s*"
#: (pattern, kind, triggers): a pattern can only match a text holding one of its trigger
#: characters, so a sentence without them skips it (most sentences name no period)
_MONTH_N = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_RULES: list[tuple[re.Pattern[str], str, str]] = [
    # a fiscal year, its quarters and halves (period_codes.FISCAL); a filing that names the end
    # date (截至2023年12月31日止第三财季) is read by the rules after these
    (FISCAL, "fiscal", "财/"),
    (FISCAL_EN, "fiscal", "F"),
    # this fiscal year and its first quarters or half (本财年前三个季度), of the fiscal year in context;
    # the one before it (上一财年)
    (re.compile(r"(?:(?:本|该|今|当|(?P<prev>上一?|前一)个?)\s*财(?:政)?年(?:度)?\s*的?\s*|(?=前\s*[一二三两1-3]\s*个?\s*财季))(?:前\s*(?P<nq>[一二三两1-3])\s*个?\s*(?:财季|季度)|"
                r"前\s*(?P<nmo>十[一二]?|[一二三四五六七八九]|1[01]|[1-9])\s*个\s*月|(?P<fh>上|下)半(?:年|财年))?"), "fiscal_this", "财"),
    # a period named by its end and length, as in Hong Kong filings: 截至2023年12月31日止年度 (2023), 截至2024年6月30日止六个月
    # (2024H1), 截至2024年3月31日止年度 (a fiscal year; 截至 may be left out before a full date and 止); the
    # year may be the context's (截至12月31日的九个月, 截至今年6月30日…)
    (re.compile(r"(?:(?:截至|截止)\s*|(?=(?:19|20)\d{2}\s*年\s*(?:1[0-2]|0?[1-9])\s*月\s*[0-3]?\d\s*日\s*止))"
                r"(?:(?<![\d.])(?P<y>(?:19|20)\d{2})(?!\d)\s*年\s*|(?P<rely>今年|本年|去年|上年))?(?P<m>1[0-2]|0?[1-9])\s*月\s*(?:[0-3]?\d\s*日|底|末)?\s*(?:止\s*的?|的)\s*(?:第\s*[一二三四1-4]\s*(?=季))?"
                r"(?P<len>年度|财政年度|财年|(?<=止)全年|(?:十[一二]?|1[0-2]|[一两二三四五六七八九1-9])个月|半年|季度|季(?![度节末底])|(?<=止)月份?(?![\u4e00-\u9fff]{0,2}[前后]))"
                r"(?:\s*(?:及|和|以及)\s*(?P<len2>年度|(?:十[一二]?|1[0-2]|[一两二三四五六七八九1-9])个月|半年))?"), "ended", "止的"),
    # a span of whole months written from the first day to a day (于2024年1月1日至2024年10月31日期间): those months
    (re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d{2})(?!\d)\s*年\s*(?P<m1>1[0-2]|0?[1-9])\s*月\s*(?:1|01|一)\s*日\s*(?:-|~|～|—|至|到)\s*"
                r"(?:(?P=y)\s*年\s*)?(?P<m2>1[0-2]|0?[1-9])\s*月\s*(?:2[89]|3[01])\s*日(?:\s*(?:止|期间))?"), "span", "日"),
    # a year to date named with its year (2022年初至今, 2022年初以来)
    (re.compile(r"(?<![\d.])(?P<tdy>(?:19|20)\d{2})(?!\d)\s*年\s*初\s*(?:以来|至今|迄今)"), "to_date", "初"),
    # spans of months from January (a year to date): 前三季度, 前两个季度, 前8个月, 1-9月, 1至9月 (an analyst's 23年前三季度)
    (re.compile(r"(?:(?:(?<![\d.])(?P<y>(?:19|20)\d{2})(?!\d)|(?<![\d.])(?P<yy>[12]\d))\s*年\s*(?:度\s*)?)?前\s*(?P<nq>[二三两2-3])\s*个?\s*季度"), "span", "季"),
    (re.compile(r"(?:(?:(?<![\d.])(?P<y>(?:19|20)\d{2})(?!\d)|(?<![\d.])(?P<yy>[12]\d))\s*年\s*)?(?<![目此之提以])(?:[前首]|(?<![码龙源街山外里盖枕额])头)\s*(?P<nm>" + _MONTH_N + r"|两)\s*(?:个\s*月|月(?!\s*[0-3]?\d\s*[日号])(?:份)?)"), "span", "月"),
    # Hong Kong wording: 首三季 (the first three quarters)
    (re.compile(r"(?:(?<![\d.])(?P<y>(?:19|20)\d{2})(?!\d)\s*年\s*)?首\s*(?P<nq>[二三两2-3])\s*(?:个)?\s*季(?:度)?"), "span", "季"),
    (re.compile(r"(?:(?:(?<![\d.])(?P<y>(?:19|20)\d{2})(?!\d)|(?<![\d.])(?P<yy>[12]\d))\s*年\s*)?(?<![\d.])(?P<m1>" + _MONTH_N + r")\s*(?:月\s*)?(?:-|~|～|—|至|到)\s*"
                r"(?P<m2>" + _MONTH_N + r")\s*月(?!\s*\d{1,2}\s*日)"), "span", "月"),
    # two months named together and then as one span (10月和11月两个月合计, 11月和12月每月): those months
    (re.compile(r"(?:(?:(?<![\d.])(?P<y>(?:19|20)\d{2})(?!\d)|(?<![\d.])(?P<yy>[12]\d))\s*年\s*)?(?<![\d.])(?P<m1>" + _MONTH_N + r")\s*月(?:份)?\s*(?:和|及|与|、)\s*"
                r"(?P<m2>" + _MONTH_N + r")\s*月(?:份)?(?=\s*(?:这)?(?:两个月|两月)|\s*(?:合计|共计|总共|累计|每月|月均|平均))"), "span", "月"),
    # a quarter named by the month it ends (2024年6月季度, 截至2025年9月底止季度): that calendar quarter,
    # whatever fiscal ordinal it has (截至2024年9月30日止第二季度 of a year ending in March: 2024Q3)
    (re.compile(r"(?:截至|截止)?\s*(?<![\d.])(?P<y>(?:19|20)\d{2})(?!\d)\s*年\s*(?P<qm>3|6|9|12|三|六|九|十二)\s*月份?\s*(?:底|末|30日|31日)?\s*(?:止)?\s*(?:的|之)?\s*(?:第\s*[一二三四1-4]\s*)?(?:三个月|季度|季)(?!末|底)"), "quarter", "季"),
    (re.compile(_ASOF + _Y + r"(?:第\s*)?(?P<q>[一二三四1-4])\s*季度(?P<end>末|底)?"), "quarter", "季"),
    # Hong Kong wording: 第三季, 首季, 次季 (no 度)
    (re.compile(_ASOF + _Y + r"(?:(?:第\s*)(?P<q>[一二三四1-4])|(?P<q2>[首次]))\s*季(?![度节])(?P<end>末|底)?"), "quarter", "季"),
    # analysts' shorthand with a two-digit year: 18Q3, 2Q24, Q1'24, 23H1, 1H25, 23年第四季度
    # quarters from the first (23Q1-Q3, 2023年Q1~Q3): the months from January, as 前三季度
    (re.compile(r"(?:(?:(?<![\d.])(?P<y>(?:19|20)\d{2})(?!\d)|(?<![\dA-Za-z.])(?P<yy>[12]\d))\s*年?\s*)?(?<![A-Za-z])Q1\s*"
                r"(?:-|－|~|～|—|–|至|到)\s*Q(?P<nq>[23])(?![\d])"), "span", "Q"),
    # the months or quarters from January, in shorthand (9M24, 1-3Q24): as 前三季度
    (re.compile(r"(?<![\dA-Za-z])(?P<nm>[1-9]|1[01])M\s*(?:(?P<y>(?:19|20)\d{2})|(?P<yy>[12]\d))(?!\d)"), "span", "M"),
    (re.compile(r"(?<![\dA-Za-z])1\s*-\s*(?P<nq>[23])Q\s*(?:(?P<y>(?:19|20)\d{2})|(?P<yy>[12]\d))(?!\d)"), "span", "Q"),
    (re.compile(r"(?<![\d.])(?:(?P<y>(?:19|20)\d{2})|(?P<yy>[12]\d))\s*Q1\s*[-~～]\s*(?P<nq>[23])(?![\dQ])"), "span", "Q"),  # 2024Q1-3
    (re.compile(r"(?<![\dA-Za-z])(?P<yy>[12]\d)\s*Q(?P<q>[1-4])(?![\d])"), "quarter", "Q"),
    (re.compile(r"(?<![\dA-Za-z])(?P<q>[1-4])Q\s*(?P<yy>[12]\d)(?![\d])"), "quarter", "Q"),
    (re.compile(r"(?<![A-Za-z])Q(?P<q>[1-4])\s*['’]\s*(?P<yy>[12]\d)(?![\d])"), "quarter", "Q"),
    (re.compile(r"(?<![\dA-Za-z])(?P<q>[1-4])Q\s*(?P<y>(?:19|20)\d{2})(?!\d)"), "quarter", "Q"),  # 3Q2024
    (re.compile(r"(?<![\dA-Za-z])(?P<hn>[12])H\s*(?P<y>(?:19|20)\d{2})(?!\d)"), "half", "H"),  # 1H2024
    (re.compile(r"(?<![A-Za-z])H(?P<hn>[12])\s*['’]\s*(?P<yy>[12]\d)(?![\d])"), "half", "H"),  # H1'24
    (re.compile(r"(?<![\dA-Za-z])(?P<yy>[12]\d)\s*H(?P<hn>[12])(?![\d])"), "half", "H"),
    (re.compile(r"(?<![\dA-Za-z])(?P<hn>[12])H\s*(?P<yy>[12]\d)(?![\d])"), "half", "H"),
    (re.compile(r"(?<![\d.])(?P<yy>[12]\d)\s*年\s*(?:第\s*)?(?P<q>[一二三四1-4])\s*季度?"), "quarter", "季"),
    (re.compile(r"(?<![\d.])(?P<yy>[12]\d)\s*年\s*Q(?P<q>[1-4])(?![\d])"), "quarter", "Q"),
    (re.compile(r"(?<![\d.])(?P<yy>[12]\d)\s*年\s*(?P<h>上|下)半年"), "half", "半"),
    (re.compile(_ASOF + r"(?<![\d.])(?P<y>(?:19|20)\d{2})(?!\d)\s*(?:年\s*)?Q(?P<q>[1-4])(?P<end>末)?"), "quarter", "Q"),
    (re.compile(_ASOF + r"Q(?P<q>[1-4])\s*(?<![\d.])(?P<y>(?:19|20)\d{2})(?!\d)"), "quarter", "Q"),
    (re.compile(r"(?<![\d.A-Za-z])(?P<y>(?:19|20)\d{2})(?!\d)\s*(?:年\s*)?H(?P<hn>[12])(?![\dA-Za-z])"), "half", "H"),  # 2023H2
    # an analyst's year marked actual or estimate (2023A, 2024E): that year
    (re.compile(r"(?<![\d.A-Za-z])(?P<y>(?:19|20)\d{2})(?!\d)\s*[AE](?![A-Za-z\d])"), "year", "AE"),
    # a quarterly report named by its quarter (2024年一季报, 三季报): the quarter it reports
    (re.compile(r"(?:(?<![\d.])(?P<y>(?:19|20)\d{2})(?!\d)\s*年\s*)?(?P<q>[一三])季报"), "report_q", "季"),
    (re.compile(r"(?P<asof>截至|截止|截至到|截止到|到)?\s*(?<![\d.])(?P<y>(?:19|20)\d{2})(?!\d)\s*年\s*(?P<end>底|末)(?!期(?:股息|息|派|分红|股利))"), "yearend", "年"),
    # (not a final dividend: 2023年末期股息 is the year's 末期股息)
    # an analyst's two-digit year-end (截至21年末, 22年底)
    (re.compile(r"(?P<asof>截至|截止|截至到|截止到|到)?\s*(?<![\d.])(?P<yy>[12]\d)\s*年\s*(?P<end>底|末)(?!期(?:股息|息|派|分红|股利))"), "yearend", "年"),
    (re.compile(_Y + r"(?P<h>上|下)半年"), "half", "半"),
    # a year's interim payout or results (2025年中期利润分配方案, 2024年中期股息, 2024年中期业绩): its first half
    (re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d{2})(?!\d)\s*年(?:度)?\s*(?P<h>中)期(?=\s*(?:利润分配|分红|股息|派息|息|业绩|报告|财务报告))"), "half", "期"),
    (re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d{2})(?!\d)\s*年?[^》\n]{0,12}?(?P<h>半)年(?:度)?报"), "half", "半"),
    (re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d{2})(?!\d)\s*年?[^》\n]{0,12}?(?:年报|年度报告)"), "year", "报"),
    (re.compile(_ASOF + r"(?<![\d.])(?P<y>(?:19|20)\d{2})(?!\d)\s*年\s*(?P<m>1[0-2]|0?[1-9])\s*月(?:\s*(?P<d>[0-3]?\d)\s*日)?(?P<end>底|末)?"), "month", "月"),
    (re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d{2})(?!\d)-(?P<m>1[0-2]|0[1-9])(?:-(?P<d>[0-3]\d))?(?!\d)"), "month", "-"),
    # (2023年 8,634,512,370.45元: a year before an amount, a table row's label; 2023年1-9月, 2023年10月 are months)
    (re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d{2})(?!\d)\s*(?:年年度|年|财年|年度|全年)(?!\s*(?:\d{1,2}\s*(?:月|季|[-~～—–至到]|[QH日号])|0\d|"
                r"[一二三四]\s*季|第\s*[一二三四1-4]\s*(?:财)?季|上半|下半|Q))"), "year", "年"),
    # an analyst's two-digit year opening a clause (23年公司实现营收…, 预计24年): a year, not a
    # duration (成立23年, 连续23年, 23年来 are durations: a word before it, or 来/间/内 after)
    (re.compile(r"(?:(?<![^\s,，;；。:：、(（预计期算测估应予])|(?<=公司)|(?<=集团))(?P<yy>[12]\d)\s*(?:年度|年)(?!\s*(?:\d|来|间|内(?!销)|多(?!晶)|余|以来|之|前|后|左右|"
                r"[一二三四]\s*季|第\s*[一二三四1-4]\s*(?:财)?季|上半|下半|Q|H))"), "year", "年"),
    (re.compile(r"(?<![\d.\-~至到A-Za-z])(?P<yy>[12]\d)\s*年(?=\s*(?:全年|年度|年报|报|业绩))"), "year", "年"),
    # the year to date (今年以来, 年初至今): from January to the month of the data or of publication
    # (this year to a month: 今年截至10月底, 年内截至9月30日; 年内 only before 累计, else it is the full year)
    (re.compile(r"(?:今年|本年|年内)\s*(?:以来)?\s*(?:截至|截止|至)\s*(?P<tdm>1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])\s*月\s*(?:底|末|份|[0-3]?\d\s*日)?"
                r"|(?:今年|本年|年初)\s*(?:以来|至今|迄今)|今年迄今|(?:今年|本年|年内)(?=\s*(?:累计|累积))"), "to_date", "以至迄累"),
    (re.compile(_ASOF + r"(?P<rel>去年同期|上年同期|去年同季度|上年同季度|去年同季|上年同季|一年前同季度|一年前同季|一年前同期|(?<![占月])同期|同季度|同季(?![度节])|去年|上一年|前一年|上年|今年|本年|前年|明年)(?:度(?![\u4e00-\u9fff]*(?:报告|报)))?"
                r"(?:(?:第\s*)?(?P<q>[一二三四1-4])\s*季(?:度|(?![度节]))(?P<end>末|底)?|(?P<q3>首)\s*季(?![度节])|(?P<h>上|下)半年|(?P<m>1[0-2]|[1-9])\s*月(?:份)?(?P<end2>底|末)?|年?(?P<yend>末|底)(?!之?前|期(?:股息|息|派|分红|股利)))?"), "relative", "年期"),
    (re.compile(_ASOF + r"(?P<rel2>本季度|上季度|上一季度|上一?季(?![度节])(?=\s*(?:则|則)?\s*(?:[\u4e00-\u9fff]{0,8}?(?:为|為|是|录得|錄得)|的)?\s*[-\d负])|前一季度|前一个季度|下一个季度|下一季度|下个季度|下季度|下一?财季|下一?季(?![度节])|当季|本季|今季(?![度节])|(?<![季度Q\d一二三四])单季(?:度)?(?![度节])|上个季度|本财季|上一财季|上财季|当季度|这个季度|这一季度|该季度|这季度)(?P<end>末)?"), "relq", "季"),
    # a month named against the month in context (本月, 当月, 上月, 上个月): resolved below
    (re.compile(_ASOF + r"(?P<relm>本月|当月|这个月|该月|是月|上一个月|上个月|上月|前一个月)(?P<end>底|末)?(?!份?\s*[0-3]?\d\s*[日号])"), "relm", "月"),
    # as of now, said on the day of publication: 截至目前累计交付超过5,000辆
    (re.compile(r"(?:截至|截止|截至到|截止到)\s*(?:目前|发稿|今日|今天|现在)"), "now", "截"),
    # … and said of what stands now (目前已有超过6000名员工, 现有门店500家)
    (re.compile(r"(?<![截止到])(?:目前|迄今|至今|现时|当前|现阶段)(?=[^,，。;；]{0,12}?(?:已|共|拥有|有|累计|达|覆盖|建成|开设|超过|突破))"
                r"|(?<![截止到])如今(?=\s*[,，])|(?<=[增升降减]至)(?:目前|如今|当前)(?=的?\s*(?:约|近|超过)?\d)"), "current", "目迄至现当如"),
    (re.compile(r"(?<![\d年])(?:全年(?:度)?|当年)|(?<![\d年一二三四五六七八九十两几多近数每创])年内(?![\u4e00-\u9fff]{0,2}(?:上市|完成|建成|新高|新低|最高|最低))"), "fullyear", "年"),  # (年内海外销量目标1万辆)
    # 年末, 年底 with no year: the end of the year in context (年末全省常住人口: the stock then)
    (re.compile(r"(?<![\d年去上今前明本全当])年(?P<yend>末|底)(?!期(?:股息|息|派|分红|股利))(?:之?前)?"), "fullyear", "年"),  # (年底前: by then)
    # (Arabic digits too: 3季度营收; not a count of quarters: 连续3季度, 近4季度)
    # (a model's name before 第: G6第三季度销量)
    (re.compile(_ASOF + r"(?:(?<=[A-Za-z\d])第\s*|(?<![\d年.连续近过去])(?:第\s*)?)(?P<q>[一二三四1-4])\s*季度(?P<end>末|底)?"), "bare_quarter", "季"),
    (re.compile(_ASOF + r"(?<![\d年])(?:(?:第\s*)(?P<q>[一二三四1-4])|(?P<q2>[首次]))\s*季(?![度节])(?P<end>末|底)?"), "bare_quarter", "季"),
    # (截至6月30日止第二季, 截至今年6月30日止季度: the ordinal and 今年 too)
    (re.compile(r"(?:截至|截止)\s*(?:今年|本年)?\s*(?P<qm>3|6|9|12|三|六|九|十二)\s*月\s*(?:底|末|30日|31日)?\s*(?:止)?\s*(?:的|之)?\s*(?:第\s*[一二三四1-4]\s*)?(?:三个月|季度|季)(?!末|底)"), "reported_quarter", "季"),
    # a quarter named by its end month with no year (12月季度, 9月份季度): the latest one reported
    (re.compile(r"(?<![\d年])(?P<qm>3|6|9|12|三|六|九|十二)\s*月份?\s*(?:的|之)?\s*季度(?!末|底)"), "reported_quarter", "季"),
    # a fiscal quarter with no year (第三财季): the calendar quarter last ended before publication,
    # the one results come out for (a fiscal year's numbering is the company's own)
    (re.compile(r"(?<![\d年])(?:第\s*)?(?P<q>[一二三四1-4])\s*财季"), "fiscal_quarter", "季"),
    (re.compile(r"(?<![\d年半])(?P<h>上|下)半年"), "bare_half", "半"),
    # Hong Kong 中期 before what it reports (預期中期錄得虧損, 中期純利): the first half
    # (泡泡玛特中期收益, 派中期息 too; not 中长期, 短中期)
    (re.compile(r"(?<![\d年长短初其集])(?P<h>中)期(?=\s*(?:录得|业绩|盈利|亏损|纯利|溢利|收益|收入|股息|派息|息))|(?<=预期|预计)(?P<h2>中)期"), "bare_half", "期"),
    (re.compile(r"(?<![A-Za-z\d])H(?P<hn>[12])(?![\dA-Za-z])"), "bare_half", "H"),  # an analyst's H2
    # (not a question's number opening a line: Q1:…, Q3：毛利率?)
    (re.compile(_ASOF + r"(?<![A-Za-z\d])(?:(?<!^)(?<!\n)|(?!Q[1-4]\s*[:：、.]))Q(?P<q>[1-4])(?P<end>末)?(?![\d])"), "bare_quarter", "Q"),
    # months listed with one 月 after the last (7、8、9月, 7、8、9三个月): each its own month
    (re.compile(r"(?<![\d年月.、])(?P<m>1[0-2]|[1-9])(?=(?:\s*[、,，和及与]\s*(?:1[0-2]|[1-9]))+\s*(?:月份?|[两二三四五六]个月))"
                r"|(?<=\d[、和及与])(?P<ml>1[0-2]|[1-9])(?=(?:\s*[、,，和及与]\s*(?:1[0-2]|[1-9]))*\s*(?:月份?|[两二三四五六]个月))"
                r"(?:\s*[两二三四五六]个月)?"), "bare_month", "、"),
    (re.compile(_ASOF + r"(?<![\d年月.])(?:(?<![A-Za-z])|(?=\d{1,2}\s*月份))(?P<m>1[0-2]|[1-9])\s*月(?:份)?(?P<end>底|末)?"), "bare_month", "月"),  # (问界M9月均: a model's digit; 京东APP6月份: a month)
    (re.compile(_ASOF + r"(?<![\d年月.一二三四五六七八九十两几个前后])(?P<m>十[一二]?|[一二三四五六七八九])\s*月份(?P<end>底|末)?"), "bare_month", "月"),
    # … and without 份 where what follows makes it a month (七月交付量, 截至六月底, 於七月，): not 五月天
    (re.compile(_ASOF + r"(?<![\d年月.一二三四五六七八九十两几个前后初])(?P<m>十[一二]?|[一二三四五六七八九])\s*月(?P<end>底|末)?"
                r"(?=(?(end)|(?:[,，、:：;；]|的|[\u4e00-\u9fff]{0,4}?(?:量|额|数|率|收入|营收|亏损|利润|溢利|纯利|指数))))"), "bare_month", "月"),
]


#: the words for the month before the one in context
_PREVIOUS_MONTH = ("上月", "上个月", "上一个月", "前一个月")

#: the words for the quarter after the one in context
#: (今季 in a piece on the quarter reported: the one under way, after it)
_NEXT_QUARTER = ("下一个季度", "下一季度", "下个季度", "下季度", "下一季", "下季", "下一财季", "下财季", "今季")

#: the words for the quarter before the one in context
_PREVIOUS_QUARTER = ("上季度", "上一季度", "上季", "上一季", "上个季度", "前一季度", "前一个季度", "上一财季", "上财季")

#: a month a sentence counts up to (截至10月底, 截至2024年9月30日), which ends a year to date said after it
#: (截至10月底,星河汽车今年累计交付…)
ASOF_MONTH = re.compile(r"(?:截至|截止)\s*(?:(?P<y>(?:19|20)\d{2})\s*年\s*)?(?P<m>1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])\s*月\s*"
                        r"(?:底|末|份|[0-3]?\d\s*日)?(?!\s*止)")

#: years listed (2022年、2023年及2024年): a 同期 before 分别 after them is those years, not a year back
_LIST_BEFORE = re.compile(r"\d{4}\s*年?\s*[、,，和及与至到-]\s*(?:\d{4}\s*年?\s*[、,，和及与]\s*)*\d{4}\s*年")
