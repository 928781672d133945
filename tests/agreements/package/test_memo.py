"""The cover memo: sections in order, real parameter changes, open brackets, findings, the chart, reproducible."""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib

import docx
import pytest

from agreements.diff.compare import compare_agreements
from agreements.tree import iter_models
from agreements.drafts import load_agreement, parse_agreement
from agreements.examples import example_path
from agreements.package.memo import memo_docx, memo_markup, parse
from agreements.rules.registry import check
from tests.conftest import mutate
from tests.processes import bytes_elsewhere

ROUND_1 = load_agreement(str(example_path("round-1")))
ROUND_2 = load_agreement(str(example_path("round-2")))
R2_TEXT = example_path("round-2").read_text(encoding="utf-8")
COMPARISON = compare_agreements(ROUND_1, ROUND_2)
CONTENTS = (("round-2.en.docx", "Clean text, English"), ("positions-matrix.docx", "Positions matrix"))
HEADINGS = ["What changed since R1", "Open brackets by topic", "Validation findings", "Implementation timeline",
            "Contents of this package"]
LADDER_STATUS = "            status: bracketed\n            proposed_by: [rok, usa]\n            ladder:"


def png(width: int = 4, height: int = 3) -> bytes:
    """Return a small valid PNG (8-bit grey), built with zlib and struct."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + bytes(range(0, 255, 255 // width))[:width] for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


CHART = png()


def opened(data: bytes) -> docx.Document:
    """Return a memo opened again with python-docx."""
    return docx.Document(io.BytesIO(data))


def texts(document: docx.Document) -> list[str]:
    """Return the text of every body paragraph."""
    return [paragraph.text for paragraph in document.paragraphs]


def section(document: docx.Document, heading: str) -> list[str]:
    """Return the paragraphs from a Heading 1 to the next one."""
    paragraphs = document.paragraphs
    start = next(index for index, p in enumerate(paragraphs) if p.style.name == "Heading 1" and p.text == heading)
    found = []
    for paragraph in paragraphs[start + 1:]:
        if paragraph.style.name == "Heading 1":
            break
        found.append(paragraph.text)
    return found


@pytest.fixture(scope="module")
def memo() -> docx.Document:
    """Return round 2's memo against round 1, with the chart and a contents list, opened."""
    return opened(memo_docx(ROUND_2, check(ROUND_2), COMPARISON, CHART, CONTENTS))


def test_title_round_date_instrument_and_parties_open_the_memo(memo):
    lines = texts(memo)
    assert memo.paragraphs[0].style.name == "Title" and lines[0] == "Cover memo — R2"
    assert lines[1] == "Round:\t2 (version R2)"
    assert lines[2] == "Date:\t25 June 2027"
    assert lines[3] == "Instrument:\tAgreement on the Establishment of a Permanent Peace Regime on the Korean Peninsula"
    assert lines[4].startswith("Signatories:\tRepublic of Korea, Democratic People's Republic of Korea")
    assert lines[5] == "Witness:\tUnited Nations"
    assert "Round 2 (R2)" in memo.sections[0].header.paragraphs[0].text


def test_sections_come_in_order(memo):
    assert [p.text for p in memo.paragraphs if p.style.name == "Heading 1"] == HEADINGS


def test_the_verified_parameter_change_is_named_with_its_article(memo):
    artillery = [change for change in COMPARISON.changes
                 if change.kind == "parameters" and change.node == "force.artillery"]
    assert artillery and artillery[0].details["parameters"] == [{"parameter": "pullback_km", "old": 10, "new": 15}]
    assert ("•\tParagraph 2 of Article 8 — Pull-back of Forces and Limitation of Exercises: pull-back distance: "
            "10 kilometres → 15 kilometres") in texts(memo)


def test_every_parameter_change_of_the_comparison_is_listed_in_words(memo):
    changed = section(memo, "What changed since R1")
    start, end = changed.index("Key parameter changes"), changed.index("Other notable changes")
    listed = changed[start + 1:end]
    assert len(listed) == sum(len(change.details["parameters"]) for change in COMPARISON.changes
                              if change.kind == "parameters")
    assert listed[3:8] == [
        "•\tParagraph 1 of Article 12 — United Nations Command and Armistice Bodies: effective: within 365 days after "
        "the entry into force of this Agreement → within 90 days after the completion of the step “Verified "
        "dismantlement of the nuclear facilities at Yongbyon”",
        "•\tParagraph 1 of Article 14 — Denuclearization: scope: drops chemical weapons and biological weapons",
        "•\tParagraph 1 of Article 14 — Denuclearization: links: adds denuclearization step: Verified dismantlement "
        "of the nuclear facilities at Yongbyon; peace step: Dissolution of the United Nations Command",
        "•\tParagraph 1 of Article 18 — Crossing of Persons, Goods and Means of Payment: people: permit → pre "
        "registered list",
        "•\tParagraph 1 of Article 19 — Prisoners of War, Detainees, Separated Families and Remains: categories: "
        "adds abducted persons",
    ]
    assert listed[0] == ("•\tParagraph 1 of Article 2 — The Agreement and its Parties: linked instruments: adds "
                         "Exchange of Letters on Interim Restraint")


def test_counts_of_change_kinds_and_notable_changes(memo):
    changed = section(memo, "What changed since R1")
    counts = COMPARISON.counts()
    opening = f"In all {len(COMPARISON.changes)} changes: {counts['added']} added, {counts['removed']} removed"
    assert any(line.startswith(opening) for line in changed)
    assert "•\tArticle 10 — Prevention of Military Incidents: added" in changed
    assert "•\tArticle 19 — Prisoners of War, Detainees, Separated Families and Remains: moved here from Article 11" \
        in changed
    assert ("•\tParagraph 1 of Article 18 — Crossing of Persons, Goods and Means of Payment: bracketed → agreed"
            in changed)


def test_open_brackets_are_listed_by_topic_with_where_they_stand(memo):
    topics = section(memo, "Open brackets by topic")
    assert "•\tThe settlement of disputes: 1 bracketed, 1 with options — paragraph 1 of Article 23" in topics
    assert "•\tPreamble: 1 bracketed, 1 with options — recital 4 of the preamble" in topics
    assert not any("Article 12" in line for line in topics)  # the UN Command, agreed ad referendum in R2


def test_no_findings_says_none(memo):
    assert check(ROUND_2) == []
    assert section(memo, "Validation findings") == ["None: the draft passes every consistency rule."]


def test_findings_appear_with_severity_node_and_message():
    broken = parse_agreement(mutate(R2_TEXT, LADDER_STATUS, LADDER_STATUS.replace("bracketed", "agreed")), "r2.yaml")
    findings = check(broken)
    assert findings
    listed = section(opened(memo_docx(broken, findings, COMPARISON)), "Validation findings")
    assert len(listed) == len(findings)
    expected = ("•\terror — Paragraph 1 of Article 23 — Settlement of Disputes: status is agreed but 1 open "
                "alternative remains")
    assert any(line.startswith(expected) for line in listed)


def test_the_chart_is_an_inline_picture_when_given(memo):
    assert len(memo.inline_shapes) == 1
    timeline = [p for p in memo.paragraphs if p._p.xpath(".//pic:pic")]
    assert len(timeline) == 1
    data = memo_docx(ROUND_2, [], COMPARISON, CHART, CONTENTS)
    media = [name for name in zipfile.ZipFile(io.BytesIO(data)).namelist() if name.startswith("word/media/")]
    assert len(media) == 1 and zipfile.ZipFile(io.BytesIO(data)).read(media[0]) == CHART


def test_without_a_chart_there_is_no_picture_and_a_note():
    document = opened(memo_docx(ROUND_2, [], COMPARISON))
    assert len(document.inline_shapes) == 0
    assert section(document, "Implementation timeline") == ["No timeline chart was supplied with this memo."]


def test_contents_list_the_package_files(memo):
    listed = section(memo, "Contents of this package")
    assert listed == [f"•\t{name} — {description}" for name, description in CONTENTS]


def test_without_a_comparison_no_changes_are_reported():
    document = opened(memo_docx(ROUND_2, []))
    assert "What changed since the previous round" in texts(document)
    assert section(document, "What changed since the previous round") == [
        "No earlier version was given, so this memo reports no changes."]


def test_values_cannot_start_markup_lines():
    markup = memo_markup(ROUND_2, [], None, False, [("evil.docx", "first line\n# injected heading\n@chart")])
    lines = parse(markup)
    assert not any(line.kind == "#" and "injected" in line.text for line in lines)
    assert not any(line.kind == "@chart" for line in lines)
    assert any(line.kind == "-" and line.text == "evil.docx — first line # injected heading @chart" for line in lines)


def test_markup_kinds():
    lines = parse("= T\n* Round: 2\n\n# H\n## S\nbody one\nbody two\n\n- item\n~ note\n@chart\n")
    assert [(line.kind, line.text) for line in lines] == [
        ("=", "T"), ("*", "Round: 2"), ("#", "H"), ("##", "S"), ("", "body one body two"), ("-", "item"),
        ("~", "note"), ("@chart", "")]


def test_two_calls_give_the_same_bytes():
    """A process with another hash seed writes the same bytes."""
    call = "memo_docx(ROUND_2, check(ROUND_2), COMPARISON, CHART, CONTENTS)"
    setup = "from tests.agreements.package.test_memo import ROUND_2, COMPARISON, CHART, CONTENTS, check, memo_docx"
    assert bytes_elsewhere(setup, call) == memo_docx(ROUND_2, check(ROUND_2), COMPARISON, CHART, CONTENTS)


POSITION = '              rok: {stance: support, note: "Abductees and detained nationals must be covered."}\n'


def test_a_count_of_one_is_said_in_the_singular():
    text = mutate(R2_TEXT, POSITION, POSITION.replace("support", "reserve"))
    text = mutate(text, "            pullback_km: 15  # R1: 10 km\n", "            pullback_km: 16\n")
    comparison = compare_agreements(ROUND_2, parse_agreement(text, "r2b.yaml"))
    assert {kind: count for kind, count in comparison.counts().items() if count} == {"positions": 1, "parameters": 1,
                                                                                     "text": 1}  # the text it gives
    opening = section(opened(memo_docx(comparison.new, [], comparison)), "What changed since R2")[0]
    assert opening == "In all 3 changes: 1 change of position, 1 parameter change, 1 change of wording."


def test_counts_of_several_are_said_in_the_plural_and_one_in_the_singular(memo):
    changed = section(memo, "What changed since R1")
    counts = COMPARISON.counts()
    assert counts["moved"] == 1 and counts["removed"] == 1 and counts["parameters"] > 1
    assert f"{counts['parameters']} parameter changes" in changed[0] and "1 moved" in changed[0]


def test_the_memo_shows_no_id_of_the_drafts(memo):
    ids = {visit.model.id for agreement in (ROUND_1, ROUND_2) for visit in iter_models(agreement)
           if isinstance(getattr(visit.model, "id", None), str)}
    body = [line for line in texts(memo) if line not in section(memo, "Contents of this package")]
    shown = [(key, line) for key in ids for line in body if re.search(rf"(?<![\w.-]){re.escape(key)}(?![\w-])", line)]
    assert shown == []
