"""Benchmark: the word diff of one node's long text, bounded (now) beside the unbounded search (before).

Run: python bench/bench_worddiff.py [--repeat N] [--length CHARS] [--before-repeat N]
Texts of `length` characters in English, Korean and Chinese (Chinese diffs by character), their words drawn by
their frequency in the clause templates: two unrelated texts, and a text beside a copy edited in 1% or 5% of its
words. Each line gives the median seconds of both, their ratio, whether the diffs are the same, and whether the
bounded diff rebuilds both texts (deletions and equalities the old, insertions and equalities the new).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from diff_match_patch import diff_match_patch  # noqa: E402

from agreements.diff.words import DELETE, EQUAL, INSERT, tokens, word_diff  # noqa: E402
from bench.timing import median_seconds  # noqa: E402

TEMPLATES = ROOT / "templates" / "clauses"
JINJA = re.compile(r"\{[{%#].*?[}%#]\}", re.S)


def template_tokens(lang: str) -> list[str]:
    """Return the words and signs of the clause templates in a language, repeats kept (their frequency)."""
    text = "".join(path.read_text(encoding="utf-8") for path in sorted(TEMPLATES.glob(f"*.{lang}.j2")))
    return [token for token in tokens(JINJA.sub(" ", text)) if not token.isspace()]


def drawn_text(lang: str, length: int, seed: int) -> str:
    """Return a text of `length` characters whose words are drawn by their frequency in the templates."""
    vocabulary, rng = template_tokens(lang), random.Random(seed)
    spacing = "" if lang == "zh" else " "
    parts, size = [], 0
    while size < length:
        parts.append(rng.choice(vocabulary))
        size += len(parts[-1]) + len(spacing)
    return spacing.join(parts)[:length]


def edited_text(text: str, lang: str, share: float, seed: int) -> str:
    """Return a copy of a text with a share of its words deleted, replaced or followed by another word."""
    vocabulary, rng, out = template_tokens(lang), random.Random(seed), []
    for token in tokens(text):
        roll = rng.random()
        if token.isspace() or roll >= share:
            out.append(token)
        elif roll < share / 3:
            out.append(rng.choice(vocabulary))
        elif roll < 2 * share / 3:
            out += [token, "" if lang == "zh" else " ", rng.choice(vocabulary)]
    return "".join(out)


def unbounded_word_diff(old: str, new: str) -> list[tuple[int, str]]:
    """Return the word diff as it was before the step budget: diff-match-patch searching without any bound."""
    table: dict[str, str] = {}

    def encode(text: str) -> str:
        return "".join(table.setdefault(token, chr(len(table) + 1 + (2048 if len(table) + 1 >= 0xD800 else 0)))
                       for token in tokens(text))

    engine = diff_match_patch()
    engine.Diff_Timeout = 0
    diffs = engine.diff_main(encode(old), encode(new), False)
    engine.diff_cleanupSemantic(diffs)
    decoded = {code: token for token, code in table.items()}
    return [(operation, "".join(decoded[code] for code in text)) for operation, text in diffs if text]


def exact(diffs: list[tuple[int, str]], old: str, new: str) -> bool:
    """Return whether a diff's deletions and equalities give the old text and its insertions and equalities the new."""
    side = {side: "".join(text for op, text in diffs if op in (EQUAL, side)) for side in (DELETE, INSERT)}
    return side[DELETE] == old and side[INSERT] == new


def cases(length: int) -> list[tuple[str, str, str]]:
    """Return (name, old, new) for every language: unrelated texts, and a text edited in 1% and 5% of its words."""
    out = []
    for lang in ("en", "ko", "zh"):
        old = drawn_text(lang, length, 1)
        out.append((f"{lang} unrelated", old, drawn_text(lang, length, 2)))
        out += [(f"{lang} {share:.0%} edited", old, edited_text(old, lang, share, 3)) for share in (0.01, 0.05)]
    return out


def main() -> None:
    """Print, for each case, the bounded diff's median time beside the unbounded one's."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--before-repeat", type=int, default=3, help="runs of the unbounded diff (slow: ~1 min)")
    parser.add_argument("--length", type=int, default=10_000)
    options = parser.parse_args()
    print(f"word diff of one node, {options.length:,} characters a side "
          f"(medians: now of {options.repeat} runs, before of {options.before_repeat})")
    print(f"{'case':<18} {'now s':>8} {'before s':>9} {'before/now':>11}  same diff  exact")
    for name, old, new in cases(options.length):
        now = median_seconds(lambda: word_diff(old, new), options.repeat)
        before = median_seconds(lambda: unbounded_word_diff(old, new), options.before_repeat)
        same = word_diff(old, new) == unbounded_word_diff(old, new)
        print(f"{name:<18} {now:8.3f} {before:9.3f} {before / now:11.1f}  {'yes' if same else 'no':<9}  "
              f"{'yes' if exact(word_diff(old, new), old, new) else 'NO'}")


if __name__ == "__main__":
    main()
