"""The closed lists the data draws from, kept apart from the models so that
option parsing and `--help` do not have to import pydantic."""

EVENT_KINDS = (
    "war", "battle", "siege", "insurrection", "demonstration", "proclamation", "election",
    "decree", "law", "government", "treaty", "repression", "trial", "execution", "death",
    "destruction", "deportation", "amnesty", "other",
)  # fmt: skip

FATES = (
    "killed", "executed", "died-in-prison", "deported", "imprisoned", "exiled", "amnestied",
    "acquitted", "escaped", "survived",
)  # fmt: skip

SOURCE_KINDS = ("book", "article", "encyclopedia", "web page")

EXPORT_FORMATS = ("timelinejs", "ics", "geojson", "calendar", "csv", "markdown")
