from django.apps import AppConfig


class ArchiveConfig(AppConfig):
    name = "archive"
    verbose_name = "报纸档案"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from archive.selectors import counts

        counts.connect_signals()
