"""Timeline, 'on this day' and exports, each export read back by an independent reader."""

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from datetime import date, timedelta

import geojson
import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from commune_cli.query import on_this_day

# -- commune on ------------------------------------------------------------------


def test_on_lists_the_days_events_across_years(run):
    result = run("on", "03-18", "--json")
    events = json.loads(result.stdout)
    assert "1871-03-18-montmartre-cannons" in {e["id"] for e in events}
    assert all(e["anniversary"][5:] == "03-18" for e in events)


def test_on_never_places_a_month_only_event_on_a_day(run_mini):
    # "month-only" is dated 1871-05: it happened on no day we can name.
    for day in ("05-01", "05-15", "05-31"):
        assert json.loads(run_mini("on", day, "--days", "3", "--json").stdout) == []


def test_on_window_and_filters(run_mini):
    assert [e["id"] for e in json.loads(run_mini("on", "08-09", "--days", "2", "--json").stdout)] == ["uncertain-day"]
    assert json.loads(run_mini("on", "08-09", "--json").stdout) == []
    # A span matches any day inside it.
    assert [e["id"] for e in json.loads(run_mini("on", "03-30", "--city", "marseille", "--json").stdout)] == ["span"]


def test_on_without_a_day_uses_today(run_mini):
    assert run_mini("on").exit_code == 0


@pytest.mark.parametrize("bad", ["13-01", "02-30", "3/18", "march"])
def test_on_refuses_a_bad_day(run_mini, bad):
    result = run_mini("on", bad)
    assert result.exit_code == 2 and "MM-DD" in result.stderr


@given(st.integers(1, 12), st.integers(1, 28), st.integers(0, 10))
def test_on_this_day_matches_only_overlapping_exact_events(bundled, month, day, window):
    for anniversary, event in on_this_day(bundled.events, month, day, window):
        assert event.date.exact_days
        assert (anniversary.month, anniversary.day) == (month, day)
        assert event.date.overlaps(anniversary - timedelta(days=window), anniversary + timedelta(days=window))


# -- commune timeline ------------------------------------------------------------


@pytest.mark.parametrize("columns", [60, 100, 200])
def test_timeline_fits_the_terminal(run, columns):
    result = run("timeline", "--from", "1871-03-18", "--to", "1871-05-31", env={"COLUMNS": str(columns)})
    lines = result.stdout.splitlines()
    assert result.exit_code == 0 and lines
    assert max(len(line) for line in lines) <= columns
    assert any(line.startswith("Marseille") for line in lines) and any(line.startswith("Paris") for line in lines)
    assert "span" in lines[-1] and "month" in lines[-1]  # the legend, long or short


def test_timeline_marks_show_precision(run_mini):
    out = run_mini("timeline", env={"COLUMNS": "80"}).stdout
    lanes = {line.split()[0]: line for line in out.splitlines()[:3]}
    assert "○" in lanes["Marseille"]  # the uncertain day
    assert "━" in lanes["Marseille"]  # the span
    assert "░" in lanes["Besançon"]  # the month-only event
    assert "●" in lanes["Saint-Étienne"]  # an exact day


def test_timeline_events_at_the_edges_of_the_range_are_drawn(run_mini):
    out = run_mini("timeline", "--from", "1870-08-07", "--to", "1871-05-31", env={"COLUMNS": "70"}).stdout
    lines = out.splitlines()
    marseille = next(line for line in lines if line.startswith("Marseille"))
    besancon = next(line for line in lines if line.startswith("Besançon"))
    axis = next(line for line in lines if "┬" in line)
    plot_start = len(axis) - len(axis.lstrip(" "))
    assert marseille[plot_start] == "○"  # the first day of the range, in the first column
    assert besancon.rstrip().endswith("░")  # the last month reaches the right edge


def test_timeline_by_kind_and_plain_without_colour(run_mini):
    out = run_mini("timeline", "--by", "kind", env={"COLUMNS": "80", "COMMUNE_FORCE_TTY": "1", "NO_COLOR": "1"}).stdout
    assert "\x1b[" not in out
    assert {line.split()[0] for line in out.splitlines()[:3]} == {"insurrection", "proclamation", "other"}


def test_timeline_svg_is_xml_with_a_mark_per_event(run_mini, tmp_path):
    path = tmp_path / "timeline.svg"
    result = run_mini("timeline", "--svg", str(path))
    assert result.exit_code == 0 and "Wrote" in result.stderr
    root = ET.parse(path).getroot()
    ns = "{http://www.w3.org/2000/svg}"
    titles = [t.text for t in root.iter(f"{ns}title")]
    assert len(titles) == 4 and any("Not markup" in t for t in titles)


def test_timeline_with_nothing_to_draw(run_mini):
    result = run_mini("timeline", "--from", "1875")
    assert result.exit_code == 0 and "No events match" in result.stderr


# -- commune export --------------------------------------------------------------


def export(run, *args):
    result = run("export", *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_ics_reads_back_with_events_and_dates(run, bundled):
    text = export(run, "--to", "ics", "--city", "Marseille")
    calendar = icalendar.Calendar.from_ical(text)
    vevents = calendar.walk("VEVENT")
    expected = [e for e in bundled.events if e.place == "marseille"]
    assert len(vevents) == len(expected)
    by_uid = {str(v["UID"]): v for v in vevents}
    for event in expected:
        vevent = by_uid[f"{event.id}@commune-1871"]
        assert vevent["DTSTART"].dt == event.start
        assert vevent["DTEND"].dt == event.end + timedelta(days=1)
        assert "Marseille" in str(vevent["LOCATION"])


def test_ics_says_when_a_date_is_only_a_month(run_mini):
    calendar = icalendar.Calendar.from_ical(export(run_mini, "--to", "ics"))
    month_only = next(v for v in calendar.walk("VEVENT") if str(v["UID"]).startswith("month-only"))
    assert "known only to the month: May 1871" in str(month_only["SUMMARY"])
    assert month_only["DTSTART"].dt == date(1871, 5, 1) and month_only["DTEND"].dt == date(1871, 6, 1)


def test_geojson_places_and_events_are_valid(run, bundled):
    places = geojson.loads(export(run, "--to", "geojson"))
    assert places.is_valid, places.errors()
    lyon = next(f for f in places["features"] if f["id"] == "lyon")
    assert lyon["geometry"]["coordinates"] == [bundled.places["lyon"].longitude, bundled.places["lyon"].latitude]
    assert lyon["properties"]["events"] == sum(e.place == "lyon" for e in bundled.events)
    events = geojson.loads(export(run, "--to", "geojson", "--events", "--from", "1871-05-21", "--until", "1871-05-28"))
    assert events.is_valid, events.errors()
    assert len(events["features"]) == len(json.loads(run("events", "--from", "1871-05-21", "--to", "1871-05-28",
                                                         "--json").stdout))  # fmt: skip


def _valid_timelinejs_date(stamp):
    assert isinstance(stamp["year"], int)
    if "month" in stamp:
        assert 1 <= stamp["month"] <= 12
    if "day" in stamp:
        assert "month" in stamp and 1 <= stamp["day"] <= 31


def test_timelinejs_follows_the_documented_fields(run, run_mini):
    document = json.loads(export(run, "--to", "timelinejs"))
    assert document["events"] and document["eras"]
    for slide in document["events"] + document["eras"]:
        _valid_timelinejs_date(slide["start_date"])
        if "end_date" in slide:
            _valid_timelinejs_date(slide["end_date"])
        assert slide["text"]["headline"]
    assert {era["text"]["headline"] for era in document["eras"]} >= {"The Paris Commune", "The Bloody Week"}
    mini = json.loads(export(run_mini, "--to", "timelinejs"))
    month_only = next(s for s in mini["events"] if s["unique_id"] == "month-only")
    assert month_only["start_date"] == {"year": 1871, "month": 5}  # no invented day


def test_calendar_lines_are_bsd_calendar_lines(run_mini):
    lines = export(run_mini, "--to", "calendar").splitlines()
    assert len(lines) == 4
    assert all(re.fullmatch(r"\d\d/\d\d\t[^\t]+, \d{4}", line) for line in lines)
    assert "05/01\t[date known only to the month: May 1871] Known only to the month, 1871" in lines


def test_csv_and_markdown(run_mini, tmp_path):
    rows = list(csv.DictReader(io.StringIO(export(run_mini, "--to", "csv"))))
    assert [r["id"] for r in rows] == ["uncertain-day", "span", "hostile", "month-only"]
    path = tmp_path / "events.md"
    result = run_mini("export", "--to", "markdown", "-o", str(path), "--city", "Marseille")
    assert result.exit_code == 0 and result.stdout == "" and "Wrote 2 events" in result.stderr
    table = path.read_text(encoding="utf-8").splitlines()
    assert table[0].startswith("| Date | City |") and len(table) == 4


def test_export_needs_a_known_format(run_mini):
    result = run_mini("export", "--to", "pdf")
    assert result.exit_code == 2 and "Traceback" not in result.stderr


def test_export_points_a_date_given_to_to_at_until(run_mini):
    result = run_mini("export", "--to", "ics", "--to", "1871-05")
    assert result.exit_code == 2 and "use --until 1871-05" in result.stderr
