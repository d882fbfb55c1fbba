"""The contract every registered explorer keeps, found through the registry (no list here).

Each explorer, at each control's minimum, maximum and default (the others at their defaults),
and with every control at its minimum and then at its maximum, updates without error and gives
a non-empty readout and a figure; each control's range lies inside what the model accepts, and
its slider sends its value only on release.
"""

import io
import sys
import textwrap

import numpy as np
import pytest
from PIL import Image

from lessons_lib import bonds, explorers, holdings
from lessons_lib.explorers import Control, Explorer, registry

REGISTERED = registry()


def test_the_registry_finds_the_chapters_explorers():
    assert {"PriceYieldExplorer", "HoldingsChangeExplorer"} <= set(REGISTERED)


def settings(cls):
    """(name, values) pairs to try: each control at low, high, default; all low; all high."""
    defaults = {c.name: c.default for c in cls.controls}
    out = [("defaults", defaults)]
    for c in cls.controls:
        for where in ("low", "high", "default"):
            out.append((f"{c.name}={where}", {**defaults, c.name: getattr(c, where)}))
    out.append(("all low", {c.name: c.low for c in cls.controls}))
    out.append(("all high", {c.name: c.high for c in cls.controls}))
    return out


@pytest.mark.parametrize("name", REGISTERED)
def test_every_explorer_updates_at_the_ends_of_every_control(name):
    explorer = REGISTERED[name].example()
    for label, values in settings(REGISTERED[name]):
        explorer.image.value = b""
        text = explorer.update(**values)
        assert text.strip(), f"{name} at {label}: empty readout"
        assert text in explorer.readout.value
        assert explorer.image.value[:4] == b"\x89PNG", f"{name} at {label}: no figure"
        assert explorer.values == values


def full_redraw(explorer) -> np.ndarray:
    """The figure drawn whole, as matplotlib draws it without the kept frame."""
    for artist in explorer._painted:
        artist.set_animated(False)
    try:
        explorer.canvas.draw()
        return np.asarray(explorer.canvas.buffer_rgba()).copy()
    finally:
        for artist in explorer._painted:
            artist.set_animated(True)


@pytest.mark.parametrize("name", REGISTERED)
def test_painting_over_the_kept_frame_gives_the_full_figure(name):
    explorer = REGISTERED[name].example()
    for label, values in settings(REGISTERED[name])[:4] + settings(REGISTERED[name])[-2:]:
        explorer.update(**values)
        shown = np.asarray(Image.open(io.BytesIO(explorer.image.value)).convert("RGBA"))
        assert np.array_equal(shown, full_redraw(explorer)), f"{name} at {label}"


def test_draw_frame_must_return_artists_of_its_axes():
    class Stray(Explorer):
        controls = (Control("duration_years", "Duration (years)", 0.0, 10.0, 1.0, 5.0,
                            model_range=holdings.DURATION_RANGE_YEARS),)

        def draw_frame(self, ax, duration_years):
            return ()

        def draw(self, duration_years):
            return "text"

    with pytest.raises(ValueError, match="must return the artists"):
        Stray()


def test_a_frame_whose_limits_change_is_rendered_again():
    class Rescaling(Explorer):
        controls = (Control("duration_years", "Duration (years)", 0.0, 10.0, 1.0, 5.0,
                            model_range=holdings.DURATION_RANGE_YEARS),)

        def draw_frame(self, ax, duration_years):
            (self.line,) = ax.plot([0, 1], [0, duration_years])
            return (self.line,)

        def draw(self, duration_years):
            self.line.set_ydata([0, duration_years])
            self.ax.set_ylim(0, duration_years + 1)
            return "rescaled"

    explorer = Rescaling()
    explorer.update(duration_years=9.0)
    shown = np.asarray(Image.open(io.BytesIO(explorer.image.value)).convert("RGBA"))
    assert np.array_equal(shown, full_redraw(explorer))


@pytest.mark.parametrize("name", REGISTERED)
def test_control_ranges_lie_inside_the_model_ranges(name):
    for c in REGISTERED[name].controls:
        assert c.model_range.contains(c.to_model(c.low)), (name, c.name)
        assert c.model_range.contains(c.to_model(c.high)), (name, c.name)
        assert c.low <= c.default <= c.high


@pytest.mark.parametrize("name", REGISTERED)
def test_sliders_match_their_declaration_and_send_on_release(name):
    explorer = REGISTERED[name].example()
    for c in REGISTERED[name].controls:
        slider = explorer.sliders[c.name]
        assert (slider.min, slider.max, slider.step) == (c.low, c.high, c.step)
        assert slider.continuous_update is False, "a drag must not queue a redraw per tick"
        assert slider.description == c.label and "(" in c.label, "the label gives the unit"


def test_a_slider_wider_than_the_model_is_refused_where_it_is_declared():
    with pytest.raises(ValueError, match=r"'duration_years'.*between 0 and 30 years"):
        Control("duration_years", "Duration (years)", 0.0, 40.0, 0.5, 5.0,
                model_range=holdings.DURATION_RANGE_YEARS)
    with pytest.raises(ValueError, match="'yield_pct'"):
        Control("yield_pct", "Yield (%)", 0.0, 300.0, 1.0, 3.0,
                model_range=bonds.YIELD_RANGE, scale=100)
    with pytest.raises(ValueError, match="does not divide"):
        Control("x_years", "X (years)", 0.0, 10.0, 0.3, 0.0,
                model_range=holdings.DURATION_RANGE_YEARS)


def test_a_new_chapter_module_is_found_without_registration(tmp_path, monkeypatch):
    from lessons_lib import course

    # a new chapter after the last one declared, planned: no module can exist for it yet
    new_id = f"{int(course.CHAPTERS[-1].id[:2]) + 1:02d}"
    scratch = course.Chapter(new_id, f"{new_id}_scratch.ipynb", "Scratch", "a scratch chapter",
                             ready=False)
    monkeypatch.setattr(course, "CHAPTERS", (*course.CHAPTERS, scratch))
    (tmp_path / f"ch{new_id}.py").write_text(textwrap.dedent('''
        from lessons_lib import holdings
        from lessons_lib.explorers.base import Control, Explorer

        class ScratchExplorer(Explorer):
            controls = (Control("duration_years", "Duration (years)", 0.0, 10.0, 1.0, 5.0,
                                model_range=holdings.DURATION_RANGE_YEARS),)

            def draw_frame(self, ax, duration_years):
                (self.line,) = ax.plot([0, 1], [0, duration_years])
                return (self.line,)

            def draw(self, duration_years):
                self.line.set_ydata([0, duration_years])
                return f"duration {duration_years:g} years"
    '''))
    monkeypatch.setattr(explorers, "__path__", [*explorers.__path__, str(tmp_path)])
    try:
        found = registry()
        assert list(found)[-1] == "ScratchExplorer"
        assert found["ScratchExplorer"]().update(duration_years=7.0) == "duration 7 years"
    finally:
        sys.modules.pop(f"lessons_lib.explorers.ch{new_id}", None)
    monkeypatch.undo()
    assert "ScratchExplorer" not in registry()
