"""JSON Lines import, export, and the round trip between them."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from archive.models import Article, Event, Mention, Person, SourcePage


def export_lines() -> list[dict]:
    out = io.StringIO()
    call_command("export_archive", stdout=out, stderr=io.StringIO())
    return [json.loads(line) for line in out.getvalue().splitlines()]


def snapshot():
    rows = []
    for line in export_lines():
        rows.append(
            (
                line["title"],
                line["published"],
                line["body"],
                line["page"],
                line["source"],
                tuple(sorted(line["reporters"])),
                tuple(sorted(line["persons"])),
                tuple(sorted(line["events"])),
            )
        )
    return sorted(rows, key=repr)


def test_export_has_every_field_a_reader_needs(imported):
    lines = export_lines()
    assert len(lines) == Article.objects.count()
    line = next(x for x in lines if x["title"] == "衡阳市生态环保科技园成立")
    for key in (
        "id",
        "url",
        "title",
        "published",
        "source",
        "page",
        "reporters",
        "persons",
        "events",
        "body",
    ):
        assert key in line
    assert line["url"] == f"/articles/{line['id']}/"
    assert line["published"] == "2021-04-17"
    assert line["reporters"] == ["罗文鹏"]
    assert "朱健" in line["persons"]


def test_export_then_import_gives_the_same_articles(imported, tmp_path):
    before = snapshot()
    path = tmp_path / "archive.jsonl"
    call_command("export_archive", "-o", str(path), stderr=io.StringIO())
    Event.objects.all().delete()
    Mention.objects.all().delete()
    Article.objects.all().delete()
    SourcePage.objects.all().delete()
    Person.objects.all().delete()
    call_command("import_archive", str(path), stdout=io.StringIO())
    assert snapshot() == before


def test_importing_the_export_into_the_same_archive_adds_nothing(imported, tmp_path):
    path = tmp_path / "archive.jsonl"
    call_command("export_archive", "-o", str(path), stderr=io.StringIO())
    count = Article.objects.count()
    call_command("import_archive", str(path), stdout=io.StringIO())
    assert Article.objects.count() == count


def test_minimal_line_imports_and_finds_persons(db, tmp_path):
    path = tmp_path / "a.jsonl"
    line = {
        "title": "市政府召开常务会议",
        "body": "本报讯 6月1日上午，市长李明华主持召开市政府常务会议。\n会议强调，要抓好安全生产。",
        "published": "2022-06-02",
        "page": 2,
        "reporters": ["张记者"],
    }
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    call_command("import_archive", str(path), stdout=io.StringIO())
    article = Article.objects.get()
    assert article.page == 2 and str(article.published) == "2022-06-02"
    assert Mention.objects.filter(article=article, person__name="李明华", role="市长").exists()


def test_signatures_in_the_body_name_the_reporters(db, tmp_path):
    """A real paper's articles as JSON Lines carry their bylines in the text, as on the page."""
    lines = [
        {
            "title": "老旧小区改造提速",
            "body": "■本报记者 李明 通讯员 王芳\n今年全市改造老旧小区120个。",
        },
        {
            "title": "总理会见外宾",
            "body": "新华社北京4月16日电（记者王晓东）国务院总理李强16日会见外宾。",
        },
        {"title": "春耕忙", "body": "田间地头一片繁忙。\n农民抢抓农时。（记者 赵小兵）"},
    ]
    path = tmp_path / "signed.jsonl"
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), "utf-8")
    call_command("import_archive", str(path), stdout=io.StringIO())

    def signers(title):
        article = Article.objects.get(title=title)
        rows = Mention.objects.filter(article=article).exclude(kind="text")
        return article, {(m.person.name, m.kind) for m in rows}

    article, names = signers("老旧小区改造提速")
    assert names == {("李明", "reporter"), ("王芳", "correspondent")}
    assert article.body == "今年全市改造老旧小区120个。"  # the byline line is no paragraph
    article, names = signers("总理会见外宾")
    assert names == {("王晓东", "reporter")}
    assert (article.agency, article.place) == ("新华社", "北京")
    assert Mention.objects.get(article=article, person__name="李强").role == "国务院总理"
    # the dateline's reporter is the article's reporter, not also a person named in its text
    assert not Mention.objects.filter(article=article, person__name="王晓东", kind="text")
    article, names = signers("春耕忙")
    assert names == {("赵小兵", "reporter")}
    assert article.body.endswith("农民抢抓农时。")


def test_byline_fields_win_over_the_body(db, tmp_path):
    line = {"title": "春耕忙", "body": "农民抢抓农时。（记者 赵小兵）", "reporters": ["钱多多"]}
    path = tmp_path / "given.jsonl"
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", "utf-8")
    call_command("import_archive", str(path), stdout=io.StringIO())
    article = Article.objects.get()
    assert article.body == "农民抢抓农时。（记者 赵小兵）"  # given as is: nothing taken out
    reporters = Mention.objects.filter(article=article, kind="reporter")
    assert [m.person.name for m in reporters] == ["钱多多"]


@pytest.mark.parametrize(
    "bad, message",
    [
        ("{not json", "第 2 行"),
        (json.dumps({"title": "x", "body": "y", "published": "2021-13-45"}), "published"),
        (json.dumps({"title": "", "body": ""}), "title"),
        (json.dumps({"title": 3, "body": "y"}), "title"),
        (json.dumps({"title": "x", "body": "y", "page": "one"}), "page"),
        (json.dumps({"title": "x", "body": "y", "page": 40000}), "page"),
        (json.dumps({"title": "x", "body": "y", "continued_on": -2}), "continued_on"),
        (json.dumps({"title": "x", "body": "y", "position": -1}), "position"),
        ("[1, 2]", "JSON 对象"),
    ],
)
def test_malformed_line_fails_the_whole_file_naming_the_line(db, tmp_path, bad, message):
    good = json.dumps({"title": "好的一行", "body": "本报讯 正文。", "published": "2021-01-02"})
    path = tmp_path / "bad.jsonl"
    path.write_text(good + "\n" + bad + "\n", encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_archive", str(path), stdout=io.StringIO(), stderr=err)
    assert "bad.jsonl" in err.getvalue() and message in err.getvalue()
    assert Article.objects.count() == 0  # nothing of that file is half-written


def test_positions_past_a_small_integer_are_stored(db, tmp_path):
    """A big file's line numbers are positions: line 32,768 once broke PostgreSQL's smallint."""
    path = tmp_path / "big.jsonl"
    _write_lines(path, {"title": "第四万条", "body": "正文。", "position": 40000, "page": 3})
    call_command("import_archive", str(path), stdout=io.StringIO())
    article = Article.objects.get()
    assert (article.position, article.page) == (40000, 3)


def _write_lines(path, *objects) -> None:
    lines = [o if isinstance(o, str) else json.dumps(o, ensure_ascii=False) for o in objects]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_real_world_lines_title_only_body_only_and_extra_fields(db, tmp_path):
    path = tmp_path / "items.jsonl"
    _write_lines(
        path,
        {"title": "【视频】全国春运今日启动", "published": "2024-01-26", "url": "x", "vid": 7},
        {"body": "本报讯 1月25日，市图书馆举办迎春书法展，展出作品200余幅。", "year": "2024"},
    )
    out = io.StringIO()
    call_command("import_archive", str(path), "-v", "2", stdout=out, stderr=io.StringIO())
    video = Article.objects.get(title="【视频】全国春运今日启动")
    assert video.body == "" and not video.title_is_derived
    brief = Article.objects.exclude(pk=video.pk).get()
    assert brief.title_is_derived and brief.title.startswith("市图书馆举办迎春书法展")
    assert "未知字段已忽略：vid、year" in out.getvalue()


def test_news_item_corpora_give_the_date_and_the_paragraphs(db, tmp_path):
    path = tmp_path / "items.jsonl"
    item = {
        "id": "x-1",
        "date": "2022-09-24",
        "title": "长江焕发新活力",
        "paragraphs": ["一段。", "二段。"],
    }
    _write_lines(path, item)
    call_command("import_archive", str(path), stdout=io.StringIO())
    article = Article.objects.get()
    assert str(article.published) == "2022-09-24" and article.body == "一段。\n二段。"


def test_skip_invalid_imports_the_good_lines_and_sets_the_bad_ones_aside(db, tmp_path):
    path = tmp_path / "items.jsonl"
    good = {"title": "好的一行", "body": "本报讯 正文。", "published": "2021-01-02"}
    _write_lines(path, good, "{not json", {"title": "x", "published": "2021-02-30"})
    out = io.StringIO()
    call_command("import_archive", str(path), "--skip-invalid", stdout=out, stderr=io.StringIO())
    assert list(Article.objects.values_list("title", flat=True)) == ["好的一行"]
    rejects = [
        json.loads(line)
        for line in (tmp_path / "items.jsonl.rejects.jsonl")
        .read_text(encoding="utf-8")
        .splitlines()
    ]
    assert [r["line"] for r in rejects] == [2, 3]
    assert "JSON" in rejects[0]["reason"] and "published" in rejects[1]["reason"]
    assert rejects[0]["text"] == "{not json"
