"""Placeholder; replaced by the queued signal processor."""

from haystack.signals import BaseSignalProcessor


class QueuedSignalProcessor(BaseSignalProcessor):
    pass
