"""The PDF step: charts printed from their files as JPEG, nothing fetched from a network."""

import base64
import io

import pytest
from PIL import Image
from pypdf import PdfReader

from hemisphere.anchors import png_token
from hemisphere.build import pdf


def _png(colour: str) -> bytes:
    """A tiny fixture image (not data): a 40 x 20 block of one colour."""
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), colour).save(buffer, format="png")
    return buffer.getvalue()


def _chart(theme: str, name: str, png: bytes, embedded: bytes | None = None) -> str:
    """A chart figure as charts.py writes it: a token naming the full PNG, a lighter embedded copy."""
    encoded = base64.b64encode(embedded or png).decode("ascii")
    return (f'<figure class="chart {png_token(png)}" id="chart-{theme}-{name}"><img alt="A fixture block" '
            f'src="data:image/png;base64,{encoded}"/></figure>')


@pytest.fixture
def figures(tmp_path):
    folder = tmp_path / "figures" / "northern_triangle"
    folder.mkdir(parents=True)
    (folder / "same.png").write_bytes(_png("navy"))
    (folder / "changed.png").write_bytes(_png("orange"))
    return tmp_path / "figures"


def test_a_chart_whose_file_matches_is_printed_from_a_jpeg(figures):
    page = _chart("northern_triangle", "same", _png("navy"))
    swapped, charts = pdf.print_chart_images(page, figures)
    url = "hemisphere-chart:northern_triangle/same.jpg"
    assert f'src="{url}"' in swapped and "base64" not in swapped
    assert Image.open(io.BytesIO(charts[url])).format == "JPEG"


def test_the_swap_reads_attributes_in_any_order_and_keeps_the_others(figures):
    token = png_token(_png("navy"))
    page = (f'<figure id="chart-northern_triangle-same" data-x="1" class="wide {token} chart">'
            f'<img loading="lazy" src="data:image/png;base64,{base64.b64encode(_png("red")).decode()}" '
            f"alt='Alt &amp; text'></figure>")
    swapped, charts = pdf.print_chart_images(page, figures)
    assert 'src="hemisphere-chart:northern_triangle/same.jpg"' in swapped
    assert 'alt="Alt &amp; text"' in swapped and 'loading="lazy"' in swapped and "base64" not in swapped


def test_a_chart_whose_file_differs_or_is_missing_stays_embedded(figures):
    page = _chart("northern_triangle", "changed", _png("navy")) + _chart("venezuela", "absent", _png("navy"))
    swapped, charts = pdf.print_chart_images(page, figures)
    assert swapped == page and charts == {}


def test_the_pdf_carries_the_jpeg_and_is_identical_from_run_to_run(figures, tmp_path):
    page = f"<html><head></head><body><main>{_chart('northern_triangle', 'same', _png('navy'))}</main></body></html>"
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    pdf.write_pdf(page, first, tmp_path, figures)
    pdf.write_pdf(page, second, tmp_path, figures)
    assert first.read_bytes() == second.read_bytes()
    images = PdfReader(first).pages[0]["/Resources"]["/XObject"]
    assert [image.get_object()["/Filter"] for image in images.values()] == ["/DCTDecode"]


@pytest.mark.parametrize("url", ["http://example.invalid/chart.png", "https://example.invalid/font.woff"])
def test_the_pdf_step_refuses_network_addresses(url):
    with pytest.raises(ValueError, match="disallowed protocol"):
        pdf._fetcher({}).fetch(url)


def test_fonts_are_subset_by_fonttools_even_where_harfbuzz_subset_is_installed(tmp_path, monkeypatch):
    from weasyprint.pdf import fonts

    monkeypatch.setattr(fonts, "harfbuzz_subset", object())  # as if libharfbuzz-subset0 were present

    def refuse(*args, **kwargs):
        raise AssertionError("the system HarfBuzz subsetter was used")

    monkeypatch.setattr(fonts.Font, "_harfbuzz_subset", refuse)
    pdf.write_pdf("<html><body><p>Text in DejaVu Sans</p></body></html>", tmp_path / "a.pdf", tmp_path)
    assert (tmp_path / "a.pdf").read_bytes().startswith(b"%PDF")
    assert fonts.harfbuzz_subset is not None  # restored after the write


def test_the_pdf_is_tagged_for_accessibility_with_alt_text(figures, tmp_path):
    page = ("<html lang='en'><head><title>T</title></head><body><main><h1>Title</h1>"
            f"{_chart('northern_triangle', 'same', _png('navy'))}</main></body></html>")
    pdf.write_pdf(page, tmp_path / "a.pdf", tmp_path, figures)
    reader = PdfReader(tmp_path / "a.pdf")
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root
    assert "A fixture block" in _alt_texts(root["/StructTreeRoot"])  # the figure's alt text


def _alt_texts(node, seen=None) -> list[str]:
    """Every /Alt in a PDF structure tree."""
    seen = seen if seen is not None else set()
    node = node.get_object()
    if id(node) in seen:
        return []
    seen.add(id(node))
    found = []
    if hasattr(node, "keys"):
        if "/Alt" in node:
            found.append(str(node["/Alt"]))
        kids = node.get("/K")
        kids = kids if isinstance(kids, list) else [kids] if kids is not None else []
        for kid in kids:
            if hasattr(kid, "get_object") and hasattr(kid.get_object(), "keys"):
                found += _alt_texts(kid, seen)
    return found


def test_the_pdf_does_not_depend_on_the_time_it_was_written(tmp_path, monkeypatch):
    """fontTools stamps subset fonts with the clock unless SOURCE_DATE_EPOCH is set: the step sets it."""
    import time

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    page = "<html><body><p>Text set in a subset font</p></body></html>"
    pdf.write_pdf(page, tmp_path / "a.pdf", tmp_path)
    time.sleep(1.1)
    pdf.write_pdf(page, tmp_path / "b.pdf", tmp_path)
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()
    assert "SOURCE_DATE_EPOCH" not in __import__("os").environ  # left as it was found


def test_links_to_files_beside_the_page_do_not_carry_the_build_folder_into_the_pdf(tmp_path):
    page = '<html><body><p><a href="briefs/index.html">briefs</a> and <a href="#top">top</a></p></body></html>'
    assert pdf.unlink_relative_files(page) == '<html><body><p><a>briefs</a> and <a href="#top">top</a></p></body></html>'
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        pdf.write_pdf(page, tmp_path / folder / "a.pdf", tmp_path / folder)
    assert (tmp_path / "one" / "a.pdf").read_bytes() == (tmp_path / "two" / "a.pdf").read_bytes()
