"""A small PA-X agreement-level table written with PA-X's real column names (values made up for tests)."""

from __future__ import annotations

import csv
from pathlib import Path

from precedents.pax import pax_codes

# the first columns of a PA-X table, in PA-X's order: those peacedraft reads and some it does not (Contp, PP,
# PPName, Lgt, N_characters, StageSub), kept so the table looks like the real one; the code columns follow
LEADING = ("Con", "Contp", "PP", "PPName", "Reg", "AgtId", "Agt", "Dat", "Status", "Lgt", "N_characters", "Agtp",
           "Stage", "StageSub")
UNREAD_CODES = ("Ce", "SsrGua")  # code columns PA-X has that map to no topic of ours: the ceasefire total, SsrGua


def row(agt_id: int, region: str, kind: str, codes: dict[str, int], date: str = "2018-04-27") -> dict[str, str]:
    """Return one row: an agreement's record and its code values (every code not given is 0)."""
    values = {code: "0" for code in (*(code.code for code in pax_codes()), *UNREAD_CODES)}
    values.update({code: str(value) for code, value in codes.items()})
    return {"Con": "Country A/Country B", "Contp": "Government", "PP": "1", "PPName": "A process", "Reg": region,
            "AgtId": str(agt_id), "Agt": f"Agreement {agt_id}", "Dat": date, "Status": "Multiparty signed/agreed",
            "Lgt": "3", "N_characters": "5400", "Agtp": kind, "Stage": "SubComp", "StageSub": "", **values}


ROWS = [
    row(101, "Asia and Pacific", "Inter", {"CeGen": 1, "SsrFf": 2, "StBor": 1}),
    row(102, "Africa (excl MENA)", "Inter", {"CeGen": 1, "SsrFf": 1, "StBor": 1}, "27/09/2012"),
    row(103, "Asia and Pacific", "Intra", {"CeGen": 1, "SsrFf": 1, "StBor": 1}),
    row(104, "Americas", "Intra", {"TjPrire": 1}),
    row(105, "Europe and Eurasia", "Inter", {}),
]


def write_table(path: Path, rows: list[dict[str, str]] = ROWS, drop: tuple[str, ...] = ()) -> Path:
    """Write a PA-X table to path, without the columns in drop; return the path."""
    columns = [name for name in (*LEADING, *(code.code for code in pax_codes()), *UNREAD_CODES) if name not in drop]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path
