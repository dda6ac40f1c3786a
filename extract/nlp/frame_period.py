"""The reporting period of a document frame, and the dates that are none: a title's or lead's
period of results (2023年第二季度业绩, 中期业绩, 截至…止年度, a provisional release's month), and
the dates that say when a piece was filed or a release came out (北京12月31日电, 7月29日消息).
:mod:`.frame` builds the frame from them.
"""
from __future__ import annotations

import re

from .frame_words import FrameWords, frame_words
from .period_codes import fiscal_quarter, months_to, period_end  # noqa: F401  (re-exported)
from .periods import find_periods


_ANNOUNCED = re.compile(r"\s*(?:[0-3]?\d\s*日)?\s*(?:晚间|晚|早间|早|上午|下午|凌晨)?\s*(?:(?:在|于)\s*[\u4e00-\u9fffA-Za-z]{1,8}?\s*)?"  # (8月5日晚间在港交所发布)
                        r"(?:[,，]\s*[\u4e00-\u9fffA-Za-z0-9()（）.]{1,16}?\s*(?:于|在|正式|晚间|盘后|盘前)?\s*)?"  # (3月20日,星河集团公布…)
                        r"(?:电|消息|讯|发布|公布|披露|宣布|报道|公告|表示|称|召开|举行|举办|丨|｜|\|)")  # (格隆汇3月14日丨: a wire's)
_DATELINE = re.compile(r"^\s*(?:date\s*|[\u4e00-\u9fff]{2,4}\s*[,，]\s*|[(（][\u4e00-\u9fffA-Za-z]{2,8}[ \t\u3000]*)$")  # ((香港 2025年3月20日))


_STARTED_OF = re.compile(r"\s*(?:开始|起)\s*[\u4e00-\u9fff]{1,4}的")


def event_date(text: str, p) -> bool:
    """A date that says when a piece was filed, a release came out or a meeting was held (北京12月31日电,
    2018年12月31日晚发布, 7月29日消息, a dateline 北京,2022年5月17日, 5月15日,X召开…), not what period a
    figure is of. A span's end (截至…日) and a period of days (3月5日至10日期间) are periods."""
    s = text[p.start:p.end]
    if _STARTED_OF.match(text, p.end):
        return True  # (其中6月底开始交付的P7交付1407辆: when the thing counted started, no period of a figure)
    if re.match(r"\s*(?:截至|截止|到)", s):
        return False
    day = "日" in s or re.search(r"\d-[0-3]?\d\s*$", s) or re.match(r"\s*[0-3]?\d\s*日", text[p.end:p.end + 4])  # (2025-03-20)
    if not day:
        return False
    return bool(_ANNOUNCED.match(text, p.end) or _DATELINE.match(text[:p.start])
                or not (text[:p.start] + text[p.end:]).strip())  # (a day alone on its line: the piece's date)


def dateline_spans(text: str, is_place, is_company=lambda w: False) -> list[tuple[int, int]]:
    """The spans of the datelines of ``text`` whose place ``is_place`` says is one (杭州2024年2月7日电——,
    本报上海3月21日电), and of a paper's tag (上证报讯): where a story was filed, no entity of it; a
    company ``is_company`` knows heading an item in brackets (【比亚迪】4月交付…) is the item's, no tag."""
    w = frame_words()
    tags = [(m.start(), m.end()) for m in w.media_tag.finditer(text)
            if not is_company(m.group().strip().removeprefix("【").removesuffix("】"))] if w.media_tag is not None else []
    return tags + ([(m.start(), m.end()) for m in w.dateline.finditer(text) if is_place(m.group("place"))] if w.dateline else [])


def published_month(published: str | None) -> tuple[int, int] | None:
    """(year, month) of a full publication date (YYYY-MM-DD or YYYY-MM), else None."""
    m = re.match(r"(\d{4})-(\d{1,2})", published or "")
    return (int(m.group(1)), int(m.group(2))) if m else None


def _published(published: str | None) -> tuple[int, int] | None:
    m = re.match(r"(\d{4})(?:-(\d{1,2}))?", published or "")
    if not m:
        return None
    return int(m.group(1)), int(m.group(2) or 12)


def _named_length(code: str, named: str, after: str, word: str, w: FrameWords) -> str:
    """A period the lead names by its end (截至2018年第三季度, 截至6月底, 截至2022年3月31日)
    followed by the length of the results (季度业绩, 中期业绩, 年报): that period."""
    if re.fullmatch(r"\d{4}", code) and len(after.strip()) <= 1 and any(x in after + word for x in w.half):
        return f"{code}H1"  # 2021年中报, 2021年中期业绩: the first half of the year
    m = re.fullmatch(r"asof:(\d{4})-(\d{2})(?:-\d{2})?", code)
    if not m:
        return code
    y, mo = int(m.group(1)), int(m.group(2))
    said = after + word + named
    if any(x in said for x in w.half):
        if mo in (6, 12):
            return f"{y}H{mo // 6}"
        a = (y, mo - 5) if mo > 5 else (y - 1, mo + 7)  # (截至9月30日止六个月 of a year ending in March: 04-09)
        return f"{a[0]}-{a[1]:02d}/{y}-{mo:02d}"
    if any(x in said for x in w.quarter) or "季" in said:
        return f"{y}Q{(mo - 1) // 3 + 1}"
    if any(x in said for x in w.year):
        return str(y)
    return code


def _not_after(code: str, pub: tuple[int, int] | None) -> str:
    """A reporting period ends before its report comes out: a quarter named without its year
    (截至6月底季度) that would end after the publication is of the year before."""
    end = period_end(code)
    if not pub or not end:
        return code
    y, mo = int(end[5:9]), int(end[10:12])
    if (y, mo) > pub:
        return re.sub(r"\d{4}", lambda m: str(int(m.group(0)) - 1), code)
    return code


_BRACKETED_AFTER = re.compile(r"\s*[(（]\s*")

#: a period named against another (今年, 去年同期, 本季度, 上月): it dates no piece (前三季度, 上半年 do)
#: a part of this year, named against the publication date (今年上半年, 今年前5个月, 今年一季度): it dates a piece as well
_THIS_YEARS = re.compile(r"(?:今年|本年)\s*(?:上半年|下半年|前三季度|第?[一二三四]季度|首季|前[一二三四五六七八九十\d]{1,2}个?月(?:份)?|"
                         r"(?:1[0-2]|[1-9])\s*[-—－至到~]\s*(?:1[0-2]|[1-9])\s*月(?:份)?)")
_RELATIVE = re.compile(r"今年|去年|本年|上年|前年|明年|同期|同季|本季|上季|上一|上个|下个|下一|下季|下月|前一|本月|上月|当月|这个|这一|该")

#: a period named with its year (2021年, 21年, FY24, 二零二三年, 今年6月30日止), not a month alone
#: (截至12月31日止季度业绩)
_NAMES_YEAR = re.compile(r"\d{4}|\d{2}\s*(?:财)?年|FY\s*\d{2}|[〇零○一二三四五六七八九]{4}\s*年|今年|本年")


def _provisional(pub: tuple[int, int]) -> str | None:
    """The period a provisional results release of month ``pub`` is of (业绩快报 in February: the
    year before; 业绩预告 in July: the first half; in October: the first three quarters)."""
    y, mo = pub
    return str(y - 1) if mo <= 4 else f"{y}H1" if mo in (7, 8) else f"{y}-01/{y}-09" if mo == 10 else None


def _reporting_period(sents: list[tuple[int, str]], year: int | None, pub, w: FrameWords,
                      fiscal_end: int | None = None, by_start: bool = False) -> tuple[str | None, int | None, bool]:
    """(period, index of the sentence that states it, whether it is a quarter named by its number
    alone: 第三季度业绩, Q3财报, which a company with a fiscal year of its own means as its fiscal quarter)."""
    fallback = None
    bare = None  # a quarter named without its year (阿里巴巴第三季度业绩): the lead may name it in full
    for i, (_, s) in enumerate(sents):
        rw = w.results.search(s)
        if not rw:
            continue
        ps = [p for p in find_periods(s, year, None, pub, fiscal_end, fiscal_by_start=by_start) if not p.base and not event_date(s, p)]
        before = [p for p in ps if p.start < rw.start()]
        if len(before) > 1 and _BRACKETED_AFTER.fullmatch(s, before[-2].end, before[-1].start):
            before = before[:-1]  # 2020财年第三季度(截至2019年12月31日)业绩: the bracket restates its end
        if len(before) > 1 and re.fullmatch(r"\s*(?:及|和|暨|与|以及)?\s*", s[before[-2].end:before[-1].start]):
            # 截至12月31日止季度及九个月业绩, 2023年第四季度及全年财报: the quarter first, the span to date after
            before = before[:-1]
        if before:
            p = before[-1]
            code = _named_length(p.period, s[p.start:p.end], s[p.end:rw.start()], rw.group(0), w)
            ordinal = False
            if not _NAMES_YEAR.search(s, p.start, p.end):  # only a period named without its year moves
                code = _not_after(code, pub)
                ordinal = _ORDINAL.fullmatch(s, p.start, p.end) is not None
                if bare is None and re.fullmatch(r"\d{4}Q[1-4]", code or ""):
                    bare = code, i, ordinal  # (…公布2020财年第三季度(截至2019年12月31日止三个月)业绩: the fiscal quarter it meant)
                    continue
            if bare is not None and code == bare[0][:4] and bare[0].endswith("Q4"):
                return code, i, False  # (X:Q4业绩承压。事件:公司披露2022年年度报告: the year's results, its last quarter named)
            if bare is not None and not re.fullmatch(r"\d{4}Q[1-4]", code or ""):
                return bare
            return code, i, ordinal
        word = rw.group(0)
        if fallback is not None:
            continue  # (a title's 全年业绩 with no year gives way to the lead's 截至2025年3月31日止年度业绩)
        if pub and any(x in s[max(0, rw.start() - 3):rw.start()] + word for x in w.half):
            # 中期业绩, 半年度业绩预告 with no year: the last first half ended (半年报 before 年报)
            fallback = f"{pub[0] if pub[1] >= 7 else pub[0] - 1}H1", i, False
        elif pub and any(x in word for x in w.provisional) and (code := _provisional(pub)):
            fallback = code, i, False
        elif pub and any(x in word for x in w.year):  # 年报 with no year: the last year ended
            fallback = str(pub[0] - 1), i, False
    if bare is not None:
        return bare
    if fallback is not None:
        return fallback
    # a data piece names the period of its data first (数据显示,截止到2025年6月)
    for i, (_, s) in enumerate(sents):
        ps = [p for p in find_periods(s, year, None, pub, fiscal_end, fiscal_by_start=by_start) if not p.base and not event_date(s, p)
              and w.data_lead.search(s, 0, p.start)]
        if ps:
            return ps[0].period, i, False
    # a title (or first sentence) that names a period in numbers (IDC:2021年第二季度中国智能手机
    # 市场出货量…, 10月华远汽车零售…) dates the piece; a relative one (今年, 去年同期) does not, nor one
    # still to come when it was published (李斌:12月份,我们预计交付量…)
    # (one written in numbers first; else one without its year but not against another: 前三季度)
    for written in (True, False):
        for i, (_, title) in enumerate(sents[:2]):  # the title, else the lead's first sentence
            ps = [p for p in find_periods(title, year, None, pub, fiscal_end, fiscal_by_start=by_start) if not p.base and not event_date(title, p) and not _since(title, p)
                  and not _DAY_DATE.match(title, p.start)]  # (信报 2024-11-22, 2024年11月22日 星期五: the day it came out)
            if len(ps) > 1 and re.fullmatch(r"\s*(?:【[^】]*】)?\s*", title[:ps[0].start]) \
                    and re.search(r"\d\s*日", title[ps[0].start:ps[0].end + 4]) \
                    and re.match(r"(?:\s*[0-3]?\d\s*日)?\s*[,，]", title[ps[0].end:]):
                ps = ps[1:]  # (8月15日,X发布报告称,2024年第二季度…: the day of the release, the quarter of the data)
            if pub and len(ps) > 1 and title[ps[0].start:ps[0].end] in ("今年", "本年") and ps[1].start - ps[0].end <= 1:
                ps = ps[1:]  # (今年前5个月, 今年1-5月: the span of this year)
            # (the first one it names: 第三季度净亏损…,而2017年第三季度为…: not the year compared with)
            if ps and re.fullmatch(r"\d{4}(?:Q[1-4]|H[12]|-\d{2})?|\d{4}-\d{2}/\d{4}-\d{2}", ps[0].period) \
                    and (re.search(r"\d", title[ps[0].start:ps[0].end]) if written else not _RELATIVE.search(title, ps[0].start, ps[0].end)
                         or pub is not None and _THIS_YEARS.fullmatch(title, ps[0].start, ps[0].end)) \
                    and _not_after(ps[0].period, pub) == ps[0].period:
                return ps[0].period, i, not written and _ORDINAL.fullmatch(title, ps[0].start, ps[0].end) is not None
    return None, None, False


#: a quarter named by its number alone (第三季度, 三季度, Q3, 第3季度)
_ORDINAL = re.compile(r"\s*(?:第\s*)?[一二三四1-4]\s*季度?\s*|\s*Q[1-4]\s*")  # (第三财季 is read as the fiscal one already)


#: a date to the day (2024-11-22, 2024/11/22, 2024年11月22日): when a piece came out, no period its data is of
_DAY_DATE = re.compile(r"\s*(?:(?:19|20)\d{2}\s*(?:[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}(?!\d)|年\s*\d{1,2}\s*月\s*\d{1,2}\s*日))")


def _since(s: str, p) -> bool:
    """自2019年至今, 从2019年以来, 创2018年以来新高: where a span starts, not the period a piece is about."""
    return bool(re.search(r"(?:自|从|自从)\s*$", s[max(0, p.start - 2):p.start])
                and re.match(r"\s*(?:[\u4e00-\u9fff]{1,4}?(?=以来))?(?:以来|起|开始|至今)", s[p.end:])) or bool(RECORD_SINCE.match(s, p.end))


#: the start of a record's span (创2018年以来新高), no period a figure is of
RECORD_SINCE = re.compile(r"\s*(?:以来|来)\s*(?:的)?\s*(?:新高|新低|最高|最低|最大|最小|最好|最差|最快|最慢|最多|最少|首次)")
