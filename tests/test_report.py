"""The real report, built once per session into a temporary folder, then built again for bytes."""

import re

import pytest
import yaml
from pypdf import PdfReader

from hemisphere import paths
from hemisphere.build.pipeline import build_report

SECTIONS = [s["notebook"] for s in yaml.safe_load(paths.REPORT_CONFIG.read_text())["sections"]]


def chapter_titles() -> list[str]:
    import json

    titles = []
    for notebook in SECTIONS:
        first = json.loads((paths.NOTEBOOKS / f"{notebook}.ipynb").read_text())["cells"][0]
        titles.append("".join(first["source"]).splitlines()[0].removeprefix("# ").strip())
    return titles


def build_into(folder, monkeypatch):
    monkeypatch.setattr(paths, "BUILD", folder / "build")
    monkeypatch.setattr(paths, "FIGURES", folder / "figures")
    return build_report(jobs=2, progress=False)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    monkeypatch = pytest.MonkeyPatch()
    try:
        yield build_into(tmp_path_factory.mktemp("report"), monkeypatch)
    finally:
        monkeypatch.undo()


def test_html_has_every_chapter_in_order(built):
    page = built.html.read_text()
    found = re.findall(r'<h1 id="([^"]+)">(.*?)</h1>', page, re.S)
    assert [anchor for anchor, _ in found] == SECTIONS, "chapter anchors are the notebook names"
    assert [re.sub(r"<[^>]+>", "", title) for _, title in found] == chapter_titles()
    assert '<nav class="toc"' in page and 'class="title-page"' in page
    assert 'href="briefs/index.html"' in page  # the country briefs' index, made beside the report


def test_html_is_self_contained(built):
    page = built.html.read_text()
    assert not re.search(r"<(script|link|img|iframe|source)\b[^>]*\b(src|href)=[\"']?(https?:)?//", page, re.I)
    assert not re.search(r"url\(\s*[\"']?(https?:)?//", page, re.I)
    assert "@import" not in page
    assert "<script" not in page


def test_html_is_light_enough_for_a_phone(built):
    """Under 4 MB, charts embedded as light images that browsers decode lazily."""
    page = built.html.read_text()
    assert built.html.stat().st_size < 4_000_000
    images = re.findall(r"<img\b[^>]*>", page)
    assert images and all('loading="lazy"' in image for image in images)


def test_html_forbids_scripts_and_lets_wide_tables_scroll_in_their_box(built):
    page = built.html.read_text()
    metas = [m for m in re.findall(r"<meta\b[^>]*>", page) if "Content-Security-Policy" in m]
    assert metas and "default-src 'none'" in metas[0] and "script-src" not in metas[0]
    assert ".table-block" in page and "overflow-x: auto" in page


def test_chart_source_lines_are_text_with_a_link_to_the_data(built):
    page = built.html.read_text()
    captions = re.findall(r'<figcaption class="source-line">(.*?)</figcaption>', page, re.S)
    assert captions and all(c.startswith("Source: ") for c in captions)
    report_data = built.html.parent
    for href in re.findall(r'class="chart-data" href="([^"]+)"', page):
        assert (report_data / href).is_file(), href


def test_html_shows_no_code(built):
    page = built.html.read_text()
    assert "jp-InputArea-editor" not in page and 'class="highlight' not in page
    assert "params.check(" not in page


def test_pdf_has_every_chapter_and_page_numbers(built):
    reader = PdfReader(built.pdf)
    assert len(reader.pages) >= 1 + len(SECTIONS)
    text = "\n".join(page.extract_text() for page in reader.pages)
    for title in chapter_titles():
        assert title in text
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    assert [t for t in outline if t in chapter_titles()] == chapter_titles()
    assert re.search(rf"\b2 / {len(reader.pages)}\b", reader.pages[1].extract_text())


def test_report_data_has_every_chart_file(built):
    figures, report_data = built.html.parent.parent / "figures", built.html.parent / "report_data"
    charts = {p.relative_to(figures).with_suffix("") for p in figures.rglob("*.png")}
    tables = {p.relative_to(report_data).with_suffix("") for p in report_data.rglob("*.csv")}
    assert charts <= tables, "every chart's data is published next to the report"


def test_two_builds_give_identical_bytes(built, tmp_path, monkeypatch):
    again = build_into(tmp_path, monkeypatch)
    assert again.html.read_bytes() == built.html.read_bytes()
    assert again.pdf.read_bytes() == built.pdf.read_bytes()


def test_every_internal_link_resolves(built):
    page = built.html.read_text()
    ids = set(re.findall(r'\bid="([^"]+)"', page))
    targets = set(re.findall(r'href="#([^"]+)"', page))
    assert targets, "the contents and cross-references link within the page"
    assert targets - ids == set()


def chapter_text(page: str, chapter: str) -> str:
    """The reader-visible text of one chapter of the assembled page."""
    import html

    found = re.search(rf'<h1 id="{chapter}">(.*?)(?=<h1 id=|</main>)', page, re.S)
    assert found, f"chapter {chapter} not in the report"
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", found.group(1))))


def test_overview_states_the_chapters_figures(built):
    """Each headline's figures are the ones its chapter states (same functions, same data)."""
    from hemisphere import overview

    page = built.html.read_text()
    findings = overview.findings()
    assert 6 <= len(findings) <= 10
    overview_text = chapter_text(page, "overview")
    for finding in findings:
        assert finding.shared, f"{finding.section}: no figure shared with its chapter"
        chapter = chapter_text(page, overview.THEME_CHAPTERS[finding.theme])
        for figure in finding.shared:
            assert figure in overview_text and figure in chapter, (finding.section, figure)
        assert f'href="#{finding.anchor}"' in page


def test_report_builds_with_a_non_default_period(built, tmp_path, monkeypatch):
    """Only the overridden chapter re-executes; the title page records the parameters used."""
    import shutil

    shutil.copytree(built.html.parent, tmp_path / "build")
    shutil.copytree(built.html.parent.parent / "figures", tmp_path / "figures")
    monkeypatch.setattr(paths, "BUILD", tmp_path / "build")
    monkeypatch.setattr(paths, "FIGURES", tmp_path / "figures")
    again = build_report(["overview.start_date=2025-01-20"], jobs=2, progress=False)
    assert again.executed == ["overview"]
    page = again.html.read_text()
    assert "start_date = 2025-01-20" in page
    assert "20 January 2025" in chapter_text(page, "overview") or "2025" in chapter_text(page, "overview")
