"""The timeline command: exact lines, JSON, charts written whole, and its errors."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ElementTree

import pytest

from agreements.examples import example_path
from cli import main
from tests.conftest import BASE_DRAFT, mutate

BASE_LINES = [
    "day   60  relations         step.liaison       Liaison office opens",
    "day   70  military          step.talks         Military talks",
    "day   90  military          pullback.distance  Option A: Pull-back of Forces (paragraph 1 of Article 1)",
    "day   90  military          pullback.distance  Option B (Democratic People's Republic of Korea): "
    "Pull-back of Forces (paragraph 1 of Article 1)",
    "day  120  un_command        unc.status         Dissolution of the United Nations Command",
]


def test_text_schedule_of_a_small_draft(runner):
    result = runner.invoke(main, ["timeline", str(BASE_DRAFT)])
    assert (result.exit_code, result.stdout.splitlines(), result.stderr) == (0, BASE_LINES, "")


def test_json_schedule(runner):
    result = runner.invoke(main, ["timeline", str(BASE_DRAFT), "--format", "json"])
    data = json.loads(result.stdout)
    assert result.exit_code == 0
    assert (data["format"], data["version"], data["lanes"]) == ("peacedraft.timeline/1", "R1",
                                                                 ["military", "un_command", "relations"])
    assert [(entry["key"], entry["day"]) for entry in data["entries"]] == [
        ("step.liaison", 60), ("step.talks", 70), ("pullback.distance", 90), ("pullback.distance@B", 90),
        ("unc.status", 120)]


def test_shipped_example_first_and_last_lines(runner):
    lines = runner.invoke(main, ["timeline", str(example_path("round-2"))]).stdout.splitlines()
    assert len(lines) == 39  # 37 items, and option B of two bracketed clauses
    assert lines[0] == ("day    0  military          confidence.no-fly          "
                        "Military Confidence-Building Measures (paragraph 1 of Article 9)")  # the air buffer zone
    assert lines[1].split() == ["day", "30", "denuclearization", "denuc.freeze", "Freeze", "of", "nuclear", "and",
                                "long-range", "missile", "testing", "and", "of", "the", "production", "of",
                                "fissile", "material"]
    assert lines[-1].split()[:4] == ["day", "1915", "peace_regime", "step.regime-complete"]


def test_png_chart(runner, tmp_path):
    target = tmp_path / "chart.png"
    result = runner.invoke(main, ["timeline", str(BASE_DRAFT), "-o", str(target)])
    assert (result.exit_code, result.stderr, result.stdout.splitlines()) == (0, f"wrote {target}\n", BASE_LINES)
    data = target.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    again = tmp_path / "again.png"
    assert runner.invoke(main, ["timeline", str(BASE_DRAFT), "-o", str(again)]).exit_code == 0
    assert again.read_bytes() == data


def test_svg_chart_with_json(runner, tmp_path):
    target = tmp_path / "chart.SVG"
    result = runner.invoke(main, ["timeline", str(BASE_DRAFT), "-o", str(target), "--format", "json"])
    assert (result.exit_code, result.stderr) == (0, f"wrote {target}\n")
    assert json.loads(result.stdout)["unscheduled"] == []
    root = ElementTree.fromstring(target.read_bytes())
    assert {"lane-military", "lane-un_command", "lane-relations"} <= {element.get("id") for element in root.iter()}


@pytest.mark.parametrize("name, found", [("chart.pdf", "a .pdf file"), ("chart", "a file without an extension"),
                                         ("chart.png.txt", "a .txt file")])
def test_chart_suffix_must_be_png_or_svg(runner, tmp_path, name, found):
    target = tmp_path / name
    result = runner.invoke(main, ["timeline", str(BASE_DRAFT), "-o", str(target)])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (f"peacedraft: {target}: PNG or SVG output is written to a .png or .svg file, "
                             f"not {found} [PD-E053]\n")
    assert list(tmp_path.iterdir()) == []


def test_unscheduled_items_are_listed_last(runner, tmp_path, base_text):
    path = tmp_path / "open.yaml"
    path.write_text(mutate(base_text, "deadline: {days: 60}", "requires: []"), encoding="utf-8")
    lines = runner.invoke(main, ["timeline", str(path)]).stdout.splitlines()
    assert lines[-2:] == [
        "day    -  relations         step.liaison       Liaison office opens  (no fixed day: no deadline)",
        "day    -  military          step.talks         Military talks  "
        "(no fixed day: counts from “Liaison office opens”, which has no fixed day)",
    ]


def test_cycle_is_a_located_error_and_nothing_is_written(runner, tmp_path, base_text):
    path, chart = tmp_path / "cycle.yaml", tmp_path / "chart.png"
    path.write_text(mutate(base_text, "deadline: {after: entry_into_force, days: 90}",
                           "deadline: {after: unc.status, days: 5}"), encoding="utf-8")
    result = runner.invoke(main, ["timeline", str(path), "-o", str(chart)])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (f"{path}:39:13: pullback.distance: sequencing cycle: pullback.distance → unc.status → "
                             "pullback.distance (each waits for the next) [PD-E045]\n")
    assert not chart.exists()


def test_missing_draft_and_missing_folder(runner, tmp_path):
    missing = tmp_path / "none.yaml"
    result = runner.invoke(main, ["timeline", str(missing)])
    assert (result.exit_code, result.stderr) == (2, f"{missing}:1:1: -: no such file [PD-E010]\n")
    target = tmp_path / "nowhere" / "chart.svg"
    result = runner.invoke(main, ["timeline", str(BASE_DRAFT), "-o", str(target)])
    assert (result.exit_code, result.stderr) == (2, f"peacedraft: {target}: folder {target.parent} does not exist [PD-E051]\n")


def test_help_has_an_example(runner):
    result = runner.invoke(main, ["timeline", "--help"])
    assert result.exit_code == 0 and "Example: peacedraft timeline example.yaml -o timeline.png" in result.stdout


def test_help_does_not_import_matplotlib():
    code = "import sys, cli; cli.main(['--help'], standalone_mode=False); print('matplotlib' in sys.modules)"
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.splitlines()[-1] == "False"


def test_lang_labels_the_text_and_the_chart(runner, tmp_path):
    target = tmp_path / "chart.svg"
    result = runner.invoke(main, ["timeline", str(example_path("round-2")), "--lang", "zh", "-o", str(target)])
    assert (result.exit_code, result.stderr) == (0, f"wrote {target}\n")
    lines = result.stdout.splitlines()
    assert lines[0] == "day    0  military          confidence.no-fly          建立军事互信措施（第九条第一款）"
    assert "day  455  un_command        unc.status                 联合国军司令部解散" in lines
    assert "<!-- 执行时间表：朝鲜半岛和平协定 -->" in target.read_text(encoding="utf-8")


def test_lang_must_be_a_language_with_a_file(runner):
    result = runner.invoke(main, ["timeline", str(BASE_DRAFT), "--lang", "fr"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.splitlines()[-1].startswith("Error: Invalid value for '--lang': 'fr' is not one of")
