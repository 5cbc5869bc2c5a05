"""Haystack's view of an article; the documents themselves come from archive.search.schema."""

from haystack import indexes

from archive.models import Article
from archive.search import schema
from archive.search.indexer import persons_by_article


class ArticleIndex(indexes.SearchIndex, indexes.Indexable):
    text = indexes.CharField(document=True)
    title = indexes.CharField(model_attr="title", boost=schema.TITLE_BOOST)
    published = indexes.IntegerField(null=True)
    persons = indexes.MultiValueField()
    page = indexes.IntegerField(null=True)

    def get_model(self):
        return Article

    def index_queryset(self, using=None):
        return Article.objects.published()

    def prepare(self, obj):
        # Same document as the queue writer and build_index produce.
        names = persons_by_article([obj.pk]).get(obj.pk, [])
        doc = schema.make_document(
            obj.pk,
            title=obj.title,
            body=obj.body,
            kicker=obj.kicker,
            deck=obj.deck,
            published=obj.published,
            persons=names,
            page=obj.page,
        )
        self.prepared_data = doc
        return doc
