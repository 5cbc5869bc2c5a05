"""Bytes → text for OCR page files: UTF-8 (with or without BOM) or GB18030."""

from __future__ import annotations

import unicodedata


class PageDecodeError(ValueError):
    """The bytes are not a readable page (empty, binary, or an unknown encoding)."""


def _looks_like_text(text: str) -> bool:
    if not text.strip():
        return False
    sample = text[:20000]
    control = sum(
        1 for ch in sample if unicodedata.category(ch) in {"Cc", "Co", "Cn"} and ch not in "\n\r\t"
    )
    # A few stray control characters survive OCR; a binary file is full of them.
    return control / max(1, len(sample)) < 0.01


def decode_page(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name). Raise PageDecodeError with a reader-facing reason."""
    if not data or not data.strip():
        raise PageDecodeError("文件为空 (empty file)")
    if b"\x00" in data[:65536]:
        raise PageDecodeError("文件是二进制格式，不是文本 (binary file, NUL bytes)")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            if encoding == "utf-8-sig" and not data.startswith(b"\xef\xbb\xbf"):
                encoding = "utf-8"
            return text.replace("\r\n", "\n").replace("\r", "\n"), encoding
        break
    raise PageDecodeError("无法识别的编码：既不是 UTF-8 也不是 GB18030 (unreadable encoding)")
