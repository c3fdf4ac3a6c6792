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
    with _pinned_font_subsetter():
        HTML(string=page, base_url=str(base), url_fetcher=_fetcher(charts)).write_pdf(
            str(target), pdf_variant=PDF_VARIANT, pdf_tags=True)


# Tagged PDF for screen readers (headings, lists, tables, figures with their alt text).
PDF_VARIANT = "pdf/ua-1"


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
