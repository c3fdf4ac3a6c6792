"""Find elements in the assembled page with an HTML parser, and splice replacements in.

Why not regular expressions: nbconvert and the chart code decide attribute order, quoting and
whitespace; a pattern written against today's markup silently stops matching when any of
those change. The parser reads attributes by name, whatever their order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
import re
from html.parser import HTMLParser


@dataclass
class Element:
    """One element: its tag, attributes, where its start and end tags lie, and its text."""

    tag: str
    attrs: dict[str, str]
    start: int          # offset of '<' of the start tag
    start_end: int      # offset just past the start tag's '>'
    end: int = -1       # offset of '</' of the end tag (start_end for void elements)
    end_end: int = -1   # offset just past the end tag's '>'
    text_parts: list[str] = field(default_factory=list)
    skipped: list["Element"] = field(default_factory=list)  # inner elements whose text is left out

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    @property
    def text(self) -> str:
        return "".join(self.text_parts)

    def inner(self, page: str) -> str:
        """The element's inner HTML with the skipped inner elements cut out."""
        pieces, at = [], self.start_end
        for inner in sorted(self.skipped, key=lambda e: e.start):
            pieces.append(page[at:inner.start])
            at = inner.end_end
        pieces.append(page[at:self.end])
        return "".join(pieces)


VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"})


class _Scanner(HTMLParser):
    def __init__(self, page: str, wanted: frozenset[str], skip_text_of) -> None:
        super().__init__(convert_charrefs=True)
        self.page, self.wanted, self.skip_text_of = page, wanted, skip_text_of
        self.line_starts = [0] + [match.end() for match in re.finditer("\n", page)]
        self.found: list[Element] = []
        self.open: list[Element] = []      # wanted elements being read
        self.skipping: list[Element] = []  # inner elements whose text is not collected

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        start = self._offset()
        element = Element(tag, {k: v or "" for k, v in attrs}, start, start + len(self.get_starttag_text()))
        if self.open and self.skip_text_of(element):
            self.open[-1].skipped.append(element)
            if tag not in VOID:
                self.skipping.append(element)
            else:
                element.end = element.end_end = element.start_end
        if tag in self.wanted:
            self.found.append(element)
            if tag in VOID:
                element.end = element.end_end = element.start_end
            else:
                self.open.append(element)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        for stack in (self.open, self.skipping):
            if stack and stack[-1].tag == tag and stack[-1].end < 0:
                stack[-1].end = stack[-1].end_end = stack[-1].start_end
                stack.pop()

    def handle_endtag(self, tag):
        at = self._offset()
        close = self.page.index(">", at) + 1
        for stack in (self.skipping, self.open):
            if stack and stack[-1].tag == tag:
                element = stack.pop()
                element.end, element.end_end = at, close

    def handle_data(self, data):
        if self.open and not self.skipping:
            for element in self.open:
                element.text_parts.append(data)


def find(page: str, tags, skip_text_of=lambda element: False) -> list[Element]:
    """Every element of the given tags, in document order; `skip_text_of(inner)` leaves an inner
    element's text out of its container's text (and out of `inner()`)."""
    scanner = _Scanner(page, frozenset(tags), skip_text_of)
    scanner.feed(page)
    scanner.close()
    return [element for element in scanner.found if element.end >= 0]


def splice(page: str, replacements: list[tuple[int, int, str]]) -> str:
    """The page with each (start, end) span replaced; spans must not overlap."""
    pieces, at = [], 0
    for start, end, text in sorted(replacements):
        if start < at:
            raise ValueError(f"overlapping replacements at offset {start}")
        pieces.append(page[at:start])
        pieces.append(text)
        at = end
    pieces.append(page[at:])
    return "".join(pieces)
