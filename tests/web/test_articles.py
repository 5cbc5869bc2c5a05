"""The article list with its date facets and the reading view of one article."""

import datetime as dt

from archive.selectors import related_articles
from tests.factories import ArticleFactory, MentionFactory, PersonFactory


def html(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def test_list_shows_year_facets_with_counts(client, archive_data):
    page = html(client.get("/articles/"))
    assert "共 5 篇" in page  # the hidden article is not counted
    assert 'href="?year=2021">2021年</a> <span class="count">4</span>' in page
    assert 'href="?year=2020">2020年</a> <span class="count">1</span>' in page


def test_facets_narrow_year_month_day_and_keep_each_other(client, archive_data):
    page = html(client.get("/articles/?year=2021"))
    assert "2021年各月" in page
    assert 'href="?year=2021&amp;month=4">4月</a> <span class="count">4</span>' in page
    page = html(client.get("/articles/?year=2021&month=4"))
    assert 'href="?year=2021&amp;month=4&amp;day=17">17日</a> <span class="count">3</span>' in page
    page = html(client.get("/articles/?year=2021&month=4&day=16"))
    assert "共 1 篇" in page and "前一天的文章" in page and "市委常委会召开会议" not in page


def test_bad_facet_values_give_a_message_not_an_error(client, archive_data):
    page = html(client.get("/articles/?year=abc&page=zzz"))
    assert "“abc”不是有效的年份" in page
    assert "共 5 篇" in page


def test_list_is_paginated(client, db):
    for i in range(35):
        ArticleFactory(title=f"第{i}篇")
    page = html(client.get("/articles/"))
    assert "第 1 / 2 页" in page and 'rel="next" href="?page=2"' in page
    assert "第 2 / 2 页" in html(client.get("/articles/?page=2"))


def test_reading_view_shows_everything_about_the_article(client, archive_data):
    d = archive_data
    page = html(client.get(f"/articles/{d.meeting.pk}/"))
    assert "<title>市委常委会召开会议 · 衡阳日报档案</title>" in page
    assert '<p class="kicker">传达贯彻重要指示精神</p>' in page
    assert "听取相关工作汇报 审议有关文件" in page
    assert f'本报记者：<a href="/people/{d.reporter.pk}/">陈润</a>' in page
    assert (
        f'<a href="/people/{d.secretary.pk}/">邓群策</a> <span class="role">市委书记</span>' in page
    )
    assert f'<a href="/people/{d.mayor.pk}/">朱健</a> <span class="role">市长</span>' in page
    assert "常委会</a>" not in page  # a rejected "person" is not shown
    assert "<p>会议强调，要推动高质量发展。</p>" in page  # one <p> per paragraph
    assert "会议现场。" in page  # caption
    assert f'href="/events/{d.event.pk}/"' in page
    assert f'href="/sources/{d.page1.pk}/"' in page
    assert f'rel="next" href="/articles/{d.second.pk}/"' in page
    assert 'rel="prev"' not in page  # first article of the issue
    assert "陈润. 市委常委会召开会议[N]. 衡阳日报, 2021-04-17(1)." in page  # GB/T 7714
    assert f'value="http://testserver/articles/{d.meeting.pk}/"' in page
    assert "复制链接" in page and "js/copy.js" in page
    # Related: the other articles of those weeks naming the same people.
    assert "相关文章" in page and f'<a href="/articles/{d.derived.pk}/">' in page
    assert f'<a href="/articles/{d.last_year.pk}/">' not in page.split("相关文章")[1]


def test_derived_title_is_marked(client, archive_data):
    page = html(client.get(f"/articles/{archive_data.derived.pk}/"))
    assert "（标题为系统生成）" in page
    assert f'rel="prev" href="/articles/{archive_data.second.pk}/"' in page


def test_undated_article_reads_without_a_date(client, db):
    article = ArticleFactory(published=None, page=None, title="无日期")
    page = html(client.get(f"/articles/{article.pk}/"))
    assert "出版日期不详" in page and "无日期[N]. 衡阳日报, [出版日期不详]." in page


def test_missing_and_hidden_articles_are_404(client, archive_data):
    assert client.get("/articles/999999/").status_code == 404
    assert client.get(f"/articles/{archive_data.hidden.pk}/").status_code == 404


def test_article_text_is_escaped(client, db):
    article = ArticleFactory(
        title="<script>alert(1)</script>", body="<b>粗</b>\n第二段", kicker='"><img src=x>'
    )
    page = html(client.get(f"/articles/{article.pk}/"))
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;粗&lt;/b&gt;" in page and "<img src=x>" not in page


def test_article_without_body_text_renders(client, db):
    article = ArticleFactory(body="", deck="", title="只有标题")
    assert "只有标题" in html(client.get(f"/articles/{article.pk}/"))


def test_related_articles_put_the_most_shared_people_first(db):
    day = dt.date(2021, 4, 17)
    people = [PersonFactory(name=name) for name in ("甲一明", "乙二华", "丙三强")]
    # The fewer people an article shares, the newer it is: order by date alone would reverse.
    article, one, two, three, far = (
        ArticleFactory(published=day + dt.timedelta(days=offset)) for offset in (0, 3, 2, 1, 400)
    )
    for other, count in ((article, 3), (one, 1), (two, 2), (three, 3), (far, 3)):
        for person in people[:count]:
            MentionFactory(article=other, person=person)

    assert related_articles(article) == [three, two, one]  # `far` is outside the weeks around
