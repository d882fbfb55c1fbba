"""What every explorer shares: controls declared as data, one ``update``, and a registry.

An explorer is a subclass of :class:`Explorer` that declares

- ``controls``: a tuple of :class:`Control`, one per slider (name with its unit, label, range,
  step, starting value, and the model range the slider must stay inside);
- ``draw_frame(ax, **values)``: draws what stays put (axes, the starting curve as a baseline)
  once, from the starting values, and returns the artists that ``draw`` will change;
- ``draw(**values)``: changes those artists for these control values and returns the readout
  text. It leaves the axes' limits, ticks and labels alone: they are the frame.

The base class builds the sliders, the text readout and the figure, shows the figure as PNG in
an ``ipywidgets.Image`` (so it works in JupyterLab, RISE slides and a saved page alike) and
offers one entry point, :meth:`Explorer.update`, which tests and the benchmark call without a
browser.

Two things keep a slider step quick (the course's target is 150 ms from a step to the new
figure in the browser). Sliders send their value when released (``continuous_update=False``):
a drag costs one redraw, not one per tick; each arrow-key step is one update. And the frame is
rendered once and kept as a bitmap: an update paints only the changing artists, and those
drawn above them, over a copy of it (matplotlib's blitting), which gives the same pixels as a
full redraw at a fraction of its cost (the axes' tick labels are most of that cost).

Every subclass is noted as it is defined; :func:`registry` imports each chapter's module
(``lessons_lib/explorers/ch<id>.py``) first, so the benchmark and the contract test find every
explorer with no list to keep.
"""

from __future__ import annotations

import html
import io
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, ClassVar

import ipywidgets as widgets
import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.image import imsave

from lessons_lib import course, validate
from lessons_lib.validate import FloatOrArray, Range

FIGURE_SIZE_INCHES = (7.5, 4.2)
FIGURE_DPI = 100
IMAGE_LAYOUT = {"width": "640px", "max_width": "100%"}
"""Shown size of an explorer's figure: with its controls it fits a 1280x720 slide."""
NO_MATHS_CLASSES = ("tex2jax_ignore", "mathjax_ignore")
"""Classes MathJax 2 and 3 skip: on the readout, so that an exported page (site, deck), which
typesets its Markdown with MathJax, does not read the dollar signs of a readout as maths."""
SLIDER_STYLE = {"description_width": "initial"}
SLIDER_WIDTH = "420px"
PNG_COMPRESS_LEVEL = 1
"""zlib level of the PNGs sent to the browser: the fastest, a few percent larger than level 6."""


@dataclass(frozen=True)
class Control:
    """One slider, declared as data.

    Attributes:
        name: the keyword :meth:`Explorer.update` takes, with its unit in the name
            (``yield_pct``, ``duration_years``), in the slider's unit.
        label: what the slider shows beside it, with the unit: ``"Yield to maturity (% a year)"``.
        low, high, step: the slider's range and step, in its unit. The range is what
            teaches; it must lie inside ``model_range``.
        default: the starting value.
        model_range: what the model accepts for this quantity, in the model's unit (a range
            constant of the model module, such as :data:`lessons_lib.bonds.YIELD_RANGE`).
        scale: slider units per model unit: 100 for a decimal yield shown in percent, 1 when
            the slider and the model share a unit.
        integer: a whole-number slider (``IntSlider``).
        readout_format: how the slider prints its value (floats).

    Raises:
        ValueError: for a range that is empty, a default outside it, a step that does not
            divide it, or a range the model does not accept (naming the control).
    """

    name: str
    label: str
    low: float
    high: float
    step: float
    default: float
    model_range: Range
    scale: float = 1.0
    integer: bool = False
    readout_format: str = ".2f"

    def __post_init__(self) -> None:
        where = f"control {self.name!r}"
        if not (self.low < self.high and self.step > 0 and self.low <= self.default <= self.high):
            raise ValueError(
                f"{where}: needs low < high, step > 0 and low <= default <= high; got "
                f"{self.low!r}, {self.high!r}, step {self.step!r}, default {self.default!r}"
            )
        steps = (self.high - self.low) / self.step
        if abs(steps - round(steps)) > 1e-9:
            raise ValueError(f"{where}: step {self.step:g} does not divide {self.low:g} to "
                             f"{self.high:g}, so the slider could not reach its top")
        if self.integer and not all(
            float(v).is_integer() for v in (self.low, self.high, self.step, self.default)
        ):
            raise ValueError(f"{where}: an integer slider needs whole low, high, step, default")
        if not self.model_range.covers(self.to_model(self.low), self.to_model(self.high)):
            raise ValueError(
                f"{where}: the slider's {self.low:g} to {self.high:g} (divided by {self.scale:g}: "
                f"{self.to_model(self.low):g} to {self.to_model(self.high):g}) is not inside "
                f"what the model accepts, {self.model_range}"
            )

    @property
    def slider_range(self) -> Range:
        """What the slider can send, for the message when ``update`` gets something else."""
        return Range(self.low, self.high, f"on the slider {self.label!r}")

    def to_model(self, value: FloatOrArray) -> FloatOrArray:
        """Slider values in the model's unit (yields in percent to decimals)."""
        return value / self.scale

    def checked(self, value: Any) -> float | int:
        """``value`` if the slider could send it; otherwise a ValueError naming the control."""
        number = validate.number(value, self.name, self.slider_range)
        if self.integer:
            if not number.is_integer():
                raise ValueError(f"{self.name} must be a whole number, got {value!r}")
            return int(number)
        return number

    def slider(self, value: float) -> widgets.Widget:
        """The ipywidgets slider, set to ``value``, sending its value on release only."""
        common: dict[str, Any] = {
            "description": self.label, "continuous_update": False,
            "style": SLIDER_STYLE, "layout": widgets.Layout(width=SLIDER_WIDTH),
        }
        if self.integer:
            return widgets.IntSlider(value=int(value), min=int(self.low), max=int(self.high),
                                     step=int(self.step), **common)
        return widgets.FloatSlider(value=value, min=self.low, max=self.high, step=self.step,
                                   readout_format=self.readout_format, **common)


_SUBCLASSES: list[type[Explorer]] = []


class Explorer:
    """An interactive explorer: sliders, a text readout and a figure, over a course model.

    Args:
        **values: starting values of the controls, by name (the others start at their
            default).

    Attributes:
        ui: the widget to show (the last line of a notebook cell: ``explorer.ui``).
        sliders: the sliders by control name.
        readout, image: the text readout (HTML) and the figure (PNG) widgets.
        fig, ax: the matplotlib figure and its axes.
        values: the control values the figure shows now.
    """

    controls: ClassVar[tuple[Control, ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        names = [c.name for c in cls.controls]
        if not names or len(set(names)) != len(names):
            raise ValueError(f"{cls.__name__}: controls must be declared, each name once")
        _SUBCLASSES.append(cls)

    def __init__(self, **values: Any) -> None:
        start = self._complete(values, {c.name: c.default for c in self.controls})
        self.readout = widgets.HTML(layout=widgets.Layout(min_height="3em"))
        self.readout.add_class("course-readout")
        for name in NO_MATHS_CLASSES:  # "$100 ... $103" is money, not maths
            self.readout.add_class(name)
        self.image = widgets.Image(format="png", layout=IMAGE_LAYOUT)
        self.image.add_class("course-figure")
        self.fig = Figure(figsize=FIGURE_SIZE_INCHES, dpi=FIGURE_DPI)
        self.canvas = FigureCanvasAgg(self.fig)
        self.ax = self.fig.add_subplot()
        self.sliders = {c.name: c.slider(start[c.name]) for c in self.controls}
        self.values = start
        self._syncing = False
        self._painted = self._painted_each_update(self.draw_frame(self.ax, **start))
        self._frame: tuple[Any, Any] | None = None
        for slider in self.sliders.values():
            slider.observe(self._on_change, names="value")
        self.ui = widgets.VBox(
            [widgets.VBox(list(self.sliders.values())), self.readout, self.image]
        )
        self.update()

    @classmethod
    def example(cls) -> Explorer:
        """An instance for the benchmark and the contract test (override if arguments are
        needed beyond the controls)."""
        return cls()

    def draw_frame(self, ax: Axes, **values: Any) -> Iterable[Artist]:
        """Draw what stays put, from the starting control values; return what ``draw`` changes."""
        raise NotImplementedError

    def draw(self, **values: Any) -> str:
        """Change the figure for these control values; return the readout as plain text."""
        raise NotImplementedError

    def _complete(self, values: dict[str, Any], base: dict[str, Any]) -> dict[str, Any]:
        by_name = {c.name: c for c in self.controls}
        unknown = sorted(set(values) - set(by_name))
        if unknown:
            raise ValueError(
                f"{type(self).__name__} has no control {', '.join(unknown)}; its controls: "
                f"{', '.join(by_name)}"
            )
        return {name: by_name[name].checked(values.get(name, base[name])) for name in by_name}

    def update(self, **values: Any) -> str:
        """Redraw for these control values and return the readout as plain text.

        Controls not named keep their current value; a named one moves its slider too,
        without a second redraw. The new figure is ``fig``, and as PNG ``image.value``.

        Raises:
            ValueError: for a name that is not a control, or a value its slider could not
                send (outside its range, or not whole for a whole-number slider).
        """
        merged = self._complete(values, {n: s.value for n, s in self.sliders.items()})
        self._syncing = True
        try:
            for name in values:
                self.sliders[name].value = merged[name]
        finally:
            self._syncing = False
        text = self.draw(**merged)
        self.values = merged
        self.readout.value = f"<b>{html.escape(text, quote=False)}</b>"
        self.image.value = self.png()
        return text

    def _painted_each_update(self, moving: Iterable[Artist]) -> list[Artist]:
        """The artists ``draw`` changes and every artist of the axes drawn above them except
        the axes' ticks (Axis): painted in the axes' own order over the frame at each update."""
        moving = list(moving)
        children = self.ax.get_children()
        strays = [a for a in moving if not any(a is c for c in children)]
        if not moving or strays:
            raise ValueError(f"{type(self).__name__}.draw_frame must return the artists of its "
                             f"axes that draw changes; got {strays or 'none'}")
        lowest = min(a.get_zorder() for a in moving)
        painted = [
            c for c in sorted(children, key=lambda c: c.get_zorder())
            if any(c is a for a in moving)
            or (c.get_zorder() >= lowest and c is not self.ax.patch and not isinstance(c, Axis))
        ]
        for artist in painted:
            artist.set_animated(True)  # left out of the frame
        return painted

    def png(self) -> bytes:
        """The figure as PNG bytes: the frame (rendered once, and again if the axes' limits
        change) with the changing artists painted over it."""
        limits = (self.ax.get_xlim(), self.ax.get_ylim())
        if self._frame is None or self._frame[0] != limits:
            self.canvas.draw()
            self._frame = (limits, self.canvas.copy_from_bbox(self.fig.bbox))
        else:
            self.canvas.restore_region(self._frame[1])
        for artist in self._painted:
            self.fig.draw_artist(artist)
        buffer = io.BytesIO()
        imsave(buffer, np.asarray(self.canvas.buffer_rgba()), format="png",
               metadata={"Software": None}, pil_kwargs={"compress_level": PNG_COMPRESS_LEVEL})
        return buffer.getvalue()

    def _on_change(self, _change: object) -> None:
        if not self._syncing:
            self.update()


def registry() -> dict[str, type[Explorer]]:
    """Every explorer defined in a chapter module, by class name, in course order.

    Importing the chapter modules (``ch<id>.py``) defines their explorers, and each subclass
    of :class:`Explorer` is noted as it is defined: nothing is listed by hand.
    """
    modules = [m.__name__ for m in course.chapter_modules("lessons_lib.explorers")]
    latest = {(cls.__module__, cls.__qualname__): cls for cls in _SUBCLASSES}  # after a reload
    found = sorted(
        (cls for cls in latest.values() if cls.__module__ in modules),
        key=lambda cls: modules.index(cls.__module__),
    )
    by_name: dict[str, type[Explorer]] = {}
    for cls in found:
        if cls.__name__ in by_name:
            raise ValueError(f"two explorers are named {cls.__name__}: "
                             f"{by_name[cls.__name__].__module__} and {cls.__module__}")
        by_name[cls.__name__] = cls
    return by_name
