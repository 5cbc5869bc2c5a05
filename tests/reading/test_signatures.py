"""Signatures in a text that comes without its page (a JSON line's body)."""

from archive.reading.signatures import read_signatures


def names(signed):
    return [(b.name, b.kind) for b in signed.bylines]


def test_byline_lines_above_and_below_the_text_are_taken_out():
    signed = read_signatures(["本报记者 张胜男", "全市新建保障房5万套。", "（摄影 刘宇 摄）"])
    assert signed.paragraphs == ["全市新建保障房5万套。"]
    assert names(signed) == [("张胜男", "reporter"), ("刘宇", "photographer")]


def test_the_dateline_names_reporters_agency_and_place_and_stays_in_the_lead():
    lead = "本报长沙4月16日电 记者陈刚报道：省政府今天举行发布会。"
    signed = read_signatures([lead, "发布会介绍了有关情况。"])
    assert signed.paragraphs[0] == lead
    assert (signed.agency, signed.place, names(signed)) == ("本报", "长沙", [("陈刚", "reporter")])


def test_a_sentence_about_reporters_is_no_byline():
    text = ["记者从市教育局获悉，今年新建学校10所。", "开学前全部投入使用。"]
    signed = read_signatures(text)
    assert signed.paragraphs == text and signed.bylines == []


def test_a_body_that_is_only_a_signature_keeps_its_text():
    signed = read_signatures(["（记者 赵小兵）"])
    assert signed.paragraphs == ["（记者 赵小兵）"]
    assert names(signed) == [("赵小兵", "reporter")]
