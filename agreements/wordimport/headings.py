"""Whether a line of a Word file reads as a heading or as a title, and an article line's heading and first text.

A heading is a short line with a letter in it that does not end as a sentence ends ('Definitions',
'CONFIDENTIALITY', '목적', '定义'); a full stop is allowed after a few capitalised words ('Definitions.',
'Limitation of Liability.'). A title reads as a heading and is more than one lower-case word ('One' is not).
"""

from __future__ import annotations

import re

from agreements.wordimport.patterns import NUMBERED_KINDS, read_text, unheaded

SENTENCE_END = ".!?;:,。！？；：，、…"
CLOSING = "\"'”’)）」』]》"
MAX_WORDS = 20  # a longer line is a sentence, unless a heading style says it is a heading
MAX_CHARACTERS = 150
MAX_STOPPED_WORDS = 6  # 'Deletion at DPA Expiration.' is a heading; a longer line with a full stop is a sentence
BRACKETED = re.compile(r"^[(（]\s*([^()（）]{1,60}?)\s*[)）]\s*(.*)$", re.S)


def reads_as_heading(text: str, styled: bool = False) -> bool:
    """Return whether a line reads as a heading (styled: in a heading style, so any length)."""
    text = text.strip()
    if not any(char.isalpha() for char in text):
        return False
    if not styled and (len(text.split()) > MAX_WORDS or len(text) > MAX_CHARACTERS):
        return False
    core = text.rstrip(CLOSING).rstrip()
    if core.endswith("."):
        return _capitalised(core[:-1])
    return core[-1:] not in SENTENCE_END


def _capitalised(text: str) -> bool:
    """Return whether a few words are written as a heading is ('Limitation of Liability'), without a stop inside."""
    words = text.split()
    if not words or len(words) > MAX_STOPPED_WORDS or re.search(r"[.!?;。]\s", text):
        return False
    long_words = [word for word in words if sum(char.isalpha() for char in word) >= 4]
    return any(char.isupper() for char in text) and all(word[0].isupper() for word in long_words)


def reads_as_title(text: str) -> bool:
    """Return whether an unstyled first line reads as a document's title: a heading mostly of letters, of two words
    or more, a word in capitals, or a word of a script without spaces between words."""
    text = text.strip()
    wordy = 2 * sum(char.isalpha() or char.isspace() for char in text) > len(text)  # not '===PAGE_1===', 'XX/1111/4'
    if not wordy or not reads_as_heading(text):
        return False
    one_word = len(text.split()) == 1
    return not one_word or text.isupper() or (len(text) >= 2 and not any(char.isascii() for char in text))


def article_line(rest: str, styled: bool = False) -> tuple[str | None, str]:
    """Return the heading written after an article's number (None without one) and the text that follows it.

    '(목적) 이 법은 …' → ('목적', '이 법은 …'); '— Definitions' → ('Definitions', ''); 'The Parties shall …' →
    (None, 'The Parties shall …'): the text after the number is the article's first paragraph.
    """
    rest = rest.strip()
    bracketed = BRACKETED.match(rest)
    if bracketed and reads_as_heading(bracketed.group(1)) and read_text(rest).kind not in NUMBERED_KINDS:
        return bracketed.group(1), bracketed.group(2).strip()
    title = unheaded(rest)
    if title and reads_as_heading(title, styled):
        return title, ""
    return None, rest
