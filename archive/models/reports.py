"""Errors readers report on an article; they wait in the admins' review list."""

from django.conf import settings
from django.db import models


class ReportKind(models.TextChoices):
    TITLE = "title", "标题有误"
    TEXT = "text", "正文有错字或缺漏"
    DATE = "date", "日期或版次有误"
    PERSONS = "persons", "人名有误"
    MERGED = "merged", "与其他文章混在一起"
    OTHER = "other", "其他"


class ReportStatus(models.TextChoices):
    OPEN = "open", "待处理"
    FIXED = "fixed", "已改正"
    DISMISSED = "dismissed", "不需改正"


class ErrorReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=ReportStatus.OPEN)


class ErrorReport(models.Model):
    article = models.ForeignKey(
        "archive.Article",
        verbose_name="文章",
        on_delete=models.CASCADE,
        related_name="error_reports",
    )
    kind = models.CharField("问题", max_length=10, choices=ReportKind.choices)
    message = models.TextField("说明")
    contact = models.CharField("联系方式（选填）", max_length=200, blank=True)
    status = models.CharField(
        "状态", max_length=10, choices=ReportStatus.choices, default=ReportStatus.OPEN
    )
    admin_note = models.TextField("处理说明", blank=True)
    created_at = models.DateTimeField("提交时间", auto_now_add=True)
    handled_at = models.DateTimeField("处理时间", null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="处理人",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = ErrorReportQuerySet.as_manager()

    class Meta:
        verbose_name = "读者报错"
        verbose_name_plural = "读者报错"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}：{self.article_id}"
