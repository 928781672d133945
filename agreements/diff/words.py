"""Text differences at word granularity with diff-match-patch: words for Latin and Hangul, characters for Chinese.

The diff is bounded: diff-match-patch's search (Myers' bisection) is given a budget of steps instead of a deadline
in seconds, so two long texts that have little in common are diffed in bounded time, and the same texts always
give the same diff. When the word search runs out of steps, the texts are diffed again by sentences, and the
sentences changed word by word with a budget of their own; a span still unsettled when that budget is spent is
deleted and inserted whole: still an exact diff (its deletions and equalities give the old text, its insertions
and equalities the new one), only a coarser one.
"""

from __future__ import annotations

import re

from diff_match_patch import diff_match_patch

from agreements.diff.characters import shown, unseen_change

TOKEN = re.compile(r"\s+|[^\W\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|.", re.S)
EQUAL, INSERT, DELETE = 0, 1, -1
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# a word: a Chinese character, or letters and digits, an apostrophe inside ("People's")
WORD = re.compile(rf"[{CJK}]|[^\W{CJK}]+(?:['’][^\W{CJK}]+)*")
SURROGATES = range(0xD800, 0xE000)
# steps of the bisection the search by words may take (about 0.3 s of pure Python on a small machine), and as many
# again the search by sentences and the words within them; a paragraph of a few hundred words, however much it
# changed, takes fewer
STEP_BUDGET = 1_000_000
# a token that ends a sentence or a clause: the unit of the second, coarser pass
SENTENCE_END = frozenset(".;!?\n。；！？")


def tokens(text: str) -> list[str]:
    """Return text split into words, runs of white space, and single other characters (each Chinese character)."""
    return TOKEN.findall(text)


def _code(index: int) -> str:
    """Return the character standing for the index-th distinct token (skipping surrogates)."""
    point = index + 1
    return chr(point + len(SURROGATES) if point >= SURROGATES.start else point)


def word_diff(old: str, new: str, budget: int = STEP_BUDGET) -> list[tuple[int, str]]:
    """Return the differences between two texts as (operation, text) pairs: 0 equal, 1 inserted, -1 deleted."""
    if old == new:
        return [(EQUAL, old)] if old else []
    codes = TokenCodes()
    old_codes, new_codes = codes.encode(old), codes.encode(new)
    engine = BoundedDiff(budget)
    diffs = engine.diff_main(old_codes, new_codes, False)
    if engine.left < 0:
        diffs = by_sentences(old_codes, new_codes, codes.sentence_ends, budget)
    engine.diff_cleanupSemantic(diffs)
    return [(operation, codes.decode(text)) for operation, text in diffs if text]


class TokenCodes:
    """A character for each distinct token of two texts, so diff-match-patch diffs words as it diffs characters."""

    def __init__(self):
        self.codes: dict[str, str] = {}
        self.tokens: dict[str, str] = {}
        self.sentence_ends: set[str] = set()

    def encode(self, text: str) -> str:
        """Return a text as the characters of its tokens."""
        return "".join(self.codes.get(token) or self._add(token) for token in tokens(text))

    def _add(self, token: str) -> str:
        """Return the new character standing for a token seen for the first time."""
        code = self.codes[token] = _code(len(self.codes))
        self.tokens[code] = token
        if token in SENTENCE_END or (token.isspace() and "\n" in token):
            self.sentence_ends.add(code)
        return code

    def decode(self, text: str) -> str:
        """Return the text the characters of its tokens stand for."""
        return "".join(self.tokens[code] for code in text)


def by_sentences(old: str, new: str, ends: set[str], budget: int) -> list[tuple[int, str]]:
    """Return the diff of two encoded texts by sentences first, then word by word within the sentences changed."""
    table: dict[str, str] = {}
    old_sentences, new_sentences = sentence_codes(old, ends, table), sentence_codes(new, ends, table)
    coarse = BoundedDiff(budget).diff_main(old_sentences, new_sentences, False)
    sentence_of = {code: sentence for sentence, code in table.items()}
    engine, diffs = BoundedDiff(budget), []
    changed = {DELETE: "", INSERT: ""}
    for operation, text in coarse + [(EQUAL, "")]:
        words = "".join(sentence_of[code] for code in text)
        if operation != EQUAL:
            changed[operation] += words
            continue
        if changed[DELETE] or changed[INSERT]:
            diffs += engine.diff_main(changed[DELETE], changed[INSERT], False)
            changed = {DELETE: "", INSERT: ""}
        diffs.append((EQUAL, words))
    engine.diff_cleanupMerge(diffs)
    return diffs


def sentence_codes(text: str, ends: set[str], table: dict[str, str]) -> str:
    """Return an encoded text as a character per sentence, each distinct sentence given one in `table`."""
    return "".join(table.setdefault(sentence, _code(len(table))) for sentence in sentences(text, ends))


def sentences(text: str, ends: set[str]) -> list[str]:
    """Return an encoded text cut after each token that ends a sentence or a clause."""
    parts, start = [], 0
    for index, code in enumerate(text):
        if code in ends:
            parts.append(text[start:index + 1])
            start = index + 1
    return parts + ([text[start:]] if start < len(text) else [])


class BoundedDiff(diff_match_patch):
    """diff-match-patch whose bisections share a budget of steps, spent the same way on every run."""

    def __init__(self, budget: int):
        super().__init__()
        self.Diff_Timeout = 0
        self.left = budget

    def diff_bisect(self, text1, text2, deadline):
        """Return the diff of two texts by bisection, or both deleted and inserted whole once the budget is spent."""
        return super().diff_bisect(text1, text2, StepCount(self))


class StepCount:
    """The deadline one bisection checks before each of its rounds: passed once the shared budget is spent.

    diff-match-patch asks `time.time() > deadline` before round d; that comparison lands here, and round d walks
    at most d + 1 diagonals forward and as many back, so it is charged 2(d + 1) steps.
    """

    def __init__(self, engine: BoundedDiff):
        self.engine = engine
        self.rounds = 0

    def __lt__(self, now: float) -> bool:
        """Return whether the budget, charged for this round, is spent (then the deadline has passed)."""
        self.rounds += 1
        self.engine.left -= 2 * self.rounds
        return self.engine.left < 0

    def __gt__(self, now: float) -> bool:
        """Return whether the deadline has passed, asked the other way round (`deadline < now`)."""
        return self.__lt__(now)


def words_in(diff: list[tuple[int, str]], operation: int) -> int:
    """Return how many words (in Chinese, characters; punctuation not counted) the parts of a diff with one
    operation hold."""
    return sum(len(WORD.findall(text)) for op, text in diff if op == operation)


def changed_parts(diff: list[tuple[int, str]], most: int = 3, length: int = 50) -> str:
    """Return the words a diff deletes and inserts, in order, quoted: '− “annually”; + “every two years”'.

    A change a reader cannot see is shown in its words with its white space as '·' and named: '“article·1”
    (space → no-break space)'. At most `most` parts, each cut to `length` characters; '…' says that more follow.
    """
    parts = []
    for before, deleted, inserted, after in hunks(diff):
        unseen = unseen_change(deleted, inserted)
        if unseen:
            parts.append(f"“{_around(before, shown(inserted or deleted), after)}” ({unseen})")
            continue
        parts += [f"{mark} “{_cut(' '.join(text.split()), length)}”"
                  for mark, text in (("−", deleted), ("+", inserted)) if text.strip()]
    return "; ".join(parts[:most]) + ("; …" if len(parts) > most else "")


def hunks(diff: list[tuple[int, str]]) -> list[tuple[str, str, str, str]]:
    """Return each stretch of changes of a diff as (equal text before, deleted, inserted, equal text after)."""
    found, deleted, inserted, before = [], "", "", ""
    for operation, text in [*diff, (EQUAL, "")]:
        if operation == DELETE:
            deleted += text
        elif operation == INSERT:
            inserted += text
        else:
            if deleted or inserted:
                found.append((before, deleted, inserted, text))
            before, deleted, inserted = text, "", ""
    return found


def unseen_changes(diff: list[tuple[int, str]]) -> list[str]:
    """Return what each change of a diff that a reader cannot see changes ('space → no-break space'), once each."""
    said = (unseen_change(deleted, inserted) for _, deleted, inserted, _ in hunks(diff))
    return list(dict.fromkeys(filter(None, said)))


def _around(before: str, changed: str, after: str, words: int = 3) -> str:
    """Return a changed stretch with up to `words` words of the text either side, '…' where the text goes on."""
    left = "".join(_up_to_words(tokens(before)[::-1], words)[::-1])
    right = "".join(_up_to_words(tokens(after), words))
    opening = "…" if len(left) < len(before) else ""
    closing = "…" if len(right) < len(after) else ""
    return f"{opening}{left.lstrip()}{changed}{right.rstrip()}{closing}"


def _up_to_words(parts: list[str], words: int) -> list[str]:
    """Return the first tokens of a list up to and including its `words`-th word (letters or digits)."""
    taken, count = [], 0
    for part in parts:
        if count == words:
            break
        taken.append(part)
        count += any(char.isalnum() for char in part)
    return taken


def _cut(text: str, length: int) -> str:
    """Return a text cut at a word to at most `length` characters, with '…' when cut."""
    if len(text) <= length:
        return text
    return text[:length - 1].rsplit(" ", 1)[0].rstrip() + "…"
