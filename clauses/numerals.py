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
    """Return a positive integer below 10,000 in Chinese numerals (24 → 二十四, 102 → 一百零二)."""
    if number >= 10_000:
        return str(number)
    units = ((1000, "千"), (100, "百"), (10, "十"))
    out, zero = "", False
    for value, unit in units:
        digit, number = divmod(number, value)
        if digit:
            out += ("零" if zero else "") + ("" if (digit == 1 and unit == "十" and not out) else CHINESE_DIGITS[digit]) + unit
            zero = False
        elif out:
            zero = True
    if number:
        out += ("零" if zero else "") + CHINESE_DIGITS[number]
    return out


CHINESE_VALUES = {**{digit: value for value, digit in enumerate(CHINESE_DIGITS)}, "零": 0, "两": 2}
CHINESE_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10_000}


def chinese_value(text: str) -> int:
    """Return the value of a number in Chinese numerals (二十 → 20, 一百零二 → 102, 一万 → 10000, 一〇二 → 102)."""
    if not any(char in CHINESE_UNITS for char in text):
        return int("".join(str(CHINESE_VALUES[char]) for char in text))
    total = section = digit = 0
    for char in text:
        if char in CHINESE_VALUES:
            digit = CHINESE_VALUES[char]
        elif char == "万":
            total += (section + digit) * 10_000
            section = digit = 0
        else:
            section += (digit or 1) * CHINESE_UNITS[char]
            digit = 0
    return total + section + digit


def words_value(words: list[str], values: dict[str, int]) -> int:
    """Return the value of a number spelled in words ('ten thousand' → 10000, 'twenty-five' → 25)."""
    total = current = 0
    for word in words:
        value = values[word]
        if value in (100,):
            current = (current or 1) * value
        elif value >= 1000:
            total += (current or 1) * value
            current = 0
        else:
            current += value
    return total + current


def number_values(number: int, letters: str = LATIN_LETTERS) -> dict[str, object]:
    """Return every way a phrase may write a number: {n}, {cn}, {roman}, {roman_lower}, {letter}."""
    return {"n": number, "cn": chinese_numeral(number), "roman": roman(number),
            "roman_lower": roman(number).lower(), "letter": letter(number, letters)}
