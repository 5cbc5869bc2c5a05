"""A small, realistic issue: two pages of 2021-04-17, the day before, and other years.

build_archive() is shared with the browser tests (tests/browser/).
"""

import datetime as dt
from types import SimpleNamespace

import pytest

from archive.models.people import MentionKind, PersonStatus
from tests.factories import (
    ArticleFactory,
    EventFactory,
    MentionFactory,
    PersonFactory,
    SourcePageFactory,
)

DAY = dt.date(2021, 4, 17)


@pytest.fixture
def archive_data(db):
    return build_archive()


def build_archive() -> SimpleNamespace:
    page1 = SourcePageFactory(file_name="000_page1.txt", issue_date=DAY, page_number=1)
    page2 = SourcePageFactory(
        file_name="001_page2.txt", issue_date=DAY, page_number=2, text="第二版原文\n\n稿件"
    )
    meeting = ArticleFactory(
        source_page=page1,
        page=1,
        position=1,
        kicker="传达贯彻重要指示精神",
        title="市委常委会召开会议",
        deck="听取相关工作汇报 审议有关文件",
        body=(
            "本报讯 4月16日上午，市委书记邓群策主持召开市委常委会会议。\n"
            "会议强调，要推动高质量发展。\n"
            "会议指出，要深刻认识开展东西部协作和定点帮扶的重大意义，不折不扣贯彻落实中央决策部署，"
            "主动融入长江经济带、粤港澳大湾区等发展战略，在区域协调发展中找准衡阳位置、贡献衡阳力量。\n"
            "市领导朱健等出席会议。"
        ),
        captions="会议现场。",
    )
    second = ArticleFactory(
        source_page=page1, page=1, position=2, title="全市政法队伍教育整顿推进会召开"
    )
    derived = ArticleFactory(
        source_page=page2,
        page=2,
        position=1,
        title="本报讯 市长朱健到衡东调研",
        title_is_derived=True,
    )
    day_before = ArticleFactory(published=DAY - dt.timedelta(days=1), title="前一天的文章")
    last_year = ArticleFactory(
        published=dt.date(2020, 4, 17),
        page=3,
        title="去年今日的文章",
        body="本报讯 市长邓群策到衡南县调研春耕生产。\n他强调，要抓好粮食生产。",
    )
    hidden = ArticleFactory(title="被隐藏的文章", is_hidden=True)

    secretary = PersonFactory(name="邓群策", pinyin="dengqunce", pinyin_initials="dqc")
    mayor = PersonFactory(name="朱健", pinyin="zhujian", pinyin_initials="zj")
    reporter = PersonFactory(name="陈润", pinyin="chenrun", pinyin_initials="cr")
    rejected = PersonFactory(name="常委会", status=PersonStatus.REJECTED)

    MentionFactory(article=meeting, person=secretary, role="市委书记")
    MentionFactory(article=meeting, person=mayor, role="市长")
    MentionFactory(article=meeting, person=reporter, kind=MentionKind.REPORTER, role="本报记者")
    MentionFactory(article=meeting, person=rejected, role="")
    MentionFactory(article=second, person=secretary, role="市委书记")
    MentionFactory(article=derived, person=mayor, role="市长")
    MentionFactory(article=last_year, person=secretary, role="市长")
    MentionFactory(article=hidden, person=secretary, role="市委书记")

    event = EventFactory(
        title="市委常委会会议",
        date=DAY - dt.timedelta(days=1),
        time_of_day="上午",
        place="市委常委会议室",
    )
    event.articles.add(meeting)
    event.participants.create(person=secretary, part="主持")
    event.participants.create(person=mayor, part="出席")
    return SimpleNamespace(**locals())
