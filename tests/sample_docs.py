"""Hand-built Documents for the graph, store and query tests: stable whatever extraction does.

Articles 1 and 2 are a hand annotation of a few sentences of ``corpus/kuaishou-2020.txt`` (the
sentence text as normalized, raw offsets measured on that file). ``other-2021#1`` is a one-sentence
article made up for these tests: a second source that disagrees on 快手's 2020 GMV (约3800亿元
against the sample's 3812亿元), so the cross-document queries have something to find.
"""
from __future__ import annotations

from extract.model import Change, Claim, Document, Entity, Evidence, Quote, Relation

SHA = "5305e8aafe0b45592ec8ce2635d233b6093886b3b6a3dd566a0ecdca3870ef68"

S_USERS = ("财报显示,2020年四季度,快手APP平均DAU 2.71亿,同比增长32%;平均MAU 4.76亿,同比增长23%;"
           "日均用户使用时长89.9分钟,同比增长18%;DAU/MAU持续优化,进一步提升至55%。")
S_CREATORS = "最新财报显示,超过25%的月活用户同时是平台的内容生产者。"
S_QUOTE = "用程一笑的话说是——“虽然算法特别强大,但我不觉得未来一切的事情都由算法决定。”"
S_ADS = ("财报显示,2020年,快手线上营销服务产生的收入为219亿元,同比增长194.6%;"
         "每名日活跃用户平均线上营销服务收入由2019年的42.3元增长95.3%至2020年的82.6元。")
S_GMV = "平台GMV从2019年的596亿元大幅增至2020年的3812亿元,更重要的是,反映交易质量的关键指标复购率,从2019年的45%增至 2020年的65%。"
S_DAU3 = "快手在去年突破了3亿日活。"
S_PLAN = "3月5日,快手宣布推出服务号“10亿补贴计划”,除了蓝V会员限时免费,还配备了长达1个月的免费直播指导课、50000曝光流量券等。"
S_OTHER = "据另一份报道,2020年快手电商GMV约3800亿元,平均DAU 2.71亿。"


def _ev(text: str, sentences: list[str], raw: tuple[int, int]) -> Evidence:
    """Evidence for ``text``, located in the article made of ``sentences`` joined by newlines."""
    start = "\n".join(sentences).index(text)
    return Evidence(text=text, start=start, end=start + len(text), raw_start=raw[0], raw_end=raw[1])


def _doc(id: str, title: str, sentences: list[str], **kw) -> Document:
    return Document(id=id, title=title, source="corpus/kuaishou-2020.txt", sha256=SHA,
                    text="\n".join(sentences), **kw)


def sample_docs() -> list[Document]:
    a1 = [S_USERS, S_CREATORS, S_QUOTE, S_ADS, S_GMV]
    users = _ev(S_USERS, a1, (323, 456))
    gmv = _ev(S_GMV, a1, (3240, 3339))
    ads = _ev(S_ADS, a1, (2288, 2403))
    kuaishou = Entity(cls="Platform", label="快手", aliases=["快手APP", "Kuaishou"], key="Platform:快手")
    company = Entity(cls="Company", label="快手科技", aliases=["Kuaishou Technology"], key="Organization:快手科技")
    people = [Entity(cls="Person", label="宿华", key="Person:宿华", role="首席执行官", org="快手科技"),
              Entity(cls="Person", label="程一笑", key="Person:程一笑")]
    metrics = [Entity(cls="Metric", label="日活跃用户", aliases=["平均DAU", "DAU"], unit_kind="users"),
               Entity(cls="Metric", label="月活跃用户", aliases=["平均MAU"], unit_kind="users"),
               Entity(cls="Metric", label="日均使用时长", aliases=["日均用户使用时长"], unit_kind="minutes"),
               Entity(cls="Metric", label="日活月活比", aliases=["DAU/MAU"], unit_kind="ratio"),
               Entity(cls="Metric", label="商品交易总额", aliases=["GMV"], unit_kind="money"),
               Entity(cls="Metric", label="复购率", unit_kind="percent"),
               Entity(cls="Metric", label="线上营销服务收入", unit_kind="money")]
    d1 = _doc("kuaishou-2020#1", "一个成长型科技公司的价值不看当下利润", a1, year=2020, topic="earnings",
              entities=[kuaishou, company, *people, Entity(cls="Platform", label="抖音"),
                        Entity(cls="Program", label="好物联盟"), *metrics],
              claims=[
                  Claim(subject="快手", subject_cls="Platform", subject_text="快手APP", metric="平均DAU",
                        metric_key="Metric:日活跃用户", value=2.71e8, unit="users",
                        period="2020Q4", change=Change(kind="yoy", value=0.32, text="同比增长32%"),
                        evidence=users, surface="2.71亿", confidence=0.9),
                  Claim(subject="快手", subject_cls="Platform", metric="平均MAU", metric_key="Metric:月活跃用户", value=4.76e8, unit="users",
                        period="2020Q4", change=Change(kind="yoy", value=0.23), evidence=users, surface="4.76亿"),
                  Claim(subject="快手", subject_cls="Platform", metric="日均用户使用时长", metric_key="Metric:日均使用时长", value=89.9, unit="minutes",
                        period="2020Q4", change=Change(kind="yoy", value=0.18), evidence=users, surface="89.9分钟"),
                  Claim(subject="快手", subject_cls="Platform", metric="DAU/MAU", metric_key="Metric:日活月活比", value=0.55, unit="percent",
                        period="2020Q4", evidence=users, surface="55%"),
                  Claim(subject="快手", metric="月活跃用户", value=0.25, unit="percent", qualifier="超过",
                        evidence=_ev(S_CREATORS, a1, (1059, 1114)), surface="25%", confidence=0.6),
                  Claim(subject="快手科技", subject_cls="Company", metric="线上营销服务收入", value=2.19e10, unit="CNY",
                        period="2020", change=Change(kind="yoy", value=1.946), evidence=ads, surface="219亿元"),
                  Claim(subject="快手", metric="GMV", metric_key="Metric:商品交易总额", value=5.96e10, unit="CNY", period="2019",
                        evidence=gmv, surface="596亿元"),
                  Claim(subject="快手", metric="GMV", metric_key="Metric:商品交易总额", value=3.812e11, unit="CNY", period="2020",
                        evidence=gmv, surface="3812亿元"),
                  Claim(subject="快手", metric="复购率", value=0.45, unit="percent", period="2019", evidence=gmv),
                  Claim(subject="快手", metric="复购率", value=0.65, unit="percent", period="2020", evidence=gmv),
              ],
              relations=[Relation(kind="role", source="程一笑", target="快手科技", role="联合创始人"),
                         Relation(kind="operates", source="快手科技", target="快手"),
                         Relation(kind="launched", source="快手", target="好物联盟"),
                         Relation(kind="competitor", source="快手", target="抖音")],
              quotes=[Quote(speaker="程一笑", text="虽然算法特别强大,但我不觉得未来一切的事情都由算法决定。",
                            evidence=_ev(S_QUOTE, a1, (1286, 1333)))])
    a2 = [S_PLAN, S_DAU3]
    d2 = _doc("kuaishou-2020#2", "快手服务号为什么是流量变现利器?", a2, year=2021, published="2021-03",
              entities=[Entity(cls="Platform", label="快手", aliases=["快手APP"], key="Platform:快手"),
                        Entity(cls="Program", label="服务号", aliases=["商家号"]),
                        Entity(cls="Program", label="10亿补贴计划"),
                        Entity(cls="Metric", label="日活跃用户", aliases=["日活"], unit_kind="users")],
              claims=[Claim(subject="快手", subject_cls="Platform", metric="日活", metric_key="Metric:日活跃用户", value=3e8, unit="users",
                            period="2020", qualifier="突破", evidence=_ev(S_DAU3, a2, (6833, 6846)), surface="3亿")],
              relations=[Relation(kind="launched", source="快手", target="服务号"),
                         Relation(kind="launched", source="快手", target="10亿补贴计划")])
    a3 = [S_OTHER]
    other = Evidence(text=S_OTHER, start=0, end=len(S_OTHER), raw_start=0, raw_end=len(S_OTHER))
    d3 = Document(id="other-2021#1", title="另一份报道", source="tests/sample_docs.py", sha256="0" * 64,
                  text="\n".join(a3),
                  entities=[Entity(cls="Platform", label="快手", key="Platform:快手"),
                            Entity(cls="Metric", label="商品交易总额", aliases=["电商GMV"], unit_kind="money"),
                            Entity(cls="Metric", label="日活跃用户", aliases=["平均DAU"], unit_kind="users")],
                  claims=[Claim(subject="快手", metric="电商GMV", metric_key="Metric:商品交易总额", value=3.8e11, unit="CNY", period="2020",
                                qualifier="约", evidence=other, surface="3800亿元"),
                          Claim(subject="快手", metric="平均DAU", metric_key="Metric:日活跃用户", value=2.71e8, unit="users",
                                period="2020Q4",
                                evidence=other, surface="2.71亿")])
    return [d1, d2, d3]
