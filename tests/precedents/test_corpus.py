"""The shipped corpus is the fact sheet, both ways: every row with its citation and every basis code, and nothing else."""

from __future__ import annotations

import re

import pytest

from clauses.armistice import FUNCTION_IDS, FUNCTIONS
from precedents.corpus import SHIPPED, armistice_later_practice, load_corpus
from precedents.model import Quantity
from tests.factsheet import FACT_SHEET, SECTIONS, Row, sections, sheet_rows

CORPUS = load_corpus()
PROVISIONS = [(agreement, provision) for agreement in CORPUS.agreements.values() for provision in agreement.provisions]
NEEDS_SHEET = pytest.mark.skipif(not FACT_SHEET.exists(), reason="the fact sheet (shared/reference) is not beside this checkout")
ARMISTICE = CORPUS.agreements["armistice-1953"]


def test_every_agreement_of_the_sheet_is_in_the_corpus():
    assert set(CORPUS.agreements) == set(SECTIONS)
    assert {path.stem for path in SHIPPED.glob("*.yaml")} == set(SECTIONS)
    assert all(agreement.context and agreement.date for agreement in CORPUS.agreements.values())


def row_of(provision) -> Row:
    """Return what the sheet's row for a provision must be, read from the provision."""
    stated = provision.parameters.as_stated or "—"
    return Row(provision.citation, tuple(provision.basis), tuple(provision.earlier_basis), tuple(provision.topics),
               stated, provision.paraphrase)


def differences(sheet: list[Row], agreement) -> list[str]:
    """Return the rows of the sheet missing from an agreement's provisions and the provisions that are no row."""
    corpus = [row_of(provision) for provision in agreement.provisions]
    missing = [f"{agreement.id}: sheet row not in the corpus: {row}" for row in sheet if row not in corpus]
    extra = [f"{agreement.id}: provision not a row of the sheet: {row}" for row in corpus if row not in sheet]
    return missing + extra


@NEEDS_SHEET
def test_every_row_of_the_sheet_is_a_provision_and_every_provision_a_row():
    rows = sheet_rows()
    assert sum(map(len, rows.values())) == len(PROVISIONS) == 331
    problems = [problem for key, agreement in CORPUS.agreements.items() for problem in differences(rows[key], agreement)]
    assert problems == []


@NEEDS_SHEET
@pytest.mark.parametrize("change", [{"citation": "Art. 99"}, {"basis": ["T"]}, {"earlier_basis": []},
                                    {"paraphrase": "Something else."}])
def test_the_cross_check_catches_an_invented_citation_or_a_dropped_basis_code(change):
    rows = sheet_rows()
    provision = next(p for p in ARMISTICE.provisions if p.citation == "Art. I ¶11")
    assert differences(rows["armistice-1953"], ARMISTICE) == []
    if change == {"basis": ["T"]}:
        provision = next(p for p in ARMISTICE.provisions if p.citation == "Art. II ¶13(b)")  # [T][S]
    changed = ARMISTICE.model_copy(update={"provisions": [provision.model_copy(update=change)]})
    assert differences(rows["armistice-1953"], changed)


@NEEDS_SHEET
def test_rows_with_several_codes_keep_them_all_strongest_first():
    codes = {(a.id, p.citation): p.basis for a, p in PROVISIONS}
    assert codes[("armistice-1953", "Art. II ¶13(b)")] == ["T", "S"]
    assert codes[("paris-1973", "Art. 19")] == ["C", "S"]  # the sheet writes [S][C]
    assert codes[("six-party-initial-actions-2007", "II.5")] == ["T", "S"]  # [S] (opening words [T])
    assert codes[("agreed-framework-1994", "Part I (chapeau)")] == ["X"]
    upgraded = next(p for p in ARMISTICE.provisions if p.citation == "Art. II ¶13(a)")
    assert (upgraded.basis, upgraded.earlier_basis) == (["T"], ["C", "S"])


NUMBER_WORDS = {"five": 5, "seven": 7, "ten": 10, "fifteen": 15, "twenty": 20, "thirty": 30, "forty-five": 45, "sixty": 60,
                "seventy-two": 72, "ninety": 90}
# what the words of a row say when a number of it is of a measure
MEASURE_WORDS = {
    "pullback_from_line_km": r"(withdraw|pull).*\b(MDL|line)\b", "zone_width_per_side_km": r"each side|per side",
    "zone_width_total_km": r"total width", "distance_between_posts_km": r"of each other",
    "no_fly_distance_km": r"no-fly", "live_fire_ban_distance_km": r"live[- ]fire", "zone_length_km": r"zone .*km of",
    "withdrawal_days": r"withdraw|redeploy|regroup|leave", "clearance_days": r"mine|hazard|demining",
    "repatriation_days": r"repatriat|return|release", "meeting_recess_days": r"recess",
    "ceasefire_hours": r"cease|cessation", "personnel_ceiling": r"ceiling",
}
SPELLED = r"([a-z]+(-[a-z]+)? \()?"  # 'seven (' before '7)'
APPROXIMATE = rf"(~|about |approximately ){SPELLED}$"
AT_MOST = rf"(up to |≤ |not to exceed |not more than ){SPELLED}$"


def _numbers(cell: str) -> list[tuple[float, str, str]]:
    """Return each number of a cell (figures or words) with the text before and after it."""
    cell = re.sub(r"(?<=\d),(?=\d{3})", "", cell)
    found = [(float(m.group()), cell[:m.start()], cell[m.end():]) for m in re.finditer(r"(?<![\d.])\d+(\.\d+)?", cell)]
    for word, value in NUMBER_WORDS.items():
        found += [(float(value), cell[:m.start()], cell[m.end():]) for m in re.finditer(rf"\b{word}\b", cell)]
    return found


def _segment(before: str, after: str) -> str:
    """Return the part of a cell a number stands in: from the ';' before it to the ';' after it."""
    return before.rsplit(";", 1)[-1] + " # " + after.split(";", 1)[0]


def _speaks_of(measure: str, segment: str, paraphrase: str, cell: str) -> bool:
    """Return whether the words around a number are of the measure.

    A bare 'deadline: N days' or 'timing: …' takes the paraphrase's words; an item of a list without a label of
    its own ('rotary-wing 10 km') takes the words of the cell's first item.
    """
    words = segment
    if re.match(r"\s*(deadline|period|timing)\b", segment):
        words += f" {paraphrase}"
    if ":" not in segment:
        words += " " + cell.split(";", 1)[0]
    return bool(re.search(MEASURE_WORDS[measure], words, re.IGNORECASE))


def quantity_problem(quantity: Quantity, cell: str, paraphrase: str) -> str | None:
    """Return why a typed number is not what its row says, or None."""
    seen = [(before, after) for value, before, after in _numbers(cell) if value == quantity.value]
    if not seen:
        return f"{quantity.value:g} is not a number of the row"
    if not any(_speaks_of(quantity.measure, _segment(before, after), paraphrase, cell) for before, after in seen):
        return f"the row does not speak of {quantity.measure} where it gives {quantity.value:g}"
    if quantity.approximate != any(re.search(APPROXIMATE, before[-30:]) for before, _ in seen):
        return f"approximate is {quantity.approximate}, the row says otherwise"
    if quantity.at_most and not any(re.search(AT_MOST, before[-30:]) or re.match(r" km of each other", after)
                                    for before, after in seen):
        return "at_most, but the row gives no upper bound"
    if quantity.unit and not any(re.match(rf"\)? ?{quantity.unit[:-1]}", after) for _, after in seen):
        return f"the row does not give it in {quantity.unit}"
    return None


TYPED = [(agreement.id, provision, quantity) for agreement, provision in PROVISIONS
         for quantity in provision.parameters.quantities]


@NEEDS_SHEET
def test_every_typed_number_is_of_the_measure_its_row_speaks_of():
    rows = {(key, row.citation): row for key, found in sheet_rows().items() for row in found}
    assert len(TYPED) >= 30
    problems = []
    for key, provision, quantity in TYPED:
        row = rows[(key, provision.citation)]
        problem = quantity_problem(quantity, row.parameters, row.paraphrase)
        if problem:
            problems.append(f"{provision.id} {quantity.measure}: {problem}")
    assert problems == []


@NEEDS_SHEET
@pytest.mark.parametrize(("citation", "wrong"), [
    ("Art. II ¶31", {"measure": "withdrawal_days"}),  # a recess of the Commission's meetings is no deadline
    ("Art. II ¶13(a)", {"unit": None, "value": 3}),  # 72 hours is not stored as 3 days
    ("Art. I ¶1", {"measure": "zone_width_total_km"}),  # 2 km per side is not the total width
])
def test_the_measure_check_catches_unlike_numbers(citation, wrong):
    rows = {row.citation: row for row in sheet_rows()["armistice-1953"]}
    provision = next(p for p in ARMISTICE.provisions if p.citation == citation)
    quantity = provision.parameters.quantities[0]
    assert quantity_problem(quantity, rows[citation].parameters, rows[citation].paraphrase) is None
    assert quantity_problem(quantity.model_copy(update=wrong), rows[citation].parameters, rows[citation].paraphrase)


@NEEDS_SHEET
def test_an_approximate_number_is_never_exact():
    cma = {row.citation: row for row in sheet_rows()["cma-2018"]}
    estuary = next(p for p in CORPUS.agreements["cma-2018"].provisions if p.citation == "Annex 5 (Han River estuary)")
    [quantity] = estuary.parameters.quantities
    assert (quantity.measure, quantity.value, quantity.approximate) == ("zone_length_km", 70, True)
    row = cma["Annex 5 (Han River estuary)"]
    assert quantity_problem(quantity.model_copy(update={"approximate": False}), row.parameters, row.paraphrase)


def test_foreign_forces_are_typed_only_where_the_row_is_about_them():
    typed = {(a.id, p.citation): p.parameters.foreign_forces_disposition for a, p in PROVISIONS
             if p.parameters.foreign_forces_disposition}
    assert all("foreign_forces" in p.topics for a, p in PROVISIONS if p.parameters.foreign_forces_disposition)
    for untyped in [("armistice-1953", "Art. IV ¶60"), ("six-party-2005", "Point 1"), ("paris-1973", "Art. 3(a)")]:
        assert untyped not in typed
    assert typed[("paris-1973", "Art. 5")] == "withdraw"
    assert typed[("two-plus-four-1990", "Art. 5(2)")] == "retain_with_limits"


PARAGRAPH = re.compile(r"¶+\s*(\d+)(?:\(([a-z])\))?(?:–(\d+)|–\(([a-z])\))?")


def paragraphs(text: str) -> set[tuple[int, str | None]]:
    """Return the paragraphs a citation names: (number, sub-paragraph letter or None for the whole)."""
    found: set[tuple[int, str | None]] = set()
    for first, letter, last, last_letter in PARAGRAPH.findall(text):
        if last:
            found |= {(number, None) for number in range(int(first), int(last) + 1)}
        elif last_letter:
            found |= {(int(first), chr(code)) for code in range(ord(letter), ord(last_letter) + 1)}
        else:
            found.add((int(first), letter or None))
    return found


def carried(citation: str) -> set[str]:
    """Return the functions whose paragraphs a citation of the Armistice's own articles names."""
    if not citation.startswith("Art."):
        return set()  # the annex and the supplementary agreement are not paragraphs of the Armistice
    mine = paragraphs(citation.split(" + ")[0])
    return {function.id for function in FUNCTIONS
            if any(n == m and None in (a, b) or (n, a) == (m, b) for n, a in mine
                   for m, b in set().union(*map(paragraphs, function.paragraphs)))}


def test_every_armistice_row_carries_the_functions_of_its_paragraphs():
    assert [(p.citation, set(p.functions)) for p in ARMISTICE.provisions if set(p.functions) != carried(p.citation)] == []
    by_citation = {p.citation: p.functions for p in ARMISTICE.provisions}
    assert by_citation["Art. III ¶59(d)"] == ["displaced_civilians"]
    assert by_citation["Art. II ¶13(g)–(j)"] == ["military_armistice_commission"]
    assert carried("Art. III ¶56(a)–(c)") == {"prisoners_of_war"} and carried("Annex (NNRC Terms of Reference) ¶¶1–4") == set()
    assert {f for p in ARMISTICE.provisions for f in p.functions} == set(FUNCTION_IDS)


def test_the_mis_cited_paragraph_45_points_to_paragraph_40():
    moved = next(p for p in ARMISTICE.provisions if p.citation == "Art. II ¶45")
    target = next(p for p in ARMISTICE.provisions if p.id == moved.moved_to)
    assert target.citation == "Art. II ¶40" and "NNSC \"only\"" in target.parameters.as_stated
    assert all(p.moved_to is None for a, p in PROVISIONS if p is not moved)


@NEEDS_SHEET
def test_later_practice_is_typed_with_its_basis_and_its_facts_are_the_sheets():
    practice = armistice_later_practice()
    sheet = sections()["armistice-1953"]
    paragraph = " ".join(sheet[sheet.index("Facts about later practice"):sheet.index("### UNVERIFIED")].split())
    assert len(practice) == 6 and all(item.basis == ["S"] for item in practice)
    functions = {function for item in practice for function in item.functions}
    assert functions == {"reinforcement_limits", "inspection_teams", "neutral_nations_supervisory_commission",
                         "military_armistice_commission", "dmz_administration"}
    for item in practice:
        for figure in re.findall(r"\d+(?: \w+ \d{4})?", f"{item.when or ''} {item.paraphrase}"):
            assert figure in paragraph, (figure, item.paraphrase)
    [contradictory] = [item for item in practice if item.contradictory]
    assert "3 April 1993" in contradictory.paraphrase and "April 1991" in contradictory.paraphrase
    assert next(item for item in practice if item.paragraphs == ["¶13(d)"]).when == "1957"


@NEEDS_SHEET
def test_unverified_lines_are_listed_not_loaded():
    sheet = sections()
    paraphrases = {provision.paraphrase for _, provision in PROVISIONS}
    for agreement in CORPUS.agreements.values():
        assert not set(agreement.not_yet_verified) & paraphrases
    for key in ("armistice-1953", "paris-1973", "geneva-1954", "two-plus-four-1990", "basic-treaty-1972",
                "agreed-framework-1994", "singapore-2018", "pyongyang-2018"):
        assert "UNVERIFIED" in sheet[key] and CORPUS.agreements[key].not_yet_verified, key
