"""Haystack signal processor: every change that affects search is queued, never written here.

Writing Whoosh from request threads would mean several writers and LockErrors; instead each
save/delete adds a PendingIndexUpdate row in the same transaction (see queue.py).

    Article saved/deleted         → that article
    Mention saved/deleted         → its article (persons field)
    Person saved (rename, reject) → its articles, looked up when the queue is drained
    Person deleted                → its articles, looked up now (the mentions go with it)

Events are not in the document (search_indexes.py), so their changes queue nothing.
"""

from __future__ import annotations

from django.db.models import signals
from haystack.signals import BaseSignalProcessor

from archive.search import queue


def _models():
    from archive.models import Article, Mention, Person

    return Article, Mention, Person


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


class QueuedSignalProcessor(BaseSignalProcessor):
    def _connections(self):
        Article, Mention, Person = _models()
        return [
            (signals.post_save, _article_changed, Article),
            (signals.post_delete, _article_changed, Article),
            (signals.post_save, _mention_changed, Mention),
            (signals.post_delete, _mention_changed, Mention),
            (signals.post_save, _person_saved, Person),
            (signals.pre_delete, _person_deleting, Person),
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
