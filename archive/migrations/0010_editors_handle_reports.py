"""Editors (the 编辑 group) handle readers' error reports: they see and close them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_GROUP = "编辑"
CODENAMES = ("view_errorreport", "change_errorreport")


def allow(apps, schema_editor):
    # Permissions are made after migrations; make this app's now so the group can hold them.
    config = apps.get_app_config("archive")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITOR_GROUP)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="archive", codename__in=CODENAMES)
    )


def disallow(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name=EDITOR_GROUP):
        group.permissions.remove(*Permission.objects.filter(codename__in=CODENAMES))


class Migration(migrations.Migration):
    dependencies = [("archive", "0009_article_position_integer")]

    operations = [migrations.RunPython(allow, disallow)]
