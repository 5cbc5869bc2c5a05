"""Lay out newspaper pages from news items with a known answer key, and score readings of them.

Pure: no Django. The generator is written from how papers set pages, not from what the reader
does, so it stays a yardstick while the reader changes.
"""
