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

from lessons_lib import bonds
from lessons_lib.style import BASELINE, PALETTE, course_rc

PRICE_AXIS = (0.0, 220.0)
"""Fixed price axis of the price-yield explorer, dollars per $100 face."""
YIELD_AXIS_PCT = (0.0, 15.0)
"""Fixed yield axis of the price-yield explorer, percent a year."""


def _png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


class PriceYieldExplorer:
    """A bond's price against its yield, with three controls: coupon, maturity, yield.

    The starting bond's curve stays on the chart (grey, dashed) as the baseline; the
    readout gives the price, the current yield and the modified duration in words.

    Args:
        coupon_pct: starting coupon, percent a year (0 to 10).
        maturity_years: starting maturity, whole years (1 to 30).
        yield_pct: starting yield to maturity, percent a year (0 to 15).
    """

    def __init__(
        self, coupon_pct: float = 3.0, maturity_years: int = 10, yield_pct: float = 3.0
    ) -> None:
        self.yields_pct = np.linspace(*YIELD_AXIS_PCT, 301)
        style = {"description_width": "initial"}
        layout = widgets.Layout(width="420px")
        self.coupon = widgets.FloatSlider(
            value=coupon_pct, min=0.0, max=10.0, step=0.25, description="Coupon (% a year)",
            readout_format=".2f", style=style, layout=layout,
        )
        self.maturity = widgets.IntSlider(
            value=maturity_years, min=1, max=30, step=1, description="Maturity (years)",
            style=style, layout=layout,
        )
        self.ytm = widgets.FloatSlider(
            value=yield_pct, min=YIELD_AXIS_PCT[0], max=YIELD_AXIS_PCT[1], step=0.05,
            description="Yield to maturity (% a year)", readout_format=".2f", style=style,
            layout=layout,
        )
        self.readout = widgets.HTML(layout=widgets.Layout(min_height="3em"))
        self.readout.add_class("course-readout")
        self.image = widgets.Image(format="png")
        self.image.add_class("course-figure")

        self.fig = Figure(**{"figsize": (7.5, 4.2), "dpi": 100})
        ax = self.fig.add_subplot()
        rc = course_rc()
        ax.set_xlim(*YIELD_AXIS_PCT)
        ax.set_ylim(*PRICE_AXIS)
        ax.set_xlabel("Yield to maturity (% a year)")
        ax.set_ylabel(r"Price (\$ per \$100 face)")
        ax.grid(alpha=0.3)
        ax.axhline(100.0, color=BASELINE, linewidth=1, linestyle=":")
        start = self._curve(coupon_pct, maturity_years)
        label = f"start: {coupon_pct:g}% coupon, {maturity_years} years"
        ax.plot(self.yields_pct, start, color=BASELINE, linestyle="--", linewidth=2, label=label)
        (self.line,) = ax.plot(
            self.yields_pct, start, color=PALETTE["blue"], linewidth=rc["lines.linewidth"],
            label="your bond",
        )
        (self.point,) = ax.plot([], [], "o", color=PALETTE["vermillion"], markersize=9)
        ax.legend(loc="upper right")
        self.ax = ax

        for control in (self.coupon, self.maturity, self.ytm):
            control.observe(self._on_change, names="value")
        self.ui = widgets.VBox(
            [widgets.VBox([self.coupon, self.maturity, self.ytm]), self.readout, self.image]
        )
        self.update(coupon_pct, maturity_years, yield_pct)

    def _curve(self, coupon_pct: float, maturity_years: int) -> np.ndarray:
        bond = bonds.Bond(coupon_rate=coupon_pct / 100, maturity_years=maturity_years)
        return np.asarray(bonds.price(bond, self.yields_pct / 100))

    def _on_change(self, _change: object) -> None:
        self.update(self.coupon.value, self.maturity.value, self.ytm.value)

    def update(self, coupon_pct: float, maturity_years: int, yield_pct: float) -> str:
        """Redraw for these control values and return the readout as plain text."""
        bond = bonds.Bond(coupon_rate=coupon_pct / 100, maturity_years=maturity_years)
        price = float(bonds.price(bond, yield_pct / 100))
        d_mod = float(bonds.modified_duration(bond, yield_pct / 100))
        self.line.set_ydata(self._curve(coupon_pct, maturity_years))
        self.point.set_data([yield_pct], [min(price, PRICE_AXIS[1])])
        title = f"{coupon_pct:g}% coupon, {maturity_years}-year bond"
        self.ax.set_title(f"{title}: \\${price:.2f} at {yield_pct:.2f}%")
        text = (
            f"Price ${price:.2f} per $100 face at a {yield_pct:.2f}% yield "
            f"({coupon_pct:.2f}% coupon, {maturity_years} years). "
            f"Modified duration {d_mod:.2f} years: a yield 1 point higher "
            f"costs about {d_mod:.1f}% of the price."
        )
        self.readout.value = f"<b>{text}</b>"
        self.image.value = _png(self.fig)
        return text


def price_yield_explorer(
    coupon_pct: float = 3.0, maturity_years: int = 10, yield_pct: float = 3.0
) -> widgets.VBox:
    """The price-yield explorer's widget (see :class:`PriceYieldExplorer`)."""
    return PriceYieldExplorer(coupon_pct, maturity_years, yield_pct).ui
