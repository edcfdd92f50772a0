"""The commands as a user meets them, on the small fixture file (tests/data/mini.json)."""

import csv
import io
import json

import pytest
from conftest import as_json

from commune_cli import __version__

EVENT_KEYS = {"id", "date", "start", "end", "city", "title", "summary", "kind", "actors", "sources"}
PERSON_KEYS = {"id", "name", "born", "died", "roles", "cities", "sources"}


def ids(result):
    return [record["id"] for record in as_json(result)]


def test_version_names_package_and_dataset(run_mini):
    result = run_mini("--version")
    assert result.exit_code == 0
    assert __version__ in result.stdout and "dataset test" in result.stdout and "4 events" in result.stdout


def test_no_command_prints_help(run_mini):
    result = run_mini()
    assert result.exit_code == 0 and "events" in result.stdout and "people" in result.stdout


def test_events_are_chronological_by_default(run_mini):
    assert ids(run_mini("events", "--json")) == ["uncertain-day", "span", "hostile", "month-only"]


def test_event_json_contract(run_mini):
    span = next(e for e in as_json(run_mini("events", "--json")) if e["id"] == "span")
    assert span.keys() >= EVENT_KEYS
    assert (span["date"], span["start"], span["end"]) == ("1871-03-23/1871-04-04", "1871-03-23", "1871-04-04")
    assert span["city"] == "Marseille"
    assert span["actors"] == [{"id": "gaston-cremieux", "name": "Gaston Crémieux", "role": "leader"}]
    assert span["sources"] == [
        {"id": "test-source", "title": "Test source", "url": "https://example.org/test", "locator": "p. 2"}
    ]


def test_person_json_contract(run_mini):
    person = as_json(run_mini("people", "--name", "cremieux", "--json"))[0]
    assert person.keys() >= PERSON_KEYS
    assert person["roles"] == [
        {"title": "Delegate for [bold]testing[/bold]", "body": "Test body", "city": "Marseille",
         "start": "1871-03-23", "end": "1871-04-04"}
    ]  # fmt: skip
    assert person["cities"] == ["Marseille"]


@pytest.mark.parametrize("city", ["Marseille", "marseille", "MARSEILLES", "marseilles"])
def test_city_ignores_case_and_takes_aliases(run_mini, city):
    assert ids(run_mini("events", "--city", city, "--json")) == ["uncertain-day", "span"]


@pytest.mark.parametrize("city", ["besancon", "Besançon", "BESANCON"])
def test_city_ignores_accents(run_mini, city):
    assert ids(run_mini("events", "--city", city, "--json")) == ["month-only"]


def test_city_repeats_as_or(run_mini):
    assert ids(run_mini("events", "--city", "besancon", "--city", "saint etienne", "--json")) == [
        "hostile",
        "month-only",
    ]


def test_unknown_city_is_a_usage_error_with_suggestion(run_mini):
    result = run_mini("events", "--city", "Marsielle")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == "Error: no city matches 'Marsielle'; did you mean 'Marseille'?\n"


def test_date_range_overlaps(run_mini):
    # The span 23 March - 4 April overlaps April; the May month-only event does not.
    assert ids(run_mini("events", "--from", "1871-04", "--to", "1871-04", "--json")) == ["span"]
    assert ids(run_mini("events", "--from", "1871-05-31", "--json")) == ["month-only"]
    assert ids(run_mini("events", "--to", "1870", "--json")) == ["uncertain-day"]


@pytest.mark.parametrize("bad", ["1871-13-45", "1871-02-30", "May 1871", "1871-05?"])
def test_bad_date_is_one_line_and_exit_2(run_mini, bad):
    result = run_mini("events", "--from", bad)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("Error: Invalid value for '--from'")
    assert "Traceback" not in result.stderr


def test_from_after_to_is_refused(run_mini):
    result = run_mini("events", "--from", "1871-06", "--to", "1871-05")
    assert result.exit_code == 2 and "is after" in result.stderr


def test_actor_matches_without_accents(run_mini):
    assert ids(run_mini("events", "--actor", "cremieux", "--json")) == ["span"]
    assert ids(run_mini("events", "--actor", "J. Doe", "--json")) == ["hostile"]


def test_unknown_actor_suggests_a_name(run_mini):
    result = run_mini("events", "--actor", "cremiex")
    assert result.exit_code == 2 and "did you mean 'Gaston Crémieux'?" in result.stderr


def test_kind_tag_search_and_limit(run_mini):
    assert ids(run_mini("events", "--kind", "insurrection", "--json")) == ["uncertain-day", "span"]
    assert ids(run_mini("events", "--kind", "INSURRECTION", "--limit", "1", "--json")) == ["uncertain-day"]
    assert ids(run_mini("events", "--tag", "planned-rising", "--json")) == ["month-only"]
    assert ids(run_mini("events", "--search", "prefecture", "--json")) == []
    assert ids(run_mini("events", "--search", "SPANS two", "--json")) == ["span"]


def test_unknown_kind_and_tag_are_usage_errors(run_mini):
    assert run_mini("events", "--kind", "riot").exit_code == 2
    result = run_mini("events", "--tag", "planned-risings")
    assert result.exit_code == 2 and "did you mean 'planned-rising'?" in result.stderr


def test_filters_combine(run_mini):
    assert ids(run_mini("events", "--city", "Marseille", "--from", "1871", "--json")) == ["span"]


def test_empty_result_is_success_with_a_note(run_mini):
    result = run_mini("events", "--city", "Besançon", "--from", "1872")
    assert result.exit_code == 0 and result.stdout == "" and "No events match" in result.stderr
    result = run_mini("events", "--city", "Besançon", "--from", "1872", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout) == [] and result.stderr == ""


def test_jsonl_is_one_object_per_line(run_mini):
    lines = run_mini("events", "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["uncertain-day", "span", "hostile", "month-only"]


def test_csv_has_header_and_flat_lists(run_mini):
    rows = list(csv.DictReader(io.StringIO(run_mini("events", "--format", "csv").stdout)))
    assert len(rows) == 4
    span = next(row for row in rows if row["id"] == "span")
    assert span["actors"] == "Gaston Crémieux (leader)" and span["sources"] == "test-source (p. 2)"


def test_json_flag_and_other_format_conflict(run_mini):
    result = run_mini("events", "--json", "--format", "csv")
    assert result.exit_code == 2 and "two formats" in result.stderr


def test_unknown_format_is_a_usage_error(run_mini):
    result = run_mini("events", "--format", "yaml")
    assert result.exit_code == 2 and "Traceback" not in result.stderr


def test_table_on_a_pipe_is_tab_separated_without_header(run_mini):
    lines = run_mini("events", "--city", "Marseille").stdout.splitlines()
    assert lines == [
        "1870-08-07?\tMarseille\tinsurrection\tAn uncertain day\tuncertain-day",
        "1871-03-23/1871-04-04\tMarseille\tinsurrection\tA span in Marseille\tspan",
    ]


def test_people_by_role_city_and_name(run_mini):
    assert ids(run_mini("people", "--role", "delegate", "--json")) == ["gaston-cremieux"]
    assert ids(run_mini("people", "--role", "CLUB", "--json")) == ["jane-doe"]
    assert ids(run_mini("people", "--city", "saint-etienne", "--json")) == ["jane-doe"]
    assert ids(run_mini("people", "--json")) == ["gaston-cremieux", "jane-doe"]
    assert run_mini("people", "--name", "nobody at all").exit_code == 2


def test_show_event_and_person(run_mini):
    event = as_json(run_mini("show", "span", "--json"))
    assert event["id"] == "span" and event["actors"][0]["name"] == "Gaston Crémieux"
    person = as_json(run_mini("show", "gaston-cremieux", "--json"))
    assert person["events"] == [
        {"id": "span", "date": "1871-03-23/1871-04-04", "title": "A span in Marseille", "role": "leader"}
    ]
    text = run_mini("show", "gaston-cremieux").stdout
    assert "Gaston Crémieux" in text and "A span in Marseille" in text and "https://example.org/test" in text


def test_show_unknown_id_suggests(run_mini):
    result = run_mini("show", "cremieux")
    assert result.exit_code == 2 and "did you mean 'gaston-cremieux'?" in result.stderr
    result = run_mini("show", "span in marseille")
    assert result.exit_code == 2 and "did you mean 'span'?" in result.stderr


def test_cities_count_events_with_their_dates(run_mini):
    places = {p["id"]: p for p in as_json(run_mini("cities", "--json"))}
    assert places["marseille"]["events"] == 2
    assert (places["marseille"]["first"], places["marseille"]["last"]) == ("1870-08-07?", "1871-03-23/1871-04-04")
    # Month precision stays month precision: not the 1st of May.
    assert places["besancon"]["first"] == "1871-05"


def test_sources_lists_the_bibliography(run_mini):
    assert as_json(run_mini("sources", "--json")) == [
        {"id": "test-source", "author": "Test author", "title": "Test source", "year": 2026,
         "url": "https://example.org/test", "accessed": None, "kind": "web page"}
    ]  # fmt: skip


def test_data_from_environment_variable(run, mini_path):
    result = run("--version", env={"COMMUNE_DATA": str(mini_path)})
    assert "dataset test" in result.stdout


@pytest.mark.parametrize("command", [["events"], ["show", "hostile"], ["events", "--format", "csv"]])
def test_control_characters_never_reach_the_terminal(run_mini, command):
    for env in ({}, {"COMMUNE_FORCE_TTY": "1"}):
        out = run_mini(*command, env=env).stdout
        assert "\x1b[31m" not in out and "\x9b" not in out
        assert "\\x1b[31mred" in out


def test_markup_in_data_is_text(run_mini):
    out = run_mini("events", "--city", "saint-etienne", env={"COMMUNE_FORCE_TTY": "1", "NO_COLOR": "1"}).stdout
    assert "[bold]Not markup[/bold]" in out
    out = run_mini("people", "--role", "delegate", env={"COMMUNE_FORCE_TTY": "1", "NO_COLOR": "1"}).stdout
    assert "[bold]testing[/bold]" in out


def test_json_escapes_control_characters(run_mini):
    out = run_mini("events", "--city", "saint-etienne", "--json").stdout
    assert "\x1b" not in out and "\x9b" not in out
    assert json.loads(out)[0]["title"].startswith("[bold]Not markup[/bold] \x1b[31m")


def test_terminal_table_has_colour_unless_no_color(run_mini):
    coloured = run_mini("events", env={"COMMUNE_FORCE_TTY": "1", "COLUMNS": "120"}).stdout
    plain = run_mini("events", env={"COMMUNE_FORCE_TTY": "1", "COLUMNS": "120", "NO_COLOR": "1"}).stdout
    assert "\x1b[" in coloured
    assert "\x1b[" not in plain and "Date" in plain and "A span in Marseille" in plain


@pytest.mark.parametrize("columns", ["40", "60", "100", "200"])
def test_terminal_table_fits_the_width(run_mini, columns):
    out = run_mini("events", env={"COMMUNE_FORCE_TTY": "1", "NO_COLOR": "1", "COLUMNS": columns}).stdout
    assert max(len(line) for line in out.splitlines()) <= int(columns)


def test_narrow_terminal_keeps_titles_readable_and_wide_one_shows_ids(run_mini):
    narrow = run_mini("events", env={"COMMUNE_FORCE_TTY": "1", "NO_COLOR": "1", "COLUMNS": "60"}).stdout
    assert "A span in Marseille" in narrow and "ID" not in narrow.splitlines()[0]
    wide = run_mini("events", env={"COMMUNE_FORCE_TTY": "1", "NO_COLOR": "1", "COLUMNS": "160"}).stdout
    assert "uncertain-day" in wide and "Kind" in wide.splitlines()[0]


def test_people_table_shows_first_roles(run_mini):
    out = run_mini("people", env={"COMMUNE_FORCE_TTY": "1", "NO_COLOR": "1", "COLUMNS": "160"}).stdout
    assert "Member of a test club" in out
