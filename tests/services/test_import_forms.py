"""What the page forms of issue 9 give a user after import: dates, pages, staff, linked parts."""

import datetime as dt
import io
import shutil
from pathlib import Path

from django.core.management import call_command

from archive.models import Article, Person, SourcePage, StaffCredit
from archive.models.pages import DateStatus

FORMS = Path(__file__).resolve().parents[1] / "fixtures" / "forms"


def _import(tmp_path, *names, **options):
    folder = tmp_path / "pages"
    folder.mkdir(exist_ok=True)
    for name in names:
        shutil.copy(FORMS / name, folder / name)
    call_command("import_archive", str(folder), stdout=io.StringIO(), verbosity=0, **options)


def test_the_printed_date_line_dates_the_page_and_the_footer_names_its_staff(db, tmp_path):
    _import(tmp_path, "furniture.txt")
    page = SourcePage.objects.get()
    assert page.issue_date == dt.date(2023, 3, 9)
    assert page.date_status == DateStatus.PRINTED
    assert (page.page_number, page.section) == (3, "要闻")
    credits = {(c.role, c.person.name) for c in StaffCredit.objects.select_related("person")}
    assert credits == {("责任编辑", "欧阳娟"), ("版式", "刘湘"), ("校对", "康明辉")}
    assert not Article.objects.filter(body__contains="责任编辑").exists()
    assert set(Article.objects.values_list("page", flat=True)) == {3}


def test_staff_show_on_the_page_and_on_their_person_page(db, tmp_path, client):
    _import(tmp_path, "furniture.txt")
    page = SourcePage.objects.get()
    editor = Person.objects.get(name="欧阳娟")
    assert "责任编辑" in client.get(page.get_absolute_url()).content.decode()
    html = client.get(editor.get_absolute_url()).content.decode()
    assert "署名的版面" in html and page.get_absolute_url() in html


def test_an_article_continued_on_another_page_is_linked_both_ways(db, tmp_path, client):
    # The two pages of one issue, given their date and page numbers as a user would.
    (tmp_path / "p1").mkdir()
    (tmp_path / "p2").mkdir()
    shutil.copy(FORMS / "continued.txt", tmp_path / "p1" / "continued.txt")
    shutil.copy(FORMS / "continued_p2.txt", tmp_path / "p2" / "continued_p2.txt")
    for folder, page in (("p2", 2), ("p1", 1)):  # the second part may arrive first
        call_command(
            "import_archive",
            str(tmp_path / folder),
            "--date=2023-06-13",
            f"--page={page}",
            stdout=io.StringIO(),
            verbosity=0,
        )
    first = Article.objects.get(title__startswith="湘江衡阳段生态修复按下")
    rest = Article.objects.get(continued_from_page=1)
    assert (first.continued_on, rest.previous_part) == (2, first)
    assert first.body.endswith("推动湘江") and "下转" not in first.body
    html = client.get(first.get_absolute_url()).content.decode()
    assert "下转第2版" in html and rest.get_absolute_url() in html
    back = client.get(rest.get_absolute_url()).content.decode()
    assert "上接第1版" in back and first.get_absolute_url() in back


def test_genre_section_and_dateline_are_kept_and_exported(db, tmp_path):
    _import(tmp_path, "briefs.txt", "datelines.txt")
    briefs = Article.objects.filter(genre="brief")
    assert briefs.count() == 5 and {a.section for a in briefs} == {"本地简讯"}
    assert Article.objects.filter(genre="photo").count() == 2
    xinhua = Article.objects.filter(agency="新华社", place="北京")
    assert xinhua.exists()
    out = io.StringIO()
    call_command("export_archive", stdout=out)
    assert '"genre": "brief"' in out.getvalue() and '"agency": "新华社"' in out.getvalue()


def test_merging_a_staff_member_keeps_their_page_credits(db, tmp_path):
    from archive.services.people import merge_persons

    _import(tmp_path, "furniture.txt")
    editor = Person.objects.get(name="欧阳娟")
    target = Person.objects.create(name="欧阳娟（编辑）")
    merge_persons(target, [editor])
    assert list(StaffCredit.objects.filter(person=target).values_list("role", flat=True)) == [
        "责任编辑"
    ]
    assert not Person.objects.filter(name="欧阳娟").exists()


def test_text_with_no_headline_is_imported_apart_and_flagged_for_review(db, tmp_path):
    page = tmp_path / "pages" / "page.txt"
    page.parent.mkdir()
    page.write_text(
        "游客在新开放的湿地公园观鸟。\n\n城区新增三座公园\n\n本报讯 市园林局日前宣布，城区新增三座口袋公园。",
        encoding="utf-8",
    )
    call_command("import_archive", str(page.parent), stdout=io.StringIO(), verbosity=0)
    loose = Article.objects.get(body="游客在新开放的湿地公园观鸟。")
    assert loose.needs_review and any("单独成篇" in r for r in loose.review_reasons)
    assert "观鸟" not in Article.objects.get(title="城区新增三座公园").body


def test_the_issue_page_names_each_page_section(db, tmp_path, client):
    _import(tmp_path, "furniture.txt")
    html = client.get("/2023/03/09/").content.decode()
    assert "第3版 · 要闻" in html


def test_notices_are_filed_as_notices_and_say_so(db, tmp_path, client):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "2023-06-08_12.txt").write_text(
        "遗失声明\n\n张建国不慎遗失衡阳市住房公积金缴存证明一份，声明作废。\n\n"
        "注销公告\n\n衡阳市某某科技有限公司拟向公司登记机关申请注销登记。\n\n"
        "城区新增5条公交线路\n\n本报讯 城区将新增5条公交线路。",
        encoding="utf-8",
    )
    call_command("import_archive", str(folder), stdout=io.StringIO(), verbosity=0)
    genres = dict(Article.objects.values_list("title", "genre"))
    assert genres == {"遗失声明": "notice", "注销公告": "notice", "城区新增5条公交线路": ""}
    notice = Article.objects.get(title="注销公告")
    assert "公告" in client.get(notice.get_absolute_url()).content.decode()
