"""Records of the archive. Read logic lives in the QuerySets beside each model."""

from archive.models.articles import Article
from archive.models.events import Event, EventParticipant
from archive.models.indexing import PendingIndexUpdate
from archive.models.pages import ImportedFile, SourcePage, StaffCredit
from archive.models.people import Mention, Person, PersonAlias
from archive.models.reports import ErrorReport, ReportKind, ReportStatus
from archive.models.saved import Collection, CollectionItem

__all__ = [
    "Article",
    "Collection",
    "CollectionItem",
    "ErrorReport",
    "Event",
    "EventParticipant",
    "ImportedFile",
    "Mention",
    "PendingIndexUpdate",
    "Person",
    "PersonAlias",
    "ReportKind",
    "ReportStatus",
    "SourcePage",
    "StaffCredit",
]
