"""Score candidate spans and pick the non-overlapping ones that are names.

Three ways a span is picked, strongest first:
* chain: CHAIN_MIN or more name-like spans written back to back (a 名单 whose separating
  spaces were lost) support one another;
* score: the scorer's probability reaches the threshold, or BARE when no title or verb
  stands next to the span (a bare string needs to look like a name on its own);
* title: a title is written right before (or after: 院士, 总书记, a doctrine) the span, a
  name can end there, and it is the best reading at that place. Then a low probability is
  enough, and even a string jieba knows as a noun or place is taken (党委书记 + a name that
  is also a word); verbs and adverbs never are (市长应邀出席). Where the word lists know
  nothing after the span, a verb, conjunction or preposition jieba knows will do
  (主任X谈, 部长X及夫人: ``_titled_open``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

from .person_dict import WORD_LONGEST, char_tags, word_codes
from .person_features import (
    DOTS,
    TIME_CLAUSE_ENDS,
    features,
    is_han,
    isolated,
    verb_with_aspect,
)
from .person_model import load_model, probability
from .person_scorer import NOUNISH, TITLED, VERB, scorer
from .person_words import (
    adverbs,
    common_words,
    foreign_places,
    given_first_only,
    listed_reach,
    longest_ending_at,
    longest_starting_at,
    place_heads,
    place_suffixes,
    surnames_also_words,
    titles,
    titles_after,
    translit_chars,
    translit_dotted_chars,
    verbs,
)

CHAIN_BONUS = 2.0  # log-odds added to each member of a back-to-back run of names
CHAIN_MIN = 5  # members needed before a run counts as a list
BARE = 0.5  # probability a name needs with no title or verb next to it
TITLE_FLOOR = 0.05  # probability enough right after a title
# jieba frequency buckets (person_dict) from which a word after a title is read as a word:
# any word (方法 n4), or one that is no noun with a verb after it (郑重 x2)
COMMONEST_FROM = "4"
ADVERB_FROM = "2"
OPEN_FLOOR = 0.01  # probability enough after a title when an open word follows (_titled_open)
PLACE_CHECK = 0.0005  # below this a span is never taken, so it is not checked for places
SURE = 0.9  # a span this likely is kept even when it is a piece of a longer word
_LOCALIZERS = set("中上下里内外前后间旁边")  # 方位词: after a noun they mean in, on, under …
HOME = "家"  # after a name: the person's home (_past_the_name)
# 于 before a time is the preposition (X于2019年创业, X于今年退休); 张茂于同志 keeps it.
_AT = "于"
_TIME_STARTS = set("0123456789０１２３４５６７８９一二三四五六七八九十今去明昨前本当次上")


@dataclass(slots=True)
class Span:
    start: int
    end: int
    p: float
    how: str = ""  # chain | joined | filler | score | title | given | list | known | repeat
    clean: bool = True  # a name can end here (punctuation, verb, title … follows)
    sur: int = 1  # surname length; 0 for a foreign name
    ctx: int = 0  # person_scorer.TITLED | VERB | LISTED

    @property
    def titled(self) -> bool:
        return bool(self.ctx & TITLED)


def score_all(text: str, hidden: list[bool]) -> list[Span]:
    """Every candidate span outside ``hidden`` with its probability and context, except
    pieces of listed foreign places (塞尔维亚 总统, 委内瑞拉) and foreign runs that hold one."""
    places = foreign_places()
    reach: dict[int, int] = {}  # per start, where the place covering it ends
    spans = []

    def reach_of(at: int) -> int:
        if at not in reach:
            reach[at] = listed_reach(text, at, places)
        return reach[at]

    for s, e, sur, p, c, t in scorer().score(text, hidden):
        if p >= PLACE_CHECK:
            covered = reach_of(s)  # a place covering s-1 past s covers s too: look only then
            if covered >= e or (covered > s and s and reach_of(s - 1) > s):
                continue  # inside a listed place, or starting inside one (津巴布|韦众议长)
            if not sur and _holds_place(text, s, e, places):
                continue  # a foreign run ending in a listed place (张仓|吉阿卡普尔科)
        span = Span(s, e, p, "", c, sur, t)
        if not (
            _common_word(text, span) or text[s + sur : e] in ADDRESS or _past_the_name(text, span)
        ):
            spans.append(span)
    return spans


def _past_the_name(text: str, span: Span) -> bool:
    """A two-character given name that reads past the name: ending in a verb that 着 follows
    (陈静笑|着说, 罗成带|着孩子) or in the first character of an adverb (王芳正|在调试, 李强一|直
    记得), or in the 时 of a clause of time a comma closes (会见X总统Y时，) or the 于 before a
    time (X于2019年), or in 家, mostly someone's home (来到李明家, 王伟家的房子) unless a title
    vouches for the longer name (运动员纪立家)."""
    if not span.sur or span.end - span.start - span.sur != 2:
        return False
    if verb_with_aspect(text, span.end - 1) or longest_starting_at(text, span.end - 1, adverbs()):
        return True
    if text[span.end - 1 : span.end + 1] in TIME_CLAUSE_ENDS:
        return True
    if text[span.end - 1] == _AT and text[span.end : span.end + 1] in _TIME_STARTS:
        return True
    return text[span.end - 1] == HOME and not span.titled


PLACE_INSIDE = 3  # characters of a listed place that, inside a foreign run, make it no name


def _holds_place(text: str, start: int, end: int, places: frozenset[str]) -> bool:
    """An undotted foreign run holds a listed place of PLACE_INSIDE characters or more after
    its first character (a ·-joined name may hold one: 丹泽尔·华盛顿), or is one and a
    character more (卡塔尔|约在10天前)."""
    if any(dot in text[start:end] for dot in DOTS):
        return False
    if len(longest_starting_at(text, start, places)) >= max(PLACE_INSIDE, end - start - 1):
        return True
    return any(
        len(place) >= PLACE_INSIDE and at + len(place) <= end
        for at in range(start + 1, end - PLACE_INSIDE + 1)
        if (place := longest_starting_at(text, at, places))
    )


def _common_word(text: str, span: Span) -> bool:
    """A word jieba calls a name but that is a common word (贺词) is a name only with a title
    before it and a verb after (市长高峰出席); led by one, a longer span is that word and a
    place word (贺词|中说), not a name (张家辉)."""
    if text[span.start : span.start + 2] not in common_words():
        return False
    if span.end - span.start > 2:
        return text[span.end - 1] in _LOCALIZERS
    return not (span.titled and span.ctx & VERB)


def select(text: str, spans: list[Span], threshold: float) -> list[Span]:
    """Chains first, then the likeliest spans down to the threshold, without overlaps."""
    taken = _chains(text, spans)
    used = {k for s in taken for k in range(s.start, s.end)}
    titled = [s for s in spans if s.titled]
    best_at = _best_clean_per_start(text, titled)
    hopeful = [s for s in spans if s.p >= threshold or s.titled]
    for span in sorted(hopeful, key=lambda s: -s.p):
        if any(k in used for k in range(span.start, span.end)):
            continue
        if not plausible(text, span):
            continue
        bare = not span.ctx & (TITLED | VERB)
        if span.p >= (max(threshold, BARE) if bare else threshold):
            if bare and (_everyday(text, span) or _function_led(text, span)):
                continue
            if not span.titled and (_side(text, span) or _place_named(text, span)):
                continue
            span.how = "score"
        elif best_at.get(span.start) is span and _title_ok(text, span):
            span.how = "title"
        else:
            continue
        taken.append(span)
        used.update(range(span.start, span.end))
    taken += _titled_open(text, spans, used)
    return sorted(taken, key=lambda s: s.start)


def _titled_open(text: str, spans: list[Span], used: set[int]) -> list[Span]:
    """A title right before a surname-led span (or a foreign name joined by ·, whose parts
    say where it ends) whose right edge the word lists do not know (主任X谈, 部长X及夫人,
    总理X应邀, 主席迪亚斯-卡内尔发来): the span is a name when a verb, conjunction or
    preposition starts right after it. Of the 2- and 3-character readings, the one after
    which such a word starts wins (the likelier when both do)."""
    by_start: dict[int, list[Span]] = {}
    for span in spans:
        if span.clean or not span.titled or span.p < OPEN_FLOOR:
            continue
        if span.sur or any(dot in text[span.start : span.end] for dot in DOTS):
            by_start.setdefault(span.start, []).append(span)
    taken: list[Span] = []
    for start, options in by_start.items():
        if text[start] in surnames_also_words() or start in used:
            continue
        if not longest_ending_at(text, start, titles()):
            continue
        options = [s for s in options if _after_a_title(text, s)]
        # A foreign name needs a common word of two characters after it, a verb or an adverb:
        # one character may be its next part (克劳德·阿|兴 is cut short; 迪亚斯-卡内尔|发来,
        # 查尔斯·库什纳|直接 are not).
        good = [
            s for s in options if (opens_clause(text, s.end) if s.sur else _word_after(text, s.end))
        ]
        if not good:
            continue
        span = max(good, key=lambda s: s.p)
        if any(k in used for k in range(span.start, span.end)):
            continue
        if inside_word(text, span.start, span.end) or text[start + span.sur : span.end] in _POLITE:
            continue
        if word_codes().get(text[span.start : span.end], "r")[0] not in "rt":
            continue  # a word jieba knows that is no name (局长高峰论坛)
        span.how = "title"
        taken.append(span)
        used.update(range(span.start, span.end))
    return taken


def _word_after(text: str, end: int) -> bool:
    """A common verb, adverb or other word that is no noun or name starts at ``end``."""
    code = word_codes().get(text[end : end + 2], "-0")
    return code[0] in "vx" and code[1] >= "2"


_POLITE = {"先生", "小姐", "女士", "夫人", "老师", "师傅", "阿姨", "大爷", "大妈", "同志"}
# A surname and one of these is a way of addressing someone, not a name (姚先生, 方总, 王某).
ADDRESS = _POLITE | {"太太", "大娘", "大姐", "大哥", "大师", "总", "老", "某", "某某"}
_OPENING_TAGS = {"v", "c", "p", "d"}


def opens_clause(text: str, at: int) -> bool:
    """A verb starts at ``at`` (a 2-character word jieba knows), or a single-character verb,
    conjunction, preposition or adverb that starts no 2-character word."""
    code = word_codes().get(text[at : at + 2])
    if code:
        return code[0] == "v"
    return char_tags().get(text[at : at + 1], "x") in _OPENING_TAGS


def nounish(name: str) -> bool:
    return word_codes().get(name, "-")[0] in NOUNISH


def inside_word(text: str, start: int, end: int) -> bool:
    """The span is the head or the tail of a longer dictionary word that is not a person's
    name (俄|罗斯 总统, 张家|口)."""
    codes = word_codes()
    for a, b in ((start - 1, end), (start - 2, end), (start, end + 1), (start, end + 2)):
        if a >= 0 and b <= len(text) and codes.get(text[a:b], "r")[0] not in "rt":
            return True
    return False


def plausible(text: str, span: Span) -> bool:
    """Not a place or organisation jieba knows (塞尔维亚 总统), unless a title stands before
    it; not one part of a ·-joined name; not a measure word and what it counts (86张赌桌); not
    after a word for a kind of place (小镇萨利马); not a piece of a longer word (委|内瑞拉) unless the scorer is sure; not ending inside a title
    written after it (苏林|总书记, 布鲁|赫海军|上将); not a surname doubled with no title
    beside it (殷殷嘱托)."""
    if word_codes().get(text[span.start : span.end], "-")[0] in "so":
        return bool(longest_ending_at(text, span.start, titles()))
    if joined_part(text, span.start, span.end) or counted(text, span.start):
        return False
    if span.sur == 1 and text[span.start] in surnames_also_words() and _led_by_word(text, span):
        return False
    if longest_ending_at(text, span.start, place_heads()):
        return False  # 小镇|萨利马: the name of a place
    if _title_inside(text, span):
        return False
    doubled = span.end - span.start == 2 and text[span.start] == text[span.start + 1]
    if span.sur == 1 and doubled and not span.titled:
        return False
    return span.p >= SURE or not inside_word(text, span.start, span.end)


def _led_by_word(text: str, span: Span) -> bool:
    """A family name that is mostly a word of its own (全, 应, 和, 向, 于) starts a word jieba
    knows that is no name (全票, 应急; 向东 is one) or is followed by a place (应|泰国总理,
    向|印尼, 于|美东); a conjunction (和) is followed by any other word or a foreign run
    (和|嘉宾, 和|塞西总统), and so is a preposition, but not right after a title (大使于纳尔)."""
    codes = word_codes()
    if codes.get(text[span.start : span.end], "r")[0] not in "rt":
        return True
    rest = text[span.start + 1 : span.end]
    head = codes.get(rest[:2], "-")[0] if len(rest) > 1 else "-"
    if head == "s":
        return True
    tag = char_tags().get(text[span.start], "x")[0]
    if tag not in "cp":
        return False
    foreign = len(rest) > 1 and all(c in translit_chars() for c in rest)
    after_title = bool(longest_ending_at(text, span.start, titles()))
    return head not in "-rt" or foreign and (tag == "c" or not after_title)


_NUMERALS = set("0123456789０１２３４５６７８９一二三四五六七八九十百千万两几数多")


def counted(text: str, start: int) -> bool:
    """The span starts with a measure word after a number (86|张赌桌, 三|位老人): a family name
    that is also a measure word is one there."""
    return bool(start) and text[start - 1] in _NUMERALS and char_tags().get(text[start]) == "q"


def joined_part(text: str, start: int, end: int) -> bool:
    """The span is one part of a ·-joined name (鲁斯兰|·久巴, 马茨|·永奎斯特): only the whole
    name is a name."""
    after = text[end : end + 2]
    before = text[max(0, start - 2) : start]
    return (len(after) == 2 and after[0] in DOTS and is_han(after[1])) or (
        len(before) == 2 and before[1] in DOTS and is_han(before[0])
    )


def _function_led(text: str, span: Span) -> bool:
    """The given name begins with a function word (李在明, 潘从明; but 加方|在华投资): bare, with
    no title or verb beside it, the span is more likely that word than a name."""
    return bool(span.sur) and text[span.start + span.sur] in given_first_only()


# A place's or an office's level, written after its name (梁赞州, 清河县, 国家林草局): a span taken
# on its score, with no title beside it, that ends in one is that place or office.
DIVISIONS = set("州省市县区镇乡局厅署")


def _place_named(text: str, span: Span) -> bool:
    return text[span.end - 1] in DIVISIONS


# A text that speaks of sides (中方, 双方) calls a country by its first character and 方: 马方愿,
# 巴方进一步, 支持毛方走… are sides, not persons with the given name 方….
SIDES_RE = re.compile("中方|双方|各方")


def _side(text: str, span: Span) -> bool:
    return span.sur == 1 and text[span.start + 1] == "方" and bool(SIDES_RE.search(text))


def _everyday(text: str, span: Span) -> bool:
    """The given part of a bare span is a word of every day (将于|明天, 于|今天; after a
    two-character family name any common word: 高市|政权): without a title or a verb beside
    it, such a span is no name."""
    code = word_codes().get(text[span.start + span.sur : span.end], "-0")
    if span.end - span.start - span.sur != 2 or code[1] < "3":
        return False
    return code[0] == "x" or (span.sur == 2 and code[0] not in "rt")


def given_is_verb(text: str, start: int, end: int) -> bool:
    """The given part of a span (two characters) is a common verb or untagged word jieba knows
    (劳作, 表示, 工作; not a rare one: 笃志)."""
    code = word_codes().get(text[start:end], "-0")
    return end - start == 2 and code[0] in "vx" and code[1] >= "2"


def cuts_word(text: str, at: int) -> bool:
    """The two characters text[at:at+2] (across an edge of a span) are a common word."""
    code = word_codes().get(text[at : at + 2], "r0") if at >= 0 else "r0"
    return code[0] not in "rt" and code[1] >= "2"


# Conjunctions that join a name to what follows (主席X和夫人, 部长X与代表团); a word other
# than a verb they would end with the name's last character (平和) is no word there when they
# stand alone. A verb is (工人党|参与).
NAME_JOINERS = set("和与同及")
# Words that lead to the person one speaks to or of, before a name or a title (对普京总统的问候,
# 曾向总书记汇报).
ADDRESSING = set("对同和与向跟")


def _joined_on(text: str, end: int) -> bool:
    """A conjunction stands alone right after ``end`` (X平|和|夫人, not X平|和蔼), and ends
    no verb begun inside the span."""
    codes = word_codes()
    return (
        text[end : end + 1] in NAME_JOINERS
        and text[end : end + 2] not in codes
        and codes.get(text[end - 1 : end + 1], "-")[0] != "v"
    )


def _title_ok(text: str, span: Span) -> bool:
    """The edge away from the title must not cut a common word (主|席同 总统), and the span
    must not start with a surname that is mostly a preposition (主席和|拜登总统) unless a verb
    follows (书记向东主持)."""
    name = text[span.start : span.end]
    if text[span.start] in surnames_also_words() and not span.ctx & VERB:
        return False
    if span.sur == 2 and given_is_verb(text, span.start + 2, span.end):
        return False  # 村民田中|劳作: a family name that is also a word, then a verb
    if inside_word(text, span.start, span.end):
        return False
    if longest_ending_at(text, span.start, titles()):
        if not _after_a_title(text, span):
            return False
        if cuts_word(text, span.end - 1) and not _joined_on(text, span.end):
            return False
        if _word_after_title(text, span):
            return False
        return span.p >= TITLE_FLOOR or nounish(name)
    if longest_starting_at(text, span.end, titles_after()):
        if cuts_word(text, span.start - 1) or name[-1] in ADDRESSING:
            return False  # X曾向|总书记汇报: the preposition leads to the title
        if _foreign_run_before(text, span.start):
            return False  # the end of a foreign name (卢卡|申科总统, 佩泽希|齐扬总统)
        return span.p >= TITLE_FLOOR or word_codes().get(name, "-")[0] in "rt"
    return False


def _foreign_run_before(text: str, start: int) -> bool:
    """The two characters before ``start`` are transliteration characters that jieba knows as
    no word, or as a name or place (卢卡): a foreign name runs on into the span."""
    run = translit_chars() + translit_dotted_chars()
    before = text[max(0, start - 2) : start]
    named = word_codes().get(before, "r")[0] in "rtsz"
    return len(before) == 2 and all(c in run for c in before) and named


def _word_after_title(text: str, span: Span) -> bool:
    """A two-character span that is a common word other than a name: one of the commonest
    (领导|方法), or a word of another kind than nouns with a verb after it (郑重, 严肃, 马上:
    总书记郑重宣布): the word, not a name the title vouches for."""
    code = word_codes().get(text[span.start : span.end], "r")
    if span.end - span.start != 2 or code[0] in "rt":
        return False
    if code[1:] >= COMMONEST_FROM:
        return True
    verb_after = bool(longest_starting_at(text, span.end, verbs()))
    return code[0] in "xv" and code[1:] >= ADVERB_FROM and verb_after


def _after_a_title(text: str, span: Span) -> bool:
    """The title before the span is one: it is not the head of a longer word running into the
    span (居民|楼坍塌), and the span does not end on a word places end on (区长|安小区)."""
    title = longest_ending_at(text, span.start, titles())
    begin = span.start - len(title)
    codes = word_codes()
    for size in range(len(title) + 1, min(WORD_LONGEST, span.end - begin) + 1):
        if codes.get(text[begin : begin + size], "r")[0] not in "rt":
            return False
    return len(longest_ending_at(text, span.end, place_suffixes())) < 2


def _title_inside(text: str, span: Span) -> bool:
    """A title written after a name starts inside the span (苏林|总书记, 赫|海军上将)."""
    return any(
        len(longest_starting_at(text, at, titles_after())) > span.end - at
        for at in range(span.start + 1, span.end)
    )


def _best_clean_per_start(text: str, spans: list[Span]) -> dict[int, Span]:
    """Per start, the likeliest span that ends where a name can end, holds the start of no
    title written after it (和苏林总|书记) and whose last character starts no listed verb
    (总督艾伦|致慰问电)."""
    best: dict[int, Span] = {}
    for span in spans:
        if not span.clean or len(longest_starting_at(text, span.end - 1, verbs())) > 1:
            continue
        if _title_inside(text, span):
            continue
        if span.start not in best or span.p > best[span.start].p:
            best[span.start] = span
    return best


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def _chains(text: str, spans: list[Span]) -> list[Span]:
    """Runs of at least CHAIN_MIN names, each ending where the next starts (best by DP).

    In a run the neighbours are other names, so each span is judged on its own string
    (``isolated``) rather than with its context. Where such a run is found (a 名单), it may
    go on through ·-joined names (司马义·艾买提) and, between two names, one piece no rule
    reads as a name (热地, 丹增), taken at a small cost, a few per run: in a 名单 everything is
    a name, in running text a piece between weak names is not.
    """
    runnable = _in_runs(text, spans)
    if not runnable:
        return []
    notes = _notes(text)
    cores = [r for r in _runs(_members(text, runnable), {}, notes) if not _foreign_word(text, r)]
    if not cores:
        return []
    members = _members(text, spans)
    fillers = _widen(text, members, notes)
    core_at = {k for run in cores for s in run for k in range(s.start, s.end)}
    taken: list[Span] = []
    for run in _runs(members, fillers, notes):
        fills = sum(1 for s in run if s.how == "filler")
        if (
            any(k in core_at for s in run for k in range(s.start, s.end))
            and fills * FILLS_PER_NAME <= len(run) - fills
            and not _foreign_word(text, run)
        ):
            taken.extend(run)
    used = {k for s in taken for k in range(s.start, s.end)}
    taken += [s for run in cores for s in run if not any(k in used for k in range(s.start, s.end))]
    for span in taken:
        span.how = "chain"
    return sorted(taken, key=lambda s: s.start)


Options = dict[int, list[tuple[float, Span]]]  # per start: (gain, span) readings


def _members(text: str, spans: list[Span]) -> Options:
    """The spans whose own string, with the list's bonus, looks more like a name than not."""
    weights, _ = load_model()
    members: Options = {}
    for span in spans:
        if not span.sur and any(dot in text[span.start : span.end] for dot in _LIST_DOTS):
            continue  # read by _pieces, which knows where a list's next name may start
        alone, cand = isolated(text, (span.start, span.end, span.sur))
        gain = _logit(probability(weights, features(alone, cand))) + CHAIN_BONUS
        if gain > 0:
            members.setdefault(span.start, []).append((gain, span))
    return members


def _widen(text: str, members: Options, notes: dict[int, int]) -> Options:
    """Add the ·-joined names that may follow a member to ``members``; return the fillers
    (pieces no rule reads as a name) that may."""
    fillers: Options = {}
    ahead = [notes.get(s.end, s.end) for options in members.values() for _, s in options]
    seen: set[int] = set()
    while ahead:
        at = ahead.pop()
        if at in seen:
            continue
        seen.add(at)
        for gain, span in _pieces(text, at):
            (members if gain > 0 else fillers).setdefault(at, []).append((gain, span))
            if span.sur == 0:
                ahead.append(notes.get(span.end, span.end))
    return fillers


def _runs(members: Options, fillers: Options, notes: dict[int, int]) -> list[list[Span]]:
    """The best runs (greedy from the left) of at least CHAIN_MIN names, a filler never first,
    last or next to another."""
    # per start: (gain, spans, names) of the best run starting there with a name / a filler
    named: dict[int, tuple[float, list[Span], int]] = {}
    filled: dict[int, tuple[float, list[Span], int]] = {}
    for start in sorted(set(members) | set(fillers), reverse=True):
        options = []
        for gain, span in members.get(start, ()):
            after = notes.get(span.end, span.end)
            tails = [t for t in (named.get(after), filled.get(after)) if t and t[0] > 0]
            tail = max(tails, key=lambda t: t[0]) if tails else (0.0, [], 0)
            counted = span.how != "joined"  # a ·-joined name bridges a run, it cannot make one
            options.append((gain + tail[0], [span, *tail[1]], counted + tail[2]))
        if options:
            named[start] = max(options, key=lambda o: o[0])
        options = []
        for gain, span in fillers.get(start, ()):
            tail = named.get(notes.get(span.end, span.end))
            if tail:
                options.append((gain + tail[0], [span, *tail[1]], tail[2]))
        if options:
            filled[start] = max(options, key=lambda o: o[0])
    runs: list[list[Span]] = []
    pos = 0
    for start in sorted(named):
        _, run, count = named[start]
        if start >= pos and count >= CHAIN_MIN:
            runs.append(run)
            pos = run[-1].end
    return runs


# log-odds of a piece of a list that no rule reads as a name, by its length: longer pieces
# cost more, or a run would rather shift by a character (郑斯|林房维|中经叔平) than take one
FILLER = {2: -1.0, 3: -1.5, 4: -2.5}
FILLS_PER_NAME = 4  # a run takes at most one filler per this many names
DOTTED = 0.7  # log-odds per character of a ·-joined piece of a list (a longer reading weighs more)
PART_MAX = 4  # characters in one part of a ·-joined name read in a list
_LIST_DOTS = "·•‧"
_DOTTED = re.compile(r"[\u4e00-\u9fff]{1,8}(?:[·•‧][\u4e00-\u9fff]{1,8})+")


def _pieces(text: str, at: int) -> list[tuple[float, Span]]:
    """What else may be the next member of a list at ``at``: a ·-joined name (each part of
    2–PART_MAX characters, the last cut anywhere in that reach: 司马义·艾买提|彭珮云), or a
    piece of 2–4 Chinese characters that is no common word."""
    joined = _DOTTED.match(text, at)
    if joined:
        out: list[tuple[float, Span]] = []
        parts = re.split(f"[{_LIST_DOTS}]", joined.group())
        end = at + len(parts[0])
        if len(parts[0]) > PART_MAX:
            return out
        for part in parts[1:]:
            for size in range(2, min(len(part), PART_MAX) + 1):
                span = Span(at, end + 1 + size, 0.5, sur=0)
                span.how = "joined"
                out.append((DOTTED * (span.end - at - 1), span))
            if len(part) > PART_MAX:
                break  # the next name of the list starts in it
            end += 1 + len(part)
        return out
    return [
        (gain, Span(at, at + size, 0.5, "filler"))
        for size, gain in FILLER.items()
        if at + size <= len(text)
        and all("\u4e00" <= char <= "\u9fff" for char in text[at : at + size])
        and not _common(text[at : at + size])
    ]


def _common(piece: str) -> bool:
    """A word jieba knows well that is no name (秘书长)."""
    code = word_codes().get(piece, "r0")
    return code[0] not in "rt" and code[1] >= "3"


CHAIN_FOREIGN = 0.7  # share of transliteration characters that makes a run a foreign word


def _foreign_word(text: str, run: list[Span]) -> bool:
    """The run's characters are mostly transliteration characters: one foreign word cut in
    pieces (乌克兰第聂伯罗彼得罗夫斯克), not a 名单 of Chinese names whose spaces were lost."""
    chars = "".join(text[s.start : s.end] for s in run if s.sur)
    foreign = sum(char in _translit() for char in chars)
    return foreign >= CHAIN_FOREIGN * len(chars)


@cache
def _translit() -> frozenset[str]:
    return frozenset(translit_chars() + translit_dotted_chars())


_NOTE = re.compile(r"[（(][^）)\n]{1,6}[）)]")


def _notes(text: str) -> dict[int, int]:
    """Where a short note written after a name in a list (（女）, （藏族）) starts → ends."""
    if "（" not in text and "(" not in text:
        return {}
    return {m.start(): m.end() for m in _NOTE.finditer(text)}


def _in_runs(text: str, spans: list[Span]) -> list[Span]:
    """Spans that sit in some back-to-back run of CHAIN_MIN candidates (cheap pre-check)."""
    notes = _notes(text)
    begins = {s.start for s in spans}
    if sum(notes.get(s.end, s.end) in begins for s in spans) < CHAIN_MIN - 1:
        return []  # a run needs that many spans ending where another starts (most texts: none)
    starts: dict[int, list[Span]] = {}
    for span in spans:
        starts.setdefault(span.start, []).append(span)
    ahead: dict[int, int] = {}  # longest run starting at a position
    for start in sorted(starts, reverse=True):
        ahead[start] = 1 + max(ahead.get(notes.get(s.end, s.end), 0) for s in starts[start])
    behind: dict[int, int] = {}  # longest run ending at a position
    for start in sorted(starts):
        for span in starts[start]:
            after = notes.get(span.end, span.end)
            behind[after] = max(behind.get(after, 0), behind.get(start, 0) + 1)
    return [
        s
        for s in spans
        if behind.get(s.start, 0) + 1 + ahead.get(notes.get(s.end, s.end), 0) >= CHAIN_MIN
    ]
