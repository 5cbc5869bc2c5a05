"""Errors every search engine's backend raises in the same words."""


class IndexNeedsRebuild(RuntimeError):
    """The index on disk was written by another version of this code, or cannot be read.

    Readers report it; writers (the import, the index worker) rebuild the index.
    """

    def __init__(self, where: str, reason: str):
        super().__init__(
            f"搜索索引需要重建（{reason}）：请运行 python manage.py rebuild_index "
            f"(the search index at {where} needs rebuild_index: {reason})"
        )
