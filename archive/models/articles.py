import datetime as dt

from django.db import models
from django.db.models import Count, Prefetch
from django.db.models.functions import ExtractDay, ExtractMonth, ExtractYear
from django.urls import reverse
from simple_history.models import HistoricalRecords

from archive.models.pages import DateStatus, SourcePage

# Names a list row or a search hit carries (rows show six and "等"; /api/search up to this).
LISTED_NAMES = 20
# All the counted figures (calendar, dates, persons' counts) read of an article: a save that
# changes neither (a corrected title or text) leaves them standing.
COUNTED_FIELDS = ("published", "is_hidden")


class Genre(models.TextChoices):
    NEWS = "", "消息"
    COMMENTARY = "commentary", "评论"
    BRIEF = "brief", "简讯"
    PHOTO = "photo", "图片新闻"
    NOTICE = "notice", "公告"


class ArticleQuerySet(models.QuerySet):
    def visible(self):
        """Articles a reader may see: dated or not, but not withdrawn by an admin."""
        return self.filter(is_hidden=False)

    def dated(self):
        return self.visible().filter(published__isnull=False)

    def on_day(self, day: dt.date):
        return self.visible().filter(published=day)

    def needing_review(self):
        return self.filter(needs_review=True)

    def for_listing(self):
        """What a list row shows: title, date, page, the first LISTED_NAMES names in it, with
        fixed queries (a 名单 names hundreds: all of them cost a list of 20 rows 0.9 s)."""
        from archive.models.people import Mention

        first = Mention.objects.visible().select_related("person").order_by("id")
        return self.select_related("source_page").prefetch_related(
            Prefetch("mentions", queryset=first[:LISTED_NAMES], to_attr="listed_mentions")
        )

    def year_counts(self):
        return (
            self.dated()
            .annotate(year=ExtractYear("published"))
            .values("year")
            .annotate(n=Count("id"))
            .order_by("year")
        )

    def month_counts(self, year: int):
        return (
            self.dated()
            .filter(published__year=year)
            .annotate(month=ExtractMonth("published"))
            .values("month")
            .annotate(n=Count("id"))
            .order_by("month")
        )

    def day_counts(self, year: int, month: int):
        return (
            self.dated()
            .filter(published__year=year, published__month=month)
            .annotate(day=ExtractDay("published"))
            .values("day")
            .annotate(n=Count("id"))
            .order_by("day")
        )


class Article(models.Model):
    source_page = models.ForeignKey(
        SourcePage,
        verbose_name="版面原文",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
    )
    source = models.CharField("来源", max_length=255, blank=True)
    # Order on the page, or the line of a JSON Lines file (millions in a big one).
    position = models.PositiveIntegerField("版面内顺序", default=0)
    page = models.PositiveSmallIntegerField("版次", null=True, blank=True)

    kicker = models.CharField("引题", max_length=300, blank=True)
    title = models.CharField("标题", max_length=300)
    title_is_derived = models.BooleanField(
        "标题由系统生成", default=False, help_text="OCR 丢失了标题，标题取自导语。"
    )
    deck = models.CharField("副题", max_length=500, blank=True)
    body = models.TextField("正文", help_text="一段一行。")
    captions = models.TextField("图片说明", blank=True, help_text="一条一行。")
    ocr_body = models.TextField(
        "OCR 原文（校正前）",
        blank=True,
        editable=False,
        help_text="管理员第一次改正正文时保存的 OCR 文字；检索仍能找到其中的字词。",
    )

    genre = models.CharField("体裁", max_length=12, choices=Genre.choices, blank=True)
    section = models.CharField("栏目", max_length=40, blank=True, help_text="简讯、短评等栏目名。")
    agency = models.CharField("电头来源", max_length=20, blank=True, help_text="本报、新华社……")
    place = models.CharField("电头地点", max_length=40, blank=True)
    continued_on = models.PositiveSmallIntegerField("下转版次", null=True, blank=True)
    continued_from_page = models.PositiveSmallIntegerField("上接版次", null=True, blank=True)
    previous_part = models.ForeignKey(
        "self",
        verbose_name="上接文章",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="next_parts",
        help_text="转版文章的前一部分。",
    )

    published = models.DateField("出版日期", null=True, blank=True, db_index=True)
    date_status = models.CharField(
        "日期来源", max_length=10, choices=DateStatus.choices, default=DateStatus.UNKNOWN
    )

    fingerprint = models.CharField(max_length=64, unique=True, editable=False)
    is_hidden = models.BooleanField("隐藏", default=False, help_text="不在网站和检索中出现。")
    needs_review = models.BooleanField("待审核", default=False, db_index=True)
    review_reasons = models.JSONField("待审核原因", default=list, blank=True)
    # Fields an admin changed by hand (the admin records them): a page imported again never
    # overwrites them (services/renewing.py).
    edited_fields = models.JSONField(default=list, blank=True, editable=False)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()
    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = "文章"
        verbose_name_plural = "文章"
        ordering = ["-published", "page", "position", "id"]
        indexes = [
            models.Index(fields=["published", "page", "position"]),
            # Every reader query filters on is_hidden and walks published: one index covers both,
            # and with the id it holds all that the per-process article dates read (PostgreSQL
            # reads them from the index alone instead of scanning the table).
            models.Index(fields=["is_hidden", "published", "id"], name="article_visible_dates"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("archive:article", args=[self.pk])

    @classmethod
    def from_db(cls, db, field_names, values):
        article = super().from_db(db, field_names, values)
        if all(name in field_names for name in COUNTED_FIELDS):
            article.counted_as = article.counted_state()
        return article

    def counted_state(self) -> tuple:
        """What the archive's counted figures read of this article (selectors.counts)."""
        return tuple(getattr(self, name) for name in COUNTED_FIELDS)

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.body.split("\n") if p.strip()]

    def persons_in_text(self):
        """The first names in the text, of an article read through for_listing()."""
        return [m for m in self.listed_mentions if not m.is_byline]
