"""Make every HTML fragment a notebook outputs inert before it reaches the report.

Text from data (claims, event labels, notes, captions) can reach the page through many
sentences and tables. Escaping at each of those places is the first defence; this module is
the second: an allow-list rebuild of each output's HTML with the standard library's parser,
so a `<script>`, an `onerror=` or a `javascript:` link that slipped through is dropped whatever
its attribute order or spelling. What survives is the small vocabulary the report's own
outputs use (paragraphs, links, emphasis, lists, tables, figures with embedded images).
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del", "details",
    "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i",
    "img", "li", "ol", "p", "pre", "section", "small", "span", "strong", "sub", "summary", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})
VOID_TAGS = frozenset({"br", "col", "hr", "img"})
# Elements dropped together with everything inside them (their text is code or styling, not prose);
# any other element not allowed (svg, iframe, form...) loses its tags and keeps its text.
DROPPED_WITH_CONTENT = frozenset({"script", "style", "noscript", "template", "title", "head"})
ATTRIBUTES = {
    "*": frozenset({"class", "id", "title", "lang"}),
    "a": frozenset({"href"}),
    "img": frozenset({"src", "alt", "width", "height", "loading", "decoding"}),
    "td": frozenset({"colspan", "rowspan"}),
    "th": frozenset({"colspan", "rowspan", "scope"}),
    "col": frozenset({"span"}),
    "ol": frozenset({"start"}),
}
# Links: in-page anchors, relative files (report_data/...) and web pages; images: embedded only.
SAFE_HREF = re.compile(r"(#[^\s\"'<>]*|https?://[^\s\"'<>]+|mailto:[^\s\"'<>]+|(?![a-z][a-z0-9+.-]*:)[\w./%?=&#-]+)",
                       re.IGNORECASE)
SAFE_IMAGE = re.compile(r"data:image/(png|jpeg|webp|gif);base64,([A-Za-z0-9+/=\s]+|\ue000\d+\ue001)")
SAFE_TOKEN = re.compile(r"[\w .:,/-]*")  # ids, classes, sizes: no quotes, brackets or URLs


class _Rebuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.open: list[str] = []
        self.dropping = 0  # depth inside a dropped element

    def handle_starttag(self, tag, attrs):
        if tag in DROPPED_WITH_CONTENT:
            self.dropping += 1
            return
        if self.dropping or tag not in ALLOWED_TAGS:
            return
        kept = "".join(f' {name}="{html.escape(value, quote=True)}"'
                       for name, value in attrs if value is not None and _allowed(tag, name, value))
        self.parts.append(f"<{tag}{kept}>")
        if tag not in VOID_TAGS:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in DROPPED_WITH_CONTENT:
            self.dropping -= 1
        elif tag in self.open and tag not in VOID_TAGS and self.open[-1] == tag:
            self.open.pop()
            self.parts.append(f"</{tag}>")

    def handle_endtag(self, tag):
        if tag in DROPPED_WITH_CONTENT:
            self.dropping = max(0, self.dropping - 1)
            return
        if self.dropping or tag not in ALLOWED_TAGS or tag in VOID_TAGS or tag not in self.open:
            return
        while self.open:  # close anything left open inside it, so the output stays well nested
            closing = self.open.pop()
            self.parts.append(f"</{closing}>")
            if closing == tag:
                break

    def handle_data(self, data):
        if not self.dropping:
            self.parts.append(html.escape(data, quote=False))

    def close_all(self) -> str:
        self.close()
        self.parts.extend(f"</{tag}>" for tag in reversed(self.open))
        self.open.clear()
        return "".join(self.parts)


def _allowed(tag: str, name: str, value: str) -> bool:
    if name not in ATTRIBUTES["*"] | ATTRIBUTES.get(tag, frozenset()):
        return False
    if name == "href":
        return bool(SAFE_HREF.fullmatch(value.strip()))
    if name == "src":
        return bool(SAFE_IMAGE.fullmatch(value.strip()))
    if name in ("alt", "title"):
        return True  # free text, escaped on output
    return bool(SAFE_TOKEN.fullmatch(value))


# Embedded images are set aside before parsing: their base64 (hundreds of kilobytes, only
# [A-Za-z0-9+/=]) is all the parser would otherwise spend its time on, and cannot hold markup.
_OPEN, _CLOSE = "\ue000", "\ue001"
_EMBEDDED = re.compile(r"(data:image/(?:png|jpeg|webp|gif);base64,)([A-Za-z0-9+/=]{64,})")


def clean(fragment: str) -> str:
    """The fragment rebuilt from allowed tags and attributes only; everything else is text or gone."""
    payloads: list[str] = []

    def set_aside(match: re.Match) -> str:
        payloads.append(match[2])
        return f"{match[1]}{_OPEN}{len(payloads) - 1}{_CLOSE}"

    rebuilder = _Rebuilder()
    # Private-use marks bracket the placeholders; any already in the text are dropped first.
    rebuilder.feed(_EMBEDDED.sub(set_aside, fragment.replace(_OPEN, "").replace(_CLOSE, "")))
    rebuilt = rebuilder.close_all()
    if not payloads:
        return rebuilt
    return re.sub(f"{_OPEN}(\\d+){_CLOSE}", lambda match: payloads[int(match[1])], rebuilt)
