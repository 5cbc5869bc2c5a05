"""Every internal link resolves: a crawl over an archive of several years."""

import datetime as dt
import io
import json
import re
import shutil
from collections import deque
from pathlib import Path

from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]
HREF = re.compile(r'href="(/[^"#]*)"')
SKIP = ("/admin/", "/static/")
LIMIT = 700


def build(tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    shutil.copytree(ROOT / "seeds", folder)
    lines = []
    for year in (2019, 2022, 2023):
        for i in range(6):
            day = dt.date(year, 1 + i, 10 + i)
            body = (
                f"本报讯 {day.month}月{day.day - 1}日上午，市长王{'甲乙丙丁戊己'[i]}明主持召开"
                f"全市第{i}次工作推进会。\n会议要求，各项工作要抓紧落实。"
            )
            lines.append(
                {"title": f"全市工作推进会召开（{year}-{i}）", "body": body, "published": str(day)}
            )
    (folder / "items.jsonl").write_text(
        "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8"
    )
    call_command("import_archive", str(folder), stdout=io.StringIO(), verbosity=0)


def test_no_internal_link_answers_404_or_500(db, client, tmp_path):
    build(tmp_path)
    seen, todo, broken = set(), deque(["/"]), []
    while todo and len(seen) < LIMIT:
        url = todo.popleft()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code >= 400:
            broken.append((url, response.status_code))
            continue
        if response.status_code in (301, 302):
            todo.append(response["Location"])
            continue
        if "html" not in response.get("Content-Type", ""):
            continue
        for link in HREF.findall(response.content.decode()):
            link = link.replace("&amp;", "&")
            if not link.startswith(SKIP) and link not in seen:
                todo.append(link)
    assert not broken, broken
    assert len(seen) > 150  # the crawl reached the archive: days, articles, persons, events
    assert any(u.startswith("/events/") for u in seen) and any("/people/" in u for u in seen)
