"""A bad data file is refused with every problem listed, each with its location."""

import copy
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commune_cli import DataError, load, loads

MINI_TEXT = (__import__("pathlib").Path(__file__).parent / "data" / "mini.json").read_text(encoding="utf-8")


def problems(document) -> list[str]:
    with pytest.raises(DataError) as caught:
        loads(json.dumps(document))
    return [str(problem) for problem in caught.value.problems]


@pytest.fixture
def document():
    return json.loads(MINI_TEXT)


def test_the_fixture_loads(document):
    assert len(loads(json.dumps(document)).events) == 4


def test_every_problem_is_reported_at_once(document):
    document["events"][0]["date"] = "1871-13-45"
    document["events"][1]["place"] = "atlantis"
    document["events"][2]["citations"] = []
    document["people"][1]["id"] = "gaston-cremieux"
    document["events"][3]["actors"][0]["person"] = "nobody"
    found = problems(document)
    assert "$.events[0].date: '1871-13-45': month must be 01 to 12" in found
    assert any(p.startswith("$.events[2].citations:") for p in found)
    # Schema problems stop the cross-reference pass: fix them and the rest shows up.
    document["events"][0]["date"] = "1871-03-23"
    document["events"][2]["citations"] = [{"source": "test-source"}]
    assert problems(document) == [
        "$.people[0].id: duplicate id 'gaston-cremieux'",
        "$.people[1].id: duplicate id 'gaston-cremieux'",
        "$.events[1].place: unknown place 'atlantis'",
        "$.events[3].actors[0].person: unknown person 'nobody'",
    ]


def test_misspelt_field_is_an_error(document):
    document["events"][0]["sumary"] = "typo"
    assert "$.events[0].sumary: Extra inputs are not permitted" in problems(document)


def test_unknown_source_and_role_place(document):
    document["people"][0]["sources"][0]["source"] = "lost-book"
    document["people"][0]["roles"][0]["place"] = "atlantis"
    assert problems(document) == [
        "$.people[0].sources[0].source: unknown source 'lost-book'",
        "$.people[0].roles[0].place: unknown place 'atlantis'",
    ]


def test_role_ending_before_it_starts(document):
    document["people"][0]["roles"][0]["end"] = "1870"
    assert problems(document) == ["$.people[0].roles[0]: the role ends before it starts"]


def test_malformed_json_gives_line_and_column():
    with pytest.raises(DataError) as caught:
        loads('{\n  "events": [,]\n}', origin="broken.json")
    assert [str(p) for p in caught.value.problems] == ["broken.json:2:14: malformed JSON: Expecting value"]


def test_unreadable_file(tmp_path):
    with pytest.raises(DataError) as caught:
        load(tmp_path / "missing.json")
    assert "cannot read the file" in str(caught.value.problems[0])


def test_bad_data_file_exits_1_listing_problems(run, tmp_path, document):
    document["events"][0]["date"] = "1871-02-30"
    document["events"][1]["kind"] = "riot"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    result = run("--data", str(path), "events")
    assert result.exit_code == 1 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0] == f"Error: {path}: the data file has 2 problem(s):"
    assert lines[1].startswith("  $.events[0].date: '1871-02-30': day must be 01 to 28")
    assert lines[2].startswith("  $.events[1].kind: Input should be")


def mutations(document):
    """A random small change to a valid document: a value replaced or removed somewhere."""

    def paths(node, prefix=()):
        yield prefix
        children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        for key, child in children:
            yield from paths(child, (*prefix, key))

    every = [p for p in paths(document) if p]
    values = st.one_of(st.none(), st.integers(), st.text(max_size=12), st.lists(st.integers(), max_size=2))
    return st.tuples(st.sampled_from(every), st.booleans(), values)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=150)
@given(data=st.data())
def test_any_broken_document_loads_or_raises_data_error(document, data):
    path, delete, value = data.draw(mutations(document))
    broken = copy.deepcopy(document)
    parent = broken
    for key in path[:-1]:
        parent = parent[key]
    if delete:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    try:
        loads(json.dumps(broken))
    except DataError as error:
        assert error.problems and all(str(p).startswith("$") for p in error.problems)
