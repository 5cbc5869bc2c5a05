"""Haystack's stock Whoosh backend with jieba's ChineseAnalyzer: the usual Chinese set-up.

Only for comparison (eval_search --using jieba, see settings.py): its text fields are cut into
jieba words, and a query's words are ANDed, so it finds articles that hold the words apart.
"""

from haystack.backends.whoosh_backend import WhooshEngine, WhooshSearchBackend
from jieba.analyse import ChineseAnalyzer
from whoosh.fields import TEXT


class JiebaWhooshSearchBackend(WhooshSearchBackend):
    def build_schema(self, fields):
        content_field_name, schema = super().build_schema(fields)
        for _, field in schema.items():
            if isinstance(field, TEXT):
                field.analyzer = ChineseAnalyzer()
        return content_field_name, schema


class JiebaWhooshEngine(WhooshEngine):
    backend = JiebaWhooshSearchBackend
