"""Long texts for the word diff's tests: words drawn at random per language, and copies edited in a share of them."""

from __future__ import annotations

import random

from agreements.diff.words import EQUAL, tokens

# words a drafter writes, per language (Chinese diffs by character), and what lies between them
VOCABULARY = {
    "en": "the Parties shall withdraw their forces from the Demilitarized Zone within days after entry into force of "
          "this Agreement and the Joint Military Commission verify each step 10 15 90 180 km".split(),
    "ko": "당사자들은 비무장지대에서 병력을 철수한다 이 협정 발효 후 일 이내에 공동군사위원회는 각 단계를 검증한다 10 15 km".split(),
    "zh": list("各方应在本协定生效后日内从非军事区撤出其部队联合军事委员会核查每一步骤") + ["10", "15", "公里"],
}
BETWEEN = {"en": [" ", " ", " ", ", ", ". ", "; "], "ko": [" ", " ", " ", ", ", ". "], "zh": ["", "", "", "，", "。", "；"]}


def apply_side(diffs: list[tuple[int, str]], side: int) -> str:
    """Return the old (side -1) or new (side 1) text a diff was made from."""
    return "".join(text for operation, text in diffs if operation in (EQUAL, side))



def prose(lang: str, length: int, seed: int) -> str:
    """Return a text of at least `length` characters in a language, its words drawn at random."""
    rng, parts, size = random.Random(seed), [], 0
    while size < length:
        part = rng.choice(VOCABULARY[lang]) + rng.choice(BETWEEN[lang])
        parts.append(part)
        size += len(part)
    return "".join(parts)


def edited(text: str, lang: str, share: float, seed: int) -> str:
    """Return a text with a share of its tokens deleted, replaced or followed by an inserted word."""
    rng, out = random.Random(seed), []
    for token in tokens(text):
        roll = rng.random()
        if roll >= share:
            out.append(token)
        elif roll < share / 3:
            out.append(rng.choice(VOCABULARY[lang]))
        elif roll < 2 * share / 3:
            out += [token, rng.choice(BETWEEN[lang]), rng.choice(VOCABULARY[lang])]
    return "".join(out)
