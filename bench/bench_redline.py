"""Benchmark: diff + redline of a 1,000-clause draft with 5% of its clauses changed, beside python-redlines.

Run: python bench/bench_redline.py [--repeat N]
Needs `pip install 'python-redlines[docxodus]'` for the comparison (skipped, and said so, without it).
With LibreOffice and python3-uno installed it also checks, for both tools, whether accepting all changes gives
the new document's text and rejecting all gives the old one's, on a few typical pairs.
"""

from __future__ import annotations

import argparse
import copy
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from agreements.diff.compare import compare_agreements  # noqa: E402
from agreements.diff.redline import redline_docx  # noqa: E402
from agreements.render.docx.render import render_docx  # noqa: E402
from agreements.drafts import load_agreement  # noqa: E402
from agreements.examples import example_path  # noqa: E402
from agreements.model import Agreement  # noqa: E402
from bench.timing import median_seconds  # noqa: E402
from bench.synthetic import synthetic_agreement  # noqa: E402

UNO = ROOT / "tests" / "agreements" / "docx" / "uno_text.py"


def changed_copy(data: dict, share: float = 0.05) -> dict:
    """Return the draft with a share of its clauses changed (text amended, distance moved)."""
    data = copy.deepcopy(data)
    clauses = [clause for article in data["body"] for clause in article["children"]]
    for clause in clauses[:: int(1 / share)]:
        if "pullback_km" in clause:
            clause["pullback_km"] += 5
        elif clause["kind"] == "text":
            clause["text"] = {lang: text + " as amended" for lang, text in clause["text"].items()}
        else:
            clause["status"] = "agreed" if clause.get("status") != "agreed" else "bracketed"
            clause["alternatives"] = []
    return data


def pairs() -> dict[str, tuple[Agreement, Agreement]]:
    """Return typical pairs: the shipped rounds, an article appended at the end, an article moved."""
    round_1, round_2 = (load_agreement(str(example_path(name))) for name in ("round-1", "round-2"))
    appended = round_1.model_dump(mode="json")
    last = appended["body"][-1]
    last["children"].append({"id": "bench.appended", "kind": "article", "heading": {"en": "Appended"},
                             "children": [{"id": "bench.appended.p", "kind": "text", "text": {"en": "Added."}}]})
    moved = round_1.model_dump(mode="json")
    article = moved["body"][1]["children"].pop(0)
    moved["body"][-2]["children"].append(article)
    return {"round 1 → round 2": (round_1, round_2),
            "article appended at the end": (round_1, Agreement.model_validate(appended)),
            "article moved": (round_1, Agreement.model_validate(moved))}


def fidelity(engine) -> list[str]:
    """Return a line per pair: whether accept-all and reject-all give the right text, for each tool."""
    if not (shutil.which("soffice") and Path("/usr/bin/python3").exists()):
        return ["(LibreOffice not installed: accept/reject not checked)"]
    lines = []
    with tempfile.TemporaryDirectory() as folder:
        jobs, names = [], []
        for index, (name, (old, new)) in enumerate(pairs().items()):
            old_docx, new_docx = render_docx(old, "en"), render_docx(new, "en")
            outputs = {"peacedraft": redline_docx(old, new, compare_agreements(old, new), "en", "bench")}
            if engine is not None:
                outputs["python-redlines"] = engine.run_redline("bench", old_docx, new_docx,
                                                                date_time="2027-01-01T00:00:00Z")[0]
            for key, data in (("old", old_docx), ("new", new_docx), *outputs.items()):
                path = Path(folder) / f"p{index}-{key}.docx"
                path.write_bytes(data)
            jobs += [f"plain:{folder}/p{index}-old.docx", f"plain:{folder}/p{index}-new.docx"]
            jobs += [f"{mode}:{folder}/p{index}-{tool}.docx" for tool in outputs for mode in ("accept", "reject")]
            names.append((index, name, list(outputs)))
        subprocess.run(["/usr/bin/python3", str(UNO), folder, *jobs], capture_output=True, timeout=600)

        def text(stem: str) -> str:
            path = Path(folder) / f"{stem}.txt"
            return path.read_text(encoding="utf-8-sig") if path.exists() else "<missing>"

        for index, name, tools in names:
            for tool in tools:
                accept = text(f"p{index}-{tool}.accept") == text(f"p{index}-new.plain")
                reject = text(f"p{index}-{tool}.reject") == text(f"p{index}-old.plain")
                lines.append(f"  {name:<30} {tool:<16} accept-all {'ok' if accept else 'WRONG'}, "
                             f"reject-all {'ok' if reject else 'WRONG'}")
    return lines


def main() -> None:
    """Print the redline benchmark."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat
    old = Agreement.model_validate(synthetic_agreement(1000))
    new = Agreement.model_validate(changed_copy(old.model_dump(mode="json")))
    changes = len(compare_agreements(old, new).changes)
    ours = median_seconds(lambda: redline_docx(old, new, compare_agreements(old, new), "en", "bench"), repeat)
    print(f"peacedraft diff + redline, 1,000 clauses, {changes} changes: median {ours:.3f} s")
    try:
        from python_redlines.engines import DocxodusEngine
        engine = DocxodusEngine()
    except ImportError:
        engine = None
        print("python-redlines not installed: pip install 'python-redlines[docxodus]'")
    if engine is not None:
        old_docx, new_docx = render_docx(old, "en"), render_docx(new, "en")
        theirs = median_seconds(lambda: engine.run_redline("bench", old_docx, new_docx,
                                                           date_time="2027-01-01T00:00:00Z"), max(1, repeat // 2))
        print(f"python-redlines (Docxodus) on the two rendered .docx: median {theirs:.3f} s")
        print(f"ratio python-redlines / peacedraft: {theirs / ours:.1f}")
    print("accept-all / reject-all in LibreOffice:")
    for line in fidelity(engine):
        print(line)


if __name__ == "__main__":
    main()
