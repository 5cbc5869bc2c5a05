"""The people index and a person's page."""

from archive.models.people import PersonStatus
from tests.factories import PersonFactory


def html(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def test_index_lists_visible_people_with_counts(client, archive_data):
    page = html(client.get("/people/"))
    assert f'<a href="/people/{archive_data.secretary.pk}/">邓群策</a>' in page
    assert "常委会</a>" not in page  # rejected
    # 邓群策 is named in 3 visible articles (plus one hidden); most first.
    assert page.index("邓群策") < page.index("陈润")


def test_index_pages_follow_the_counts_and_edits(client, db):
    from tests.factories import ArticleFactory, MentionFactory

    people = [PersonFactory(name=f"排序{i:03d}", pinyin=f"paixu{i:03d}") for i in range(60)]
    for i, person in enumerate(people[:3]):
        for _ in range(3 - i):
            MentionFactory(article=ArticleFactory(), person=person)
    first = html(client.get("/people/"))
    assert first.index("排序000") < first.index("排序001") < first.index("排序002")
    assert "第 1 / 2 页" in first and "排序059" in html(client.get("/people/", {"page": 2}))
    newcomer = PersonFactory(name="新来者", pinyin="xinlaizhe")
    for _ in range(5):
        MentionFactory(article=ArticleFactory(), person=newcomer)
    again = html(client.get("/people/"))
    assert again.index("新来者") < again.index("排序000")


def test_index_search_by_name_pinyin_and_initials(client, archive_data):
    for q in ("朱", "zhujian", "zhu", "zj"):
        page = html(client.get("/people/", {"q": q}))
        assert "朱健</a>" in page, q
        assert "邓群策</a>" not in page, q
    assert 'value="zj"' in html(client.get("/people/", {"q": "zj"}))
    page = html(client.get("/people/", {"q": "查无此人"}))
    assert "没有找到与“查无此人”匹配的人物" in page


def test_index_can_sort_by_pinyin(client, archive_data):
    most_named_first = html(client.get("/people/"))  # both orders are kept side by side
    assert most_named_first.index("邓群策") < most_named_first.index("陈润")
    page = html(client.get("/people/", {"order": "name"}))
    assert page.index("陈润") < page.index("邓群策") < page.index("朱健")


def test_person_page_shows_roles_timeline_companions_events_articles(client, archive_data):
    d = archive_data
    page = html(client.get(f"/people/{d.secretary.pk}/"))
    assert "<h1>邓群策" in page
    # Every title seen, with first and last date.
    assert '<th scope="row">市委书记</th><td class="num">2</td><td>2021年4月17日</td>' in page
    assert '<th scope="row">市长</th><td class="num">1</td><td>2020年4月17日</td>' in page
    # The timeline is an SVG drawn on the server, with labels.
    assert "<svg" in page and "<title>2021年4月：2 篇</title>" in page
    assert "2020年4月：1 篇" in page
    # People in the same articles and events.
    assert (
        f'<a href="/people/{d.mayor.pk}/">朱健</a> <span class="count">1 篇文章，1 次活动</span>'
        in page
    )
    assert f'href="/events/{d.event.pk}/">市委常委会会议</a>' in page and "主持" in page
    assert "市委常委会召开会议" in page and "去年今日的文章" in page
    assert "被隐藏的文章" not in page
    assert f'href="/people/{d.secretary.pk}/feed/"' in page


def test_person_articles_are_paginated(client, db):
    from tests.factories import ArticleFactory, MentionFactory

    person = PersonFactory(name="刘一")
    for _ in range(25):
        MentionFactory(article=ArticleFactory(), person=person)
    page = html(client.get(f"/people/{person.pk}/"))
    assert "见于 25 篇文章" in page and "第 1 / 2 页" in page
    assert "第 2 / 2 页" in html(client.get(f"/people/{person.pk}/", {"page": 2}))


def test_rejected_and_missing_people_are_404(client, archive_data):
    assert client.get(f"/people/{archive_data.rejected.pk}/").status_code == 404
    assert client.get(f"/people/{archive_data.rejected.pk}/feed/").status_code == 404
    assert client.get("/people/999999/").status_code == 404


def test_person_without_articles_still_renders(client, db):
    person = PersonFactory(name="孙八", status=PersonStatus.CONFIRMED)
    page = html(client.get(f"/people/{person.pk}/"))
    assert "见于 0 篇文章" in page and "没有可显示的文章" in page


def test_a_list_naming_hundreds_shows_six_names_and_reads_no_more(client, db):
    """A 名单 (a funeral committee, a congress's delegates) names hundreds of persons: its row
    in a member's list of articles shows six names and 等, and only the first few are read."""
    import re

    from archive.models import Article
    from archive.models.articles import LISTED_NAMES
    from tests.factories import ArticleFactory, MentionFactory

    member = PersonFactory(name="韩十一")
    roster = ArticleFactory(title="全省劳动模范名单", published="2021-04-28")
    MentionFactory(article=roster, person=member, role="")
    for i in range(120):
        MentionFactory(article=roster, person=PersonFactory(name=f"名单人{i:03d}"), role="")
    page = client.get(f"/people/{member.pk}/").content.decode()
    names = re.search(r'<span class="names">(.*?)</span>', page).group(1)
    assert names.count("<a ") == 6 and names.endswith("等")
    assert [len(a.listed_mentions) for a in Article.objects.for_listing()] == [LISTED_NAMES]
