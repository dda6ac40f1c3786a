"""From an article's mentions to what the Document keeps: one Entity per (class, label), the
relations between them (operates, launched, competitor, parent, roles) and who said what (quotes).
"""
from __future__ import annotations

import re

from .entities import Mention

_MODEL_CLASS = {"Company": "Company"}


def group_entities(mentions: list[Mention], text: str = ""):
    """One Entity per (class, label), with its surfaces and the lexicon aliases as aliases; an
    organization's surface followed in ``text`` by a legal form (香港联合交易所有限公司) is a
    surface with it too."""
    from ...model import Entity
    from ..patterns import load_patterns

    forms = load_patterns().legal_forms

    groups: dict[tuple[str, str], list[Mention]] = {}
    for m in mentions:
        groups.setdefault((m.cls, m.label), []).append(m)
    out = []
    for (cls, label), ms in groups.items():
        aliases = []
        for m in ms:
            form = next((f for f in forms if text.startswith(f, m.end)), None) if cls in ("Company", "Organization") else None
            for a in (m.surface, *((m.surface + form,) if form else ()), *m.aliases):
                if a != label and a not in aliases:
                    aliases.append(a)
        role = next((m.role for m in ms if m.role), None)
        org = next((m.org for m in ms if m.org), None)
        out.append(Entity(cls=cls, label=label, aliases=aliases, key=ms[0].key,
                          confidence=max(m.confidence for m in ms), mentions=len(ms), role=role or None,
                          org=org or None))
    return out


def operators_reporting(entities: list, claims: list) -> list:
    """美团…收入918亿元: a platform whose money or share price the text gives is named for the
    company that runs it; that company (the lexicon's operator) is an entity of the article too,
    with the platform's mentions. Returns the entities to add."""
    from ...model import Entity
    from ..frame import is_segment_money
    from ..lexicon import load_lexicon

    lex = load_lexicon()
    have = {(e.cls, e.label) for e in entities}
    by_label = {e.label: e for e in entities if e.cls == "Platform"}
    out = []
    for c in claims:
        plat = by_label.get(c.subject) if c.subject_cls == "Platform" else None
        if plat is None or not (is_segment_money(c.metric) or c.metric in ("股价", "收盘价", "市值")):
            continue
        entry = lex.entity(plat.key or f"Platform:{plat.label}")
        org = entry and entry.related and (lex.entity(f"Company:{entry.related}") or lex.entity(f"Organization:{entry.related}"))
        if not org or (org.cls, org.label) in have:
            continue
        have.add((org.cls, org.label))
        out.append(Entity(cls=org.cls, label=org.label, aliases=[a for a in org.aliases if a != org.label],
                          key=org.key, confidence=plat.confidence, mentions=plat.mentions))
    return out


def relations(mentions: list[Mention], art) -> list:
    """Roles (person - role - organization) where a pattern or the lexicon gives them, who
    operates a platform and which platform launched a program (the lexicon's links between names
    the article mentions, and 旗下 / 推出 in a sentence), and competitors where a sentence says so
    (对手, 竞争)."""
    from ...model import Relation

    out = []
    seen = set()
    for m in mentions:
        if m.cls == "Person" and m.role and m.org:
            key = ("role", m.label, m.org or "", m.role)
            if key not in seen:
                seen.add(key)
                out.append(Relation(kind="role", source=m.label, target=m.org or "", role=m.role))
    out.extend(_owned(mentions, art, seen))
    for s in art.sentences():
        # the sentence's first organization or platform competes with the others it names
        if not re.search(r"对手|竞争(?!力)|竞品", s.text):
            continue
        inside = [m for m in mentions if s.start <= m.start < s.end and m.cls in ("Platform", "Company", "Organization")]
        labels = list(dict.fromkeys(m.label for m in inside))
        for b in labels[1:]:
            if ("competitor", labels[0], b) not in seen:
                seen.add(("competitor", labels[0], b))
                out.append(Relation(kind="competitor", source=labels[0], target=b))
    return out


_LAUNCH = re.compile(r"推出|上线|发布|启动|宣布推出|开通|发起")
_OWNS = re.compile(r"^\s*(?:的)?旗下(?:的)?")


def _owned(mentions: list[Mention], art, seen: set) -> list:
    from ...model import Relation
    from ..lexicon import load_lexicon

    lex = load_lexicon()
    out = []
    present = {m.label for m in mentions}

    def add(kind: str, a: str, b: str) -> None:
        if a != b and (kind, a, b) not in seen:
            seen.add((kind, a, b))
            out.append(Relation(kind=kind, source=a, target=b))

    for m in mentions:  # the lexicon's links, when the article names both ends
        e = lex.entity(m.key) if m.key else None
        rel = getattr(e, "related", "") if e else ""
        if rel and rel in present:
            if m.cls == "Platform":
                add("operates", rel, m.label)
            elif m.cls == "Program":
                add("launched", rel, m.label)
    for s in art.sentences():  # 腾讯旗下的微信; 快手推出“好物联盟”
        inside = [m for m in mentions if s.start <= m.start < s.end]
        for i, a in enumerate(inside):
            for b in inside[i + 1:]:
                between = art.text[a.end:b.start]
                if a.cls in ("Company", "Organization") and b.cls == "Platform" and _OWNS.match(between):
                    add("operates", a.label, b.label)
                if a.cls in ("Platform", "Company", "Organization") and b.cls == "Program" \
                        and len(between) <= 12 and _LAUNCH.search(between) and not re.search(r"[,，。;；]", between):
                    add("launched", a.label, b.label)
    return out


_QUOTE = re.compile(r"“(?P<q>[^“”]{6,400})”")
_SAYS = re.compile(r"(?:表示|说|称|指出|认为|坦言|强调|透露|介绍|直言|回应|提到|解释|的话说)")


def quotes(mentions: list[Mention], art) -> list:
    """What people said, in their words: a quotation (“…”, at least six characters) whose speaker,
    a person named in the same sentence or the one before, is tied to it by a verb of saying
    (X表示,“…”; “…”,X说; 用X的话说是——“…”)."""
    from ...model import Evidence, Quote

    out = []
    people = [m for m in mentions if m.cls == "Person"]
    if not people:
        return out
    for qm in _QUOTE.finditer(art.text):
        a, b = qm.span()
        if art.in_mojibake(a, b):
            continue
        before = [p for p in people if a - 40 <= p.end <= a and _SAYS.search(art.text[p.end:a])]
        after = [p for p in people if b <= p.start <= b + 6 and _SAYS.search(art.text[p.end:p.end + 4])]
        speaker = before[-1] if before else (after[0] if after else None)
        if speaker is None:
            continue
        ra, rb = art.raw_span(a, b)
        out.append(Quote(speaker=speaker.label, text=qm.group("q"),
                         evidence=Evidence(text=art.text[a:b], start=a, end=b, raw_start=ra, raw_end=rb)))
    return out
