"""Write logic for readers' collections: create, rename, share, add, note, move, remove.

Their files (export and import) are in archive/services/collection_files.py.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Max

from archive.models import Article, Collection, CollectionItem
from archive.models.saved import new_share_token

# A collection lists all its items on one page and an import file holds at most this many.
MAX_ITEMS = 500
MAX_NOTE_CHARS = 2000
NAME_MAX_CHARS = Collection._meta.get_field("name").max_length
TITLE_MAX_CHARS = CollectionItem._meta.get_field("title").max_length


class CollectionError(ValueError):
    """A change the rules forbid (a full collection); the message is for the reader."""


# --- collections ------------------------------------------------------------------------------


def create_collection(*, owner: AbstractBaseUser, name: str, description: str = "") -> Collection:
    return Collection.objects.create(owner=owner, name=name, description=description)


def collection_named(*, owner: AbstractBaseUser, name: str) -> Collection:
    """The owner's collection of that name, made when there is none (saving into a new one)."""
    collection, _ = Collection.objects.get_or_create(owner=owner, name=name)
    return collection


def rename_collection(collection: Collection, *, name: str, description: str) -> Collection:
    collection.name = name
    collection.description = description
    collection.save(update_fields=["name", "description", "updated_at"])
    return collection


def delete_collection(collection: Collection) -> None:
    collection.delete()


def share_collection(collection: Collection) -> Collection:
    collection.is_shared = True
    collection.save(update_fields=["is_shared", "updated_at"])
    return collection


def unshare_collection(collection: Collection) -> Collection:
    """A new token: every link given out before stops working, also if shared again later."""
    collection.is_shared = False
    collection.share_token = new_share_token()
    collection.save(update_fields=["is_shared", "share_token", "updated_at"])
    return collection


# --- items ------------------------------------------------------------------------------------


@transaction.atomic
def add_article(collection: Collection, article: Article, *, note: str = "") -> CollectionItem:
    """Save the article at the end of the collection; saved already, its note is replaced
    when a new one is given."""
    item = collection.items.filter(article=article).first()
    if item is not None:
        if note:
            item.note = note
        item.title, item.published = article.title, article.published
        item.save(update_fields=["note", "title", "published"])
        return item
    if collection.items.count() >= MAX_ITEMS:
        raise CollectionError(f"收藏夹“{collection.name}”已满（最多 {MAX_ITEMS} 篇）。")
    return collection.items.create(
        article=article,
        title=article.title,
        published=article.published,
        note=note,
        position=_next_position(collection),
    )


def remove_item(item: CollectionItem) -> None:
    item.delete()


def update_note(item: CollectionItem, *, note: str) -> CollectionItem:
    item.note = note
    item.save(update_fields=["note"])
    return item


@transaction.atomic
def move_item(item: CollectionItem, *, offset: int) -> None:
    """Move the item `offset` places (-1: up one) and number the collection's items 0, 1, …"""
    items = list(item.collection.items.order_by("position", "id"))
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    target = min(max(index + offset, 0), len(items) - 1)
    items.insert(target, items.pop(index))
    changed = []
    for position, other in enumerate(items):
        if other.position != position:
            other.position = position
            changed.append(other)
    CollectionItem.objects.bulk_update(changed, ["position"])


def _next_position(collection: Collection) -> int:
    highest = collection.items.aggregate(highest=Max("position"))["highest"]
    return 0 if highest is None else highest + 1
