"""A change to a paragraph that shows options in brackets: mapped to the one option whose words it changes, or not.

The paragraph our draft renders to is made of pieces, each option one piece that knows its own words. The
partner's change is the stretch between the longest common start and end of the text before and after it;
when that stretch lies within one option's own words, the partner's new text of that option is the text after
the change at the same place (no other option's brackets or proposers in it); for an option within a sentence
('[10] [20]'), the sentence read with that option's old and new words, for a typed value. Anything else is not
placed.
"""

from __future__ import annotations

from dataclasses import dataclass

from agreements.render.docx.paragraphs import WordParagraph
from clauses.languages import language


@dataclass(frozen=True)
class OptionChange:
    """What a change to a paragraph with options is: the changed option's new words, or why it cannot be placed."""

    text: str | None = None
    why: str | None = None
    sentence: tuple[str, str] | None = None  # an option within a sentence: the sentence with it, before and after


def has_options(paragraph: WordParagraph | None) -> bool:
    """Return whether a paragraph of ours shows options in brackets."""
    return paragraph is not None and any(piece.option is not None for piece in paragraph.pieces)


def tables_options(before: str, after: str, lang: str) -> bool:
    """Return whether a changed paragraph's new text shows options in brackets its text before did not."""
    words = language(lang)
    label = words.phrase("option_plain", option=words.phrase("option", letter="A"), text="\x00").split("\x00")[0]
    return label in after and label not in before


def option_change(paragraph: WordParagraph, before: str, after: str) -> OptionChange:
    """Return the new words of the one option a change lies within, or the reason it cannot be placed."""
    full = "".join(piece.text for piece in paragraph.pieces)
    if full.strip() != before:
        return OptionChange(why="a change inside a paragraph with options: the text before it is not ours")
    start, end = _changed_stretch(before, after)
    offset = len(full) - len(full.lstrip())
    for first, last, piece in _option_spans(paragraph, offset):
        if first <= start and end <= last:
            words = after[first:last + len(after) - len(before)].strip()
            if piece.inline_option and words:
                return OptionChange(sentence=_sentences(paragraph, piece.option, words))
            return OptionChange(text=words) if words else OptionChange(why="a change inside a paragraph with "
                                                                            "options: an option's words all deleted")
    return OptionChange(why="a change inside a paragraph with options: not within one option's words (options "
                            "tabled or withdrawn, or words outside the brackets)")


def _changed_stretch(before: str, after: str) -> tuple[int, int]:
    """Return where, in the text before, the change starts and ends (the rest is common to both texts)."""
    common = min(len(before), len(after))
    start = next((index for index in range(common) if before[index] != after[index]), common)
    tail = 0
    while tail < common - start and before[len(before) - 1 - tail] == after[len(after) - 1 - tail]:
        tail += 1
    return start, len(before) - tail


def _option_spans(paragraph: WordParagraph, offset: int) -> list[tuple[int, int, object]]:
    """Return where each option's own words start and end in the paragraph's stripped text, with its piece."""
    spans, position = [], -offset
    for piece in paragraph.pieces:
        if piece.option and piece.option in piece.text:
            first = position + piece.text.find(piece.option)
            spans.append((first, first + len(piece.option), piece))
        position += len(piece.text)
    return spans


def _sentences(paragraph: WordParagraph, old: str, new: str) -> tuple[str, str]:
    """Return the sentence of options within it read with one option's words, before and after the change."""
    inline = [index for index, piece in enumerate(paragraph.pieces) if piece.inline_option]
    head = "".join(piece.text for piece in paragraph.pieces[:inline[0]])
    tail = "".join(piece.text for piece in paragraph.pieces[inline[-1] + 1:])
    return (head + old + tail).strip(), (head + new + tail).strip()
