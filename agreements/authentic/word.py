"""The legal-linguistic check of three Word files, one per language: imported, aligned by article, compared.

Each file is read as `peacedraft import` reads it; the files must be in the languages they are given as
and have the same articles, paragraphs and points in the same order. Names are those of the standard
registry (clauses/library/registry.yaml, full and short), since a Word file has no registry of its own.
"""

from __future__ import annotations

from collections.abc import Iterator

from agreements.authentic.check import Unit, compare
from agreements.authentic.facts import TextFacts
from agreements.model import Agreement, Article, Part
from agreements.rules.context import Finding
from agreements.wordimport.importer import import_word
from clauses.errors import InputError, Location
from clauses.languages import language
from clauses.scope import standard_entries
from clauses.terminology import Named, Reader

STANDARD_KINDS = ("parties", "bodies", "zones")


def check_word_files(files: dict[str, str]) -> list[Finding]:
    """Return the findings of the check of Word files by language ({'en': 'en.docx', …}), the first the model."""
    read = {lang: _read(path, lang) for lang, path in files.items()}
    outlines = {lang: _outline(agreement) for lang, (agreement, _) in read.items()}
    first = next(iter(files))
    for lang in files:
        _align(outlines[first], outlines[lang], files[first], files[lang], lang)
    readers = {lang: TextFacts(language(lang), Reader(language(lang), standard_named(lang))) for lang in files}
    found = []
    for position, _ in enumerate(outlines[first]):
        unit = _unit(position, outlines, read, files)
        facts = {lang: readers[lang].read(text) for lang, text in unit.texts.items()}
        found += compare(unit, facts)
    return found


def _read(path: str, lang: str) -> tuple[Agreement, list[str]]:
    """Return a Word file's agreement and its paragraphs' texts, refused when it is not in the given language."""
    agreement, imported = import_word(path, lang, insist=True)
    return agreement, imported.texts


def _outline(agreement: Agreement) -> list[tuple[int, str, str]]:
    """Return the document's texts in order as (article number, node id, text): title and recitals are article 0."""
    lang = agreement.meta.languages[0]
    found = [(0, "title", agreement.meta.title.get(lang, ""))]
    found += [(0, recital.id, recital.text.get(lang, "")) for recital in agreement.preamble]
    articles = [article for top in agreement.body
                for article in (top.children if isinstance(top, Part) else [top])]
    for number, article in enumerate(articles, 1):
        found += list(_article(article, number, lang))
    return found


def _article(article: Article, number: int, lang: str) -> Iterator[tuple[int, str, str]]:
    """Yield an article's heading and its clauses' texts, depth first."""
    yield number, article.id, (article.heading or {}).get(lang, "")
    stack = list(reversed(article.children))
    while stack:
        node = stack.pop()
        stack += reversed(node.children)
        yield number, node.id, (getattr(node, "text", None) or {}).get(lang, "")


def _align(model: list, other: list, model_path: str, path: str, lang: str) -> None:
    """Raise naming the first article whose paragraphs and points do not match the first file's."""
    for index in range(max(len(model), len(other))):
        theirs = model[index][0] if index < len(model) else None
        ours = other[index][0] if index < len(other) else None
        if theirs != ours:
            number = min(number for number in (theirs, ours) if number is not None)
            where = language(lang).label("article", (number,)) if number else language(lang).phrase("preamble")
            raise InputError(f"{path}: {where} does not align with {model_path} (its paragraphs and points, "
                             f"or the articles, differ in number)", "PD-E096")


def _unit(position: int, outlines: dict, read: dict, files: dict[str, str]) -> Unit:
    """Return the texts at one position of every file, each located at its paragraph in its file."""
    texts, locations = {}, {}
    for lang, outline in outlines.items():
        _, node_id, text = outline[position]
        texts[lang] = text
        locations[lang] = Location(files[lang], _paragraph_number(text, read[lang][1]))
    node_id = outlines[next(iter(outlines))][position][1]
    return Unit(node_id, {lang: text for lang, text in texts.items() if text}, locations)


def _paragraph_number(text: str, paragraphs_text: list[str]) -> int:
    """Return the number of the Word paragraph that holds a text (1 when none does)."""
    probe = text[:40]
    for number, paragraph in enumerate(paragraphs_text, 1):
        if probe and probe in paragraph:
            return number
    return 1


def standard_named(lang: str) -> list[Named]:
    """Return the standard registry's parties, bodies and zones with their names in a language."""
    return [Named("entity", entry["id"], tuple(names[lang] for names in (entry["names"], entry.get("short_names") or {})
                                               if lang in names)) for entry in standard_entries()]
