"""Admins compare any two versions of a record (its history) field by field."""

from __future__ import annotations

import difflib

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.urls import path
from django.utils.html import escape
from django.utils.safestring import mark_safe


def inline_diff(old: str, new: str) -> str:
    """HTML of new with insertions in <ins> and deletions in <del>, character by character."""
    out = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            out.append(escape(new[b1:b2]))
            continue
        if a2 > a1:
            out.append(f"<del>{escape(old[a1:a2])}</del>")
        if b2 > b1:
            out.append(f"<ins>{escape(new[b1:b2])}</ins>")
    return mark_safe("".join(out).replace("\n", "<br>"))  # noqa: S308 — every part escaped


class VersionCompareMixin:
    """Adds history/compare/?a=<history_id>&b=<history_id> (default: the last two versions),
    linked from the history page, where django-simple-history restores a chosen version."""

    object_history_template = "admin/archive/object_history.html"

    def get_urls(self):
        name = f"{self.model._meta.app_label}_{self.model._meta.model_name}_compare"
        extra = [
            path(
                "<path:object_id>/history/compare/",
                self.admin_site.admin_view(self.compare_view),
                name=name,
            )
        ]
        return extra + super().get_urls()

    def compare_view(self, request, object_id):
        obj = self.get_object(request, object_id)
        if obj is None:
            raise Http404("没有这条记录")
        if not self.has_view_permission(request, obj):
            raise PermissionDenied
        versions = list(obj.history.order_by("-history_date", "-history_id"))
        by_id = {str(v.history_id): v for v in versions}
        newer = by_id.get(request.GET.get("b", ""), versions[0] if versions else None)
        older = by_id.get(request.GET.get("a", ""), versions[1] if len(versions) > 1 else None)
        rows = []
        if newer is not None and older is not None:
            for field in self.model._meta.concrete_fields:
                before = getattr(older, field.attname, "")
                after = getattr(newer, field.attname, "")
                if before != after:
                    rows.append((field.verbose_name, inline_diff(str(before), str(after))))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "object": obj,
            "versions": versions,
            "older": older,
            "newer": newer,
            "rows": rows,
            "title": f"比较版本：{obj}",
        }
        return render(request, "admin/archive/compare_versions.html", context)
