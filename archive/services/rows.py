"""New rows with their history rows, inserted in a few statements per batch.

Django's bulk_create passes every value of every row through the SQL compiler, and
bulk_create_with_history builds a historical model instance per row before doing it again:
together about 60 % of an import's write time (cProfile). Here each column's conversion is
chosen once per batch (text, numbers, booleans and ids go to the driver as they are; dates and
JSON through their field), and each history row is a tuple of the same values. The history rows
are the ones bulk_create_with_history writes: type "+", the request's user if any, no reason,
one date for the batch.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter
from typing import TypeVar

from django.db import connection, models
from django.utils import timezone

M = TypeVar("M", bound=models.Model)

# Fields whose Python value is the value the database driver takes (SQLite and PostgreSQL).
PLAIN = (
    models.CharField,
    models.TextField,
    models.BooleanField,
    models.IntegerField,
    models.FloatField,
)
# Parameters a statement takes in SQLite (3.32+; its RETURNING needs 3.35).
MAX_PARAMETERS = 32_766
CREATED = "+"  # django-simple-history's history_type of a creation


def _plain(field: models.Field) -> bool:
    if isinstance(field, models.ForeignKey):
        return _plain(field.target_field)
    return isinstance(field, PLAIN)


def _values(
    fields: Sequence[models.Field], objs: Sequence[models.Model], fixed: dict[str, object]
) -> list[tuple]:
    """Each object's values of fields as the database takes them; ``fixed`` gives the database
    value of fields that are the same in every row (attname → value)."""
    read = attrgetter(*(f.attname for f in fields))
    rows = [read(obj) for obj in objs] if len(fields) > 1 else [(read(obj),) for obj in objs]
    changes = [(i, f, fixed.get(f.attname)) for i, f in enumerate(fields)]
    changes = [(i, f, v) for i, f, v in changes if f.attname in fixed or not _plain(f)]
    if not changes:
        return rows
    out = []
    for row in rows:
        values = list(row)
        for i, field, value in changes:
            values[i] = (
                value if field.attname in fixed else field.get_db_prep_save(values[i], connection)
            )
        out.append(tuple(values))
    return out


def _quoted(table: str, columns: Sequence[str]) -> str:
    quote = connection.ops.quote_name
    return f"{quote(table)} ({', '.join(quote(c) for c in columns)})"


def insert(model: type[models.Model], columns: Sequence[str], rows: list[tuple]) -> None:
    """Rows (values as the database takes them) into model's table, no keys returned.

    PostgreSQL: COPY, as psycopg renders each row of an executemany as SQL text first.
    """
    if not rows:
        return
    target = _quoted(model._meta.db_table, columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.copy(f"COPY {target} FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            cursor.executemany(
                f"INSERT INTO {target} VALUES ({', '.join(['%s'] * len(columns))})", rows
            )


def _insert_returning_keys(
    model: type[models.Model], columns: list[str], rows: list[tuple]
) -> list:
    """Insert rows and return their new primary keys, in order."""
    meta = model._meta
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Keys taken from the table's own sequence (safe beside other writers), then COPY.
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [connection.ops.quote_name(meta.db_table), meta.pk.column, len(rows)],
            )
            keys = [key for (key,) in cursor.fetchall()]
            insert(
                model,
                [meta.pk.column, *columns],
                [(k, *r) for k, r in zip(keys, rows, strict=True)],
            )
            return keys
        # SQLite returns the keys of a multi-row INSERT (3.35+); a statement per chunk of rows.
        one = "(" + ", ".join(["%s"] * len(columns)) + ")"
        target = _quoted(meta.db_table, columns)
        per_statement = MAX_PARAMETERS // len(columns)
        keys = []
        for start in range(0, len(rows), per_statement):
            chunk = rows[start : start + per_statement]
            cursor.execute(
                f"INSERT INTO {target} VALUES {', '.join([one] * len(chunk))} "
                f"RETURNING {connection.ops.quote_name(meta.pk.column)}",
                [value for row in chunk for value in row],
            )
            keys += [key for (key,) in cursor.fetchall()]
        return keys


def create_with_history(objs: list[M], model: type[M]) -> list[M]:
    """Insert new objects of model and one history row each; the objects get their keys.

    Fields with auto_now or auto_now_add are set to the present moment, as a save sets them.
    """
    if not objs:
        return objs
    now = timezone.now()
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    stamped = [
        f for f in fields if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
    ]
    for field in stamped:
        for obj in objs:
            setattr(obj, field.attname, now)
    rows = _values(fields, objs, {f.attname: f.get_db_prep_save(now, connection) for f in stamped})
    keys = _insert_returning_keys(model, [f.column for f in fields], rows)
    for obj, key in zip(objs, keys, strict=True):
        obj.pk = key
        obj._state.adding = False
        obj._state.db = connection.alias
    _history(
        model, objs[0], now, fields, [(key, *row) for key, row in zip(keys, rows, strict=True)]
    )
    return objs


def _history(model, first, now, fields, rows: list[tuple]) -> None:
    """History rows of new rows (key first, then the values of fields)."""
    history = model.history.model
    place = {f.attname: i for i, f in enumerate([model._meta.pk, *fields])}
    tracked = [place[f.attname] for f in history.tracked_fields]
    user = history.get_default_history_user(first)
    date = history._meta.get_field("history_date").get_db_prep_save(now, connection)
    tail = (date, None, CREATED, user.pk if user is not None else None)
    extra = ["history_date", "history_change_reason", "history_type", "history_user"]
    insert(
        history,
        [history._meta.get_field(f.name).column for f in history.tracked_fields]
        + [history._meta.get_field(name).column for name in extra],
        [(*(row[i] for i in tracked), *tail) for row in rows],
    )
