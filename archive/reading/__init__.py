"""Reading OCR'd page text into article drafts: pure functions and plain dataclasses."""

from archive.reading.decode import PageDecodeError, decode_page
from archive.reading.page import ArticleDraft, Page, parse_page

__all__ = ["ArticleDraft", "Page", "PageDecodeError", "decode_page", "parse_page"]
