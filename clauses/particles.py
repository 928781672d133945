"""Korean particles (조사) chosen by the sound a word ends in: 은/는, 이/가, 을/를, 과/와, 으로/로.

Templates call `particle(word, "은/는")`; a phrase of a language file writes `{name:은/는}` after `{name}`.
"""

from __future__ import annotations

DIGIT_HAS_FINAL = {"0": True, "1": True, "2": False, "3": True, "4": False, "5": False,
                   "6": True, "7": True, "8": True, "9": False}


LATIN_FINALS = {"l": "ㄹ", "r": "ㄹ", "m": "ㅁ", "n": "ㄴ"}  # letters whose Korean names end in a consonant
TRAILING = ")]）」』”’\"'. "


def _last_sound(word: str) -> str:
    """Return the last pronounced character of a word, skipping closing marks and a bracketed gloss."""
    word = word.rstrip(TRAILING.replace(")", "").replace("）", ""))
    while word.endswith((")", "）")):
        opening = max(word.rfind("("), word.rfind("（"))
        word = word[:opening].rstrip(TRAILING) if opening > 0 else word[:-1]
    return word.rstrip(TRAILING)[-1:] or " "


def korean_particle(word: str, pair: str) -> str:
    """Return word with the Korean particle that fits its last sound: pair is '은/는', '이/가', '을/를', '과/와' or '으로/로'."""
    return word + particle_after(word, pair)


def particle_after(word: str, pair: str) -> str:
    """Return the particle of a pair ('은/는') that fits the last sound of a word, without the word."""
    with_final, without_final = pair.split("/")
    last = _last_sound(word)
    if "가" <= last <= "힣":
        final = (ord(last) - 0xAC00) % 28
        has_final, rieul = final != 0, final == 8
    elif last.lower() in LATIN_FINALS:
        has_final, rieul = True, LATIN_FINALS[last.lower()] == "ㄹ"
    else:
        has_final, rieul = DIGIT_HAS_FINAL.get(last, False), last in "178"
    if with_final == "으로" and rieul:
        has_final = False
    return with_final if has_final else without_final


class Particled(str):
    """A value of a phrase: '{name}' writes it, '{name:은/는}' the particle that follows it ('대한민국' → '은')."""

    def __format__(self, spec: str) -> str:
        """Return the particle when the format spec is a pair of particles, else the text formatted by spec."""
        if "/" in spec:
            return particle_after(str(self), spec)
        return format(str(self), spec)
