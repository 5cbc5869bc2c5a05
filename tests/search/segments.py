"""An index of several segments with deletions, for tests that read postings across them."""

from archive.search.fields import make_document
from archive.search.whoosh.bulk import BulkWriter
from archive.search.whoosh.engine import SearchCore, open_index


def segmented_core(path: str, batches: list[dict[int, dict]], deleted) -> SearchCore:
    """One segment per batch (pk → make_document's fields), no merging; then `deleted` pks
    removed in a commit of their own."""
    ix = open_index(path)
    for batch in batches:
        writer = BulkWriter(ix)
        for pk, fields in batch.items():
            writer.add_document(**make_document(pk, **fields))
        writer.commit(merge=False)
    writer = BulkWriter(ix)
    for pk in deleted:
        writer.delete_by_term("id", f"archive.article.{pk}")
    writer.commit(merge=False)
    return SearchCore(path)
