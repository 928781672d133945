"""FTS5 search (escaped, cached, rebuilt on change), comparison with a draft, and Armistice coverage."""

from __future__ import annotations

import shutil

import pytest

from agreements.drafts import load_agreement, parse_agreement
from clauses.errors import InputError
from agreements.examples import example_path
from agreements.index import index_of
from agreements.model import Agreement
from bench.synthetic import synthetic_agreement
from clauses.measures import MEASURE_IDS
from precedents.compare import compare_with_precedents, side_by_side
from precedents.corpus import SHIPPED
from precedents.index import INDEX_VERSION, SearchIndex, match_expression
from tests.conftest import BASE_DRAFT

ROUND_2 = load_agreement(str(example_path("round-2")))


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    """Return an index of the shipped corpus built in a fresh cache."""
    return SearchIndex.for_folders(folder=tmp_path_factory.mktemp("cache"))


# (query with FTS5 syntax, the same words without it, the expression): read as syntax, each query would fail
# or find something else (an unclosed quote, a prefix, NEAR, NOT, OR, column filters, an initial-token ^).
SYNTAX = [
    ('"foreign troops', "foreign troops", '"foreign" "troops"'),
    ("withdr*", "withdr", '"withdr"'),
    ("NEAR(foreign troops)", "near foreign troops", '"NEAR" "foreign" "troops"'),
    ("-withdrawn troops", "withdrawn troops", '"withdrawn" "troops"'),
    ("foreign-troops", "foreign troops", '"foreign" "troops"'),
    ("troops NOT foreign", "troops not foreign", '"troops" "NOT" "foreign"'),
    ("troops OR xyzzy", "troops or xyzzy", '"troops" "OR" "xyzzy"'),
    ("forces AND NOT withdrawn", "forces and not withdrawn", '"forces" "AND" "NOT" "withdrawn"'),
    ("citation:art", "citation art", '"citation" "art"'),
    ("agreement:paris", "agreement paris", '"agreement" "paris"'),
    ("{citation paraphrase}: troops", "citation paraphrase troops", '"citation" "paraphrase" "troops"'),
    ("^withdrawn", "withdrawn", '"withdrawn"'),
    ("troops + withdrawn", "troops withdrawn", '"troops" "withdrawn"'),
    ("((( troops", "troops", '"troops"'),
    ("withdrawal' OR 1=1 --", "withdrawal or 1", '"withdrawal" "OR" "1"'),
]


@pytest.mark.parametrize(("query", "words", "expression"), SYNTAX)
def test_fts5_syntax_in_queries_is_only_words(index, query, words, expression):
    assert match_expression(query) == expression
    assert index.search(query) == index.search(words)


def test_words_are_quoted():
    assert match_expression('troops* NEAR "x"') == '"troops" "NEAR" "x"'
    assert match_expression("foreign troops", any_word=True) == '"foreign" OR "troops"'


@pytest.mark.parametrize("query", ["", "   ", "*** ---", '""'])
def test_a_query_without_words_is_refused(index, query):
    with pytest.raises(InputError, match="has no words to search for"):
        index.search(query)


def test_search_ranks_and_filters(index):
    results = index.search("withdrawn 60 days", topic="foreign_forces")
    assert results and index.match(results[0][0]).agreement == "paris-1973"
    assert all("foreign_forces" in index.match(key).topics for key, _ in results)
    only = index.search("commission", agreements=["geneva-1954"])
    assert only and {index.match(key).agreement for key, _ in only} == {"geneva-1954"}


def test_unknown_agreement(index):
    with pytest.raises(InputError, match="unknown precedent 'nowhere-2000'"):
        index.check_agreements(["nowhere-2000"])


def test_index_is_rebuilt_when_the_corpus_changes(tmp_path):
    mine = tmp_path / "mine"
    mine.mkdir()
    cache = tmp_path / "cache"
    first = SearchIndex.for_folders([str(mine)], cache)
    shutil.copy(SHIPPED / "aden-1989.yaml", mine / "aden-copy.yaml")
    text = (mine / "aden-copy.yaml").read_text(encoding="utf-8").replace("id: aden-1989", "id: aden-copy-1989")
    (mine / "aden-copy.yaml").write_text(text.replace("aden-1989.", "aden-copy-1989."), encoding="utf-8")
    second = SearchIndex.for_folders([str(mine)], cache)
    assert first.path != second.path and not first.path.exists()
    assert second.path.name.startswith(f"precedents-v{INDEX_VERSION}-")
    assert "aden-copy-1989" in second.agreement_ids()


def labels(comparison, node: str) -> list[str]:
    """Return 'agreement citation' for the precedents set beside one clause."""
    clause = next(c for c in comparison.clauses if c.node == node)
    return [f"{m.agreement} {m.citation}" for m in clause.matches]


def test_round_2_beside_paris_geneva_two_plus_four_and_the_armistice(index):
    comparison = compare_with_precedents(ROUND_2, index)
    assert "paris-1973 Art. 5" in labels(comparison, "foreign-forces.usfk")
    assert any(label.startswith("two-plus-four-1990") for label in labels(comparison, "foreign-forces.usfk"))
    assert {"geneva-1954 Art. 1", "armistice-1953 Art. I ¶1"} <= set(labels(comparison, "demarcation.line"))
    verification = labels(comparison, "verify.military")
    assert "paris-1973 Art. 18" in verification and any(l.startswith("armistice-1953") for l in verification)
    assert any(label.startswith("armistice-1953 Art. II") for label in labels(comparison, "unc.status"))


def pairs(comparison, node: str) -> list[tuple[str, str, str]]:
    """Return (measure, precedent citation, precedent value) set beside one clause."""
    clause = next(c for c in comparison.clauses if c.node == node)
    return [(pair.measure, f"{pair.match.agreement} {pair.match.citation}", pair.shown) for pair in side_by_side(clause)]


def test_only_the_same_measure_is_set_side_by_side_on_round_2(index):
    comparison = compare_with_precedents(ROUND_2, index)
    demining = next(c for c in comparison.clauses if c.node == "dmz.demining")
    assert demining.parameters["clearance_days"] == max(phase.deadline.days for phase in
                                                         index_of(ROUND_2).model("dmz.demining").phases)
    assert ("clearance_days", "armistice-1953 Art. II ¶13(a)", "45 days (hazards, after the end of the 72-hour period)"
            ) in pairs(comparison, "dmz.demining")
    assert ("withdrawal_days", "paris-1973 Art. 5", "60 days") in pairs(comparison, "foreign-forces.usfk")
    assert ("repatriation_days", "geneva-1954 Art. 21(a)–(b)", "30 days (release of POWs and civilian internees)"
            ) in pairs(comparison, "prisoners.repatriation")
    shown = {value for clause in comparison.clauses for _, _, value in pairs(comparison, clause.node)}
    assert not {"7 days", "up to 7 days", "4 hours", "1 km", "up to 1 km"} & shown  # recesses, hours of work, posts


def drafts() -> list:
    """Return the shipped rounds and a synthetic draft with a clause of every kind the library offers."""
    synthetic = Agreement.model_validate(synthetic_agreement(120))
    return [load_agreement(str(example_path("round-1"))), ROUND_2, synthetic]


def test_compare_never_sets_different_measures_side_by_side(index):
    found = []
    for draft in drafts():
        for clause in compare_with_precedents(draft, index).clauses:
            found += side_by_side(clause)
    assert len(found) >= 50 and len({pair.measure for pair in found}) >= 4
    assert [pair for pair in found if pair.precedent_measure != pair.measure] == []
    unlike = [(pair.measure, pair.match.provision) for pair in found
              if pair.measure not in dict(pair.match.values()) or pair.measure not in MEASURE_IDS]
    assert unlike == []


def test_the_denuclearization_steps_and_their_sequencing_meet_the_korean_sequencing_precedents(index):
    comparison = compare_with_precedents(ROUND_2, index)
    beside = {label.split()[0] for node in ("denuc.linkage", "seq.plan") for label in labels(comparison, node)}
    assert {"agreed-framework-1994", "six-party-initial-actions-2007", "six-party-second-phase-2007", "singapore-2018",
            "pyongyang-2018"} <= beside
    korean = ["agreed-framework-1994", "six-party-initial-actions-2007", "six-party-second-phase-2007",
              "october-declaration-2007", "singapore-2018", "pyongyang-2018"]
    only = compare_with_precedents(ROUND_2, index, korean)
    assert {label.split()[0] for node in ("denuc.linkage", "seq.plan") for label in labels(only, node)} == set(korean)
    weakest = {m.citation: m.weakest_basis for c in only.clauses if c.node == "denuc.linkage" for m in c.matches}
    assert all(code in "XS" for citation, code in weakest.items() if citation.startswith("Part I"))


def test_a_mis_cited_row_is_not_searched(index):
    assert "armistice-1953.art-ii-45" not in index.on_topic("verification", ["armistice-1953"])
    assert "armistice-1953.art-ii-40" in index.on_topic("verification", ["armistice-1953"])
    assert index.match("armistice-1953.art-ii-45").basis == ("S",)


def test_armistice_coverage_of_round_2_and_a_gap(index):
    comparison = compare_with_precedents(ROUND_2, index)
    outcomes = {item.function: item.outcome for item in comparison.armistice}
    assert outcomes["military_armistice_commission"] == "replaced"
    small = parse_agreement(BASE_DRAFT.read_text(encoding="utf-8"), "base.yaml")
    gaps = {item.function for item in compare_with_precedents(small, index).armistice if item.outcome == "open"}
    assert {"prisoners_of_war", "cease_fire"} <= gaps
    assert "military_armistice_commission" not in gaps


def test_topics_left_out(index):
    small = parse_agreement(BASE_DRAFT.read_text(encoding="utf-8"), "base.yaml")
    left_out = compare_with_precedents(small, index).left_out
    assert "prisoners_and_remains" in left_out and "Korean Armistice Agreement 1953" in left_out["prisoners_and_remains"]
    assert "un_command_status" not in left_out


def test_a_failing_template_is_located_at_its_node(index, monkeypatch):
    from clauses import rendering
    from clauses.errors import DraftError

    shipped = rendering.render_template

    def failing(kind, lang, values, user_folder=None):
        if kind == "un_command_status":
            raise rendering.RenderError("template un_command_status.en.j2: 'x' is undefined", "PD-E043")
        return shipped(kind, lang, values, user_folder)

    monkeypatch.setattr(rendering, "render_template", failing)
    with pytest.raises(DraftError) as caught:
        compare_with_precedents(load_agreement(str(BASE_DRAFT)), index)
    line = BASE_DRAFT.read_text(encoding="utf-8").splitlines().index("          - id: unc.status") + 1
    assert str(caught.value) == (f"{BASE_DRAFT}:{line}:13: unc.status: template un_command_status.en.j2: "
                                 "'x' is undefined [PD-E043]")
