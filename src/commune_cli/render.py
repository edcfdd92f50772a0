"""Writing records out: JSON, JSON Lines, CSV, and tables for people.

Tables follow the GitHub CLI: aligned and styled on a terminal; on a pipe, one
tab-separated line per record, untruncated and without header, so that `cut`
and `head` work. rich is imported only when a terminal table is drawn.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import IO, Any

__all__ = ["FORMATS", "Column", "Output", "clean", "json_text", "write_detail", "write_records"]

FORMATS = ("table", "json", "jsonl", "csv")

# C0 and C1 control characters and DEL: never written raw to a terminal.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# JSON leaves DEL and C1 characters raw; they are legal as \u escapes.
_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u2028\u2029]")


def clean(text: str) -> str:
    """`text` with control characters shown as escapes (``\\x1b``) instead of acted on."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


@dataclass(frozen=True)
class Output:
    """Where records go and what that place can show."""

    stream: IO[str]
    is_terminal: bool = False
    color: bool = True
    width: int | None = None


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[dict[str, Any]], Any]
    style: str | None = None
    max_width: int | None = None
    # Ids are copied into `commune show`: never split them across lines.
    no_wrap: bool = False
    # On a narrower terminal the column is left out so that the others stay readable.
    min_terminal_width: int = 0


def json_text(value: Any, indent: int | None) -> str:
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _span(start: str | None, end: str | None) -> str:
    if start == end:
        return start or ""
    return f"{start or '?'}–{end or '?'}"


# How a nested list is written in one CSV cell (or one table cell).
_LABELS: dict[str, Callable[[dict[str, Any]], str]] = {
    "actors": lambda a: f"{a['name']} ({a['role']})",
    "sources": lambda s: f"{s['id']} ({s['locator']})" if s.get("locator") else s["id"],
    "roles": lambda r: ", ".join(
        part for part in (r["title"], r["body"], r["city"], _span(r["start"], r["end"])) if part
    ),
    "events": lambda e: e["id"],
}


def flat(key: str, value: Any) -> str:
    """One cell's text for any record value."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        label = _LABELS.get(key, str)
        return "; ".join(label(item) if isinstance(item, dict) else str(item) for item in value)
    return str(value)


def write_records(records: Sequence[dict[str, Any]], fmt: str, columns: Sequence[Column], out: Output) -> None:
    """Write a list of records in one of FORMATS."""
    stream = out.stream
    if fmt == "json":
        stream.write(json_text(list(records), indent=2) + "\n")
    elif fmt == "jsonl":
        for record in records:
            stream.write(json_text(record, indent=None) + "\n")
    elif fmt == "csv":
        if not records:
            return
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(records[0].keys())
        for record in records:
            writer.writerow([clean(flat(key, value)) for key, value in record.items()])
    elif out.is_terminal:
        _rich_table(records, columns, out)
    else:
        for record in records:
            cells = (_one_line(flat("", column.value(record))) for column in columns)
            stream.write("\t".join(cells) + "\n")


def _one_line(text: str) -> str:
    return clean(text.replace("\t", " ").replace("\n", " "))


def console_for(out: Output):
    """A rich Console that writes to `out` as its terminal, colour and width allow."""
    from rich.console import Console

    return Console(
        file=out.stream,
        force_terminal=out.is_terminal,
        color_system="auto" if out.color else None,
        width=out.width,
        highlight=False,
        markup=False,
        emoji=False,
    )


def _rich_table(records: Sequence[dict[str, Any]], columns: Sequence[Column], out: Output) -> None:
    from rich.table import Table
    from rich.text import Text

    console = console_for(out)
    columns = [c for c in columns if console.width >= c.min_terminal_width]
    table = Table(box=None, pad_edge=False, header_style="bold")
    for column in columns:
        table.add_column(
            column.header,
            style=column.style,
            max_width=column.max_width,
            no_wrap=column.no_wrap,
            overflow="fold",
        )
    for record in records:
        # Text objects are never parsed for markup: "[bold]" in a title stays text.
        table.add_row(*(Text(_one_line(flat("", column.value(record)))) for column in columns))
    console.print(table)


def write_detail(title: str, fields: Sequence[tuple[str, Any]], out: Output) -> None:
    """One record in full, as labelled lines: `commune show` on a terminal or a pipe."""
    from rich.table import Table
    from rich.text import Text

    console = console_for(out)
    console.print(Text(clean(title), style="bold"))
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for label, value in fields:
        if value in (None, "", []):
            continue
        lines = value if isinstance(value, list) else [value]
        grid.add_row(Text(label), Text("\n".join(clean(str(line)) for line in lines)))
    console.print(grid)
