"""LibreOffice as the reviewer of redlines, paragraph by paragraph (uno_paragraphs.py, one server per module)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.libreoffice import UnoServer

SCRIPT = Path(__file__).parent / "uno_paragraphs.py"


class Reviewer(UnoServer):
    """A LibreOffice server that lists a Word file's paragraphs and footnotes, after accepting or rejecting all."""

    def __init__(self, folder: Path):
        super().__init__(SCRIPT, str(folder))
        self.folder = folder

    def read(self, mode: str, path: Path) -> dict:
        """Return the paragraphs and footnotes LibreOffice finds in a file after the mode (plain, accept, reject)."""
        self.ask(f"{mode}:{path}")
        return json.loads((self.folder / f"{path.stem}.{mode}.json").read_text(encoding="utf-8"))

    def check(self, name: str, redline: bytes, old: bytes, new: bytes) -> dict[str, dict]:
        """Assert that accepting all changes of a redline gives the new render, paragraph by paragraph and footnote
        by footnote, and rejecting all the old; return what LibreOffice read (by mode)."""
        paths = {key: self.folder / f"{name}-{key}.docx" for key in ("old", "new", "redline")}
        for key, data in (("old", old), ("new", new), ("redline", redline)):
            paths[key].write_bytes(data)
        found = {mode: self.read(mode, paths["redline"]) for mode in ("accept", "reject")}
        assert found["accept"] == self.read("plain", paths["new"])
        assert found["reject"] == self.read("plain", paths["old"])
        return found
