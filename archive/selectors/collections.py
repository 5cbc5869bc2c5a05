"""Reads of readers' collections. Every read of another reader's collection finds nothing, so
the views answer 404 (never 403: a collection's existence is private too)."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Exists, OuterRef, Prefetch, QuerySet

from archive.models import Article, Collection, CollectionItem


def collections_of(owner: AbstractBaseUser) -> QuerySet[Collection]:
    """The reader's collections by name, each with `item_count`."""
    return Collection.objects.filter(owner=owner).annotate(item_count=Count("items"))


def collection_of(owner: AbstractBaseUser, pk: int) -> Collection:
    """With `item_count`; raises Collection.DoesNotExist unless the collection is the reader's."""
    return collections_of(owner).get(pk=pk)


def item_of(owner: AbstractBaseUser, pk: int) -> CollectionItem:
    """Raises CollectionItem.DoesNotExist unless the item is in one of the reader's collections."""
    return CollectionItem.objects.select_related("collection").get(collection__owner=owner, pk=pk)


def shared_collection(token: str) -> Collection:
    """The collection a share link names while it is shared (a revoked token finds nothing)."""
    return Collection.objects.select_related("owner").get(share_token=token, is_shared=True)


def collection_items(collection: Collection) -> QuerySet[CollectionItem]:
    """In the reader's order, each with its article unless that is gone or hidden: a hidden
    article is not shown to readers, so its item reads as one whose article is gone."""
    return collection.items.prefetch_related(
        Prefetch("article", queryset=Article.objects.visible().only("id", "title", "published"))
    ).order_by("position", "id")


def name_taken(owner: AbstractBaseUser, name: str, *, other_than: int | None = None) -> bool:
    return Collection.objects.filter(owner=owner, name=name).exclude(pk=other_than).exists()


def collections_for_article(owner: AbstractBaseUser, article_id: int) -> list[Collection]:
    """The reader's collections, each with `has_article` (one query)."""
    holding = CollectionItem.objects.filter(collection=OuterRef("pk"), article_id=article_id)
    return list(Collection.objects.filter(owner=owner).annotate(has_article=Exists(holding)))


def visible_article(pk: int) -> Article:
    """Raises Article.DoesNotExist for a missing or hidden article: readers save what they read."""
    return Article.objects.visible().get(pk=pk)
