"""The legal-linguistic check: each node's texts in the draft's languages say the same thing.

For every heading, recital, paragraph, point and footnote, the text in each language is read (`facts.py`) and set
beside the first language's: the same numbers, cross-references, names, defined concepts, bracket groups
and proposers. Each language's text is also checked alone: no variant the terminology base forbids, the
numeral style and punctuation of its file. Every finding is one located line: `node-id: ko: …`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction

from agreements.authentic.facts import Facts, Group, TextFacts
from agreements.document.blocks import Block
from agreements.document.compose import compose
from agreements.index import AgreementIndex, index_of
from agreements.model import Agreement
from agreements.render.plain import plain_text
from agreements.rules.context import Finding
from clauses.errors import Location
from clauses.languages import language, variants_of
from clauses.terminology import CONCEPT, Named, Reader

HEADED = ("part", "article")


@dataclass(frozen=True)
class Unit:
    """One text to compare across languages: a node's words in each language, and where each is written."""

    node_id: str
    texts: dict[str, str]
    locations: dict[str, Location]


def named_in(agreement: Agreement, lang: str) -> list[Named]:
    """Return the parties, bodies and zones of a draft with every name they have in a language (or a variant)."""
    words = language(lang)
    base = words.variant_of or lang
    found = []
    for kind, items in (("party", agreement.parties), ("body", agreement.bodies), ("zone", agreement.zones)):
        for item in items:
            forms = [words.vary(names[base]) for names in (item.names, getattr(item, "short_names", None) or {})
                     if base in names]
            found.append(Named(kind, item.id, tuple(forms)))
    return found


def readers(agreement: Agreement, languages: list[str]) -> dict[str, TextFacts]:
    """Return a reader of facts for each language, knowing the draft's names."""
    return {lang: TextFacts(language(lang), Reader(language(lang), named_in(agreement, lang))) for lang in languages}


def units(agreement: Agreement, languages: list[str]) -> Iterator[Unit]:
    """Yield every heading and node text of a draft, in document order, with its words in each language."""
    index = index_of(agreement)
    document = compose(agreement, languages)
    stack = list(reversed(document.blocks))
    while stack:
        block = stack.pop()
        stack += reversed(block.children)
        if block.node_id and block.node_id in index.places:
            for unit in (_unit(block, languages, index), _footnote_unit(block, languages, index)):
                if unit.texts:
                    yield unit


def _unit(block: Block, languages: list[str], index: AgreementIndex) -> Unit:
    """Return a block's words in each language that has them, located at the field that holds them."""
    path = index.path(block.node_id)
    node = index.model(block.node_id)
    field = "heading" if block.type in HEADED else "text"
    texts, locations = {}, {}
    for lang in languages:
        text = block.texts.get(lang)
        if text is None or text.missing:
            continue
        texts[lang] = (text.title or "") if block.type in HEADED else plain_text(text, language(lang))
        held = isinstance(getattr(node, field, None), dict) and lang in getattr(node, field)
        locations[lang] = index.locate((*path, field, lang) if held else path)
    return Unit(block.node_id, texts, locations)


def _footnote_unit(block: Block, languages: list[str], index: AgreementIndex) -> Unit:
    """Return a block's footnote in each language that has it (a footnote missing in one is a missing text, reported
    by the rule languages-complete), located at the footnote."""
    path = index.path(block.node_id)
    texts = {lang: block.texts[lang].footnote for lang in languages
             if lang in block.texts and block.texts[lang].footnote is not None}
    return Unit(block.node_id, texts, {lang: index.locate((*path, "footnote", lang)) for lang in texts})


def compare(unit: Unit, facts: dict[str, Facts]) -> Iterator[Finding]:
    """Yield the findings of one unit: each language's own, then how each differs from the first language's."""
    languages = list(unit.texts)
    for lang in languages:
        yield from _alone(unit, lang, facts[lang])
    first = languages[0] if languages else None
    for lang in languages[1:]:
        yield from _against(unit, lang, facts[lang], first, facts[first])


def _finding(unit: Unit, lang: str, rule: str, message: str) -> Finding:
    """Return a finding of one language of a unit."""
    return Finding(f"languages-{rule}", "error", unit.node_id, f"{lang}: {message}", unit.locations[lang])


def _alone(unit: Unit, lang: str, facts: Facts) -> Iterator[Finding]:
    """Yield the variants to avoid and the broken conventions in one language's text."""
    words = language(lang)
    for mention in facts.mentions:
        if mention.avoided:
            term = words.concepts[mention.id]["term"]
            yield _finding(unit, lang, "terms", f"'{mention.found}' is not the term for {mention.id}: write '{term}'")
    for found, message in facts.style:
        yield _finding(unit, lang, "style", f"'{found}': {message}")


def _against(unit: Unit, lang: str, facts: Facts, first: str, model: Facts) -> Iterator[Finding]:
    """Yield how one language's facts differ from the first language's."""
    if facts.numbers != model.numbers:
        yield _finding(unit, lang, "numbers", _difference("numbers", first, model.numbers, facts.numbers, _number))
    if facts.references != model.references:
        yield _finding(unit, lang, "references", _difference(
            "references to articles", first, model.references, facts.references, str))
    shared = set(language(first).concepts) & set(language(lang).concepts)
    for kind, rule in (("entity", "names"), (CONCEPT, "concepts")):
        ours = {key for key in facts.named if (key[0] == CONCEPT) == (kind == CONCEPT) and _compared(key, shared)}
        theirs = {key for key in model.named if (key[0] == CONCEPT) == (kind == CONCEPT) and _compared(key, shared)}
        if ours != theirs:
            yield _finding(unit, lang, rule, _difference(rule, first, theirs, ours, lambda key: key[1]))
    if facts.groups != model.groups:
        yield _finding(unit, lang, "brackets", _brackets(first, model.groups, facts.groups))


def _compared(key: tuple[str, str], shared: set[str]) -> bool:
    """Return whether a mention is compared across two languages: a name, or a concept both languages define."""
    return key[0] != CONCEPT or key[1] in shared


def _difference(what: str, first: str, expected: set, found: set, show) -> str:
    """Return 'numbers differ from en: 60 only in en; 6 only here'."""
    parts = []
    if expected - found:
        parts.append(f"{', '.join(sorted(map(show, expected - found)))} only in {first}")
    if found - expected:
        parts.append(f"{', '.join(sorted(map(show, found - expected)))} only here")
    return f"{what} differ from {first}: {'; '.join(parts)}"


def _brackets(first: str, expected: list[Group], found: list[Group]) -> str:
    """Return how bracket groups differ: their number, or the first group whose letter or proposers differ."""
    if len(expected) != len(found):
        return f"{len(found)} bracket group{'s' * (len(found) != 1)} where {first} has {len(expected)}"
    for number, (theirs, ours) in enumerate(zip(expected, found), 1):
        if theirs != ours:
            return (f"bracket group {number} is {_group(ours)} where {first} has {_group(theirs)}")
    return "bracket groups differ"


def _group(group: Group) -> str:
    """Return a bracket group as a finding shows it: 'option B proposed by dprk'."""
    label = f"option {group.letter}" if group.letter else "bracketed text"
    proposers = ", ".join(sorted(group.proposers)) or "no one"
    return f"{label} proposed by {proposers}"


def _number(value: Fraction) -> str:
    """Return a number as a finding shows it."""
    return str(value.numerator) if value.denominator == 1 else str(float(value))


def with_variants(unit: Unit, languages: list[str]) -> Unit:
    """Return a unit with the text of each variant of its languages (the DPRK's Korean beside the Korean)."""
    texts, locations = dict(unit.texts), dict(unit.locations)
    for lang in languages:
        for variant in variants_of(lang):
            if lang in unit.texts:
                texts[variant.code] = variant.vary(unit.texts[lang])
                locations[variant.code] = unit.locations[lang]
    return Unit(unit.node_id, texts, locations)


def check_languages(agreement: Agreement) -> list[Finding]:
    """Return every finding of the legal-linguistic check of a draft and its languages' variants, in document order."""
    languages = list(agreement.meta.languages)
    reading = readers(agreement, [*languages, *(variant.code for lang in languages for variant in variants_of(lang))])
    found = []
    for unit in units(agreement, languages):
        unit = with_variants(unit, languages)
        facts = {lang: reading[lang].read(text) for lang, text in unit.texts.items()}
        found += _without_repeats(list(compare(unit, facts)))
    return found


def _without_repeats(findings: list[Finding]) -> list[Finding]:
    """Return findings without a variant's that says what its base language's already says."""
    said = {(finding.rule, finding.message) for finding in findings}
    kept = []
    for finding in findings:
        lang, _, message = finding.message.partition(": ")
        base = language(lang).variant_of
        if base is None or (finding.rule, f"{base}: {message}") not in said:
            kept.append(finding)
    return kept
