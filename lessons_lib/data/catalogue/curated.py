"""Tables transcribed by hand from cited documents (``tools/curated``), one source per row."""

from __future__ import annotations

import io

import pandas as pd

from ..schema import Column, Schema, read_csv
from ..spec import SPECS, Builder, Built, DatasetSpec, Input, Raw, register

USD_BN = "USD billions"
_CURATED_NOTE = "Hand-curated from the documents cited in the source column, one per row."


def curated_input(file_name: str) -> Input:
    """The input of a table transcribed by hand, kept in the course's ``tools/curated``."""
    return Input("table", "curated", file_name, file_name)


def read_curated(payload: bytes) -> pd.DataFrame:
    """A curated table as text columns, its leading ``#`` comment lines (citations) dropped."""
    text = payload.decode("utf-8")
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    return pd.read_csv(io.StringIO(body), dtype=str, keep_default_na=False)


def curated_frame(table: pd.DataFrame, schema: Schema) -> pd.DataFrame:
    """The schema's columns of a curated table, typed as the shipped CSV would be."""
    wanted = [schema.index_name] + [c.name for c in schema.columns]
    missing = [c for c in wanted if c not in table.columns]
    if missing:
        raise ValueError(f"curated table: missing columns {missing}")
    payload = table[wanted].to_csv(index=False, lineterminator="\n").encode("utf-8")
    return read_csv(payload, schema)


def curated(name: str) -> Builder:
    """The builder of dataset ``name`` that is its curated table as it stands."""

    def build(raw: Raw) -> Built:
        return Built(curated_frame(read_curated(raw["table"]), SPECS[name].schema))

    build.__doc__ = f"``{name}``: its curated table, typed and validated."
    return build

register(
    DatasetSpec(
        name="marketable_composition",
        schema=Schema(
            "date",
            "date",
            (
                Column("security", kind="str"),
                Column("amount_usd_bn", low=0, high=50000),
                Column("share_pct", low=0, high=100),
                Column("source", kind="str"),
            ),
            unique_index=False,
        ),
        publisher="U.S. Department of the Treasury, Monthly Statement of the Public Debt (MSPD)",
        short_source="U.S. Treasury, Monthly Statement of the Public Debt, April 2025",
        title="Marketable Treasury debt held by the public by type of security",
        url="https://fiscaldata.treasury.gov/datasets/monthly-statement-public-debt/",
        series=("Bills", "Notes", "Bonds", "TIPS", "FRNs"),
        units=USD_BN + " outstanding and percent of the total",
        transformation=(
            "Amounts transcribed from the MSPD summary table (tools/curated/"
            "marketable_composition.csv); share_pct = amount / total of the five types x 100, "
            "rounded to 0.1."
        ),
        notes=(
            "The amount maturing within 1, 1-2, 2-5, 5-10 and 10+ years is not shipped: no "
            "verified source was available to the build. " + _CURATED_NOTE
        ),
        inputs=(curated_input("marketable_composition.csv"),),
        builder=curated("marketable_composition"),
    )
)

register(
    DatasetSpec(
        name="wam_marketable",
        schema=Schema(
            "date",
            "date",
            (Column("wam_months", low=12, high=200), Column("source", kind="str")),
        ),
        publisher="U.S. Department of the Treasury, as cited by the Joint Economic Committee",
        short_source="U.S. Treasury via the Joint Economic Committee's Monthly Debt Update",
        title="Weighted average maturity of marketable Treasury debt held by the public",
        url="https://www.jec.senate.gov/public/vendor/_accounts/JEC-R/debt/Monthly%20Debt%20"
        "Update%20mobile.html",
        series=("weighted average maturity",),
        units="months",
        transformation="Transcribed (tools/curated/wam_marketable.csv).",
        notes=(
            "A summary of the maturity profile: the amounts maturing within 1, 1-2, 2-5, 5-10 "
            "and 10+ years were not available from a verified source and are not shipped. "
            + _CURATED_NOTE
        ),
        inputs=(curated_input("wam_marketable.csv"),),
        builder=curated("wam_marketable"),
    )
)

register(
    DatasetSpec(
        name="events",
        schema=Schema(
            "date",
            "date",
            (
                Column("date_precision", kind="str"),
                Column("category", kind="str"),
                Column("event", kind="str"),
                Column("value", nullable=True),
                Column("unit", kind="str", nullable=True),
                Column("source", kind="str"),
                Column("url", kind="str"),
            ),
            unique_index=False,
        ),
        publisher="Rating agencies, Japan's Ministry of Finance, the Federal Reserve "
        "(as cited per row)",
        short_source="rating agencies, Japan MOF, Federal Reserve (cited per row)",
        title="Events: sovereign rating actions, Japan's 2024 currency interventions, the April "
        "2025 sell-off, Federal Reserve asset purchases and backstops",
        url="see the url column",
        series=(),
        units="value in the unit column (JPY trillions, USD billions, rating)",
        transformation=(
            "Transcribed event by event (tools/curated/events.csv). date_precision 'month' "
            "means only the month is sourced; the date is then the first of the month."
        ),
        notes=(
            "Only events whose figures were read in a cited source are listed: QE1's final "
            "composition, QE2, QE3 and the 2020 purchase sizes are left out for want of a "
            "verified source. " + _CURATED_NOTE
        ),
        inputs=(curated_input("events.csv"),),
        builder=curated("events"),
    )
)

register(
    DatasetSpec(
        name="cofer_usd_share",
        schema=Schema(
            "quarter_end",
            "quarter_end",
            (
                Column("usd_share_allocated_reserves_pct", low=0, high=100),
                Column("source", kind="str"),
            ),
        ),
        publisher="International Monetary Fund, Currency Composition of Official Foreign "
        "Exchange Reserves (COFER)",
        short_source="IMF COFER, as reported by Reuters and others",
        title="U.S. dollar share of allocated foreign-exchange reserves, quarterly",
        url="https://data.imf.org/?sk=388dfa60-1d26-4ade-b505-a05a558d9a42",
        series=("COFER USD share of allocated reserves",),
        units="percent of allocated reserves (excludes gold), end of quarter",
        transformation="Transcribed (tools/curated/cofer_usd_share.csv).",
        notes=(
            "Only 2024Q3-2025Q3 are shipped: 2025Q4 was seen only on a third-party site. The "
            "IMF revises these shares; most of the 2025Q2 fall was valuation (at constant "
            "exchange rates 57.67%). " + _CURATED_NOTE
        ),
        inputs=(curated_input("cofer_usd_share.csv"),),
        builder=curated("cofer_usd_share"),
    )
)

register(
    DatasetSpec(
        name="cb_gold_purchases",
        schema=Schema(
            "year",
            "year",
            (Column("net_purchases_tonnes", low=-1000, high=3000), Column("source", kind="str")),
        ),
        publisher="World Gold Council, Gold Demand Trends",
        short_source="World Gold Council, Gold Demand Trends",
        title="Central banks' net purchases of gold, annual",
        url="https://www.gold.org/goldhub/research/gold-demand-trends",
        series=("central banks and other institutions, net purchases",),
        units="tonnes per calendar year",
        transformation="Transcribed (tools/curated/cb_gold_purchases.csv).",
        notes=(
            "The WGC revises past years: 2022 was first reported as 1,136 t. " + _CURATED_NOTE
        ),
        inputs=(curated_input("cb_gold_purchases.csv"),),
        builder=curated("cb_gold_purchases"),
    )
)
