"""Records as plain dicts: the JSON contract that scripts rely on.

Every output format (JSON, JSON Lines, CSV, tables) starts from these dicts,
so a field cannot differ between formats. Keep the keys stable; the README
documents them.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from .query import PlaceSummary, person_places

if TYPE_CHECKING:
    from .dataset import Chronology
    from .dates import Edtf
    from .models import Citation, Event, Person, Source

__all__ = ["event_record", "linked_events", "person_record", "place_record", "source_record"]


def _text(value: Edtf | None) -> str | None:
    return None if value is None else str(value)


def _iso(day: date | None) -> str | None:
    # An open-ended interval has no first or last day to give.
    return None if day is None or day in (date.min, date.max) else day.isoformat()


def _citations(chronology: Chronology, citations: list[Citation]) -> list[dict[str, Any]]:
    records = []
    for citation in citations:
        source = chronology.sources[citation.source]
        records.append({"id": source.id, "title": source.title, "url": source.url, "locator": citation.locator})
    return records


def event_record(chronology: Chronology, event: Event) -> dict[str, Any]:
    place = chronology.places[event.place]
    return {
        "id": event.id,
        "date": str(event.date),
        "start": _iso(event.start),
        "end": _iso(event.end),
        "precision": event.date.precision,
        "uncertain": event.date.uncertain,
        "approximate": event.date.approximate,
        "city": place.name,
        "place": place.id,
        "location": event.location,
        "kind": event.kind,
        "title": event.title,
        "summary": event.summary,
        "actors": [
            {"id": actor.person, "name": chronology.people[actor.person].name, "role": actor.role}
            for actor in event.actors
        ],
        "sources": _citations(chronology, event.citations),
        "tags": list(event.tags),
        "note": event.note,
    }


def person_record(chronology: Chronology, person: Person) -> dict[str, Any]:
    return {
        "id": person.id,
        "name": person.name,
        "aliases": list(person.aliases),
        "born": _text(person.born),
        "died": _text(person.died),
        "fate": person.fate,
        "roles": [
            {
                "title": role.title,
                "body": role.body,
                "city": chronology.places[role.place].name if role.place else None,
                "start": _text(role.start),
                "end": _text(role.end),
            }
            for role in person.roles
        ],
        "cities": [chronology.places[pid].name for pid in person_places(chronology, person)],
        "bio": person.bio,
        "sources": _citations(chronology, person.sources),
        "note": person.note,
    }


def linked_events(chronology: Chronology, person: Person) -> list[dict[str, Any]]:
    """The events a person took part in, for `commune show`."""
    return [
        {"id": event.id, "date": str(event.date), "title": event.title,
         "role": next(a.role for a in event.actors if a.person == person.id)}
        for event in chronology.events_by_person[person.id]
    ]  # fmt: skip


def place_record(summary: PlaceSummary) -> dict[str, Any]:
    place = summary.place
    return {
        "id": place.id,
        "name": place.name,
        "aliases": list(place.aliases),
        "department": place.department,
        "country": place.country,
        "latitude": place.latitude,
        "longitude": place.longitude,
        "events": summary.events,
        # The first and last events' own dates, at their own precision.
        "first": str(summary.first.date) if summary.first else None,
        "last": str(summary.last.date) if summary.last else None,
    }


def source_record(source: Source) -> dict[str, Any]:
    return source.model_dump()
