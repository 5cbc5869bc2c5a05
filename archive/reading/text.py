"""Character classes and small string helpers shared by the reader."""

from __future__ import annotations

import re

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_RE = re.compile(f"[{CJK}]")

# A paragraph ending in one of these is complete; otherwise the OCR broke it. Closing quotes
# and brackets count only after one of them ("…。”"), not after a quoted noun ("“家底”").
TERMINAL = tuple("。！？!?…；;：:")
CLOSERS = "”’」』）)】\"'"

# Words are character pairs of a Chinese run, and Latin words and numbers whole (CPI, 0.2):
# what two lines or a line and a text share, without a dictionary.
_RUN_RE = re.compile(rf"[{CJK}]+|[A-Za-z]+|\d+(?:\.\d+)?")

SPACE_RE = re.compile(r"[ \t\u3000\u00a0]+")
LETTER_SPACED_MIN = 5  # characters; "付 亮 王 琳" are two names spaced apart, not a headline


# "（完）" closes a wire story: no text of the story, and the sentence before it has ended.
END_MARK_RE = re.compile(r"\s*[（(]完[）)]$")
# A remark in brackets after a finished sentence ("…市场。（据新华社）") leaves it finished.
REMARK_AFTER_END_RE = re.compile(r"[。！？!?…][”’」』]?\s*[（(][^（）()]{1,40}[）)]$")


# A headline set in spaced-out type, read a character at a time: 全 市 安 全 生 产 会 议 召 开.
SPACED_OUT_RE = re.compile(rf"[{CJK}](?: [{CJK}]){{{LETTER_SPACED_MIN - 1},}}")


def clean_line(line: str) -> str:
    """Trim a line and drop markdown heading marks some OCR tools add ("# 标题") and the
    （完） that ends a wire story; close up a line set in spaced-out type."""
    line = SPACE_RE.sub(" ", END_MARK_RE.sub("", line.strip().lstrip("#").strip()))
    return line.replace(" ", "") if SPACED_OUT_RE.fullmatch(line) else line


def is_terminated(text: str) -> bool:
    text = text.rstrip()
    return text.rstrip(CLOSERS).endswith(TERMINAL) or bool(REMARK_AFTER_END_RE.search(text))


def cjk_len(text: str) -> int:
    return len(CJK_RE.findall(text))


def join_broken(left: str, right: str) -> str:
    """Join two pieces of one paragraph; no space between CJK characters."""
    if left and right and left[-1].isascii() and right[0].isascii() and left[-1].isalnum():
        return f"{left} {right}"
    return left + right


def words(text: str) -> set[str]:
    found: set[str] = set()
    for run in _RUN_RE.findall(text):
        if CJK_RE.match(run):
            found.update(run[i : i + 2] for i in range(len(run) - 1))
        else:
            found.add(run)
    return found
