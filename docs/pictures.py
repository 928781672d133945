"""Make the README's pictures from the shipped example: the timeline chart and a page of the English redline.

Run from the project root: python docs/pictures.py [--page N]
The redline page needs LibreOffice (soffice) and poppler-utils (pdftoppm); the chart needs neither.
Writes docs/img/timeline.png and docs/img/redline-page.png.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from agreements.diff.compare import compare_agreements  # noqa: E402
from agreements.diff.redline import redline_docx  # noqa: E402
from agreements.drafts import load_agreement  # noqa: E402
from agreements.examples import example_path  # noqa: E402
from agreements.schedule.timeline import schedule  # noqa: E402
from agreements.schedule.chart import chart_png  # noqa: E402

IMAGES = ROOT / "docs" / "img"


def redline_page(docx: bytes, page: int, target: Path) -> None:
    """Print a redline with LibreOffice and save one page of it as a PNG."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or shutil.which("pdftoppm") is None:
        sys.exit("the redline page needs LibreOffice (soffice) and poppler-utils (pdftoppm)")
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "redline.docx"
        source.write_bytes(docx)
        subprocess.run([soffice, f"-env:UserInstallation=file://{folder}/profile", "--headless", "--convert-to",
                        "pdf", "--outdir", folder, str(source)], capture_output=True, timeout=300, check=True)
        subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", str(page), "-l", str(page), "-singlefile",
                        str(source.with_suffix(".pdf")), str(target.with_suffix(""))], check=True)


def main() -> None:
    """Write the timeline chart and one redline page of the shipped example into docs/img."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--page", type=int, default=7, help="Which page of the redline to show.")
    args = parser.parse_args()
    IMAGES.mkdir(exist_ok=True)
    old, new = (load_agreement(str(example_path(name))) for name in ("round-1", "round-2"))
    (IMAGES / "timeline.png").write_bytes(chart_png(schedule(new)))
    redline_page(redline_docx(old, new, compare_agreements(old, new), "en"), args.page, IMAGES / "redline-page.png")
    print(f"wrote {IMAGES / 'timeline.png'} and {IMAGES / 'redline-page.png'}")


if __name__ == "__main__":
    main()
