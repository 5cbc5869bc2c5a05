"""What every template may show: the paper this archive holds (settings NEWSROOM_PAPER_*)."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class Paper:
    name: str  # in titles and citations: 《衡阳日报》
    short_name: str  # the site's name is short_name + "档案"
    city: str

    @property
    def site_title(self) -> str:
        return f"{self.short_name}档案"


def current_paper() -> Paper:
    """The paper as the settings say now (read on every call: override_settings applies)."""
    name = settings.NEWSROOM_PAPER_NAME
    return Paper(
        name=name,
        short_name=getattr(settings, "NEWSROOM_PAPER_SHORT_NAME", "") or name,
        city=settings.NEWSROOM_PAPER_CITY,
    )


def paper(request) -> dict:
    return {"paper": current_paper()}
