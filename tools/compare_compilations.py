"""Compare the shipped datasets with the compilations in ``shared/facts/*.csv`` (run by hand).

    python -m tools.compare_compilations ../shared/facts

Prints, per dataset, how many values were compared and every difference larger than the
compilation's rounding. Not a test: users and CI clones may not have the compilations.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from lessons_lib import data

ROOT = Path(__file__).resolve().parents[1]


def compare(label: str, ours: pd.Series, theirs: pd.Series, tolerance: float) -> int:
    """Print differences above ``tolerance`` between two aligned series; return their count."""
    joined = pd.concat({"ours": ours, "compilation": theirs}, axis=1, join="inner")
    both = joined.dropna()
    diff = (both["ours"] - both["compilation"]).abs()
    bad = both[diff > tolerance]
    only_ours = ours.index.difference(theirs.index)
    only_theirs = theirs.dropna().index.difference(ours.dropna().index)
    print(f"{label}: {len(both)} values compared, {len(bad)} differ by more than {tolerance}")
    for key, row in bad.iterrows():
        print(f"    {key}: ours {row['ours']} vs compilation {row['compilation']}")
    if len(only_theirs):
        print(f"    only in the compilation: {[str(k) for k in only_theirs][:12]}")
    if len(only_ours) and len(only_ours) < 15:
        print(f"    only ours: {[str(k) for k in only_ours]}")
    return len(bad)


def main(facts: Path) -> int:
    """Run every comparison; return the number of differences."""
    n = 0
    tic = data.load("tic_holdings")
    comp = pd.read_csv(facts / "tic_mfh_monthly_2000_2025.csv")
    comp.index = pd.to_datetime(comp["month"]) + pd.offsets.MonthEnd(0)
    for ours, theirs in [("japan_usd_bn", "japan_busd"), ("china_usd_bn", "china_mainland_busd"),
                         ("all_foreign_usd_bn", "grand_total_busd"),
                         ("foreign_official_usd_bn", "foreign_official_busd")]:
        n += compare(f"tic_holdings.{ours}", tic[ours], comp[theirs], 0.05)

    fiscal = pd.read_csv(facts / "fiscal_fy_2000_2025.csv", index_col="fiscal_year")
    budget = data.load("budget_fy")
    for ours, theirs in [("receipts_usd_bn", "receipts_busd"), ("outlays_usd_bn", "outlays_busd"),
                         ("surplus_deficit_usd_bn", "surplus_deficit_busd"),
                         ("net_interest_usd_bn", "net_interest_busd"),
                         ("gdp_fy_usd_bn", "fy_gdp_busd_approx")]:
        # the compilation rounds GDP to whole billions, the rest to 0.1
        tolerance = 0.5 if ours == "gdp_fy_usd_bn" else 0.051
        n += compare(f"budget_fy.{ours}", budget[ours], fiscal[theirs], tolerance)

    debt = data.load("federal_debt_fy")
    comp_debt = pd.read_csv(facts / "debt_fy_end_2000_2024.csv", index_col="fiscal_year")
    n += compare("federal_debt_fy.total (debt_fy_end)", debt["total_public_debt_usd_bn"],
                 comp_debt["total_public_debt_outstanding_busd"], 0.051)
    n += compare("federal_debt_fy.dhp (debt_fy_end)", debt["debt_held_by_public_usd_bn"],
                 comp_debt["debt_held_by_public_busd"], 0.051)
    n += compare("federal_debt_fy.total (fiscal_fy)", debt["total_public_debt_usd_bn"],
                 fiscal["total_public_debt_fy_end_busd"], 0.051)
    n += compare("federal_debt_fy.dhp (fiscal_fy)", debt["debt_held_by_public_usd_bn"],
                 fiscal["debt_held_by_public_fy_end_busd"], 0.051)

    rates = data.load("avg_interest_rate")
    comp_rates = pd.read_csv(facts / "avg_interest_rate_marketable_2001_2025.csv")
    comp_rates.index = pd.to_datetime(comp_rates["record_date"])
    n += compare("avg_interest_rate.total_marketable_pct", rates["total_marketable_pct"],
                 comp_rates["avg_interest_rate_total_marketable_pct"], 0.0005)

    yields = data.load("yields_monthly")
    comp_y = pd.read_csv(facts / "yields_annual_avg_2000_2025.csv", index_col="year")
    # annual averages of daily data cannot be rebuilt from monthly means exactly: a loose check
    annual = yields.groupby(yields.index.year).mean()
    n += compare("yields_monthly.y10y_pct (annual mean of monthly means, loose)",
                 annual["y10y_pct"], comp_y["dgs10_annual_avg_pct"], 0.03)
    n += compare("yields_monthly.y2y_pct (annual mean of monthly means, loose)",
                 annual["y2y_pct"], comp_y["dgs2_annual_avg_pct"], 0.03)
    return n


if __name__ == "__main__":
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "facts"
    sys.exit(1 if main(folder) else 0)
