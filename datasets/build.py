"""Build the course datasets into <out>/data/ and describe them in <out>/datapackage.json.

    python datasets/build.py [--out DIR] [--people N] [--seed S]

Deterministic: the same seed gives byte-identical files (no timestamps anywhere).
`academy datasets build` imports this file by path and calls `main(argv)`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # so `generators` imports when this file is loaded by path

from generators import census_tables, health, justice, population, register, revenue, skills, survey, welfare  # noqa: E402
from generators.schema import field, key  # noqa: E402

from academy import data  # noqa: E402  (one checksum function for building and loading)

import catalogue  # noqa: E402
import public_sources  # noqa: E402

REPORT = {
    "title": "Capgemini Research Institute, Data ecosystems in the public sector (survey fielded June 2022, N=1,000), 2022",
    "path": "https://www.capgemini.com/researchinstitute/",  # the institute's address printed in the report
}
OUR_LICENCE = [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
                "path": "https://creativecommons.org/licenses/by/4.0/"}]
REPORT_FACTS = ("Figures are facts reported by the Capgemini Research Institute; cite it as the source. "
                "The table (its layout, identifiers and descriptions) is the course's compilation, under CC-BY-4.0.")


SURVEY_FIGURES = {
    "name": "survey_figures",
    "title": "Survey figures from the report, one row per printed percentage",
    "description": "Shares of public sector organisations in the Capgemini Research Institute survey (June 2022, "
                   "N=1,000) by topic and group, with the number of respondents each share rests on where the report gives it. "
                   + REPORT_FACTS,
    "schema": {"fields": [
        field("figure_id", "string", "Identifier: topic, group (unless whole sample) and item, joined by dots", **key()),
        field("topic", "string", "Which question the figure answers", required=True, enum=survey.TOPICS),
        field("group", "string", "Who the figure is about: 'all' for the whole base, else a sector key or a country",
              required=True),
        field("item", "string", "The answer option or benefit the share refers to", required=True),
        field("percent", "number", "Share of the base giving this answer, as printed (whole percent)", unit="percent",
              required=True, minimum=0, maximum=100),
        field("base_n", "integer", "Number of respondents the share rests on; empty where the report does not give it",
              unit="respondents", minimum=1),
        field("base", "string", "Who the base is, in plain words", required=True),
    ], "primaryKey": ["figure_id"]},
}
SURVEY_SAMPLE = {
    "name": "survey_sample",
    "title": "Survey respondents by sector",
    "description": "How the report's 1,000 survey respondents split across functional areas (healthcare was excluded). "
                   + REPORT_FACTS,
    "schema": {"fields": [
        field("sector", "string", "Functional area, as keyed in the source figures", **key()),
        field("respondents", "integer", "Number of organisations surveyed in the sector", unit="respondents",
              required=True, minimum=0),
    ], "primaryKey": ["sector"]},
}
REPORT_FIGURES = {
    "name": "report_figures",
    "title": "Other figures quoted in the report",
    "description": "Numbers the report quotes that are not shares of its own survey: costs, savings, counts and "
                   "results of earlier studies, each with its unit. " + REPORT_FACTS,
    "schema": {"fields": [
        field("figure_id", "string", "Identifier of the figure; ranges are split into .lower and .upper", **key()),
        field("value", "number", "The figure as quoted", required=True),
        field("unit", "string", "Unit of the value (percent, GBP, cameras ...)", required=True),
        field("description", "string", "What the figure measures, in plain words", required=True),
    ], "primaryKey": ["figure_id"]},
}
CENSUS = {
    "name": "census_microdata",
    "title": "Census microdata of Kestria (synthetic)",
    "description": "One row per resident of the fictional country of Kestria: household, small area, age, sex, "
                   "economic activity, income and benefit receipt. Entirely synthetic, calibrated loosely to "
                   "published UK figures; no real person appears.",
    "schema": {"fields": [
        field("person_id", "string", "Person identifier; its order reveals nothing", **key(pattern="^P[0-9]{7}$")),
        field("household_id", "string", "Household the person lives in", required=True, pattern="^H[0-9]{7}$"),
        field("area_code", "string", "Small area of residence; some island areas have fewer than 10 residents",
              required=True, pattern="^KA[0-9]{4}$"),
        field("region", "string", "Region the small area lies in", required=True, enum=population.REGIONS),
        field("age", "integer", "Age in completed years (100 means 100 or over)", unit="years",
              required=True, minimum=0, maximum=100),
        field("sex", "string", "Sex as recorded (F female, M male)", required=True, enum=["F", "M"]),
        field("employment", "string", "Economic activity; 'child' for everyone under 16", required=True,
              enum=population.EMPLOYMENT),
        field("income", "integer", "Annual gross income from earnings and pensions, in pounds, 0 when none "
              "(benefits not included)", unit="GBP per year", required=True, minimum=0),
        field("benefit", "boolean", "Receives a means-tested benefit (adults only)", required=True),
        field("household_size", "integer", "Number of residents in the household", unit="people",
              required=True, minimum=1),
    ], "primaryKey": ["person_id"]},
}

AGENCIES = (census_tables, revenue, skills, welfare, health, justice, register)  # in order: later agencies draw on earlier ones (apprentices need employers)

SURVEY_SOURCE = {**REPORT, "description": "Figures transcribed into sources/survey-figures.yaml"}


def write_csv(frame, path: Path) -> None:
    frame.to_csv(path, index=False, lineterminator="\n", encoding="utf-8", date_format="%Y-%m-%d")


def write_parquet(frame, path: Path, dates=()) -> None:
    # Keep pandas metadata (restores Int64/string/boolean on read); it holds no timestamps.
    table = pa.Table.from_pandas(frame, preserve_index=False)
    for name in dates:  # calendar dates, not instants: store as date32
        i = table.schema.get_field_index(name)
        table = table.set_column(i, name, table.column(name).cast(pa.timestamp("s")).cast(pa.date32()))
    pq.write_table(table, path, compression="zstd", row_group_size=1 << 20)


def _resource(meta: dict, out_dir: Path, rel: str, sources: list[dict], licenses: list[dict]) -> dict:
    path = out_dir / rel
    fmt = path.suffix.lstrip(".")
    res = {k: v for k, v in meta.items() if k not in ("schema", "datasheet", "format")}
    res.update(path=rel, format=fmt)
    # Integrity: the standard `hash` and `bytes` for CSV. Frictionless cannot check those on a Parquet
    # file (it reads Parquet by columns, not as a byte stream, and reports the resource invalid), so
    # Parquet keeps them in the project's own `integrity` field, which academy.data checks on load.
    checks = {"hash": "sha256:" + data.sha256(path), "bytes": path.stat().st_size}
    if fmt == "csv":
        res.update(checks)
    else:
        res["integrity"] = checks
    res.update(licenses=licenses, sources=sources, datasheet=f"datasheets/{meta.get('datasheet', meta['name'])}.md",
               schema=meta["schema"])
    if fmt == "csv":
        res.update(mediatype="text/csv", encoding="utf-8",
                   dialect={"delimiter": ",", "lineTerminator": "\n", "header": True})
    else:
        res["mediatype"] = "application/vnd.apache.parquet"
    return res


def build(out_dir: Path, people: int = 100_000, seed: int = 20221) -> None:
    out_dir = Path(out_dir)
    (out_dir / "data").mkdir(parents=True, exist_ok=True)
    resources = []
    tables = survey.generate()
    for meta in (SURVEY_FIGURES, SURVEY_SAMPLE, REPORT_FIGURES):
        rel = f"data/{meta['name']}.csv"
        frame = tables[meta["name"]]
        assert list(frame.columns) == [f["name"] for f in meta["schema"]["fields"]], meta["name"]
        write_csv(frame, out_dir / rel)
        resources.append(_resource(meta, out_dir, rel, [SURVEY_SOURCE], [{"name": "CC-BY-4.0", "title":
                         "Compilation: Creative Commons Attribution 4.0; figures: Capgemini Research Institute",
                         "path": "https://creativecommons.org/licenses/by/4.0/"}]))

    rel = f"data/{CENSUS['name']}.parquet"
    pop = population.generate_population(people, seed)
    frame = population.census(pop)
    write_parquet(frame, out_dir / rel)
    generated = {"title": f"Generated by datasets/generators/population.py (people={people}, seed={seed})"}
    resources.append(_resource(CENSUS, out_dir, rel, [generated], OUR_LICENCE))

    # The agencies' views of the same people; links and planted cases go to instructor/ only.
    links, context = [], {}
    for agency in AGENCIES:
        made = agency.generate(pop, seed, context)
        context[agency.__name__.rsplit(".", 1)[-1]] = made
        links.append(made["links"])
        made_by = {"title": f"Generated by datasets/generators/{agency.__name__.rsplit('.', 1)[-1]}.py "
                            f"from the population (people={people}, seed={seed})"}
        for meta in agency.RESOURCES:
            rel = f"data/{meta['name']}.{meta['format']}"
            frame = typed(made["tables"][meta["name"]], meta["schema"])
            if meta["format"] == "csv":
                write_csv(frame, out_dir / rel)
            else:
                dates = [f["name"] for f in meta["schema"]["fields"] if f["type"] == "date"]
                write_parquet(frame, out_dir / rel, dates)
            resources.append(_resource(meta, out_dir, rel, [made_by], OUR_LICENCE))
    # Real published aggregates, extracted once by extract.py and copied unchanged.
    for meta in public_sources.RESOURCES:
        rel = f"data/{meta['name']}.csv"
        (out_dir / rel).write_bytes((HERE / "sources" / "public" / f"{meta['name']}.csv").read_bytes())
        resources.append(_resource(meta, out_dir, rel, meta["sources"], meta["licenses"]))
    catalogue.write_instructor(out_dir / "instructor", pd.concat(links, ignore_index=True), context,
                               write_csv, write_parquet)

    # Start from the existing top-level fields so hand-edited ones survive a rebuild.
    package_path = out_dir / "datapackage.json"
    template = package_path if package_path.is_file() else HERE / "datapackage.json"
    package = json.loads(template.read_text(encoding="utf-8"))
    package["resources"] = resources
    package_path.write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (out_dir / "README.md").write_text(catalogue.readme(package, out_dir), encoding="utf-8")


def typed(frame, schema):
    """Columns in schema order with pandas dtypes that match the field types."""
    names = [f["name"] for f in schema["fields"]]
    assert list(frame.columns) == names, (names, list(frame.columns))
    frame = frame.copy()
    for f in schema["fields"]:
        col = frame[f["name"]]
        if f["type"] == "string":
            frame[f["name"]] = col.astype("string")
        elif f["type"] == "integer":
            frame[f["name"]] = col.astype("Int64")
        elif f["type"] == "boolean":
            frame[f["name"]] = col.astype("boolean")
        elif f["type"] == "number":
            frame[f["name"]] = col.astype("float64")
        elif f["type"] == "date":
            frame[f["name"]] = pd.to_datetime(col).dt.normalize()
    return frame


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="datasets/build.py", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE, help="folder for data/ and datapackage.json (default: datasets/)")
    parser.add_argument("--people", type=int, default=100_000, help="residents of Kestria (default 100000)")
    parser.add_argument("--seed", type=int, default=20221, help="random seed (default 20221)")
    args = parser.parse_args(argv)
    if not 1_000 <= args.people <= 9_999_999:  # ids have seven digits; tiny areas need a pool of households
        parser.error("--people must be between 1000 and 9999999")
    build(args.out, people=args.people, seed=args.seed)
    print(f"Built {args.out / 'datapackage.json'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
