"""Events (list and one event) and the OCR source page."""

import pytest
from django.db import connection

from archive.models import EventParticipant
from archive.selectors.events import event_index
from tests.factories import EventFactory


def html(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def test_event_list_by_date(client, archive_data):
    later = EventFactory(title="全市经济工作会议", date="2021-05-01", time_of_day="下午")
    page = html(client.get("/events/"))
    assert page.index("全市经济工作会议") < page.index("市委常委会会议")  # newest first
    assert "2021年4月16日" in page and "1 篇报道" in page
    assert f'href="/events/{later.pk}/"' in page


def test_undated_events_come_after_the_dated_ones_on_every_database(client, archive_data):
    """PostgreSQL sorts NULL first in a descending order: an archive there listed its events
    with no known date above the newest."""
    undated = EventFactory(title="未注明日期的座谈会", date=None)
    page = html(client.get("/events/"))
    assert page.index("市委常委会会议") < page.index(undated.title)
    d = archive_data
    EventParticipant.objects.create(event=undated, person=d.mayor, part="出席")
    person_page = html(client.get(f"/people/{d.mayor.pk}/"))
    assert person_page.index("市委常委会会议") < person_page.index(undated.title)


def test_events_newest_first_are_read_from_an_index_on_postgresql(db):
    """The event list walked every undated event before the newest dated one (62 ms for a
    person's latest events at 400,000 articles); its order now has an index of its own."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite's descending index already puts NULL last")
    EventFactory(date=None)
    EventFactory(date="2021-04-16")
    sql, params = event_index().query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        cursor.execute("EXPLAIN " + sql + " LIMIT 20", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "event_visible_newest_pg" in plan and "Sort" not in plan, plan


def test_event_page_what_when_where_who_and_articles(client, archive_data):
    d = archive_data
    page = html(client.get(f"/events/{d.event.pk}/"))
    assert "<h1>市委常委会会议</h1>" in page
    assert '<time datetime="2021-04-16">2021年4月16日</time>上午' in page
    assert "<dt>地点</dt><dd>市委常委会议室</dd>" in page
    assert f'<dt>主持</dt><dd><a href="/people/{d.secretary.pk}/">邓群策</a></dd>' in page
    assert f'<dt>出席</dt><dd><a href="/people/{d.mayor.pk}/">朱健</a></dd>' in page
    assert page.index("<dt>主持</dt>") < page.index("<dt>出席</dt>")
    assert f'href="/articles/{d.meeting.pk}/"' in page


def test_hidden_and_missing_events_are_404(client, db):
    hidden = EventFactory(is_hidden=True)
    assert client.get(f"/events/{hidden.pk}/").status_code == 404
    assert client.get("/events/999999/").status_code == 404


def test_source_page_shows_the_ocr_text_and_its_articles(client, archive_data):
    d = archive_data
    page = html(client.get(f"/sources/{d.page1.pk}/"))
    assert (
        '<pre class="ocr-text">市委常委会召开会议\n\n本报讯 4月16日上午，会议召开。</pre>' in page
    )
    assert (
        f'href="/articles/{d.meeting.pk}/"' in page and f'href="/articles/{d.second.pk}/"' in page
    )
    assert "000_page1.txt" in page
    assert client.get("/sources/999999/").status_code == 404


def test_event_list_for_one_person(client, archive_data):
    d = archive_data
    other = EventFactory(title="全市经济工作会议")
    page = html(client.get("/events/", {"person": d.mayor.pk}))
    assert "朱健参加的" in page and "市委常委会会议" in page and other.title not in page
    assert client.get("/events/", {"person": "abc"}).status_code == 404
    assert client.get("/events/", {"person": d.rejected.pk}).status_code == 404


def test_an_event_links_to_the_issue_that_reported_it(client, archive_data):
    # The meeting was on 4月16日; the issue that reported it is of 4月17日.
    html = client.get("/events/").content.decode()
    assert '见 <a href="/2021/04/17/">2021年4月17日</a>' in html


def test_a_day_without_an_issue_shows_the_nearest_issues(client, archive_data):
    response = client.get("/2021/04/18/")
    html = response.content.decode()
    assert response.status_code == 200 and "没有这一天的报纸" in html
    assert 'href="/2021/04/17/"' in html and "noindex" in html
