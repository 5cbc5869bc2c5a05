"""A small, forgiving query language: what a reader typed → exact strings to find.

    乡村振兴 张三          both (AND)
    张三 OR 李四 / 张三|李四  either
    -王五 / NOT 王五       not
    "乡村 振兴"             the words in this order (spaces/punctuation between them ignored)

Each word is an Atom matched as an exact string (see text.py); no search engine here: the
Whoosh engine matches atoms straight from its postings (whoosh/engine.py). Anything odd — unbalanced quotes,
lone operators, control characters, very long input — gives a sensible query and, where the
query was not taken as written, a message; parsing never raises.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from archive.search.text import normalize, runs

MAX_QUERY_CHARS = 200
MAX_ATOMS = 24
_QUOTES = '"“”„‟「」『』〝〞＂'
_TOKEN_RE = re.compile(rf"[{_QUOTES}]([^{_QUOTES}]*)(?:[{_QUOTES}]|$)|(\S+)")


@dataclass(frozen=True)
class Atom:
    """One string to find: its units grouped into runs (a break between runs is ignored)."""

    runs: tuple[tuple[str, ...], ...]

    @property
    def needles(self) -> list[str]:
        return ["".join(r) for r in self.runs]

    def words(self) -> list[str]:
        """Terms at consecutive positions that together spell this atom (see analyzer.py)."""
        units = [u for r in self.runs for u in r]
        if len(units) == 1:
            return units
        if len(self.runs) == 1 and len(units) == 2:
            return [units[0] + units[1]]
        # One term per position: the bigram starting there when the run goes on, else the
        # unit itself (it sits at the same position). A trailing unigram adds nothing.
        words = []
        for r_i, run in enumerate(self.runs):
            for i, unit in enumerate(run):
                if i + 1 < len(run):
                    words.append(unit + run[i + 1])
                elif not (r_i == len(self.runs) - 1 and len(run) > 1):
                    words.append(unit)
        return words


@dataclass
class ParsedQuery:
    must: list[list[Atom]] = field(default_factory=list)  # AND of (OR of atoms)
    must_not: list[Atom] = field(default_factory=list)
    error: str = ""
    empty_input: bool = True

    @property
    def is_empty(self) -> bool:
        return not self.must and not self.must_not

    @property
    def needles(self) -> list[str]:
        """Normalised strings to mark in snippets, longest first."""
        found = {n for group in self.must for atom in group for n in atom.needles}
        return sorted(found, key=lambda s: (-len(s), s))


def phrase(text: str) -> Atom | None:
    """The exact string to find for text (units in order; breaks between runs ignored)."""
    grouped = runs(normalize(text))
    return Atom(tuple(tuple(r) for r in grouped)) if grouped else None


def parse(raw: str) -> ParsedQuery:
    """Parse what a reader typed. Never raises; ParsedQuery.error says what was changed."""
    text = unicodedata.normalize("NFKC", raw or "")
    # Control and format characters become spaces (they can only be noise in a query).
    text = "".join(" " if unicodedata.category(c)[0] == "C" else c for c in text).strip()
    if text.strip("*") == "":  # "*" means everything, like an empty query
        text = ""
    result = ParsedQuery(empty_input=not text)
    notes = []
    if len(text) > MAX_QUERY_CHARS:
        text = text[:MAX_QUERY_CHARS]
        notes.append(f"检索词过长，只使用了前 {MAX_QUERY_CHARS} 个字符。")

    pending_or = False
    negate_next = False
    atoms = 0
    for m in _TOKEN_RE.finditer(text):
        quoted, word = m.group(1), m.group(2)
        if quoted is None:
            if word in ("OR", "|", "||"):
                pending_or = bool(result.must)
                continue
            if word in ("AND", "&", "&&", "+"):
                continue
            if word == "NOT":
                negate_next = True
                continue
            negate = negate_next
            while word[:1] in ("-", "!"):
                negate, word = True, word[1:]
            word = word.lstrip("+")
            # "a|b" written without spaces is still an OR.
            parts = [p for p in word.split("|") if p] if "|" in word else [word]
        else:
            negate, parts = negate_next, [quoted]
        negate_next = False
        found = [a for a in (phrase(p) for p in parts) if a]
        if not found:
            pending_or = False
            continue
        if atoms + len(found) > MAX_ATOMS:
            notes.append(f"检索词过多，只使用了前 {MAX_ATOMS} 个。")
            break
        atoms += len(found)
        if negate:
            result.must_not.extend(found)
        elif pending_or:
            result.must[-1].extend(found)
        else:
            result.must.append(found)
        pending_or = False

    if text and result.is_empty:
        notes.append("检索词中没有可检索的文字或数字。")
    result.error = " ".join(dict.fromkeys(notes))
    return result
