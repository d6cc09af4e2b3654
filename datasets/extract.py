"""Extract real public aggregates from PyPI packages into sources/public/ (maintainers only).

    pip install causaldata bokeh_sampledata statsmodels
    python datasets/extract.py

Re-runnable: it overwrites sources/public/*.csv; `datasets/build.py` then copies them into data/.
Only sources whose licence allows redistribution are used (see public_sources.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import public_sources  # noqa: E402

OUT = HERE / "sources" / "public"


def scorecard() -> pd.DataFrame:
    from causaldata import scorecard as sc
    d = sc.load_pandas().data
    d["pred_degree_awarded_ipeds"] = d["pred_degree_awarded_ipeds"].astype("string")
    for c in ["count_not_working", "count_working"]:
        d[c] = d[c].round().astype("Int64")
    return d.sort_values(["unitid", "year"])


def un_population() -> pd.DataFrame:
    from bokeh_sampledata import population
    d = population.data
    d = d[d["Location"].isin(public_sources.WPP_LOCATIONS) & d["Year"].between(2000, 2050)]
    d = d.rename(columns={"LocID": "loc_id", "Location": "location", "Year": "year", "Sex": "sex",
                          "AgeGrp": "age_group", "AgeGrpStart": "age_start", "Value": "population"})
    d["population"] = d["population"].round().astype("Int64")
    return d.sort_values(["loc_id", "year", "sex", "age_start"])


def state_crime() -> pd.DataFrame:
    from statsmodels.datasets import statecrime
    d = statecrime.load_pandas().data.reset_index()
    return d[["state", "violent", "murder", "hs_grad", "poverty", "single", "white", "urban"]]


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    for meta, make in zip(public_sources.RESOURCES, (scorecard, un_population, state_crime)):
        frame = make()
        assert list(frame.columns) == [f["name"] for f in meta["schema"]["fields"]], meta["name"]
        frame.to_csv(OUT / f"{meta['name']}.csv", index=False, lineterminator="\n", encoding="utf-8")
        print(f"{meta['name']}: {len(frame)} rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
