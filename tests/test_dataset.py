"""The bundled chronology: the rules the data never bends, checked on every run.

Loading already refuses duplicate ids, dangling references and invalid dates
(see test_loader.py); these tests hold the data to the project's standards.
"""

from datetime import date

import pytest

from commune_cli import EventFilter, PeopleFilter, filter_events, filter_people
from commune_cli.matching import fold

FIRST_DAY, LAST_DAY = date(1870, 1, 1), date(1880, 12, 31)


def test_the_chronology_meets_its_coverage_targets(bundled):
    """The targets the dataset promises its users (issue 3): size, spread, and corroboration."""
    assert len(bundled.events) >= 300
    assert len(bundled.people) >= 200
    assert len({event.place for event in bundled.events}) >= 15
    assert sum(event.place not in ("paris", "versailles") for event in bundled.events) >= 60
    corroborated = sum(len({c.source for c in event.citations}) >= 2 for event in bundled.events)
    assert corroborated >= 0.7 * len(bundled.events)


def test_every_record_cites_a_source_with_a_link_or_locator(bundled):
    for event in bundled.events:
        assert event.citations, event.id
    for person in bundled.people.values():
        assert person.sources, person.id
    for source in bundled.sources.values():
        assert source.url or source.kind == "book", source.id
        # A bibliography entry has a year, or is an online text with the date it was read.
        assert source.year or (source.url and source.accessed), source.id
        assert source.year is None or 1800 <= source.year <= 2026, source.id


def _citations_by_record(bundled):
    """(id, citations) for every event and person: events cite in `citations`, people in `sources`."""
    return [(e.id, e.citations) for e in bundled.events] + [(p.id, p.sources) for p in bundled.people.values()]


def test_a_book_citation_says_where_in_the_book(bundled):
    books = {source.id for source in bundled.sources.values() if source.kind == "book"}
    for record_id, citations in _citations_by_record(bundled):
        for citation in citations:
            if citation.source in books:
                assert citation.locator, f"{record_id} cites {citation.source} without a page or chapter"


def test_no_record_cites_the_same_passage_twice(bundled):
    for record_id, citations in _citations_by_record(bundled):
        passages = [(c.source, " ".join((c.locator or "").casefold().split())) for c in citations]
        assert len(passages) == len(set(passages)), record_id


def test_every_source_is_cited(bundled):
    cited = {c.source for e in bundled.events for c in e.citations}
    cited |= {c.source for p in bundled.people.values() for c in p.sources}
    cited |= {c.source for p in bundled.places.values() for c in p.sources}
    assert sorted(set(bundled.sources) - cited) == []


def test_event_dates_fall_in_the_period_or_say_why(bundled):
    for event in bundled.events:
        if not (event.start >= FIRST_DAY and event.end <= LAST_DAY):
            assert event.note, f"{event.id} ({event.date}) lies outside 1870-1880 without a note"


def test_roles_fall_within_a_life(bundled):
    for person in bundled.people.values():
        for role in person.roles:
            if person.born and role.end:
                assert person.born.start <= role.end.end, (person.id, role.title)
            if person.died and role.start:
                assert role.start.start <= person.died.end, (person.id, role.title)


def test_actors_were_alive_at_the_event(bundled):
    for event in bundled.events:
        for actor in event.actors:
            person = bundled.people[actor.person]
            if person.born:
                assert person.born.start <= event.end, (event.id, person.id)
            if person.died:
                assert event.start <= person.died.end, (event.id, person.id)


def test_summaries_and_titles_are_not_repeated(bundled):
    for attribute in ("title", "summary"):
        values = [fold(getattr(e, attribute)) for e in bundled.events]
        assert len(values) == len(set(values)), attribute
    bios = [fold(p.bio) for p in bundled.people.values()]
    assert len(bios) == len(set(bios))


def test_every_town_has_coordinates(bundled):
    for place in bundled.places.values():
        if place.name != place.country:
            assert place.latitude is not None and place.longitude is not None, place.id
            assert place.sources, place.id


def test_every_place_has_events_or_roles(bundled):
    used = {e.place for e in bundled.events} | {r.place for p in bundled.people.values() for r in p.roles}
    assert sorted(set(bundled.places) - used) == []


# Everyone the seed texts (../shared/seeds) name belongs in the data.
SEED_PEOPLE = [
    "Napoléon III", "Otto von Bismarck", "Adolphe Thiers", "Gaston Crémieux", "Émile Bouchet", "Maurice Rouvier",
    "Gustave Naquet", "Adolphe Carcassonne", "Alphonse Gent", "Gaston Caulet du Tayac", "Émile Digeon",
    "Armand Duportal", "Saint-Gaudens", "James Guillaume", "Bakunin", "Constant Le Doré",
]  # fmt: skip


@pytest.mark.parametrize("name", SEED_PEOPLE)
def test_seed_people_are_present(bundled, name):
    assert filter_people(bundled, PeopleFilter(names=[name]))


# (city, first day, last day, words of the title or summary) for what the seeds tell.
SEED_EVENTS = [
    ("Sedan", "1870-09-01", "1870-09-02", "Sedan"),
    ("Versailles", "1871-01-28", "1871-01-28", "armistice"),
    ("Frankfurt", "1871-05-10", "1871-05-10", "Frankfurt"),
    ("Marseille", "1870-08-07", "1870-08-08", "Crémieux"),
    ("Marseille", "1870-10-31", "1870-11-01", "Carcassonne"),
    ("Lyon", "1871-04-30", "1871-04-30", "Guillotière"),
    ("Toulouse", "1871-03-25", "1871-03-25", "Saint-Gaudens"),
    ("Narbonne", "1871-03", "1871-03", "Digeon"),
    ("Besançon", "1871-05", "1871-06", "Guillaume"),
    ("Brest", "1870-10", "1870-10", "Le Doré"),
    ("Paris", "1871-04-02", "1871-04-02", "separation"),
    ("Paris", "1871-04-20", "1871-04-20", "night work"),
]


@pytest.mark.parametrize(("city", "first", "last", "words"), SEED_EVENTS)
def test_seed_events_are_present(bundled, city, first, last, words):
    from commune_cli.dates import parse_query_date

    wanted = EventFilter(
        cities=[city], first=parse_query_date(first).start, last=parse_query_date(last).end, search=words
    )
    assert filter_events(bundled, wanted), (city, first, words)


def test_the_communes_delegates_are_present(bundled):
    delegates = filter_people(bundled, PeopleFilter(roles=["delegate"], cities=["Paris"]))
    titles = {fold(role.title) for person in delegates for role in person.roles}
    for post in ("war", "finance", "justice", "education", "labour", "external relations"):
        assert any(post in title and "delegate" in title for title in titles), post


def test_bloody_week_is_covered_day_by_day(bundled):
    for day in range(21, 29):
        on_that_day = date(1871, 5, day)
        assert filter_events(bundled, EventFilter(cities=["Paris"], first=on_that_day, last=on_that_day)), day
