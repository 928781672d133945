"""The timeline chart: real PNG and SVG, the same bytes every time, lanes, milestones and arrows drawn."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from agreements.schedule import chart as timeline_chart
from agreements.drafts import load_agreement, parse_agreement
from clauses.errors import OutputError
from agreements.examples import example_path
from agreements.schedule.timeline import Entry, Timeline, schedule
from agreements.schedule.chart import chart_png, chart_svg, safe_text
from tests.conftest import BASE_DRAFT, mutate

ROOT = Path(__file__).resolve().parents[3]
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def round_2() -> Timeline:
    """Return the timeline of the shipped round-2 example."""
    return schedule(load_agreement(str(example_path("round-2"))))


@pytest.fixture(scope="module")
def round_2_svg(round_2) -> bytes:
    """Return the round-2 chart as SVG."""
    return chart_svg(round_2)


def png_size(data: bytes) -> tuple[int, int]:
    """Return the width and height of a PNG from its IHDR chunk."""
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def group_ids(svg: bytes) -> set[str]:
    """Return the ids of every element of an SVG."""
    return {element.get("id") for element in ElementTree.fromstring(svg).iter() if element.get("id")}


def entry(key: str, day: int | None, label: str = "", track: str = "peace_regime") -> Entry:
    """Return a timeline entry counted from entry into force."""
    return Entry(key, label or key, track, day, "entry_into_force", (), key, None)


def test_png_signature_and_size(round_2):
    data = chart_png(round_2)
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = png_size(data)
    assert width == 1650 and 1200 < height < 2400
    small = png_size(chart_png(schedule(parse_agreement(BASE_DRAFT.read_text(encoding="utf-8"), "base.yaml"))))
    assert small[0] == 1650 and small[1] < height // 2


def test_png_holds_no_software_or_date(round_2):
    data = chart_png(round_2)
    assert b"Software" not in data and b"matplotlib" not in data.lower()


def test_svg_parses_and_names_every_lane(round_2_svg):
    root = ElementTree.fromstring(round_2_svg)
    assert root.tag == f"{SVG}svg"
    ids = group_ids(round_2_svg)
    lanes = ["denuclearization", "peace_regime", "military", "un_command", "border", "relations"]
    assert {f"lane-{lane}" for lane in lanes} <= ids
    text = round_2_svg.decode("utf-8")
    for name in ("Denuclearization", "Peace regime", "Military / DMZ", "UN Command", "Border", "Relations"):
        assert f"<!-- {name} -->" in text
    assert "<!-- Version R2 -->" in text and "days after entry into force" in text
    assert "<dc:date>" not in text


def test_svg_draws_every_milestone_and_both_kinds_of_arrow(round_2, round_2_svg):
    ids = group_ids(round_2_svg)
    assert {f"item-{entry.id}" for entry in round_2.entries} <= ids
    actions = {key for key in ids if key.startswith("action_for_action--")}
    requires = {key for key in ids if key.startswith("requires--")}
    assert "action_for_action--denuc.yongbyon--unc.status" in actions and len(actions) == 5
    assert "requires--denuc.declaration--denuc.yongbyon" in requires
    assert "requires--denuc.freeze--step.exercise-adjustment" not in requires  # drawn once, as action for action
    assert len(requires) == 21


def test_two_calls_give_the_same_bytes(round_2, round_2_svg):
    assert chart_png(round_2) == chart_png(round_2)
    assert chart_svg(round_2) == round_2_svg


def test_same_bytes_in_another_process(round_2_svg):
    code = ("import sys; from agreements.drafts import load_agreement; from agreements.schedule.timeline import schedule; "
            "from agreements.schedule.chart import chart_svg; "
            f"sys.stdout.buffer.write(chart_svg(schedule(load_agreement({str(example_path('round-2'))!r}))))")
    environment = {**os.environ, "PYTHONHASHSEED": "7", "PYTHONPATH": str(ROOT)}
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True, cwd=ROOT,
                            env=environment).stdout
    assert output == round_2_svg


def test_unscheduled_items_are_noted_not_drawn(base_text):
    timeline = schedule(parse_agreement(mutate(base_text, "deadline: {days: 60}", "requires: []"), "base.yaml"))
    svg = chart_svg(timeline)
    ids = group_ids(svg)
    assert "item-pullback.distance" in ids and "item-step.liaison" not in ids and "lane-relations" not in ids
    assert "No fixed day, not drawn: step.liaison (Relations), step.talks (Military / DMZ)." in svg.decode()


def test_no_scheduled_item_at_all():
    svg = chart_svg(Timeline("Nothing", "R0", (entry("x.a", None),), ()))
    assert "<!-- No item has a fixed day. -->" in svg.decode()
    assert chart_png(Timeline("Nothing", "R0", (), ())).startswith(b"\x89PNG")


def test_labels_are_ascii_and_never_math():
    timeline = Timeline("Peace “Now” — 평화", "R$1$", (entry("x.a", 10, r"Pay $5 \bn and $6 — café 평화"),), ())
    text = chart_svg(timeline).decode()
    assert r"<!-- Pay $5 \bn and $6 - cafe ?? (day 10) -->" in text
    assert '<!-- Implementation timeline: Peace "Now" - ?? -->' in text


def test_safe_text():
    assert safe_text("“Peace” — 평화 Hôtel ’s …") == "\"Peace\" - ?? Hotel 's ..."


def test_too_many_rows_to_chart(round_2, monkeypatch):
    monkeypatch.setattr(timeline_chart, "MAX_HEIGHT", 5)
    message = r"^the timeline needs 39 rows, too many to chart \(at most 5 inches tall\)$"
    with pytest.raises(OutputError, match=message):
        chart_png(round_2)


def test_importing_the_chart_module_does_not_import_matplotlib():
    code = "import sys, agreements.schedule.chart; print('matplotlib' in sys.modules)"
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}).stdout
    assert output.strip() == "False"
