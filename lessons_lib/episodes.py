"""The course's episodes: named date ranges to cut out of any date-indexed dataset.

An episode is a window of days, not a dataset of its own::

    from lessons_lib import data
    from lessons_lib.episodes import EPISODES, window

    curve = data.load("yield_curve_daily")
    april = window(curve, "april_2025_selloff")      # the rows from 2 to 11 April 2025
    april["y10y_pct"].iloc[-1] - april["y10y_pct"].iloc[0]   # the 10-year's rise, points

The figures quoted in ``what_happened`` were read from the course's shipped datasets
(``yield_curve_daily``, ``term_premium_daily``, ``tic_holdings``) and, for the interventions,
from the Ministry of Finance's daily intervention record; the tests recompute the yields.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from types import MappingProxyType

import pandas as pd


@dataclass(frozen=True)
class Episode:
    """One episode: a name for code, a window of days (both ends included), a title for
    figures, a few factual sentences and the documents they rest on."""

    name: str
    start: date
    end: date
    title: str
    what_happened: str
    sources: tuple[str, ...]

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"episode {self.name!r}: end {self.end} is before start "
                             f"{self.start}")
        if not self.sources:
            raise ValueError(f"episode {self.name!r}: no source")


_ALL = (
    Episode(
        name="taper_tantrum_2013",
        start=date(2013, 5, 1),
        end=date(2013, 9, 30),
        title="The taper tantrum, May-September 2013",
        what_happened=(
            "On 22 May 2013 Chairman Bernanke told Congress that the Fed could slow its bond "
            "purchases at one of its next few meetings; on 19 June he set out a path to end "
            "them around mid-2014. The 10-year yield rose from 1.66% on 1 May to 2.98% on "
            "5 September. On 18 September the FOMC kept its purchases unchanged."),
        sources=(
            "Ben S. Bernanke, 'The Economic Outlook', testimony before the Joint Economic "
            "Committee, U.S. Congress, 22 May 2013",
            "Federal Reserve, FOMC statement and Chairman's press conference, 19 June 2013",
            "Federal Reserve, FOMC statement, 18 September 2013",
        ),
    ),
    Episode(
        name="dash_for_cash_2020",
        start=date(2020, 3, 2),
        end=date(2020, 3, 31),
        title="The dash for cash, March 2020",
        what_happened=(
            "As the pandemic spread, holders sold even Treasuries to raise dollars. The "
            "10-year yield fell to 0.54% on 9 March, then rose to 1.18% on 18 March. The Fed "
            "cut its rate to near zero and announced Treasury purchases on 15 March, made "
            "the purchases open-ended on 23 March and announced a repo facility for "
            "foreign central banks (FIMA) on 31 March."),
        sources=(
            "Federal Reserve, FOMC statement, 15 March 2020",
            "Federal Reserve, press release 'Federal Reserve announces extensive new "
            "measures to support the economy', 23 March 2020",
            "Federal Reserve, press release on the FIMA repo facility, 31 March 2020",
        ),
    ),
    Episode(
        name="japan_interventions_2022",
        start=date(2022, 9, 1),
        end=date(2022, 10, 31),
        title="Japan's yen interventions, September-October 2022",
        what_happened=(
            "Japan's Ministry of Finance sold dollars for yen on 22 September 2022 "
            "(¥2.84 trillion), its first such intervention since June 1998, and again on "
            "21 October (¥5.62 trillion) and 24 October (¥0.73 trillion). The 10-year "
            "Treasury yield rose from 3.26% on 1 September to 4.25% on 24 October."),
        sources=(
            "Ministry of Finance, Japan, 'Foreign Exchange Intervention Operations' (daily "
            "record): 22 September, 21 and 24 October 2022",
        ),
    ),
    Episode(
        name="term_premium_2023",
        start=date(2023, 8, 1),
        end=date(2023, 10, 31),
        title="The term premium returns, August-October 2023",
        what_happened=(
            "Treasury raised its borrowing estimate on 31 July 2023 and the sizes of its "
            "note and bond auctions on 2 August; Fitch cut the US rating to AA+ on 1 August. "
            "The 10-year yield rose from 4.05% on 1 August to 4.98% on 19 October, and the "
            "ACM term premium from -0.47 to 0.45 percentage points."),
        sources=(
            "U.S. Department of the Treasury, marketable borrowing estimates, 31 July 2023",
            "U.S. Department of the Treasury, Quarterly Refunding Statement, 2 August 2023",
            "Fitch Ratings, downgrade of the United States to 'AA+' from 'AAA', "
            "1 August 2023",
        ),
    ),
    Episode(
        name="japan_2024",
        start=date(2024, 4, 1),
        end=date(2024, 5, 31),
        title="Yen interventions and Japan's holdings, April-May 2024",
        what_happened=(
            "Japan's Ministry of Finance sold dollars for yen on 29 April 2024 "
            "(¥5.92 trillion) and 1 May (¥3.87 trillion). Japan's Treasury holdings in "
            "the TIC data fell from $1,167bn at end-March to $1,106bn at end-May; part of "
            "such a fall is prices, not sales: the 10-year yield rose from 4.33% on 1 April "
            "to 4.70% on 25 April."),
        sources=(
            "Ministry of Finance, Japan, 'Foreign Exchange Intervention Operations' (daily "
            "record): 29 April and 1 May 2024",
            "U.S. Treasury, TIC 'Major Foreign Holders of Treasury Securities' (mfhhis01)",
        ),
    ),
    Episode(
        name="april_2025_selloff",
        start=date(2025, 4, 2),
        end=date(2025, 4, 11),
        title="The April 2025 sell-off",
        what_happened=(
            "The United States announced broad new tariffs after the market close on "
            "2 April 2025. The 10-year yield first fell, to 4.01% on 4 April, then rose to "
            "4.48% on 11 April, although a 90-day pause of the higher country rates was "
            "announced on 9 April."),
        sources=(
            "The White House, Executive Order 'Regulating Imports with a Reciprocal Tariff "
            "to Rectify Trade Practices that Contribute to Large and Persistent Annual "
            "United States Goods Trade Deficits', 2 April 2025",
            "The White House, Executive Order 'Modifying Reciprocal Tariff Rates to Reflect "
            "Trading Partner Retaliation and Alignment', 9 April 2025",
        ),
    ),
)

EPISODES: MappingProxyType[str, Episode] = MappingProxyType({e.name: e for e in _ALL})
"""The course's episodes by name, in date order (read-only)."""


def get_episode(name: str) -> Episode:
    """The episode called ``name``; ValueError naming it and listing the known ones."""
    try:
        return EPISODES[name]
    except (KeyError, TypeError):
        raise ValueError(f"unknown episode {name!r}; known episodes: "
                         f"{', '.join(EPISODES)}") from None


def window(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """The rows of ``frame`` (date index, sorted) from the episode's start to its end.

    Both ends are included. Raises ValueError for an unknown episode (listing the known
    ones), for a frame without a sorted date index, and when no row falls in the window
    (e.g. a monthly frame and an episode shorter than a month).
    """
    episode = get_episode(name)
    index = frame.index
    if not isinstance(index, pd.DatetimeIndex):
        raise ValueError(f"episode {name!r}: the frame needs a date index, not "
                         f"{type(index).__name__}")
    if not index.is_monotonic_increasing:
        raise ValueError(f"episode {name!r}: the frame's dates are not in order")
    rows = frame.loc[pd.Timestamp(episode.start):pd.Timestamp(episode.end)]
    if rows.empty:
        period = f"{index[0]:%Y-%m-%d} to {index[-1]:%Y-%m-%d}" if len(index) else "no rows"
        raise ValueError(f"episode {name!r} ({episode.start} to {episode.end}): the frame "
                         f"has no rows in it (it covers {period})")
    return rows
