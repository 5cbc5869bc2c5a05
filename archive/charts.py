"""Small charts drawn on the server as inline SVG, so they read without JavaScript."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


def month_range(first: tuple[int, int], last: tuple[int, int]) -> list[tuple[int, int]]:
    y, m = first
    months = []
    while (y, m) <= last:
        months.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return months


def timeline_svg(rows: list[tuple[int, int, int]], label: str) -> SafeString:
    """Bars of articles per month from the first month to the last, empty months included.

    rows: (year, month, count), oldest first. Each bar carries a <title> with its month and
    count; years are written under the axis; the largest count is written beside the axis.
    """
    if not rows:
        return mark_safe("")
    counts = {(y, m): n for y, m, n in rows}
    months = month_range((rows[0][0], rows[0][1]), (rows[-1][0], rows[-1][1]))
    top = max(counts.values())
    # Bars narrow as the span grows, so twenty years still fit about 900 pixels.
    step = max(3, min(15, 900 // len(months)))
    bar = max(2, step - max(1, step // 5))  # the rest of the step is the gap
    height, left, bottom = 120, 36, 24
    width = left + len(months) * step + 8
    total = sum(counts.values())
    title = f"{label}：{len(rows)} 个月里共 {total} 篇，单月最多 {top} 篇"
    parts = [
        f'<svg class="timeline" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'aria-labelledby="tl-title" viewBox="0 0 {width} {height + bottom + 8}" '
        f'width="{width}" height="{height + bottom + 8}">',
        f'<title id="tl-title">{escape(title)}</title>',
        f'<line class="axis" x1="{left - 4}" y1="{height}" x2="{width - 4}" y2="{height}"/>',
        f'<text class="tick" x="{left - 8}" y="14" text-anchor="end">{top}</text>',
        f'<text class="tick" x="{left - 8}" y="{height}" text-anchor="end">0</text>',
    ]
    for i, (y, m) in enumerate(months):
        x = left + i * step
        n = counts.get((y, m), 0)
        if n:
            h = max(2, round((height - 8) * n / top))
            parts.append(
                f'<rect class="bar" x="{x}" y="{height - h}" width="{bar}" height="{h}">'
                f"<title>{y}年{m}月：{n} 篇</title></rect>"
            )
        if (m == 1 and (step >= 4 or y % 2 == 0)) or i == 0:  # a year label every ≥ 36 px
            parts.append(
                f'<text class="tick" x="{x}" y="{height + 16}">{y}{"" if m == 1 else f".{m}"}</text>'
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))


@dataclass(frozen=True)
class Column:
    """One period of a line chart: a value per line, and the link the period narrows to."""

    tick: str  # written under the axis when there is room: "2021", "2021.4"
    tip: str  # the period and its numbers, read out for the link and shown on hover
    href: str  # "" when there is nothing to narrow to (a period without articles)
    values: tuple[float | None, ...]  # one per line; None: no value, the line breaks there


LINES = 5  # the stylesheet has a colour and a dash pattern for this many lines: .s0 … .s4


def lines_svg(columns: list[Column], title: str, unit: str) -> SafeString:
    """Lines over periods, each period a link (a full-height column and its points).

    Columns narrow as their number grows, so 120 months still fit about 900 pixels; the top
    value and 0 are written beside the axis with unit, periods under it as room allows.
    """
    if not columns:
        return mark_safe("")
    n_lines = len(columns[0].values)
    found = [v for c in columns for v in c.values if v is not None]
    top = max(found, default=0) or 1  # all zero: flat lines along the axis
    step = max(4, min(60, 880 // len(columns)))
    height, left, bottom, pad = 160, 52, 24, 10
    width = left + len(columns) * step + 8
    every = -(-40 // step)  # a tick label every ≥ 40 pixels

    def x(i: int) -> float:
        return left + i * step + step / 2

    def y(v: float) -> float:
        return round(height - (height - pad) * v / top, 1)

    parts = [
        f'<svg class="trend" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'aria-labelledby="trend-title" viewBox="0 0 {width} {height + bottom + 8}" '
        f'width="{width}" height="{height + bottom + 8}">',
        f'<title id="trend-title">{escape(title)}</title>',
        f'<line class="axis" x1="{left - 4}" y1="{height}" x2="{width - 4}" y2="{height}"/>',
        f'<text class="tick" x="{left - 8}" y="{pad + 4}" text-anchor="end">'
        f"{_number(top)}{escape(unit)}</text>",
        f'<text class="tick" x="{left - 8}" y="{height}" text-anchor="end">0</text>',
    ]
    for s in range(n_lines):
        run: list[str] = []
        for i, c in enumerate([*columns, None]):  # None: ends the last run
            v = c.values[s] if c is not None else None
            if v is not None:
                run.append(f"{x(i):g},{y(v):g}")
            elif run:
                if len(run) > 1:
                    parts.append(f'<polyline class="line s{s}" points="{" ".join(run)}"/>')
                run = []
    for i, c in enumerate(columns):
        dots = "".join(
            f'<circle class="dot s{s}" cx="{x(i):g}" cy="{y(v):g}" r="3"/>'
            for s, v in enumerate(c.values)
            if v is not None and step >= 8
        )
        column = (
            f"<title>{escape(c.tip)}</title>"
            f'<rect class="hit" x="{left + i * step}" y="0" width="{step}" height="{height}"/>'
            f"{dots}"
        )
        if c.href:
            parts.append(f'<a href="{escape(c.href)}">{column}</a>')
        else:
            parts.append(f"<g>{column}</g>")
        if i % every == 0:
            parts.append(
                f'<text class="tick" x="{left + i * step}" y="{height + 16}">{escape(c.tick)}</text>'
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))


def _number(v: float) -> str:
    """A value as the axis writes it: whole numbers plain, small ones with their decimals."""
    if v >= 100 or v == int(v):
        return f"{v:.0f}"
    return f"{v:.1f}" if v >= 10 else f"{v:.2g}"
