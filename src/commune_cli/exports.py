"""Events in the formats other tools read: TimelineJS, iCalendar, GeoJSON,
BSD calendar, CSV and Markdown.

Each exporter takes the chronology and the events to export and returns the
file's text. A date keeps its precision wherever the format can say so
(TimelineJS takes a year and month without a day); where the format cannot
(an iCalendar event has days), the text says how precise the date really is.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta, timezone
from typing import TYPE_CHECKING

from .dates import Edtf, parse_edtf
from .records import event_record, place_record
from .render import Output, json_text, write_records

if TYPE_CHECKING:
    from .dataset import Chronology
    from .models import Event

__all__ = ["ERAS", "EXPORTERS", "precision_phrase"]

# The main periods, each bounded by two events of the chronology, so that the
# eras' dates are the sourced dates of those events.
ERAS = [
    ("The siege of Paris", "1870-09-19-siege-of-paris-begins", "1871-01-28-armistice-and-capitulation-of-paris"),
    ("The Paris Commune", "1871-03-18-montmartre-cannons", "1871-05-28-last-barricades"),
    ("The Bloody Week", "1871-05-21-versailles-troops-enter-porte-de-saint-cloud", "1871-05-28-last-barricades"),
]

_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def _describe(part: Edtf) -> str:
    if part.precision == "day":
        return f"{part.start.day} {_MONTHS[part.start.month - 1]} {part.start.year}"
    if part.precision == "month":
        return f"{_MONTHS[part.start.month - 1]} {part.start.year}"
    return str(part.start.year) if part.precision == "year" else str(part)


def precision_phrase(event: Event) -> str | None:
    """How vague the date is, in words, or None for a date known to the day."""
    edtf = event.date
    doubt = ", uncertain" if edtf.uncertain else ", approximate" if edtf.approximate else ""
    if edtf.exact_days:
        return f"date uncertain: {edtf}" if doubt else None
    if edtf.precision != "interval":
        return f"date known only to the {edtf.precision}: {_describe(edtf)}{doubt}"
    first, _, last = str(edtf).partition("/")
    ends = [_describe(parse_edtf(part)) if part not in ("", "..") else "an unknown date" for part in (first, last)]
    return f"date known only as a span from {ends[0]} to {ends[1]}{doubt}"


def _sources_line(chronology: Chronology, event: Event) -> str:
    return "; ".join(
        " ".join(
            part for part in (chronology.sources[c.source].title, c.locator, chronology.sources[c.source].url) if part
        )
        for c in event.citations
    )


# TimelineJS3 ---------------------------------------------------------------


def _timelinejs_date(edtf_part, day: date) -> dict:
    stamp = {"year": day.year}
    if edtf_part in ("month", "day"):
        stamp["month"] = day.month
    if edtf_part == "day":
        stamp["day"] = day.day
    return stamp


def _endpoints(event: Event) -> tuple[str, str]:
    """The precision of an event's first and last day ("day", "month" or "year")."""
    parts = str(event.date).split("/")
    first, last = (parse_edtf(p) if p not in ("", "..") else None for p in (parts[0], parts[-1]))
    level = {"day": "day", "month": "month", "season": "month"}
    return (
        level.get(first.precision, "year") if first else "year",
        level.get(last.precision, "year") if last else "year",
    )


def to_timelinejs(chronology: Chronology, events: Sequence[Event]) -> str:
    slides = []
    for event in events:
        first, last = _endpoints(event)
        place = chronology.places[event.place]
        text = event.summary
        phrase = precision_phrase(event)
        if phrase:
            text += f" ({phrase}.)"
        slide = {
            "unique_id": event.id,
            "start_date": _timelinejs_date(first, event.start),
            "text": {"headline": event.title, "text": text},
            "group": place.name,
            "credit": _sources_line(chronology, event),
        }
        if event.end != event.start and event.date.bounded:
            slide["end_date"] = _timelinejs_date(last, event.end)
        if str(event.date) != event.start.isoformat():
            slide["display_date"] = str(event.date)
        slides.append(slide)
    eras = []
    for headline, first_id, last_id in ERAS:
        if first_id in chronology.events_by_id and last_id in chronology.events_by_id:
            first, last = chronology.events_by_id[first_id], chronology.events_by_id[last_id]
            eras.append({
                "start_date": _timelinejs_date("day", first.start),
                "end_date": _timelinejs_date("day", last.end),
                "text": {"headline": headline},
            })  # fmt: skip
    document = {
        "title": {"text": {"headline": "The Communes of 1870-1871", "text": f"commune dataset {chronology.version}"}},
        "events": slides,
        "eras": eras,
    }
    return json_text(document, indent=2) + "\n"


# iCalendar (RFC 5545) ------------------------------------------------------


def _ics_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r", "").replace("\n", "\\n")


def _ics_fold(line: str) -> str:
    """Lines of at most 75 octets, continued with a space (RFC 5545, 3.1)."""
    out, current = [], ""
    for char in line:
        if len((current + char).encode("utf-8")) > (75 if not out else 74):
            out.append(current)
            current = ""
        current += char
    out.append(current)
    return "\r\n ".join(out)


def to_ics(chronology: Chronology, events: Sequence[Event], now: datetime | None = None) -> str:
    stamp = (now or datetime.now(timezone.utc)).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//commune//Communes of 1870-1871//EN", "CALSCALE:GREGORIAN"]
    for event in events:
        if not event.date.bounded:
            continue  # open-ended: no days to put in a calendar
        place = chronology.places[event.place]
        phrase = precision_phrase(event)
        summary = event.title + (f" [{phrase}]" if phrase else "")
        parts = (
            event.summary,
            phrase and f"{phrase.capitalize()}.",
            event.note,
            f"Sources: {_sources_line(chronology, event)}",
        )
        description = "\n\n".join(part for part in parts if part)
        location = ", ".join(part for part in (event.location, place.name) if part)
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.id}@commune-1871",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{event.start:%Y%m%d}",
            f"DTEND;VALUE=DATE:{event.end + timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_ics_escape(summary)}",
            f"DESCRIPTION:{_ics_escape(description)}",
            f"LOCATION:{_ics_escape(location)}",
            f"CATEGORIES:{_ics_escape(event.kind)}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(_ics_fold(line) + "\r\n" for line in lines)


# GeoJSON (RFC 7946) --------------------------------------------------------


def _point(place) -> dict | None:
    if place.latitude is None or place.longitude is None:
        return None  # a country-wide place has no single point
    return {"type": "Point", "coordinates": [place.longitude, place.latitude]}


def to_geojson(chronology: Chronology, events: Sequence[Event], per_event: bool = False) -> str:
    from .query import PlaceSummary

    features = []
    if per_event:
        for event in events:
            record = event_record(chronology, event)
            properties = {key: record[key] for key in ("id", "date", "start", "end", "city", "kind", "title")}
            features.append({"type": "Feature", "id": event.id, "geometry": _point(chronology.places[event.place]),
                             "properties": properties})  # fmt: skip
    else:
        by_place: dict[str, list[Event]] = {}
        for event in events:
            by_place.setdefault(event.place, []).append(event)
        for place_id, place_events in by_place.items():
            place = chronology.places[place_id]
            summary = PlaceSummary(place, len(place_events), place_events[0], max(place_events, key=lambda e: e.end))
            features.append({"type": "Feature", "id": place_id, "geometry": _point(place),
                             "properties": place_record(summary)})  # fmt: skip
    return json_text({"type": "FeatureCollection", "features": features}, indent=2) + "\n"


# BSD calendar(1) -----------------------------------------------------------


def to_calendar(chronology: Chronology, events: Sequence[Event]) -> str:
    lines = []
    for event in events:
        if not event.date.bounded:
            continue
        text = event.title
        if event.date.exact_days and event.end != event.start:
            text += f" (until {event.end.day} {_MONTHS[event.end.month - 1]} {event.end.year})"
        phrase = precision_phrase(event)
        if phrase:
            # calendar(1) needs a day: the event is listed on its first possible day, and says so.
            text = f"[{phrase}] {text}"
        text = " ".join(text.split())  # one line per entry
        lines.append(f"{event.start:%m/%d}\t{text}, {event.start.year}")
    return "".join(line + "\n" for line in lines)


# Tables --------------------------------------------------------------------


def to_csv(chronology: Chronology, events: Sequence[Event]) -> str:
    buffer = io.StringIO()
    write_records([event_record(chronology, e) for e in events], "csv", [], Output(stream=buffer))
    return buffer.getvalue()


def _md_cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def to_markdown(chronology: Chronology, events: Sequence[Event]) -> str:
    rows = ["| Date | City | Kind | Event | Sources |", "| --- | --- | --- | --- | --- |"]
    for event in events:
        record = event_record(chronology, event)
        sources = ", ".join(f"[{_md_cell(s['title'])}]({s['url']})" if s["url"] else _md_cell(s["title"])
                            for s in record["sources"])  # fmt: skip
        title = f"**{_md_cell(record['title'])}** {_md_cell(record['summary'])}"
        rows.append(f"| {record['date']} | {_md_cell(record['city'])} | {record['kind']} | {title} | {sources} |")
    return "\n".join(rows) + "\n"


EXPORTERS: dict[str, Callable[..., str]] = {
    "timelinejs": to_timelinejs,
    "ics": to_ics,
    "geojson": to_geojson,
    "calendar": to_calendar,
    "csv": to_csv,
    "markdown": to_markdown,
}
