"""Numbers in prose: sentences that state figures are built from data at run time.

The formatters give every chapter the same conventions (thousands separators, a true minus
sign, signed changes, dollar amounts in words), and `say` renders the sentence as Markdown.
"""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Decimal

MINUS = "\u2212"


def say(text: str) -> None:
    """Display a Markdown paragraph in the notebook (and so in the report).

    The sentence is rendered here with raw HTML escaped, so a data string inside it (a claim,
    a label, a note) shows as text and can never become markup in a reader's browser. The
    Markdown travels alongside, for tests and analysts who read the executed notebook.
    """
    from IPython.display import display

    display({"text/html": markdown_html(text), "text/markdown": text}, raw=True)


_MARKDOWN = None


def markdown_html(text: str) -> str:
    """Markdown to HTML with raw HTML escaped and unsafe link schemes (javascript:, data:) refused."""
    global _MARKDOWN
    if _MARKDOWN is None:
        import mistune

        _MARKDOWN = mistune.create_markdown(escape=True, plugins=["strikethrough", "table"])
    return _MARKDOWN(text).strip()


MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+!|<>~$-])")


def literal(text) -> str:
    """A data string to be placed in Markdown as plain text: its Markdown punctuation escaped.

    Why: only columns declared to hold Markdown may format the page; a claim that happens to
    contain '*' or '[' must read as typed, not turn into emphasis or a link.
    """
    return MARKDOWN_PUNCTUATION.sub(r"\\\1", str(text))


def _check_number(value) -> float:
    if value is None or isinstance(value, bool):
        raise TypeError(f"expected a number, got {value!r}")
    number = float(value)
    if math.isnan(number):
        raise ValueError("cannot state a missing value (NaN) in prose")
    return number


def num(value, decimals: int = 0, unit: str | None = None) -> str:
    """1234.5 -> '1,235'; with unit -> '1,235 hectares'."""
    number = _check_number(value)
    # Half-up rounding, as readers expect (1234.5 -> 1,235), not Python's half-to-even.
    rounded = Decimal(repr(abs(number))).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = f"{rounded:,.{decimals}f}"
    if number < 0 and float(text.replace(",", "")) != 0:
        text = MINUS + text
    return f"{text} {unit}" if unit else text


def signed(value, decimals: int = 0, unit: str | None = None) -> str:
    """A change with its sign: +1,234 or −1,234."""
    number = _check_number(value)
    text = num(abs(number), decimals)
    sign = "+" if number > 0 else MINUS if number < 0 else ""
    text = sign + text if float(text.replace(",", "")) != 0 else text
    return f"{text} {unit}" if unit else text


def pct(fraction, decimals: int = 0) -> str:
    """A share given as a fraction: 0.123 -> '12%'."""
    return num(_check_number(fraction) * 100, decimals) + "%"


def pct_change(old, new, decimals: int = 0) -> str:
    """Signed percentage change from old to new: (100, 112) -> '+12%'."""
    old, new = _check_number(old), _check_number(new)
    if old == 0:
        raise ValueError("percentage change from zero is undefined")
    return signed((new - old) / abs(old) * 100, decimals) + "%"


def money(value, decimals: int | None = None) -> str:
    """US dollars in words: 460e6 -> '$460 million', 1.23e9 -> '$1.2 billion'."""
    number = _check_number(value)
    sign = MINUS if number < 0 else ""
    number = abs(number)
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if number >= size:
            scaled = number / size
            places = decimals if decimals is not None else (0 if scaled >= 100 else 1)
            text = f"{scaled:,.{places}f}"
            if decimals is None and "." in text:
                text = text.rstrip("0").rstrip(".")
            return f"{sign}${text} {word}"
    return f"{sign}${number:,.{decimals or 0}f}"


def moved(old, new, decimals: int = 0) -> str:
    """A change in words, never a doubled sign: (100, 77) -> 'fell 23%', (100, 112) -> 'rose 12%'."""
    old, new = _check_number(old), _check_number(new)
    if old == 0:
        raise ValueError("percentage change from zero is undefined")
    share = abs(new - old) / abs(old)
    if share == 0:
        return "did not change"
    return f"{'rose' if new > old else 'fell'} {pct(share, decimals)}"


def listing(items) -> str:
    """Names joined for a sentence: 'A', 'A and B', 'A, B and C'."""
    items = [str(item) for item in items]
    if not items:
        raise ValueError("cannot list nothing in prose")
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def plural(count, noun: str) -> str:
    """A count with its noun: '1 strike', '49 strikes'."""
    return f"{num(count)} {noun}{'' if count == 1 else 's'}"


def day(moment) -> str:
    """A date as a reader writes it: '20 February 2025' (no leading zero)."""
    import pandas as pd

    moment = pd.Timestamp(moment)
    return f"{moment.day} {moment:%B %Y}"


def data_to(last, precision: str = "month") -> str:
    """The newest figure a chart or sentence rests on, as a subtitle states it.

    precision "day" -> 'data to 15 April 2026', "month" -> 'data to May 2026',
    "year" -> 'data to 2024', "fiscal_year" -> 'data to FY2025' (last is the fiscal year).
    """
    import pandas as pd

    if precision == "fiscal_year":
        return f"data to FY{int(last)}"
    if precision == "year":
        return f"data to {int(last) if not hasattr(last, 'year') else last.year}"
    moment = pd.Timestamp(last)
    if precision == "day":
        return f"data to {day(moment)}"
    if precision == "month":
        return f"data to {moment:%B %Y}"
    raise ValueError(f"precision must be day, month, year or fiscal_year, not {precision!r}")
