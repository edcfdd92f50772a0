"""Questions asked of a chronology: pure functions, no input or output.

Filters that name something in the data (a city, a person, a tag) raise
`UnknownValue` when nothing matches, because a value that matches nothing
known is almost always a typo; the error carries the nearest known values.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from .matching import closest, fold, words_match

if TYPE_CHECKING:
    from .dataset import Chronology
    from .models import Event, Person, Place, Source

__all__ = [
    "EventFilter",
    "PeopleFilter",
    "PlaceSummary",
    "UnknownValue",
    "bibliography",
    "filter_events",
    "filter_people",
    "find_people",
    "find_places",
    "on_this_day",
    "person_places",
    "suggest_ids",
    "summarize_places",
]


class UnknownValue(LookupError):
    """A filter value that matches nothing in the data."""

    def __init__(self, option: str, value: str, suggestions: Sequence[str]):
        self.option = option
        self.value = value
        self.suggestions = list(suggestions)
        hint = f"; did you mean {' or '.join(repr(s) for s in self.suggestions)}?" if suggestions else ""
        super().__init__(f"no {option} matches {value!r}{hint}")


@dataclass(frozen=True)
class EventFilter:
    """What `commune events` asks for. Empty fields do not filter."""

    cities: Sequence[str] = ()
    first: date | None = None
    last: date | None = None
    actors: Sequence[str] = ()
    kinds: Sequence[str] = ()
    tags: Sequence[str] = ()
    search: str | None = None
    limit: int | None = None


@dataclass(frozen=True)
class PeopleFilter:
    roles: Sequence[str] = ()
    cities: Sequence[str] = ()
    names: Sequence[str] = ()


@dataclass(frozen=True)
class PlaceSummary:
    place: Place
    events: int
    first: Event | None = None
    last: Event | None = None


def find_places(chronology: Chronology, value: str) -> set[str]:
    """Ids of the places called `value` (name, alias or id; case and accents ignored)."""
    names = {p.id: [p.name, *p.aliases, p.id] for p in chronology.places.values()}
    wanted = fold(value)
    found = {pid for pid, known in names.items() if any(fold(n) == wanted for n in known)}
    if not found:
        labels = {name: chronology.places[pid].name for pid, known in names.items() for name in known}
        raise UnknownValue("city", value, closest(value, labels))
    return found


def find_people(chronology: Chronology, value: str) -> set[str]:
    """Ids of the people whose name or alias contains every word of `value`, or whose id is `value`."""
    names = {p.id: [p.name, *p.aliases] for p in chronology.people.values()}
    found = {pid for pid, known in names.items() if any(words_match(value, n) for n in known)}
    found |= {value} & names.keys()
    if not found:
        labels = {name: chronology.people[pid].name for pid, known in names.items() for name in known}
        raise UnknownValue("person", value, closest(value, labels))
    return found


def _known_tags(chronology: Chronology, values: Iterable[str]) -> set[str]:
    known = {tag for event in chronology.events for tag in event.tags}
    by_fold = {fold(tag): tag for tag in known}
    chosen = set()
    for value in values:
        if fold(value) not in by_fold:
            raise UnknownValue("tag", value, closest(value, {tag: tag for tag in known}))
        chosen.add(by_fold[fold(value)])
    return chosen


def suggest_ids(chronology: Chronology, value: str) -> list[str]:
    """Ids to offer for a mistyped event or person id: people named so, events titled so, then near spellings."""
    named = [p.id for p in chronology.people.values() if any(words_match(value, n) for n in (p.name, *p.aliases))]
    named += [e.id for e in chronology.events if words_match(value, e.title)]
    known = [*chronology.events_by_id, *chronology.people]
    return list(dict.fromkeys(named[:3] + closest(value, {i: i for i in known})))[:3]


def _union(finder, chronology: Chronology, values: Iterable[str]) -> set[str]:
    ids: set[str] = set()
    for value in values:
        ids |= finder(chronology, value)
    return ids


def filter_events(chronology: Chronology, wanted: EventFilter) -> list[Event]:
    """The events that meet every condition of `wanted`, in chronological order.

    A date range matches an event when they overlap: `--from 1871-05` finds an
    event dated "1871-04-30/1871-05-02".
    """
    places = _union(find_places, chronology, wanted.cities) if wanted.cities else None
    people = _union(find_people, chronology, wanted.actors) if wanted.actors else None
    tags = _known_tags(chronology, wanted.tags) if wanted.tags else None
    kinds = set(wanted.kinds)
    needle = fold(wanted.search) if wanted.search else None

    selected = []
    for event in chronology.events:
        if places is not None and event.place not in places:
            continue
        if not event.date.overlaps(wanted.first, wanted.last):
            continue
        if people is not None and not any(actor.person in people for actor in event.actors):
            continue
        if kinds and event.kind not in kinds:
            continue
        if tags is not None and tags.isdisjoint(event.tags):
            continue
        if needle is not None and needle not in fold(f"{event.title} {event.summary}"):
            continue
        selected.append(event)
        if wanted.limit is not None and len(selected) >= wanted.limit:
            break
    return selected


def on_this_day(events: Iterable[Event], month: int, day: int, window: int = 0) -> list[tuple[date, Event]]:
    """Events that fell on this day of the year, give or take `window` days, in any year.

    Only events dated to the day count: one known only to the month did not
    happen "on" any day we can name. Each event comes with the anniversary it
    matched, and the list is in the order of those dates.
    """
    found = []
    for event in events:
        if not event.date.exact_days:
            continue
        for year in range(event.start.year, event.end.year + 1):
            try:
                anniversary = date(year, month, day)
            except ValueError:  # 29 February in a common year
                continue
            if event.date.overlaps(anniversary - timedelta(days=window), anniversary + timedelta(days=window)):
                found.append((anniversary, event))
                break
    return sorted(found, key=lambda pair: (pair[0], pair[1].start))


def person_places(chronology: Chronology, person: Person) -> list[str]:
    """Ids of the places where a person held a role or took part in an event, first seen first."""
    places = [role.place for role in person.roles if role.place]
    places += [event.place for event in chronology.events_by_person[person.id]]
    return list(dict.fromkeys(places))


def filter_people(chronology: Chronology, wanted: PeopleFilter) -> list[Person]:
    """The people who meet every condition of `wanted`, sorted by name."""
    places = _union(find_places, chronology, wanted.cities) if wanted.cities else None
    named = _union(find_people, chronology, wanted.names) if wanted.names else None
    roles = [fold(role) for role in wanted.roles]

    selected = []
    for person in chronology.people.values():
        if named is not None and person.id not in named:
            continue
        if roles and not all(any(r in fold(role.title) for role in person.roles) for r in roles):
            continue
        if places is not None and places.isdisjoint(person_places(chronology, person)):
            continue
        selected.append(person)
    return sorted(selected, key=lambda p: fold(p.name))


def bibliography(chronology: Chronology) -> list[Source]:
    """Every source, sorted as a bibliography is: by author, then title."""
    return sorted(chronology.sources.values(), key=lambda s: (fold(s.author), fold(s.title), s.year or 0))


def summarize_places(chronology: Chronology) -> list[PlaceSummary]:
    """Every place with its number of events and its first and last event, busiest first."""
    by_place: dict[str, list[Event]] = {pid: [] for pid in chronology.places}
    for event in chronology.events:
        by_place[event.place].append(event)
    summaries = [
        PlaceSummary(chronology.places[pid], len(events), events[0] if events else None,
                     max(events, key=lambda e: e.end) if events else None)
        for pid, events in by_place.items()
    ]  # fmt: skip
    return sorted(summaries, key=lambda s: (-s.events, fold(s.place.name)))
