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
