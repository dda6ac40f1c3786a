"""The lexicons load, are big enough, index Traditional forms in Simplified, and a bad row names file:line."""
import shutil

import pytest

from extract.errors import DataError
from extract.nlp.lexicon import FILES, LexEntry, MetricEntry, load_lexicon
from extract.resources import ontology_path


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


def test_every_file_has_a_source_header():
    for name in FILES:
        head = ontology_path("lexicon", name).read_text(encoding="utf-8").splitlines()[0]
        assert head.startswith("#"), name
        text = ontology_path("lexicon", name).read_text(encoding="utf-8")
        assert "general knowledge" in text.split("\nlabel\t")[0], name


def test_sizes(lex):
    orgs_and_platforms = [e for e in lex.entities if e.cls in ("Platform", "Company", "Organization")]
    assert len(orgs_and_platforms) >= 80
    assert sum(e.cls == "Platform" for e in lex.entities) >= 60
    assert sum(e.cls in ("Company", "Organization") for e in lex.entities) >= 60
    assert sum(e.cls == "Person" for e in lex.entities) >= 20
    assert sum(e.cls == "Program" for e in lex.entities) >= 20
    with_aliases = [m for m in lex.metrics if m.aliases]
    assert len(with_aliases) >= 50


@pytest.mark.parametrize("surface, key", [
    ("快手", "Platform:快手"),
    ("Kuaishou", "Platform:快手"),
    ("快手科技", "Company:快手科技"),
    ("kuaishou technology", "Company:快手科技"),
    ("视频号", "Platform:微信视频号"),
    ("視頻號", "Platform:微信视频号"),
    ("B站", "Platform:哔哩哔哩"),
    ("BILIBILI", "Platform:哔哩哔哩"),
    ("淘寶", "Platform:淘宝"),
    ("腾讯控股", "Company:腾讯"),
    ("CNNIC", "Organization:中国互联网络信息中心"),
    ("程一笑", "Person:程一笑"),
    ("好物联盟", "Program:好物联盟"),
    ("DAU", "Metric:日活跃用户"),
    ("平均日活跃用户", "Metric:日活跃用户"),
    ("日活", "Metric:日活跃用户"),
    ("营业收入", "Metric:营收"),
    ("广告收入", "Metric:线上营销服务收入"),
    ("GMV", "Metric:商品交易总额"),
    ("7-11", "Company:7-Eleven"),
], ids=lambda v: v)
def test_by_surface(lex, surface, key):
    assert key in [e.key for e in lex.by_surface(surface)]


@pytest.mark.parametrize("traditional, simplified, key", [
    ("嗶哩嗶哩", "哔哩哔哩", "Platform:哔哩哔哩"),
    ("小紅書", "小红书", "Platform:小红书"),
    ("日活躍用戶數", "日活跃用户数", "Metric:日活跃用户"),
    ("淨利潤", "净利润", "Metric:净利润"),
    ("經調整淨利潤", "经调整净利润", "Metric:经调整净利润"),
    ("騰訊控股", "腾讯控股", "Company:腾讯"),
])
def test_traditional_aliases_indexed_in_simplified(lex, traditional, simplified, key):
    entry = lex.entity(key)
    assert traditional in entry.aliases
    assert simplified in entry.surfaces
    assert key in [e.key for e in lex.by_surface(simplified)]


def test_shared_name_gives_two_keys(lex):
    """美团 the company and 美团 the app are two entries; the class is part of the key."""
    keys = {e.key for e in lex.by_surface("美团")}
    assert keys == {"Platform:美团", "Company:美团"}
    assert lex.entity("Platform:美团").related == "美团"
    assert lex.entity("Platform:快手").related == "快手科技"


def test_entries_and_metric_fields(lex):
    assert isinstance(lex.entity("Person:宿华"), LexEntry)
    assert lex.entity("Person:宿华").org == "快手科技"
    m = lex.entity("Metric:日均使用时长")
    assert isinstance(m, MetricEntry) and m.unit_kind == "minutes" and m.en
    assert lex.entity("Platform:不存在") is None
    assert lex.by_surface("不存在的名字") == []
    assert load_lexicon() is lex  # cached


def _copy(tmp_path):
    for name in FILES:
        shutil.copy(ontology_path("lexicon", name), tmp_path / name)
    return tmp_path


@pytest.mark.parametrize("name, bad_row, problem", [
    ("metrics.tsv", "坏指标\tmoney-ish\t坏\tbad", "unit_kind"),
    ("metrics.tsv", "坏指标\tmoney\t坏", "cells"),
    ("platforms.tsv", "坏平台\t坏||坏2\t", "alias"),
    ("platforms.tsv", "坏平台\t\t不存在的公司", "不存在的公司"),
    ("organizations.tsv", "坏机构\tAgency\t\t", "class"),
    ("organizations.tsv", "腾讯\tCompany\t\t", "already defined"),
    ("people.tsv", "\t\t\t", "label"),
    ("programs.tsv", "坏计划\t坏计划\t", "repeats the label"),
], ids=["unit-kind", "cells", "empty-alias", "unknown-ref", "class", "duplicate", "empty-label", "alias-is-label"])
def test_bad_row_names_file_and_line(tmp_path, name, bad_row, problem):
    d = _copy(tmp_path)
    path = d / name
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n" + bad_row + "\n"
    path.write_text(text, encoding="utf-8")
    line = text.count("\n")
    with pytest.raises(DataError) as exc:
        load_lexicon(d)
    msg = str(exc.value)
    assert f"{name}:{line}:" in msg
    assert problem in msg


def test_bad_header(tmp_path):
    d = _copy(tmp_path)
    p = d / "people.tsv"
    p.write_text(p.read_text(encoding="utf-8").replace("label\taliases\trole\torg", "label\trole\taliases\torg"),
                 encoding="utf-8")
    with pytest.raises(DataError, match=r"people\.tsv:\d+: header"):
        load_lexicon(d)
