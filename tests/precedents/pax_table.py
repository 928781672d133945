"""A small PA-X agreement-level table written with the codebook's real column names (values made up for tests)."""

from __future__ import annotations

import csv
from pathlib import Path

from precedents.pax import METADATA, pax_codes

# columns PA-X has that peacedraft does not read, kept so the table looks like the real one
OTHER = ("Contp", "PP", "PPName", "Ver", "Lgt", "StageSub")


def row(agt_id: int, region: str, kind: str, codes: dict[str, int], date: str = "2018-04-27") -> dict[str, str]:
    """Return one row: an agreement's record and its code values (every code not given is 0)."""
    values = {code.code: "0" for code in pax_codes()}
    values.update({code: str(value) for code, value in codes.items()})
    return {"Con": "Country A/Country B", "Contp": "Government", "PP": "1", "PPName": "A process", "Reg": region,
            "AgtId": str(agt_id), "Ver": "1", "Agt": f"Agreement {agt_id}", "Dat": date,
            "Status": "Multiparty signed/agreed", "Lgt": "3", "Agtp": kind, "Stage": "SubComp", "StageSub": "Comp",
            **values}


ROWS = [
    row(101, "Asia and Pacific", "Inter", {"CeGen": 1, "SsrFf": 2, "StBor": 1}),
    row(102, "Africa (excl MENA)", "Inter", {"CeGen": 1, "SsrFf": 1, "StBor": 1}, "27/09/2012"),
    row(103, "Asia and Pacific", "Intra", {"CeGen": 1, "SsrFf": 1, "StBor": 1}),
    row(104, "Americas", "Intra", {"TjPrire": 1}),
    row(105, "Europe and Eurasia", "Inter", {}),
]


def write_table(path: Path, rows: list[dict[str, str]] = ROWS, drop: tuple[str, ...] = ()) -> Path:
    """Write a PA-X table to path, without the columns in drop; return the path."""
    columns = [name for name in (*METADATA, *OTHER, *(code.code for code in pax_codes())) if name not in drop]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path
