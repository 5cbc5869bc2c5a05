"""Readers' collections, under /collections/ (namespace archive:collections)."""

from django.urls import path

from archive.views import collections as views

app_name = "collections"

urlpatterns = [
    path("", views.collection_list, name="list"),
    path("new/", views.collection_create, name="create"),
    path("import/", views.collection_import, name="import"),
    path("<int:pk>/", views.collection_detail, name="detail"),
    path("<int:pk>/edit/", views.collection_edit, name="edit"),
    path("<int:pk>/delete/", views.collection_delete, name="delete"),
    path("<int:pk>/share/", views.collection_sharing, {"share": True}, name="share"),
    path("<int:pk>/unshare/", views.collection_sharing, {"share": False}, name="unshare"),
    path("<int:pk>/export.<str:fmt>", views.collection_export, name="export"),
    path("items/<int:pk>/note/", views.item_note, name="item_note"),
    path("items/<int:pk>/remove/", views.item_remove, name="item_remove"),
    path("items/<int:pk>/move/", views.item_move, name="item_move"),
    path("save/<int:article_pk>/", views.save_article, name="save"),
    path("shared/<str:token>/", views.shared_collection, name="shared"),
]
