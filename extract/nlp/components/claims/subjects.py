"""The subject of a claim: the entity in subject position before the number, the group counted
(1.4亿台智能手机), a segment (52.8%的广告主), never an outlet or a word for the company.
"""
from __future__ import annotations

import re
from functools import cache

from ...frame import INVESTS, Frame, is_generic, is_media, is_sector, is_venue, opens_media
from ...frame_places import publishes_national
from ..entities import Mention
from ...patterns import WordRegex
from .draft import _CLAUSE_END, _LIST_ITEM, _LIST_SEP, _may_be_subject, _clause_start

# (高于抖音的55%: 高于/低于 compare, the name after them owns the number; 覆盖全国…: the area covered)
_PREP_BEFORE = re.compile(r"(?:来自|覆盖|遍布|通过|借助|依托|利用|在|(?<![高低大小])于|用|与|和|跟|同|对|向|从|为|给|把|被|让|使|将|据|根据|比如|包括|如|除了|除)\s*[《“]?$")

# (记者张三 李四): who wrote the piece is not what it reports on
_BYLINE_BEFORE = re.compile(r"(?:记者|通讯员|实习生|编辑|作者|撰文)\s*[:：]?\s*(?:[\u4e00-\u9fff]{2,4}[\s、])*$")

# (李斌：截至10月底,我们已开设8家蔚来中心): a speaker's label in a transcript is who talks, not what of
_SPEAKER_LABEL = re.compile(r"\s*(?:[(（][^()（）:：]{1,16}[)）]|[,，][^,，。:：]{1,12})?\s*[:：]")  # (奉玮（首席财务官）：, 奉玮，CFO：)

# (谢谢李斌。, 感谢主持人王某: the one thanked or addressed in a transcript speaks of nothing counted)
_ADDRESSED_BEFORE = re.compile(r"(?:谢谢|感谢|多谢|请问|问一下)\s*$")

# (答(马斯克):…, A(朱江明):…: a speaker named in brackets after the answer's label)
# (答(总裁马东辉):…: the speaker's role, one of patterns.toml's roles, may stand before the name)
_ANSWERED_BEFORE = re.compile(r"(?:^|(?<=[\s。]))\s*(?:答|问|A|Q)\s*[(（]\s*(?P<role>[\u4e00-\u9fffA-Za-z]{0,8}?)\s*$")
_ANSWERED_AFTER = re.compile(r"[^()（）:：]{0,24}?\s*[)）]\s*[:：]")  # (问(摩根士丹利分析师):…: the asker's firm too)
# (上海超级工厂的建设进度…: a plant's site names where it is, not what the figures are of)
_SITE_AFTER = re.compile(r"(?:超级)?(?:工厂|基地|园区|产业园|生产线)")
# (香港业务方面,营运盈利为…: a place heading a part of the business, which goes into the metric)
_PART_HEADING_AFTER = re.compile(r"(?:业务|市场|地区|区域)\s*方面")


def _answered(sent: str, m: Mention) -> bool:
    """Does an answer's (or a question's) label open a bracket right before ``m``, with at most the
    speaker's role between (答(马东辉), 答(总裁马东辉))?"""
    from ...patterns import load_patterns

    a = _ANSWERED_BEFORE.search(sent, 0, m.start)
    return a is not None and (not a["role"] or load_patterns().role_rx.fullmatch(a["role"]) is not None)


def _latin_speaker(sent: str, m: Mention) -> bool:
    """Is ``m`` a speaker's label in a transcript with a name no lexicon knows in the shape of a
    person's Latin name (Louis：, Steven Feng：), which a model may take for an organization?"""
    return m.source != "lexicon" and not sent[:m.start].strip() and _SPEAKER_LABEL.match(sent, m.end) is not None \
        and re.fullmatch(r"[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}", m.surface) is not None


_SOURCE_AFTER = re.compile(r"\s*(?:[(（][A-Za-z.]{2,16}[)）]\s*)?(?:\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:上午|下午|晚间|早间|凌晨)?\s*)?"
                           r"(?:获悉|消息|报道|援引|发布的|的(?:报告|调研|调查|数据|统计)|(?:报告|调研|调查|数据|统计)?显示)")
# (IT之家获悉, 快科技4月18日消息: the outlet that tells, not what the figures are of)

_PARENT_OF = re.compile(r"\s*(?:的)?旗下")
_EXAMPLE_AFTER = re.compile(r"\s*(?:等)?\s*为代表的")


def _subject_before(sent: str, pos: int, mentions: list[Mention]) -> Mention | None:
    """The entity in subject position before ``pos``: the first one of the number's clause that
    no preposition governs (通过快手… is not the subject) and that is no source (IT之家获悉,
    艾瑞报告显示), else the nearest such one in the clauses before it."""
    cands = [m for m in mentions if m.end <= pos and _may_be_subject(m)
             and not _PREP_BEFORE.search(sent[max(0, m.start - 3):m.start])
             and not _SOURCE_AFTER.match(sent, m.end)
             and not (m.cls == "Person" and (_BYLINE_BEFORE.search(sent, max(0, m.start - 20), m.start)
                                             or _ADDRESSED_BEFORE.search(sent, max(0, m.start - 4), m.start)
                                             or _SPEAKER_LABEL.match(sent, m.end)))
             and not _latin_speaker(sent, m)
             and not (_answered(sent, m) and _ANSWERED_AFTER.match(sent, m.end))
             and not (m.cls == "Place" and (_SITE_AFTER.match(sent, m.end) or _PART_HEADING_AFTER.match(sent, m.end)))
             and not (m.cls in ("Segment", "Organization") and m.source != "lexicon" and re.match(r"等(?=[\u4e00-\u9fff]{2})", sent[m.end:]))
             and not _EXAMPLE_AFTER.match(sent, m.end)  # (以索康尼为代表的专业运动分部收入: an example of the part)
             # (吉利旗下极氪公布…: the parent, the name after 旗下 is the subject)
             and not (_PARENT_OF.match(sent, m.end) and any(0 < x.start - m.end <= 16 and x.cls in ("Company", "Organization", "Platform")
                                                             for x in mentions))]
    if not cands:
        return None
    cut = _clause_start(sent, pos)
    in_clause = [m for m in cands if m.start >= cut]
    # (…中国平板电脑市场排名:华为出货量450万台: a lead-in's names give way to the one after its colon)
    after_colon = [m for m in in_clause if not re.search(r"[:：]", sent[m.end:pos])]
    if after_colon and len(after_colon) < len(in_clause) and re.search(r"[:：]", sent[in_clause[0].end:after_colon[0].start]):
        in_clause = after_colon
    owner = [m for m in in_clause if sent[m.end:m.end + 1] == "的"]
    if owner:  # 星河科技创始人李明远的持股比例: the possessor is the subject
        return owner[-1]
    # (理想汽车交付51443辆、小鹏汽车交付23917辆: a name opening an item after a figure is its own)
    listed = [m for m in in_clause[1:] if re.search(r"[、;；]\s*$", sent[:m.start])
              and re.search(r"[\d０-９]", sent[in_clause[0].end:m.start])]
    if listed:
        return listed[-1]
    if in_clause:
        return in_clause[0]
    # from an earlier clause, the speaker (董事长何小鹏表示,公司计划…) is not what the number is
    # about, nor a name of a place or a body that does not open its clause (…,维持中国体育品牌的
    # 领先地位,毛利增加…: the object of a verb); a titled work is (推出视频《…》,曝光量近1亿)
    earlier = [m for m in cands if (not _speaks(sent, m.end) if m.cls == "Person"
                                    else _titled(sent, m) and not _CAUSE_BEFORE.search(sent, _clause_start(sent, m.start), m.start)
                                    or _opens_clause(sent, m))]
    return earlier[-1] if earlier else None

#: what names a cause or an example before a work in its clause (得益于《…》等游戏的贡献): no subject of later clauses
_CAUSE_BEFORE = re.compile(r"得益于|受益于|受惠于|由于|因为|带动|推动|来自|源于|包括|例如|比如")

#: what may stand before the subject at the start of its clause: time phrases, connectives
_CLAUSE_OPENING = re.compile(r"(?:[\s“\"《(（【】)）]|其中|此外|另外|同时|而|但|并|且|截至|预计|预期|预测|估计|反观|再看|至于|相比之下|(?:竞争)?对手|[0-9０-９一二三四五六七八九十〇零]+|"
                             r"年|月|日|季度|[上下]半年|前三季度|今年|去年|本季度|报告期内?|期内|全年|Q[1-4]|H[12]|底|末|内)*")


def _titled(sent: str, m: Mention) -> bool:
    """Is ``m`` a work named in title marks (《我不想做这样的人》)?"""
    return m.cls == "Program" and sent[max(0, m.start - 1):m.start] == "《"


def _opens_clause(sent: str, m: Mention) -> bool:
    """Does ``m`` open its clause (after a time phrase or a connective at most, and what it is
    called before its name: CXO龙头药明康德, 无锡药明康德新药开发股份有限公司)?"""
    start = _clause_start(sent, m.start)
    seats = (0, 2, 3) if _REGISTERED.match(sent, m.end) else (0,)
    for end in (m.start - n for n in seats if m.start - n >= start and re.fullmatch(r"[\u4e00-\u9fff]*", sent[m.start - n:m.start])):
        if described := _DESCRIBED.search(sent, start, end):
            end = described.start()
        if _CLAUSE_OPENING.fullmatch(sent, start, end) is not None or _RANK_IS.fullmatch(sent, start, end) is not None:
            return True
    return False


#: what a company is called right before its name (CXO龙头, 另一工程机械龙头, 国内车企): claim_words.toml describing_heads
_DESCRIBED = WordRegex(r"(?:另一|又一|同为)?[\u4e00-\u9fffA-Za-z]{0,8}?(?:{describing_heads})\s*\Z")
#: (a registered name's seat, two or three characters, may come before the name the text goes by:
#: 无锡 + 药明康德新药开发股份有限公司)
_REGISTERED = re.compile(r"[\u4e00-\u9fff]{0,14}?(?:股份)?有限公司")


#: a rank said before the name it is of (排名第一的是vivo, 紧随其后的是华为): the name is the clause's subject
_RANK_IS = re.compile(r"\s*(?:排名|位居|位列|排在)?第?[一二三四五六七八九十\d]{1,2}(?:位|名)?的是\s*|\s*(?:紧随其后|位居首位|排名首位|位列首位)的是\s*"
                      r"|\s*第[一二三四五六七八九十\d]{1,2}(?:位|名)是\s*|\s*其次是\s*")  # (第二名是…, 其次是…)


def _speaks(sent: str, end: int) -> bool:
    """Is the name ending at ``end`` followed by a verb of saying (表示, 称, 指出 …), also after
    where it was said (张三在电话会上介绍, 在问答环节补充说)?"""
    from ...patterns import load_patterns

    speech = load_patterns().speech
    at = _SAID_WHERE.match(sent, end)
    return sent.startswith(speech, at.end() if at else end)


#: where a speaker said it, between the name and the verb (在电话会上, 在问答环节(中)补充)
_SAID_WHERE = re.compile(r"\s*在[^,，。;；:：]{1,12}?(?:上|中|时|环节|期间)\s*(?:补充|进一步|还|也|则|再次)?\s*")

@cache
def _counted_things() -> re.Pattern[str] | None:
    from ...patterns import load_patterns

    verbs = "|".join(map(re.escape, load_patterns().done_verbs))
    return re.compile(rf"(?P<n>[^,，。;；:：的\d%]{{2,20}}?)(?P<act>(?:{verbs})[^,，。;；]{{1,16}})") if verbs else None

def _counted_subject(sent: str, q, mentions: list[Mention]) -> tuple[Mention, str] | None:
    """超过1.4亿台智能手机、智能电视完成适老化升级改造: things counted by a measure word, then
    what they did: the things are the subject (a segment), the deed counted is the metric
    (完成适老化升级改造数量). Only when no name opens the clause."""
    rx = _counted_things()
    if rx is None or q.kind not in ("count", "measure") or not q.unit_word or len(q.unit_word) != 1:
        return None  # a measure word: 台, 家, 款 …
    clause = _clause_start(sent, q.start)
    if any(clause <= m.start < q.start for m in mentions):
        return None
    m = rx.match(sent, q.end)
    if m is None or any(q.end <= x.start < m.end("n") for x in mentions):
        return None
    a, b = m.span("n")
    return Mention(a, b, "Segment", m.group("n"), m.group("n"), "pattern", 0.5), m.group("act") + "数量"

#: a period glued before the group opening a clause (11月百强房企…, 2024年前三季度全行业…)
_LEAD_PERIOD = (r"(?:(?:(?:19|20)\d{2}\s*年\s*)?(?:\d{1,2}\s*(?:[-—~至]\s*\d{1,2}\s*)?月(?:份)?|前三季度|[上下]半年|全年|"
                r"第?[一二三四1-4]季度)\s*)?")

@cache
def _segment_patterns() -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    from ...patterns import load_patterns

    pats = load_patterns()
    pops = "|".join(map(re.escape, pats.populations))
    heads = "|".join(map(re.escape, pats.industry_heads))
    markets = "|".join(map(re.escape, sorted(pats.market_words, key=len, reverse=True))) or "(?!)"
    return (re.compile(rf"(?:\s*[、和与及]\s*[0-9.]+\s*%)*\s*的\s*(?P<n>{pops})") if pops else None,
            re.compile(rf"\s*{_LEAD_PERIOD}(?P<n>{markets}|{pats.top_group}|(?![\u4e00-\u9fffA-Za-z]{{0,7}}?银行业务)[\u4e00-\u9fffA-Za-z]{{1,8}}?(?:{heads})(?!务))") if heads else None)

@cache
def _market_words() -> frozenset[str]:
    from ...patterns import load_patterns

    return frozenset(load_patterns().market_words)

def opens_a_group(sent: str, d, drafts) -> bool:
    """5家银行合计实现营业收入7862亿元: the count that names a group opening a figure's clause is
    part of the group's name (the subject), no figure of its own."""
    _, industry = _segment_patterns()
    clause = _clause_start(sent, d.q.start)
    m = industry.match(sent, clause) if industry is not None and d.q.kind == "count" else None
    return m is not None and m.start("n") <= d.q.start and d.q.end < m.end("n") \
        and any(x.q.start >= m.end("n") and not _CLAUSE_END.search(sent, m.end("n"), x.q.start) for x in drafts)


def _segment_subject(sent: str, q, mentions: list[Mention]) -> Mention | None:
    """A group no name denotes as the subject (a zhkg:Segment): the population a share is of
    (52.8%、51.7%的广告主表示…: 广告主), or an industry opening the number's clause with no name
    before it (短视频行业总时长占比…: 短视频行业)."""
    share_of, industry = _segment_patterns()
    m = share_of.match(sent, q.end) if share_of is not None and q.kind == "percent" else None
    if m is None and industry is not None:
        clause = _clause_start(sent, q.start)
        m = industry.match(sent, clause)
        if m is not None and (m.end("n") > q.start or any(clause <= x.start < q.start for x in mentions)):
            m = None
        if m is not None and m.group("n") in _market_words() and _subject_before(sent, clause, mentions) is not None:
            m = None  # 《某视频》…,全网曝光量近1亿: the web is where the video was seen, not the subject
    if m is None:
        return None
    a, b = m.span("n")
    return Mention(a, b, "Segment", m.group("n"), m.group("n"), "pattern", 0.6)

def _model_counted(sent: str, end: int, mentions: list[Mention]) -> Mention | None:
    """2104辆小鹏P7, 936辆小鹏G3: the model a count of vehicles or devices is of, named right after
    it (8家蔚来中心 counts the company's venues: the venue is what is counted, not a subject)."""
    if not sent[max(0, end - 1):end] in _MODEL_MEASURES:
        return None
    return next((x for x in mentions if x.start == end and x.cls == "Program" and _may_be_subject(x)), None)

_MODEL_MEASURES = frozenset("辆台部架款")

def _sibling_model(sent: str, q, mentions: list[Mention]) -> Mention | None:
    """小鹏P7交付2104台,G3交付936台: a bare model code opening the number's clause, after a model
    the sentence named with its brand, is the brand's model too (小鹏G3)."""
    clause = _clause_start(sent, q.start)
    code = next((m for m in mentions if m.cls == "Program" and clause <= m.start and m.end <= q.start
                 and _MODEL_CODE.fullmatch(m.surface)), None)
    if code is None:
        return None
    branded = [b for b in mentions if b.cls == "Program" and b.end <= clause and _may_be_subject(b)
               and (k := _BRANDED.fullmatch(b.label)) is not None]
    if not branded:
        return None
    brand = _BRANDED.fullmatch(branded[-1].label).group("brand")
    return Mention(code.start, code.end, "Program", brand + code.surface, code.surface, "pattern", branded[-1].confidence)

_MODEL_CODE = re.compile(r"[A-Z]{1,3}\d{1,3}[A-Za-z]?")
_BRANDED = re.compile(r"(?P<brand>[\u4e00-\u9fff]{2,4})\s?(?P<code>[A-Z]{1,3}\d{1,3}[A-Za-z]?)")

def _subject_after(sent: str, end: int, mentions: list[Mention]) -> Mention | None:
    """29岁的赵中立: a number that qualifies the entity right after it (through 的); 2104辆小鹏P7:
    a count of the model right after it."""
    model = _model_counted(sent, end, mentions)
    if model is not None:
        return model
    m = re.match(r"[\u4e00-\u9fff]{0,2}的", sent[end:end + 3])
    if not m:
        return None
    at = end + m.end()
    return next((x for x in mentions if x.start == at and _may_be_subject(x)), None)

def _never_subject(sent: str, m: Mention) -> bool:
    """A news outlet, a wire or an exchange publishes figures and is never what they are about;
    a place negated as a modifier (非美国通用会计准则) or naming a security (美国存托凭证) is no
    subject either."""
    if is_media(m, sent) or is_generic(m) or is_sector(m, sent) or (m.cls == "Organization" and _BUREAU.search(m.label or "")) \
            or publishes_national(m, sent):
        return True  # (a statistics bureau publishes its place's figures: 国家统计局, 浙江调查总队)
    if m.cls == "Program" and (_TITLED.search(sent, max(0, m.start - 6), m.start) or re.search(r"[:：|｜]", m.label)
                               or _SAYS.match(sent, m.end)):
        return True  # 研究报告《三季报点评:…》, 《…白皮书》显示: a publication, where figures are said, not what of
    # (美国 of 美国存托凭证, an American depositary share, names a security, not a place's figure)
    if _EXCLUDED.match(sent, m.end) or (sent[max(0, m.start - 1):m.start] == "除" and sent.startswith(("外", "之外", "以外"), m.end)):
        return True  # 华为以外的厂商, 除苹果外: what a figure leaves out
    if m.cls == "Place" and m.surface in ("全国", "全省", "全市", "全球") \
            and re.search(r"(?:比|较|[高低快慢多少]于)\s*$", sent[max(0, m.start - 3):m.start]):
        return True  # 比全国高7.8个百分点, 低于全国平均水平: the standard a figure is set against
    if _GLOSS.fullmatch(sent, max(0, m.start - 2), m.start) and re.match(r"\s*[)）]", sent[m.end:]) \
            and re.fullmatch(r"[A-Z]{2,6}", m.surface):
        return True  # 智能设备业务集团(IDG): an abbreviation glossing the name before it, not a name of its own
    if opens_media(sent, m):
        return True  # 上海有色网数据显示: the place opening a tracker's name
    if is_venue(sent, m):
        return True  # 2月19日在北京召开年度研讨会: where a meeting was held
    if INVESTS.match(sent, m.end):
        return True  # 由红杉中国领投, 阿里巴巴领投: the investor of a round, not what its figures are of
    return m.cls == "Place" and (sent[max(0, m.start - 1):m.start] == "非" or sent.startswith(("存托", "存託"), m.end))

_BUREAU = re.compile(r"(?:统计局|调查总队|调查队)$")
_GLOSS = re.compile(r"[\u4e00-\u9fff]\s?[(（]")

#: a company announcing, then 公司 opening what it says (海川重工公告,公司…; 海川重工(600123):公司…)
_ANNOUNCES = re.compile(r"\s*(?:[(（][^()（）]{1,12}[)）])?\s*(?:晚间|今日|日前)?(?:发布公告|公告|宣布|披露|公布)?\s*[,，:：]\s*(?:公司|本公司|集团|本集团)(?![股有限])")


def _announcer(sent: str, pos: int, mentions) -> Mention | None:
    """The company whose announcement the 公司 before ``pos`` opens, in its sentence, if any."""
    return next((m for m in reversed(mentions) if m.cls in ("Company", "Organization") and m.end <= pos
                 and (said := _ANNOUNCES.match(sent, m.end)) is not None and said.end() <= pos
                 and not any(said.end() <= x.start < pos for x in mentions)), None)  # (公司董事张建国减持…: his)
_EXCLUDED = re.compile(r"(?:以外|之外)的")
_SAYS = re.compile(r"[》”\"]?\s*(?:的数据|数据)?(?:显示|指出|表明|披露|称|认为|预计|预测)")
_TITLED = re.compile(r"(?:报告|研报|点评|文章|一文|专栏|栏目|书|报道)\s*[《“]?$")


#: a world market's measure: 全球, then what it is of, then the measure (全球PC出货量, 全球智能手表市场规模)
_WORLD_MEASURE = re.compile(r"全球[\u4e00-\u9fffA-Za-z0-9]{0,10}?(?:市场)?(?:出货量|销量|销售量|零售量|市场规模|支出|产量|装机量|需求量|交付量)")


#: a market's measure (折叠屏手机市场出货量, 5G手机市场规模), not a vendor's share of it (市场份额)
_MARKET_MEASURE = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]市场(?:整体)?(?:出货量|销量|销售量|零售量|规模|交付量|需求量)")


def world_market(sent: str, metric: str | None, floor: int, pos: int, place: Mention | None = None,
                 named_before: bool = False) -> Mention | None:
    """全球, as a Place mention, for a world market's figure that no name in its clause owns
    (2023年第四季度,全球PC出货量为6530万台): the market as the text names it, not the company the
    piece is about nor one named before; and ``place``, the market a piece on one place reports on,
    for its market's figure (vivo…,折叠屏手机市场出货量同比增长超过200%: not the vendor's)."""
    if metric and place is not None and _MARKET_MEASURE.search(metric) and not _WORLD_MEASURE.match(metric):
        return place
    if not metric or not _WORLD_MEASURE.match(metric) or named_before:
        return None
    k = sent.rfind("全球", floor, pos)
    return Mention(k, k + 2, "Place", "全球", "全球", "pattern", 0.8) if k >= 0 else None


#: a name with its share in brackets (…依次为华为(27.0%)、小米(17.2%)): the share is the name's
_SHARE_IN_BRACKETS = re.compile(r"\s*[(（]\s*(?:约|占比|份额)?\s*$")


def _bracketed_share(sent: str, d, mentions: list[Mention]) -> None:
    """依次为华为(27.0%)、小米(17.2%): a percentage in brackets right after a name is that name's
    market share, in a list of ranked names or on its own."""
    q = d.q
    if q.kind != "percent" or not re.match(r"\s*[)）]", sent[q.end:q.end + 2]):
        return
    k = q.start - 1 if sent[q.start - 1:q.start] in ("+", "＋", "-", "－", "−") and q.start else q.start  # (华芯科技(+21.4%))
    signed = k < q.start or q.surface.lstrip()[:1] in "+-＋－−"
    if d.is_change and not signed:
        return
    lead = _SHARE_IN_BRACKETS.search(sent, max(0, k - 6), k)
    name = next((m for m in mentions if lead is not None and m.end == lead.start() and _may_be_subject(m)
                 and m.cls in ("Company", "Organization", "Platform")), None)
    if name is None:
        return
    d.subject, d.subject_here = name, True
    if signed:  # 涨幅前三为华芯科技(+21.4%)、…: a signed rate in brackets is the name's move, no share
        value = -abs(q.value) if sent[k:q.start] in ("-", "－", "−") else q.value
        d.is_change, d.attached, d.change_kind = False, False, None
        d.changes, d.metric, d.metric_key = [("growth", value)], "股价涨跌幅", None
        return
    if not (d.metric and re.search(r"份额|占比|市占率|占有率", d.metric)):
        d.metric, d.metric_key = "市场份额", None


#: a brand word glued to the company's own name (李宁牌, 特步主品牌, 特步儿童, 李宁YOUNG)
_BRAND_GLUED = re.compile(r"(?:主品牌|品牌|牌|儿童|童装|YOUNG|Young|KIDS|Kids)")


def glued_brand(sent: str, found: Mention | None, frame) -> Mention | None:
    """李宁牌门店数量, 特步主品牌共有6340家门店, 特步儿童有1532家门店: the reporting company's own name
    glued to a brand word names its brand, which goes into the metric (the company stays the subject)."""
    if found is None or frame is None or frame.entity is None or found.label != frame.entity.label:
        return None
    m = _BRAND_GLUED.match(sent, found.end)
    return Mention(found.start, m.end(), found.cls, found.label, sent[found.start:m.end()], found.source,
                   found.confidence) if m is not None else None


def brand_metric(brand: str, metric: str) -> str:
    """The brand before the metric, what they share said once (李宁牌 + 牌门店数量 -> 李宁牌门店数量)."""
    k = next((k for k in range(min(len(brand), len(metric)), 0, -1) if brand.endswith(metric[:k])), 0)
    return brand + metric[k:]


@cache
def speaks() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Who speaks on a place's data (董莉娟解读称; 东方证券首席经济学家邵宇表示: the firm through its
    speaker, a role of patterns.toml): the speaker, and the firm, is no subject."""
    from ...patterns import load_patterns

    pats = load_patterns()
    verbs = r"\s*(?:在|也|还|则)?\s*(?:" + "|".join(map(re.escape, pats.speech)) + r"|预计|预测|预期|判断)"
    return re.compile(verbs), re.compile(r"[\u4e00-\u9fff]{0,12}?(?:" + pats.role_rx.pattern + r")\s*[\u4e00-\u9fff]{2,3}" + verbs)


def _company_frame(frame: Frame | None) -> bool:
    """Does the article report a company's figures (not a bulletin of a place)?"""
    return frame is not None and not frame.bulletin and frame.entity is not None and frame.entity.cls != "Place"


def _region_of_company(sent: str, found: Mention | None, q, frame) -> bool:
    """Does the place ``found`` head the metric of the number ``q`` (in its clause, a word
    right after it) in the results of a company?"""
    return found is not None and found.cls == "Place" and _company_frame(frame) and found.end <= q.start \
        and not _CLAUSE_END.search(sent, found.end, q.start) and bool(_WORD_AFTER.match(sent, found.end))


_LISTED_PLACES = re.compile(r"(?:\s*[、及和与]\s*[\u4e00-\u9fff]{1,6}?)+")
_WORD_AFTER = re.compile(r"[\u4e00-\u9fffA-Za-z]|[、及和与]\s*[\u4e00-\u9fff]")  # (香港、澳门及其他市场收入: a list of places too)


def _site_of_company(sent: str, found: Mention | None, q, frame) -> bool:
    """Is the place ``found`` the site of a plant or project of the company whose results these
    are (泰州年产4GW电池产能, 芜湖10GW组件项目): the company's figure, the site in the metric?"""
    return found is not None and found.cls == "Place" and _company_frame(frame) and found.end <= q.start \
        and not _CLAUSE_END.search(sent, found.end, q.start) and bool(_SITE.search(sent, found.end, min(len(sent), q.end + 12)))


_SITE = re.compile(r"年产|产能|项目|工厂|基地|园区|产线|生产线")
#: a region's share of what a company has (其中成都地区占比超过四成): the company's figure, the region in the metric
_REGION_SHARE = re.compile(r"(?:地区|区域|区|市场|业务)?(?:占比|比重|份额)$")


_RANKED = WordRegex(r"(?:{rank_leads})\s*")


def _ranked_before(sent: str, pos: int, n: int, subjects) -> list[Mention]:
    """The ``n`` names a ranking lists before ``pos`` (前三强为A、B、C), each a name of its own
    when the tool knows it; none unless the list has exactly ``n`` plain items."""
    lead = max(_RANKED.finditer(sent, 0, pos), key=lambda m: m.start(), default=None)
    items = _LIST_SEP.split(_CLAUSE_END.split(sent[lead.end():pos])[0]) if lead else []
    if len(items) != n or not all(_LIST_ITEM.fullmatch(x) for x in items):
        return []
    known, out, pos = {m.surface: m for _, _, m in subjects}, [], lead.end()
    for x in items:  # (each item after the one before it)
        pos = sent.index(x, pos)
        out.append(known.get(x) or Mention(pos, pos + len(x), "Segment", x, x, "pattern", 0.5))
        pos += len(x)
    return out
