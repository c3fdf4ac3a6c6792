"""`hemisphere data`: every table listed; one table's metadata and columns."""

from hemisphere import catalogue, cli, data


def test_data_lists_every_table_with_rows_period_and_publishers(capsys):
    assert cli.main(["data"]) == 0
    out = capsys.readouterr().out
    for block in catalogue.resources():
        assert block["name"] in out
    assert "US Treasury (OFAC)" in out and "rows" in out


def test_data_shows_one_table(capsys):
    assert cli.main(["data", "us_aid"]) == 0
    out = capsys.readouterr().out
    assert "fiscal_year (integer, required, key, 2000 to 2026)" in out
    assert "ForeignAssistance.gov" in out and "period: 2000-2025" in out


def test_unknown_table_exits_2(capsys):
    assert cli.main(["data", "atlantis"]) == 2
    assert "no table named 'atlantis'" in capsys.readouterr().err


def test_describe_lists_the_schema_columns_in_order():
    described = data.describe("administrations")
    assert list(described["column"]) == ["administration", "president", "party", "start_date", "end_date"]
    assert described.set_index("column").at["party", "allowed"] == "one of Democratic, Republican"
    assert data.describe.__doc__ and "columns" in data.load.__doc__.lower()
