"""The treaty's formulas: the parties named before the recitals, "Have agreed as follows:" after them, the
testimonium ("IN WITNESS WHEREOF …", "DONE at …") and a signature block for each party, in every language.

Every word comes from the phrases of the language files; the names, the place and the date from the draft; the
testimonium and the signatures' title lines from the capacity in which the form clause says the parties sign.
The original is single when a clause names a depositary, else there is one original for each signatory.
"""

from __future__ import annotations

from agreements.document.blocks import Block, BlockText, Date, Inline, PartyName, PlaceName
from agreements.document.copies import ordered
from agreements.index import index_of
from agreements.model import Agreement, Party
from clauses.languages import Language, language_name
from clauses.scope import Scope

SIGNATURE_LINES = ("signature_line", "signature_name", "signature_title")
DEFAULT_CAPACITY = "plenipotentiaries"  # the capacity the plain 'testimonium' and 'signature_title' phrases word


class Formulas:
    """Builds the formulas of one draft in its languages."""

    def __init__(self, agreement: Agreement, words: dict[str, Language], scope: Scope, first: str | None = None):
        self.agreement = agreement
        self.words = words
        self.scope = scope
        self.first = first  # the party whose copy this is
        self.parties = ordered(agreement.parties, first)
        self.signatories = [party for party in self.parties if party.role == "signatory"]

    def _each(self, make) -> dict[str, BlockText]:
        """Return a text per language, made by make(words)."""
        return {lang: make(words) for lang, words in self.words.items()}

    def _name(self, party: Party, words: Language) -> str:
        """Return a party's name as running text writes it ('the Republic of Korea')."""
        return words.phrase("name_in_text", name=self.scope.name(party.id, words.code))

    def opening(self) -> Block | None:
        """Return the signatories, 'hereinafter referred to as “the Parties”' (None when no party signs)."""
        if not self.signatories:
            return None

        def text(words: Language) -> BlockText:
            named = words.phrase("parties_formula", parties=words.join([self._name(party, words)
                                                                         for party in self.signatories]))
            return BlockText(inlines=[named[:1].upper() + named[1:]])

        return Block("formula", "formula:parties", self._each(text), data={"name": "parties"})

    def closing(self) -> Block:
        """Return 'Have agreed as follows:'."""
        return Block("formula", "formula:agreed",
                     self._each(lambda words: BlockText(inlines=[words.phrase("agreed_formula")])),
                     data={"name": "enactingFormula"})

    def conclusions(self) -> Block:
        """Return the testimonium, the sentence saying where, when and in what originals, and the signatures."""
        witness = Block("testimonium", "testimonium:witness",
                        self._each(lambda words: BlockText(inlines=[words.phrase(self._capacity("testimonium"))])))
        done = Block("testimonium", "testimonium:done", self._each(lambda words: BlockText(inlines=self._done(words))))
        return Block("conclusions", "conclusions", children=[witness, done, *self.signatures()])

    def _done(self, words: Language) -> list[Inline]:
        """Return 'DONE at Panmunjom on 25 June 2027, in a single original in …', its place and date marked."""
        meta = self.agreement.meta
        place = (meta.place or {}).get(words.code)
        date = Date(words.date(meta.date), meta.date.isoformat())
        codes = meta.languages
        sentence = words.phrase("done" if len(codes) > 1 else "done_one_language",
                                place=place or words.phrase("place_blank"), date=date.text,
                                originals=words.originals(self.originals()),
                                languages=words.join([language_name(code, words.code) for code in codes]))
        marked = [(date.text, date)] + ([(place, PlaceName(place))] if place else [])
        return marked_inlines(sentence, marked)

    def capacity(self) -> str:
        """Return in what capacity the representatives sign: the form clause's choice, else plenipotentiaries."""
        chosen = (clause.signatory_capacity() for clause in index_of(self.agreement).clauses())
        return next((capacity for capacity in chosen if capacity), DEFAULT_CAPACITY)

    def _capacity(self, phrase: str) -> str:
        """Return the key of a phrase as the capacity words it ('testimonium_military_commanders')."""
        capacity = self.capacity()
        return phrase if capacity == DEFAULT_CAPACITY else f"{phrase}_{capacity}"

    def originals(self) -> int:
        """Return how many originals the agreement is done in: one kept by a depositary, else one per signatory.

        A party's own copy (the alternat) is itself an original, so a copy says one original per signatory.
        """
        if self.first is None and any(clause.depositary_of_agreement() for clause in index_of(self.agreement).clauses()):
            return 1
        return max(len(self.signatories), 1)

    def signatures(self) -> list[Block]:
        """Return a signature block per party in the draft's order (this copy's party first), a role's caption before
        the first of its run."""
        blocks, previous = [], None
        for party in self.parties:
            if party.role != "signatory" and party.role != previous:
                blocks.append(Block("signature_caption", f"signing:{party.id}", self._each(
                    lambda words, role=party.role: BlockText(inlines=[words.phrase(f"signing_{role}")]))))
            previous = party.role
            blocks.append(self.signature(party))
        return blocks

    def signature(self, party: Party) -> Block:
        """Return a party's block: 'For the Republic of Korea:', then the lines for signature, name and title."""
        def heading(words: Language) -> BlockText:
            name = self.scope.name(party.id, words.code)
            line = words.phrase("signature_for", name=words.phrase("name_in_text", name=name))
            return BlockText(inlines=marked_inlines(line, [(name, PartyName(name, party.id))]))

        keys = [*SIGNATURE_LINES[:-1], self._capacity(SIGNATURE_LINES[-1])]
        lines = [Block("signature_line", f"party:{party.id}:{line}",
                       self._each(lambda words, key=key: BlockText(inlines=[words.phrase(key)])))
                 for line, key in zip(SIGNATURE_LINES, keys)]
        return Block("signature", f"party:{party.id}", self._each(heading), lines, node_id=party.id,
                     data={"role": party.role})


def marked_inlines(text: str, marks: list[tuple[str, Inline]]) -> list[Inline]:
    """Return text as inlines, the first occurrence of each marked words replaced by its inline."""
    inlines: list[Inline] = [text]
    for words, inline in marks:
        for index, piece in enumerate(inlines):
            if isinstance(piece, str) and words in piece:
                before, _, after = piece.partition(words)
                inlines[index:index + 1] = [part for part in (before, inline, after) if part != ""]
                break
    return inlines
