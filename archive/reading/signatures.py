"""Who signed a text that arrives without its page: the byline lines, dateline and end signature
an article's body carries when it comes as one JSON line (■本报记者 X, 本报讯（记者 X）…,
新华社北京4月16日电（记者 X）…, …（记者 X）), read by the page reader's own rules."""

from __future__ import annotations

from dataclasses import dataclass, field

from archive.extraction.types import BylineName

from .bylines import is_byline, parse_byline
from .leads import end_byline, read_dateline

# Byline lines stand above the lead (at most a reporters' and a photographers' line) or last.
LEADING_BYLINES = 2
LEAD_PARAGRAPHS = 2  # a lead may follow one paragraph of context (as ArticleDraft.lead)


@dataclass
class Signed:
    paragraphs: list[str]  # the text without its byline lines and end signature
    bylines: list[BylineName] = field(default_factory=list)
    agency: str = ""
    place: str = ""

    def add(self, names: list[BylineName]) -> None:
        known = {(b.name, b.kind) for b in self.bylines}
        self.bylines += [b for b in names if (b.name, b.kind) not in known]


def read_signatures(paragraphs: list[str]) -> Signed:
    """The body's signatures taken out of it: byline lines above the text and below it, the
    signature ending its last paragraph, and the reporters, agency and place of its dateline
    (the dateline stays in the lead, as on a page)."""
    rest = list(paragraphs)
    signed = Signed(rest)
    for _ in range(LEADING_BYLINES):
        if len(rest) > 1 and is_byline(rest[0]):
            signed.add(parse_byline(rest.pop(0)))
    if len(rest) > 1 and is_byline(rest[-1]):
        signed.add(parse_byline(rest.pop()))
    if rest:
        text, names = end_byline(rest[-1])
        if names:
            signed.add(names)
            if text:
                rest[-1] = text
            elif len(rest) > 1:
                rest.pop()
    for paragraph in rest[:LEAD_PARAGRAPHS]:
        dateline = read_dateline(paragraph)
        if dateline:
            signed.agency, signed.place = dateline.agency, dateline.place
            signed.add(list(dateline.bylines))
            break
    return signed
