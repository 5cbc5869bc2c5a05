"""import_archive on the seed pages and on bad input, as a user runs it."""

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from archive.models import Article, Event, Mention, Person, SourcePage
from archive.models.people import MentionKind

ROOT = Path(__file__).resolve().parents[2]
KEY = json.loads((ROOT / "tests/fixtures/seed_answer_key.json").read_text(encoding="utf-8"))


def run(*args) -> str:
    out = io.StringIO()
    call_command("import_archive", *map(str, args), stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_seeds_become_articles_with_titles_dates_and_bylines(imported):
    assert SourcePage.objects.count() == 5
    assert Article.objects.count() == sum(len(p["articles"]) for p in KEY.values())
    titles = set(Article.objects.values_list("title", flat=True))
    assert "衡阳市生态环保科技园成立" in titles
    assert "都司教育集团:学生同跳大型团体操" in titles
    first = Article.objects.get(title="衡阳市生态环保科技园成立")
    assert first.published == dt.date(2021, 4, 17)
    assert first.source == "000_c256f363131daaf3.txt"
    reporter = Mention.objects.get(article=first, kind=MentionKind.REPORTER)
    assert reporter.person.name == "罗文鹏" and reporter.role == "本报记者"


def test_persons_come_with_the_title_written_next_to_them(imported):
    roles = set(Mention.objects.filter(person__name="邓群策").values_list("role", flat=True))
    assert "市委书记" in roles
    assert any(
        "市长" in r
        for r in Mention.objects.filter(person__name="朱健").values_list("role", flat=True)
    )
    assert not Person.objects.filter(name__in=["智慧", "衡阳群众", "富士康", "南华大学"]).exists()


def test_events_are_dated_and_link_their_articles(imported):
    event = Event.objects.get(kind="揭牌仪式")
    assert event.date == dt.date(2021, 4, 16) and event.time_of_day == "下午"
    assert event.place == "滨江新区"
    assert event.articles.count() == 1
    parts = set(event.participants.values_list("person__name", "part"))
    assert ("朱健", "出席") in parts


def test_page_without_year_is_flagged_not_guessed(imported):
    page = SourcePage.objects.get(file_name__startswith="003_")
    assert page.issue_date is None and page.date_status == "unknown"
    articles = Article.objects.filter(source_page=page)
    assert all(a.published is None and a.needs_review for a in articles)
    assert "3月3日" in " ".join(page.warnings)


def test_relative_date_in_lead_is_resolved_from_issue_date(imported):
    event = Event.objects.get(title="市政府2020年第12次常务会议")
    assert event.date == dt.date(2020, 9, 2)


def test_reimport_duplicates_nothing(imported):
    before = (Article.objects.count(), Person.objects.count(), Event.objects.count())
    output = run(imported)
    assert "0 imported, 5 skipped" in output
    assert (Article.objects.count(), Person.objects.count(), Event.objects.count()) == before


def test_dry_run_writes_nothing(db, seed_dir):
    output = run(seed_dir, "--dry-run")
    assert "dry run" in output and "5 imported" in output
    assert Article.objects.count() == 0 and SourcePage.objects.count() == 0


def test_year_from_the_user_dates_a_page_without_evidence(db, seed_dir):
    run(seed_dir / "003_5a0015b203ee01b1.txt", "--year", "2021")
    assert set(Article.objects.values_list("published", flat=True)) == {dt.date(2021, 3, 4)}


def test_date_in_file_name_is_the_issue_date(db, tmp_path, seed_dir):
    named = tmp_path / "hyrb_2021-03-04_p01.txt"
    named.write_bytes((seed_dir / "003_5a0015b203ee01b1.txt").read_bytes())
    run(named)
    assert set(Article.objects.values_list("date_status", flat=True)) == {"given"}
    assert Article.objects.first().published == dt.date(2021, 3, 4)


def test_gb18030_and_bom_pages_import(db, tmp_path, seed_dir):
    text = (seed_dir / "000_c256f363131daaf3.txt").read_text(encoding="utf-8")
    (tmp_path / "gb.txt").write_bytes(text.encode("gb18030"))
    run(tmp_path / "gb.txt")
    assert SourcePage.objects.get().encoding == "gb18030"
    assert Article.objects.filter(title="市委常委会召开会议").exists()


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("empty.txt", b"", "empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR" * 20, "binary"),
        ("latin.txt", "Café crème brûlée àéîõü".encode("latin-1") * 30, "encoding"),
    ],
)
def test_bad_file_fails_clearly_and_the_others_still_import(db, seed_dir, name, data, message):
    (seed_dir / name).write_bytes(data)
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 file"):
        call_command("import_archive", str(seed_dir), stdout=io.StringIO(), stderr=err)
    assert name in err.getvalue() and message in err.getvalue()
    assert SourcePage.objects.count() == 5
    assert not SourcePage.objects.filter(file_name=name).exists()


def test_missing_path_is_named(db):
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_archive", "/no/such/dir", stdout=io.StringIO(), stderr=err)
    assert "/no/such/dir" in err.getvalue()
