"""Changes a reader cannot see: white space of another kind, invisible characters, look-alike punctuation.

A change whose deleted and inserted text read the same once every run of white space is one space, invisible
characters (zero-width, soft hyphen) are left out and compatibility forms are taken as their plain ones (NFKC:
full-width punctuation, no-break and ideographic spaces) is named character by character — 'space → no-break
space', 'zero-width space removed', 'full-width comma → comma' — and shown with its white space and invisible
characters as '·'.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

NAMES = {
    " ": "space", "\u00a0": "no-break space", "\u202f": "narrow no-break space", "\u2009": "thin space",
    "\u200a": "hair space", "\u2002": "en space", "\u2003": "em space", "\u2007": "figure space",
    "\u2008": "punctuation space", "\u205f": "medium mathematical space", "\u3000": "ideographic space",
    "\t": "tab", "\n": "line break", "\u200b": "zero-width space", "\u200c": "zero-width non-joiner",
    "\u200d": "zero-width joiner", "\u2060": "word joiner", "\ufeff": "zero-width no-break space",
    "\u00ad": "soft hyphen", "\u2010": "hyphen", "\u2011": "non-breaking hyphen", "\u2212": "minus sign",
    "-": "hyphen-minus",
}
LOOK_ALIKE = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2212": "-"})  # hyphens NFKC keeps apart
SHOWN = "·"  # how white space and invisible characters of such a change are shown
SPACES = re.compile(r"\s+")


def invisible(char: str) -> bool:
    """Return whether a character shows as nothing or as blank space (white space, format characters)."""
    return char.isspace() or unicodedata.category(char) == "Cf"


def plain(text: str) -> str:
    """Return text as a reader sees it: compatibility forms as plain ones, invisible characters left out, each run
    of white space one space."""
    folded = unicodedata.normalize("NFKC", text).translate(LOOK_ALIKE)
    visible = "".join(char for char in folded if char.isspace() or unicodedata.category(char) != "Cf")
    return SPACES.sub(" ", visible)


def unseen_change(old: str, new: str) -> str | None:
    """Return what a change that a reader cannot see changes, character by character ('space → no-break space'),
    or None when the change shows (or there is none)."""
    if old == new or plain(old) != plain(new):
        return None
    said = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        before, after = _names(old[i1:i2]), _names(new[j1:j2])
        said.append(f"{before} → {after}" if before and after else f"{before or after} "
                    f"{'removed' if before else 'added'}")
    return "; ".join(dict.fromkeys(said))


def shown(text: str) -> str:
    """Return text with its white space and invisible characters as '·'."""
    return "".join(SHOWN if invisible(char) else char for char in text)


def _names(chars: str) -> str:
    """Return the names of characters, each once, in order ('space', 'full-width comma')."""
    return " + ".join(dict.fromkeys(name_of(char) for char in chars))


def name_of(char: str) -> str:
    """Return a character's name in words ('no-break space', 'full-width comma', 'U+E000' when it has none)."""
    if char in NAMES:
        return NAMES[char]
    name = unicodedata.name(char, "")
    if not name:
        return f"U+{ord(char):04X}"
    return name.lower().replace("fullwidth", "full-width").replace("halfwidth", "half-width")
