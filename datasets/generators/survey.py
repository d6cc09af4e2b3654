"""Survey figures from the report (Capgemini Research Institute, 2022) as tidy tables.

Reads datasets/sources/survey-figures.yaml and returns three frames: one row per printed
percentage (survey_figures), respondents per sector (survey_sample) and the report's other
figures with their units (report_figures).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import yaml

SOURCE = Path(__file__).resolve().parent.parent / "sources" / "survey-figures.yaml"

TOPICS = ["deployment_stage", "deployed_or_deploying_by_country", "benefits_realised", "barriers", "competencies"]

EVERYONE = "all public sector organisations surveyed"
# Who each sector's benefit figures rest on (the report's chart notes, in our words).
SECTOR_BASE = {
    "all": "organisations in all sectors that have deployed or are deploying data ecosystems",
    "administration": "local, state and central administrations that have deployed or are deploying data ecosystems",
    "tax_and_customs": "tax and customs organisations that have deployed or are deploying data ecosystems",
    "welfare": "welfare organisations that have deployed or are deploying data ecosystems",
    "security_and_defense": "security and defence organisations that have deployed or are deploying data ecosystems (number not given)",
    "police": "police departments that have deployed or are deploying data ecosystems",
}


def read_source(path: Path = SOURCE) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _row(topic, group, item, percent, base_n, base):
    parts = [topic] if group == "all" else [topic, group.lower().replace(" ", "_")]
    return {
        "figure_id": ".".join(parts + [item]),
        "topic": topic,
        "group": group,
        "item": item,
        "percent": float(percent),
        "base_n": base_n,
        "base": base,
    }


def figures(src: dict) -> pd.DataFrame:
    rows = []
    for topic, what in [
        ("deployment_stage", "all organisations surveyed, by how far their data ecosystem has got"),
        ("barriers", EVERYONE + ", share reporting one or more challenges of this kind"),
        ("competencies", EVERYONE + ", share saying this applies to their organisation"),
    ]:
        block = dict(src[topic])
        n = block.pop("n")
        rows += [_row(topic, "all", item, pct, n, what) for item, pct in block.items()]
    for country, pct in src["deployed_or_deploying_by_country"].items():
        if country == "note":  # prose, not a figure
            continue
        base = f"organisations surveyed in {country} (number not given), share that have deployed or are deploying"
        rows.append(_row("deployed_or_deploying_by_country", country, "deployed_or_deploying", pct, None, base))
    for sector, block in src["benefits_realised"].items():
        block = dict(block)
        n = block.pop("n")
        group = "all" if sector == "all_sectors" else sector
        rows += [_row("benefits_realised", group, item, pct, n, SECTOR_BASE[group]) for item, pct in block.items()]
    frame = pd.DataFrame(rows)
    frame["base_n"] = frame["base_n"].astype("Int64")
    return frame


def sample(src: dict) -> pd.DataFrame:
    by_sector = src["survey"]["sample_by_sector"]
    frame = pd.DataFrame({"sector": list(by_sector), "respondents": list(by_sector.values())})
    frame["respondents"] = frame["respondents"].astype("Int64")
    assert frame["respondents"].sum() == src["survey"]["respondents"]  # the sectors add up to N
    return frame


# figure key -> (figure_id, unit, description); ranges and dicts are expanded into several rows.
OTHER = {
    "cloud_sovereignty_in_cloud_strategy_2021_pct": [
        ("cloud_sovereignty_in_cloud_strategy_2021", "percent",
         "Public sector organisations in an earlier (2021) survey that consider, or plan within 12 months to consider, cloud sovereignty in their cloud strategy"),
    ],
    "uk_fraud_cost_gbp_per_year": [
        ("uk_fraud_cost_per_year.lower", "GBP per year (lower bound)", "Estimated annual cost of fraud to the UK government, low end of the range"),
        ("uk_fraud_cost_per_year.upper", "GBP per year (upper bound)", "Estimated annual cost of fraud to the UK government, high end of the range"),
    ],
    "hmrc_esfa_apprenticeship_pilot_savings_gbp_min": [
        ("hmrc_esfa_apprenticeship_pilot_savings", "GBP (lower bound)",
         "Savings from an HMRC and ESFA data sharing pilot against apprenticeship fraud (reported as more than this)"),
    ],
    "uk_public_comfortable_sharing_with_nhs_for_treatments_pct": [
        ("uk_public_comfortable_sharing_with_nhs_for_treatments", "percent",
         "UK survey respondents comfortable giving the NHS personal data to help develop new treatments"),
    ],
    "uk_us_pets_prize_gbp": [
        ("uk_us_pets_prize", "GBP", "Prize fund launched by the UK and US governments for privacy-enhancing technologies"),
    ],
    "seoul_ansimi_cctv_cameras": [
        ("seoul_ansimi_cctv_cameras", "cameras", "CCTV cameras linked to Seoul's Ansimi public safety app"),
    ],
    "private_sector_prior_study": {
        "customer_satisfaction_gain_pct": ("private_sector_prior_study.customer_satisfaction_gain", "percent",
                                           "Improvement in customer satisfaction from data ecosystems, earlier private-sector study"),
        "productivity_gain_pct": ("private_sector_prior_study.productivity_gain", "percent",
                                  "Improvement in productivity or efficiency from data ecosystems, earlier private-sector study"),
        "cost_reduction_pct": ("private_sector_prior_study.cost_reduction", "percent per year",
                               "Annual cost reduction from data ecosystems over two to three years, earlier private-sector study"),
    },
}


def other_figures(src: dict) -> pd.DataFrame:
    rows = [{
        "figure_id": "expected_gain_in_use_of_funds",
        "value": float(src["expected_gain_in_use_of_funds_pct"]),
        "unit": "percent",
        "description": "Average improvement in the use of government funds and resources that respondents expect from a fully working data ecosystem",
    }]
    for key, value in src["other_figures"].items():
        spec = OTHER[key]  # a KeyError here means the source gained a figure: describe it above
        if isinstance(spec, dict):
            pairs = [(spec[k], v) for k, v in value.items()]
        elif isinstance(value, list):
            pairs = list(zip(spec, value, strict=True))
        else:
            pairs = [(spec[0], value)]
        rows += [{"figure_id": fid, "value": float(v), "unit": unit, "description": desc} for (fid, unit, desc), v in pairs]
    return pd.DataFrame(rows)


def generate(path: Path = SOURCE) -> dict[str, pd.DataFrame]:
    src = read_source(path)
    return {"survey_figures": figures(src), "survey_sample": sample(src), "report_figures": other_figures(src)}
