"""Small charts drawn on the server as inline SVG, so they read without JavaScript."""

from __future__ import annotations

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
