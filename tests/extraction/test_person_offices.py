"""Names beside offices and conjunctions, as wire news writes them: a leader named after
领导人 or 元首 (which as often head words and places), a name joined by 和 or 同 to what
follows, the holder of a military office."""

from __future__ import annotations

import pytest

from archive.extraction.persons import find_persons


def found(text: str) -> list[tuple[str, str]]:
    return [(m.name, m.role) for m in find_persons(text)]


@pytest.mark.parametrize(
    "text, name, role",
    [
        ("哈马斯政治局领导人哈尼亚遭暗杀身亡。", "哈尼亚", "哈马斯政治局领导人"),
        ("马来西亚最高元首阿卜杜拉向大会致贺信。", "阿卜杜拉", "马来西亚最高元首"),
        ("以色列国防军总参谋长哈莱维17日表示，", "哈莱维", "以色列国防军总参谋长"),
        ("俄罗斯防长绍伊古当天说，", "绍伊古", "俄罗斯防长"),
        ("老挝国家主席通伦互致贺电。", "通伦", "老挝国家主席"),
        ("会见白俄罗斯总统卢卡申科时，他表示", "卢卡申科", "白俄罗斯总统"),
    ],
)
def test_the_holder_of_an_office_is_found_with_it(text, name, role):
    assert found(text) == [(name, role)]


@pytest.mark.parametrize(
    "text",
    [
        "来自世界各地的领导人和贵宾出席开幕式。",
        "书记处书记等高层领导人全部陪同出席。",
        "愿同中方落实两国元首巴厘岛会晤共识。",
        "出席金砖国家领导人巴以问题特别视频峰会。",
        "总书记考察内蒙古的首站来到巴彦淖尔。",
    ],
)
def test_what_follows_an_office_or_a_title_is_no_name_by_itself(text):
    assert found(text) == []


def test_a_name_ending_where_a_conjunction_makes_a_word_is_whole():
    # 平和 is a word, but 和 joins the name to 夫人 here (the scorer alone rates 习近平 low).
    assert found("国家主席习近平和夫人彭丽媛出席。") == [("习近平", "国家主席"), ("彭丽媛", "夫人")]


@pytest.mark.parametrize("text", ["市长张平和蔼可亲。", "库尔德工人党参与制造了这起爆炸。"])
def test_a_word_the_conjunction_begins_or_ends_still_cuts(text):
    assert "张平和" not in {m.name for m in find_persons(text)}
    assert not {m.name for m in find_persons(text)} & {"党参", "工人党"}


def test_a_name_read_with_the_tong_after_it_is_the_name_given_elsewhere():
    text = "国务院总理王强出席。开幕式后，王强同与会外国领导人共同巡馆。"
    assert [m.name for m in find_persons(text)] == ["王强", "王强"]


def test_a_name_jieba_calls_a_place_is_one_when_addressed_with_its_title():
    assert found("请他转达对普京总统的诚挚问候。") == [("普京", "总统")]


@pytest.mark.parametrize(
    "text", ["坦桑尼亚桑给巴尔总统出席。", "黄鹤楼是不少外地游客来武汉打卡的第一站。"]
)
def test_a_place_before_or_after_a_title_stays_a_place(text):
    assert found(text) == []


@pytest.mark.parametrize(
    "text, name, role",
    [
        ("当天，新西兰总督基罗互致贺电。", "基罗", "新西兰总督"),
        ("韩国共同民主党党首李在明呼吁政府。", "李在明", "韩国共同民主党党首"),
        ("飓风灾害向牙买加总督艾伦致慰问电。", "艾伦", "牙买加总督"),  # not 艾伦致
    ],
)
def test_a_governor_or_party_leader_is_named_after_the_title(text, name, role):
    assert found(text) == [(name, role)]


def test_a_name_before_a_title_is_read_though_a_longer_reading_holds_the_title():
    # 王晨副 would start the title 副委员长: the name is the shorter reading
    text = "会议审议，并委托王晨副委员长向十四届全国人大作说明。"
    assert found(text) == [("王晨", "副委员长")]


def test_a_preposition_before_a_title_ends_no_name():
    assert found("在广西考察时，鲁东亮曾向总书记汇报过信息。") == [("鲁东亮", "")]
    # 于 ends a given name before 同志; it leads to no one
    assert found("和学习委员会副主任；张茂于同志不再担任。") == [("张茂于", "同志")]


@pytest.mark.parametrize(
    "text, persons",
    [
        ("总书记到江苏参选并全票当选全国人大代表。", []),
        ("当地时间18日上午，应泰国总理邀请，代表团抵达曼谷。", []),
        ("应巴西总统卢拉邀请，代表团出访。", [("卢拉", "巴西总统")]),
        ("就印尼遭受地震灾害向印尼总统佐科致慰问电。", [("佐科", "印尼总统")]),
        ("在主席和塞西总统共同引领下，两国关系发展。", [("塞西", "总统")]),
        ("22万退捕渔民全部参加养老保险。", []),
        # after a title a preposition's character may start a name
        ("们是：土耳其驻华大使于纳尔、奥地利驻华大使。", [("于纳尔", "土耳其驻华大使")]),
    ],
)
def test_a_family_name_that_is_mostly_a_word_starts_no_word_place_or_partner(text, persons):
    assert found(text) == persons


@pytest.mark.parametrize(
    "text, persons",
    [
        ("应泰国总理夫人娜拉蓬邀请，代表团出访。", [("娜拉蓬", "泰国总理夫人")]),
        ("为邦戈和夫人西尔维娅举行欢迎宴会。", [("西尔维娅", "夫人")]),
        # the name before 和 is not read, and 平和 is a word: the role is still 夫人
        ("习近平和夫人彭丽媛出席。", [("彭丽媛", "夫人")]),
        ("会见了柬埔寨太后莫尼列。", [("莫尼列", "柬埔寨太后")]),
        ("哈萨克斯坦国务顾问卡林以及代表团。", [("卡林", "哈萨克斯坦国务顾问")]),
        # a place before a title in a list is the next member's country
        ("总统夫人米尔济约耶娃、蒙古国总统夫人宝勒尔策出席。", None),
    ],
)
def test_a_wife_a_queen_mother_or_an_adviser_is_named_after_the_title(text, persons):
    if persons is None:
        assert "蒙古国" not in {m.name for m in find_persons(text)}
    else:
        assert found(text) == persons


def test_whom_one_accompanies_on_a_visit_is_a_person():
    text = "陪同塞西访华的有外交部长、情报总局局长等。"
    assert [m.name for m in find_persons(text)] == ["塞西"]
