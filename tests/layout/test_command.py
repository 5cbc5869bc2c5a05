"""manage.py eval_reading on a corpus built in code; its --out pages import with import_archive."""

import json
import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from .corpus_in_code import write_corpus


def _run(tmp_path, *args):
    news, ner = write_corpus(tmp_path)
    out = StringIO()
    call_command("eval_reading", "--corpus", news, "--persons", ner, *args, stdout=out)
    return out.getvalue()


def test_prints_the_table_per_form_and_says_how_persons_are_scored(tmp_path):
    output = _run(tmp_path, "--pages", "5", "--by-form")
    assert output.splitlines()[2].startswith("all")
    assert "date_line" in output or "no_date_line" in output
    assert "inside a byline line or an inserted sentence" in output
    assert "Read 5 generated pages (seed 1)" in output


def test_verbosity_two_says_what_went_wrong_page_by_page(tmp_path):
    quiet = _run(tmp_path, "--pages", "3")
    loud = _run(tmp_path, "--pages", "3", "-v", "2")
    assert loud.endswith(quiet)
    notes = loud[: -len(quiet)].splitlines()
    assert all(
        re.match(r"page_000[123]\.txt: (missed|title|bylines|invented:|date) ", n) for n in notes
    )


def test_same_seed_same_numbers(tmp_path):
    assert _run(tmp_path, "--pages", "4", "--seed", "3") == _run(
        tmp_path, "--pages", "4", "--seed", "3"
    )


def test_a_missing_corpus_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="corpus file not found"):
        call_command("eval_reading", "--corpus", tmp_path / "none.jsonl", stdout=StringIO())


@pytest.mark.django_db
def test_written_pages_carry_their_answer_keys_and_import(tmp_path):
    from archive.models import Article

    pages = tmp_path / "pages"
    _run(tmp_path, "--pages", "3", "--out", pages)
    texts = sorted(pages.glob("*.txt"))
    assert [p.name for p in texts] == ["page_0001.txt", "page_0002.txt", "page_0003.txt"]
    key = json.loads(texts[0].with_suffix(".json").read_text(encoding="utf-8"))
    assert key["file_name"] == "page_0001.txt" and key["articles"]
    call_command("import_archive", pages, stdout=StringIO(), stderr=StringIO())
    assert Article.objects.count() > 0
