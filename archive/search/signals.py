"""Haystack signal processor: every change that affects search is queued, never written here.

Writing Whoosh from request threads would mean several writers and LockErrors; instead each
save/delete adds a PendingIndexUpdate row in the same transaction (see queue.py).

    Article saved/deleted         → that article
    Mention saved/deleted         → its article (persons field)
    Person saved (rename, reject) → its articles, looked up when the queue is drained
    Person deleted                → its articles, looked up now (the mentions go with it)
    Event saved/deleted, articles → its articles
"""

from __future__ import annotations

from django.db.models import signals
from haystack.signals import BaseSignalProcessor

from archive.search import queue


def _models():
    from archive.models import Article, Event, Mention, Person

    return Article, Event, Mention, Person


def _article_changed(sender, instance, **kwargs):
    queue.enqueue(queue.ARTICLE, [instance.pk])


def _mention_changed(sender, instance, **kwargs):
    if instance.article_id:
        queue.enqueue(queue.ARTICLE, [instance.article_id])


def _person_saved(sender, instance, **kwargs):
    queue.enqueue(queue.PERSON, [instance.pk])


def _person_deleting(sender, instance, **kwargs):
    ids = set(instance.mentions.values_list("article_id", flat=True))
    queue.enqueue(queue.ARTICLE, sorted(ids))


def _event_saved(sender, instance, **kwargs):
    queue.enqueue(queue.EVENT, [instance.pk])


def _event_deleting(sender, instance, **kwargs):
    queue.enqueue(queue.ARTICLE, list(instance.articles.values_list("pk", flat=True)))


def _event_articles_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "pre_clear"):
        return
    if reverse:  # article.events.add(...): the article itself changed
        queue.enqueue(queue.ARTICLE, [instance.pk])
    elif action == "pre_clear":
        queue.enqueue(queue.ARTICLE, list(instance.articles.values_list("pk", flat=True)))
    else:
        queue.enqueue(queue.ARTICLE, sorted(pk_set or ()))


class QueuedSignalProcessor(BaseSignalProcessor):
    def _connections(self):
        Article, Event, Mention, Person = _models()
        return [
            (signals.post_save, _article_changed, Article),
            (signals.post_delete, _article_changed, Article),
            (signals.post_save, _mention_changed, Mention),
            (signals.post_delete, _mention_changed, Mention),
            (signals.post_save, _person_saved, Person),
            (signals.pre_delete, _person_deleting, Person),
            (signals.post_save, _event_saved, Event),
            (signals.pre_delete, _event_deleting, Event),
            (signals.m2m_changed, _event_articles_changed, Event.articles.through),
        ]

    def setup(self):
        for signal, handler, sender in self._connections():
            signal.connect(
                handler, sender=sender, dispatch_uid=f"search-{handler.__name__}-{sender.__name__}"
            )

    def teardown(self):
        for signal, handler, sender in self._connections():
            signal.disconnect(
                handler, sender=sender, dispatch_uid=f"search-{handler.__name__}-{sender.__name__}"
            )
