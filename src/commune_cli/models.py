"""The records of the chronology: sources, places, people and events.

These mirror `data/events.json` one to one. Cross-record rules (unique ids,
references that resolve) live in `dataset.py`, which sees the whole document.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    WithJsonSchema,
)

from .dates import Edtf, parse_edtf
from .vocabulary import EVENT_KINDS, FATES, SOURCE_KINDS

__all__ = [
    "Actor",
    "Citation",
    "Dataset",
    "EdtfDate",
    "Event",
    "Person",
    "Place",
    "Role",
    "Source",
]


def _to_edtf(value: object) -> Edtf:
    return value if isinstance(value, Edtf) else parse_edtf(value)


EdtfDate = Annotated[
    Edtf,
    PlainValidator(_to_edtf),
    PlainSerializer(str, return_type=str),
    WithJsonSchema({"type": "string", "description": "EDTF level 0-1 date"}),
]

Id = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
Text = Annotated[str, Field(min_length=1)]

EventKind = Literal[EVENT_KINDS]  # type: ignore[valid-type]
Fate = Literal[FATES]  # type: ignore[valid-type]


class Record(BaseModel):
    # A misspelt field in the data file is an error, not a silently dropped value.
    model_config = ConfigDict(extra="forbid", frozen=True)


class Citation(Record):
    source: Id
    locator: str | None = None


class Source(Record):
    id: Id
    author: Text
    title: Text
    year: int | None = None  # of publication; None for an undated web page or a living article
    url: str | None = None
    accessed: EdtfDate | None = None  # when an online copy was read
    kind: Literal[SOURCE_KINDS]  # type: ignore[valid-type]


class Place(Record):
    id: Id
    name: Text
    aliases: list[Text] = []
    department: str | None = None
    country: str = "France"
    # None only for a place without a single point, such as a whole country.
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)
    sources: list[Citation] = []  # where the coordinates and department come from


class Role(Record):
    title: Text
    body: str | None = None
    place: Id | None = None
    start: EdtfDate | None = None
    end: EdtfDate | None = None


class Person(Record):
    id: Id
    name: Text
    aliases: list[Text] = []
    born: EdtfDate | None = None
    died: EdtfDate | None = None
    fate: Fate | None = None
    roles: list[Role] = []
    bio: Text
    sources: list[Citation] = Field(min_length=1)
    note: str | None = None


class Actor(Record):
    person: Id
    role: Text


class Event(Record):
    id: Id
    date: EdtfDate
    place: Id
    location: str | None = None
    kind: EventKind
    title: Text
    summary: Text
    actors: list[Actor] = []
    citations: list[Citation] = Field(min_length=1)
    tags: list[Id] = []
    note: str | None = None

    @property
    def start(self):
        return self.date.start

    @property
    def end(self):
        return self.date.end


class Dataset(Record):
    schema_version: Literal[1]
    dataset_version: Text
    sources: list[Source]
    places: list[Place]
    people: list[Person]
    events: list[Event]
