"""Negotiation brackets as they read in running text: '[Option A (ROK): …] [Option B (DPRK): …]', '[… (DPRK)]'.

Text, Markdown and Akoma Ntoso write a block's words this way; Word writes the proposers as comments.
"""

from __future__ import annotations

from agreements.document.blocks import MISSING, Bracket, Inline, Option, BlockText, inline_text
from clauses.languages import Language


def plain_text(text: BlockText, words: Language, indent: str = " ") -> str:
    """Return a block's words as running text (whole options joined by indent), or the missing-text mark."""
    if text.missing:
        return MISSING.format(lang=words.code)
    return "".join(_inline(inline, words, indent) for inline in text.inlines)


def _inline(inline: Inline, words: Language, indent: str) -> str:
    """Return one inline as text: brackets with their labels and proposers, anything else as written."""
    if not isinstance(inline, Bracket):
        return inline_text(inline)
    if inline.inline:
        return words.phrase("option_separator").join(_option(option, words, inline=True) for option in inline.options)
    return indent.join(_option(option, words, inline=False) for option in inline.options)


def _option(option: Option, words: Language, inline: bool) -> str:
    """Return one bracketed option with its label and proposers."""
    proposers = words.phrase("list_separator").join(option.proposers)
    if option.letter is None:
        return words.phrase("inline_option", text=option.text, proposers=proposers) if proposers and inline \
            else words.phrase("bracketed", text=option.text)
    label = words.phrase("option", letter=option.letter)
    if not proposers:
        return words.phrase("option_plain", option=label, text=option.text)
    return words.phrase("option_label", option=label, proposers=proposers, text=option.text)


def heading_line(text: BlockText, words: Language) -> str:
    """Return 'Article 7 — Heading' (the label alone when there is no heading; the mark when it is missing here)."""
    if text.title is None and not text.missing:
        return text.label
    title = text.title if text.title is not None else MISSING.format(lang=words.code)
    return words.phrase("heading", label=text.label, title=title)


def words_of(text: BlockText, words: Language) -> str:
    """Return a block's words with no brackets to format (a title, a round line), or the missing-text mark."""
    if text.missing:
        return MISSING.format(lang=words.code)
    return "".join(inline_text(inline) for inline in text.inlines)
