"""build_index: the old name of rebuild_index (make run and older scripts call it)."""

from archive.management.commands import rebuild_index


class Command(rebuild_index.Command):
    help = "Same as rebuild_index."
