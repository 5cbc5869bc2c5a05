"""Forms other city dailies print: a paper's name before the role, 本报X地X月X日讯, （完）,
a source credited on its own line or after the last sentence."""

from archive.reading import parse_page
from archive.reading.leads import read_dateline


def _read(text: str) -> list[tuple]:
    return [
        (a.title, [(b.name, b.kind) for b in a.bylines], a.agency, a.place, a.paragraphs)
        for a in parse_page(text).articles
    ]


def test_a_byline_led_by_the_papers_name_signs_the_story():
    (article,) = _read(
        "全市安全生产工作会议召开\n\n衡阳日报全媒体记者 张志远\n\n"
        "本报讯 6月7日，全市安全生产工作会议召开。"
    )
    assert article[:2] == ("全市安全生产工作会议召开", [("张志远", "reporter")])


def test_a_local_lead_with_place_and_date_before_xun_is_a_dateline():
    dateline = read_dateline("本报衡阳6月7日讯（全媒体记者 李卓然 通讯员 陈晓）记者今天获悉")
    assert (dateline.agency, dateline.place) == ("本报", "衡阳")
    assert [(b.name, b.kind) for b in dateline.bylines] == [
        ("李卓然", "reporter"),
        ("陈晓", "correspondent"),
    ]


def test_the_end_mark_and_source_credits_stay_in_the_story_they_close():
    page = (
        "全市安全生产工作会议召开\n\n本报讯 6月7日，全市安全生产工作会议召开。\n\n"
        "会议要求，坚决遏制重特大事故发生。（完）\n\n"
        "城区新增5条公交线路\n\n本报讯 城区将新增5条公交线路。\n\n（来源：衡阳日报）\n\n"
        "国产大飞机C919商业首飞成功\n\n新华社上海5月28日电 国产大飞机C919完成首次商业飞行。\n\n"
        "这标志着C919正式进入民航市场。（据新华社）"
    )
    assert [(title, paragraphs) for title, *_, paragraphs in _read(page)] == [
        (
            "全市安全生产工作会议召开",
            ["本报讯 6月7日，全市安全生产工作会议召开。", "会议要求，坚决遏制重特大事故发生。"],
        ),
        ("城区新增5条公交线路", ["本报讯 城区将新增5条公交线路。", "（来源：衡阳日报）"]),
        (
            "国产大飞机C919商业首飞成功",
            [
                "新华社上海5月28日电 国产大飞机C919完成首次商业飞行。",
                "这标志着C919正式进入民航市场。（据新华社）",
            ],
        ),
    ]


def test_numbered_photo_captions_are_captions_not_text():
    (article,) = parse_page(
        "祁东：黄花菜喜获丰收\n\n本报记者 陈晓 摄影报道\n\n"
        "6月5日，祁东县黄花菜进入采摘旺季，菜农们抢抓晴好天气采摘。\n\n"
        "图①：菜农在采摘黄花菜。\n\n图②：工人在晾晒黄花菜。"
    ).articles
    assert article.paragraphs == ["6月5日，祁东县黄花菜进入采摘旺季，菜农们抢抓晴好天气采摘。"]
    assert article.captions == ["图①：菜农在采摘黄花菜。", "图②：工人在晾晒黄花菜。"]


def test_a_column_of_notes_its_subheads_and_the_authors_affiliation():
    first, second = parse_page(
        "让文明新风吹遍城乡\n\n■李卓然\n\n文明是一座城市的灵魂。\n\n（作者单位：市委党校）\n\n"
        "记者手记\n\n基层的温度\n\n采访中，记者深切感受到基层干部的辛劳与担当。\n\n"
        "一、产业兴村\n\n岳屏镇大力发展特色产业。\n\n二、生态美村\n\n该镇持续推进人居环境整治。"
    ).articles
    assert (first.title, first.paragraphs[-1]) == ("让文明新风吹遍城乡", "（作者单位：市委党校）")
    assert (second.title, second.section, second.bylines) == ("基层的温度", "记者手记", [])
    assert second.paragraphs[1:] == [
        "一、产业兴村",
        "岳屏镇大力发展特色产业。",
        "二、生态美村",
        "该镇持续推进人居环境整治。",
    ]


def test_a_titled_photo_over_a_continued_story_is_picture_news_and_the_footer_names_staff():
    page = parse_page(
        "夏日荷塘 本报记者 何平 摄\n\n（上接第1版）\n\n项目建成后，将有效缓解城区交通压力。\n\n"
        "本版责编：刘明 美编：陈红"
    )
    photo, story = page.articles
    assert (photo.title, photo.is_photo, [(b.name, b.kind) for b in photo.bylines]) == (
        "夏日荷塘",
        True,
        [("何平", "photographer")],
    )
    assert (story.continued_from, story.title_is_derived) == (1, True)
    assert [(s.role, s.name) for s in page.masthead.staff] == [("责编", "刘明"), ("美编", "陈红")]


def test_a_headline_in_spaced_out_type_is_read_closed_up():
    first, second = parse_page(
        "全 市 安 全 生 产 工 作 会 议 召 开\n\n本报讯 6月7日，全市安全生产工作会议召开。\n\n"
        "城区新增5条 公交线路\n\n■通讯员 付 亮 王 琳\n\n本报讯 城区将新增5条公交线路。"
    ).articles
    assert first.title == "全市安全生产工作会议召开"
    assert second.title == "城区新增5条 公交线路"  # two phrases keep their space
    assert [b.name for b in second.bylines] == ["付亮", "王琳"]


def test_a_picture_after_a_signed_story_and_a_line_citing_the_media_over_a_lead():
    first, picture, third = parse_page(
        "美明尼苏达州抗议持续\n\n17日，美国明尼苏达州明尼阿波利斯市抗议活动持续。\n\n"
        "——记者 蒋军辉\n\n雨雪天气持续影响北方多地\n\n"
        "伊朗最高领袖哈梅内伊17日在首都德黑兰发表讲话。\n\n"
        "美国毛伊岛大火仍有逾千人失联\n\n据当地媒体报道\n\n"
        "本报讯 8月20日，美国夏威夷州毛伊岛仍有三处大火在燃烧。"
    ).articles
    assert [b.name for b in first.bylines] == ["蒋军辉"]
    assert picture.title == "雨雪天气持续影响北方多地"  # 多地: places, not the particle 地
    assert third.title == "美国毛伊岛大火仍有逾千人失联"
    assert "据当地媒体报道" not in third.paragraphs  # a headline line, not a source note


def test_a_headlines_note_of_its_photo_is_no_part_of_the_title():
    titles = [
        parse_page(f"{title}\n\n本报讯 6月7日，市领导深入重点项目建设一线调研。").articles[0].title
        for title in ("市领导调研重点项目建设（图）", "市领导调研重点项目建设（附图片１张）")
    ]
    assert titles == ["市领导调研重点项目建设", "市领导调研重点项目建设"]


def test_a_notice_is_filed_as_one_under_its_column():
    page = parse_page(
        "分类广告\n\n遗失声明\n\n张建国不慎遗失住房公积金缴存证明一份，声明作废。\n\n"
        "关于2023年度市级文明单位拟表彰名单的公示\n\n经评审，拟表彰以下单位。\n\n"
        "市民热议“发布公告”的新方式\n\n本报讯 近日，市政府改进公告发布方式。"
    )
    assert [(a.title, a.genre, a.section) for a in page.articles] == [
        ("遗失声明", "notice", "分类广告"),
        ("关于2023年度市级文明单位拟表彰名单的公示", "notice", ""),
        ("市民热议“发布公告”的新方式", "", ""),
    ]
