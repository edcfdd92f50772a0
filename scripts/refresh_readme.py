"""Rewrite the README's generated parts from what the installed `commune` prints today.

Run it after changing the data or the output: `python scripts/refresh_readme.py`.
It refreshes the output under every `$ ` line of the console blocks and the figures of
"The dataset" section. `tests/test_docs.py` fails when either is stale.
"""

import collections
import json
import os
import re
import subprocess
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
# What the tests use too: a terminal 100 columns wide, without colour.
ENV = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100", "COMMUNE_FORCE_TTY": "1"}


def printed(command: str) -> list[str]:
    env = dict(ENV)
    if "|" in command:  # a pipe is what the example shows: no terminal
        env.pop("COMMUNE_FORCE_TTY")
    result = subprocess.run(["bash", "-c", command + " 2>&1"], capture_output=True, text=True, env=env)
    return [line.rstrip() for line in result.stdout.splitlines()]


def refresh_block(block: str) -> str:
    lines, refreshed, i = block.splitlines(), [], 0
    while i < len(lines):
        command = lines[i]
        refreshed.append(command)
        i += 1
        if not command.startswith("$ "):
            continue
        shown = []
        while i < len(lines) and not lines[i].startswith("$ "):
            shown.append(lines[i])
            i += 1
        output = printed(command[2:])
        if shown and shown[-1] == "…":  # the example shows only the first lines
            output = [*output[: len(shown) - 1], "…"]
        refreshed += output
    return "\n".join(refreshed) + "\n"


def commune_json(*args: str) -> list[dict]:
    return json.loads(subprocess.run(["commune", *args, "--json"], capture_output=True, text=True, check=True).stdout)


def dataset_section() -> str:
    events, people = commune_json("events"), commune_json("people")
    cities, sources = commune_json("cities"), commune_json("sources")
    outside = sum(event["place"] not in ("paris", "versailles") for event in events)
    two_sources = sum(len({source["id"] for source in event["sources"]}) >= 2 for event in events)
    share = two_sources * 100 // len(events)
    precision = collections.Counter(event["precision"] for event in events)
    noted = sum(1 for record in events + people if record["note"])
    by_id = {source["id"]: source for source in sources}
    citations = collections.Counter(source["id"] for event in events for source in event["sources"])

    def label(source_id: str) -> str:
        source = by_id[source_id]
        year = f" ({source['year']})" if source.get("year") and source["kind"] == "book" else ""
        return f"{source['author']}, *{source['title']}*{year}"

    places = ", ".join(f"{city['name']} {city['events']}" for city in cities[:16])
    most_cited = "\n".join(f"- {label(source_id)} — {n} events" for source_id, n in citations.most_common(10))
    return f"""The bundled chronology holds **{len(events)} events**, **{len(people)} people**, **{len(cities)} places**
and **{len(sources)} sources**, from {events[0]["date"]} to {max(event["end"] for event in events)}.
{outside} events took place outside Paris and Versailles; {two_sources} events ({share}%) cite two
or more sources; {precision["day"]} events are known to the day, {precision["month"]} only to the month, and
{precision["interval"]} are spans. {noted} records carry a note: where sources disagree, which was chosen and why; \
where a seed text erred; caveats.

Events per place (`commune cities` has them all, with their first and last dates): {places}, …

The most cited sources (`commune sources` lists all of them with their links):

{most_cited}
"""


def main() -> None:
    text = README.read_text(encoding="utf-8")
    text = re.sub(r"(```console\n)(.*?)(```)", lambda m: m[1] + refresh_block(m[2]) + m[3], text, flags=re.S)
    text = re.sub(r"(## The dataset\n\n).*?(\nThe data lives in)", lambda m: m[1] + dataset_section() + m[2], text,
                  flags=re.S)
    README.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
