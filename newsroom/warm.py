"""Load what requests need before serving, then keep it out of the garbage collector's way.

pypinyin's phrase tables alone are ~190,000 small lists; with Django's own objects a full
collection walked ~280,000 containers, a 60–100 ms pause every few hundred requests. Frozen
objects are never walked (they are freed by reference counting as usual).
"""

import gc


def warm_up() -> None:
    import archive.services.people  # noqa: F401 — pypinyin's tables
    import archive.views  # noqa: F401 — views, selectors, templates' tags
    from archive.search import service  # the search engine, NumPy, OpenCC

    service.warm_up()  # the index's searcher and arrays
    gc.collect()
    gc.freeze()
