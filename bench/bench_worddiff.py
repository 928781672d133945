"""Benchmark: the word diff of one node's long text, bounded (now) beside the unbounded search (before).

Run: python bench/bench_worddiff.py [--repeat N] [--length CHARS] [--before-repeat N]
Texts of `length` characters in English, Korean and Chinese (Chinese diffs by character), their words drawn by
their frequency in the clause templates: two unrelated texts, a text beside a copy edited in 1% or 5% of its
words, and one beside a copy with every other sentence rewritten. Each line gives the median seconds of both,
their ratio, the share of the old text each keeps equal, and whether the bounded diff rebuilds both texts
(deletions and equalities the old, insertions and equalities the new).
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from diff_match_patch import diff_match_patch  # noqa: E402

from agreements.diff.words import DELETE, EQUAL, INSERT, SENTENCE_END, tokens, word_diff  # noqa: E402

TEMPLATES = ROOT / "templates" / "clauses"
JINJA = re.compile(r"\{[{%#].*?[}%#]\}", re.S)


def template_tokens(lang: str) -> list[str]:
    """Return the words and signs of the clause templates in a language, repeats kept (their frequency)."""
    text = "".join(path.read_text(encoding="utf-8") for path in sorted(TEMPLATES.glob(f"*.{lang}.j2")))
    return [token for token in tokens(JINJA.sub(" ", text)) if not token.isspace()]


def drawn_text(lang: str, length: int, seed: int, sentence_ends: bool = True) -> str:
    """Return a text of `length` characters whose words are drawn by their frequency in the templates."""
    vocabulary, rng = template_tokens(lang), random.Random(seed)
    if not sentence_ends:
        vocabulary = [token for token in vocabulary if token not in SENTENCE_END]
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


def rewritten_sentences(lang: str, length: int) -> tuple[str, str]:
    """Return a text of sentences of about 100 characters and a copy with every other sentence rewritten."""
    stop = "。" if lang == "zh" else ". "
    count = max(1, length // 200)
    kept = [drawn_text(lang, 100, 100 + index, False) + stop for index in range(count)]
    old = "".join(kept[index] + drawn_text(lang, 100, 200 + index, False) + stop for index in range(count))
    new = "".join(kept[index] + drawn_text(lang, 100, 300 + index, False) + stop for index in range(count))
    return old, new


def cases(length: int) -> list[tuple[str, str, str]]:
    """Return (name, old, new) for every language: unrelated texts, a text edited in 1% and 5% of its words, and
    one with every other sentence rewritten."""
    out = []
    for lang in ("en", "ko", "zh"):
        old = drawn_text(lang, length, 1)
        out.append((f"{lang} unrelated", old, drawn_text(lang, length, 2)))
        out += [(f"{lang} {share:.0%} edited", old, edited_text(old, lang, share, 3)) for share in (0.01, 0.05)]
        out.append((f"{lang} half rewritten", *rewritten_sentences(lang, length)))
    return out


def timed(action, repeat: int) -> tuple[float, object]:
    """Return the median wall time of an action over repeat runs, and what it returned."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def kept(diffs: list[tuple[int, str]], old: str) -> float:
    """Return the share of the old text a diff keeps equal."""
    return sum(len(text) for op, text in diffs if op == EQUAL) / max(1, len(old))


def main() -> None:
    """Print, for each case, the bounded diff's median time beside the unbounded one's."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--before-repeat", type=int, default=3, help="runs of the unbounded diff (slow: minutes)")
    parser.add_argument("--length", type=int, default=10_000)
    options = parser.parse_args()
    print(f"word diff of one node, {options.length:,} characters a side "
          f"(medians: now of {options.repeat} runs, before of {options.before_repeat}; kept: share of the old text "
          "left equal)")
    print(f"{'case':<18} {'now s':>8} {'before s':>9} {'before/now':>11} {'kept now':>9} {'kept before':>12}  exact")
    for name, old, new in cases(options.length):
        now, ours = timed(lambda: word_diff(old, new), options.repeat)
        before, theirs = timed(lambda: unbounded_word_diff(old, new), options.before_repeat)
        print(f"{name:<18} {now:8.3f} {before:9.3f} {before / now:11.1f} {kept(ours, old):9.0%} "
              f"{kept(theirs, old):12.0%}  {'yes' if exact(ours, old, new) else 'NO'}")


if __name__ == "__main__":
    main()
