"""PDF from the report page with WeasyPrint: A4, page numbers, running chapter header.

WeasyPrint reads the same HTML as the browser (its print stylesheet gives the page layout and
the contents' page numbers) and produces byte-identical files from identical input.
"""

from __future__ import annotations

import base64
import io
import logging
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

# A chart as the page embeds it: <figure class="chart" id="chart-THEME-NAME"><img alt=... src="data:...">
_CHART_IMAGE = re.compile(
    r'(<figure class="chart" id="chart-(?P<theme>[a-z_]+)-(?P<name>[a-z0-9_]+)"><img alt="[^"]*" src=")'
    r'data:image/png;base64,(?P<data>[^"]*)"'
)
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
    HTML(string=page, base_url=str(base), url_fetcher=_fetcher(charts)).write_pdf(str(target))


def print_chart_images(page: str, figures: Path) -> tuple[str, dict[str, bytes]]:
    """The page with each chart pointing at a JPEG of its PNG under `figures/<theme>/<name>.png`.

    Why: WeasyPrint decodes and re-compresses every PNG it prints (a third of the PDF step),
    while it copies JPEG data as it is; and fetched images spare it parsing megabytes of
    base64. Only a chart whose file holds exactly the embedded image is swapped, so the PDF
    shows what the HTML shows. Returns the page and the JPEG bytes by address.
    """
    swapped: dict[int, tuple[str, Path]] = {}
    for match in _CHART_IMAGE.finditer(page):
        path = figures / match["theme"] / f"{match['name']}.png"
        if path.is_file() and base64.b64encode(path.read_bytes()).decode("ascii") == match["data"]:
            swapped[match.start()] = (f"{CHART_SCHEME}:{match['theme']}/{match['name']}.jpg", path)
    with ThreadPoolExecutor() as pool:  # Pillow encodes outside the GIL
        encoded = dict(zip((url for url, _ in swapped.values()),
                           pool.map(_jpeg_bytes, (path for _, path in swapped.values()))))

    def replace(match: re.Match) -> str:
        if match.start() not in swapped:
            return match[0]
        return f'{match[1]}{swapped[match.start()][0]}"'

    return _CHART_IMAGE.sub(replace, page), encoded


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
