"""The PDF's page layout: a chart too tall for the rest of a page does not leave the page half empty."""

import base64
import io

from PIL import Image
from pypdf import PdfReader

from hemisphere.build import pdf

CSS = ("<style>@page { size: A4; margin: 20mm; } body { margin: 0; font-size: 10pt; } "
       "p { margin: 0 0 4mm; } figure { margin: 0; break-inside: avoid; } img { display: block; }"
       "figure.chart img { width: auto; max-width: 100%; }</style>")


def _png(width: int, height: int) -> str:
    """A fixture block (not data) as a data address."""
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "navy").save(buffer, format="png")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _page(filler_mm: int, chart_mm: int, after: int) -> str:
    """A filler block, then a chart of the given printed height, then `after` short paragraphs."""
    filler = f'<img alt="filler" src="{_png(10, 10)}" style="width: 10mm; height: {filler_mm}mm">'
    # 96 CSS pixels to the inch: the image's own size prints it full width, `chart_mm` tall.
    chart = (f'<figure class="chart" id="chart-test-tall"><img alt="A fixture chart" '
             f'src="{_png(round(160 / 25.4 * 96), round(chart_mm / 25.4 * 96))}"></figure>')
    text = "".join(f"<p>Paragraph {n} of the text that follows the chart.</p>" for n in range(after))
    return f"<html><head>{CSS}</head><body>{filler}{chart}{text}<h2>Next</h2><p>End.</p></body></html>"


def _render(page: str):
    from weasyprint import HTML

    return HTML(string=page).render()


def test_a_chart_slightly_too_tall_for_the_gap_is_printed_smaller_to_fit_it():
    page = _page(filler_mm=130, chart_mm=130, after=2)
    fits = pdf.chart_fits(_render(page))
    assert list(fits) == ["chart-test-tall"] and fits["chart-test-tall"][0] == "shrink"
    fitted = _render(pdf.fit_charts(page, fits))
    layout = pdf.page_layout(fitted)
    assert layout[0]["first_chart"]["id"] == "chart-test-tall" and pdf.chart_fits(fitted) == {}


def test_a_chart_far_too_tall_for_the_gap_lets_the_text_after_it_fill_the_gap():
    page = _page(filler_mm=160, chart_mm=150, after=3)
    fits = pdf.chart_fits(_render(page))
    assert fits["chart-test-tall"][0] == "defer"
    moved = pdf.fit_charts(page, fits)
    assert moved.index("Paragraph 2") < moved.index("chart-test-tall") < moved.index("<h2>")
    before, after = pdf.page_layout(_render(page)), pdf.page_layout(_render(moved))
    assert after[0]["lowest"] > before[0]["lowest"]  # the paragraphs fill the gap
    assert after[1]["first_chart"]["id"] == "chart-test-tall" and after[1]["first_chart"]["top"] == 0


def test_a_chart_never_moves_past_a_heading():
    page = _page(filler_mm=160, chart_mm=150, after=0)
    assert pdf.chart_fits(_render(page)) == {}


def test_write_pdf_fits_the_chart_and_saves_a_page(tmp_path):
    page = _page(filler_mm=130, chart_mm=130, after=2)
    target = tmp_path / "fitted.pdf"
    pdf.write_pdf(page, target, tmp_path)
    assert len(PdfReader(target).pages[0].images) == 2  # the filler and the chart share the first page
