from django.db import models


class PendingIndexUpdate(models.Model):
    """A search-index change waiting for the single index writer.

    Rows are written in the same transaction as the change itself, so a crash between the
    commit and the index update loses nothing: the writer finds the row on its next pass.
    """

    UPDATE = "update"
    DELETE = "delete"

    model_label = models.CharField(max_length=64)
    object_id = models.CharField(max_length=64)
    action = models.CharField(max_length=8, choices=[(UPDATE, UPDATE), (DELETE, DELETE)])
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "待更新索引"
        verbose_name_plural = "待更新索引"
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.action} {self.model_label}:{self.object_id}"
