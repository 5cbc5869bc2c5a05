from django.db import models


class DateStatus(models.TextChoices):
    GIVEN = "given", "由用户给出"
    PRINTED = "printed", "版面印有日期"
    INFERRED = "inferred", "由版面推断"
    UNKNOWN = "unknown", "年份不明，待审核"


# The largest page number every database stores in a PositiveSmallIntegerField (PostgreSQL's
# smallint); a page number above it in imported data is refused by name, not by the database.
PAGE_NUMBER_MAX = 32767


class SourcePage(models.Model):
    """One OCR'd page file exactly as it was imported; articles point back to it."""

    file_name = models.CharField("文件名", max_length=255, db_index=True)
    checksum = models.CharField("SHA-256", max_length=64, unique=True)
    encoding = models.CharField("编码", max_length=20)
    text = models.TextField("OCR 全文")
    page_number = models.PositiveSmallIntegerField("版次", null=True, blank=True)
    issue_date = models.DateField("出版日期", null=True, blank=True, db_index=True)
    date_status = models.CharField(
        "日期来源", max_length=10, choices=DateStatus.choices, default=DateStatus.UNKNOWN
    )
    year_evidence = models.TextField("年份依据", blank=True)
    section = models.CharField("版面栏目", max_length=40, blank=True, help_text="要闻、国内……")
    warnings = models.JSONField("导入警告", default=list, blank=True)
    imported_at = models.DateTimeField("导入时间", auto_now_add=True)

    class Meta:
        verbose_name = "版面原文"
        verbose_name_plural = "版面原文"
        ordering = ["-issue_date", "page_number", "file_name"]

    def __str__(self) -> str:
        return self.file_name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("archive:source_page", args=[self.pk])


class StaffCredit(models.Model):
    """A person the page's footer names as its staff: 责任编辑, 版式, 校对 …"""

    source_page = models.ForeignKey(
        SourcePage, verbose_name="版面", on_delete=models.CASCADE, related_name="staff"
    )
    person = models.ForeignKey(
        "archive.Person",
        verbose_name="人物",
        on_delete=models.CASCADE,
        related_name="staff_credits",
    )
    role = models.CharField("职责", max_length=20)

    class Meta:
        verbose_name = "版面编辑"
        verbose_name_plural = "版面编辑"
        constraints = [
            models.UniqueConstraint(
                fields=["source_page", "person", "role"], name="one_credit_per_role"
            )
        ]

    def __str__(self) -> str:
        return f"{self.role} {self.person}"


class ImportedFile(models.Model):
    """A JSON Lines file being or having been imported: how far, so a rerun goes on from there.

    lines_done is written in the same transaction as the articles of those lines.
    """

    checksum = models.CharField("SHA-256", max_length=64, unique=True)
    file_name = models.CharField("文件名", max_length=255)
    lines_done = models.PositiveIntegerField("已导入行数", default=0)
    finished = models.BooleanField("已完成", default=False)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "导入文件"
        verbose_name_plural = "导入文件"

    def __str__(self) -> str:
        return self.file_name
