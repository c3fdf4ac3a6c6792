"""PDF from the report page with WeasyPrint: A4, page numbers, running chapter header.

WeasyPrint reads the same HTML as the browser (its print stylesheet gives the page layout and
the contents' page numbers) and produces byte-identical files from identical input.
"""

from __future__ import annotations

import logging
from pathlib import Path


def write_pdf(page: str, target: Path, base: Path) -> None:
    from weasyprint import HTML

    # WeasyPrint warns about CSS it ignores (browser-only properties); they are not errors here.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    HTML(string=page, base_url=str(base)).write_pdf(str(target))
