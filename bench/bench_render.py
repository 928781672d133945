"""Benchmark: render a 1,000-clause synthetic draft to Word, against the floor of writing its document.xml.

Run: python bench/bench_render.py [--repeat N] [--clauses N]
The floor serialises the same document.xml (lxml) and zips it; the package floor serialises every part of
the same .docx (styles, numbering, comments, headers …) and zips it, as saving any Word file must.
The render floor is composing the text and then serialising and zipping every part; render is kept within
3× of it. Korean and the parallel edition are timed beside English. Peak memory is the maximum resident
size of a fresh process that loads and renders the draft once.
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lxml import etree  # noqa: E402

from agreements.document.compose import compose as compose_tree  # noqa: E402
from agreements.render.docx.render import render_docx  # noqa: E402
from agreements.drafts import load_agreement  # noqa: E402
from bench.timing import median_seconds  # noqa: E402
from bench.synthetic import synthetic_yaml  # noqa: E402

PEAK_SCRIPT = """
import resource, sys
sys.path.insert(0, {root!r})
from agreements.drafts import load_agreement
from agreements.render.docx.render import render_docx
render_docx(load_agreement({path!r}), "en")
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def floor_action(document_xml: bytes):
    """Return an action that serialises the document tree and zips it: the least any writer must do."""
    tree = etree.fromstring(document_xml)

    def action() -> None:
        data = etree.tostring(tree, xml_declaration=True, encoding="UTF-8", standalone=True)
        with zipfile.ZipFile(io.BytesIO(), "w", zipfile.ZIP_DEFLATED) as package:
            package.writestr("word/document.xml", data)

    return action


def package_floor_action(output: bytes):
    """Return an action that serialises every part of the finished package and zips it (python-docx save)."""
    import docx

    document = docx.Document(io.BytesIO(output))

    def action() -> None:
        document.save(io.BytesIO())

    return action


def main() -> None:
    """Print the render benchmark."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--clauses", type=int, default=1000)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "synthetic.yaml"
        path.write_text(synthetic_yaml(arguments.clauses), encoding="utf-8")
        agreement = load_agreement(str(path))
        output = render_docx(agreement, "en")
        render = median_seconds(lambda: render_docx(agreement, "en"), arguments.repeat)
        compose = median_seconds(lambda: compose_tree(agreement, ["en"]), arguments.repeat)
        trilingual_path = Path(folder) / "trilingual.yaml"
        trilingual_path.write_text(synthetic_yaml(arguments.clauses, ("en", "ko", "zh")), encoding="utf-8")
        trilingual = load_agreement(str(trilingual_path))
        others = {lang: median_seconds(lambda lang=lang: render_docx(trilingual, lang), arguments.repeat)
                  for lang in ("ko", "parallel")}
        document_xml = zipfile.ZipFile(io.BytesIO(output)).read("word/document.xml")
        floor = median_seconds(floor_action(document_xml), arguments.repeat)
        package_floor = median_seconds(package_floor_action(output), arguments.repeat)
        script = PEAK_SCRIPT.format(root=str(Path(__file__).resolve().parent.parent), path=str(path))
        peak_kb = int(subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout)
    print(f"render {arguments.clauses:,} clauses to Word (en): median {render:.3f} s, {len(output) / 1e3:.0f} kB")
    print(f"floor (serialise document.xml of {len(document_xml) / 1e6:.1f} MB and zip it): median {floor:.3f} s")
    print(f"ratio render / floor: {render / floor:.1f}")
    print(f"package floor (serialise every part of the same .docx and zip it): median {package_floor:.3f} s")
    print(f"ratio render / package floor: {render / package_floor:.1f}")
    print(f"composing the clause text alone (jinja2, as render --format text does): median {compose:.3f} s, "
          f"{compose / floor:.1f}× the floor")
    print(f"the Word part (render − composing): {render - compose:.3f} s, {(render - compose) / floor:.1f}× the floor, "
          f"{(render - compose) / package_floor:.1f}× the package floor")
    render_floor = compose + package_floor
    print(f"render floor (compose the text, then serialise every part and zip): {render_floor:.3f} s; "
          f"render / render floor: {render / render_floor:.2f} (kept within 3)")
    for lang, seconds in others.items():
        print(f"render {arguments.clauses:,} clauses to Word ({lang}): median {seconds:.3f} s")
    print(f"peak memory of a process that loads and renders: {peak_kb / 1024:.0f} MB")


if __name__ == "__main__":
    main()
