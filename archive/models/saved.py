"""A reader's collections: named lists of articles, each with the reader's note."""

import secrets

from django.conf import settings
from django.db import models


def new_share_token() -> str:
    return secrets.token_urlsafe(16)


class Collection(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="所有者",
        on_delete=models.CASCADE,
        related_name="collections",
    )
    name = models.CharField("名称", max_length=100)
    description = models.TextField("说明", blank=True)
    # Anyone holding the link reads a shared collection; a new token revokes old links.
    is_shared = models.BooleanField("通过链接公开", default=False)
    share_token = models.CharField(max_length=32, unique=True, default=new_share_token)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "收藏夹"
        verbose_name_plural = "收藏夹"
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "name"], name="collection_name_per_owner")
        ]

    def __str__(self) -> str:
        return self.name


class CollectionItem(models.Model):
    collection = models.ForeignKey(
        Collection, verbose_name="收藏夹", on_delete=models.CASCADE, related_name="items"
    )
    # An article an admin deletes leaves the item (and its note) with the title and date the
    # reader saved, so an export still says what it was.
    article = models.ForeignKey(
        "archive.Article",
        verbose_name="文章",
        on_delete=models.SET_NULL,
        null=True,
        related_name="collection_items",
    )
    title = models.CharField("标题", max_length=300)
    published = models.DateField("出版日期", null=True, blank=True)
    note = models.TextField("笔记", blank=True)
    position = models.PositiveIntegerField("顺序", default=0)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "收藏的文章"
        verbose_name_plural = "收藏的文章"
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["collection", "article"], name="article_once_per_collection"
            )
        ]

    def __str__(self) -> str:
        return self.title
