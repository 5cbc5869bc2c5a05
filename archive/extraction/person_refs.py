"""A family name and a title standing for a person the text names in full with that title
(国家主席江泽民 … 江主席, 王建国主任 … 王主任): news writes a leader's surname and office
after the first mention. Such a reference is filed under the full name, and only when the text
names exactly one person of that family name, with a role ending in that title: alone, 王主任
could be anyone, and 乌总统 is Ukraine's president, not 乌沙科夫 the president's aide."""

from __future__ import annotations

from .person_given import opens_name
from .person_spans import cuts_word
from .person_words import longest_starting_at, surnames, surnames_also_words, titles
from .types import PersonMention


def surname_refs(
    text: str, mentions: list[PersonMention], hidden: list[bool]
) -> list[PersonMention]:
    """Mentions of the references (one character long: the family name) with the role the
    person holds in the text."""
    roles: dict[str, dict[str, set[str]]] = {}  # family name → full name → its roles
    for m in mentions:
        if 2 <= m.end - m.start <= 3 and m.role and _chinese_surname(text[m.start]):
            roles.setdefault(text[m.start], {}).setdefault(m.name, set()).add(m.role)
    if not roles:
        return []
    starts = {m.start for m in mentions}
    used = {k for m in mentions for k in range(m.start, m.end)}
    best = {m.name: m.confidence for m in sorted(mentions, key=lambda m: m.confidence)}
    found: list[PersonMention] = []
    for char, named in roles.items():
        if len(named) != 1:
            continue  # two persons of that family name: either may be meant
        ((name, held),) = named.items()
        at = text.find(char)
        while at >= 0:
            title = _title_for(text, at, held, starts)
            if title and at not in used and not hidden[at]:
                # The role the text gave in full (国家主席, not 主席): one role, one row.
                role = max((r for r in held if r.endswith(title)), key=len)
                found.append(PersonMention(name, at, at + 1, role, "repeat", best[name]))
            at = text.find(char, at + 1)
    return found


def _title_for(text: str, at: int, held: set[str], starts: set[int]) -> str:
    """The title after the family name at ``at`` when it ends a role the person holds, no name
    follows it (乌总统泽连斯基) and the family name opens a name where it stands (not
    第31任总理, 出任总理, 国家杜|马主席); otherwise ""."""
    title = longest_starting_at(text, at + 1, titles())
    if not title or at + 1 + len(title) in starts or not any(r.endswith(title) for r in held):
        return ""
    if at and (text[at - 1].isdigit() or cuts_word(text, at - 1)):
        return ""
    return title if opens_name(text, at) else ""


def _chinese_surname(char: str) -> bool:
    return char in surnames() and char not in surnames_also_words()
