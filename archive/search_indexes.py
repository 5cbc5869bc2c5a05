"""Haystack's view of an article: the one definition of the document the index holds.

The queue writer, update_index and rebuild_index all make documents through document(); the
field names are those of archive/search/fields.py.
"""

from haystack import indexes

from archive.models import Article
from archive.search import fields


class ArticleIndex(indexes.SearchIndex, indexes.Indexable):
    text = indexes.CharField(document=True)
    title = indexes.CharField(model_attr="title", boost=fields.TITLE_BOOST)
    published = indexes.IntegerField(null=True)
    persons = indexes.MultiValueField()
    page = indexes.IntegerField(null=True)

    # The article columns a document is made of (read in bulk by the indexer).
    source_fields = (
        "id",
        "kicker",
        "title",
        "deck",
        "body",
        "captions",
        "ocr_body",
        "published",
        "page",
    )

    def get_model(self):
        return Article

    def index_queryset(self, using=None):
        return Article.objects.visible()

    def document(self, row: dict, persons) -> dict:
        """The indexed document for one article's source_fields and its persons' names."""
        return fields.make_document(
            row["id"],
            title=row["title"],
            body=row["body"],
            kicker=row["kicker"],
            deck=row["deck"],
            published=row["published"],
            persons=persons,
            page=row["page"],
            captions=row["captions"],
            ocr_body=row["ocr_body"],
        )

    def prepare(self, obj):
        from archive.search.documents import persons_by_article

        row = {name: getattr(obj, name) for name in self.source_fields}
        self.prepared_data = self.document(row, persons_by_article([obj.pk]).get(obj.pk, []))
        return self.prepared_data
