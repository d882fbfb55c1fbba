"""Treasury auctions: 10-year note results with bidder shares; bid-to-cover of 10s and 30s."""

from __future__ import annotations

import pandas as pd

from ..schema import Column, Schema
from ..sources.fiscaldata import FISCALDATA
from ..sources.treasurydirect import (
    MIN_OFFERING_USD_BN,
    TREASURYDIRECT,
    parse_auctions,
    parse_bid_to_cover,
)
from ..spec import Built, DatasetSpec, Input, Raw, register

_AUCTION_FIELDS = (
    "record_date,auction_date,security_type,security_term,original_security_term,cusip,"
    "reopening,inflation_index_security,floating_rate,high_yield,avg_med_yield,"
    "bid_to_cover_ratio,primary_dealer_accepted,direct_bidder_accepted,"
    "indirect_bidder_accepted,comp_accepted,offering_amt"
)


def build_auctions(raw: Raw) -> Built:
    """``auctions``: 10-year note auctions from 2015 with yields, bid-to-cover and shares."""
    frame = parse_auctions(raw["auctions_query"])
    frame = frame[frame.index >= "2015-01-01"]
    last = frame.index[-1]
    return Built(frame, f"auctions to {last.day} {last:%b %Y}")


register(
    DatasetSpec(
        name="auctions",
        schema=Schema(
            "auction_date",
            "date",
            (
                Column("cusip", kind="str"),
                Column("reopening", kind="bool"),
                Column("offering_usd_bn", low=MIN_OFFERING_USD_BN, high=100),
                Column("high_yield_pct", low=0, high=20),
                Column("median_yield_pct", low=0, high=20),
                Column("bid_to_cover", low=1, high=6),
                Column("dealer_pct", low=0, high=100),
                Column("direct_pct", low=0, high=100),
                Column("indirect_pct", low=0, high=100),
            ),
            min_rows=2,
        ),
        publisher="U.S. Department of the Treasury, Bureau of the Fiscal Service (auction "
        "results, FiscalData 'Treasury Securities Auctions Data')",
        short_source="U.S. Treasury auction results (FiscalData auctions_query)",
        title="10-year Treasury note auctions: yields, bid-to-cover and the shares of primary "
        "dealers, direct and indirect bidders",
        url="https://fiscaldata.treasury.gov/datasets/treasury-securities-auctions-data/",
        series=("high_yield", "avg_med_yield", "bid_to_cover_ratio", "primary_dealer_accepted",
                "direct_bidder_accepted", "indirect_bidder_accepted", "comp_accepted",
                "offering_amt", "reopening", "cusip"),
        units="yields percent; offering USD billions; shares percent of competitive tenders "
        "accepted",
        transformation=(
            "Nominal 10-year notes (terms 10-Year, 9-Year 10-Month, 9-Year 11-Month: new issues "
            "and reopenings). dealer_pct, direct_pct and indirect_pct are primary dealers', "
            "direct and indirect bidders' accepted amounts over competitive accepted x 100 "
            "(they add up to 100); median_yield_pct is FiscalData's avg_med_yield; offering in "
            "dollars / 1e9."
        ),
        notes=(
            "The offline build reads a MIRROR: an extract (every '10-Year' row, 2015-2025) of "
            "a third-party table built from FiscalData's auctions_query, with the shares "
            "already computed (see describe().built_from). Two of its rows are left out: "
            "2019-11-05, the 3-year note auction that reopened an old 10-year note (CUSIP "
            "912828TY6, term 3-Year), and 2019-06-21, a $25 million reopening all taken by "
            "dealers (offerings under $1 billion are dropped); refresh() applies the same two "
            "rules to FiscalData's records. 2015-01-13 to 2025-12-09, 132 auctions: 44 new "
            "issues and 88 reopenings."
        ),
        inputs=(
            Input(
                "auctions_query",
                FISCALDATA.kind,
                f"v1/accounting/od/auctions_query?fields={_AUCTION_FIELDS}"
                "&filter=original_security_term:eq:10-Year,security_type:eq:Note,"
                "auction_date:gte:2015-01-01&sort=auction_date",
                "auctions/UST_10yr_note_auctions_2015-2025_bidder_shares_EXTRACT.csv",
                mirror=(
                    "smileys21/Global-Bond-Holdings data/auctions.csv @1e6436a1, the rows "
                    "with tenor '10-Year' (2015-2025); a derived table (date, tenor, term, "
                    "reopening, cusip, size_bn, yields, bid_to_cover and the bidder shares "
                    "already computed), not FiscalData's JSON of accepted amounts"
                ),
            ),
        ),
        builder=build_auctions,
    )
)


def build_bid_to_cover(raw: Raw) -> Built:
    """``bid_to_cover``: bid-to-cover of original-issue 10-year notes and 30-year bonds."""
    ten = parse_bid_to_cover(raw["BIDTOCOVER_10Y"], "BIDTOCOVER_10Y", "10-Year")
    thirty = parse_bid_to_cover(raw["BIDTOCOVER_30Y"], "BIDTOCOVER_30Y", "30-Year")
    frame = pd.DataFrame({"bid_to_cover_10y": ten, "bid_to_cover_30y": thirty}).sort_index()
    frame.index.name = "date"
    last = frame.index[-1]
    return Built(frame, f"auctions to {last.day} {last:%b %Y}")


_BTC_MIRROR = (
    "401Alert/401Alert-backtest-data {file} @414c3e5e; a re-save 'date,{series}' of the "
    "ratios, not TreasuryDirect's JSON"
)

register(
    DatasetSpec(
        name="bid_to_cover",
        schema=Schema(
            "date",
            "date",
            (
                Column("bid_to_cover_10y", low=1, high=6, nullable=True),
                Column("bid_to_cover_30y", low=1, high=6, nullable=True),
            ),
            min_rows=2,
        ),
        publisher="U.S. Department of the Treasury, Bureau of the Fiscal Service "
        "(TreasuryDirect auction results)",
        short_source="U.S. Treasury auction results (TreasuryDirect)",
        title="Bid-to-cover ratio of original-issue 10-year note and 30-year bond auctions",
        url="https://www.treasurydirect.gov/auctions/auction-query/",
        series=("bidToCoverRatio (10-Year notes)", "bidToCoverRatio (30-Year bonds)"),
        units="ratio of bids tendered to the amount accepted",
        transformation=(
            "One row per auction date; the ratio in the column of the security sold that day. "
            "Original issues only (the quarterly refunding auctions), no reopenings."
        ),
        notes=(
            "Each row has one column empty: 10-year and 30-year auctions fall on different "
            "days. No 30-year auctions 2002-2005 (the bond was suspended). The offline build "
            "reads MIRRORS of TreasuryDirect's data (see describe().built_from). The "
            "10-year ratios equal the auctions dataset's on every common original issue "
            "(44, 2015-2025)."
        ),
        inputs=(
            Input("BIDTOCOVER_10Y", TREASURYDIRECT.kind,
                  "type=Note&reopening=No&format=json", "auctions/BIDTOCOVER_10Y.csv",
                  mirror=_BTC_MIRROR.format(file="BIDTOCOVER_10Y.csv",
                                            series="BIDTOCOVER_10Y")),
            Input("BIDTOCOVER_30Y", TREASURYDIRECT.kind,
                  "type=Bond&reopening=No&format=json", "auctions/BIDTOCOVER_30Y.csv",
                  mirror=_BTC_MIRROR.format(file="BIDTOCOVER_30Y.csv",
                                            series="BIDTOCOVER_30Y")),
        ),
        builder=build_bid_to_cover,
    )
)
