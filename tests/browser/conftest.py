from tests.web.conftest import _fresh_counts  # noqa: F401  (autouse: no counts between tests)
