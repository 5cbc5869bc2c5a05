"""Records of the archive. Read logic lives in the QuerySets beside each model."""

from archive.models.articles import Article
from archive.models.events import Event, EventParticipant
from archive.models.indexing import PendingIndexUpdate
from archive.models.pages import ImportedFile, SourcePage, StaffCredit
from archive.models.people import Mention, Person, PersonAlias

__all__ = [
    "Article",
    "Event",
    "EventParticipant",
    "ImportedFile",
    "Mention",
    "PendingIndexUpdate",
    "Person",
    "PersonAlias",
    "SourcePage",
    "StaffCredit",
]
