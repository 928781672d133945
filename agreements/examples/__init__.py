"""The shipped example drafts: two negotiating rounds of a Korean peace agreement."""

from __future__ import annotations

from importlib import resources


def example_bytes(name: str | None) -> bytes:
    """Return the bytes of a shipped example round, or of the minimal draft when name is None."""
    if name is None:
        return resources.files("agreements").joinpath("scaffold.yaml").read_bytes()
    return resources.files("agreements.examples").joinpath(f"{name}.yaml").read_bytes()


def example_path(name: str):
    """Return a path-like handle to a shipped example round."""
    return resources.files("agreements.examples").joinpath(f"{name}.yaml")
