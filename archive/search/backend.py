"""Placeholder; replaced by the exact Chinese backend."""

from haystack.backends.whoosh_backend import WhooshEngine


class ChineseWhooshEngine(WhooshEngine):
    pass
