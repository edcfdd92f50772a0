"""Errors the library raises for a bad data file, kept free of heavy imports so
that the command line can catch them without loading pydantic."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DataError", "Problem"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a data file, and where."""

    location: str
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


class DataError(Exception):
    """A data file that cannot be used, with every problem found in it."""

    def __init__(self, origin: str, problems: list[Problem]):
        self.origin = origin
        self.problems = problems
        super().__init__(f"{origin}: {len(problems)} problem(s)")
