"""Editing in place: only the edited lines change, comments and layout survive, failures leave the file as it was."""

from __future__ import annotations

import difflib

import pytest

from agreements.edit.add import add_alternative, add_option
from agreements.drafts import file_digest, load_agreement
from agreements.edit.draft import edit_draft, set_position, set_values
from clauses.errors import DraftError, StaleDraftError
from tests.conftest import BASE_DRAFT, mutate

# The base draft written by hand in an idiosyncratic style: comments everywhere, odd spacing, quotes.
HANDWRITTEN = mutate(
    mutate(
        mutate(BASE_DRAFT.read_text(encoding="utf-8"), "  version: R1\n", "  version: 'R1'    # the second round renames this\n"),
        "              rok: {stance: support}\n",
        "              rok: { stance: support }   # confirmed in plenary\n\n",
    ),
    "body:\n", "# --- the body of the agreement ---\nbody:   # parts and articles\n",
)


@pytest.fixture
def draft(tmp_path):
    """Return the path of a handwritten copy of the base draft."""
    path = tmp_path / "draft.yaml"
    path.write_text(HANDWRITTEN, encoding="utf-8")
    return path


def changes(before: str, after: str) -> list[tuple[str, list[str], list[str]]]:
    """Return the line changes between two texts: (operation, old lines, new lines)."""
    old, new = before.splitlines(), after.splitlines()
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return [(tag, old[i1:i2], new[j1:j2]) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


def test_set_changes_only_the_value_line(draft):
    set_values(str(draft), "pullback.distance", ("pullback_km=15",))
    assert changes(HANDWRITTEN, draft.read_text(encoding="utf-8")) == [
        ("replace", ["            pullback_km: 10"], ["            pullback_km: 15"])
    ]


def test_set_nested_and_state_values(draft):
    set_values(str(draft), "unc.status", ("effective.days=45", "status=agreed_ad_referendum"))
    assert changes(HANDWRITTEN, draft.read_text(encoding="utf-8")) == [
        ("replace", ["            status: agreed"], ["            status: agreed_ad_referendum"]),
        ("replace", ["            effective: {after: pullback.distance, days: 30}"],
         ["            effective: {after: pullback.distance, days: 45}"]),
    ]


def test_position_adds_one_line_and_keeps_the_comment(draft):
    set_position(str(draft), "pullback.distance", "dprk", "support", "Accepts 10 km if exercises stop.")
    edits = changes(HANDWRITTEN, draft.read_text(encoding="utf-8"))
    assert edits == [("replace", ["              dprk: {stance: oppose, note: Wants 20 km.}"],
                      ["              dprk: {stance: support, note: Accepts 10 km if exercises stop.}"])]
    assert "rok: { stance: support }   # confirmed in plenary" in draft.read_text(encoding="utf-8")


def test_add_only_inserts(draft):
    result = add_option(str(draft), "verify/four-party-commission", under="final", as_id="final.verify",
                        parties=("un=witness", "usa=guarantor", "prc=guarantor"))
    assert result.summary == "added verify/four-party-commission as final.verify under final"
    assert result.registered == ("registered body prvc", "registered body peace-commission", "registered party un as "
                                 "witness", "registered party usa as guarantor", "registered party prc as guarantor")
    edits = changes(HANDWRITTEN, draft.read_text(encoding="utf-8"))
    assert all(tag == "insert" for tag, _, _ in edits)
    inserted = [line for _, _, lines in edits for line in lines]
    assert "      - id: final.verify" in inserted
    assert "  - id: peace-commission" in inserted


def test_added_alternative_brackets_the_clause(draft):
    add_alternative(str(draft), "unc_status/retain-reduced", "unc.status", "dprk")
    unc = next(node for node in load_agreement(str(draft)).body[0].children[1].children if node.id == "unc.status")
    assert unc.status == "bracketed"
    assert [alternative.id for alternative in unc.alternatives] == ["unc.status.alt-retain-reduced"]
    assert unc.alternatives[0].set["disposition"] == "retain_reduced"


@pytest.mark.parametrize(
    ("action", "message"),
    [
        (lambda path: set_values(path, "pullback.distance", ("pullback_km=-1",)), "pullback_km: input should be greater than 0"),
        (lambda path: set_values(path, "nowhere", ("pullback_km=1",)), "no node with id 'nowhere'"),
        (lambda path: set_position(path, "pullback.distance", "usa", "support", None), "unknown party 'usa'"),
        (lambda path: add_option(path, "unc_status/dissolve", as_id="pullback"), "id 'pullback' already exists"),
        (lambda path: add_option(path, "unc_status/dissolve", under="ghost"), "--under: no part, article, clause or annex"),
        (lambda path: add_option(path, "unc_status/dissolve", assignments=("effective.dayz=3",)), "effective.dayz"),
        (lambda path: add_alternative(path, "unc_status/transform", "unc.status", "japan"), "unknown party 'japan'"),
    ],
)
def test_failed_edits_leave_the_file_untouched(draft, action, message):
    with pytest.raises(DraftError, match=message.replace("(", r"\(")):
        action(str(draft))
    assert draft.read_text(encoding="utf-8") == HANDWRITTEN
    assert sorted(path.name for path in draft.parent.iterdir()) == ["draft.yaml"]


# One edit of each kind, given the digest the editor expects the file to have.
EXPECTING = {
    "add": lambda path, expect: add_option(path, "end_war/on-signature", as_id="end-war.added", expect=expect),
    "alternative": lambda path, expect: add_alternative(path, "unc_status/retain-reduced", "unc.status", "dprk",
                                                        expect=expect),
    "set": lambda path, expect: set_values(path, "pullback.distance", ("pullback_km=15",), expect=expect),
    "position": lambda path, expect: set_position(path, "pullback.distance", "dprk", "support", None, expect=expect),
}
NEWER = HANDWRITTEN + "# saved by someone else\n"


@pytest.mark.parametrize("kind", EXPECTING)
def test_an_edit_of_a_file_changed_since_it_was_read_is_refused(draft, kind):
    seen = file_digest(draft)
    draft.write_bytes(NEWER.encode("utf-8"))
    with pytest.raises(StaleDraftError, match="draft.yaml: changed since the page was loaded") as refusal:
        EXPECTING[kind](str(draft), seen)
    assert refusal.value.code == "PD-E110" and refusal.value.exit_code == 2
    assert draft.read_bytes() == NEWER.encode("utf-8")
    assert sorted(path.name for path in draft.parent.iterdir()) == ["draft.yaml"]


@pytest.mark.parametrize("kind", EXPECTING)
def test_an_edit_expecting_the_file_as_it_is_writes_and_gives_the_new_digest(draft, kind):
    result = EXPECTING[kind](str(draft), file_digest(draft))
    assert draft.read_text(encoding="utf-8") != HANDWRITTEN
    assert result.digest == file_digest(draft)
    set_values(str(draft), "unc.status", ("note=checked",), expect=result.digest)  # the page edits on


def test_a_file_saved_while_the_edit_runs_is_not_overwritten(draft):
    def change(document, agreement):
        draft.write_bytes(NEWER.encode("utf-8"))  # another save lands after the edit read the file
        document["meta"]["version"] = "R9"
        return "changed the version"

    with pytest.raises(StaleDraftError):
        edit_draft(str(draft), change, expect=file_digest(draft))
    assert draft.read_bytes() == NEWER.encode("utf-8")
    assert sorted(path.name for path in draft.parent.iterdir()) == ["draft.yaml"]


def test_without_expect_an_edit_writes_whatever_the_file_was(draft):
    draft.write_bytes(NEWER.encode("utf-8"))
    result = set_values(str(draft), "pullback.distance", ("pullback_km=15",))
    assert "pullback_km: 15" in draft.read_text(encoding="utf-8") and result.digest == file_digest(draft)


def test_staleness_is_reported_before_the_edit_is_tried_on_the_newer_file(draft):
    seen = file_digest(draft)
    renamed = HANDWRITTEN.replace("pullback.distance", "pullback.span").encode("utf-8")
    draft.write_bytes(renamed)  # the node the page edits has another id now
    with pytest.raises(StaleDraftError):
        set_values(str(draft), "pullback.distance", ("pullback_km=15",), expect=seen)
    assert draft.read_bytes() == renamed
