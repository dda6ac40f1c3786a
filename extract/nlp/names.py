"""One regex for a set of names: the longest name wins, Latin names stop at word edges, and the
names are written as a trie (``快手(?:科技|小店)?``): Python's ``re`` tries an alternation's
branches one by one, so a flat list of a thousand names costs a thousand tries a position, a
trie only as many as the characters that can follow the prefix read so far."""
from __future__ import annotations

import re
from collections.abc import Iterable

_LATIN = re.compile(r"[A-Za-z0-9]")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def name_pattern(names: Iterable[str], edge: str = "A-Za-z0-9", spaced: bool = False,
                 flags: int = re.IGNORECASE) -> re.Pattern[str] | None:
    """A regex matching any of ``names`` (longest first), or None when there is none.

    ``edge`` is the character class a name starting or ending with it may not run into
    (``QQ`` is no name inside ``QQQ``); with ``spaced``, a space may stand where Latin letters
    meet Chinese (news text writes ``B 站`` for ``B站``).

    >>> rx = name_pattern(["B站", "快手", "QQ"], spaced=True)
    >>> [m.group(0) for m in rx.finditer("B 站和快手,不是QQQ")]
    ['B 站', '快手']
    >>> [m.group(0) for m in name_pattern(["B站"], flags=0).finditer("b站 B站")]
    ['B站']
    >>> [m.group(0) for m in name_pattern(["711"]).finditer("去711便利店;预计711.6亿元、711亿元")]
    ['711']
    >>> name_pattern(["快手", "快手科技", "快手小店"]).pattern
    '(?=[快])快手(?:小店|科技)?'
    """
    fold = bool(flags & re.IGNORECASE)
    root: dict = {}
    for s in set(names):
        if not s:
            continue
        node = root
        for ch in s.lower() if fold else s:
            node = node.setdefault(ch, {})
        node[""] = {}  # the end of a name
    if not root:
        return None
    edge_rx = re.compile(f"[{edge}]")
    first = "[" + "".join(re.escape(c) for c in sorted(root)) + "]"
    # the lookahead lets the search skip, in C, the positions where no name can start
    return re.compile(f"(?={first})" + _trie(root, None, edge, edge_rx, spaced), flags)


def _trie(node: dict, prev: str | None, edge: str, edge_rx: re.Pattern[str], spaced: bool) -> str:
    """The regex of the names below ``node`` (reached by the character ``prev``). A longer name
    is tried before the end of a shorter one, so the longest name wins."""
    alts = []
    # Latin first characters last: their edge lookbehind is not a literal the engine skips fast
    for ch in sorted((k for k in node if k), key=lambda k: (prev is None and bool(edge_rx.match(k)), k)):
        head = re.escape(ch)
        if prev is None and edge_rx.match(ch):
            head = f"(?<![{edge}])" + (r"(?<!\d[.,])" if ch.isdigit() else "") + head
        elif spaced and prev is not None and _seam(prev, ch):
            head = r"\s?" + head
        alts.append(head + _trie(node[ch], ch, edge, edge_rx, spaced))
    end = "" in node
    guard = f"(?![{edge}])" if end and prev is not None and edge_rx.match(prev) else ""
    if guard and prev.isdigit():  # 711 is no name in 711.6亿元 or 711亿元: a number's digits
        guard += _AFTER_DIGITS
    if not alts:
        return guard
    inner = "|".join(alts)
    if not end:
        return alts[0] if len(alts) == 1 else f"(?:{inner})"
    return f"(?:{inner}|{guard})" if guard else f"(?:{inner})?"


#: what follows the digits of a number, never of a name ending in a digit (711, 360)
_AFTER_DIGITS = r"(?![.,]\d)(?!\s?[亿万千百元%％年月日号个])"


def _seam(a: str, b: str) -> bool:
    """Do Latin letters or digits meet Chinese between ``a`` and ``b``?"""
    return bool((_LATIN.match(a) and _CJK.match(b)) or (_CJK.match(a) and _LATIN.match(b)))
