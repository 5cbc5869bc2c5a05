"""Datelines, signatures, continuation marks, page furniture and the headline-or-fragment call."""

import datetime as dt

import pytest

from archive.reading.furniture import Masthead, read_furniture
from archive.reading.headlines import looks_like_title
from archive.reading.leads import continued, end_byline, read_dateline
from archive.reading.page import parse_page, split_blocks


@pytest.mark.parametrize(
    "lead, agency, place, names",
    [
        (
            "新华社北京3月2日电（记者 韩立群、艾力·买买提）国务院",
            "新华社",
            "北京",
            ["韩立群", "艾力·买买提"],
        ),
        ("新华社长沙3月2日电 记者从省交通厅获悉", "新华社", "长沙", []),
        ("据新华社电 近日，", "新华社", "", []),
        ("中新社上海3月2日电（记者 司马清扬）", "中新社", "上海", ["司马清扬"]),
        ("本报长沙3月2日电 记者贺永明报道：", "本报", "长沙", ["贺永明"]),
        ("本报讯（记者刘莎莎 通讯员伍思远）3月2日，", "本报", "", ["刘莎莎", "伍思远"]),
        ("本报讯 本报记者欧阳晓峰 通讯员曾子衿报道 3月2日，", "本报", "", ["欧阳晓峰", "曾子衿"]),
        ("本报专电 3月2日，", "本报", "", []),
        ("工人日报北京3月2日电（记者 李娜）", "工人日报", "北京", ["李娜"]),
        ("人民网长沙3月2日电 近日，", "人民网", "长沙", []),
    ],
)
def test_datelines_give_source_place_and_reporters(lead, agency, place, names):
    dateline = read_dateline(lead)
    assert dateline is not None
    assert (dateline.agency, dateline.place) == (agency, place)
    assert [b.name for b in dateline.bylines] == names


@pytest.mark.parametrize(
    "text",
    [
        "记者从市教育局获悉，",
        "新华社的报道说，",
        "据了解，本报记者",
        "本报今年推出",
        "人民网报道称，",
    ],
)
def test_sentences_mentioning_an_agency_are_not_datelines(text):
    assert read_dateline(text) is None


@pytest.mark.parametrize(
    "paragraph, rest, names",
    [
        ("活动持续到月底。（记者 蒋新宇）", "活动持续到月底。", [("蒋新宇", "reporter")]),
        ("活动持续到月底。（阳金华）", "活动持续到月底。", [("阳金华", "reporter")]),
        ("游客在荷塘边拍照。（廖文 摄）", "游客在荷塘边拍照。", [("廖文", "photographer")]),
        ("游客在荷塘边拍照。刘宇摄", "游客在荷塘边拍照。", [("刘宇", "photographer")]),
        ("蒋新宇 摄", "", [("蒋新宇", "photographer")]),
        ("秦 欢 摄", "", [("秦欢", "photographer")]),
        ("廖文 蒋新宇 摄", "", [("廖文", "photographer"), ("蒋新宇", "photographer")]),
        # A caption with a bare credit after a space or a mark: the caption stays text.
        ("市委书记会见客商 邝志远 摄", "市委书记会见客商", [("邝志远", "photographer")]),
        ("游客在荷塘边拍照■廖文 摄", "游客在荷塘边拍照", [("廖文", "photographer")]),
        ("会议审议了条例。（草案）", "会议审议了条例。（草案）", []),
        ("此事由新华社报道。（新华社）", "此事由新华社报道。（新华社）", []),
        ("全文如下。（完）", "全文如下。（完）", []),
        ("他们正在拍摄", "他们正在拍摄", []),
    ],
)
def test_signatures_at_the_end(paragraph, rest, names):
    got_rest, got = end_byline(paragraph)
    assert got_rest == rest
    assert [(b.name, b.kind) for b in got] == names


def test_continuation_marks_are_read_and_removed():
    assert continued("全力推动湘江（下转第2版）") == ("全力推动湘江", 2, None)
    assert continued("（上接第一版）干流水质稳定") == ("干流水质稳定", None, 1)
    assert continued("见第2版报道。") == ("见第2版报道。", None, None)


@pytest.mark.parametrize(
    "line, page, section, date",
    [
        ("2 要闻 2021年4月17日 星期六", 2, "要闻", dt.date(2021, 4, 17)),
        ("第3版 国际", 3, "国际", None),
        ("衡阳日报 2023年3月9日 星期四", None, "", dt.date(2023, 3, 9)),
        # as an e-paper cites its page, and the site that carries it
        ("《 人民日报 》（ 2023年06月08日 第 01 版）", 1, "", dt.date(2023, 6, 8)),
        ("人民网－人民日报", None, "", None),
        ("（本版图片均由岳屏镇提供）", None, "", None),  # a credit for the whole page
    ],
)
def test_header_lines_fill_the_masthead(line, page, section, date):
    masthead = Masthead()
    assert read_furniture(line, masthead, edge=False)
    assert (masthead.page_number, masthead.section, masthead.printed_date) == (page, section, date)


def test_staff_footer_names_each_role():
    masthead = Masthead()
    assert read_furniture("责任编辑：欧阳娟 版式：刘湘 校对：康明辉", masthead, edge=False)
    assert [(s.role, s.name) for s in masthead.staff] == [
        ("责任编辑", "欧阳娟"),
        ("版式", "刘湘"),
        ("校对", "康明辉"),
    ]


def test_a_header_that_names_the_staff_on_its_own_line_is_one_furniture_line():
    masthead = Masthead()
    line = "4 综合新闻 2023年6月8日 星期四 责任编辑：刘明 美术编辑：陈红"
    assert read_furniture(line, masthead, edge=False)
    assert (masthead.page_number, masthead.section, masthead.printed_date) == (
        4,
        "综合新闻",
        dt.date(2023, 6, 8),
    )
    assert [(s.role, s.name) for s in masthead.staff] == [
        ("责任编辑", "刘明"),
        ("美术编辑", "陈红"),
    ]
    assert not read_furniture("责任编辑：刘明 在会上说明了情况。", Masthead(), edge=True)


@pytest.mark.parametrize(
    "line, edge",
    [
        ("要闻", False),  # a bare section word counts only at the top or bottom of the page
        ("2021年4月17日，市里召开大会。", True),
        ("详见第2版", True),
        ("编辑部的故事", True),
        ("（2023年6月8日）", False),  # under a speech: the day it was given
    ],
)
def test_text_is_not_furniture(line, edge):
    assert not read_furniture(line, Masthead(), edge=edge)


@pytest.mark.parametrize(
    "text",
    [
        "市应急管理局召开安全生产交办会",
        "稳就业，保民生",
        "衡阳至永州高速公路耒阳段主体工程完工",
        "“小巨人”企业再添两家",
        "返程客流持续高位 交通部门全力应对",  # 应对, 参与: verbs, not a hanging 对 or 与
        "全民健身活动广泛参与",
        "委员长将访问葡萄牙、西班牙、希腊",  # 、 lists words within the clause
    ],
)
def test_whole_phrases_read_as_titles(text):
    assert looks_like_title(text)


@pytest.mark.parametrize(
    "text",
    [
        "会议传达习近平总书记对深化东西部协作和定点帮扶工作、职业教育工作",  # cut mid-sentence
        "邓群策强调,全市上下要在压力叠加、",  # ends on a comma
        "“这一次援企稳工,点对点送岗服务是衡山人社局春风行动的一个重要内",  # open quotation
        "石鼓区还把",  # ends on a word that cannot end a headline
        "全市进一步加大对",
        "与会专家普遍认为",  # a verb in 为 takes what follows
        "一、坚持问题导向",  # a numbered subhead inside an article
        "游客在荷塘边赏荷拍照 廖文 摄",  # a caption
        "推动粮、油、肉稳产保供",  # one-character items: a sentence's list, cut
    ],
)
def test_fragments_captions_and_subheads_do_not(text):
    assert not looks_like_title(text)


def test_a_byline_between_stories_signs_the_one_above_when_a_headline_follows():
    from archive.reading import parse_page

    page = parse_page(
        "粮食生产再获丰收\n\n本报讯 今年全市粮食总产量再创新高。\n\n本报记者 张小雨\n\n"
        "城区新增三座公园\n\n市园林局日前宣布，城区新增三座口袋公园。\n\n"
        "■本报记者 何平\n\n本报讯 9月1日，全市中小学开学。"
    )
    assert [(a.title, [b.name for b in a.bylines]) for a in page.articles] == [
        ("粮食生产再获丰收", ["张小雨"]),
        ("城区新增三座公园", []),
        ("全市中小学开学", ["何平"]),
    ]


def test_text_above_the_first_headline_is_its_own_flagged_article():
    from archive.reading import parse_page

    page = parse_page(
        "游客在新开放的湿地公园观鸟。\n\n城区新增三座公园\n\n本报讯 市园林局日前宣布，城区新增三座口袋公园。"
    )
    first, second = page.articles
    assert first.paragraphs == ["游客在新开放的湿地公园观鸟。"] and first.title_is_derived
    assert first.warnings and page.warnings
    assert second.title == "城区新增三座公园"
    assert "观鸟" not in second.body


def test_a_story_cut_off_by_a_continuation_mark_does_not_swallow_the_next_headline():
    from archive.reading import parse_page

    page = parse_page(
        "乡村振兴一线\n\n筑牢基层堡垒 建设和美乡村\n\n该村坚持党建引领，一（下转第6版）\n\n"
        "全市新增三座公园\n\n本报讯 市园林局日前宣布，城区新增三座口袋公园。"
    )
    first, second = page.articles
    assert (first.kicker, first.title, first.continued_to) == (
        "乡村振兴一线",
        "筑牢基层堡垒 建设和美乡村",
        6,
    )
    assert first.body == "该村坚持党建引领，一"
    assert second.title == "全市新增三座公园"


def test_a_caption_set_inside_a_broken_paragraph_credits_its_photographer():
    from archive.reading import parse_page

    page = parse_page(
        "沂蒙山上生态美\n\n本报讯 沂水县位于山东省中南部，近年来\n\n"
        "村民在新修的步道上散步（尉迟军 摄）\n\n做强农业全产业链，推进乡村全面振兴。"
    )
    (article,) = page.articles
    assert (
        article.body == "本报讯 沂水县位于山东省中南部，近年来做强农业全产业链，推进乡村全面振兴。"
    )
    assert article.captions == ["村民在新修的步道上散步"]
    assert [(b.name, b.kind) for b in article.bylines] == [("尉迟军", "photographer")]


def test_a_brief_group_ends_where_a_titled_item_runs_to_a_second_paragraph():
    from archive.reading import parse_page

    page = parse_page(
        "简讯\n\n■市图书馆开展读书月活动。\n\n■市体育馆举办羽毛球公开赛。\n\n"
        "全市新增三座公园\n\n本报讯 市园林局日前宣布，城区新增三座口袋公园。\n\n"
        "公园均配有儿童游乐设施和健身步道。"
    )
    assert [(a.genre, len(a.paragraphs)) for a in page.articles] == [
        ("brief", 1),
        ("brief", 1),
        ("", 2),
    ]


def test_a_marked_brief_label_opens_a_group_and_signs_nothing():
    from archive.reading import parse_page

    page = parse_page(
        "■简讯\n\n▲6月6日，市图书馆举办主题阅读活动，200余名市民参加。\n\n"
        "▲近日，市气象局发布高温预警，提醒市民做好防暑降温。"
    )
    assert [(a.genre, a.section, a.bylines) for a in page.articles] == [
        ("brief", "简讯", []),
        ("brief", "简讯", []),
    ]


def test_a_block_with_a_finished_sentence_inside_is_never_a_title():
    assert not looks_like_title("多重威胁的叠加给卫生系统带来压力。因患者激")


COLUMN = 14  # characters a line of a narrow newspaper column holds


def _column_page() -> str:
    """Two stories whose paragraphs the OCR broke at the column's width, with no blank lines."""
    paragraphs = [
        "全市春耕生产现场推进会召开",
        "本报讯 4月12日，全市春耕生产现场推进会在衡南县召开。会议要求，各地要抓住当前有利"
        "时机，全力以赴抓好春耕备耕各项工作，确保粮食播种面积稳定在合理水平，为全年粮食丰收"
        "打下坚实基础。",
        "会议强调，要加强农资供应保障，严厉打击制售假冒伪劣农资行为，切实维护农民合法权益。"
        "要做好农业技术指导服务，组织农技人员深入田间地头，帮助农民解决生产中遇到的实际困难。",
        "市区老旧小区改造项目全面开工",
        "本报讯 今年我市计划改造老旧小区一百二十个，涉及居民两万余户。目前，各项目已全面开工，"
        "预计年底前完成主体改造任务，群众居住环境将得到明显改善。",
    ]
    lines = []
    for paragraph in paragraphs:
        lines += [paragraph[i : i + COLUMN] for i in range(0, len(paragraph), COLUMN)]
    return "\n".join(lines)


def test_lines_broken_at_a_columns_width_are_regrouped_into_paragraphs():
    text = _column_page()
    kinds = [block.kind for block in split_blocks(text)]
    assert kinds[0] == "short" and kinds.count("short") == 2  # the two headlines, no more
    articles = parse_page(text).articles
    assert [a.title for a in articles] == [
        "全市春耕生产现场推进会召开",
        "市区老旧小区改造项目全面开工",
    ]
    assert articles[0].paragraphs[-1].endswith("帮助农民解决生产中遇到的实际困难。")
    assert articles[1].paragraphs[0].startswith("本报讯 今年")


def test_a_page_exported_one_paragraph_a_line_is_read_one_block_a_line():
    text = "\n".join(
        [
            "市区老旧小区改造项目全面开工",
            "本报讯 今年我市计划改造老旧小区一百二十个，涉及居民两万余户。",
            "目前，各项目已全面开工，预计年底前完成主体改造任务。",
            "群众居住环境将得到明显改善。",
            "全市春耕生产现场推进会召开",
            "本报讯 4月12日，全市春耕生产现场推进会在衡南县召开。",
            "会议要求，各地要全力以赴抓好春耕备耕各项工作。",
        ]
    )
    titles = [a.title for a in parse_page(text).articles]
    assert titles == ["市区老旧小区改造项目全面开工", "全市春耕生产现场推进会召开"]


def test_a_headline_broken_inside_a_word_stays_one_title_one_paragraph_a_line():
    text = "\n".join(
        [
            "我市第十届国际旅游文化",
            "节开幕 各方嘉宾共话文旅融合",
            "本报讯 4月12日，第十届国际旅游文化节开幕式在市体育中心举行。",
            "来自海内外的嘉宾出席开幕式。",
            "全市春耕生产现场推进会召开",
            "本报讯 4月12日，全市春耕生产现场推进会在衡南县召开。",
            "会议要求，各地要全力以赴抓好春耕备耕各项工作。",
        ]
    )
    titles = [a.title.replace(" ", "") for a in parse_page(text).articles]
    assert titles[0].startswith("我市第十届国际旅游文化节开幕")  # 文化|节 is no place to part
    assert titles[1] == "全市春耕生产现场推进会召开"


@pytest.mark.parametrize(
    "first, second, title",
    [
        ("辽宁：北河村的乡", "村振兴之路", "辽宁：北河村的乡村振兴之路"),  # 乡|村: one word
        ("国务院办公厅印发《关于进一步促进", "民间投资发展的若干措施》", None),  # 《 left open
        ("市长会见第7", "8届省运会组委会代表", "市长会见第78届省运会组委会代表"),  # a number
        ("市长同", "来访客商举行座谈", "市长同来访客商举行座谈"),  # no headline ends on 同
    ],
)
def test_a_headline_broken_inside_a_short_word_or_a_quotation_stays_one_title(first, second, title):
    text = "\n".join(
        [
            first,
            second,
            "本报讯 4月12日，有关方面发布消息，相关工作正在推进。",
            "来自各地的代表参加了活动。",
            "全市春耕生产现场推进会召开",
            "本报讯 4月12日，全市春耕生产现场推进会在衡南县召开。",
            "会议要求，各地要全力以赴抓好春耕备耕各项工作。",
        ]
    )
    titles = [a.title.replace(" ", "") for a in parse_page(text).articles]
    assert titles == [title or first + second, "全市春耕生产现场推进会召开"]


def test_two_headline_lines_that_each_end_on_a_word_stay_apart_one_paragraph_a_line():
    text = "\n".join(
        [
            "奋进新时代",
            "表彰大会隆重召开",  # 代表 runs across, but 时代 and 表彰 are words of their own
            "本报讯 4月12日，全市先进集体和先进个人表彰大会隆重召开。",
            "会议表彰了一批先进典型。",
            "全市春耕生产现场推进会召开",
            "本报讯 4月12日，全市春耕生产现场推进会在衡南县召开。",
            "会议要求，各地要全力以赴抓好春耕备耕各项工作。",
        ]
    )
    titles = [a.title.replace(" ", "") for a in parse_page(text).articles]
    assert "奋进新时代表彰大会隆重召开" not in titles
    assert titles[1] == "全市春耕生产现场推进会召开"


def test_a_section_named_with_its_kind_is_read_whole():
    masthead = Masthead()
    assert read_furniture("A3 时政新闻", masthead, edge=True)
    assert (masthead.page_number, masthead.section) == (3, "时政新闻")
