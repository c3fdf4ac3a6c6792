"""The PDF step: charts printed from their files as JPEG, nothing fetched from a network."""

import base64
import io

import pytest
from PIL import Image
from pypdf import PdfReader

from hemisphere.build import pdf


def _png(colour: str) -> bytes:
    """A tiny fixture image (not data): a 40 x 20 block of one colour."""
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), colour).save(buffer, format="png")
    return buffer.getvalue()


def _chart(theme: str, name: str, png: bytes) -> str:
    encoded = base64.b64encode(png).decode("ascii")
    return (f'<figure class="chart" id="chart-{theme}-{name}"><img alt="A fixture block" '
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
