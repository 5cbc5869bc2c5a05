"""A parsed query as Whoosh query objects: the cross-check for the engine's own matching.

The engine matches atoms from the postings directly (engine.py); tests compare it with what
Whoosh's searcher finds for these queries.
"""

from __future__ import annotations

from whoosh import query as wq

from archive.search.parser import Atom, ParsedQuery


def atom_query(atom: Atom, fieldname: str, boost: float = 1.0) -> wq.Query:
    """The exact Whoosh query: a term, or a phrase of terms at consecutive positions."""
    words = atom.words()
    if len(words) == 1:
        return wq.Term(fieldname, words[0], boost=boost)
    return wq.Phrase(fieldname, words, boost=boost)


def match_query(parsed: ParsedQuery, fieldname: str) -> wq.Query | None:
    if not parsed.must:
        return None
    return _and([_or([atom_query(a, fieldname) for a in group]) for group in parsed.must])


def exclude_query(parsed: ParsedQuery, fieldname: str) -> wq.Query | None:
    if not parsed.must_not:
        return None
    return _or([atom_query(a, fieldname) for a in parsed.must_not])


def _and(qs: list[wq.Query]) -> wq.Query:
    return qs[0] if len(qs) == 1 else wq.And(qs)


def _or(qs: list[wq.Query]) -> wq.Query:
    return qs[0] if len(qs) == 1 else wq.Or(qs)
