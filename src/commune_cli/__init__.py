"""A chronology of the Communes of 1870-1871, as a library and a command.

    >>> from commune_cli import load, filter_events, EventFilter
    >>> chronology = load()                       # the bundled, checked dataset
    >>> for event in filter_events(chronology, EventFilter(cities=["Marseille"])):
    ...     print(event.date, event.title)

The models are pydantic (`commune_cli.models`); `commune_cli.records` turns them
into the dicts of the JSON contract.
"""

from importlib import import_module

__version__ = "0.1.0"

# Exports are imported on first use (PEP 562) so that `commune --help` and
# option errors never pay for pydantic.
_EXPORTS = {
    "Chronology": "dataset", "DataError": "errors", "Problem": "errors", "load": "dataset",
    "loads": "dataset", "DateError": "dates", "Edtf": "dates", "parse_edtf": "dates",
    "EventFilter": "query", "PeopleFilter": "query", "UnknownValue": "query",
    "filter_events": "query", "filter_people": "query", "summarize_places": "query",
}  # fmt: skip

__all__ = [*_EXPORTS, "__version__"]


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
