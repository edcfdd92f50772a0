"""Loading the chronology and checking it as a whole.

A data file is either loaded complete and consistent, or rejected with every
problem found, each with where it is, so that one run shows all there is to fix.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import cached_property
from importlib import resources
from pathlib import Path

from pydantic import ValidationError

from .errors import DataError, Problem
from .models import Dataset, Event, Person, Place, Source

__all__ = ["Chronology", "DataError", "Problem", "bundled_data_path", "load", "loads"]

DATA_ENV_VAR = "COMMUNE_DATA"


class Chronology:
    """A checked dataset with its records indexed by id."""

    def __init__(self, dataset: Dataset, origin: str = "<memory>"):
        self.dataset = dataset
        self.origin = origin
        self.sources: dict[str, Source] = {s.id: s for s in dataset.sources}
        self.places: dict[str, Place] = {p.id: p for p in dataset.places}
        self.people: dict[str, Person] = {p.id: p for p in dataset.people}
        # Chronological order is the default everywhere; ties keep file order.
        self.events: list[Event] = sorted(dataset.events, key=lambda e: (e.start, e.end))
        self.events_by_id: dict[str, Event] = {e.id: e for e in self.events}

    @property
    def version(self) -> str:
        return self.dataset.dataset_version

    @cached_property
    def events_by_person(self) -> dict[str, list[Event]]:
        index: dict[str, list[Event]] = {person_id: [] for person_id in self.people}
        for event in self.events:
            for actor_id in dict.fromkeys(actor.person for actor in event.actors):
                index[actor_id].append(event)
        return index


def bundled_data_path() -> Path:
    return Path(str(resources.files("commune_cli") / "data" / "events.json"))


def default_data_path() -> Path:
    override = os.environ.get(DATA_ENV_VAR)
    return Path(override) if override else bundled_data_path()


def load(path: str | os.PathLike[str] | None = None) -> Chronology:
    """Load and check a data file: the bundled one unless `path` (or $COMMUNE_DATA) names another."""
    path = Path(path) if path is not None else default_data_path()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise DataError(str(path), [Problem(str(path), f"cannot read the file: {reason}")]) from None
    return loads(text, origin=str(path))


def loads(text: str, origin: str = "<string>") -> Chronology:
    """Check a JSON document in the dataset schema and return it as a Chronology."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        where = f"{origin}:{error.lineno}:{error.colno}"
        raise DataError(origin, [Problem(where, f"malformed JSON: {error.msg}")]) from None
    try:
        dataset = Dataset.model_validate(document)
    except ValidationError as error:
        raise DataError(origin, list(_schema_problems(error))) from None
    problems = list(consistency_problems(dataset))
    if problems:
        raise DataError(origin, problems)
    return Chronology(dataset, origin)


def _json_path(location: Iterable[int | str]) -> str:
    path = "$"
    for part in location:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def _schema_problems(error: ValidationError) -> Iterator[Problem]:
    for detail in error.errors(include_url=False):
        message = detail["msg"]
        if detail["type"] == "value_error":
            message = message.removeprefix("Value error, ")
        yield Problem(_json_path(detail["loc"]), message)


def consistency_problems(dataset: Dataset) -> Iterator[Problem]:
    """Rules across records: unique ids, and every reference resolves to a record."""
    for collection in ("sources", "places", "people", "events"):
        records = getattr(dataset, collection)
        counts = Counter(record.id for record in records)
        for index, record in enumerate(records):
            if counts[record.id] > 1:
                yield Problem(f"$.{collection}[{index}].id", f"duplicate id {record.id!r}")

    source_ids = {s.id for s in dataset.sources}
    place_ids = {p.id for p in dataset.places}
    person_ids = {p.id for p in dataset.people}

    def unknown(where: str, kind: str, value: str, known: set[str]) -> Iterator[Problem]:
        if value not in known:
            yield Problem(where, f"unknown {kind} {value!r}")

    for i, place in enumerate(dataset.places):
        for j, citation in enumerate(place.sources):
            yield from unknown(f"$.places[{i}].sources[{j}].source", "source", citation.source, source_ids)

    for i, person in enumerate(dataset.people):
        here = f"$.people[{i}]"
        for j, citation in enumerate(person.sources):
            yield from unknown(f"{here}.sources[{j}].source", "source", citation.source, source_ids)
        for j, role in enumerate(person.roles):
            if role.place is not None:
                yield from unknown(f"{here}.roles[{j}].place", "place", role.place, place_ids)
            if role.start and role.end and role.start.start > role.end.end:
                yield Problem(f"{here}.roles[{j}]", "the role ends before it starts")
        if person.born and person.died and person.born.start > person.died.end:
            yield Problem(f"{here}.died", "death comes before birth")

    for i, event in enumerate(dataset.events):
        here = f"$.events[{i}]"
        yield from unknown(f"{here}.place", "place", event.place, place_ids)
        for j, actor in enumerate(event.actors):
            yield from unknown(f"{here}.actors[{j}].person", "person", actor.person, person_ids)
        for j, citation in enumerate(event.citations):
            yield from unknown(f"{here}.citations[{j}].source", "source", citation.source, source_ids)
