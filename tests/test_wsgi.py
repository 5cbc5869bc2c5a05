"""What gunicorn loads: the WSGI application, with its long-lived objects set aside."""

import gc


def test_the_wsgi_module_serves_and_freezes_what_it_loaded(db):
    import newsroom.wsgi

    try:
        assert callable(newsroom.wsgi.application)
        assert gc.get_freeze_count() > 10_000  # pypinyin's tables and Django's own objects
    finally:
        gc.unfreeze()
