"""The sources appendix, generated from the data catalogue so it can never fall behind it."""

from __future__ import annotations

import html

import pandas as pd

from hemisphere import catalogue, themes

GENERAL_TITLE = ("general", "Shared tables")


def theme_titles() -> dict[str, str]:
    """Catalogue group -> heading: the shared tables first, then each theme of the registry."""
    return dict([GENERAL_TITLE], **themes.titles())


def __getattr__(name: str):
    """`appendix.THEME_TITLES`, read from the theme registry when asked."""
    if name == "THEME_TITLES":
        return theme_titles()
    if name == "CONFLICTS":
        return tuple(conflicts())
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _link(url: str) -> str:
    """Original URLs are printed as text links; the report itself loads nothing from them."""
    safe = html.escape(url, quote=True)
    if url.startswith(("http://", "https://")):
        return f'<a href="{safe}">{safe}</a>'
    return safe


def _date(source: dict) -> str:
    parts = []
    if source.get("date_published"):
        parts.append(f"published {source['date_published']}")
    if source.get("date_retrieved"):
        parts.append(f"retrieved {source['date_retrieved']}")
    return "; ".join(parts)


def table_entry(block: dict) -> str:
    """One table's card: what it holds, who published it, when, under what licence, with what caveats."""
    sources = "".join(
        "<li>" + html.escape(", ".join(p for p in (s.get("publisher"), s.get("title")) if p))
        + (f" ({html.escape(_date(s))})" if _date(s) else "")
        + (f"<br/>{_link(s['path'])}" if s.get("path") else "") + "</li>"
        for s in block.get("sources", [])
    )
    licences = "; ".join(html.escape(l.get("title") or l.get("name", "")) for l in block.get("licenses", []))
    caveats = "".join(f"<li>{_prose(c)}</li>" for c in block.get("caveats", []))
    fields = ", ".join(
        html.escape(f["name"]) + (f" ({html.escape(str(f['unit']))})" if f.get("unit") else "")
        for f in block.get("schema", {}).get("fields", [])
    )
    return (
        f'<div class="table-card" id="table-{html.escape(block["name"])}">'
        f'<h4>{html.escape(block.get("title") or block["name"])}</h4>'
        f'<p class="table-meta">Table <code>{html.escape(block["name"])}</code>, file <code>data/{html.escape(block["path"])}</code> · units: {html.escape(str(block.get("units", "")))}'
        f' · vintage: {html.escape(str(block.get("vintage", "")))} · licence: {licences}</p>'
        f"<p>{_prose(block.get('description', ''))}</p>"
        f'<p class="table-meta">Columns: {fields}</p>'
        f"<p><strong>Sources</strong></p><ul>{sources}</ul>"
        + (f"<p><strong>Caveats</strong></p><ul>{caveats}</ul>" if caveats else "")
        + "</div>"
    )


def _prose(text) -> str:
    """Catalogue prose as HTML: escaped, with `names` in backticks shown as code, not as backticks."""
    import re

    return re.sub(r"`([^`<>]+)`", r"<code>\1</code>", html.escape(str(text)))


def catalogue_html() -> str:
    """Every catalogued table, grouped by theme in report order."""
    blocks = catalogue.resources()
    parts = []
    for theme, title in theme_titles().items():
        members = [b for b in blocks if b.get("theme", "general") == theme]
        if members:
            parts.append(f"<h3>{html.escape(title)}</h3>" + "".join(table_entry(b) for b in members))
    return "".join(parts)


def show_catalogue() -> None:
    from IPython.display import HTML, display

    display(HTML(catalogue_html()))


# Where the report holds more than one estimate of the same thing, and what it does about it:
# data/conflicts.csv (a catalogued table), one row per table.


def conflicts() -> list[tuple[str, str, str, str]]:
    """(table, label column, what differs, what the report does), from data/conflicts.csv."""
    from hemisphere import data

    table = data.load("conflicts")
    return [tuple(row) for row in table[["table", "label_column", "what_differs", "handling"]].itertuples(index=False)]


def conflicting_estimates() -> "pd.DataFrame":
    """The tables holding competing estimates (by their titles), with the labels actually present in the data."""
    import pandas as pd

    from hemisphere import data
    from hemisphere.prose import plural

    rows = []
    for table, column, what, handling in conflicts():
        counts = data.load(table)[column].astype(str).value_counts()
        labels = "; ".join(f"{label} ({plural(int(count), 'row')})" for label, count in counts.items())
        rows.append({"Table": catalogue.resource(table).get("title") or table, "What differs": what, "Labels in the data": labels, "What the report does": handling})
    return pd.DataFrame(rows)
