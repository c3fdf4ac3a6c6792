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


def test_unlocated_sentence_counts_in_words_and_says_not_scored():
    import pandas as pd

    from hemisphere import claims

    table = pd.DataFrame({"claimant": ["RUSI", "InSight Crime"], "year": [2025, 2017],
                          "source_url": [None, "https://insightcrime.org/x"]})  # labelled fixture
    text = claims.unlocated_sentence(table)
    assert text.startswith("One claim checked here (RUSI, 2025) has no address") and "is not scored" in text
    assert "1 of" not in text
    both = table.assign(source_url=[None, ""])
    assert claims.unlocated_sentence(both).startswith("2 claims checked here (RUSI, 2025 and InSight Crime, 2017) have")
    assert claims.unlocated_sentence(table.iloc[1:]) == "Every claim checked here links to the page it comes from."


def test_attribution_has_no_brackets_inside_brackets():
    from hemisphere import claims

    assert claims.attribution("The Week (press framing of the February 2025 transfer)", 2025) == (
        "(The Week, press framing of the February 2025 transfer, 2025)")
    assert claims.attribution("InSight Crime", 2017) == "(InSight Crime, 2017)"
    assert "`" not in claims.not_checked_sentence("Venezuela sanctions")
