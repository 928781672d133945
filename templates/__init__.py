"""How peacedraft output looks: clause text templates per kind and language, and the wording of each language."""

from pathlib import Path

FOLDER = Path(__file__).resolve().parent
