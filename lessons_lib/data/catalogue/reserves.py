"""Official reserves: currency shares of foreign-exchange reserves (IMF COFER), gold holdings."""

from __future__ import annotations

import pandas as pd

from ..schema import Column, Schema
from ..sources.imf import IMF_SDMX, parse_cofer
from ..sources.wgc import WGC, parse_gold_reserves
from ..spec import Built, DatasetSpec, Input, Raw, register

COFER_SERIES = {
    "G001.AFXRA.CI_USD.SHRO_PT.Q": "usd_share_pct",
    "G001.AFXRA.CI_EUR.SHRO_PT.Q": "eur_share_pct",
    "G001.AFXRA.CI_JPY.SHRO_PT.Q": "jpy_share_pct",
    "G001.AFXRA.CI_GBP.SHRO_PT.Q": "gbp_share_pct",
    "G001.AFXRA.CI_CNY.SHRO_PT.Q": "cny_share_pct",
    "G001.AFXRA.CI_T.NV_USD.Q": "allocated_reserves_usd_bn",
    "G001.TFXRA.CI_T.NV_USD.Q": "total_fx_reserves_usd_bn",
}
"""World (``G001``) quarterly series: shares of allocated reserves (percent) and amounts
(US dollars in the file, USD billions here)."""


def build_cofer_shares(raw: Raw) -> Built:
    """``cofer_shares``: currency shares of the world's allocated FX reserves, quarterly."""
    table = parse_cofer(raw["cofer"], tuple(COFER_SERIES)).rename(columns=COFER_SERIES)
    for column in ("allocated_reserves_usd_bn", "total_fx_reserves_usd_bn"):
        table[column] = (table[column] / 1e9).round(3)
    table = table.dropna(subset=["usd_share_pct"])
    table = table[list(COFER_SERIES.values())]
    table.index.freq = None
    last = table.index[-1]
    return Built(table, f"data to {last.year}Q{last.quarter} (COFER 7.0.0, "
                        "downloaded 7 Sep 2025)")


register(
    DatasetSpec(
        name="cofer_shares",
        schema=Schema(
            "quarter_end",
            "quarter_end",
            (
                Column("usd_share_pct", low=0, high=100),
                Column("eur_share_pct", low=0, high=100, nullable=True),
                Column("jpy_share_pct", low=0, high=100),
                Column("gbp_share_pct", low=0, high=100),
                Column("cny_share_pct", low=0, high=100, nullable=True),
                Column("allocated_reserves_usd_bn", low=0, high=50000),
                Column("total_fx_reserves_usd_bn", low=0, high=50000),
            ),
            min_rows=4,
        ),
        publisher="International Monetary Fund, Currency Composition of Official Foreign "
        "Exchange Reserves (COFER)",
        short_source="IMF COFER",
        title="Currency shares of the world's allocated foreign-exchange reserves (dollar, "
        "euro, yen, pound, renminbi) and the reserves' totals, quarterly",
        url="https://data.imf.org/en/datasets/IMF.STA:COFER",
        series=tuple(COFER_SERIES),
        units="shares: percent of allocated reserves; amounts: USD billions; end of quarter; "
        "reserves exclude gold",
        transformation=(
            "World (G001) quarterly series of COFER as published: shares of allocated reserves "
            "(SHRO_PT) in percent; allocated and total foreign-exchange reserves (NV_USD, in "
            "US dollars in the download despite its 'Millions' scale) divided by 1e9 and "
            "rounded to USD 0.001 billion."
        ),
        notes=(
            "Allocated reserves are those whose currency is reported to the IMF; total "
            "reserves add the unallocated part (about 7% in 2024-2025). Gold is not a "
            "foreign-exchange reserve and is in neither. The world shares start in 1999Q1 "
            "in this download; the renminbi starts in 2016Q4 (empty before). The download used "
            "stops at 2025Q1; the IMF "
            "revises past quarters. The offline build reads a MIRROR of the IMF data portal's "
            "CSV download (same layout; see describe().built_from). The hand-transcribed "
            "cofer_usd_share (rounded, to 2025Q3) is kept alongside."
        ),
        inputs=(
            Input(
                "cofer",
                IMF_SDMX.kind,
                "G001.*.*.*.Q?format=csv",
                "reserves/IMF_COFER_7.0.0_dataset_2025-09-07.csv",
                mirror=(
                    "mfrischmuth/Humble-Conviction-Portfolio data_collector/Historical Data/"
                    "dataset_2025-09-07T20_18_24.972351557Z_DEFAULT_INTEGRATION_IMF.STA_COFER_"
                    "7.0.0.csv @ec840e3e; the IMF data portal's CSV download of COFER 7.0.0, "
                    "same layout as the publisher's"
                ),
            ),
        ),
        builder=build_cofer_shares,
    )
)


def build_gold_reserves(raw: Raw) -> Built:
    """``gold_reserves``: reported official gold holdings by country, tonnes, long table."""
    table = parse_gold_reserves(raw["gold"])
    frame = table.set_index("quarter_end")[["country", "tonnes"]]
    last = frame.index.max()
    return Built(frame, f"data to {last.year}Q{last.quarter}")


register(
    DatasetSpec(
        name="gold_reserves",
        schema=Schema(
            "quarter_end",
            "date",
            (Column("country", kind="str"), Column("tonnes", low=0, high=10000)),
            min_rows=10,
            unique_index=False,
        ),
        publisher="International Monetary Fund, International Financial Statistics, as "
        "republished by the World Gold Council",
        short_source="World Gold Council from IMF IFS, official gold reserves",
        title="Official gold reserves by country, tonnes, quarterly",
        url="https://www.gold.org/goldhub/data/gold-reserves-by-country",
        series=("gold_reserves_tns",),
        units="tonnes of gold at the end of the quarter",
        transformation=(
            "One row per country and quarter the country reported: quarter-end date, ISO "
            "3166 alpha-3 country code (e.g. CHN, POL, IND, TUR, RUS, JPN, USA), tonnes as "
            "published. Pivot with frame.pivot(columns='country', values='tonnes')."
        ),
        notes=(
            "These are holdings REPORTED to the IMF, and they understate central banks' "
            "buying: summed over the countries that reported at both year ends, the change "
            "in holdings was +414.9 t in 2022, +417.0 t in 2023 and +313.5 t in 2024, against "
            "the WGC's headline central-bank demand of about 1,000 t a year, which adds "
            "purchases it estimates but nobody reports. Coverage shrinks in the latest "
            "quarters as reports come in late: 107 countries at end-2024, 93 at end-2025 and "
            "43 at 2026Q1 (so a sum over countries falls at the end for that reason alone). "
            "The offline build reads a MIRROR: the WGC API's JSON converted to CSV (see "
            "describe().built_from)."
        ),
        inputs=(
            Input(
                "gold",
                WGC.kind,
                "page=date_range&periodicity=QTD_FULL&startDate=2000-01-01"
                "&endDate=2099-12-31",
                "reserves/WGC_IMF_official_gold_reserves_tonnes_by_country_quarterly.csv",
                mirror=(
                    "KonstantineVM/dollar-breaking-point build/reserve/rdt_evidence/"
                    "gold_history/cbd_quarterly_2000_2026.json @4e4cc619, the WGC Central "
                    "Banks API's JSON converted to CSV country,quarter_end,"
                    "gold_reserves_tonnes (epoch-ms dates made dates; values unchanged)"
                ),
            ),
        ),
        builder=build_gold_reserves,
    )
)


def reported_change_tonnes(gold: pd.DataFrame, year: int) -> float:
    """Sum of the changes in reported holdings (tonnes) from end-``year - 1`` to end-``year``.

    Only countries that reported at both year ends count.
    """
    wide = gold.pivot(columns="country", values="tonnes")
    start, end = pd.Timestamp(f"{year - 1}-12-31"), pd.Timestamp(f"{year}-12-31")
    if start not in wide.index or end not in wide.index:
        raise ValueError(f"year must have holdings at both year ends, got {year}")
    return float((wide.loc[end] - wide.loc[start]).dropna().sum())
