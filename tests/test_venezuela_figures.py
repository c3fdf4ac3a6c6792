"""The Venezuela charts draw, save their data and carry computed titles."""

import pandas as pd

from hemisphere import charts, data, events
from hemisphere.venezuela import analysis, figures


def test_crude_chart_keeps_bases_apart(tmp_path, monkeypatch):
    charts.set_output_dir(tmp_path)
    monkeypatch.setattr(charts, "_display_image", lambda *args, **kwargs: None)
    points = analysis.crude_points(data.load("oil_production"), "2015-01-01", "2026-08-31")
    plotted = figures.crude_chart(points, "2015-01-01", "2026-08-31", events.select(ids=["venezuela_maduro_captured_2026"]))
    assert set(plotted["reporter"]) >= {analysis.OPEC_INDEPENDENT, analysis.OPEC_OFFICIAL}
    saved = pd.read_csv(tmp_path / "venezuela" / "oil_production.csv")
    assert len(saved) == len(points)
    charts.set_output_dir(None)


def test_rewards_chart_axis_ends_at_the_window(tmp_path, monkeypatch):
    charts.set_output_dir(tmp_path)
    monkeypatch.setattr(charts, "_display_image", lambda *args, **kwargs: None)
    captured = {}
    original = charts.Chart.show

    def spy(self, *args, **kwargs):
        captured["xlim"] = self.ax.get_xlim()
        return original(self, *args, **kwargs)

    monkeypatch.setattr(charts.Chart, "show", spy)
    steps = analysis.reward_steps(data.load("rewards"))
    figures.rewards_chart(steps, "2015-01-01", "2026-08-31", "2026-01-03", events.select(ids=["venezuela_maduro_captured_2026"]))
    import matplotlib.dates as mdates
    assert mdates.num2date(captured["xlim"][1]).year == 2026
    charts.set_output_dir(None)


def test_crude_lines_break_where_a_basis_has_no_figure_for_years():
    from hemisphere.venezuela import figures as crude_figures

    xs, ys = crude_figures.gap_broken([2019.5, 2020.04, 2024.4], [1, 2, 3])
    assert len(xs) == 4 and xs[2] != xs[2] and ys[:2] == [1.0, 2.0] and ys[3] == 3.0
    assert crude_figures.gap_broken([2019.5, 2020.5], [1, 2]) == ([2019.5, 2020.5], [1.0, 2.0])
