"""PostgreSQL's own index for events newest first with the undated last (models.events
NEWEST_FIRST): its descending index puts NULL first, so event_visible_by_date cannot serve
that order there. SQLite cannot index NULLS LAST and needs nothing: its descending order
already puts NULL last."""

from django.db import migrations, models

INDEX = "event_visible_newest_pg"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON archive_event "
            "(is_hidden, date DESC NULLS LAST, time_of_day, title, id)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("archive", "0012_article_visible_dates_index")]

    operations = [
        migrations.AlterModelOptions(
            name="event",
            options={
                "ordering": (
                    models.OrderBy(models.F("date"), descending=True, nulls_last=True),
                    "time_of_day",
                    "title",
                    "id",
                ),
                "verbose_name": "事件",
                "verbose_name_plural": "事件",
            },
        ),
        migrations.RunPython(create, drop),
    ]
