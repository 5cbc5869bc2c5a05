"""Columns that cut a story: a photo set inside it, its first line cut off under the byline."""

from archive.reading import parse_page

PAGE = """湘江风光带提质改造完工

本报讯（记者 龙晓岚）12月1日，湘江风光带提质改造工程全面完工，沿江新增步道八公里、观景平台

江畔新景
聂 红 摄

十二处，市民可沿江步行至石鼓书院。
"""


def test_a_credit_on_the_captions_last_line_names_the_photographer():
    (article,) = parse_page(PAGE).articles
    assert [(b.name.replace(" ", ""), b.kind) for b in article.bylines] == [
        ("龙晓岚", "reporter"),
        ("聂红", "photographer"),
    ]
    assert article.captions == ["江畔新景"]
    assert "观景平台十二处" in "".join(article.paragraphs)


FIRST_LINE_CUT = """通讯卫星发射准备就绪

■本报记者 韦江波 覃思雨

西昌卫星发射中心将于今晚20时30分发射通

信技术试验卫星。目前，各系统状态良好，发射已进入倒计时。
"""


def test_a_short_line_between_the_byline_and_the_text_is_the_texts_start():
    (article,) = parse_page(FIRST_LINE_CUT).articles
    assert article.title == "通讯卫星发射准备就绪"
    assert [b.name.replace(" ", "") for b in article.bylines] == ["韦江波", "覃思雨"]
    assert article.paragraphs[0].startswith(
        "西昌卫星发射中心将于今晚20时30分发射通信技术试验卫星。"
    )


CUT_UNDER_HEADLINE = """湘江治理成效明显

本报讯 12月1日，记者从市水利局获悉，今年我市完成湘江干流岸线整治四十公里，水质优良率达

市区至南岳旅游专线开通
——沿途设站十二个

专线全程约五十公里，每日往返二十班。首班车每天早上6时

30分发车，末班车晚上8时发车。

百分之百。沿江新建污水处理厂三座。
"""


def test_the_text_the_column_cut_under_a_headline_stays_text():
    first, second = parse_page(CUT_UNDER_HEADLINE).articles[:2]
    assert (second.title, second.deck) == ("市区至南岳旅游专线开通", "——沿途设站十二个")
    assert second.paragraphs[0].startswith("专线全程约五十公里")


PHOTO_IN_LEAD = """全市新增城镇就业岗位一万二千个

本报记者唐晓宇 通讯员罗佳报道：记者今天（12月1日）从市人社局获悉，今年以来，全市新增

城市夜景

邓立新 摄

城镇就业岗位一万二千个，完成全年目标任务的百分之一百一十。
"""


def test_a_photo_credited_inside_a_cut_lead_signs_that_photo_not_a_new_article():
    (article,) = parse_page(PHOTO_IN_LEAD).articles
    assert article.title == "全市新增城镇就业岗位一万二千个"
    assert {(b.name, b.kind) for b in article.bylines} == {
        ("唐晓宇", "reporter"),
        ("罗佳", "correspondent"),
        ("邓立新", "photographer"),
    }
    assert article.captions == ["城市夜景"]
    assert "全市新增城镇就业岗位一万二千个，完成" in article.paragraphs[0]


CUT_INSIDE_A_WORD = """老旧小区改造提速

本报讯 3月2日，城南街道民主村社区二期改造开工，年底完工后将新增文体活动场地。

今年以来，街道组织居民代表走访社区，察看小区改造和便

民服务情况，收集意见建议四十余条。

市长会见世界经济论坛主席

国际经济合作交流会期间，市长在市政府会见世界经济论坛主席一行，双方就合作交换意见。
"""


def test_a_paragraphs_first_line_cut_inside_a_word_is_text_not_a_headline():
    articles = parse_page(CUT_INSIDE_A_WORD).articles
    assert [a.title for a in articles] == ["老旧小区改造提速", "市长会见世界经济论坛主席"]
    assert articles[0].paragraphs[-1] == (
        "今年以来，街道组织居民代表走访社区，察看小区改造和便民服务情况，收集意见建议四十余条。"
    )
