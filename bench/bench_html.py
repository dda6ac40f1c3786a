"""HTML main-text extraction compared: trafilatura, readability-lxml, selectolax (plain text of
<body> minus script/style/nav/header/footer/aside) on the hand-written pages of tests/inputs/.

Prints, per library: body recall (share of the article's sentences found in the extracted text),
noise (share of navigation, comment, sidebar and footer strings that leaked in), whether the
title and the publication date came out right, and milliseconds per page. Run:

    .venv/bin/python bench/bench_html.py [--repeat 20]

``trafilatura (zhkg)`` is zhkg's reader (comment blocks pruned first, title line added);
``trafilatura (plain)`` is the library with its defaults. readability-lxml and selectolax are not dependencies of zhkg; the script skips a library that is
not installed.
"""
from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent / "tests" / "inputs"

# per page: the article's sentences, strings that must not leak in, the title and date
PAGES = {
    "qingning-news.html": dict(
        body=["青柠科技今日发布截至2024年12月31日止年度的业绩报告", "去年全年营收达到126.9亿元",
              "经调整净利润为17.7亿元", "青柠APP平均日活跃用户达到3.2亿", "用户日均使用时长为128分钟",
              "今年的重点是提升商业化效率", "电商交易额的提升尤为明显"],
        noise=["首页", "网友评论", "明年营收能到200亿元", "广告太多了", "股价却跌了15%", "热门文章",
               "净利润大增50%", "销量同比下降20%", "开户即送888元", "版权所有", "分享到"],
        title="青柠科技2024年营收126.9亿元 日活用户创新高", date="2025-03-20"),
    "qingning-portal.html": dict(
        body=["橙果出行周四公布了今年第一季度的运营数据", "平台订单量达到8.6亿单", "平台交易总额为520亿元",
              "注册司机数量超过1200万名", "在安全方面的投入同比提高了两成"],
        noise=["新知资讯首页", "下载客户端", "骑手数量超过700万", "3月订单量环比增长8%", "相关阅读",
               "亏损缩窄至12亿元", "司机却越来越难赚钱", "利润率呢", "沪指涨1.2%", "每克突破700元",
               "年化收益4.2%", "版权所有"],
        title="橙果出行一季度订单量同比增长14.5%", date="2025-04-18"),
}


def _trafilatura(html: str):
    from extract.inputs.html import read_html_text

    r = read_html_text(html)
    return r.text, r.title, r.published


def _trafilatura_plain(html: str):
    import trafilatura

    d = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    return d.text, d.title, d.date


def _readability(html: str):
    from lxml import html as lh
    from readability import Document

    d = Document(html)
    text = lh.fromstring(d.summary()).text_content()
    return text, d.short_title(), None


def _selectolax(html: str):
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    for node in tree.css("script, style, nav, header, footer, aside"):
        node.decompose()
    title = tree.css_first("title")
    body = tree.body
    return (body.text(separator="\n") if body else ""), (title.text() if title else None), None


LIBS = {"trafilatura (zhkg)": _trafilatura, "trafilatura (plain)": _trafilatura_plain, "readability-lxml": _readability, "selectolax": _selectolax}


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", s or "")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=20)
    a = ap.parse_args()
    print(f"{'library':<22}{'page':<22}{'recall':>8}{'noise':>8}{'title':>7}{'date':>6}{'ms/page':>9}")
    for lib, fn in LIBS.items():
        for name, gold in PAGES.items():
            html = (HERE / name).read_text(encoding="utf-8")
            try:
                text, title, date = fn(html)
            except ImportError as e:
                print(f"{lib:<22}{name:<22} skipped: {e}")
                break
            t0 = time.perf_counter()
            for _ in range(a.repeat):
                fn(html)
            ms = (time.perf_counter() - t0) / a.repeat * 1000
            flat = _squash(text)
            recall = sum(_squash(s) in flat for s in gold["body"]) / len(gold["body"])
            noise = sum(_squash(s) in flat for s in gold["noise"]) / len(gold["noise"])
            ok_title = _squash(title) == _squash(gold["title"])
            ok_date = (date or "")[:10] == gold["date"]
            print(f"{lib:<22}{name:<22}{recall:>8.2f}{noise:>8.2f}{'yes' if ok_title else 'no':>7}"
                  f"{'yes' if ok_date else 'no':>6}{ms:>9.1f}")


if __name__ == "__main__":
    main()
