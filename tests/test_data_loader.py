"""The loader's errors on malformed tables name the table, column, row and rule.

Each test writes a tiny fixture table (labelled fixture values, not real data) and its descriptor.
"""

import textwrap

import pytest
import yaml

from hemisphere import catalogue, data, paths

SCHEMA = {
    "fields": [
        {"name": "country", "type": "string", "constraints": {"required": True, "enum": ["Alpha", "Beta"]}},
        {"name": "year", "type": "integer", "constraints": {"minimum": 2000, "maximum": 2030}},
        {"name": "value", "type": "number", "constraints": {"minimum": 0}},
        {"name": "day", "type": "date"},
        {"name": "flag", "type": "boolean"},
    ],
    "primaryKey": ["country", "year"],
}
GOOD = "country,year,value,day,flag\nAlpha,2001,1.5,2001-02-03,true\nBeta,2002,,2002-03-04,false\n"


def make_table(tmp_path, text, schema=SCHEMA, write_file=True):
    descriptor = tmp_path / "datapackage.yaml"
    descriptor.write_text(yaml.safe_dump({"resources": [{
        "name": "fixture_table", "path": "fixture_table.csv", "title": "fixture", "sources": [],
        "licenses": [], "vintage": "fixture", "units": "fixture", "schema": schema}]}))
    if write_file:
        (tmp_path / "fixture_table.csv").write_text(textwrap.dedent(text))
    return descriptor


def test_good_fixture_loads_typed(tmp_path):
    table = data.load("fixture_table", make_table(tmp_path, GOOD))
    assert list(table["year"]) == [2001, 2002]
    assert table["value"].isna().tolist() == [False, True]
    assert str(table["day"].dtype).startswith("datetime64")
    assert table["flag"].tolist() == [True, False]


def test_derived_frames_share_the_catalogue_block_instead_of_copying_it(tmp_path):
    """pandas deep-copies .attrs on every operation; the block must survive, shared, not copied."""
    table = data.load("fixture_table", make_table(tmp_path, GOOD))
    derived = table[table["year"] > 2000].sort_values("year").reset_index(drop=True)
    rows = [row for _, row in derived.iterrows()]
    for frame in (derived, rows[0]):
        assert frame.attrs["resource"] is table.attrs["resource"]
        assert frame.attrs["sources"] is table.attrs["sources"]
    assert derived.attrs["resource"]["name"] == "fixture_table"


def test_fast_and_pure_python_yaml_parsers_read_the_catalogue_alike():
    """The catalogue is parsed with libyaml when present; it must read exactly as the pure parser does."""
    text = paths.DATAPACKAGE.read_text(encoding="utf-8")
    assert yaml.load(text, Loader=catalogue.SAFE_LOADER) == yaml.safe_load(text)


@pytest.mark.parametrize("text, message", [
    ("country,year,value,day\nAlpha,2001,1,2001-01-01\n", "column 'flag' is declared in the schema but missing"),
    (GOOD.replace("flag\n", "flag,extra\n").replace("true\n", "true,1\n").replace("false\n", "false,2\n"),
     "column 'extra' is in the file but not declared"),
    (GOOD.replace("Beta,2002", "Beta,20x2"), "column 'year', row 2 (line 3): expected integer"),
    (GOOD.replace("Beta,2002", "Beta,1990"), "column 'year', row 2 (line 3): below the minimum 2000"),
    (GOOD.replace("1.5", "-1"), "column 'value', row 1 (line 2): below the minimum 0"),
    (GOOD.replace("Beta,", "Gamma,"), "column 'country', row 2 (line 3): not one of the allowed values"),
    (GOOD.replace("Beta,", ","), "column 'country', row 2 (line 3): a value is required"),
    (GOOD.replace("2002-03-04", "04/03/2002"), "column 'day', row 2 (line 3): expected a date"),
    (GOOD.replace("false", "maybe"), "column 'flag', row 2 (line 3): expected true or false"),
    (GOOD.replace("Beta,2002", "Alpha,2001"), "row 2 (line 3): primary key (country, year) repeats country=Alpha, year=2001"),
])
def test_broken_fixture_names_table_column_row_and_rule(tmp_path, text, message):
    with pytest.raises(data.DataError) as caught:
        data.load("fixture_table", make_table(tmp_path, text))
    assert "fixture_table" in str(caught.value)
    assert message in str(caught.value)


def test_duplicate_key_error_prints_plain_values(tmp_path):
    with pytest.raises(data.DataError) as caught:
        data.load("fixture_table", make_table(tmp_path, GOOD.replace("Beta,2002", "Alpha,2001")))
    assert "np." not in str(caught.value) and "Timestamp(" not in str(caught.value)


def test_a_table_with_only_its_header_is_refused(tmp_path):
    with pytest.raises(data.DataError, match="fixture_table.csv has a header but no rows"):
        data.load("fixture_table", make_table(tmp_path, "country,year,value,day,flag\n"))


def test_missing_file_is_named(tmp_path):
    with pytest.raises(data.DataError, match="fixture_table.csv is missing"):
        data.load("fixture_table", make_table(tmp_path, GOOD, write_file=False))


def test_unreadable_file_is_named(tmp_path):
    descriptor = make_table(tmp_path, GOOD)
    (tmp_path / "fixture_table.csv").write_bytes(b"country,year\n\xff\xfe,2001\n")
    with pytest.raises(data.DataError, match="not a readable UTF-8 CSV"):
        data.load("fixture_table", descriptor)


def test_malformed_descriptor_is_named(tmp_path):
    descriptor = tmp_path / "datapackage.yaml"
    descriptor.write_text("resources: [unclosed\n")
    with pytest.raises(catalogue.CatalogueError, match="not valid YAML"):
        catalogue.descriptor(descriptor)
