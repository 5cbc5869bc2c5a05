"""Name shapes the person finder learned this round, as a user meets them after an import:
people on the people page, each with the role the page gives them."""

import io

from django.core.management import call_command

from archive.models import Person

PAGE = """市领导会见外国客人

■本报记者 张建国

本报讯 4月16日上午，日本外相上川阳子在市政府会见了我市代表团。古巴国家主席迪亚斯-卡内尔发来贺信。

牧民扎西次仁说，今年的收成很好。

出席会议的有：丁关根　刀爱民　于永波　马万祺　王兆国　回良玉　乔石
"""


def test_names_of_every_shape_reach_the_people_page(db, tmp_path, client):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "page.txt").write_text(PAGE, encoding="utf-8")
    call_command(
        "import_archive", str(folder), "--date=2021-04-17", stdout=io.StringIO(), verbosity=0
    )
    names = set(Person.objects.values_list("name", flat=True))
    listed = {"丁关根", "刀爱民", "于永波", "马万祺", "王兆国", "回良玉", "乔石"}
    assert {"上川阳子", "迪亚斯-卡内尔", "扎西次仁", "张建国"} | listed <= names
    html = client.get("/people/").content.decode()
    assert all(name in html for name in ("上川阳子", "扎西次仁", "刀爱民"))
    minister = Person.objects.get(name="上川阳子")
    assert "日本外相" in client.get(minister.get_absolute_url()).content.decode()
