"""A block's words in one language as HTML: its inlines, brackets whose options name their proposers, headings and
numbers, the notes on its state, the drafters' note, and footnotes numbered in document order and linked both ways.

The language's phrases lay each piece out as text and Word do ('[Option A (ROK): …]', 'Article 1 — Definitions');
the markup only marks the pieces inside them. Every word of a draft is escaped (markupsafe): draft text is
untrusted.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from agreements.document.blocks import MISSING, Block, BlockText, Bracket, Date, Foreign, Inline, Option, PartyName, \
    PlaceName, Run
from clauses.languages import DEFAULT_LANGUAGE, language, written_in
from clauses.particles import particle_after

SLOT = "\ue000{}\ue001"  # where a piece of markup stands in a phrase (private-use characters no phrase holds)
BACK = "\u21a9\ufe0e"  # ↩ as text, not as an emoji: the link from a footnote back to its mark
KEEP = "\u00a0"  # a no-break space: the link back stays on the line of the footnote's last words
KEEP_UNSPACED = "\u2060"  # a word joiner: the same where words are not spaced (Chinese, after its 。)


def attributes(**values: object) -> Markup:
    """Return HTML attributes, escaped, leaving out those given None ('data_node' is written 'data-node')."""
    return Markup("").join(Markup(' {}="{}"').format(name.rstrip("_").replace("_", "-"), value)
                           for name, value in values.items() if value is not None)


def element(tag: str, content: Markup | str, **values: object) -> Markup:
    """Return one element holding content (escaped unless it is markup already)."""
    return Markup("<{0}{1}>{2}</{0}>").format(Markup(tag), attributes(**values), content)


class _Slot:
    """A piece of markup in a phrase: a mark where it stands, or the Korean particle that follows its words."""

    def __init__(self, index: int, markup: Markup):
        self.index = index
        self.markup = markup

    def __format__(self, spec: str) -> str:
        """Return the slot's mark, or the particle that follows its words when spec is a pair ('은/는')."""
        return particle_after(self.markup.striptags(), spec) if "/" in spec else SLOT.format(self.index)


def phrase_html(words, key: str, **pieces: Markup | str) -> Markup:
    """Return a phrase of the language, escaped, each placeholder filled with its piece (plain text escaped)."""
    slots = {name: _Slot(index, escape(piece)) for index, (name, piece) in enumerate(pieces.items())}
    text = escape(words.phrase(key, **slots))
    for slot in slots.values():
        text = text.replace(SLOT.format(slot.index), slot.markup)
    return text


def with_breaks(text: str) -> Markup:
    """Return text escaped, each line break ('\\n') a <br>."""
    return Markup("<br>").join(escape(line) for line in text.split("\n"))


class LanguageHtml:
    """Writes blocks' words in one language, numbering the footnotes in the order it meets them."""

    def __init__(self, lang: str):
        self.lang = lang
        self.words = language(lang)
        self.tag = self.words.tag
        self.keep = KEEP if self.words.spaces_between_words else KEEP_UNSPACED
        self.footnotes: list[str] = []

    def missing(self) -> Markup:
        """Return the mark of a text not written in this language (itself in the default language)."""
        return element("span", MISSING.format(lang=self.lang), class_="missing", lang=language(DEFAULT_LANGUAGE).tag)

    def inlines(self, text: BlockText) -> Markup:
        """Return a block's words, brackets and all (the missing-text mark when it has none here)."""
        if text.missing:
            return self.missing()
        return Markup("").join(self.inline(inline) for inline in text.inlines)

    def inline(self, inline: Inline) -> Markup:
        """Return one inline: text, emphasis, a date, a party's or the place's name, words in another language, or a
        bracket."""
        if isinstance(inline, Bracket):
            return self.bracket(inline)
        if isinstance(inline, Run):
            return self.run(inline)
        if isinstance(inline, Date):
            return element("time", inline.text, datetime=inline.iso)
        if isinstance(inline, PartyName):
            return element("span", inline.text, class_="party", data_party=inline.party)
        if isinstance(inline, PlaceName):
            return element("span", inline.text, class_="place")
        if isinstance(inline, Foreign):
            return element("span", with_breaks(inline.text), lang=language(inline.lang).tag)
        return with_breaks(inline)

    def run(self, run: Run) -> Markup:
        """Return text with its emphasis, and its comment after it in a marked span."""
        content = with_breaks(run.text)
        if run.bold:
            content = element("strong", content)
        if run.italic:
            content = element("em", content)
        if run.comment:
            content += element("span", f" ({run.comment})", class_="comment")
        return content

    def bracket(self, bracket: Bracket) -> Markup:
        """Return a bracket: its options side by side within a sentence, else each whole option on a line of its own."""
        kind = "inline" if bracket.inline else "whole"
        separator = escape(self.words.phrase("option_separator")) if bracket.inline else Markup(" ")
        options = separator.join(self.option(option, bracket.inline) for option in bracket.options)
        return element("span", options, class_=f"bracket {kind}")

    def option(self, option: Option, inline: bool) -> Markup:
        """Return one option in its brackets: its letter, its proposers and its text, as the language lays them out."""
        text = element("span", with_breaks(option.text), class_="option-text")
        proposers = self.proposers(option.proposers)
        if option.letter is None:
            content = phrase_html(self.words, "inline_option", text=text, proposers=proposers) if proposers \
                else phrase_html(self.words, "bracketed", text=text)
        else:
            label = element("span", self.words.phrase("option", letter=option.letter), class_="option-label")
            content = phrase_html(self.words, "option_label", option=label, proposers=proposers, text=text) \
                if proposers else phrase_html(self.words, "option_plain", option=label, text=text)
        return element("span", content, class_="option", data_option=option.letter)

    def proposers(self, names: tuple[str, ...]) -> Markup:
        """Return the proposers' names, each marked, joined as the language lists them ('' when there are none)."""
        if not names:
            return Markup("")
        separator = escape(self.words.phrase("list_separator"))
        return element("span", separator.join(element("span", name, class_="proposer") for name in names),
                       class_="proposers")

    def heading(self, text: BlockText) -> Markup:
        """Return 'Article 7 — Heading' with its footnote's mark (the label alone when there is no heading)."""
        label = element("span", text.label, class_="label")
        if text.title is None and not text.missing:
            return label + self.footnote_mark(text)
        title = self.missing() if text.title is None else element("span", text.title, class_="heading-title")
        return phrase_html(self.words, "heading", label=label, title=title) + self.footnote_mark(text)

    def clause(self, text: BlockText) -> Markup:
        """Return a numbered text: its number, then its words and its footnote's mark."""
        words = element("span", self.inlines(text) + self.footnote_mark(text), class_="text")
        if not text.label:
            return words
        gap = escape(self.words.phrases.get("label_gap", " "))
        return element("span", text.label, class_="label") + gap + words

    def notes(self, text: BlockText) -> Markup:
        """Return the notes on a block's state (the parties' positions, a translation not final) as an aside."""
        if not text.notes:
            return Markup("")
        lines = Markup("").join(element("p", Markup("").join(self.inline(inline) for inline in note))
                                for note in text.notes)
        return element("aside", lines, class_="notes", role="note", lang=self.tag)

    def drafter_note(self, block: Block) -> Markup:
        """Return the drafters' note on a block as a marked aside, the note marked in its own language (only an internal
        edition has one)."""
        if not block.note:
            return Markup("")
        written = written_in(block.note)
        own = written in (None, self.lang, self.words.variant_of)
        note = block.note if own else element("span", block.note, lang=language(written).tag)
        return element("aside", element("p", phrase_html(self.words, "drafter_note", note=note)),
                       class_="drafter-note", role="note", lang=self.tag)

    def footnote_mark(self, text: BlockText) -> Markup:
        """Return the linked mark of a block's footnote, numbering it ('' when it has none in this language)."""
        if text.footnote is None:
            return Markup("")
        self.footnotes.append(text.footnote)
        number = len(self.footnotes)
        link = element("a", str(number), href=f"#{self.footnote_id(number)}", id=self.mark_id(number),
                       role="doc-noteref")
        return element("sup", link, class_="footnote-ref")

    def footnote_id(self, number: int) -> str:
        """Return the id of a footnote at the end ('fn-en-1')."""
        return f"fn-{self.lang}-{number}"

    def mark_id(self, number: int) -> str:
        """Return the id of a footnote's mark in the text ('fnref-en-1')."""
        return f"fnref-{self.lang}-{number}"

    def footnote_list(self) -> Markup:
        """Return the footnotes under their heading, each linked back to its mark, the link kept with its last words
        ('' when there are none)."""
        if not self.footnotes:
            return Markup("")
        items = Markup("").join(
            element("li", element("p", escape(footnote) + Markup(self.keep) + element(
                "a", BACK, href=f"#{self.mark_id(number)}", class_="back", role="doc-backlink")),
                id=self.footnote_id(number))
            for number, footnote in enumerate(self.footnotes, 1))
        return element("section", element("h2", self.words.phrase("footnotes")) + element("ol", items),
                       class_="footnotes", role="doc-endnotes", lang=self.tag)
