"""The one theme registry: `data/themes.csv`, read by everything that lists the report's themes.

Each row is one theme chapter: its id (the `theme` value in the tables, the events register
and the claims), its title, notebook, data folder, package, timeline lane, colour and the
phrase the claims chapter uses for it. Charts, claims, the overview, the timeline, the
appendix and the `themes` parameters read it here, so a new theme is one row plus its files.

Read lazily (never at import), so a notebook's record of the tables it reads includes it.
"""

from __future__ import annotations

from dataclasses import dataclass

TABLE = "themes"
# Chart and table output folders that are not themes: the overview's charts and the shared ones.
SHARED_FOLDERS = ("overview", "general")


@dataclass(frozen=True)
class Theme:
    id: str
    title: str
    notebook: str
    data_folder: str
    package: str
    lane: str
    colour: str  # a name in hemisphere.charts.COLORS
    claims_label: str

    @property
    def hex(self) -> str:
        from hemisphere import charts

        return charts.COLORS[self.colour]


def all_themes() -> list[Theme]:
    """Every theme, in report order (the registry's row order)."""
    from hemisphere import data

    table = data.load(TABLE)
    return [Theme(row.theme, row.title, row.notebook, row.data_folder, row.package, row.lane, row.colour,
                  row.claims_label) for row in table.itertuples(index=False)]


def ids() -> list[str]:
    """Theme ids in report order."""
    return [theme.id for theme in all_themes()]


def get(theme_id: str) -> Theme:
    """One theme; an unknown id is a KeyError naming the known ones."""
    for theme in all_themes():
        if theme.id == theme_id:
            return theme
    raise KeyError(f"unknown theme {theme_id!r}; themes: {', '.join(ids())}")


def by_notebook(notebook: str) -> Theme | None:
    """The theme whose chapter is `notebook`, or None for the overview, claims and appendix."""
    return next((theme for theme in all_themes() if theme.notebook == notebook), None)


def notebooks() -> dict[str, str]:
    """Theme id -> chapter notebook."""
    return {theme.id: theme.notebook for theme in all_themes()}


def titles() -> dict[str, str]:
    """Theme id -> chapter title."""
    return {theme.id: theme.title for theme in all_themes()}


def lanes() -> dict[str, str]:
    """Theme id -> timeline lane label."""
    return {theme.id: theme.lane for theme in all_themes()}


def chart_folders() -> tuple[str, ...]:
    """The `theme=` values a chart may carry: every theme id plus the shared folders."""
    return tuple(ids()) + SHARED_FOLDERS
