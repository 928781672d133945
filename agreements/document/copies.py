"""A party's own copy of the agreement (the alternat): that party named first wherever the parties are listed,
and the text in the party's variant of a language where it has one (the DPRK's Korean).
"""

from __future__ import annotations

import dataclasses

from agreements.document.blocks import BlockText, Bracket, Document, Foreign, Inline, Option
from agreements.model import Party
from clauses.errors import InputError
from clauses.languages import Language, variant_for


def ordered(parties: list[Party], first: str | None) -> list[Party]:
    """Return parties in the draft's order, the party whose copy this is first."""
    return sorted(parties, key=lambda party: party.id != first)


def check_copy_for(parties: list[Party], party: str | None) -> None:
    """Refuse, in one line naming the signatories, a copy for a party that does not sign the draft."""
    signatories = [item.id for item in parties if item.role == "signatory"]
    if party is not None and party not in signatories:
        raise InputError(f"--copy-for {party}: no signatory has that id (signatories: {', '.join(signatories)})",
                         "PD-E097")


def in_variants(document: Document, party: str | None) -> None:
    """Write each language of a document in the variant the party's copy uses, where there is one.

    The variant's words replace the language's, and its code the language's, so that renderers use its
    record (its name and BCP-47 tag in Word) as they would a language's.
    """
    for position, lang in enumerate(list(document.languages)):
        variant = variant_for(lang, party)
        if variant is None:
            continue
        document.languages[position] = variant.code
        for block in document.walk():
            if lang in block.texts:
                block.texts[variant.code] = _varied(block.texts.pop(lang), variant)
        for key in ("title", "header", "note_author", "non_paper_mark", "author"):
            words = document.settings.get(key) or {}
            if lang in words:
                words[variant.code] = variant.vary(words.pop(lang))


def _varied(text: BlockText, variant: Language) -> BlockText:
    """Return a block's words in a variant's usage."""
    return dataclasses.replace(text, title=variant.vary(text.title) if text.title else text.title,
                               inlines=[_inline(inline, variant) for inline in text.inlines],
                               notes=[[_inline(inline, variant) for inline in note] for note in text.notes],
                               footnote=variant.vary(text.footnote) if text.footnote else text.footnote)


def _inline(inline: Inline, variant: Language) -> Inline:
    """Return one inline in a variant's usage (a bracket's options each)."""
    if isinstance(inline, str):
        return variant.vary(inline)
    if isinstance(inline, Foreign):
        return inline  # a party's own words, in their language
    if isinstance(inline, Bracket):
        options = tuple(Option(option.letter, option.proposers, variant.vary(option.text)) for option in inline.options)
        return dataclasses.replace(inline, options=options)
    if hasattr(inline, "text"):
        return dataclasses.replace(inline, text=variant.vary(inline.text))
    return inline

