"""Header normalisation shared by the converters.

Publishers change capitalisation and spacing between releases ("Fiscal Year", "fiscal_year",
"Fiscal\\nYear"); matching on a normalised form keeps the converters working across releases.
"""

import re

import pandas as pd


class SourceFormatError(ValueError):
    """A release file does not have the layout a converter expects."""


def snake(name: str) -> str:
    """'Fiscal\\nYear' -> 'fiscal_year'."""
    return re.sub(r"[^0-9a-z]+", "_", str(name).strip().lower()).strip("_")


def normalise(frame: pd.DataFrame, required: list[str], source: str, aliases: dict | None = None) -> pd.DataFrame:
    """Snake-case the headers, apply aliases, and fail clearly when a needed column is absent."""
    renamed = frame.rename(columns=snake)
    if aliases:
        renamed = renamed.rename(columns=aliases)
    missing = [column for column in required if column not in renamed.columns]
    if missing:
        raise SourceFormatError(
            f"{source}: missing column(s) {', '.join(missing)}; found {', '.join(map(str, renamed.columns))}"
        )
    return renamed
