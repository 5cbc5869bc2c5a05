"""Reads the pages need, composed from the models' QuerySet methods.

Every function here runs a fixed number of queries whatever the size of the archive, so the
pages that call them do too (tests/web/test_query_counts.py holds them to it).
"""

from archive.selectors.articles import (  # noqa: F401
    RELATED_WINDOW_DAYS,
    article_for_reading,
    article_list,
    issue_neighbours,
    next_part,
    related_articles,
)
from archive.selectors.counts import (  # noqa: F401
    CACHE_SECONDS,
    MEMO_SIZE,
    Calendar,
    calendar_counts,
    forget_counts,
)
from archive.selectors.events import (  # noqa: F401
    PART_ORDER,
    event_articles,
    event_for_reading,
    event_index,
    event_participants,
    source_articles,
    with_article_counts,
)
from archive.selectors.issues import (  # noqa: F401
    adjacent_issues,
    adjacent_months,
    day_counts,
    day_counts_in_month,
    day_counts_in_year,
    issue_pages,
    latest_issue_date,
    month_counts,
    on_this_day,
    people_in_the_news,
    year_counts,
)
from archive.selectors.people import (  # noqa: F401
    RECENT_FOR_COMPANIONS,
    WINDOW_LIMIT,
    Companion,
    NewestFirst,
    PersonFigures,
    PersonRow,
    articles_of_in,
    companions,
    person_articles,
    person_counts,
    person_credits,
    person_events,
    person_figures,
    person_index,
    person_months,
    person_roles,
    undated_count,
    visible_person,
)
