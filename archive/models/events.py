from django.db import models
from django.db.models import F
from django.urls import reverse
from simple_history.models import HistoricalRecords

# Newest first, events with no known date last on every database (PostgreSQL would put NULL
# first in a descending order, SQLite last).
NEWEST_FIRST = (F("date").desc(nulls_last=True), "time_of_day", "title", "id")
OLDEST_FIRST = (F("date").asc(nulls_last=True), "time_of_day", "title", "id")


class EventQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(is_hidden=False)

    def needing_review(self):
        return self.filter(needs_review=True)


class Event(models.Model):
    """A dated happening that articles report: a meeting, an inspection, a signing, a forum."""

    title = models.CharField("名称", max_length=200)
    kind = models.CharField("类型", max_length=32, blank=True, db_index=True)
    date = models.DateField("日期", null=True, blank=True, db_index=True)
    time_of_day = models.CharField("时段", max_length=8, blank=True)
    date_is_uncertain = models.BooleanField("日期待核实", default=False)
    place = models.CharField("地点", max_length=200, blank=True)
    summary = models.TextField("导语", blank=True)
    articles = models.ManyToManyField("archive.Article", related_name="events", blank=True)
    is_hidden = models.BooleanField("隐藏", default=False)
    needs_review = models.BooleanField("待审核", default=False, db_index=True)
    review_reasons = models.JSONField("待审核原因", default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords(m2m_fields=[articles])
    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = "事件"
        verbose_name_plural = "事件"
        ordering = NEWEST_FIRST
        # The event list (selectors.event_index) reads visible events newest first from one
        # index, not a sort of the table (at a million articles on PostgreSQL the page went
        # from 71 to 36 ms). SQLite reads NEWEST_FIRST from this one; PostgreSQL, whose
        # descending index puts NULL first, from its own (migration 0013).
        indexes = [
            models.Index(
                fields=["is_hidden", "-date", "time_of_day", "title", "id"],
                name="event_visible_by_date",
            )
        ]

    def __str__(self) -> str:
        return f"{self.title}（{self.date:%Y-%m-%d}）" if self.date else self.title

    def get_absolute_url(self) -> str:
        return reverse("archive:event", args=[self.pk])


class EventParticipant(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="participants")
    person = models.ForeignKey(
        "archive.Person", on_delete=models.CASCADE, related_name="event_parts"
    )
    part = models.CharField("角色", max_length=16)  # 主持, 出席, 参加, 讲话, 致辞 …

    history = HistoricalRecords()

    class Meta:
        verbose_name = "事件参与者"
        verbose_name_plural = "事件参与者"
        constraints = [
            models.UniqueConstraint(fields=["event", "person", "part"], name="unique_participant")
        ]

    def __str__(self) -> str:
        return f"{self.person.name} {self.part}"
