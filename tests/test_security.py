"""Text from data never becomes live markup in the report (stored XSS), and the page runs no script."""

import csv
import shutil
from html.parser import HTMLParser

import nbformat
import pytest
import yaml

from hemisphere import catalogue, paths
from hemisphere.build import assemble, sanitize
from hemisphere.build.config import Report, Section
from hemisphere.prose import literal, markdown_html

# Test payloads (not data): each would run script or load something if it reached the page as markup.
PAYLOADS = (
    "<script>alert('xss1')</script>",
    "<img src=x onerror=alert('xss2')>",
    "[click](javascript:alert('xss3'))",
    '"><svg onload=alert(\'xss4\')>',
)
SHORT_PAYLOAD = "<img src=x onerror=alert(5)>"


class LiveMarkup(HTMLParser):
    """Collects whatever in a page could run: script elements, on* handlers, script URLs."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "iframe", "object", "embed", "svg"):
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on"):
                self.found.append(f"{tag} {name}=")
            if name in ("href", "src", "action", "formaction") and value.startswith(("javascript:", "vbscript:", "data:text")):
                self.found.append(f"{tag} {name}={value[:30]}")
            if name in ("src",) and tag == "img" and not value.startswith(("data:image/", "hemisphere-chart:")):
                self.found.append(f"img src={value[:30]}")

    handle_startendtag = handle_starttag


def live_markup(page: str) -> list[str]:
    scanner = LiveMarkup()
    scanner.feed(page)
    return scanner.found


@pytest.mark.parametrize("payload", PAYLOADS)
def test_sanitizer_leaves_no_live_markup(payload):
    cleaned = sanitize.clean(f"<p>Claim: {payload} and <a href='#ok' onclick='x()'>a link</a></p>")
    assert live_markup(cleaned) == []
    assert '<a href="#ok">a link</a>' in cleaned


def test_sanitizer_keeps_the_report_vocabulary():
    fragment = ('<figure class="chart png-0123abcd" id="chart-venezuela-oil"><img src="data:image/png;base64,AAAA" '
                'alt="A &quot;quoted&quot; alt" loading="lazy"/><figcaption class="source-line">Source: X '
                '<a class="chart-data" href="report_data/venezuela/oil.csv">Chart data (CSV)</a></figcaption></figure>'
                '<div class="table-block short"><table class="data-table"><caption>C</caption><thead><tr><th>A</th>'
                '</tr></thead><tbody><tr><td>1 &lt; 2</td></tr></tbody></table></div>')
    assert sanitize.clean(fragment) == fragment.replace('"/>', '">')


def test_sanitizer_drops_script_and_style_with_their_content_and_data_urls_outside_images():
    cleaned = sanitize.clean("<style>p{}</style><script>evil()</script><a href='data:text/html,x'>x</a>"
                             "<img src='https://tracker.invalid/p.gif'>")
    assert "evil" not in cleaned and "p{}" not in cleaned
    assert "href" not in cleaned and "tracker" not in cleaned


def test_say_renders_markdown_with_raw_html_escaped():
    rendered = markdown_html(f"**Bold** {PAYLOADS[0]} {PAYLOADS[2]}")
    assert "<strong>Bold</strong>" in rendered and "&lt;script&gt;" in rendered
    assert live_markup(rendered) == []


def test_literal_keeps_markdown_punctuation_as_typed():
    typed = "a *b* [c](d) <e> _f_ #g"
    assert markdown_html(literal(typed)) == "<p>a *b* [c](d) &lt;e&gt; _f_ #g</p>"


def _hostile_notebook():
    """A fixture notebook (not data) whose outputs carry payloads in every output type."""
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_markdown_cell("# Fixture chapter"), nbformat.v4.new_code_cell("x")]
    notebook.cells[1].outputs = [
        nbformat.v4.new_output("display_data", {"text/markdown": f"Claim {PAYLOADS[0]} {PAYLOADS[2]}"}),
        nbformat.v4.new_output("display_data", {"text/html": f"<p>Label {PAYLOADS[1]} {PAYLOADS[3]}</p>"}),
        nbformat.v4.new_output("display_data", {"application/javascript": "alert('xss6')", "text/plain": "js"}),
        nbformat.v4.new_output("display_data", {"image/svg+xml": "<svg onload=alert('xss7')></svg>"}),
    ]
    return notebook


def test_assembly_makes_every_output_inert_and_forbids_scripts(tmp_path):
    path = tmp_path / "fixture.ipynb"
    nbformat.write(_hostile_notebook(), path)
    report = Report(title="T", subtitle="S", date="2026-12-01", authors="A", sections=(Section("fixture", {}),))
    page = assemble.export_html(assemble.merge([("fixture", path)]), report)
    assert live_markup(page) == []
    assert "xss6" not in page and "xss7" not in page
    assert "&lt;script&gt;alert" in page  # the payload shows as text, it is not silently lost
    assert "Content-Security-Policy" in page and "default-src 'none'" in page


def _free_text_columns(block: dict) -> list[tuple[str, int | None]]:
    """String columns that carry prose (labels, titles, notes, claims), not keys or categories."""
    keys = set(block["schema"].get("primaryKey", []))
    wanted = ("label", "title", "note", "claim", "claimant", "test", "definition", "role_at_time", "notable_names")
    columns = []
    for field in block["schema"]["fields"]:
        constraints = field.get("constraints", {})
        words = field["name"].split("_")
        if (field.get("type", "string") == "string" and field["name"] not in keys and "enum" not in constraints
                and "pattern" not in constraints and not constraints.get("unique")
                and words[-1] not in ("column", "id", "ids") and any(word in field["name"] for word in wanted)):
            # Short labels (a theme's title on a chart axis) get the short payload.
            limit = constraints.get("maxLength") or (40 if field["name"] == "title" else None)
            columns.append((field["name"], limit))
    return columns


def _poison(value: str, index: int, limit: int | None) -> str:
    if not value:
        return value
    payload = PAYLOADS[index % len(PAYLOADS)]
    if limit is not None and len(value) + len(payload) + 1 > limit:
        payload = SHORT_PAYLOAD
        return (value[: max(0, limit - len(payload) - 1)] + " " + payload)[:limit]
    return f"{value} {payload}"


@pytest.fixture(scope="module")
def hostile_data(tmp_path_factory):
    """A copy of data/ with a payload in every free-text cell and in the catalogue's prose."""
    copy = tmp_path_factory.mktemp("hostile") / "data"
    shutil.copytree(paths.DATA, copy)
    poisoned = 0
    for block in catalogue.resources():
        columns = dict(_free_text_columns(block))
        if not columns:
            continue
        target = copy / block["path"]
        with open(target, newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
            fields = list(rows[0].keys()) if rows else []
        for number, row in enumerate(rows):
            for column, limit in columns.items():
                if row.get(column):
                    row[column] = _poison(row[column], number, limit)
                    poisoned += 1
        with open(target, "w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
    descriptor = yaml.safe_load((copy / "datapackage.yaml").read_text(encoding="utf-8"))
    for number, block in enumerate(descriptor["resources"]):
        block["title"] = f"{block['title']} {PAYLOADS[number % len(PAYLOADS)]}"
        block["caveats"] = [f"{c} {PAYLOADS[(number + 1) % len(PAYLOADS)]}" for c in block.get("caveats", [])]
    (copy / "datapackage.yaml").write_text(yaml.safe_dump(descriptor, sort_keys=False, allow_unicode=True),
                                           encoding="utf-8")
    assert poisoned > 500  # the test would prove nothing if it poisoned nothing
    return copy


def test_the_report_built_from_hostile_data_has_no_live_markup(hostile_data, tmp_path, monkeypatch):
    from hemisphere.build.pipeline import build_report

    monkeypatch.setenv("HEMISPHERE_DATA_DIR", str(hostile_data))
    monkeypatch.setattr(paths, "DATA", hostile_data)
    monkeypatch.setattr(paths, "DATAPACKAGE", hostile_data / "datapackage.yaml")
    monkeypatch.setattr(paths, "EVENTS", hostile_data / "events.csv")
    monkeypatch.setattr(paths, "BUILD", tmp_path / "build")
    monkeypatch.setattr(paths, "FIGURES", tmp_path / "figures")
    catalogue_cache = getattr(catalogue, "_load_cached", None)
    if catalogue_cache is not None and hasattr(catalogue_cache, "cache_clear"):
        catalogue_cache.cache_clear()
    page = build_report(jobs=2, progress=False).html.read_text(encoding="utf-8")
    assert live_markup(page) == []
    shown = sum(page.count(marker) for marker in ("alert('xss1')", "onerror=alert"))
    assert shown > 10  # the payloads reached the page, as text
