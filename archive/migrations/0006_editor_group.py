"""The 编辑 (editor) group: may correct articles, persons and events, not manage users."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_GROUP = "编辑"
# codename prefixes per model: editors correct records, they do not delete articles or events
PERMISSIONS = {
    "article": ("view", "change"),
    "person": ("view", "change"),
    "personalias": ("view", "add", "change", "delete"),
    "mention": ("view", "add", "change", "delete"),
    "event": ("view", "change"),
    "eventparticipant": ("view", "add", "change", "delete"),
    "sourcepage": ("view",),
    "staffcredit": ("view", "change"),
}


def add_group(apps, schema_editor):
    # Permissions are made after migrations; make this app's now so the group can hold them.
    config = apps.get_app_config("archive")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITOR_GROUP)
    codenames = [f"{action}_{model}" for model, actions in PERMISSIONS.items() for action in actions]
    group.permissions.set(
        Permission.objects.filter(content_type__app_label="archive", codename__in=codenames)
    )


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=EDITOR_GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0005_import_checkpoints"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(add_group, remove_group)]
