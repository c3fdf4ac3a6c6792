"""The data catalogue describes every table, and every table meets its schema."""

import re
from pathlib import Path

import pytest

from hemisphere import catalogue, data, paths, themes

RESOURCES = catalogue.resources()


def test_every_data_file_is_catalogued():
    described = {r["path"] for r in RESOURCES}
    on_disk = {p.relative_to(paths.DATA).as_posix() for p in paths.DATA.rglob("*.csv")}
    assert on_disk - described == set(), "tables under data/ missing from data/datapackage.yaml"


def test_every_catalogued_file_exists():
    missing = [r["path"] for r in RESOURCES if not (paths.DATA / r["path"]).is_file()]
    assert missing == []


@pytest.mark.parametrize("block", RESOURCES, ids=[r["name"] for r in RESOURCES])
def test_resource_carries_provenance(block):
    assert catalogue.missing_keys(block) == []
    assert Path(block["path"]).stem == block["name"], "a table's name is its file stem"
    for source in block["sources"]:
        assert source.get("title") and source.get("path"), f"{block['name']}: each source needs a title and a path (URL)"
        assert source.get("date_published") or source.get("date_retrieved"), f"{block['name']}: each source needs a date"
    for licence in block["licenses"]:
        assert licence.get("name") and (licence.get("title") or licence.get("path"))
    assert all(isinstance(c, str) for c in block.get("caveats", [])), "caveats are sentences, not mappings"
    assert block.get("theme") in ["general", *themes.ids()], "a table's theme is `general` or one of data/themes.csv"


@pytest.mark.parametrize("name", [r["name"] for r in RESOURCES])
def test_table_meets_its_schema(name):
    table = data.load(name)
    assert len(table) > 0, f"{name} is empty"
    assert table.attrs["sources"], f"{name} carries no sources"


def test_unknown_table_is_named_in_the_error():
    with pytest.raises(data.DataError, match="no table named 'atlantis'"):
        data.load("atlantis")


def test_conflicting_estimates_are_listed_with_their_labels():
    from hemisphere import appendix

    table = appendix.conflicting_estimates()
    assert set(table["Table"]) == {catalogue.resource(t)["title"] for t, *_ in appendix.CONFLICTS}  # titles, not ids
    coca = table.loc[table["Table"] == catalogue.resource("coca_cultivation")["title"], "Labels in the data"].item()
    assert "UNODC" in coca and "US government (ONDCP)" in coca
    assert not any(re.search(r"\(\d{4,} rows\)", labels) for labels in table["Labels in the data"])  # 2,998 not 2998


def test_source_lines_name_each_publisher_once():
    """Tables compiled from several publishers list them joined by '; '; a source line names each once."""
    every_table = [resource["name"] for resource in catalogue.resources()]
    named = catalogue.publishers(every_table)
    assert len(named) == len(set(named))
    assert not [publisher for publisher in named if ";" in publisher or publisher != publisher.strip()]
    spelled_alike = {publisher.replace("U.S.", "US") for publisher in named}
    assert len(spelled_alike) == len(named), "one publisher spelled two ways (U.S. / US)"


def test_no_catalogue_date_is_after_the_edition():
    """A retrieval or search dated after the edition would be a page the edition could not have read."""
    import re

    from hemisphere import currency

    edition = f"{currency.edition_date():%Y-%m-%d}"
    text = (paths.DATA / "datapackage.yaml").read_text(encoding="utf-8")
    # Schema bounds (`maximum:`) are limits, not dates of reading.
    prose = "\n".join(line for line in text.splitlines() if "maximum" not in line)
    later = sorted({day for day in re.findall(r"\b20\d\d-\d\d-\d\d\b", prose) if day > edition})
    assert later == [], f"catalogue dates after the edition ({edition}): {later}"
