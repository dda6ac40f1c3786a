"""What a lead names outside its entities: the place a statistics piece is about when the lexicon
does not name it (the region its title or bureau names: 2023年星河省居民收入…, 星河市统计局; 中国 for
a state agency's national data: 国家统计局, 国家邮政局公布数据), the company a research note's title
names (《宁德时代2023年报点评》), and a broker publishing a note (华远证券发布研究报告…)."""
from __future__ import annotations

import re

from .frame_words import frame_words


#: a statistics piece's title opening with its year (and month) and its place
_PLACE_TITLE = re.compile(r"\s*(?:\d{4}\s*年\s*(?:\d{1,2}\s*(?:-\d{1,2}\s*)?月份?)?)\s*(?P<n>[\u4e00-\u9fff]{2,6}?(?:省|市|自治区))")

#: the place a bulletin's title or a bureau names (2023年星河市国民经济和社会发展统计公报, 星河市统计局; 记者从星河省统计局获悉)
_TITLED_PLACE = re.compile(r"(?:\d{4}\s*年|记者\s*[\u4e00-\u9fff]{0,2}?从)?(?P<n>[\u4e00-\u9fff]{2,8}?(?:省|市|自治区|自治州|地区|县|区))"
                           r"\s*(?:\d{4}\s*年)?\s*(?:国民经济和社会发展统计公报|统计局|调查总队)")


def _titled_place(sents: list[tuple[int, str]]):
    """The place a bulletin's title or its bureau names, as a Place mention, when the lexicon
    does not know it (a city's, a county's bulletin); 国家统计局's is 中国."""
    from .components.entities import Mention

    for base, s in sents:
        m = _TITLED_PLACE.search(s)
        if m is not None:
            a, b = base + m.start("n"), base + m.end("n")
            return Mention(a, b, "Place", m.group("n"), m.group("n"), "pattern", 0.8)
    for base, s in sents:  # a title opening with its year and its place (2023年星河省居民收入…情况),
        colon = re.search(r"[:：]", s)  # (after the bureau that publishes it: 星河调查总队:2023年星河省…)
        m = _PLACE_TITLE.match(s) or (_PLACE_TITLE.match(s, colon.end()) if colon else None)
        if m is not None:
            a, b = base + m.start("n"), base + m.end("n")
            return Mention(a, b, "Place", m.group("n"), m.group("n"), "pattern", 0.7)
    return _national(sents) or _regional(sents)


def _regional(sents: list[tuple[int, str]]):
    """The place whose statistics office the lead names without naming the place (政府统计处: 香港;
    frame.toml regional_publishers)."""
    from .components.entities import Mention

    offices = frame_words().regional_publishers or {}
    for base, s in sents:
        for office in sorted(offices, key=len, reverse=True):
            if (k := s.find(office)) >= 0:
                return Mention(base + k, base + k + len(office), "Place", offices[office], office, "pattern", 0.7)
    return None


_PUBLISHES = re.compile(r"\s*(?:\d{1,2}\s*月\s*\d{1,2}\s*日|\d{1,2}\s*日|今天|今日|昨天|昨日|日前|近日|周[一二三四五六日](?:\s*[(（]\s*\d{1,2}\s*日\s*[)）])?)?\s*(?:最新)?"
                        r"(?:(?:公布|发布|披露)?的?(?:统计)?数据|(?:公布|发布|披露)[^。;；,，]{0,24}?(?:数据|情况|统计)|\s*[:：]"
                        r"|(?:公布|发布|披露|宣布)\s*[,，:：]"  # (中国人民银行周五公布,8月份人民币贷款…: the figures follow)
                        # (or one of its officials speaking: 财政部国库司司长王建凡介绍,…)
                        r"|[\u4e00-\u9fff]{0,12}?(?:司长|局长|发言人|负责人|主任|行长|部长)\s*[\u4e00-\u9fff]{2,3}(?:介绍|说|表示|指出|透露))")


def publishes_national(m, sent: str) -> bool:
    """Is ``m`` a state agency that publishes national statistics, publishing them in ``sent``
    (中国人民银行发布数据显示,…; 财政部国库司司长王建凡介绍,…)? It is not what they are about."""
    rx = frame_words().national
    return rx is not None and bool(rx.fullmatch(m.surface)) and bool(_PUBLISHES.match(sent, m.end))


def _national(sents: list[tuple[int, str]], announcing: bool = False):
    """中国, when a state agency that publishes national statistics is named (国家统计局, 国家邮政局
    公布数据; ``announcing``: followed by its data), not its provincial teams (国家统计局浙江调查总队)."""
    from .components.entities import Mention

    rx = frame_words().national
    for base, s in sents if rx is not None else ():
        k = rx.search(s)
        if k is not None and not re.match(r"[\u4e00-\u9fff]{2,8}?调查(?:总)?队", s[k.end():]) \
                and (not announcing or _PUBLISHES.match(s, k.end())):
            return Mention(base + k.start(), base + k.end(), "Place", "中国", k.group(0), "pattern", 0.8)
    return None


#: a research note's title in title marks (《星河电池2023年报点评:…》, 《星河电池(300999):…》)
_NOTE_TITLE = re.compile(r"《(?P<t>[^》\n]{2,60}?)》")
_NOTE_WORDS = re.compile(r"点评|报告|研报|年报|季报|中报|业绩|深度|覆盖|[(（]\s*\d{4,6}(?:\.[A-Z]{2})?\s*[)）]|[:：]")


def titled_company(sents: list[tuple[int, str]]):
    """The company of the lexicon a research note's title names in title marks (《宁德时代2023年报
    点评》), where the lead names none outside them: what the note is on."""
    from .components.entities import Mention, lexicon_mentions
    from .lexicon import load_lexicon

    lex = load_lexicon()
    for base, s in sents:
        for t in _NOTE_TITLE.finditer(s):
            if not _NOTE_WORDS.search(t.group("t")):
                continue
            m = next((m for m in lexicon_mentions(t.group("t"), lex) if m.cls == "Company"), None)
            if m is not None:
                k = base + t.start("t")
                return Mention(k + m.start, k + m.end, m.cls, m.label, m.surface, m.source, m.confidence, key=m.key)
    return None


#: a broker or a research body publishing a note (华远证券发布研究报告, 星河研究院发布研报)
_PUBLISHES_NOTE = re.compile(r"\s*(?:\d{1,2}\s*月\s*\d{1,2}\s*日)?\s*(?:近日|日前|今日)?\s*(?:(?:发布|发表|出具)了?\s*(?:一份|一篇)?\s*"
                             r"(?:研究报告|研报|点评|报告|深度报告)"
                             # (华远证券研报指出,公司…; 华远证券维持买入评级: the note's author, who rates the company)
                             r"|(?:在|于)?(?:其|最新)?(?:研究报告|研报|点评报告|点评)(?:中)?\s*(?:指出|称|认为|表示|显示|预计)"
                             r"|(?:维持|重申|首次覆盖)[^,，。;；\n]{0,10}?评级)")


def is_publisher(m, sents: list[tuple[int, str]]) -> bool:
    """Is ``m`` a broker or research body its lead says publishes a note (华远证券发布研究报告)? It
    reports on the company of the note, never its own figures."""
    if any(b <= m.end <= b + len(t) and _PUBLISHES_NOTE.match(t, m.end - b) for b, t in sents):
        return True
    # (华远证券:星河电池…。华远证券发布研究报告称: the name anywhere in the lead; not 对星河电池给予…评级)
    return bool(m.surface) and any(_PUBLISHES_NOTE.match(t, k.end()) and not re.search(r"对\s*$", t[:k.start()])
                                   for _, t in sents for k in re.finditer(re.escape(m.surface), t))


#: a company named as the piece's customer or partner: after 与/向/为/给/获/进入, or before 等客户, 为公司…客户
_PARTNER_BEFORE = re.compile(r"(?:与|同|向|为|给|获得?|进入|配套|供货|供应|绑定|合作伙伴|客户(?:包括|有)?)\s*$")
_PARTNER_AFTER = re.compile(r"\s*(?:[、和及与][\u4e00-\u9fffA-Za-z]{2,8})*\s*(?:等)?\s*(?:[\u4e00-\u9fff]{0,4}(?:客户|车企|主机厂)|为公司[\u4e00-\u9fff]{0,4}客户|"
                            r"的(?:定点|订单|供应商)|(?:深度)?合作)")


def is_partner(m, text: str) -> bool:
    """Is ``m`` named as the piece's customer or partner (特斯拉、理想汽车为公司主要客户, 与宝马等车企深度
    合作, 获得特斯拉定点)? A note on a company names them; they report nothing of theirs there."""
    return bool(_PARTNER_BEFORE.search(text, max(0, m.start - 6), m.start) or _PARTNER_AFTER.match(text, m.end))


#: the whole country named as such (全国规模以上工业企业, 全国居民), not a national body (全国人大, 全国总工会)
# (比全国高…, 低于全国平均水平: the country is the standard a place is set against, not the place)
_WHOLE_COUNTRY = re.compile(r"(?<!比)(?<!较)(?<![高低快慢多少]于)全国(?!人大|政协|总工会|工商联|妇联|人民代表|委员会|[\u4e00-\u9fff]{0,8}?(?:协会|学会|联合会|联盟|中心))"
                            # (10月国内乘用车零售227.5万辆: the home market's, opening its clause)
                            r"|(?:^|(?<=[月年度周,，:：\s]))国内(?=[\u4e00-\u9fff]{0,10}?(?:零售|批发|销量|产量|出货|上险|市场))"
                            # (IDC:2025年第二季度中国可穿戴设备市场出货量…: the Chinese market's)
                            r"|(?:^|(?<=[月年度季周,，:：\s]))中国(?=[\u4e00-\u9fff]{0,10}?市场(?!预期|份额|占有率))")


def whole_country(sents: list[tuple[int, str]]):
    """中国, as a Place mention, when the lead speaks of the whole country (1-11月份全国规模以上工业企业
    利润): a national statistic's subject."""
    from .components.entities import Mention

    for base, s in sents:
        m = _WHOLE_COUNTRY.search(s)
        if m is not None:
            return Mention(base + m.start(), base + m.end(), "Place", "中国", m.group(0), "pattern", 0.8)
    return None


def _world(sents: list[tuple[int, str]]):
    """全球, as a Place mention, when a data piece's lead speaks of the world's market
    (据Counterpoint报告,2023年全球智能手机出货量…): the market its figures are about."""
    from .components.entities import Mention

    for base, s in sents:
        if (k := s.find("全球")) >= 0:
            return Mention(base + k, base + k + 2, "Place", "全球", "全球", "pattern", 0.8)
    return None


def _place_of_statistics(m):
    """The place of a name a model took for an organization that is a place and its statistics
    (山东统计公报 -> 山东), as a Place mention; else None."""
    from .components.entities import Mention
    from .lexicon import load_lexicon

    if m.source == "lexicon" or (k := re.fullmatch(r"(?P<p>.{2,6}?)(?:省|市)?统计(?:局|公报)?", m.label or "")) is None:
        return None
    place = next((e for e in load_lexicon().by_surface(k.group("p")) if e.cls == "Place"), None)
    return Mention(m.start, m.start + len(k.group("p")), "Place", place.label, k.group("p"), "lexicon", 1.0) if place else None


def _titled_place_mention(sents: list[tuple[int, str]], mentions):
    """The first place the title (or the first sentence) names, as a mention, when no company is
    named in the lead: the place whose figures the piece gives."""
    end = sents[min(1, len(sents) - 1)][0] + len(sents[min(1, len(sents) - 1)][1]) if sents else 0
    return next((m for m in mentions if m.cls == "Place" and m.start < end and not m.label.endswith("地区")), None)


def _maker(mentions):
    """A piece that names no company but its products (a broker's note on 麒麟电池 and 神行超充电池
    that calls the company only 公司) reports on their maker: the company the lexicon gives for
    most of the programs it names, when they are named at least twice and one maker has most."""
    from .components.entities import Mention
    from .lexicon import load_lexicon

    lex, makers = load_lexicon(), {}
    for m in mentions:
        e = lex.entity(m.key) if m.cls == "Program" and m.source == "lexicon" and m.key else None
        org = lex.entity(f"Company:{e.related}") if e is not None and e.related else None
        if org is not None:
            makers.setdefault(org.label, []).append(m)
    total = sum(len(v) for v in makers.values())
    best = max(makers, key=lambda k: len(makers[k]), default=None)
    if best is None or len(makers[best]) < 2 or 2 * len(makers[best]) <= total:
        return None
    first = makers[best][0]
    return Mention(first.start, first.end, "Company", best, first.surface, "lexicon", first.confidence,
                   key=f"Company:{best}")


#: a provincial or city survey team of the national bureau, or a province's bureau (国家统计局湖北调查总队, 广东省统计局)
_TEAM = re.compile(r"国家统计局(?P<p>[\u4e00-\u9fff]{2,4}?)调查总?队|(?P<q>[\u4e00-\u9fff]{2,3}?)省统计局")


def survey_team_place(sents: list[tuple[int, str]]):
    """The place of the survey team or bureau the lead names as its issuer (国家统计局湖北调查总队 -> 湖北),
    as a Place mention: its figures are that place's, not those of a city named under 其中."""
    from .components.entities import Mention
    from .lexicon import load_lexicon

    lex = load_lexicon()
    for base, s in sents:
        for k in _TEAM.finditer(s):
            name = k.group("p") or k.group("q")
            place = next((e for e in lex.by_surface(name) if e.cls == "Place"), None)
            if place is not None:
                a = base + k.start("p" if k.group("p") else "q")
                return Mention(a, a + len(name), "Place", place.label, name, "lexicon", 1.0)
    return None

