"""The article page cites the article (GB/T 7714, RIS, BibTeX) and says what the machine was
unsure of; RIS and BibTeX download as files."""

import html

from django.utils import timezone

from archive.models.pages import DateStatus
from tests.factories import ArticleFactory, SourcePageFactory


def page_of(client, article) -> str:
    response = client.get(f"/articles/{article.pk}/")
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def test_article_page_offers_every_citation_with_a_copy_button(client, archive_data):
    d = archive_data
    url = f"http://testserver/articles/{d.meeting.pk}/"
    today = timezone.localdate().isoformat()
    page = page_of(client, d.meeting)
    # The reporter is the author; the persons named in the text are not.
    assert "陈润. 市委常委会召开会议[N]. 衡阳日报, 2021-04-17(1)." in page
    assert f"陈润. 市委常委会召开会议[N/OL]. 衡阳日报, 2021-04-17(1)[{today}]. {url}." in page
    assert "TY  - NEWS\r\nAU  - 陈润\r\nTI  - 市委常委会召开会议" in page
    assert f"@article{{hengyangribao-{d.meeting.pk}," in page
    for target in ("citation", "citation-online", "citation-ris", "citation-bibtex", "permalink"):
        assert f'data-copy-target="{target}"' in page
    assert f'href="/articles/{d.meeting.pk}/cite.ris"' in page
    assert f'href="/articles/{d.meeting.pk}/cite.bib"' in page


def test_an_article_without_reporters_is_cited_by_its_title(client, archive_data):
    page = page_of(client, archive_data.second)
    assert "全市政法队伍教育整顿推进会召开[N]. 衡阳日报, 2021-04-17(1)." in page


def test_ris_and_bibtex_download_as_files(client, archive_data):
    pk = archive_data.meeting.pk
    ris = client.get(f"/articles/{pk}/cite.ris")
    assert ris.status_code == 200
    assert ris["Content-Type"] == "application/x-research-info-systems; charset=utf-8"
    assert ris["Content-Disposition"] == f'attachment; filename="hengyangribao-{pk}.ris"'
    text = ris.content.decode()
    assert text.startswith("TY  - NEWS\r\nAU  - 陈润\r\n") and text.endswith("ER  - \r\n")
    assert f"UR  - http://testserver/articles/{pk}/\r\n" in text
    bib = client.get(f"/articles/{pk}/cite.bib")
    assert bib["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert bib["Content-Disposition"] == f'attachment; filename="hengyangribao-{pk}.bib"'
    assert bib.content.decode().startswith(f"@article{{hengyangribao-{pk},\n")
    hidden = archive_data.hidden.pk
    assert client.get(f"/articles/{hidden}/cite.ris").status_code == 404
    assert client.get(f"/articles/{hidden}/cite.bib").status_code == 404


def test_a_sure_article_shows_no_notes(client, archive_data):
    assert "关于本文的识别" not in page_of(client, archive_data.meeting)


def test_an_inferred_date_is_said_and_bracketed_in_the_citation(client, db):
    article = ArticleFactory(date_status=DateStatus.INFERRED, title="推断日期的文章")
    page = page_of(client, article)
    assert "关于本文的识别" in page
    assert "出版日期是根据版面内容推断的（版面上没有印出日期），可能有出入。" in page
    assert "推断日期的文章[N]. 衡阳日报, [2021-04-17](1)." in page


def test_an_unknown_date_and_review_reasons_are_said(client, db):
    article = ArticleFactory(
        published=None,
        needs_review=True,
        review_reasons=["版面没有可以确定年份的依据，出版日期待核实（导语日期：4月16日）"],
    )
    page = page_of(client, article)
    assert "出版日期不明。" in page
    assert "待编辑核对：版面没有可以确定年份的依据，出版日期待核实（导语日期：4月16日）。" in page
    article.needs_review = False  # an admin has checked it: the reasons are settled
    article.save()
    assert "待编辑核对" not in page_of(client, article)


def test_a_doubtful_page_is_said_on_its_articles(client, db):
    source = SourcePageFactory(warnings=["版面开头有没有标题的文字，已单独成篇"])
    article = ArticleFactory(source_page=source)
    page = page_of(client, article)
    assert "这一版的版面识别有疑问（版面开头有没有标题的文字，已单独成篇）" in page
    assert "可对照版面原文" in page
