"""Who holds Treasuries: TIC major foreign holders, and Japan's first-published figures."""

from __future__ import annotations

import pandas as pd

from ..schema import Column, Schema
from ..sources.tic import MFH_INPUT, TIC, TIC_ROWS, parse_tic_mfh, vintage
from ..spec import SPECS, Built, DatasetSpec, Raw, register
from .curated import curated_frame, curated_input, read_curated

USD_BN = "USD billions"


def build_tic_holdings(raw: Raw) -> Built:
    """``tic_holdings`` from ``mfhhis01.txt``: four holder columns, USD billions."""
    table = parse_tic_mfh(raw["mfhhis01"])
    return Built(table.holdings[list(TIC_ROWS.values())], vintage(table))


def build_japan_holdings_vintages(raw: Raw) -> Built:
    """First-published values (curated, cited per row) beside TIC's revised values."""
    table = read_curated(raw["table"])
    tic = parse_tic_mfh(raw["mfhhis01"])
    stamps = pd.to_datetime(table["month_end"], format="%Y-%m-%d")
    revised = tic.holdings["japan_usd_bn"].reindex(stamps)
    if revised.isna().any():
        raise ValueError("japan_holdings_vintages: a month is missing from mfhhis01")
    table["revised_usd_bn"] = [repr(float(v)) for v in revised]
    table["revised_vintage"] = [
        f"{stamp.year} revised {tic.revisions.get(stamp.year, 'date not stated')} "
        f"(mfhhis01 dated {tic.file_date})" for stamp in stamps]
    spec = SPECS["japan_holdings_vintages"]
    return Built(curated_frame(table, spec.schema), vintage(tic))


register(
    DatasetSpec(
        name="tic_holdings",
        schema=Schema(
            "month_end",
            "month_end",
            (
                Column("japan_usd_bn", low=100, high=2500),
                Column("china_usd_bn", low=10, high=2500),
                Column("all_foreign_usd_bn", low=500, high=20000),
                Column("foreign_official_usd_bn", low=300, high=10000),
            ),
            min_rows=120,
        ),
        publisher="U.S. Department of the Treasury / Federal Reserve Board",
        short_source="U.S. Treasury, TIC major foreign holders (mfhhis01)",
        title="Major Foreign Holders of Treasury Securities, historical table (mfhhis01.txt)",
        url=TIC.template.format(param="mfhhis01.txt"),
        series=("Japan", "China, Mainland", "Grand Total", "For. Official"),
        units=USD_BN + ", holdings at end of month",
        transformation=(
            "Parsed the rows Japan, 'China, Mainland', Grand Total and For. Official from the "
            "year blocks of mfhhis01.txt (monthly, newest vintage). Where the file shows two "
            "values for one month at a series break (annual survey benchmarks: Mar 2000 and "
            "each June 2002-2011), the newer series is kept (the left-hand column, which "
            "continues into the following months); the older series' value, shown by TIC for "
            "comparison only, is dropped. Values as published (one decimal)."
        ),
        notes=(
            "Holdings are custodial: they are attributed to the country of the custodian or "
            "holder, include private holders, and miss securities held through custodians "
            "elsewhere (Belgium, Luxembourg, UK). Since Dec 2011 bonds and notes are at market "
            "value (form SLT), so monthly changes mix trades and price changes. Series breaks "
            "before 2012 can move a country's level by tens of billions. Japan and China here "
            "are the revised vintage; see japan_holdings_vintages for first-published values."
        ),
        inputs=(MFH_INPUT,),
        builder=build_tic_holdings,
    )
)


register(
    DatasetSpec(
        name="japan_holdings_vintages",
        schema=Schema(
            "month_end",
            "month_end",
            (
                Column("first_published_usd_bn", low=900, high=1400),
                Column("first_published_precision_usd_bn", low=0.1, high=1.0),
                Column("first_published_approximate", kind="bool"),
                Column("first_published_on", kind="date"),
                Column("first_published_source", kind="str"),
                Column("revised_usd_bn", low=900, high=1400),
                Column("revised_vintage", kind="str"),
            ),
        ),
        publisher="U.S. Department of the Treasury (TIC), as first reported by the press",
        short_source="U.S. Treasury TIC: first-published values as reported by Yicai and "
        "Reuters; revised values from mfhhis01",
        title="Japan's holdings of U.S. Treasury securities, Mar-May 2024: first-published "
        "and revised",
        url=TIC.template.format(param="mfhhis01.txt"),
        series=("Japan",),
        units=USD_BN + ", holdings at end of month",
        transformation=(
            "First-published values transcribed from press reports of the TIC monthly releases "
            "(tools/curated/japan_first_published.csv, one citation per row); revised values "
            "taken from the TIC historical table mfhhis01 by the build step."
        ),
        notes=(
            "March 2024 was first published as 1,187.8 (Yicai, in units of USD 100 million). "
            "April and May are known only to the nearest billion ('$1.150 trillion', "
            "'$1.128 trillion' in Reuters reports), so they are flagged approximate with a "
            "precision of 1.0. The May figure is the one Reuters quoted with the June data "
            "(15 Aug 2024). The fall in holdings is not a measure of sales: holdings are at "
            "market value and 10-year yields rose about half a point in April 2024."
        ),
        inputs=(MFH_INPUT, curated_input("japan_first_published.csv")),
        builder=build_japan_holdings_vintages,
    )
)
