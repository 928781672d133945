"""Ways of writing a number: arabic, Chinese, Roman, and letters of an alphabet ('b', 'aa', '나')."""

from __future__ import annotations

CHINESE_DIGITS = "〇一二三四五六七八九"
LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyz"
ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
         (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(number: int) -> str:
    """Return the Roman numeral of a positive integer."""
    out = []
    for value, letters in ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def letter(number: int, letters: str = LATIN_LETTERS) -> str:
    """Return the point letter for 1, 2, …: the letters in order, then pairs of them (a … z, aa, ab …)."""
    text = ""
    while number:
        number, rest = divmod(number - 1, len(letters))
        text = letters[rest] + text
    return text


def chinese_numeral(number: int) -> str:
    """Return a positive integer below 10,000 in Chinese numerals (24 → 二十四)."""
    if number >= 10_000:
        return str(number)
    units = ((1000, "千"), (100, "百"), (10, "十"))
    out, zero = "", False
    for value, unit in units:
        digit, number = divmod(number, value)
        if digit:
            out += ("〇" if zero else "") + ("" if (digit == 1 and unit == "十" and not out) else CHINESE_DIGITS[digit]) + unit
            zero = False
        elif out:
            zero = True
    if number:
        out += ("〇" if zero else "") + CHINESE_DIGITS[number]
    return out


def number_values(number: int, letters: str = LATIN_LETTERS) -> dict[str, object]:
    """Return every way a phrase may write a number: {n}, {cn}, {roman}, {roman_lower}, {letter}."""
    return {"n": number, "cn": chinese_numeral(number), "roman": roman(number),
            "roman_lower": roman(number).lower(), "letter": letter(number, letters)}
