"""A reader's collections: list, one collection, its items, sharing, export and import.

Every change is a POST (CSRF-checked by the middleware) by the signed-in owner; another
reader's collection or item answers 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from archive.forms.collections import (
    CollectionForm,
    ImportForm,
    MoveForm,
    NoteForm,
    SaveArticleForm,
)
from archive.models import Article, Collection, CollectionItem
from archive.selectors import collections as selectors
from archive.services import collection_files as files
from archive.services import collections as services

UNMATCHED_SHOWN = 10  # titles named in the import message; the collection page lists them all
SHARING = {
    True: (services.share_collection, "已公开：持有链接的人都能看到这个收藏夹。"),
    False: (services.unshare_collection, "已停止公开：原来的链接不再有效。"),
}
EXPORTS = {
    "json": (files.export_json, "application/json; charset=utf-8"),
    "csv": (files.export_csv, "text/csv; charset=utf-8"),
}


def _own(request, pk: int) -> Collection:
    try:
        return selectors.collection_of(request.user, pk)
    except Collection.DoesNotExist as exc:
        raise Http404("没有这个收藏夹") from exc


def _own_item(request, pk: int) -> CollectionItem:
    try:
        return selectors.item_of(request.user, pk)
    except CollectionItem.DoesNotExist as exc:
        raise Http404("没有这篇收藏") from exc


def _list_page(request, *, form=None, import_form=None, status: int = 200) -> HttpResponse:
    context = {
        "collections": selectors.collections_of(request.user),
        "form": form or CollectionForm(owner=request.user),
        "import_form": import_form or ImportForm(),
        "max_items": services.MAX_ITEMS,
    }
    return render(request, "collections/list.html", context, status=status)


def _detail_page(request, collection: Collection, *, form=None, status: int = 200):
    context = {
        "collection": collection,
        "items": selectors.collection_items(collection),
        "form": form
        or CollectionForm(
            owner=request.user,
            collection=collection,
            initial={"name": collection.name, "description": collection.description},
        ),
        "share_url": request.build_absolute_uri(
            reverse("archive:collections:shared", args=[collection.share_token])
        ),
        "max_items": services.MAX_ITEMS,
    }
    return render(request, "collections/detail.html", context, status=status)


@login_required
def collection_list(request):
    return _list_page(request)


@login_required
@require_POST
def collection_create(request):
    form = CollectionForm(request.POST, owner=request.user)
    if not form.is_valid():
        return _list_page(request, form=form, status=400)
    collection = services.create_collection(owner=request.user, **form.cleaned_data)
    return redirect("archive:collections:detail", collection.pk)


@login_required
def collection_detail(request, pk: int):
    return _detail_page(request, _own(request, pk))


@login_required
@require_POST
def collection_edit(request, pk: int):
    collection = _own(request, pk)
    form = CollectionForm(request.POST, owner=request.user, collection=collection)
    if not form.is_valid():
        return _detail_page(request, collection, form=form, status=400)
    services.rename_collection(collection, **form.cleaned_data)
    messages.success(request, "已保存名称和说明。")
    return redirect("archive:collections:detail", pk)


@login_required
def collection_delete(request, pk: int):
    collection = _own(request, pk)
    if request.method == "POST":
        services.delete_collection(collection)
        messages.success(request, f"已删除收藏夹“{collection.name}”。")
        return redirect("archive:collections:list")
    return render(request, "collections/delete.html", {"collection": collection})


@login_required
@require_POST
def collection_sharing(request, pk: int, share: bool):
    change, message = SHARING[share]
    change(_own(request, pk))
    messages.success(request, message)
    return redirect("archive:collections:detail", pk)


@login_required
def collection_export(request, pk: int, fmt: str):
    if fmt not in EXPORTS:
        raise Http404("没有这种导出格式")
    collection = _own(request, pk)
    write, content_type = EXPORTS[fmt]
    items = selectors.collection_items(collection)
    body = write(collection, items, request.build_absolute_uri("/"))
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"{collection.name}.{fmt}"
    )
    return response


@login_required
@require_POST
def collection_import(request):
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return _list_page(request, import_form=form, status=400)
    report = files.import_collection(
        owner=request.user,
        data=form.cleaned_data["collection_file"],
        name=form.cleaned_data["name"],
    )
    messages.success(
        request,
        f"已导入收藏夹“{report.collection.name}”：按编号找到 {report.by_id} 篇，"
        f"按标题和日期找到 {report.by_title_date} 篇。",
    )
    if report.unmatched:
        shown = "、".join(f"《{r.title}》" for r in report.unmatched[:UNMATCHED_SHOWN])
        more = "等" if len(report.unmatched) > UNMATCHED_SHOWN else ""
        messages.warning(
            request,
            f"{len(report.unmatched)} 篇在本档案中未找到：{shown}{more}。"
            "它们的标题、日期和笔记已保留。",
        )
    return redirect("archive:collections:detail", report.collection.pk)


@login_required
@require_POST
def item_note(request, pk: int):
    item = _own_item(request, pk)
    form = NoteForm(request.POST)
    if form.is_valid():
        services.update_note(item, note=form.cleaned_data["note"])
        messages.success(request, f"已保存《{item.title}》的笔记。")
    else:
        messages.error(request, "笔记太长，未保存。")
    return redirect("archive:collections:detail", item.collection_id)


@login_required
@require_POST
def item_remove(request, pk: int):
    item = _own_item(request, pk)
    services.remove_item(item)
    messages.success(request, f"已从收藏夹中移除《{item.title}》。")
    return redirect("archive:collections:detail", item.collection_id)


@login_required
@require_POST
def item_move(request, pk: int):
    item = _own_item(request, pk)
    form = MoveForm(request.POST)
    if form.is_valid():
        services.move_item(item, offset=form.offset())
    return redirect(
        reverse("archive:collections:detail", args=[item.collection_id]) + f"#item-{item.pk}"
    )


@login_required
@require_POST
def save_article(request, article_pk: int):
    try:
        article = selectors.visible_article(article_pk)
    except Article.DoesNotExist as exc:
        raise Http404("没有这篇文章") from exc
    form = SaveArticleForm(request.POST, owner=request.user)
    if form.is_valid():
        data = form.cleaned_data
        collection = data["collection"]
        if data["new_name"]:
            collection = services.collection_named(owner=request.user, name=data["new_name"])
        try:
            services.add_article(collection, article, note=data["note"])
        except services.CollectionError as exc:
            form.add_error(None, str(exc))
        else:
            return redirect(article.get_absolute_url() + "?saved=1#collect")
    context = {"article": article, "form": form}
    return render(request, "collections/save_failed.html", context, status=400)


def shared_collection(request, token: str):
    try:
        collection = selectors.shared_collection(token)
    except Collection.DoesNotExist as exc:
        raise Http404("这个收藏夹不存在或已停止公开") from exc
    context = {"collection": collection, "items": selectors.collection_items(collection)}
    return render(request, "collections/shared.html", context)
