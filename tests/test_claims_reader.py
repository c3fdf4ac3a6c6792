"""The claims chapter's reader text: tables named by their catalogue titles, never by their ids."""

from hemisphere import catalogue, claims


def test_reader_text_names_tables_by_title_and_leaves_file_paths_and_other_words():
    title = catalogue.resource("us_aid")["title"]
    text = claims.reader_text("obligations (us_aid, all agencies); file report_data/us_aid.csv; a word_pair")
    assert text == f"obligations ({title}, all agencies); file report_data/us_aid.csv; a word_pair"


def test_evidence_names_its_data_by_title():
    evidence = claims.Evidence("venezuela_sanctions", "Venezuela: sanctions", "A section", ("ofac_actions", "rewards"))
    assert evidence.text() == "Venezuela › A section"
    linked = evidence.markdown()
    assert "ofac_actions" not in linked and catalogue.resource("ofac_actions")["title"] in linked
    assert "(data: " in linked


def test_the_overviews_stale_series_table_names_series_by_title():
    import pandas as pd

    from hemisphere import overview

    stale = pd.DataFrame({"Series (table)": ["US aid by country (us_aid)"], "Newest figure": ["FY2025"],
                          "Why it stops there": ["successor figures are in us_aid."]})
    shown = overview.stale_for_readers(stale)
    assert list(shown.columns) == ["Series", "Newest figure", "Why it stops there"]
    assert shown["Series"].item() == "US aid by country"
    assert "us_aid" not in shown["Why it stops there"].item()
