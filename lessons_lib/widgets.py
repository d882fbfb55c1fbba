"""Interactive explorers built from ipywidgets over the course's models.

Each explorer keeps one matplotlib figure, changes only its data on an update and sends
the redrawn figure to an ``ipywidgets.Image`` as PNG, so it works in JupyterLab, in RISE
slides and in a saved page alike. The ``update`` method is an ordinary function of the
control values: tests and the benchmark call it without a browser.
"""

from __future__ import annotations

import io

import ipywidgets as widgets
import numpy as np
from matplotlib.figure import Figure

from lessons_lib import bonds, holdings
from lessons_lib.style import BASELINE, PALETTE, course_rc

PRICE_AXIS = (0.0, 220.0)
"""Fixed price axis of the price-yield explorer, dollars per $100 face."""
YIELD_AXIS_PCT = (0.0, 15.0)
"""Fixed yield axis of the price-yield explorer, percent a year."""


IMAGE_LAYOUT = {"width": "640px", "max_width": "100%"}
"""Shown size of an explorer's figure: with its controls it fits a 1280x720 slide."""


def _png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


SLIDER_STYLE = {"description_width": "initial"}


class _Explorer:
    """What every explorer shares: a text readout, a figure shown as PNG, and the layout."""

    def __init__(self) -> None:
        self.readout = widgets.HTML(layout=widgets.Layout(min_height="3em"))
        self.readout.add_class("course-readout")
        self.image = widgets.Image(format="png", layout=IMAGE_LAYOUT)
        self.image.add_class("course-figure")
        self.fig = Figure(figsize=(7.5, 4.2), dpi=100)

    def _slider(self, kind: type, **options: object) -> widgets.Widget:
        return kind(style=SLIDER_STYLE, layout=widgets.Layout(width="420px"), **options)

    def _assemble(self, controls: list[widgets.Widget]) -> None:
        for control in controls:
            control.observe(self._on_change, names="value")
        self.ui = widgets.VBox([widgets.VBox(controls), self.readout, self.image])

    def _on_change(self, _change: object) -> None:
        raise NotImplementedError

    def _show(self, text: str) -> str:
        self.readout.value = f"<b>{text}</b>"
        self.image.value = _png(self.fig)
        return text


class PriceYieldExplorer(_Explorer):
    """A bond's price against its yield, with three controls: coupon, maturity, yield.

    The starting bond's curve stays on the chart (grey, dashed) as the baseline; the
    readout gives the price and what a yield one percentage point higher would do to it.

    Args:
        coupon_pct: starting coupon, percent a year (0 to 10).
        maturity_years: starting maturity, whole years (1 to 30).
        yield_pct: starting yield to maturity, percent a year (0 to 15).
    """

    def __init__(
        self, coupon_pct: float = 3.0, maturity_years: int = 10, yield_pct: float = 3.0
    ) -> None:
        super().__init__()
        self.yields_pct = np.linspace(*YIELD_AXIS_PCT, 301)
        self.coupon = self._slider(
            widgets.FloatSlider, value=coupon_pct, min=0.0, max=10.0, step=0.25,
            description="Coupon (% a year)", readout_format=".2f",
        )
        self.maturity = self._slider(
            widgets.IntSlider, value=maturity_years, min=1, max=30, step=1,
            description="Maturity (years)",
        )
        self.ytm = self._slider(
            widgets.FloatSlider, value=yield_pct, min=YIELD_AXIS_PCT[0], max=YIELD_AXIS_PCT[1],
            step=0.05, description="Yield to maturity (% a year)", readout_format=".2f",
        )
        ax = self.fig.add_subplot()
        rc = course_rc()
        ax.set_xlim(*YIELD_AXIS_PCT)
        ax.set_ylim(*PRICE_AXIS)
        ax.set_xlabel("Yield to maturity (% a year)")
        ax.set_ylabel(r"Price (\$ per \$100 face)")
        ax.grid(alpha=0.3)
        ax.axhline(100.0, color=BASELINE, linewidth=1, linestyle=":")
        start = bonds.price(self._bond(coupon_pct, maturity_years), self.yields_pct / 100)
        label = f"start: {coupon_pct:g}% coupon, {maturity_years} years"
        ax.plot(self.yields_pct, start, color=BASELINE, linestyle="--", linewidth=2, label=label)
        (self.line,) = ax.plot(
            self.yields_pct, start, color=PALETTE["blue"], linewidth=rc["lines.linewidth"],
            label="your bond",
        )
        (self.point,) = ax.plot([], [], "o", color=PALETTE["vermillion"], markersize=9)
        ax.legend(loc="upper right")
        self.ax = ax
        self._assemble([self.coupon, self.maturity, self.ytm])
        self.update(coupon_pct, maturity_years, yield_pct)

    @staticmethod
    def _bond(coupon_pct: float, maturity_years: int) -> bonds.Bond:
        return bonds.Bond(coupon_rate=coupon_pct / 100, maturity_years=maturity_years)

    def _on_change(self, _change: object) -> None:
        self.update(self.coupon.value, self.maturity.value, self.ytm.value)

    def update(self, coupon_pct: float, maturity_years: int, yield_pct: float) -> str:
        """Redraw for these control values and return the readout as plain text."""
        bond = self._bond(coupon_pct, maturity_years)
        # one pricing call for the curve, another for the point and the point one higher
        self.line.set_ydata(bonds.price(bond, self.yields_pct / 100))
        price, higher = bonds.price(bond, np.array([yield_pct, yield_pct + 1.0]) / 100)
        self.point.set_data([yield_pct], [min(price, PRICE_AXIS[1])])
        title = f"{coupon_pct:g}% coupon, {maturity_years}-year bond"
        self.ax.set_title(f"{title}: \\${price:.2f} at {yield_pct:.2f}%")
        return self._show(
            f"Price ${price:.2f} per $100 face at a {yield_pct:.2f}% yield "
            f"({coupon_pct:.2f}% coupon, {maturity_years} years). "
            f"A yield 1 point higher would lower it to ${higher:.2f} "
            f"({100 * (higher - price) / price:+.1f}%)."
        )


class HoldingsChangeExplorer(_Explorer):
    """How much of a fall in recorded holdings a rise in yields explains.

    Bars show the recorded change, the first-order price effect
    (:func:`lessons_lib.holdings.valuation_change`) and what is left for net trading and
    everything else. Controls: the portfolio's modified duration and the yield change.

    Args:
        label: what the episode is, e.g. "Japan, March to April 2024".
        start_usd_bn, end_usd_bn: recorded holdings before and after, USD billions.
        yield_change_points: the observed change in yields, percentage points (the
            starting value of its slider, drawn as the baseline).
        duration_years: starting modified duration of the portfolio, years.
    """

    def __init__(
        self,
        label: str,
        start_usd_bn: float,
        end_usd_bn: float,
        yield_change_points: float,
        duration_years: float = holdings.DEFAULT_PORTFOLIO_DURATION_YEARS,
    ) -> None:
        super().__init__()
        self.label = label
        self.start = start_usd_bn
        self.end = end_usd_bn
        self.duration = self._slider(
            widgets.FloatSlider, value=duration_years, min=0.0, max=10.0, step=0.1,
            description="Portfolio duration (years)",
        )
        self.dy = self._slider(
            widgets.FloatSlider, value=yield_change_points, min=-1.0, max=1.0, step=0.01,
            description="Yield change (points)",
        )
        ax = self.fig.add_subplot()
        names = ["recorded change", "price effect", "net trading and other"]
        colours = [PALETTE["black"], PALETTE["sky"], PALETTE["vermillion"]]
        self.bars = ax.bar(names, [0.0, 0.0, 0.0], color=colours, edgecolor="black")
        for bar, hatch in zip(self.bars, ("", "//", ".."), strict=True):
            bar.set_hatch(hatch)
        start = holdings.decompose_change(start_usd_bn, end_usd_bn, duration_years,
                                          yield_change_points)
        ax.plot(
            [0.6, 1.4], [start.valuation_usd_bn] * 2, color=BASELINE, linestyle="--",
            linewidth=2, label="price effect at the starting values",
        )
        ax.axhline(0.0, color="black", linewidth=1)
        scale = max(abs(end_usd_bn - start_usd_bn), start_usd_bn * 10 * 0.01) * 1.3
        ax.set_ylim(-scale, scale)
        ax.set_ylabel("USD billions")
        ax.legend(loc="upper right")
        self.ax = ax
        self._assemble([self.duration, self.dy])
        self.update(duration_years, yield_change_points)

    def _on_change(self, _change: object) -> None:
        self.update(self.duration.value, self.dy.value)

    def update(self, duration_years: float, yield_change_points: float) -> str:
        """Redraw for these control values and return the readout as plain text."""
        split = holdings.decompose_change(
            self.start, self.end, duration_years, yield_change_points
        )
        values = (split.recorded_usd_bn, split.valuation_usd_bn, split.other_usd_bn)
        for bar, value in zip(self.bars, values, strict=True):
            bar.set_height(value)
        self.ax.set_title(f"{self.label}: price effect {split.valuation_usd_bn:+.1f}bn")
        return self._show(
            f"{self.label}: holdings changed by {split.recorded_usd_bn:+.1f} billion dollars. "
            f"A portfolio of duration {duration_years:.1f} years loses "
            f"{-split.valuation_usd_bn:.1f} billion when yields move {yield_change_points:+.2f} "
            f"points; that leaves {split.other_usd_bn:+.1f} billion for net trading and other "
            "changes."
        )
