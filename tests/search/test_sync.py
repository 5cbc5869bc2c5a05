"""Admin-style edits reach search once the queue is drained (and on commit when sync is on)."""

import pytest

from archive.models import Mention, PendingIndexUpdate, Person
from archive.models.people import PersonStatus
from archive.search import queue
from tests.factories import ArticleFactory, EventFactory, MentionFactory, PersonFactory

pytestmark = pytest.mark.usefixtures("search_index")


def test_save_queues_in_the_same_transaction(index_now, ids):
    a = ArticleFactory(body="防汛抗旱。")
    assert PendingIndexUpdate.objects.filter(object_id=str(a.pk)).exists()
    assert ids("防汛") == set()
    index_now()
    assert ids("防汛") == {a.pk} and not PendingIndexUpdate.objects.exists()


def test_edit_hide_delete(index_now, ids):
    a = ArticleFactory(body="防汛抗旱。")
    index_now()
    a.body = "春耕备耕。"
    a.save()
    index_now()
    assert ids("防汛") == set() and ids("春耕") == {a.pk}
    a.is_hidden = True
    a.save()
    index_now()
    assert ids("春耕") == set()
    a.is_hidden = False
    a.save()
    index_now()
    assert ids("春耕") == {a.pk}
    a.delete()
    index_now()
    assert ids("春耕") == set()


def test_person_rename_reject_merge_delete(index_now, ids):
    a, b = ArticleFactory(), ArticleFactory()
    old = PersonFactory(name="张三丰")
    MentionFactory(article=a, person=old)
    MentionFactory(article=b, person=old)
    index_now()
    assert ids("", person="张三丰") == {a.pk, b.pk}

    old.name = "张三峰"
    old.save()
    index_now()
    assert ids("", person="张三丰") == set() and ids("", person="张三峰") == {a.pk, b.pk}

    old.status = PersonStatus.REJECTED
    old.save()
    index_now()
    assert ids("", person="张三峰") == set()

    old.status = PersonStatus.AUTO
    old.save()
    target = PersonFactory(name="李四光")
    # A merge moves the mentions one by one (signals fire) and deletes the old record.
    for m in Mention.objects.filter(person=old):
        m.person = target
        m.save()
    old.delete()
    index_now()
    assert ids("", person="张三峰") == set() and ids("", person="李四光") == {a.pk, b.pk}

    target.delete()
    index_now()
    assert ids("", person="李四光") == set()
    assert not Person.objects.filter(name="李四光").exists()


def test_bulk_update_needs_enqueue(index_now, ids):
    a = ArticleFactory()
    p = PersonFactory(name="王五一")
    MentionFactory(article=a, person=p)
    index_now()
    Person.objects.filter(pk=p.pk).update(name="王五二")  # no signals
    queue.enqueue(queue.PERSON, [p.pk])
    index_now()
    assert ids("", person="王五二") == {a.pk}


def test_a_deleted_mention_leaves_the_persons_field(index_now, ids):
    a = ArticleFactory()
    m = MentionFactory(article=a, person=PersonFactory(name="赵六合"))
    index_now()
    assert ids("", person="赵六合") == {a.pk}
    m.delete()
    index_now()
    assert ids("", person="赵六合") == set()


def test_event_changes_index_nothing_events_are_not_in_the_document(index_now):
    a = ArticleFactory()
    index_now()
    event = EventFactory()
    event.articles.add(a)
    event.title = "新名称"
    event.save()
    event.delete()
    assert not PendingIndexUpdate.objects.exists()


def test_on_commit_drain(settings, ids, django_capture_on_commit_callbacks):
    settings.NEWSROOM_INDEX_SYNC = True
    with django_capture_on_commit_callbacks(execute=True):
        a = ArticleFactory(body="秋收冬种。")
    assert ids("秋收") == {a.pk}


def test_deferred_suspends_the_on_commit_drain(
    settings, ids, index_now, django_capture_on_commit_callbacks
):
    settings.NEWSROOM_INDEX_SYNC = True
    with queue.deferred(), django_capture_on_commit_callbacks(execute=True) as callbacks:
        a = ArticleFactory(body="秋收冬种。")
    assert _drains(callbacks) == [] and ids("秋收") == set()
    assert queue.drain(block=True) == 1 and ids("秋收") == {a.pk}


def test_sync_off_only_queues(settings, ids, django_capture_on_commit_callbacks):
    settings.NEWSROOM_INDEX_SYNC = False
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        ArticleFactory(body="秋收冬种。")
    assert _drains(callbacks) == [] and queue.pending() == 1


def _drains(callbacks):
    """The on-commit callbacks other than the stamp that tells other processes of a change."""
    from archive import freshness

    return [cb for cb in callbacks if cb is not freshness.touch]
