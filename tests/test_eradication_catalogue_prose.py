"""The eradication catalogue's prose matches its tables (issue 15: coverage, dates, code names)."""

from __future__ import annotations

import re

import yaml

from hemisphere import data, paths


def _blocks():
    package = yaml.safe_load((paths.DATA / "datapackage.yaml").read_text())
    return {block["name"]: block for block in package["resources"] if block.get("theme") == "eradication"}


def _spans(years):
    years = sorted(set(int(year) for year in years))
    runs, start = [], years[0]
    for before, year in zip(years, years[1:] + [None]):
        if year != before + 1:
            runs.append(f"{start}-{before}" if start != before else str(start))
            start = year
    return runs


def test_eradication_coverage_in_the_description_matches_the_rows():
    description = _blocks()["coca_eradication"]["description"]
    table = data.load("coca_eradication")
    for country in ("Peru", "Bolivia"):
        for span in _spans(table.loc[table["country"] == country, "year"]):
            assert span in description, (country, span)
    colombia = table[table["country"] == "Colombia"]
    assert f"Colombia {colombia['year'].min()}-{colombia['year'].max()}" in description
    last = colombia[colombia["year"] == colombia["year"].max()]
    if set(last["period"]) == {"jan_sep"}:
        assert f"{colombia['year'].max()} January-September only" in description


def test_no_code_names_in_eradication_descriptions_or_caveats():
    code = re.compile(r"`|\b(partial_year|lower_bound|source_url|superseded_dropped|hemisphere\.\w+)\b|_checks\.csv")
    for name, block in _blocks().items():
        texts = [block.get("description", ""), *(block.get("caveats") or [])]
        texts += [source.get("title", "") for source in block.get("sources") or []]
        for text in texts:
            assert not code.search(str(text)), (name, text)
