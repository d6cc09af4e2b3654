"""Helpers the teaching cells of module 09 import (not checks).

``coarsen`` and ``domain`` turn the census into the sandbox's categorical table and its public
categories; ``tstr_auc`` scores a model trained on synthetic data on real people;
``memorising_synthesizer`` stands in for an over-fitted generator; ``dp_chain`` and ``risk_table``
run the learner's own functions (passed in) over several synthesizers.
"""

import numpy as np
import pandas as pd

AGE_BANDS = ["0-15", "16-24", "25-44", "45-64", "65+"]
INCOME_BANDS = ["none", "under 10k", "10k-25k", "25k-50k", "50k+"]
REGIONS = ["Capital", "Eastern Plains", "Lakelands", "North Coast", "Southern Hills", "Western Isles"]


def coarsen(people: pd.DataFrame) -> pd.DataFrame:
    """census_microdata (one row per person) → 7 categorical columns, one row per person.

    Age and income become bands; benefit stays a bool; household size a whole number 1–7.
    """
    age = people["age"].astype(int)
    income = people["income"].astype(int)
    return pd.DataFrame({
        "region": people["region"].astype(str).to_numpy(dtype=object),
        "age_band": pd.cut(age, [-1, 15, 24, 44, 64, 200], labels=AGE_BANDS).astype(str).to_numpy(dtype=object),
        "sex": people["sex"].astype(str).to_numpy(dtype=object),
        "employment": people["employment"].astype(str).to_numpy(dtype=object),
        "income_band": pd.cut(income, [-1, 0, 9_999, 24_999, 49_999, 10**9], labels=INCOME_BANDS).astype(str)
                         .to_numpy(dtype=object),
        "benefit": people["benefit"].astype(bool).to_numpy(),
        "household_size": people["household_size"].astype(int).to_numpy(),
    })


def domain() -> dict:
    """The public categories of every column of ``coarsen``'s table (published in the data's documentation)."""
    return {"region": REGIONS, "age_band": AGE_BANDS, "sex": ["F", "M"],
            "employment": ["child", "employed", "inactive", "retired", "unemployed"],
            "income_band": INCOME_BANDS, "benefit": [False, True], "household_size": list(range(1, 8))}


def tstr_auc(synthetic: pd.DataFrame, test: pd.DataFrame) -> float:
    """AUC (0.5 = guessing) on real ``test`` of a logistic regression predicting ``benefit``, trained on ``synthetic``."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    features = [c for c in test.columns if c != "benefit"]
    both = pd.get_dummies(pd.concat([synthetic[features], test[features]]).astype(str), dtype=float)
    x_syn, x_test = both.iloc[:len(synthetic)], both.iloc[len(synthetic):]
    y_syn = synthetic["benefit"].astype(bool).to_numpy()
    if len(set(y_syn)) < 2:
        return 0.5  # a model cannot learn from one class
    model = LogisticRegression(max_iter=500).fit(x_syn, y_syn)
    return float(roc_auc_score(test["benefit"].astype(bool), model.predict_proba(x_test)[:, 1]))


def memorising_synthesizer(df, parents, n, rng, copied=0.2) -> pd.DataFrame:
    """``n`` rows: a share ``copied`` are training rows copied whole; the rest follow the chain ``parents``."""
    n_copy = int(round(copied * n))
    drawn_columns = {}
    for name, parent_name in parents.items():
        if not parent_name:
            drawn_columns[name] = df[name].to_numpy()[rng.integers(0, len(df), n - n_copy)]
        else:
            pools = {key: group.to_numpy() for key, group in df.groupby(parent_name)[name]}
            drawn_columns[name] = np.array([pools[key][rng.integers(0, len(pools[key]))]
                                            for key in drawn_columns[parent_name]], dtype=object)
    drawn = pd.DataFrame(drawn_columns)[list(df.columns)]
    copies = df.iloc[rng.choice(len(df), n_copy, replace=False)]
    return pd.concat([drawn, copies], ignore_index=True).sample(frac=1, random_state=int(rng.integers(1 << 30)))


def dp_chain(df, parents, domain, epsilon, n, rng, noisy_table) -> pd.DataFrame:
    """The chain synthesizer drawn from the learner's ``noisy_table``s, ε shared equally over the tables.

    The root's distribution is read off its first table (row sums): no extra budget is spent.
    """
    edges = [(parent, child) for child, parent in parents.items() if parent is not None]
    share = epsilon / len(edges)  # sequential composition: the tables' ε add up to ``epsilon``
    tables = {(p, c): pd.DataFrame(noisy_table(df, p, c, domain, share, rng)) for p, c in edges}
    out = {}
    for name, parent_name in parents.items():
        if not parent_name:
            table = next((t for (p, _), t in tables.items() if p == name), None)
            weights = table.sum(axis=1).to_numpy(float) if table is not None else np.ones(len(domain[name]))
            out[name] = _draw(domain[name], weights, n, rng)
        else:
            table = tables[(parent_name, name)]
            drawn = np.empty(n, dtype=object)
            for key in domain[parent_name]:
                where = np.array([v == key for v in out[parent_name]])
                drawn[where] = _draw(domain[name], table.loc[key].to_numpy(float), int(where.sum()), rng)
            out[name] = drawn
    return pd.DataFrame(out)[list(df.columns)]


def _draw(categories, weights, size, rng):
    weights = np.clip(np.asarray(weights, float), 0, None)
    p = weights / weights.sum() if weights.sum() > 0 else np.full(len(categories), 1 / len(categories))
    return np.array(categories, dtype=object)[rng.choice(len(categories), size=size, p=p)]


LINK_A = ["region", "sex", "household_size"]
LINK_B = ["age_band", "employment", "income_band", "benefit"]
KNOWN = ["region", "age_band", "sex", "household_size", "employment"]
SECRET = "income_band"


def risk_table(synthetics, train, control, singling_out_rate, linkability_rate, inference_rate, privacy_risk,
               seed, targets=200, predicates=200) -> pd.DataFrame:
    """One row per synthesizer: the three attacks' success on train and control targets, and Giomi's risk.

    Predicates for singling out are drawn from synthetic rows (3 random columns each); linkability and
    inference use ``targets`` people from each pool.
    """
    rng = np.random.default_rng(seed)
    rows = []
    for label, synthetic in synthetics.items():
        picks = rng.choice(len(synthetic), predicates)
        preds = []
        for i in picks:
            cols = rng.choice(train.columns, 3, replace=False)
            preds.append({c: synthetic.iloc[i][c] for c in cols})
        t_targets = train.iloc[rng.choice(len(train), min(targets, len(train)), replace=False)]
        c_targets = control.iloc[rng.choice(len(control), min(targets, len(control)), replace=False)]
        row = {"synthesizer": label}
        for name, rate in [("singling out", lambda pool: singling_out_rate(preds, pool)),
                           ("linkability", lambda pool: linkability_rate(synthetic, pool, LINK_A, LINK_B)),
                           ("inference", lambda pool: inference_rate(synthetic, pool, KNOWN, SECRET))]:
            r_train = float(rate(train if name == "singling out" else t_targets))
            r_control = float(rate(control if name == "singling out" else c_targets))
            row[f"{name} risk"] = privacy_risk(r_train, r_control)
        rows.append(row)
    return pd.DataFrame.from_records(rows)
