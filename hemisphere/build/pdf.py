"""PDF from the report page with WeasyPrint: A4, page numbers, running chapter header.

WeasyPrint reads the same HTML as the browser (its print stylesheet gives the page layout and
the contents' page numbers) and produces byte-identical files from identical input.
"""

from __future__ import annotations

import contextlib
import html
import io
import logging
import os
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from hemisphere.anchors import png_token
from hemisphere.build import html_scan

# A chart's figure id names its file: chart-THEME-NAME -> figures/THEME/NAME.png.
_CHART_ID = re.compile(r"chart-(?P<theme>[a-z]+(?:_[a-z]+)*)-(?P<name>[a-z0-9_]+)")
# Charts handed to WeasyPrint under names that do not depend on where the repository lives.
CHART_SCHEME = "hemisphere-chart"
# Near-lossless: full colour resolution (no chroma subsampling) keeps thin lines and small text clean.
JPEG_OPTIONS = {"format": "jpeg", "quality": 90, "subsampling": 0}
# What the PDF step may read: the page's own data, local files, the charts. Never the network.
ALLOWED_PROTOCOLS = ("data", "file", CHART_SCHEME)


def write_pdf(page: str, target: Path, base: Path, figures: Path | None = None) -> None:
    """Render `page` to `target`; charts found under `figures` are printed from there."""
    from weasyprint import HTML

    # WeasyPrint warns about CSS it ignores (browser-only properties); they are not errors here.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    page, charts = print_chart_images(page, figures) if figures is not None else (page, {})
    page = unlink_relative_files(page)
    options = {"pdf_variant": PDF_VARIANT, "pdf_tags": True}
    with _pinned_font_subsetter():
        document = HTML(string=page, base_url=str(base), url_fetcher=_fetcher(charts)).render(**options)
        for _ in range(FIT_PASSES):
            fits = chart_fits(document)
            if not fits:
                break
            page = fit_charts(page, fits)
            document = HTML(string=page, base_url=str(base), url_fetcher=_fetcher(charts)).render(**options)
        document.write_pdf(str(target), **options)


# Tagged PDF for screen readers (headings, lists, tables, figures with their alt text).
PDF_VARIANT = "pdf/ua-1"


# A chart too tall for the rest of a page moves to the next and leaves a gap. After a first layout,
# each chart that left a gap of at least FIT_MIN_GAP of the page is fitted to it: printed smaller,
# just enough, if it keeps at least FIT_MIN_SHARE of its height (below that its text gets too small
# to read); otherwise, as print does with floats, the paragraphs that follow it are moved ahead of
# it as far as they fill the gap (never past a heading, table or other chart), and the chart opens
# the next page. Each fit moves what follows, so the layout is checked again, FIT_PASSES times.
FIT_MIN_GAP = 0.12
FIT_MIN_SHARE = 0.72
FIT_PASSES = 3
FIT_SAFETY_PX = 6
_TEXT_BLOCKS = ("p", "ul", "ol")
_BLOCKS = _TEXT_BLOCKS + ("h1", "h2", "h3", "h4", "table", "figure", "pre", "nav", "section")


def _boxes(box):
    yield box
    for child in getattr(box, "children", None) or ():
        yield from _boxes(child)


def _blocks_after(root, figure_box):
    """The text blocks (tag, element, height) that follow `figure_box` on its page, up to the first other block."""
    from weasyprint.formatting_structure import boxes

    found, seen, stack = [], False, [root]
    while stack:
        box = stack.pop()
        if box is figure_box:
            seen = True
            continue
        if isinstance(box, boxes.BlockBox) and box.element_tag in _BLOCKS and box.element is not None:
            if seen:
                if box.element_tag not in _TEXT_BLOCKS:
                    break
                found.append((box.element_tag, box.element, box.margin_height()))
            continue
        stack.extend(reversed(getattr(box, "children", None) or ()))
    return found


def page_layout(document) -> list[dict]:
    """Per laid-out page: the content area's top and bottom, the lowest content drawn, the first chart.

    Lengths are CSS pixels from the page's top edge. The first chart is a dict (figure id, its
    top and bottom from the content area's top, its image's height, the text blocks after it).
    """
    from weasyprint.formatting_structure import boxes

    leaves = (boxes.LineBox, boxes.ReplacedBox, boxes.TableRowBox)
    pages = []
    for page in document.pages:
        page_box = page._page_box
        root = page_box.children[0]  # the root element; the other children are margin boxes
        top = page_box.content_box_y()
        bottom = top + page_box.height
        lowest, first = top, None
        for box in _boxes(root):
            if isinstance(box, leaves):
                lowest = max(lowest, box.position_y + box.margin_height())
            element = getattr(box, "element", None)
            if (first is None and isinstance(box, boxes.BlockBox) and box.element_tag == "figure"
                    and "chart" in (element.get("class") or "").split()):
                images = [b for b in _boxes(box) if isinstance(b, boxes.ReplacedBox)]
                if images:
                    first = {"id": element.get("id"), "top": box.position_y - top,
                             "bottom": box.position_y + box.margin_height() - top,
                             "image_height": images[0].height, "after": _blocks_after(root, box),
                             "root": root.element}
        pages.append({"top": top, "bottom": bottom, "lowest": lowest, "first_chart": first})
    return pages


def chart_fits(document) -> dict[str, tuple[str, object]]:
    """How to fit each chart that left a gap on the page before it.

    Returns figure id -> ("shrink", image height in px) or ("defer", (tag, index)): print the
    chart after the index-th element of that tag in the page, counted from 0 in document order.
    """
    pages = page_layout(document)
    fits = {}
    for before, page in zip(pages, pages[1:]):
        chart = page["first_chart"]
        gap = before["bottom"] - before["lowest"]
        if chart is None or not chart["id"] or gap < FIT_MIN_GAP * (before["bottom"] - before["top"]):
            continue
        if chart["top"] > FIT_SAFETY_PX:
            continue  # not pushed alone: a heading or text opens the page
        height = chart["image_height"] - (chart["bottom"] - gap + FIT_SAFETY_PX)
        if height >= FIT_MIN_SHARE * chart["image_height"]:
            fits[chart["id"]] = ("shrink", height)
            continue
        room, last = gap - FIT_SAFETY_PX, None
        for tag, element, block_height in chart["after"]:
            if block_height > room:
                break
            room -= block_height
            last = (tag, element)
        if last is not None:
            tag, element = last
            index = next(i for i, e in enumerate(chart["root"].iter(tag)) if e is element)
            fits[chart["id"]] = ("defer", (tag, index, "".join(element.itertext())))
    return fits


def fit_charts(page: str, fits: dict[str, tuple[str, object]]) -> str:
    """The page with each chart in `fits` printed smaller (it narrows in proportion) or after the text that follows it."""
    replacements, moves, figure = [], [], None
    for element in html_scan.find(page, ("figure", "img")):
        if element.tag == "figure":
            figure = element if element.attrs.get("id") in fits else None
            if figure is not None and fits[figure.attrs["id"]][0] == "defer":
                moves.append(figure)
                figure = None
            continue
        if figure is None or not (figure.start < element.start < figure.end):
            continue
        # !important: WeasyPrint lets an id selector in the stylesheet win over a plain inline style.
        attrs = dict(element.attrs, style=f"max-height: {fits[figure.attrs['id']][1]:.1f}px !important")
        tag = "<img" + "".join(f' {k}="{html.escape(v, quote=True)}"' for k, v in attrs.items()) + " />"
        replacements.append((element.start, element.start_end, tag))
        figure = None
    if moves:
        tags = sorted({fits[f.attrs["id"]][1][0] for f in moves})
        found = html_scan.find(page, tags)
        by_tag = {tag: [e for e in found if e.tag == tag] for tag in tags}
        for figure in moves:
            tag, index, text = fits[figure.attrs["id"]][1]
            anchors = by_tag[tag]
            if index >= len(anchors) or _squash(anchors[index].text) != _squash(text):
                continue  # the two parsers disagree about this element: leave the chart where it is
            target = anchors[index]
            if target.start < figure.end_end:
                continue
            replacements.append((figure.start, figure.end_end, ""))
            replacements.append((target.end_end, target.end_end, page[figure.start:figure.end_end]))
    return html_scan.splice(page, replacements)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@contextlib.contextmanager
def _pinned_font_subsetter():
    """Subset fonts with fontTools (pinned in the lock), even where libharfbuzz-subset is installed.

    Why: WeasyPrint prefers the system's HarfBuzz subsetter when it finds one, and the two give
    different font bytes, so the same inputs gave different PDFs on machines with and without
    Debian's libharfbuzz-subset0. fontTools keeps the PDF a function of the lock alone.
    """
    from weasyprint.pdf import fonts

    found, fonts.harfbuzz_subset = fonts.harfbuzz_subset, None
    # fontTools stamps each subset font's 'head' table with the time unless SOURCE_DATE_EPOCH is set.
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = epoch or "0"
    weasy = logging.getLogger("weasyprint")
    quiet = logging.Filter()
    quiet.filter = lambda record: "HarfBuzz-Subset" not in record.getMessage()
    weasy.addFilter(quiet)
    try:
        yield
    finally:
        fonts.harfbuzz_subset = found
        weasy.removeFilter(quiet)
        if epoch is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)


def unlink_relative_files(page: str) -> str:
    """Links to files beside the page (report_data/..., briefs/...) printed as text, not as links.

    Why: WeasyPrint turns a relative link into an absolute file address under the folder it was
    built in, so the PDF's bytes (and its links) would depend on where the build ran.
    """
    replacements = []
    for element in html_scan.find(page, ("a",)):
        href = element.attrs.get("href", "")
        if href and not href.startswith(("#", "http://", "https://", "mailto:")):
            attrs = {k: v for k, v in element.attrs.items() if k != "href"}
            tag = "<a" + "".join(f' {k}="{html.escape(v, quote=True)}"' for k, v in attrs.items()) + ">"
            replacements.append((element.start, element.start_end, tag))
    return html_scan.splice(page, replacements)


def print_chart_images(page: str, figures: Path) -> tuple[str, dict[str, bytes]]:
    """The page with each chart pointing at a JPEG of its PNG under `figures/<theme>/<name>.png`.

    Why: WeasyPrint decodes and re-compresses every PNG it prints (a third of the PDF step),
    while it copies JPEG data as it is; and fetched images spare it parsing megabytes of
    base64. A chart is swapped only when its figure's `png-` class matches the file's content
    (charts.png_token), so the PDF shows the chart the page was made with. The figure and image
    are found with an HTML parser, whatever the order of their attributes. Returns the page and
    the JPEG bytes by address.
    """
    replacements, sources = [], {}
    figure = None
    for element in html_scan.find(page, ("figure", "img")):
        if element.tag == "figure":
            figure = element if "chart" in element.classes else None
            continue
        if figure is None or not (figure.start < element.start < figure.end):
            continue
        match = _CHART_ID.fullmatch(figure.attrs.get("id", ""))
        tokens = [c for c in figure.classes if c.startswith("png-")]
        if not match or not tokens:
            continue
        path = figures / match["theme"] / f"{match['name']}.png"
        if not path.is_file() or png_token(path.read_bytes()) != tokens[0]:
            continue  # not the file this page was made with: print the embedded image instead
        url = f"{CHART_SCHEME}:{match['theme']}/{match['name']}.jpg"
        sources[url] = path
        attrs = dict(element.attrs, src=url)
        tag = "<img" + "".join(f' {k}="{html.escape(v, quote=True)}"' for k, v in attrs.items()) + " />"
        replacements.append((element.start, element.start_end, tag))
    with ThreadPoolExecutor() as pool:  # Pillow encodes outside the GIL
        encoded = dict(zip(sources, pool.map(_jpeg_bytes, sources.values())))
    return html_scan.splice(page, replacements), encoded


def _jpeg_bytes(png: Path) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    with Image.open(png) as image:
        image.convert("RGB").save(buffer, **JPEG_OPTIONS)
    return buffer.getvalue()


def _fetcher(charts: dict[str, bytes]):
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class ReportFetcher(URLFetcher):
        """Serves the charts from memory and refuses any address outside ALLOWED_PROTOCOLS."""

        def fetch(self, url, headers=None):
            if url in charts:
                return URLFetcherResponse(url, charts[url], headers={"Content-Type": "image/jpeg"})
            return super().fetch(url, headers)

    return ReportFetcher(allowed_protocols=ALLOWED_PROTOCOLS)
