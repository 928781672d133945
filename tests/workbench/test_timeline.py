"""The timeline page: the chart as SVG in the page, named by a <title>, and a table of the same steps under it."""

from __future__ import annotations

import html
import re

from agreements.drafts import decode, parse_agreement
from agreements.schedule.timeline import schedule
from clauses.languages import LANGUAGES, language
from tests.workbench.conftest import example

ROW = re.compile(r'<tr>\n<td class="number">(.*?)</td>\n<td lang="[^"]+">.*?</td>\n'
                 r'<th scope="row" lang="[^"]+">(.*?)(?: <span class="muted" lang="[^"]+">\(.*?\)</span>)?</th>\n'
                 r'<td><code>(.*?)</code></td>\n</tr>', re.S)


def timeline_of(lang: str):
    """Return the timeline of round 2 (the served draft) in a language."""
    return schedule(parse_agreement(decode(example("round-2"), "round-2"), "round-2"), lang)


def rows(page: str) -> list[tuple[str, str, str]]:
    """Return the day, label and key of every row of the page's table of steps."""
    return [(day, html.unescape(label), html.unescape(key)) for day, label, key in ROW.findall(page)]


def test_the_chart_is_svg_in_the_page_named_by_its_title(served_once):
    _, client = served_once
    page = client.get("/timeline/draft.yaml")
    assert page.status_code == 200
    timeline = timeline_of(LANGUAGES[0])
    svg = re.search(r"<svg [^>]*>", page.text).group(0)
    assert 'role="img"' in svg and 'aria-labelledby="timeline-chart-title"' in svg
    assert f'lang="{language(LANGUAGES[0]).tag}"' in svg
    title = re.search(r'<svg [^>]*>\n <title id="timeline-chart-title">(.*?)</title>', page.text).group(1)
    assert html.unescape(title) == f"Implementation timeline: {timeline.title}, {timeline.subtitle}"
    assert "<?xml" not in page.text and "<!DOCTYPE svg" not in page.text


def test_the_table_lists_every_step_of_the_schedule(served_once):
    _, client = served_once
    page = client.get("/timeline/draft.yaml")
    expected = [("no fixed day" if entry.day is None else str(entry.day), entry.label, entry.key)
                for entry in timeline_of(LANGUAGES[0]).entries]
    assert rows(page.text) == expected
    assert len(expected) > 20
    assert f"by day after entry into force ({len(expected)})</caption>" in page.text


def test_another_language_labels_the_chart_and_the_table(served_once):
    _, client = served_once
    other = LANGUAGES[1]
    page = client.get(f"/timeline/draft.yaml?lang={other}")
    assert page.status_code == 200
    timeline = timeline_of(other)
    assert [label for _, label, _ in rows(page.text)] == [entry.label for entry in timeline.entries]
    title = re.search(r'<title id="timeline-chart-title">(.*?)</title>', page.text).group(1)
    assert title.startswith(language(other).phrase("timeline_title", title=timeline.title))
    assert f'<option value="{other}" lang="{language(other).tag}" selected>' in page.text


def test_a_language_the_draft_lacks_is_refused(served):
    bench, client = served
    text = example("round-2").decode("utf-8")
    one = LANGUAGES[0]
    (bench.root / "one.yaml").write_text(text.replace(f"languages: [{', '.join(LANGUAGES)}]", f"languages: [{one}]"),
                                         encoding="utf-8")
    page = client.get(f"/timeline/one.yaml?lang={LANGUAGES[1]}")
    assert page.status_code == 400
    assert f"one.yaml: the draft has no text in {LANGUAGES[1]} (its languages: {one}) [PD-E088]" in page.text


def test_a_draft_outside_the_folder_is_refused(served_once):
    _, client = served_once
    page = client.get("/timeline/..%2Fdraft.yaml")
    assert page.status_code == 403
