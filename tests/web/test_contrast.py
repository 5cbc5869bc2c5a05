"""Text colours in the stylesheet pass WCAG AA (4.5:1) on the backgrounds they are used on."""

import re
from pathlib import Path

import pytest

CSS = (Path(__file__).resolve().parents[2] / "static/css/site.css").read_text(encoding="utf-8")
COLOURS = dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-fA-F]{6})", CSS))


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize(
    "text, background",
    [
        ("ink", "paper"),
        ("ink", "card"),
        ("muted", "paper"),
        ("muted", "card"),
        ("accent", "paper"),
        ("accent", "card"),
        ("ink", "mark"),  # highlighted search matches
        ("paper", "accent"),  # the masthead
        ("focus", "paper"),
    ],
)
def test_text_contrast_passes_wcag_aa(text, background):
    assert contrast(COLOURS[text], COLOURS[background]) >= 4.5
