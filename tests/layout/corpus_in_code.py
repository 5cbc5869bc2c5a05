"""Small news items and annotated sentences built in code: no corpus text in the repository."""

import datetime as dt
import json

from archive.layout.corpus import AnnotatedSentence, NewsItem

PLACES = "城东城西城南城北河东河西江北湖南岸高新区开发区"
DAYS = (dt.date(2023, 6, 29), dt.date(2023, 6, 30))


def items() -> list[NewsItem]:
    made = []
    for day in DAYS:
        for n in range(8):
            place = PLACES[n * 2 : n * 2 + 2]
            # An id every few characters: any window of a paragraph is unique on a page.
            paragraphs = tuple(
                f"{place}片区{n}号项目第{k}期工程现场机械轰鸣，施工现场一派繁忙景象，建设者们干劲十足，{place}{day.day}{n}{k}标段工人们"
                f"正在加紧施工，{day.day}{n}{k}号工地确保项目按期建成投用。据介绍，{place}"
                f"{day.day}{n}{k}项目总投资约{n + k}亿元，建成后将惠及{place}周边{day.day}{n}{k}"
                f"个村社群众。"
                for k in range(3)
            )
            made.append(
                NewsItem(f"i{day.day}{n}", day, f"{place}重点项目{n}号加快建设", paragraphs)
            )
    made += [NewsItem(f"p{n}", DAYS[0], f"市民游园赏花第{n}景", ()) for n in range(5)]
    slogan_lead = "市应急管理局召开安全生产交办会，会议集中交办一批安全隐患。"
    made.append(NewsItem("s0", DAYS[0], "集中交办 排查安全隐患", (slogan_lead,)))
    return made


def sentences() -> list[AnnotatedSentence]:
    return [
        AnnotatedSentence(f"{name}参加了第{n}次座谈会并发言。", (name,))
        for n, name in enumerate(("彭小军", "王芳", "司马光明", "李建国", "张伟", "赵丽颖"))
    ]


def write_corpus(folder) -> tuple:
    """The same material as the shared corpus files would hold it, for the command."""
    news = folder / "items.jsonl"
    news.write_text(
        "\n".join(
            json.dumps(
                {
                    "id": i.id,
                    "date": i.date.isoformat(),
                    "item": 1,
                    "title": i.title,
                    "paragraphs": list(i.paragraphs),
                    "url": "",
                },
                ensure_ascii=False,
            )
            for i in items()
        ),
        encoding="utf-8",
    )
    ner = folder / "ner.jsonl"
    ner.write_text(
        "\n".join(
            json.dumps(
                {
                    "text": s.text,
                    "entity_list": [
                        {
                            "entity_type": "PER",
                            "entity": s.persons[0],
                            "entity_index": {"begin": 0, "end": len(s.persons[0])},
                        }
                    ],
                },
                ensure_ascii=False,
            )
            for s in sentences()
        ),
        encoding="utf-8",
    )
    return news, ner
