"""Dates as the paper writes them: lead dates, relative words, and the year a page is from.

A page without a printed date line (page furniture, archive/reading) gets its year from
evidence on the page ("2020年第17次常务会议", "庆祝中国共产党成立100周年"), from the file name, or
from the user.
Evidence is returned with the guess so a record can show why it carries that year.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

from .types import LeadDate, YearGuess

TIME_OF_DAY = r"(凌晨|早上|清晨|上午|中午|下午|傍晚|晚上|晚间|晚|夜间)"
EXPLICIT_RE = re.compile(
    r"(?:(?P<year>(?:19|20)\d{2})年)?(?P<month>\d{1,2})月(?P<day>\d{1,2})日"
    r"(?:[、至到\-—～~](?P<end>\d{1,2})日)?(?P<tod>" + TIME_OF_DAY + ")?"
    r"(?:(?P<hour>\d{1,2})[点时])?"
)
RELATIVE_RE = re.compile(
    r"(?P<word>昨日|昨天|昨晚|今天|今日|今晨|前日|前天|日前|近日|当天)" + TIME_OF_DAY + "?"
)
LEAD_PREFIX_RE = re.compile(r"^(本报讯|本报消息)\s*(（[^）]{0,30}）|\([^)]{0,30}\))?")
RELATIVE_DAYS = {"昨日": -1, "昨天": -1, "昨晚": -1, "今天": 0, "今日": 0, "今晨": 0}
RELATIVE_DAYS |= {"前日": -2, "前天": -2}
LEAD_WINDOW = 80  # a lead states its date near the start


def find_lead_date(lead: str) -> LeadDate | None:
    """The date a lead (本报讯 …) gives for its happening, without guessing a year."""
    text = LEAD_PREFIX_RE.sub("", lead.strip())[:LEAD_WINDOW]
    explicit = EXPLICIT_RE.search(text)
    relative = RELATIVE_RE.search(text)
    if relative and (not explicit or relative.start() < explicit.start()):
        word = relative.group("word")
        time_of_day = relative.group(2) or ("晚上" if word == "昨晚" else "")
        return LeadDate(relative=word, time_of_day=time_of_day, text=relative.group(0))
    if not explicit:
        return None
    month, day = int(explicit.group("month")), int(explicit.group("day"))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    end = explicit.group("end")
    hour = explicit.group("hour")
    time_of_day = explicit.group("tod") or (f"{int(hour)}时" if hour else "")
    return LeadDate(
        month=month,
        day=day,
        year=int(explicit.group("year")) if explicit.group("year") else None,
        end_day=int(end) if end else None,
        time_of_day=time_of_day,
        text=explicit.group(0),
    )


# -- the year of a page -------------------------------------------------------------------

CN_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
CN_DIGITS |= {"六": 6, "七": 7, "八": 8, "九": 9}


def cn_number(text: str) -> int | None:
    """Arabic or simple Chinese numerals up to 199 ("100", "一百", "七十", "九十五")."""
    if text.isdigit():
        return int(text)
    total, rest = 0, text
    if rest.startswith("一百") or rest.startswith("百"):
        total, rest = 100, rest.split("百", 1)[1].lstrip("零")
    if not rest:
        return total
    if "十" in rest:
        tens, _, ones = rest.partition("十")
        value = (CN_DIGITS.get(tens, 0) if tens else 1) * 10
        value += CN_DIGITS.get(ones, 0) if ones else 0
        return total + value
    return total + CN_DIGITS[rest] if rest in CN_DIGITS else None


NUM = r"(?P<n>\d{1,3}|[一二三四五六七八九十百零两]{1,4})"
ANNIVERSARY_BASES = (
    (re.compile(r"(中国共产党|中共|建党)成立" + NUM + "周年"), 1921),
    (re.compile(r"建党" + NUM + "周年"), 1921),
    (re.compile(r"新中国成立" + NUM + "周年"), 1949),
    (re.compile(r"中华人民共和国成立" + NUM + "周年"), 1949),
    (re.compile(r"改革开放" + NUM + "周年"), 1978),
    (re.compile(r"建军" + NUM + "周年"), 1927),
    (re.compile(r"抗日战争(?:暨世界反法西斯战争)?胜利" + NUM + "周年"), 1945),
)
CENTURY_OF_PARTY_RE = re.compile(r"建党百年|党的百年华诞|建党一百周年")
PLAN_RE = re.compile(r"[“\"]?十([一二三四五六七八九])五[”\"]?(?:规划)?(?:的)?(开局|收官)")
# "市政府2020年第17次常务会议", "2021年衡阳市科技活动周": a year naming the happening itself.
YEAR_OF_EVENT_RE = re.compile(
    r"((?:19|20)\d{2})年(第[一二三四五六七八九十\d]+[次届期]|[^\d，,。；;月]{2,12}(?:会|周|节|赛|活动))"
)
YEAR_IS_RE = re.compile(r"((?:19|20)\d{2})年是")
YEAR_NOISE_RE = re.compile(r"(到|至|截至|截止|比|较|同比)$")


def _plan_start(number: int) -> int:
    # Five-year plans from the sixth (1981) on start every five years.
    return 1951 + 5 * number


def infer_year(text: str, lead: str = "") -> YearGuess:
    """Vote for the year a page (or article) was written from evidence in its text."""
    votes: dict[int, float] = defaultdict(float)
    evidence: dict[int, list[str]] = defaultdict(list)

    def vote(year: int, weight: float, snippet: str) -> None:
        if 1900 <= year <= 2100:
            votes[year] += weight
            if snippet not in evidence[year]:
                evidence[year].append(snippet)

    for match in YEAR_OF_EVENT_RE.finditer(text):
        if YEAR_NOISE_RE.search(text[max(0, match.start() - 2) : match.start()]):
            continue
        weight = 3.0 if match.group(2).startswith("第") else 2.0
        vote(int(match.group(1)), weight, match.group(0))
    for match in YEAR_IS_RE.finditer(text):
        vote(int(match.group(1)), 2.0, match.group(0) + "…")
    for pattern, base in ANNIVERSARY_BASES:
        for match in pattern.finditer(text):
            number = cn_number(match.group("n"))
            if number:
                vote(base + number, 2.0, match.group(0))
    for match in CENTURY_OF_PARTY_RE.finditer(text):
        vote(2021, 1.5, match.group(0))
    for match in PLAN_RE.finditer(text):
        start = _plan_start(CN_DIGITS[match.group(1)] + 10)
        vote(start if match.group(2) == "开局" else start + 4, 1.0, match.group(0))
    if lead:
        explicit = EXPLICIT_RE.search(lead)
        if explicit and explicit.group("year"):
            vote(int(explicit.group("year")), 5.0, explicit.group(0))
    if not votes:
        return YearGuess(year=None)
    ranked = sorted(votes.items(), key=lambda item: (-item[1], -item[0]))
    best, weight = ranked[0]
    if len(ranked) > 1 and ranked[1][1] == weight:
        # Two years with equal evidence: refuse to choose.
        return YearGuess(
            year=None, evidence=tuple(f"{y}: {', '.join(evidence[y])}" for y, _ in ranked)
        )
    return YearGuess(year=best, evidence=tuple(evidence[best]), weight=weight)


FILENAME_DATE_RE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)"
)


def date_from_filename(name: str) -> dt.date | None:
    match = FILENAME_DATE_RE.search(name)
    if not match:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def lead_date_on(
    lead_date: LeadDate, issue_date: dt.date | None, year: int | None
) -> dt.date | None:
    """The calendar date of a lead date, given the issue date or at least the year."""
    if lead_date.relative:
        offset = RELATIVE_DAYS.get(lead_date.relative)
        if offset is None or issue_date is None:
            return None  # 日前/近日: some day before the issue; not a date
        return issue_date + dt.timedelta(days=offset)
    if lead_date.month is None or lead_date.day is None:
        return None
    if lead_date.year:
        return _safe_date(lead_date.year, lead_date.month, lead_date.day)
    if issue_date is not None:
        candidate = _safe_date(issue_date.year, lead_date.month, lead_date.day)
        if candidate and candidate > issue_date + dt.timedelta(days=1):
            # A December happening reported in a January paper.
            candidate = _safe_date(issue_date.year - 1, lead_date.month, lead_date.day)
        return candidate
    if year is not None:
        return _safe_date(year, lead_date.month, lead_date.day)
    return None


def issue_date_from_leads(lead_dates: list[LeadDate], year: int | None) -> dt.date | None:
    """A daily reports yesterday's news: the issue is the day after its latest lead date."""
    days = []
    for lead_date in lead_dates:
        if lead_date.relative or lead_date.month is None:
            continue
        on = lead_date_on(lead_date, None, lead_date.year or year)
        if on is not None and lead_date.end_day:
            on = _safe_date(on.year, on.month, lead_date.end_day) or on
        if on is not None:
            days.append(on)
    if not days:
        return None
    return max(days) + dt.timedelta(days=1)
