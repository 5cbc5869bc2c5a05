"""A page OCR'd again updates its articles in place; an admin's corrections stay."""

import io
import shutil

from django.core.management import call_command

from archive.models import Article, Mention, Person, SourcePage
from archive.models.people import PersonStatus
from archive.services.renewing import GONE


def reimport(seed_dir, tmp_path, change):
    """The first seed page, changed by change(text), imported again under its own name."""
    page = sorted(seed_dir.glob("*.txt"))[0]
    again = tmp_path / "again"
    again.mkdir()
    shutil.copy(page, again / page.name)
    target = again / page.name
    target.write_text(change(target.read_text(encoding="utf-8")), encoding="utf-8")
    out = io.StringIO()
    call_command("import_archive", str(again), "-v", "2", stdout=out)
    return SourcePage.objects.get(file_name=page.name), out.getvalue()


def unique_piece(article: Article, page: SourcePage) -> str:
    """Six characters of the article that occur once on its page."""
    body = article.body.replace("\n", "")
    return next(
        body[i : i + 6] for i in range(len(body) - 6) if page.text.count(body[i : i + 6]) == 1
    )


def test_a_reocrd_page_updates_its_articles_and_keeps_corrections(imported, tmp_path):
    page = SourcePage.objects.order_by("file_name").first()
    articles = list(page.articles.order_by("position"))
    count = Article.objects.count()
    corrected, changed = articles[0], articles[1]
    corrected.title = "管理员改正的标题"
    corrected.edited_fields = ["title"]
    corrected.save()
    word = unique_piece(changed, page)

    source, out = reimport(imported, tmp_path, lambda text: text.replace(word, "重新识别", 1))
    assert Article.objects.count() == count  # updated in place: nothing doubled
    changed.refresh_from_db()
    corrected.refresh_from_db()
    assert "重新识别" in changed.body
    assert corrected.title == "管理员改正的标题"
    assert changed.history.count() >= 2  # the update is a version like an admin's save
    assert "版面重新导入" in out and source.pk == page.pk


def test_decisions_about_persons_survive_a_reimport(imported, tmp_path):
    page = SourcePage.objects.order_by("file_name").first()
    mention = Mention.objects.filter(article__source_page=page, kind="text").first()
    person = mention.person
    person.status = PersonStatus.REJECTED
    person.save()
    reimport(imported, tmp_path, lambda text: text + "\n")
    assert not Person.objects.filter(name=person.name).exclude(pk=person.pk).exists()
    person.refresh_from_db()
    assert person.status == PersonStatus.REJECTED


def test_an_article_gone_from_the_new_page_is_flagged_not_deleted(imported, tmp_path):
    page = SourcePage.objects.order_by("file_name").first()
    last = page.articles.order_by("-position").first()
    lead = last.body.split("\n")[0]
    reimport(imported, tmp_path, lambda text: text.split(lead)[0])
    last.refresh_from_db()
    assert last.needs_review and GONE in last.review_reasons
