"""Characters and the two language tools every text step shares: what a Chinese character is,
OpenCC's Traditional -> Simplified, and jieba (each loaded once, on first use)."""
from __future__ import annotations

from functools import cache


def _is_han(c: str) -> bool:
    o = ord(c)
    return 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x2FFFF


@cache
def _opencc():
    import opencc

    return opencc.OpenCC("t2s")


def _t2s(text: str) -> str:
    return _opencc().convert(text)


@cache
def _jieba():
    """jieba, quiet and initialized once."""
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    return jieba
