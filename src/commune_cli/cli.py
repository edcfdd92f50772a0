"""The `commune` command: parses options, calls the library, writes the result.

All error handling and exit codes are in `CommuneGroup.main`: 0 success (an
empty result too), 1 a problem with the data file, 2 a usage mistake, 130
interrupted. Tracebacks only with --debug.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from . import __version__
from .dates import DateError, parse_query_date
from .render import FORMATS, Column, Output, json_text, write_detail, write_records
from .vocabulary import EVENT_KINDS, EXPORT_FORMATS


class CommuneGroup(click.Group):
    def main(self, args=None, prog_name=None, **extra: Any):
        from .errors import DataError
        from .query import UnknownValue

        args = list(sys.argv[1:] if args is None else args)
        try:
            try:
                super().main(args=args, prog_name=prog_name or "commune", standalone_mode=False, **extra)
            finally:
                sys.stdout.flush()
            code = 0
        except click.exceptions.Exit as done:
            code = done.exit_code
        except click.ClickException as mistake:
            _error(mistake.format_message())
            code = mistake.exit_code
        except UnknownValue as mistake:
            _error(str(mistake))
            code = 2
        except DataError as broken:
            _error(f"{broken.origin}: the data file has {len(broken.problems)} problem(s):")
            for problem in broken.problems:
                click.echo(f"  {problem}", err=True)
            code = 1
        except BrokenPipeError:
            # The reader left (`commune events | head -1`): not an error worth a word.
            # Python's signal docs: point stdout at devnull so the exit flush stays quiet.
            try:
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, sys.stdout.fileno())
            except (OSError, ValueError):
                pass
            code = 1
        except (KeyboardInterrupt, click.Abort):
            code = 130
        except Exception as bug:
            if "--debug" in args:
                raise
            _error(f"internal error: {bug!r} (run again with --debug for the traceback)")
            code = 1
        sys.exit(code)


def _error(message: str) -> None:
    click.echo(f"Error: {message}", err=True)


class State:
    """What the group's options give every command: the data, loaded on first use, and the output."""

    def __init__(self, data_path: Path | None):
        self.data_path = data_path
        self._chronology = None

    @property
    def chronology(self):
        if self._chronology is None:
            from .dataset import load

            self._chronology = load(self.data_path)
        return self._chronology

    @staticmethod
    def output() -> Output:
        forced = os.environ.get("COMMUNE_FORCE_TTY", "")
        return Output(
            stream=sys.stdout,
            is_terminal=bool(forced) or sys.stdout.isatty(),
            color=not os.environ.get("NO_COLOR"),
        )


class DateParam(click.ParamType):
    name = "DATE"

    def convert(self, value, param, ctx):
        try:
            return parse_query_date(value)
        except DateError as error:
            self.fail(f"{error} (a year, a month or a day: 1871, 1871-05, 1871-05-21)", param, ctx)


def output_options(command: Callable) -> Callable:
    """The same --format/--json options on every command, so formats never drift apart."""
    command = click.option("--json", "as_json", is_flag=True, help="Short for --format json.")(command)
    command = click.option(
        "--format", "fmt", type=click.Choice(FORMATS, case_sensitive=False), default="table",
        show_default=True, help="table for people (tab-separated on a pipe); json, jsonl or csv for scripts.",
    )(command)  # fmt: skip
    return command


def _format(fmt: str, as_json: bool) -> str:
    fmt = fmt.lower()
    if as_json and fmt not in ("table", "json"):
        raise click.UsageError(f"--json and --format {fmt} ask for two formats; use one")
    return "json" if as_json else fmt


def _write(state: State, records: list[dict], fmt: str, columns: list[Column], noun: str) -> None:
    write_records(records, fmt, columns, state.output())
    if not records and fmt in ("table", "csv"):
        click.echo(f"No {noun} match.", err=True)


@click.group(cls=CommuneGroup, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--data", type=click.Path(dir_okay=False, path_type=Path), envvar="COMMUNE_DATA", show_envvar=True,
    help="Query this data file (same schema) instead of the bundled chronology.",
)  # fmt: skip
@click.option("--version", is_flag=True, help="Show the package and dataset versions and exit.")
@click.option("--debug", is_flag=True, hidden=True, help="Show tracebacks.")
@click.pass_context
def cli(ctx: click.Context, data: Path | None, version: bool, debug: bool) -> None:
    """A chronology of the Communes of 1870-1871, from the Franco-Prussian War to the amnesty of 1880.

    \b
    Examples:
      commune events --city Marseille
      commune events --from 1871-05-21 --to 1871-05-28 --json
      commune people --role delegate
      commune show louise-michel
    """
    ctx.obj = State(data)
    if version:
        chronology = ctx.obj.chronology
        click.echo(
            f"commune {__version__}, dataset {chronology.version} "
            f"({len(chronology.events)} events, {len(chronology.people)} people, "
            f"{len(chronology.sources)} sources)"
        )
        ctx.exit()
    if ctx.invoked_subcommand is None:
        click.echo(ctx.get_help())


EVENT_COLUMNS = [
    Column("Date", lambda r: r["date"], style="cyan", max_width=23),
    Column("City", lambda r: r["city"], max_width=16),
    Column("Kind", lambda r: r["kind"], style="dim", min_terminal_width=100),
    Column("Title", lambda r: r["title"]),
    Column("ID", lambda r: r["id"], style="dim", no_wrap=True, min_terminal_width=120),
]


def event_filter_options(command: Callable | None = None, *, end_flags: tuple[str, ...] = ("--to", "--until")):
    """The filters of `commune events`, for every command that selects events, so they never drift apart.

    The command receives one `wanted` argument, an EventFilter. `commune export`
    keeps `--to` for its format, so there the end date is `--until` alone
    (every command accepts `--until`).
    """
    if command is None:
        return functools.partial(event_filter_options, end_flags=end_flags)
    options = [
        click.option(
            "--city", multiple=True, help="Events in this city (repeatable). Aliases count: Marseilles, Lyons."
        ),
        click.option("--from", "first", type=DateParam(), help="Events on or after this date (a year, month or day)."),
        click.option(
            *end_flags, "last", type=DateParam(), help="Events on or before this date (a year, month or day)."
        ),
        click.option("--actor", multiple=True, help="Events in which this person took part (repeatable)."),
        click.option(
            "--kind",
            multiple=True,
            type=click.Choice(EVENT_KINDS, case_sensitive=False),
            help="Kind of event (repeatable).",
        ),
        click.option("--tag", multiple=True, help="Events with this tag (repeatable)."),
        click.option("--search", help="Text to find in the title or summary."),
        click.option("--limit", type=click.IntRange(min=1), help="At most this many events."),
    ]
    names = ("city", "first", "last", "actor", "kind", "tag", "search", "limit")

    @functools.wraps(command)
    def with_filter(*args: Any, **kwargs: Any) -> Any:
        kwargs["wanted"] = _event_filter(*(kwargs.pop(name) for name in names))
        return command(*args, **kwargs)

    for option in reversed(options):
        with_filter = option(with_filter)
    return with_filter


def _event_filter(city, first, last, actor, kind, tag, search, limit):
    from .query import EventFilter

    if first and last and first.start > last.end:
        raise click.BadParameter(f"--from {first} is after --to {last}", param_hint="'--from'/'--to'")
    return EventFilter(
        cities=city, first=first.start if first else None, last=last.end if last else None,
        actors=actor, kinds=tuple(k.lower() for k in kind), tags=tag, search=search, limit=limit,
    )  # fmt: skip


@cli.command()
@event_filter_options
@output_options
@click.pass_obj
def events(state: State, wanted, fmt: str, as_json: bool) -> None:
    """List events in chronological order. Filters combine; a date range matches events it overlaps."""
    from .query import filter_events
    from .records import event_record

    fmt = _format(fmt, as_json)
    chronology = state.chronology
    records = [event_record(chronology, event) for event in filter_events(chronology, wanted)]
    _write(state, records, fmt, EVENT_COLUMNS, "events")


def _first_roles(roles: list[dict], shown: int = 2) -> str:
    """A person's first roles for a table row; `commune show` has them all."""
    titles = "; ".join(role["title"] for role in roles[:shown])
    return f"{titles} (+{len(roles) - shown} more)" if len(roles) > shown else titles


PEOPLE_COLUMNS = [
    Column("Name", lambda r: r["name"], style="bold", max_width=28),
    Column("Born", lambda r: r["born"]),
    Column("Died", lambda r: r["died"]),
    Column("Roles", lambda r: _first_roles(r["roles"])),
    Column("ID", lambda r: r["id"], style="dim", no_wrap=True, min_terminal_width=110),
]


@cli.command()
@click.option("--role", multiple=True, help="Text in a role title: 'delegate' finds every Delegate (repeatable).")
@click.option("--city", multiple=True, help="People with a role or an event in this city (repeatable).")
@click.option("--name", multiple=True, help="Words of a name or alias (repeatable).")
@output_options
@click.pass_obj
def people(state: State, role, city, name, fmt, as_json) -> None:
    """List people, by name."""
    from .query import PeopleFilter, filter_people
    from .records import person_record

    fmt = _format(fmt, as_json)
    chronology = state.chronology
    found = filter_people(chronology, PeopleFilter(roles=role, cities=city, names=name))
    _write(state, [person_record(chronology, p) for p in found], fmt, PEOPLE_COLUMNS, "people")


@cli.command()
@click.argument("record_id", metavar="ID")
@output_options
@click.pass_obj
def show(state: State, record_id: str, fmt: str, as_json: bool) -> None:
    """Show one event or person in full, with linked records and sources."""
    from .query import UnknownValue, suggest_ids
    from .records import event_record, linked_events, person_record

    fmt = _format(fmt, as_json)
    chronology = state.chronology
    if record_id in chronology.events_by_id:
        record = event_record(chronology, chronology.events_by_id[record_id])
        fields = _event_fields(record)
    elif record_id in chronology.people:
        person = chronology.people[record_id]
        record = person_record(chronology, person) | {"events": linked_events(chronology, person)}
        fields = _person_fields(record)
    else:
        raise UnknownValue("event or person id", record_id, suggest_ids(chronology, record_id))

    output = state.output()
    if fmt == "json":
        output.stream.write(json_text(record, indent=2) + "\n")
    elif fmt == "table":
        write_detail(record.get("title") or record["name"], fields, output)
    else:
        write_records([record], fmt, [], output)


def _sources(record: dict) -> list[str]:
    return [" — ".join(part for part in (s["title"], s["locator"], s["url"]) if part) for s in record["sources"]]


def _event_fields(record: dict) -> list[tuple[str, Any]]:
    return [
        ("Date", f"{record['date']}  ({record['start']} to {record['end']})"
         if record["start"] != record["end"] else record["date"]),
        ("Place", ", ".join(part for part in (record["location"], record["city"]) if part)),
        ("Kind", record["kind"]),
        ("Summary", record["summary"]),
        ("People", [f"{a['name']} — {a['role']} ({a['id']})" for a in record["actors"]]),
        ("Tags", ", ".join(record["tags"])),
        ("Note", record["note"]),
        ("Sources", _sources(record)),
        ("ID", record["id"]),
    ]  # fmt: skip


def _person_fields(record: dict) -> list[tuple[str, Any]]:
    return [
        ("Also", ", ".join(record["aliases"])),
        ("Born", record["born"]),
        ("Died", record["died"]),
        ("Fate", record["fate"]),
        ("Roles", [_role_line(role) for role in record["roles"]]),
        ("Cities", ", ".join(record["cities"])),
        ("Bio", record["bio"]),
        ("Events", [f"{e['date']}  {e['title']} ({e['id']})" for e in record["events"]]),
        ("Note", record["note"]),
        ("Sources", _sources(record)),
        ("ID", record["id"]),
    ]


def _role_line(role: dict) -> str:
    body = role["body"] if role["body"] and role["body"] not in role["title"] else None
    where = ", ".join(part for part in (body, role["city"]) if part)
    when = f"{role['start'] or '?'} – {role['end'] or '?'}" if role["start"] or role["end"] else ""
    return " · ".join(part for part in (role["title"], where, when) if part)


PLACE_COLUMNS = [
    Column("City", lambda r: r["name"], style="bold"),
    Column("Department", lambda r: r["department"] or r["country"]),
    Column("Events", lambda r: r["events"]),
    Column("First", lambda r: r["first"], style="cyan"),
    Column("Last", lambda r: r["last"], style="cyan"),
]


@cli.command()
@output_options
@click.pass_obj
def cities(state: State, fmt: str, as_json: bool) -> None:
    """List places with their number of events and first and last dates, busiest first."""
    from .query import summarize_places
    from .records import place_record

    records = [place_record(summary) for summary in summarize_places(state.chronology)]
    _write(state, records, _format(fmt, as_json), PLACE_COLUMNS, "places")


SOURCE_COLUMNS = [
    Column("ID", lambda r: r["id"], style="dim", no_wrap=True, min_terminal_width=180),
    Column("Author", lambda r: r["author"], max_width=24),
    Column("Title", lambda r: r["title"]),
    Column("Year", lambda r: r["year"] or "n.d."),
    Column("URL", lambda r: r["url"], max_width=60),
]


@cli.command()
@output_options
@click.pass_obj
def sources(state: State, fmt: str, as_json: bool) -> None:
    """List the bibliography: every source the records cite, by author and title."""
    from .query import bibliography
    from .records import source_record

    records = [source_record(source) for source in bibliography(state.chronology)]
    _write(state, records, _format(fmt, as_json), SOURCE_COLUMNS, "sources")


class MonthDayParam(click.ParamType):
    name = "MM-DD"

    def convert(self, value, param, ctx):
        import re
        from datetime import date

        match = re.fullmatch(r"(\d{1,2})-(\d{1,2})", value.strip())
        try:
            if not match:
                raise ValueError
            month, day = int(match[1]), int(match[2])
            date(2000, month, day)  # a leap year, so that 02-29 is a day
        except ValueError:
            self.fail(f"{value!r} is not a day of the year: use MM-DD, as in 03-18", param, ctx)
        return month, day


@cli.command()
@click.argument("month_day", metavar="[MM-DD]", required=False, type=MonthDayParam())
@click.option(
    "--days", type=click.IntRange(0, 183), default=0, show_default=True, help="Also this many days around it."
)
@event_filter_options
@output_options
@click.pass_obj
def on(state: State, month_day, days: int, wanted, fmt: str, as_json: bool) -> None:
    """What happened on this day of the year (today by default), 1870-1880.

    Only events dated to the day are listed: one known only to the month did
    not happen on a day we can name. Takes the filters of `commune events`.
    """
    import dataclasses
    from datetime import date

    from .query import filter_events, on_this_day
    from .records import event_record

    fmt = _format(fmt, as_json)
    month, day = month_day or (date.today().month, date.today().day)
    chronology = state.chronology
    selected = filter_events(chronology, dataclasses.replace(wanted, limit=None))
    matches = on_this_day(selected, month, day, days)[: wanted.limit]
    records = [event_record(chronology, event) | {"anniversary": when.isoformat()} for when, event in matches]
    _write(state, records, fmt, EVENT_COLUMNS, "events")


class ExportFormat(click.Choice):
    """The format of `commune export --to`; a date given here was meant for --until."""

    def convert(self, value, param, ctx):
        try:
            parse_query_date(value)
        except DateError:
            return super().convert(value, param, ctx)
        formats = ", ".join(self.choices)
        self.fail(f"--to names the export format here ({formats}); for the end date use --until {value}", param, ctx)


@cli.command()
@click.option(
    "--to",
    "target",
    required=True,
    type=ExportFormat(EXPORT_FORMATS, case_sensitive=False),
    help="The format to write.",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write to this file, not stdout.")
@click.option("--events", "per_event", is_flag=True, help="GeoJSON: one feature per event instead of one per place.")
@event_filter_options(end_flags=("--until",))
@click.pass_obj
def export(state: State, target: str, output: str | None, per_event: bool, wanted) -> None:
    """Write the events in a format other tools read: TimelineJS, iCalendar, GeoJSON, BSD calendar, CSV, Markdown.

    Takes the filters of `commune events`, with --until for the end date (--to
    names the format here). Dates keep their precision where the format can say
    so; where it cannot, the event's text says how precise it is.
    """
    from .exports import EXPORTERS
    from .query import filter_events

    chronology = state.chronology
    selected = filter_events(chronology, wanted)
    target = target.lower()
    extra = {"per_event": per_event} if target == "geojson" else {}
    text = EXPORTERS[target](chronology, selected, **extra)
    if output:
        with open(output, "w", encoding="utf-8", newline="") as file:
            file.write(text)
        click.echo(f"Wrote {len(selected)} events to {output}.", err=True)
    else:
        sys.stdout.write(text)


@cli.command()
@click.option("--by", type=click.Choice(["city", "kind"]), default="city", show_default=True, help="One lane per...")
@click.option("--svg", "svg_path", type=click.Path(dir_okay=False, writable=True), help="Write the picture as SVG.")
@event_filter_options
@click.pass_obj
def timeline(state: State, by: str, svg_path: str | None, wanted) -> None:
    """Draw the events on a time axis, one lane per city (or kind). Takes the filters of `commune events`.

    A dot is a day, a bar a span, shading a date known only to the month or
    vaguer; a hollow dot is an uncertain day.
    """
    from .query import filter_events
    from .render import console_for
    from .timeline import lay_out, render_svg, render_text

    chronology = state.chronology
    selected = filter_events(chronology, wanted)
    if not selected:
        click.echo("No events match.", err=True)
        return
    layout = lay_out(chronology, selected, by=by, first=wanted.first, last=wanted.last)
    if svg_path:
        title = f"{len(selected)} events, {layout.first.isoformat()} to {layout.last.isoformat()}"
        with open(svg_path, "w", encoding="utf-8") as file:
            file.write(render_svg(layout, title=title))
        click.echo(f"Wrote the timeline of {len(selected)} events to {svg_path}.", err=True)
        return
    output = state.output()
    console = console_for(output)
    for line in render_text(layout, console.width, colour=output.color and output.is_terminal):
        console.print(line, soft_wrap=True)
