"""Pure extraction (no Django, no database): dates, persons and events from article text."""
