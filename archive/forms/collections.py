"""What a reader sends to manage collections: names, notes, moves and import files."""

from __future__ import annotations

from django import forms
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError

from archive.models import Collection
from archive.selectors.collections import name_taken
from archive.services.collection_files import (
    MAX_UPLOAD_BYTES,
    TOO_BIG,
    CollectionFileError,
    read_collection_file,
)
from archive.services.collections import MAX_NOTE_CHARS, NAME_MAX_CHARS

NAME_TAKEN = "已有同名的收藏夹“%(name)s”。"


class CollectionForm(forms.Form):
    """A new collection, or a collection renamed (`collection` given)."""

    name = forms.CharField(label="名称", max_length=NAME_MAX_CHARS)
    description = forms.CharField(
        label="说明（选填）", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, owner: AbstractBaseUser, collection: Collection | None = None, **kw):
        super().__init__(*args, **kw)
        self.owner, self.collection = owner, collection

    def clean_name(self) -> str:
        name = self.cleaned_data["name"]
        other_than = self.collection.pk if self.collection else None
        if name_taken(self.owner, name, other_than=other_than):
            raise ValidationError(NAME_TAKEN, code="taken", params={"name": name})
        return name


class NoteField(forms.CharField):
    def __init__(self, **kw):
        super().__init__(
            label="笔记（选填）",
            required=False,
            max_length=MAX_NOTE_CHARS,
            widget=forms.Textarea(attrs={"rows": 3}),
            **kw,
        )


class SaveArticleForm(forms.Form):
    """Save an article into a new collection named here (a name the reader already uses
    means that collection) or else into the one chosen."""

    collection = forms.ModelChoiceField(
        label="收藏夹", queryset=Collection.objects.none(), required=False, empty_label="（新建）"
    )
    new_name = forms.CharField(label="新收藏夹名称", max_length=NAME_MAX_CHARS, required=False)
    note = NoteField()

    def __init__(self, *args, owner: AbstractBaseUser, **kw):
        super().__init__(*args, **kw)
        self.fields["collection"].queryset = Collection.objects.filter(owner=owner)

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("collection") and not data.get("new_name"):
            raise ValidationError("请选择收藏夹，或填写新收藏夹的名称。", code="no_collection")
        return data


class NoteForm(forms.Form):
    note = NoteField()


class MoveForm(forms.Form):
    OFFSETS = {"up": -1, "down": 1}

    direction = forms.ChoiceField(choices=[("up", "上移"), ("down", "下移")])

    def offset(self) -> int:
        return self.OFFSETS[self.cleaned_data["direction"]]


class ImportForm(forms.Form):
    """The file is read here; a file that cannot be imported is an error of this form, before
    anything is written."""

    file = forms.FileField(label="收藏夹文件（JSON 或 CSV）")
    name = forms.CharField(
        label="名称（选填，默认用文件中的名称）", max_length=NAME_MAX_CHARS, required=False
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        # Refused before it is read into memory.
        if upload.size > MAX_UPLOAD_BYTES:
            raise ValidationError(TOO_BIG, code="too_big")
        try:
            self.cleaned_data["collection_file"] = read_collection_file(upload.read(), upload.name)
        except CollectionFileError as exc:
            raise ValidationError(str(exc), code="unreadable") from None
        return upload
