"""The course's one list of chapters, and the per-chapter modules found from it.

:data:`CHAPTERS` is the only place a chapter is declared. The site and the slide decks
(``tools/``), the README's chapter table, the instructor's guide, the welcome notebook's
learning path and the tests all follow it (``tests/course/test_course.py`` checks the
documents against it). To add a chapter, mark it ready here and add its notebook; its
exercises and explorers go in modules named after it (``ch02.py`` in
:mod:`lessons_lib.exercises` and :mod:`lessons_lib.explorers`), which
:func:`chapter_modules` finds without any list.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
"""The course folder (the repository) when the library is used from it."""
NOTEBOOKS = ROOT / "notebooks"


@dataclass(frozen=True)
class Chapter:
    """One chapter of the course.

    Attributes:
        id: the chapter's number as the course writes it, e.g. ``"01b"``; exercises are
            numbered from it (``"01b.3"``) and so are learning objectives (``"01b-O2"``).
        notebook: the notebook's file name in ``notebooks/``.
        title: the short title: the guide's section heading and the start of the notebook's
            own title (``# 01b · Who holds Treasuries, ...``).
        summary: one line on what it teaches (the README's table).
        ready: written and tested (True), or planned (False).
    """

    id: str
    notebook: str
    title: str
    summary: str
    ready: bool

    @property
    def path(self) -> Path:
        """The chapter's notebook."""
        return NOTEBOOKS / self.notebook

    @property
    def stem(self) -> str:
        """The notebook's name without ``.ipynb``."""
        return Path(self.notebook).stem

    @property
    def solutions_path(self) -> Path:
        """Where the chapter's worked-solutions notebook is (the welcome has none)."""
        return NOTEBOOKS / "solutions" / f"{self.stem}_solutions.ipynb"


CHAPTERS: tuple[Chapter, ...] = (
    Chapter(
        "00", "00_welcome.ipynb", "Welcome",
        "how the course runs, how to check answers, how to present a chapter as slides",
        ready=True,
    ),
    Chapter(
        "01", "01_what_is_a_treasury.ipynb", "What a Treasury is",
        "a Treasury as a list of payments; price from yield and yield from price; the "
        "price-yield seesaw; why the article's 14.4% is a one-year return",
        ready=True,
    ),
    Chapter(
        "01a", "01a_reading_treasury_quotes.ipynb", "Reading Treasury quotes",
        "how each kind of Treasury is quoted: basis points, bills' discount and investment "
        "rates, the par yield curve and its slope; article E's inverted curve checked",
        ready=True,
    ),
    Chapter(
        "01b", "01b_who_holds_treasuries.ipynb", "Who holds Treasuries",
        "who holds Treasuries (the Fed, foreign holders, everyone else; Japan and China since "
        "2000); what a country's TIC line counts; the articles' figures for Japan checked",
        ready=True,
    ),
    Chapter(
        "01c", "01c_how_treasuries_are_sold.ipynb", "How Treasuries are sold",
        "the auction (uniform price, competitive and non-competitive bids), primary dealers, "
        "direct and indirect bidders, bid-to-cover and the tail; dealers and repo afterwards",
        ready=True,
    ),
    Chapter(
        "01d", "01d_japan_price_or_sales.ipynb", "Japan's holdings in 2024",
        "why a fall in holdings is not a sale: the price effect over a range of durations, "
        "bills not replaced, the yen interventions; article D's \"sales\" of spring 2024 checked",
        ready=True,
    ),
    Chapter(
        "02", "02_the_sell_off.ipynb", "The sell-off",
        "supply and demand for Treasuries; flows, not holdings; a sale's size in 10-year "
        "equivalents and its price impact as a band; article A's fall from 100 to 90 checked",
        ready=True,
    ),
    Chapter(
        "02b", "02b_sell_off_episodes.ipynb", "Sell-offs in the data",
        "March 2020, spring 2024 and April 2025: the model's band beside what happened and "
        "what else moved yields; article E's \"large-scale selling\" checked",
        ready=True,
    ),
    Chapter(
        "03", "03_rising_yields.ipynb", "Rising yields",
        "what a price of 90 means for a 10-year note; duration and convexity; what a yield is "
        "made of"
        " (expected short rates and term premium, 2023 and April 2025); \"new debt at 14.4%\" "
        "checked",
        ready=True,
    ),
    Chapter(
        "03b", "03b_the_yield_curve.ipynb", "The yield curve",
        "a curve fitted to a day's yields, shifted and twisted; what 100 billion dollars of new "
        "debt costs along it; inverted curves; article A's cost of new debt checked",
        ready=True,
    ),
    Chapter(
        "04", "04_fiscal_dilemma.ipynb", "The fiscal dilemma",
        "interest as a share of revenue and of outlays; only maturing debt reprices: a rate "
        "shock rolled through the real maturity profile on CBO's baseline; the Fed against the "
        "term premium; \"20% of the budget by 2030\" and \"a quarter of revenue at 4.5%\" "
        "checked",
        ready=True,
    ),
    Chapter(
        "04b", "04b_debt_dynamics_and_ratings.ipynb", "Debt dynamics and ratings",
        "debt dynamics and the primary balance that stabilises debt; r - g in history and in "
        "CBO's baseline (no snowball); debt nudging yields up; net interest and the Fed; the "
        "rating downgrades of 2011, 2023 and 2025 beside yields; \"still AAA\" checked",
        ready=True,
    ),
    Chapter(
        "05", "05_global_effects.ipynb", "Global effects",
        "a yen holder's return on a Treasury, hedged and unhedged; the hedged yield below zero "
        "in 2022-24; inflation and the cost of a large sale; the yen-intervention loop as a "
        "model with its gain from the data; \"keep the yen between 130 and 150\" checked",
        ready=True,
    ),
    Chapter(
        "05b", "05b_the_dollar_and_the_world.ipynb", "The dollar and the world",
        "the dollar beside the term premium and expected rates (2022, April 2025); an "
        "emerging-market borrower's dollar debt; the dollar's share of reserves and official "
        "gold; \"the dollar system may collapse\" checked",
        ready=True,
    ),
    Chapter(
        "06", "06_remedies.ipynb", "Remedies",
        "the Fed's purchases as chapter 02's model with the sign flipped (what cancels the "
        "lasting rise, what only the peak); QE2 beside the published estimates; what QE costs; "
        "FIMA repo and swap lines: dollars without a sale",
        ready=True,
    ),
    Chapter(
        "06b", "06b_selling_slowly_and_consolidating.ipynb", "Selling slowly and consolidating",
        "gradual selling as optimal execution (what it saves the seller, not the lasting rise); "
        "fiscal consolidation and the interest it saves",
        ready=True,
    ),
    Chapter(
        "06c", "06c_diversified_reserves.ipynb", "Diversified reserves",
        "a mean-variance reserve portfolio in yen with a Treasury floor, the sale it implies, "
        "and the remedies side by side",
        ready=True,
    ),
    Chapter(
        "07", "07_capstone.ipynb", "Capstone",
        "one scenario runner chains chapters 02-06: sale, yields, interest and debt, the "
        "dollar, the seller's loss, each as a band; four stories and every remedy side by "
        "side; a brief to a finance minister",
        ready=True,
    ),
)


def ready() -> list[Chapter]:
    """The chapters written so far, in course order."""
    return [c for c in CHAPTERS if c.ready]


def chapter(chapter_id: str) -> Chapter:
    """The chapter with this id; an unknown id lists the known ones."""
    for c in CHAPTERS:
        if c.id == chapter_id:
            return c
    known = ", ".join(c.id for c in CHAPTERS)
    raise ValueError(f"chapter_id {chapter_id!r} is not a chapter; known ids: {known}")


MODULE_NAME = re.compile(r"^ch(\w+)$")
"""A per-chapter module is named ``ch`` and the chapter's id: ``ch01b`` is chapter 01b."""


def chapter_of_module(module_name: str) -> Chapter:
    """The chapter a per-chapter module belongs to (``lessons_lib.exercises.ch01b`` -> 01b)."""
    match = MODULE_NAME.match(module_name.rsplit(".", 1)[-1])
    if match is None:
        raise ValueError(f"module_name {module_name!r} is not named ch<chapter id>")
    return chapter(match.group(1))


def chapter_module(package: str, chapter_id: str) -> ModuleType | None:
    """Chapter ``chapter_id``'s module of ``package`` (``<package>.ch<id>``), or None if it has
    none. Imports that one module only."""
    chapter(chapter_id)  # an unknown id is an error
    found = importlib.import_module(package)
    if not any(m.name == f"ch{chapter_id}" for m in pkgutil.iter_modules(found.__path__)):
        return None
    return importlib.import_module(f"{package}.ch{chapter_id}")


def chapter_modules(package: str) -> list[ModuleType]:
    """Import and return every per-chapter module (``ch<id>.py``) of ``package``, in course order.

    A module whose name is not a chapter in :data:`CHAPTERS` is an error, so a misnamed module
    cannot be silently left out.
    """
    found = importlib.import_module(package)
    names = [m.name for m in pkgutil.iter_modules(found.__path__) if MODULE_NAME.match(m.name)]
    order = {c.id: i for i, c in enumerate(CHAPTERS)}
    modules = sorted(names, key=lambda name: order[chapter_of_module(name).id])
    return [importlib.import_module(f"{package}.{name}") for name in modules]
