"""The timeline chart: real PNG and SVG, the same bytes every time, lanes, milestones and arrows drawn."""

from __future__ import annotations

import os
import re
import struct
import subprocess
import sys
import warnings
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from agreements.schedule import chart as timeline_chart
from agreements.schedule import chart_text
from agreements.drafts import load_agreement, parse_agreement
from clauses.errors import OutputError
from agreements.examples import example_path
from agreements.schedule.timeline import Entry, Timeline, schedule
from agreements.schedule.chart import chart_png, chart_svg
from agreements.schedule.chart_text import fitted, wrap
from tests.conftest import BASE_DRAFT, mutate

ROOT = Path(__file__).resolve().parents[3]
SVG = "{http://www.w3.org/2000/svg}"
ROUND_2 = load_agreement(str(example_path("round-2")))
R2_TEXT = example_path("round-2").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def round_2() -> Timeline:
    """Return the timeline of the shipped round-2 example."""
    return schedule(ROUND_2)


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


def figure_of(timeline: Timeline):
    """Return the chart's matplotlib figure, drawn once so its texts have their extents."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    with matplotlib.rc_context({"font.family": ["DejaVu Sans"]}):
        figure = timeline_chart._figure(timeline)
        FigureCanvasAgg(figure).draw()
    return figure


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
    assert "<!-- Round 2 · R2 · 25 June 2027 -->" in text and "days after entry into force" in text
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
    assert "No fixed day, not drawn: Liaison office opens (Relations), Military talks (Military / DMZ)." in svg.decode()


def test_no_scheduled_item_at_all():
    svg = chart_svg(Timeline("Nothing", "R0", (entry("x.a", None),), ()))
    assert "<!-- No item has a fixed day. -->" in svg.decode()
    assert chart_png(Timeline("Nothing", "R0", (), ())).startswith(b"\x89PNG")


def test_labels_keep_what_the_font_draws_and_are_never_math():
    timeline = Timeline("Peace “Now” — 평화", "R$1$", (entry("x.a", 10, r"Pay $5 \bn and $6 — café 평화"),), ())
    text = chart_svg(timeline).decode()
    assert "<!-- Pay $5 \\bn and $6 — café ?? (day\u00a010) -->" in text  # DejaVu Sans has no Hangul
    assert "<!-- Implementation timeline: Peace “Now” — ?? -->" in text


def test_characters_the_fonts_lack_become_plain():
    assert fitted("“Peace” — 평화 Hôtel ’s …", ("DejaVu Sans",)) == "“Peace” — ?? Hôtel ’s …"
    assert fitted("“평화” 和平 \u0915", ("Noto Sans CJK KR",)) == "“평화” 和平 ?"


def test_too_many_rows_to_chart(round_2, monkeypatch):
    monkeypatch.setattr(timeline_chart, "MAX_HEIGHT", 5)
    message = r"^the timeline needs \d+ rows, too many to chart \(at most 5 inches tall\)$"
    with pytest.raises(OutputError, match=message):
        chart_png(round_2)


def test_importing_the_chart_module_does_not_import_matplotlib():
    code = "import sys, agreements.schedule.chart; print('matplotlib' in sys.modules)"
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}).stdout
    assert output.strip() == "False"


def svg_comments(svg: bytes) -> list[str]:
    """Return the texts an SVG chart writes, one line of text each."""
    return re.findall(r"<!-- (.*?) -->", svg.decode())


@pytest.mark.parametrize("lang, font, title, lane", [
    ("ko", "NotoSansCJKkr", "이행 일정표: 한반도 평화협정", "비핵화"),
    ("zh", "NotoSansCJKsc", "执行时间表：朝鲜半岛和平协定", "无核化"),
])
def test_korean_and_chinese_charts_are_drawn_in_the_cjk_font(lang, font, title, lane):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib warns of every glyph its fonts lack
        svg = chart_svg(schedule(ROUND_2, lang))
    comments = svg_comments(svg)
    assert title in comments and lane in comments and "?" not in "".join(comments)
    glyph_fonts = set(re.findall(r'<path id="([A-Za-z]+)-', svg.decode()))
    assert glyph_fonts == {font}  # every glyph, digits and Latin letters too, from the CJK font


def test_a_missing_font_is_an_error_naming_it(monkeypatch):
    monkeypatch.setattr(chart_text, "_font_file", lambda family: None if family == "Noto Sans CJK KR" else "x")
    with pytest.raises(OutputError) as caught:
        chart_png(schedule(ROUND_2, "ko"))
    assert (str(caught.value), caught.value.code) == (
        "the timeline chart in 한국어 needs the font 'Noto Sans CJK KR', which matplotlib does not find "
        "(install it: the Noto CJK fonts, fonts-noto-cjk)", "PD-E046")


def test_labels_are_wrapped_whole_never_cut(round_2_svg):
    comments = svg_comments(round_2_svg)
    assert not any(text.endswith("...") or "..." in text for text in comments)
    handover = ("Functions of the armistice bodies and control of access to the Demilitarized Zone transferred to the "
                "Inter-Korean Joint Military Commission and the Peace Regime Verification Commission (day\u00a0180)")
    start = next(index for index, text in enumerate(comments) if text.startswith("Functions of the armistice"))
    end = next(index for index in range(start, len(comments)) if comments[index].endswith("(day\u00a0180)"))
    assert end > start and " ".join(comments[start:end + 1]) == handover  # on lines of its own, whole


def test_every_text_stays_inside_the_figure_and_a_long_title_wraps():
    text = R2_TEXT.replace("  short_title: {en: Korean Peninsula Peace Agreement, ko: 한반도 평화협정, zh: 朝鲜半岛和平协定}\n", "")
    timeline = schedule(parse_agreement(text, "long.yaml"))
    assert timeline.title == "Agreement on the Establishment of a Permanent Peace Regime on the Korean Peninsula"
    figure = figure_of(timeline)
    renderer = figure.canvas.get_renderer()
    texts = [*figure.texts, *(text for axes in figure.axes for text in axes.texts)]
    width = figure.get_figwidth() * figure.dpi
    assert all(0 <= text.get_window_extent(renderer).x0 and text.get_window_extent(renderer).x1 <= width
               for text in texts if text.get_text())
    title = next(text.get_text() for text in figure.texts if text.get_text().startswith("Implementation"))
    assert title == ("Implementation timeline: Agreement on the Establishment of a Permanent Peace Regime on the Korean"
                     "\nPeninsula")


def test_the_options_of_a_bracketed_clause_are_drawn_each_on_its_row(round_2, round_2_svg):
    ids = group_ids(round_2_svg)
    assert {"item-prisoners.repatriation", "item-prisoners.repatriation@B", "item-foreign-forces.usfk@B"} <= ids
    assert "item-foreign-forces.usfk@C" not in ids  # the withdrawn DPRK option has no row
    comments = svg_comments(round_2_svg)
    assert "Option B (China): Foreign Forces (paragraph 1 of Article 13) (day\u00a0365)" in comments


def test_wrap_measures_in_the_font():
    fonts = ("Noto Sans CJK SC",)
    assert wrap("应于第一阶段排雷工作完成后545日内完成", 6.5 * 8.5, fonts, 6.5) == ["应于第一阶段排雷", "工作完成后545日", "内完成"]
    assert wrap("a verylongword", 5, ("DejaVu Sans",), 6.5) == ["a", "verylongword"]
