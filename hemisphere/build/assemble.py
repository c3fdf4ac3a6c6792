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
from hemisphere.build.config import Report

TEMPLATES = Path(__file__).parent / "templates"
DROPPED_TAGS = {"parameters", "injected-parameters"}


def merge(executed: list[tuple[str, Path]]) -> nbformat.NotebookNode:
    """One notebook from many, without code-only cells, warnings or run-specific metadata."""
    merged = nbformat.v4.new_notebook()
    merged.metadata = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
                       "language_info": {"name": "python"}}
    for section_number, (notebook, path) in enumerate(executed, start=1):
        source = nbformat.read(path, as_version=4)
        for cell_number, cell in enumerate(source.cells, start=1):
            if DROPPED_TAGS & set(cell.metadata.get("tags", [])):
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
    css = (TEMPLATES / "hemisphere" / "report.css").read_text(encoding="utf-8")
    merged.metadata["title"] = report.title
    body, _ = exporter.from_notebook_node(merged, resources={"hemisphere_css": css})
    body = _strip_css_comment_urls(body)
    body, contents = _anchor_headings(body, [section.notebook for section in report.sections])
    front = _title_page(report) + _table_of_contents(contents)
    return body.replace("<main>", "<main>\n" + front, 1)


HEADING = re.compile(r"<h([12])([^>]*)>(.*?)</h\1>", re.S)
ANCHOR_LINK = re.compile(r'<a class="anchor-link"[^>]*>.*?</a>', re.S)


def _anchor_headings(page: str, chapters: list[str]) -> tuple[str, list[tuple[int, str, str]]]:
    """Give chapters (each notebook's one H1, in order) and their sections unique, stable anchors."""
    contents: list[tuple[int, str, str]] = []
    counters = {"chapter": 0}
    used: set[str] = set()

    def chapter_id() -> str:
        number = counters["chapter"]
        return anchors.chapter_anchor(chapters[number - 1]) if 0 < number <= len(chapters) else f"chapter-{number}"

    def replace(match: re.Match) -> str:
        level, inner = int(match.group(1)), ANCHOR_LINK.sub("", match.group(3)).strip()
        text = html.unescape(re.sub(r"<[^>]+>", "", inner))
        if level == 1:
            counters["chapter"] += 1
            anchor = chapter_id()
        else:
            anchor = anchors.section_anchor(chapter_id(), text)
        unique, n = anchor, 1
        while unique in used:
            n += 1
            unique = f"{anchor}-{n}"
        used.add(unique)
        anchor = unique
        contents.append((level, anchor, html.escape(text)))
        return f'<h{level} id="{anchor}">{inner}</h{level}>'

    return HEADING.sub(replace, page), contents


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
    rows = "".join(
        f"<tr><td>{html.escape(section.notebook)}</td><td>"
        + (html.escape(", ".join(f"{k} = {_show(v)}" for k, v in section.parameters.items())) or "none")
        + "</td></tr>"
        for section in report.sections
    )
    return (
        '<section class="title-page">'
        f'<p class="report-title">{html.escape(report.title)}</p>'
        f'<p class="report-subtitle">{html.escape(report.subtitle)}</p>'
        f'<p class="report-meta">{html.escape(report.authors)} · Edition of {html.escape(report.date)}</p>'
        '<table class="data-table"><caption>Parameters used in this edition</caption>'
        f"<thead><tr><th>Chapter notebook</th><th>Parameters</th></tr></thead><tbody>{rows}</tbody></table>"
        "</section>"
    )


def _show(value) -> str:
    return ", ".join(value) if isinstance(value, list) else str(value)


def _strip_css_comment_urls(page: str) -> str:
    """Third-party CSS comments cite their homepages; a self-contained page names no server."""
    return re.sub(r"/\*.*?\*/", lambda m: re.sub(r"https?://\S+", "", m.group(0)), page, flags=re.S)
