"""How full each page of a built PDF is: `python benchmarks/page_fill.py build/report.pdf [--below 0.75]`.

Measures, with pypdf alone, how far down each page text and images reach (the page number in the
footer left out), as a share of the text area (A4 less the report's 22 mm top and 20 mm bottom
margins), and lists the pages filled less than `--below` that do not end a chapter (the page
before a chapter's first page, found from the PDF's outline, or the last page). Exit status 1
when there are any, so it can guard a build.
"""

from __future__ import annotations

import argparse
import sys

from pypdf import PdfReader

MM = 72 / 25.4
TOP_MARGIN, BOTTOM_MARGIN = 22 * MM, 20 * MM


def lowest_drawn(page) -> list[float]:
    """The heights (PDF points from the bottom edge) at which text lines and images are drawn."""
    found = []

    def before(operator, arguments, cm, tm):
        if operator == b"Do":  # an image: the unit square mapped by the current matrix
            found.append(min(cm[5], cm[5] + cm[3]))

    def text(content, cm, tm, font, size):
        if content.strip():
            found.append(tm[5] * cm[3] + tm[4] * cm[1] + cm[5])

    page.extract_text(visitor_operand_before=before, visitor_text=text)
    return found


def chapter_starts(reader: PdfReader) -> set[int]:
    """1-based numbers of the pages the outline's top-level entries (the chapters) open on."""
    return {reader.get_destination_page_number(item) + 1 for item in reader.outline if not isinstance(item, list)}


def fills(path: str) -> list[tuple[int, float, bool]]:
    """(page number, share of the text area filled, whether the page ends a chapter) per page."""
    reader = PdfReader(path)
    starts, count, result = chapter_starts(reader), len(reader.pages), []
    for number, page in enumerate(reader.pages, start=1):
        height = float(page.mediabox.height)
        top, bottom = height - TOP_MARGIN, BOTTOM_MARGIN
        drawn = [y for y in lowest_drawn(page) if y > bottom - 2]
        share = (top - min(drawn)) / (top - bottom) if drawn else 0.0
        result.append((number, share, (number + 1) in starts or number == count))
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdf")
    parser.add_argument("--below", type=float, default=0.75)
    args = parser.parse_args(argv)
    pages = fills(args.pdf)
    low = [(n, share) for n, share, ends in pages if share < args.below and not ends and n > 2]
    print(f"{len(pages)} pages; {len(low)} below {args.below:.0%} filled outside chapter ends"
          + (": " + ", ".join(f"p.{n} ({share:.0%})" for n, share in low) if low else ""))
    return 1 if low else 0


if __name__ == "__main__":
    sys.exit(main())
