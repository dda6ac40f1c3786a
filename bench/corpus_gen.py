"""Generated news articles for the benchmarks: sentence templates with varied companies,
metrics, periods and values (written for bench/run.py, issue 9; no real figures).

Each article is a title line, then three to six paragraphs of two to four sentences drawn from
:data:`TEMPLATES`, so the text looks like the business news zhkg reads: levels with units and
hedges, year-on-year and quarter-on-quarter changes, shares, people with roles, programs.
Deterministic for a given seed.

    >>> a = articles(2, seed=1); len(a), a[0].splitlines()[0].startswith("第")
    (2, True)
"""
from __future__ import annotations

import random
from pathlib import Path

COMPANIES = ("星云科技 蓝海网络 云图智能 快达电商 天穹传媒 极光数据 青禾互娱 长风金融 金桥物流 银河云 "
             "微光视频 远航出行 晨曦教育 万象文旅 北辰汽车").split()
PLATFORMS = "快手 抖音 B站 微信 淘宝 拼多多 京东 小红书 美团 微博".split()
PEOPLE = ("王立新 李慧敏 张海涛 刘晓东 陈思远 杨静怡 黄志强 赵中立 周雨辰 吴建国").split()
ROLES = "首席执行官 联合创始人 首席财务官 总裁 副总裁".split()
PROGRAMS = "创作者扶持计划 好物节 新星计划 乡村振兴计划 会员日".split()
MONEY_METRICS = "营收 总收入 净利润 广告收入 直播收入 GMV 经营利润 研发投入".split()
USER_METRICS = "日活跃用户 月活跃用户 付费用户 DAU MAU 注册用户".split()
PERIODS = ([f"{y}年" for y in range(2016, 2024)]
           + [f"{y}年第{q}季度" for y in range(2018, 2024) for q in "一二三四"]
           + [f"{y}年上半年" for y in range(2017, 2024)])
HEDGES = ["", "", "", "约", "超过", "近", "突破"]

TEMPLATES = (
    "{period},{co}实现{money}{v_money}元,同比增长{pct}%。",
    "{co}{period}{money}为{v_money}元,较去年同期下降{pct}%。",
    "财报显示,{plat}{period}{users}达到{hedge}{v_users},环比增加{pct}%。",
    "截至{period}末,{plat}的{users}{hedge}{v_users},同比提升{pts}个百分点。",
    "{co}{role}{person}表示,公司{period}将在研发上投入{v_money}元。",
    "据{co}介绍,“{prog}”已覆盖{n}个城市,带动{v_users}用户参与。",
    "{period},{plat}{money}占比{pct}%,而{co}的同一比例为{pct2}%。",
    "{person}在接受采访时说,{co}与{plat}的合作{period}贡献了约{v_money}元收入。",
    "分析人士认为,{co}的{money}增速已连续{n}个季度超过行业平均水平。",
    "{plat}人均单日使用时长为{mins}分钟,比去年同期多{mins2}分钟。",
    "{co}{period}毛利率为{pct}%,经营利润由{v_money}元增长{pct2}%至{v_money2}元。",
    "此外,{co}还宣布投入{v_money}元启动“{prog}”,计划在三年内扶持{n}万名创作者。",
)


def _money(rng: random.Random) -> str:
    v = rng.choice([rng.uniform(1, 99), rng.uniform(100, 999)])
    return f"{v:.1f}{rng.choice(['亿', '万'])}"


def _users(rng: random.Random) -> str:
    return f"{rng.uniform(0.5, 9.9):.2f}亿" if rng.random() < 0.6 else f"{rng.randint(100, 9999)}万"


def sentence(rng: random.Random) -> str:
    t = rng.choice(TEMPLATES)
    return t.format(
        period=rng.choice(PERIODS), co=rng.choice(COMPANIES), plat=rng.choice(PLATFORMS),
        person=rng.choice(PEOPLE), role=rng.choice(ROLES), prog=rng.choice(PROGRAMS),
        money=rng.choice(MONEY_METRICS), users=rng.choice(USER_METRICS), hedge=rng.choice(HEDGES),
        v_money=_money(rng), v_money2=_money(rng), v_users=_users(rng),
        pct=f"{rng.uniform(0.5, 95):.1f}", pct2=f"{rng.uniform(0.5, 95):.1f}", pts=f"{rng.uniform(0.1, 9):.1f}",
        n=rng.randint(2, 60), mins=rng.randint(30, 150), mins2=rng.randint(1, 30))


def article(i: int, rng: random.Random) -> str:
    """One article: a title line and a few paragraphs."""
    paras = ["".join(sentence(rng) for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(3, 6))]
    return f"第{i}号稿件:{rng.choice(COMPANIES)}发布{rng.choice(PERIODS)}业绩\n" + "\n".join(paras) + "\n"


def articles(n: int, seed: int = 9) -> list[str]:
    """``n`` generated articles (deterministic for ``seed``)."""
    rng = random.Random(seed)
    return [article(i, rng) for i in range(n)]


def write_corpus(n: int, folder: Path, seed: int = 9, sample: Path | None = None) -> list[Path]:
    """The sample article (when given) and ``n`` generated ones, one file each, in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    if sample is not None:
        p = folder / sample.name
        p.write_bytes(sample.read_bytes())
        out.append(p)
    for i, text in enumerate(articles(n, seed)):
        p = folder / f"gen-{i:05d}.txt"
        p.write_text(text, encoding="utf-8")
        out.append(p)
    return out
