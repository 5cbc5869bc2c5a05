"""What an admin decides about persons is kept and used on the next import."""

import io
import json

from django.core.management import call_command

from archive.models import Mention, Person, PersonAlias
from archive.models.people import PersonStatus
from archive.services.people import merge_persons, pinyin_keys


def import_line(tmp_path, body, name="a.jsonl"):
    path = tmp_path / name
    line = {"title": "会议", "body": body, "published": "2022-06-02"}
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    call_command("import_archive", str(path), stdout=io.StringIO())


def test_pinyin_keys():
    assert pinyin_keys("邓群策") == ("dengqunce", "dqc")


def test_rejected_name_is_not_found_again(db, tmp_path):
    Person.objects.create(name="李明华", status=PersonStatus.REJECTED)
    import_line(tmp_path, "本报讯 市长李明华主持召开会议。")
    assert not Mention.objects.filter(person__name="李明华").exists()


def test_confirmed_name_is_always_found(db, tmp_path):
    Person.objects.create(name="木子华", status=PersonStatus.CONFIRMED)
    import_line(tmp_path, "本报讯 会上木子华一一作答，大家很满意。")
    assert Mention.objects.filter(person__name="木子华").exists()


def test_merge_keeps_the_old_name_as_alias_and_history(db, tmp_path):
    import_line(tmp_path, "本报讯 市长李明华主持召开会议。", "one.jsonl")
    import_line(tmp_path, "本报讯 副市长李名华出席会议。", "two.jsonl")
    target = Person.objects.get(name="李明华")
    other = Person.objects.get(name="李名华")
    merge_persons(target, [other])
    assert not Person.objects.filter(name="李名华").exists()
    assert PersonAlias.objects.get(name="李名华").person == target
    assert Mention.objects.filter(person=target).count() == 2
    assert Person.history.filter(name="李名华", history_type="-").exists()
    # The next import maps the old spelling to the merged person.
    import_line(tmp_path, "本报讯 副市长李名华调研。", "three.jsonl")
    assert Mention.objects.filter(person=target).count() == 3


def test_merging_two_persons_named_in_one_article_adds_their_counts(db):
    from archive.search import queue
    from tests.factories import ArticleFactory, MentionFactory, PersonFactory

    article = ArticleFactory()
    target, other = PersonFactory(name="王建国"), PersonFactory(name="王建囯")
    MentionFactory(article=article, person=target, kind="text", role="市长", count=2)
    MentionFactory(article=article, person=other, kind="text", role="市长", count=3)
    MentionFactory(article=article, person=other, kind="text", role="", count=1)
    with queue.deferred():
        merge_persons(target, [other])
    mentions = {(m.role, m.count) for m in Mention.objects.filter(article=article)}
    assert mentions == {("市长", 5), ("", 1)}
    assert Mention.objects.filter(person=target).count() == 2
