"""Stable anchors for chapters and sections, so one chapter can link to another's evidence.

A chapter's anchor is its notebook's name; a section's is the notebook's name and the
heading's words (`northern_triangle--border-encounters`), so links survive reordering.
"""

from __future__ import annotations

import re
import unicodedata


def slug(text: str) -> str:
    """Lowercase ASCII words joined by hyphens: 'Border encounters, 2017' -> 'border-encounters-2017'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "section"


def chapter_anchor(notebook: str) -> str:
    return notebook


def section_anchor(notebook: str, heading: str) -> str:
    return f"{notebook}--{slug(heading)}"


def png_token(png: bytes) -> str:
    """A class naming a chart PNG's content: the PDF step prints a chart only from the same file."""
    import hashlib

    return "png-" + hashlib.sha256(png).hexdigest()[:16]
def chapter_title(notebook: str) -> str:
    """A chapter's title: its notebook's first `# ` heading (recorded as an input, hemisphere.deps)."""
    import json

    from hemisphere import deps, paths

    with deps.standing_for("title", notebook):
        cells = json.loads((paths.NOTEBOOKS / f"{notebook}.ipynb").read_text(encoding="utf-8"))["cells"]
    for cell in cells:
        text = "".join(cell["source"])
        if cell["cell_type"] == "markdown" and text.startswith("# "):
            return text.splitlines()[0][2:].strip()
    raise ValueError(f"notebook {notebook!r} has no '# ' chapter title")
