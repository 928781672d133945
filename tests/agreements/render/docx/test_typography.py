"""Typography of the Word editions: fonts the styles name themselves, serif East Asian faces, a landscape
parallel edition, hanging indents the labels fit in, and contents that carry their headings' pages."""

from __future__ import annotations

import functools
import io
import os
import re
import shutil
import subprocess
import unicodedata
import zipfile

import pytest
from lxml import etree

from agreements.diff.compare import compare_agreements
from agreements.diff.redline import redline_docx
from agreements.drafts import load_agreement
from agreements.render.docx.house_style import FONTCONFIG, build_fontconfig, libreoffice_environment
from agreements.render.docx.render import render_docx
from clauses.languages import language
from tests.conftest import FIXTURES

BASE = load_agreement(str(FIXTURES / "base.yaml"))
NEXT = load_agreement(str(FIXTURES / "base-next.yaml"))
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
THEME_ATTRIBUTES = {f"{W}{name}" for name in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")}
REQUIRED = bool(os.environ.get("PEACEDRAFT_REQUIRE_LIBREOFFICE"))
TEXT_POINTS = 11  # the size of the numbered paragraphs' text
LABELS_FITTED = 20  # the labels of the first twenty numbers must fit
PAGE_REFERENCE = re.compile(r"^ PAGEREF (_Toc[0-9]{10}(?:_d)?) \\h $")


@functools.cache
def rendered(lang: str) -> bytes:
    """Return the base draft as Word in a language (or 'parallel')."""
    return render_docx(BASE, lang)


def part(data: bytes, name: str):
    """Return one XML part of a Word file."""
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read(name))


def style_of(paragraph) -> str | None:
    """Return a paragraph's style id."""
    style = paragraph.find(f"{W}pPr/{W}pStyle")
    return None if style is None else style.get(f"{W}val")


def skip_or_fail(reason: str) -> None:
    """Fail where CI requires LibreOffice and its fonts, else skip."""
    if REQUIRED:
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.mark.parametrize("lang", ["en", "ko", "zh", "parallel"])
def test_no_style_takes_its_fonts_from_the_theme(lang):
    """A theme font beside w:ascii wins in Word and LibreOffice: headings came out in Calibri / DejaVu Sans."""
    styles = part(rendered(lang), "word/styles.xml")
    themed = [(fonts.getparent().getparent().get(f"{W}styleId"), sorted(set(fonts.attrib) & THEME_ATTRIBUTES))
              for fonts in styles.iter(f"{W}rFonts") if set(fonts.attrib) & THEME_ATTRIBUTES]
    assert themed == []
    theme = part(rendered(lang), "word/theme/theme1.xml")
    assert [latin.get("typeface") for scheme in ("majorFont", "minorFont")
            for latin in theme.iter(f"{A}{scheme}") for latin in latin.findall(f"{A}latin")] == ["Times New Roman"] * 2


@pytest.mark.parametrize(("lang", "face", "other_name", "charset"), [("ko", "Batang", "바탕", "81"),
                                                                      ("zh", "SimSun", "宋体", "86")])
def test_the_font_table_describes_the_east_asian_face_as_serif(lang, face, other_name, charset):
    fonts = {font.get(f"{W}name"): font for font in part(rendered(lang), "word/fontTable.xml")}
    entry = fonts[face]
    assert (entry.find(f"{W}altName").get(f"{W}val"), entry.find(f"{W}charset").get(f"{W}val"),
            entry.find(f"{W}family").get(f"{W}val")) == (other_name, charset, "roman")
    assert entry.find(f"{W}panose1").get(f"{W}val")[:2] == "02"  # PANOSE family kind 2: Latin text faces


def test_the_fontconfig_file_is_what_the_house_style_builds():
    assert FONTCONFIG.read_text(encoding="utf-8") == build_fontconfig()
    aliases = {alias.findtext("family"): alias.findtext("default/family")
               for alias in etree.fromstring(build_fontconfig().encode()).iter("alias")}
    assert aliases == {"Batang": "serif", "SimSun": "serif"}


@pytest.mark.parametrize(("pattern", "face"), [("Batang:lang=ko", "Noto Serif CJK KR"),
                                                ("SimSun:lang=zh-cn", "Noto Serif CJK SC")])
def test_libreoffice_substitutes_a_serif_face_for_batang_and_simsun(pattern, face):
    """LibreOffice asks fontconfig for a missing face by name and language; Batang was given a sans-serif one."""
    if shutil.which("fc-match") is None or face not in subprocess.run(
            ["fc-list", ":", "family"], capture_output=True, text=True).stdout:
        skip_or_fail(f"fontconfig with {face} (fonts-noto-cjk) is not installed")
    found = subprocess.run(["fc-match", "-f", "%{family}", pattern], capture_output=True, text=True,
                           env=libreoffice_environment(), check=True).stdout
    assert face in found.split(",")


def test_the_parallel_edition_is_landscape_and_its_headings_left_aligned_labels():
    data = rendered("parallel")
    size = part(data, "word/document.xml").find(f"{W}body/{W}sectPr/{W}pgSz")
    assert size.get(f"{W}orient") == "landscape" and int(size.get(f"{W}w")) > int(size.get(f"{W}h"))
    numbering = part(data, "word/numbering.xml")
    headings = [level for level in numbering.iter(f"{W}lvl") if level.find(f"{W}suff") is not None
                and level.find(f"{W}suff").get(f"{W}val") == "space"]
    assert headings and {level.find(f"{W}lvlJc").get(f"{W}val") for level in headings} == {"left"}
    rows = part(data, "word/document.xml").iter(f"{W}tr")
    heading_rows = [row for row in rows if style_of(row.find(f".//{W}p")) in ("Heading1", "Heading2")]
    assert heading_rows and all(row.find(f"{W}trPr/{W}cantSplit") is not None for row in heading_rows)


@functools.cache
def latin_face():
    """Return Liberation Serif (Times New Roman's metrics, as LibreOffice sets it) at 100 × the text size."""
    from PIL import ImageFont

    found = subprocess.run(["fc-match", "-f", "%{file}", "Liberation Serif"], capture_output=True,
                           text=True).stdout if shutil.which("fc-match") else ""
    if "LiberationSerif" not in found:
        skip_or_fail("Liberation Serif (Times New Roman's metrics) is not installed")
    return ImageFont.truetype(found, 100 * TEXT_POINTS)


def label_points(label: str) -> float:
    """Return a label's width in points: a wide (East Asian) character one em, the others as Times sets them."""
    wide = sum(TEXT_POINTS for character in label if unicodedata.east_asian_width(character) in "WF")
    narrow = "".join(character for character in label if unicodedata.east_asian_width(character) not in "WF")
    return wide + latin_face().getlength(narrow) / 100


def list_levels(data: bytes, article_label: str) -> list:
    """Return the levels of the list whose first level is a language's article label."""
    for abstract in part(data, "word/numbering.xml").iter(f"{W}abstractNum"):
        levels = abstract.findall(f"{W}lvl")
        if levels[0].find(f"{W}lvlText").get(f"{W}val") == article_label:
            return levels
    raise AssertionError(f"no list numbers {article_label}")


@pytest.mark.parametrize("lang", ["en", "ko", "zh"])
def test_hanging_indents_hold_the_labels_of_the_first_twenty_numbers(lang):
    """A label wider than its hanging indent pushes the first line to the next tab stop (一、, （一） did)."""
    words = language(lang)
    levels = list_levels(rendered(lang), words.word_list("article")["text"])
    parent_text = 0
    for level_name, level in zip(("paragraph", "point", "subpoint"), levels[1:]):
        indent = level.find(f"{W}pPr/{W}ind")
        left, hanging = int(indent.get(f"{W}left")), int(indent.get(f"{W}hanging"))
        widest = max(label_points(words.label(level_name, (number,))) for number in range(1, LABELS_FITTED + 1))
        assert hanging / 20 >= widest + TEXT_POINTS / 4, (level_name, hanging / 20, widest)
        assert left - hanging == parent_text  # the label starts where the parent's text does
        parent_text = left


def contents_entries(document) -> list:
    """Return the contents' entries: paragraphs of the contents styles that hold words."""
    return [paragraph for paragraph in document.iter(f"{W}p") if style_of(paragraph) in ("toc1", "toc2")
            and "".join(text.text or "" for text in paragraph.iter(f"{W}t", f"{W}delText")).strip()]


def page_references(paragraph) -> list[str]:
    """Return the bookmarks a paragraph's PAGEREF fields name (inserted or deleted)."""
    return [PAGE_REFERENCE.match(node.text).group(1) for node in paragraph.iter(f"{W}instrText", f"{W}delInstrText")]


@pytest.mark.parametrize("lang", ["en", "zh", "parallel"])
def test_contents_entries_give_their_headings_pages(lang):
    """Each entry: its words, a tab to a dotted right tab stop, a PAGEREF field on its heading's bookmark."""
    data = rendered(lang)
    document = part(data, "word/document.xml")
    bookmarks = {start.get(f"{W}name"): style_of(start.getparent()) for start in document.iter(f"{W}bookmarkStart")}
    entries = contents_entries(document)
    references = [page_references(entry) for entry in entries]
    assert len(entries) == 4 and all(len(names) == 1 for names in references)
    assert [bookmarks.get(names[0]) for names in references] == ["Heading1", "Heading2", "Heading2", "Heading2"]
    assert len(list(document.iter(f"{W}bookmarkStart"))) == 4  # the parallel edition's other columns mark none
    assert all(entry.find(f".//{W}tab") is not None for entry in entries)
    tabs = [tab for style in part(data, "word/styles.xml").iter(f"{W}style")
            if style.get(f"{W}styleId") in ("toc1", "toc2") for tab in style.iter(f"{W}tab")]
    size = document.find(f"{W}body/{W}sectPr/{W}pgSz")
    margins = document.find(f"{W}body/{W}sectPr/{W}pgMar")
    width = int(size.get(f"{W}w")) - int(margins.get(f"{W}left")) - int(margins.get(f"{W}right"))
    assert [(tab.get(f"{W}val"), tab.get(f"{W}leader"), int(tab.get(f"{W}pos"))) for tab in tabs] == [
        ("right", "dot", width)] * 2
    settings = part(data, "word/settings.xml")
    assert settings.find(f"{W}updateFields").get(f"{W}val") == "true"


def test_the_redline_keeps_a_page_reference_in_every_contents_entry():
    """Entries that come, go or change keep their field; a deleted one points at the deleted heading's bookmark."""
    data = redline_docx(BASE, NEXT, compare_agreements(BASE, NEXT), "en", "Reviewer")
    document = part(data, "word/document.xml")
    bookmarks = {start.get(f"{W}name") for start in document.iter(f"{W}bookmarkStart")}
    entries = contents_entries(document)
    references = [page_references(entry) for entry in entries]
    assert len(entries) >= 5 and all(len(names) == 1 for names in references)
    assert {name for names in references for name in names} <= bookmarks
    deleted = [names[0] for entry, names in zip(entries, references) if entry.find(f".//{W}delInstrText") is not None]
    assert deleted and all(name.endswith("_d") for name in deleted)
