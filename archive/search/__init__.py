"""Exact Chinese search on Whoosh through Haystack."""
