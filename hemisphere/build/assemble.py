"""Merge executed notebooks into one report page: title page, contents, chapters, appendix.

One nbconvert pass over one merged notebook keeps the styling consistent across chapters;
the page is then given stable heading anchors and a table of contents.
"""

from __future__ import annotations

import copy
import html
import re
from pathlib import Path

import nbformat

from hemisphere import anchors
from hemisphere.build import html_scan, sanitize
from hemisphere.build.config import Report

TEMPLATES = Path(__file__).parent / "templates"
DROPPED_TAGS = {"parameters", "injected-parameters"}
# Output types the report shows; anything else (scripts, widgets, inline SVG, LaTeX) is dropped.
KEPT_MIMETYPES = ("text/html", "text/markdown", "text/plain", "image/png", "image/jpeg")
# The page needs no script and loads nothing: images are embedded, styles inline.
CONTENT_SECURITY_POLICY = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
                           "base-uri 'none'; form-action 'none'")


def merge(executed: list[tuple[str, Path]]) -> nbformat.NotebookNode:
    """One notebook from many, without code-only cells, warnings or run-specific metadata."""
    merged = nbformat.v4.new_notebook()
    merged.metadata = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
                       "language_info": {"name": "python"}}
    for section_number, (notebook, path) in enumerate(executed, start=1):
        source = nbformat.read(path, as_version=4)
        for cell_number, cell in enumerate(source.cells, start=1):
            if DROPPED_TAGS & set(cell.metadata.get("tags", [])) or cell.cell_type == "raw":
                continue
            cell = copy.deepcopy(cell)
            cell.id = f"{notebook}-{cell_number}"  # stable anchors: papermill ids are random
            cell.metadata = {key: value for key, value in cell.metadata.items() if key in ("tags",)}
            if cell.cell_type == "code":
                cell.outputs = [o for o in cell.outputs if not (o.output_type == "stream" and o.name == "stderr")]
                cell.execution_count = None
                for output in cell.outputs:
                    if "execution_count" in output:
                        output.execution_count = None
                if not cell.outputs:
                    continue
            merged.cells.append(cell)
    return merged


def _sanitizer():
    """nbconvert preprocessor: every output's HTML rebuilt from an allow-list (hemisphere.build.sanitize).

    Markdown outputs are rendered here with raw HTML escaped, so text from data never reaches the
    page as markup, whichever cell displayed it and however it was displayed.
    """
    from nbconvert.preprocessors import Preprocessor

    from hemisphere.prose import markdown_html

    class SanitizeOutputs(Preprocessor):
        def preprocess_cell(self, cell, resources, index):
            if cell.cell_type != "code":
                return cell, resources
            kept = []
            for output in cell.outputs:
                if "data" not in output:
                    kept.append(output)
                    continue
                data = {key: value for key, value in output.data.items() if key in KEPT_MIMETYPES}
                if "text/markdown" in data:
                    data["text/html"] = markdown_html(_text(data.pop("text/markdown")))
                if "text/html" in data and 'class="dataframe' in _text(data["text/html"]):
                    continue  # a raw DataFrame shown for analysts in JupyterLab; readers get captioned tables
                if "text/html" in data:
                    data["text/html"] = sanitize.clean(_text(data["text/html"]))
                output.data = nbformat.from_dict(data)
                if data:
                    kept.append(output)
            cell.outputs = kept
            return cell, resources

    return SanitizeOutputs


def _text(value) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def export_html(merged: nbformat.NotebookNode, report: Report) -> str:
    """nbconvert with our template: code hidden, nothing loaded from a server.

    Anchors come from hemisphere.anchors (`#eradication_pressure`,
    `#eradication_pressure--two-ways-of-counting-coca`), so one chapter can link to another.
    """
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        extra_template_basedirs=[str(TEMPLATES)],
        template_name="hemisphere",
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    exporter.register_preprocessor(_sanitizer(), enabled=True)
    css = (TEMPLATES / "hemisphere" / "report.css").read_text(encoding="utf-8")
    merged.metadata["title"] = report.title
    body, _ = exporter.from_notebook_node(merged, resources={"hemisphere_css": css,
                                                             "hemisphere_csp": CONTENT_SECURITY_POLICY})
    body = _strip_css_comment_urls(body)
    body = body.replace("</main>", _edition_parameters(report) + "\n</main>", 1)
    body, contents = _anchor_headings(body, [section.notebook for section in report.sections])
    front = _title_page(report) + _table_of_contents(contents)
    return body.replace("<main>", "<main>\n" + front, 1)


def _anchor_headings(page: str, chapters: list[str]) -> tuple[str, list[tuple[int, str, str]]]:
    """Give chapters (each notebook's one H1, in order) and their sections unique, stable anchors.

    Headings are found with an HTML parser (html_scan), so their attributes may come in any order;
    nbconvert's own pilcrow links inside them are dropped.
    """
    contents: list[tuple[int, str, str]] = []
    used: set[str] = set()
    chapter = 0
    replacements = []
    headings = html_scan.find(page, ("h1", "h2"), skip_text_of=lambda e: e.tag == "a" and "anchor-link" in e.classes)
    for heading in headings:
        level, text = int(heading.tag[1]), heading.text.strip()
        if level == 1:
            chapter += 1
        current = anchors.chapter_anchor(chapters[chapter - 1]) if 0 < chapter <= len(chapters) else f"chapter-{chapter}"
        anchor = current if level == 1 else anchors.section_anchor(current, text)
        unique, n = anchor, 1
        while unique in used:
            n += 1
            unique = f"{anchor}-{n}"
        used.add(unique)
        contents.append((level, unique, html.escape(text)))
        inner = heading.inner(page).strip()
        replacements.append((heading.start, heading.end_end, f'<h{level} id="{unique}">{inner}</h{level}>'))
    return html_scan.splice(page, replacements), contents


def _table_of_contents(contents: list[tuple[int, str, str]]) -> str:
    items, open_chapter = [], False
    for level, anchor, text in contents:
        link = f'<a href="#{anchor}">{text}</a>'
        if level == 1:
            if open_chapter:
                items.append("</ol></li>")
            items.append(f'<li class="toc-chapter">{link}<ol>')
            open_chapter = True
        else:
            items.append(f'<li class="toc-section">{link}</li>')
    if open_chapter:
        items.append("</ol></li>")
    return f'<nav class="toc" id="contents"><h2>Contents</h2><ol>{"".join(items)}</ol></nav>'


def _title_page(report: Report) -> str:
    """Title, abstract and the edition's scope; the parameters used are listed at the end."""
    abstract = f'<p class="report-abstract">{html.escape(report.abstract)}</p>' if report.abstract else ""
    scope = f'<p class="report-scope">{html.escape(report.scope)}</p>' if report.scope else ""
    return (
        '<section class="title-page">'
        f'<p class="report-title">{html.escape(report.title)}</p>'
        f'<p class="report-subtitle">{html.escape(report.subtitle)}</p>'
        f'<p class="report-meta">{html.escape(report.authors)} · Edition of {html.escape(report.date)}</p>'
        f"{abstract}{scope}{_where_sources_are(report)}"
        '<p class="report-briefs">A brief for each country of Latin America and the Caribbean, drawing on '
        'every theme: <a href="briefs/index.html">the country briefs</a> (made beside this report by '
        "<code>make report</code>, or alone by <code>hemisphere briefs</code>).</p>"
        "</section>"
    )


def _where_sources_are(report: Report) -> str:
    if report.sources_url:
        link = html.escape(report.sources_url, quote=True)
        return (f'<p class="report-sources">Data, code and notebooks: <a href="{link}">{html.escape(report.sources_url)}</a>. '
                "Every chart's data is published beside this page under report_data/.</p>")
    return ('<p class="report-sources">The data, code and notebooks behind this edition are not yet at a public '
            "address. They come as one repository: ask the authors for a copy, then run <code>make report</code> "
            "to rebuild this report exactly (see Sources and methods). Every chart's data is published beside "
            "this page under report_data/.</p>")


def _edition_parameters(report: Report) -> str:
    """The parameters each chapter ran with, as the last section of the appendix."""
    rows = "".join(
        f"<tr><td>{html.escape(section.notebook)}</td><td>"
        + (html.escape(", ".join(f"{k} = {_show(v)}" for k, v in section.parameters.items())) or "none")
        + "</td></tr>"
        for section in report.sections
    )
    return (
        '<h2>Parameters used in this edition</h2>'
        '<p>Each chapter is a notebook run with these parameters; <code>hemisphere run</code> re-runs one with others.</p>'
        '<div class="table-block short"><table class="data-table short"><caption>Chapter notebooks and their parameters</caption>'
        f"<thead><tr><th>Chapter notebook</th><th>Parameters</th></tr></thead><tbody>{rows}</tbody></table></div>"
    )


def _show(value) -> str:
    return ", ".join(value) if isinstance(value, list) else str(value)


def _strip_css_comment_urls(page: str) -> str:
    """Third-party CSS comments cite their homepages; a self-contained page names no server."""
    return re.sub(r"/\*.*?\*/", lambda m: re.sub(r"https?://\S+", "", m.group(0)), page, flags=re.S)
