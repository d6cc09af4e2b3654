"""The Kestria catalogue: deterministic builds, documented resources, planted signals findable by the
method each module teaches (using the instructor ground truth) and absent where they should be."""

import importlib.util
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from academy import data

ROOT = Path(__file__).resolve().parents[1]
DATASETS = ROOT / "datasets"
INSTRUCTOR = DATASETS / "instructor"
sys.path.insert(0, str(DATASETS))
from generators import population, welfare  # noqa: E402

CENSUS_COLUMNS = ["person_id", "household_id", "area_code", "region", "age", "sex", "employment", "income",
                  "benefit", "household_size"]


def _build_module():
    spec = importlib.util.spec_from_file_location("catalog_build", DATASETS / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def links():
    return pd.read_parquet(INSTRUCTOR / "links.parquet")


def person_of(links, resource):
    return links[links["resource"] == resource].set_index("record_id")["person_id"]


# --- build ---------------------------------------------------------------------------------

def test_two_builds_with_the_same_seed_are_identical(tmp_path):
    build = _build_module()
    for name in ("a", "b"):
        build.build(tmp_path / name, people=4_000, seed=11)
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    assert len(files) > 20
    for rel in files:
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes(), rel


def test_committed_data_is_what_the_generators_make(tmp_path):
    _build_module().build(tmp_path)
    built = json.loads((tmp_path / "datapackage.json").read_text())
    committed = json.loads((DATASETS / "datapackage.json").read_text())
    assert [(r["name"], data.integrity(r)) for r in built["resources"]] == [(r["name"], data.integrity(r)) for r in committed["resources"]]


def test_readme_catalogue_is_up_to_date():
    spec = importlib.util.spec_from_file_location("catalogue", DATASETS / "catalogue.py")
    catalogue = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(catalogue)
    package = json.loads((DATASETS / "datapackage.json").read_text())
    assert (DATASETS / "README.md").read_text() == catalogue.readme(package, DATASETS), "run: academy datasets build"


def test_census_view_keeps_its_columns():
    assert list(data.load("census_microdata").columns) == CENSUS_COLUMNS
    assert population.CENSUS_COLUMNS == CENSUS_COLUMNS


def test_small_area_tables_add_up_to_the_microdata():
    census = data.load("census_microdata")
    areas = data.load("census_small_areas").set_index("area_code")
    assert areas["residents"].sum() == len(census)
    assert (census.groupby("area_code")["benefit"].sum() == areas["benefit_recipients"]).all()
    assert (areas["residents"] < 10).sum() >= 12  # the tiny island areas are there to be protected


def test_every_resource_is_fully_described():
    package = json.loads((DATASETS / "datapackage.json").read_text())
    for res in package["resources"]:
        assert {"name", "title", "description", "path", "datasheet", "licenses", "sources", "schema"} <= set(res)
        assert data.integrity(res)[0].startswith("sha256:") and data.integrity(res)[1], res["name"]
        assert res["schema"].get("primaryKey"), res["name"]
        for f in res["schema"]["fields"]:
            assert f["type"] in {"string", "integer", "number", "boolean", "date"} and f.get("description"), (res["name"], f)
        for key in res["schema"].get("foreignKeys", []):
            target = data.load(key["reference"]["resource"])[key["reference"]["fields"]]
            source = data.load(res["name"])[key["fields"]].dropna()
            assert source.merge(target.drop_duplicates(), how="left", indicator=True)["_merge"].eq("both").all(), key


def test_instructor_files_stay_out_of_the_student_package():
    package = json.loads((DATASETS / "datapackage.json").read_text())
    paths = {r["path"] for r in package["resources"]} | {r["datasheet"] for r in package["resources"]}
    assert not any("instructor" in p for p in paths)
    student = {p.name for p in (DATASETS / "data").iterdir()} | {p.name for p in (DATASETS / "datasheets").iterdir()}
    assert not student & {p.name for p in INSTRUCTOR.iterdir()}
    assert {"links.parquet", "fraud_cases.csv", "welfare_truth.csv", "planted.md"} <= {p.name for p in INSTRUCTOR.iterdir()}
    pyproject = (ROOT / "pyproject.toml").read_text()
    assert "datasets/instructor" not in pyproject
    for sheet in (DATASETS / "datasheets").glob("*.md"):  # student datasheets name no planted case
        text = sheet.read_text().lower()
        assert "ghost" not in text and "dishonest" not in text and "fraud_cases" not in text, sheet


def test_committed_data_is_at_most_25_mb():
    files = [p for folder in ("data", "instructor", "sources") for p in (DATASETS / folder).rglob("*") if p.is_file()]
    assert sum(p.stat().st_size for p in files) <= 25 * 1024 * 1024


# --- ground truth ---------------------------------------------------------------------------

def test_ground_truth_is_consistent_across_agencies(links):
    pop = population.generate_population(100_000, 20221).set_index("person_id")
    known = links["person_id"].dropna()
    assert known.isin(pop.index).all()
    assert not links.duplicated(["resource", "record_id"]).any()
    for resource, key in [("revenue_employments", "employment_id"), ("welfare_claims", "claim_id"),
                          ("skills_learners", "learner_ref"), ("health_admissions", "admission_id"),
                          ("police_contacts", "contact_id"), ("public_register", "elector_id")]:
        frame = data.load(resource)
        linked = frame[key].map(person_of(links, resource))
        assert linked.notna().sum() + (resource == "skills_learners") * linked.isna().sum() == len(frame), resource
        truth = pop.reindex(linked)
        same_dob = (pd.to_datetime(truth["birth_date"]).to_numpy() == frame["birth_date"].to_numpy())
        assert 0.9 < same_dob.mean() < 1.0 or resource == "public_register", (resource, same_dob.mean())
    emp = data.load("revenue_employments")
    truth = pop.reindex(emp["employment_id"].map(person_of(links, "revenue_employments")))
    has = emp["tax_ref"].notna().to_numpy()
    assert (emp["tax_ref"].to_numpy()[has] == truth["tax_ref"].to_numpy()[has]).all()
    assert (emp["sex"].to_numpy() == truth["sex"].to_numpy()).all()
    claims = data.load("welfare_claims")
    assert (claims["sex"].to_numpy() == pop.reindex(claims["claim_id"].map(person_of(links, "welfare_claims")))["sex"].to_numpy()).all()


# --- skills fraud: each pattern by the linkage that reveals it -------------------------------

@pytest.fixture(scope="module")
def skills_flags(links):
    learners = data.load("skills_learners")
    learners["person_id"] = learners["learner_ref"].map(person_of(links, "skills_learners"))
    accounts = data.load("skills_levy_accounts")
    ref = accounts["paye_ref"].str.slice(0, 3) + "/" + accounts["paye_ref"].str.slice(3)  # Revenue's format
    learners["employer_ref"] = learners["account_id"].map(dict(zip(accounts["account_id"], ref)))
    payroll = data.load("revenue_payroll")
    payroll["person_id"] = payroll["employment_id"].map(person_of(links, "revenue_employments"))
    on_payroll = set(payroll["person_id"])
    works_at = set(zip(payroll["person_id"], payroll["employer_ref"]))
    claims = data.load("skills_funding_claims").merge(learners[["learner_ref", "person_id", "employer_ref"]], on="learner_ref")
    paid = payroll.groupby(["person_id", "employer_ref", "month"])["hours_paid"].sum().rename("hours_paid").reset_index()
    claims = claims.merge(paid, on=["person_id", "employer_ref", "month"], how="left")
    over = claims[claims["training_hours"] > 0.2 * claims["hours_paid"]]["learner_ref"]
    pairs = list(zip(learners["person_id"], learners["employer_ref"]))
    multi = learners["person_id"].notna() & learners.duplicated("person_id", keep=False)
    flags = pd.DataFrame({
        "ghost": ~learners["person_id"].isin(on_payroll),
        "employed_elsewhere": learners["person_id"].isin(on_payroll) & ~pd.Series([p in works_at for p in pairs]),
        "inflated_hours": learners["learner_ref"].isin(over),
        "duplicate": multi,
    })
    flags.index = learners["learner_ref"]
    return flags, learners.set_index("learner_ref")


@pytest.mark.parametrize("pattern", ["ghost", "employed_elsewhere", "inflated_hours"])
def test_each_fraud_pattern_is_found_exactly_by_linkage(skills_flags, pattern):
    flags, _ = skills_flags
    planted = pd.read_csv(INSTRUCTOR / "fraud_cases.csv", dtype=str)
    expected = set(planted.loc[planted["pattern"] == pattern, "learner_ref"])
    assert expected and set(flags.index[flags[pattern]]) == expected


def test_duplicate_claims_pair_a_planted_copy_with_an_honest_original(skills_flags):
    flags, learners = skills_flags
    planted = pd.read_csv(INSTRUCTOR / "fraud_cases.csv", dtype=str)
    copies = set(planted.loc[planted["pattern"] == "duplicate", "learner_ref"])
    flagged = learners[flags["duplicate"]]
    for person, group in flagged.groupby("person_id"):
        assert len(group) == 2 and group["provider_id"].nunique() == 2
        assert len(set(group.index) & copies) == 1, person
    assert copies <= set(flagged.index)


def test_honest_providers_show_no_fraud_signal(skills_flags):
    flags, learners = skills_flags
    planted = pd.read_csv(INSTRUCTOR / "fraud_cases.csv", dtype=str)
    dishonest = set(planted["provider_id"])
    honest = ~learners["provider_id"].isin(dishonest)
    assert not flags.loc[honest.to_numpy(), ["ghost", "employed_elsewhere", "inflated_hours"]].any().any()
    # honest providers' only "duplicates" are the originals a dishonest provider copied
    originals = flags["duplicate"].to_numpy() & honest.to_numpy()
    assert originals.sum() == (planted["pattern"] == "duplicate").sum()
    rates = planted["pattern"].value_counts() / honest.sum()
    assert ((rates > 0.005) & (rates < 0.06)).all(), rates


# --- welfare ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def welfare_audit():
    claims = data.load("welfare_claims")
    inv = data.load("welfare_investigations")
    truth = pd.read_csv(INSTRUCTOR / "welfare_truth.csv", dtype={"claim_id": str, "person_id": str})
    frame = claims.merge(truth, on="claim_id")
    frame["flagged"] = frame["claim_id"].isin(inv.loc[inv["reason"] == "risk score", "claim_id"])
    return frame, inv


def test_risk_model_is_unfair_to_second_nationals(welfare_audit):
    frame, inv = welfare_audit
    g = frame.groupby("second_nationality")
    selection = g["flagged"].mean()
    fpr = frame[~frame["irregular_claim"]].groupby("second_nationality")["flagged"].mean()
    base = g["irregular_claim"].mean()
    assert selection[True] / selection[False] > 2
    assert fpr[True] - fpr[False] > 0.1
    assert abs(base[True] - base[False]) < 0.03  # the groups do not differ in truth
    # what learners can see without the truth: hit rate among risk-score investigations
    seen = inv[inv["reason"] == "risk score"].merge(frame[["claim_id", "second_nationality"]], on="claim_id")
    hit = seen.assign(hit=seen["outcome"] != "no change").groupby("second_nationality")["hit"].mean()
    assert hit[True] < hit[False]


def test_risk_model_is_not_unfair_where_nothing_was_planted(welfare_audit):
    frame, _ = welfare_audit
    selection = frame[~frame["second_nationality"]].groupby("sex")["flagged"].mean()
    assert 0.7 < selection["F"] / selection["M"] < 1.4


def test_income_averaging_invents_debts_that_payslips_do_not_support(links):
    claims = data.load("welfare_claims")
    fort = data.load("welfare_fortnights")
    truth = pd.read_csv(INSTRUCTOR / "welfare_truth.csv", dtype={"claim_id": str, "person_id": str}).set_index("claim_id")
    emp = data.load("revenue_employments")
    annual = emp.groupby(emp["employment_id"].map(person_of(links, "revenue_employments")))["annual_pay"].sum()
    fort["annual"] = fort["claim_id"].map(truth["person_id"]).map(annual)
    fort["debt_avg"] = (fort["benefit_paid"] - welfare.entitlement(fort["annual"] / welfare.FORTNIGHTS)).clip(lower=0)
    fort["debt_true"] = (fort["benefit_paid"] - welfare.entitlement(fort["payslip_earnings"])).clip(lower=0)
    per = fort.groupby("claim_id")[["debt_avg", "debt_true"]].sum().join(truth)
    honest = ~per["under_reported"]
    assert (per.loc[honest, "debt_true"] < 1).all()
    assert (per.loc[per["under_reported"], "debt_true"] > 0).all()  # genuine overpayments are found too
    irregular = per[honest & (per["earnings_pattern"] == "irregular")]
    steady = per[honest & (per["earnings_pattern"] == "steady")]
    assert (irregular["debt_avg"] > 200).mean() > 0.5  # false debts under averaging
    assert (steady["debt_avg"] > 200).mean() < 0.05
    assert set(per.index) == set(claims.loc[claims["has_earnings"], "claim_id"])


# --- health and justice ------------------------------------------------------------------------

def test_hospitals_differ_in_case_mix_and_outcome():
    adm = data.load("health_admissions")
    mix = pd.crosstab(adm["hospital"], adm["diagnosis_group"], normalize="index")
    assert (mix.max() - mix.min()).max() > 0.05
    readmit = adm.groupby("hospital")["readmitted_30d"].mean()
    assert readmit.max() - readmit.min() > 0.05


def test_repeat_police_contacts_link_to_mental_health_admissions(links):
    contacts = data.load("police_contacts")
    who = contacts["contact_id"].map(person_of(links, "police_contacts"))
    per = who.value_counts()
    adm = data.load("health_admissions")
    mh = set(adm.loc[adm["diagnosis_group"] == "mental health", "admission_id"].map(person_of(links, "health_admissions")))
    repeat = per[per >= 3].index
    others = per[per == 1].index
    assert len(repeat) > 20
    assert np.mean([p in mh for p in repeat]) > 0.5 > 5 * np.mean([p in mh for p in others])


def test_frictionless_validates_the_descriptor_and_the_csv_tables():
    frictionless = pytest.importorskip("frictionless")
    package = json.loads((DATASETS / "datapackage.json").read_text())
    assert frictionless.Package.validate_descriptor(package).valid  # every resource, Parquet included
    # Frictionless reads Parquet only with an extra plugin; the loader checks those tables instead.
    csv = [r for r in package["resources"] if r["format"] == "csv"]
    report = frictionless.Package({"name": "kestria-csv", "resources": csv}, basepath=str(DATASETS)).validate()
    assert report.valid, report.flatten(["resourceName", "type", "message"])[:5]
