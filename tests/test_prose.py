"""Numbers in prose are formatted one way everywhere."""

import math

import pytest

from hemisphere.prose import MINUS, money, moved, num, pct, pct_change, signed


@pytest.mark.parametrize("call, expected", [
    (lambda: num(1234.5), "1,235"),
    (lambda: num(2.5), "3"),
    (lambda: num(-3.25, 1, "hectares"), f"{MINUS}3.3 hectares"),
    (lambda: num(-0.2), "0"),
    (lambda: signed(1234), "+1,234"),
    (lambda: signed(-1234), f"{MINUS}1,234"),
    (lambda: signed(0), "0"),
    (lambda: pct(0.123), "12%"),
    (lambda: pct(0.1234, 1), "12.3%"),
    (lambda: pct_change(100, 112), "+12%"),
    (lambda: pct_change(100, 30), f"{MINUS}70%"),
    (lambda: money(460e6), "$460 million"),
    (lambda: money(1.23e9), "$1.2 billion"),
    (lambda: money(1.5e6), "$1.5 million"),
    (lambda: money(2e6), "$2 million"),
    (lambda: money(15_000_000), "$15 million"),
    (lambda: money(12345), "$12,345"),
    (lambda: moved(100, 77), "fell 23%"),
    (lambda: moved(100, 112), "rose 12%"),
    (lambda: moved(5, 5), "did not change"),
])
def test_formatters_on_known_values(call, expected):
    assert call() == expected


@pytest.mark.parametrize("bad", [None, math.nan, True])
def test_missing_values_are_refused_not_printed(bad):
    with pytest.raises((TypeError, ValueError)):
        num(bad)


def test_change_from_zero_is_refused():
    with pytest.raises(ValueError, match="undefined"):
        pct_change(0, 5)


def test_sentence_helpers():
    from hemisphere.prose import day, listing, plural

    assert listing(["A"]) == "A" and listing(["A", "B", "C"]) == "A, B and C"
    assert plural(1, "strike") == "1 strike" and plural(1049, "strike") == "1,049 strikes"
    assert day("2025-02-05") == "5 February 2025"
    with pytest.raises(ValueError):
        listing([])


def test_data_to_states_the_newest_figure_at_each_precision():
    from hemisphere.prose import data_to

    assert data_to("2026-04-15", "day") == "data to 15 April 2026"
    assert data_to("2026-05-31") == "data to May 2026"
    assert data_to(2024, "year") == "data to 2024"
    assert data_to(2025, "fiscal_year") == "data to FY2025"
    with pytest.raises(ValueError, match="precision"):
        data_to(2024, "decade")
