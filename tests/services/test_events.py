"""Events: one per happening, however many articles report it."""

import io
import json

from django.core.management import call_command

from archive.models import Event


def import_lines(tmp_path, lines):
    path = tmp_path / "events.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", "utf-8")
    call_command("import_archive", str(path), stdout=io.StringIO())


def test_two_articles_about_one_meeting_share_one_event(db, tmp_path):
    lead = "本报讯 6月1日上午，市委书记李明华主持召开市委常委会会议，研究有关工作。"
    import_lines(
        tmp_path,
        [
            {"title": "市委常委会召开会议", "body": lead, "published": "2022-06-02"},
            {
                "title": "会议要求抓好防汛",
                "body": lead + "\n会议要求，抓好防汛工作。",
                "published": "2022-06-02",
            },
        ],
    )
    event = Event.objects.get()
    assert event.title == "市委常委会会议" and str(event.date) == "2022-06-01"
    assert event.articles.count() == 2
    assert ("李明华", "主持") in set(event.participants.values_list("person__name", "part"))


def test_same_kind_on_another_day_is_another_event(db, tmp_path):
    import_lines(
        tmp_path,
        [
            {
                "title": "甲",
                "body": "本报讯 6月1日上午，市委召开常委会会议。",
                "published": "2022-06-02",
            },
            {
                "title": "乙",
                "body": "本报讯 6月8日上午，市委召开常委会会议。",
                "published": "2022-06-09",
            },
        ],
    )
    assert Event.objects.count() == 2


def test_list_of_attendees_each_get_their_part(db, tmp_path):
    body = (
        "本报讯 6月1日下午，全市园区工作座谈会在市政府召开。市长李明华主持。"
        "\n市领导王大海、赵小川、孙建国出席。"
    )
    import_lines(tmp_path, [{"title": "座谈会", "body": body, "published": "2022-06-02"}])
    event = Event.objects.get()
    parts = set(event.participants.values_list("person__name", "part"))
    assert {("王大海", "出席"), ("赵小川", "出席"), ("孙建国", "出席")} <= parts
    assert event.place == "市政府"
