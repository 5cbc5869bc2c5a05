"""The admin is where mistakes are corrected; every change is kept in history."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import Count
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator
from simple_history.admin import SimpleHistoryAdmin

from archive.admin_versions import VersionCompareMixin
from archive.models import (
    Article,
    ErrorReport,
    Event,
    EventParticipant,
    Mention,
    PendingIndexUpdate,
    Person,
    PersonAlias,
    ReportStatus,
    SourcePage,
    StaffCredit,
)
from archive.models.people import PersonStatus
from archive.services.people import merge_persons, pinyin_keys, set_status
from archive.services.reports import close_reports


class MentionInline(admin.TabularInline):
    model = Mention
    extra = 0
    autocomplete_fields = ["person"]
    fields = ["person", "kind", "role", "count", "confidence"]
    readonly_fields = ["confidence"]


@admin.register(Article)
class ArticleAdmin(VersionCompareMixin, SimpleHistoryAdmin):
    list_display = ["title", "published", "page", "source", "date_status", "needs_review"]
    list_filter = [
        "needs_review",
        "date_status",
        "genre",
        "title_is_derived",
        "is_hidden",
        "published",
    ]
    raw_id_fields = ["previous_part"]
    search_fields = ["title", "kicker", "deck", "body", "source"]
    date_hierarchy = "published"
    list_per_page = 50
    inlines = [MentionInline]
    readonly_fields = [
        "fingerprint",
        "source_page",
        "edited_fields",
        "ocr_body",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (None, {"fields": ["kicker", "title", "title_is_derived", "deck", "body", "captions"]}),
        ("日期与版面", {"fields": ["published", "date_status", "page", "position", "source"]}),
        (
            "体裁与电头",
            {"fields": ["genre", "section", "agency", "place"], "classes": ["collapse"]},
        ),
        (
            "转版",
            {
                "fields": ["continued_from_page", "continued_on", "previous_part"],
                "classes": ["collapse"],
            },
        ),
        ("审核", {"fields": ["needs_review", "review_reasons", "is_hidden"]}),
        (
            "来源",
            {
                "fields": ["source_page", "fingerprint", "edited_fields", "ocr_body"],
                "classes": ["collapse"],
            },
        ),
    ]
    actions = ["mark_reviewed", "hide"]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        # A title-only item (a video item, a headline brief) is imported with no body; its
        # title must still be correctable.
        form.base_fields["body"].required = False
        return form

    def save_model(self, request, obj, form, change):
        if change and form.changed_data:
            # Remember what a person corrected so no later import overwrites it.
            obj.edited_fields = sorted(set(obj.edited_fields) | set(form.changed_data))
            if "body" in form.changed_data and not obj.ocr_body:
                # The OCR's text stays beside the correction (and searchable).
                obj.ocr_body = form.initial.get("body", "")
        super().save_model(request, obj, form, change)

    @admin.action(description="标记为已审核")
    def mark_reviewed(self, request, queryset):
        for article in queryset:
            article.needs_review = False
            article.save(update_fields=["needs_review", "updated_at"])

    @admin.action(description="隐藏（不在网站和检索中出现）")
    def hide(self, request, queryset):
        for article in queryset:
            article.is_hidden = True
            article.save(update_fields=["is_hidden", "updated_at"])


class PersonAliasInline(admin.TabularInline):
    model = PersonAlias
    extra = 0


@admin.register(Person)
class PersonAdmin(VersionCompareMixin, SimpleHistoryAdmin):
    list_display = ["name", "status", "article_count", "needs_review", "pinyin"]
    list_filter = ["status", "needs_review"]
    search_fields = ["name", "pinyin", "pinyin_initials", "aliases__name"]
    readonly_fields = ["created_at"]
    inlines = [PersonAliasInline]
    actions = ["confirm", "reject", "merge"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(article_total=Count("mentions__article", distinct=True))
        )

    @admin.display(description="文章数", ordering="article_total")
    def article_count(self, obj):
        return obj.article_total

    def save_model(self, request, obj, form, change):
        if "name" in form.changed_data or not obj.pinyin:
            obj.pinyin, obj.pinyin_initials = pinyin_keys(obj.name)
        super().save_model(request, obj, form, change)

    @admin.action(description="确认是人名（以后导入总会识别）")
    def confirm(self, request, queryset):
        count = set_status(queryset, PersonStatus.CONFIRMED)
        self.message_user(request, f"已确认 {count} 位人物。", messages.SUCCESS)

    @admin.action(description="不是人名（以后导入不再识别）")
    def reject(self, request, queryset):
        count = set_status(queryset, PersonStatus.REJECTED)
        self.message_user(request, f"已标记 {count} 条为“不是人名”。", messages.SUCCESS)

    @admin.action(description="合并为同一人…")
    def merge(self, request, queryset):
        persons = list(queryset.order_by("-article_total", "name"))
        if len(persons) < 2:
            self.message_user(request, "请至少选择两位人物。", messages.WARNING)
            return None
        if "target" in request.POST:
            target = next((p for p in persons if str(p.pk) == request.POST["target"]), None)
            if target is None:
                self.message_user(request, "请选择保留的人物。", messages.ERROR)
                return None
            merge_persons(target, [p for p in persons if p.pk != target.pk])
            self.message_user(
                request,
                f"已合并为“{target.name}”，其他名字保留为别名。",
                messages.SUCCESS,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": "合并人物",
            "persons": persons,
            "opts": self.model._meta,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return render(request, "admin/archive/person/merge.html", context)


class ParticipantInline(admin.TabularInline):
    model = EventParticipant
    extra = 0
    autocomplete_fields = ["person"]


@admin.register(Event)
class EventAdmin(VersionCompareMixin, SimpleHistoryAdmin):
    list_display = [
        "title",
        "date",
        "time_of_day",
        "kind",
        "place",
        "article_count",
        "needs_review",
    ]
    list_filter = ["needs_review", "kind", "date_is_uncertain", "date"]
    search_fields = ["title", "place", "summary"]
    date_hierarchy = "date"
    autocomplete_fields = ["articles"]
    inlines = [ParticipantInline]

    def get_queryset(self, request):
        return (
            super().get_queryset(request).annotate(article_total=Count("articles", distinct=True))
        )

    @admin.display(description="文章数", ordering="article_total")
    def article_count(self, obj):
        return obj.article_total


class StaffCreditInline(admin.TabularInline):
    model = StaffCredit
    extra = 0
    autocomplete_fields = ["person"]


@admin.register(SourcePage)
class SourcePageAdmin(admin.ModelAdmin):
    list_display = [
        "file_name",
        "issue_date",
        "date_status",
        "page_number",
        "section",
        "imported_at",
    ]
    list_filter = ["date_status"]
    inlines = [StaffCreditInline]
    search_fields = ["file_name", "checksum", "text"]
    readonly_fields = ["checksum", "encoding", "text", "imported_at", "warnings", "year_evidence"]


@admin.register(ErrorReport)
class ErrorReportAdmin(admin.ModelAdmin):
    """Readers' reports: read, correct the article (one click away), then close the report."""

    list_display = ["created_at", "kind", "short_message", "article_link", "status", "handled_by"]
    list_filter = ["status", "kind", "created_at"]
    search_fields = ["message", "contact", "article__title"]
    date_hierarchy = "created_at"
    list_select_related = ["article", "handled_by"]
    fields = [
        "article_link",
        "kind",
        "message",
        "contact",
        "created_at",
        "status",
        "admin_note",
        "handled_by",
        "handled_at",
    ]
    readonly_fields = [
        "article_link",
        "kind",
        "message",
        "contact",
        "created_at",
        "status",  # changed by the actions, which record who and when
        "handled_by",
        "handled_at",
    ]
    actions = ["mark_fixed", "dismiss"]

    def has_add_permission(self, request):
        return False  # reports come from readers

    @admin.display(description="说明")
    def short_message(self, obj):
        return Truncator(obj.message).chars(60)

    @admin.display(description="文章", ordering="article__title")
    def article_link(self, obj):
        url = reverse("admin:archive_article_change", args=[obj.article_id])
        return format_html('<a href="{}">{}</a>', url, obj.article.title)

    @admin.action(description="标记为已改正")
    def mark_fixed(self, request, queryset):
        count = close_reports(queryset, ReportStatus.FIXED, request.user)
        self.message_user(request, f"{count} 条报错已标记为已改正。", messages.SUCCESS)

    @admin.action(description="不需改正，关闭")
    def dismiss(self, request, queryset):
        count = close_reports(queryset, ReportStatus.DISMISSED, request.user)
        self.message_user(request, f"{count} 条报错已关闭（不需改正）。", messages.SUCCESS)


@admin.register(PendingIndexUpdate)
class PendingIndexUpdateAdmin(admin.ModelAdmin):
    list_display = ["model_label", "object_id", "action", "created_at"]

    def has_add_permission(self, request):
        return False
