"""factory_boy factories for the archive's records."""

import datetime as dt
import hashlib

import factory

from archive import models
from archive.models.people import MentionKind


class SourcePageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.SourcePage

    file_name = factory.Sequence(lambda n: f"page_{n:03d}.txt")
    text = "市委常委会召开会议\n\n本报讯 4月16日上午，会议召开。"
    checksum = factory.LazyAttribute(lambda o: hashlib.sha256(o.file_name.encode()).hexdigest())
    encoding = "utf-8"
    issue_date = dt.date(2021, 4, 17)
    page_number = 1


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Article

    title = factory.Sequence(lambda n: f"测试文章标题{n}")
    body = "本报讯 4月16日上午，市委召开会议。\n会议强调，要推动高质量发展。"
    published = dt.date(2021, 4, 17)
    page = 1
    position = factory.Sequence(lambda n: n)
    source = "page_000.txt"
    fingerprint = factory.Sequence(lambda n: hashlib.sha256(f"article-{n}".encode()).hexdigest())


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Person
        django_get_or_create = ("name",)

    name = factory.Iterator(["张三丰", "李四光", "王五一", "赵六合", "钱七星"])
    pinyin = ""
    pinyin_initials = ""


class MentionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Mention

    article = factory.SubFactory(ArticleFactory)
    person = factory.SubFactory(PersonFactory)
    kind = MentionKind.TEXT
    role = "市长"


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Event

    title = factory.Sequence(lambda n: f"市委常委会会议{n}")
    kind = "会议"
    date = dt.date(2021, 4, 16)
    time_of_day = "上午"
