"""A Word agreement as a clause tree of `text` nodes: title, preamble, parts, articles, paragraphs and points.

Each body paragraph is read by its style (peacedraft's own, Word's headings, contents and index styles) or by
the number it starts with (agreements/wordimport/patterns.py); the whole document then says which headings or
numbers open its parts and articles and which paragraph is its title (outline.py), and the builder places each
paragraph in turn (builder.py). Tracked changes are read as if accepted. Every paragraph's words are placed.
"""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass, field

from clauses.languages import DEFAULT_LANGUAGE, language
from agreements.wordimport.builder import TreeBuilder, clean
from agreements.wordimport.outline import outline
from agreements.wordimport.patterns import read_paragraph
from agreements.wordimport.source import BodyParagraph

PARTIES = 2  # placeholder signatories: import does not read the parties from the text


@dataclass
class Imported:
    """The tree read from a document, as plain draft data, and what could not be placed."""

    data: dict
    unplaced: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    numbers: dict[str, int] = field(default_factory=dict)
    texts: list[str] = field(default_factory=list)  # every body paragraph's text, in order
    assumed: list[str] = field(default_factory=list)  # the notes on placeholders (parties, title): a diff keeps ours

    def counts(self) -> str:
        """Return what was read, e.g. '24 articles, 96 paragraphs and points, 5 recitals'."""
        articles = [node for top in self.data["body"]
                    for node in (top["children"] if top["kind"] == "part" else [top])]
        clauses = sum(_count(child) for article in articles for child in article.get("children", []))
        parts = sum(top["kind"] == "part" for top in self.data["body"])
        found = [(parts, "part"), (len(articles), "article"), (clauses, "paragraph or point"),
                 (len(self.data["preamble"]), "recital"), (len(self.data.get("annexes", [])), "annex or protocol")]
        return ", ".join(f"{number:,} {_plural(noun, number)}" for number, noun in found if number or noun == "article")


def _count(node: dict) -> int:
    """Return a clause and everything below it, counted."""
    return 1 + sum(_count(child) for child in node.get("children", []))


def _plural(noun: str, number: int) -> str:
    """Return 'article' or 'articles', 'paragraph or point' or 'paragraphs and points'."""
    if number == 1:
        return noun
    plurals = {"paragraph or point": "paragraphs and points", "annex or protocol": "annexes and protocols"}
    return plurals.get(noun, f"{noun}s")


def build_tree(body: list[BodyParagraph], lang: str, path: str, date: datetime.date) -> Imported:
    """Return the draft data of a document's paragraphs, and what the import could not place or had to assume."""
    sources = [dataclasses.replace(source, text=clean(source.text, path, source.index)) for source in body]
    sources = [source for source in sources if source.text.strip()]
    readings = [read_paragraph(source.style, source.text, source.list_level) for source in sources]
    plan = outline(readings, [source.list_level for source in sources])
    builder = TreeBuilder(lang, path, plan)
    for position, (source, reading) in enumerate(zip(sources, readings)):
        builder.add(source, plan.placed(position, reading))
    notes = []
    if builder.title is None:
        notes.append(f"no title found: '{placeholder(lang, 'untitled')}' written")
    data = {
        "peacedraft": 1,
        "meta": {"title": {lang: builder.title or placeholder(lang, "untitled")}, "form": "peace_agreement",
                 "round": 1, "version": "imported", "date": date.isoformat(), "languages": [lang]},
        "parties": [{"id": f"party-{n}", "names": {lang: party_name(lang, n)}, "role": "signatory"}
                    for n in range(1, PARTIES + 1)],
        "preamble": builder.preamble,
        "body": [_without_numbers(node) for node in builder.body],
    }
    if builder.annexes:
        data["annexes"] = builder.annexes
    if builder.short_title:
        data["meta"]["short_title"] = {lang: builder.short_title}
    notes.append("parties are not read from the text: two placeholders (party-1, party-2) written")
    numbers = {node["id"]: node["_number"] for top in builder.body
               for node in [top, *(top["children"] if top["kind"] == "part" else [])] if "_number" in node}
    return Imported(data, builder.unplaced, [*notes, *builder.notes], numbers, assumed=list(notes))


def placeholder(lang: str, key: str) -> str:
    """Return the words a language file gives an import for what the document does not say ('untitled')."""
    return language(lang).import_patterns.get(key) or language(DEFAULT_LANGUAGE).import_patterns[key]


def party_name(lang: str, number: int) -> str:
    """Return a placeholder party's name in a language ('Party 1', '당사자 1', '当事方一')."""
    return placeholder(lang, "party").format(**language(lang).numbers(number))


def _without_numbers(node: dict) -> dict:
    """Return a part or article without the numbers kept for matching."""
    kept = {key: value for key, value in node.items() if not key.startswith("_")}
    if node["kind"] == "part":
        kept["children"] = [_without_numbers(child) for child in node["children"]]
    return kept
