"""Module 05 — Ethics and trust: one exercise object per autograded exercise (``ex.q1`` … ``ex.q13``).

Checks hold fingerprints (salted digests) of expected values, never the values; functions are
tested on inputs made at check time. Exercises 10, 14 and 15 are written answers marked by a
tutor. ``text_stats`` and ``readability`` measure a notice's length and reading ease (the Flesch
score with a simple syllable rule); they are tools for learners, not an exercise answer.
"""

from __future__ import annotations

import copy
import numbers
import re

import numpy as np
import pandas as pd

from academy.exercises.checks import Behaves, Has, IsA, Matches, call_learner
from academy.exercises.core import Exercise, NotAttempted, Wrong, quiet
from academy.exercises.fingerprints import matches

__all__ = ["quiet", "text_stats", "readability", "reading_band", "as_rate_table",
           "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q11", "q12", "q13"]


# Fingerprints of reference answers, made with academy.exercises.fingerprints.fingerprint(value,
# salt=<exercise id>, step=...). Regenerate them if the welfare or register datasets change.
_FP = {
    'ex05_01_a': {"kind": "number", "step": 1e-06, "d": "70598a634cc2347f1a547a11"},
    'ex05_01_b': {"kind": "number", "step": 1e-06, "d": "ee9baae101bbce028d025c82"},
    'ex05_01_distinct': {"kind": "number", "step": 1e-06, "d": "34389b7caf30d9ae3c5a044f"},
    'ex05_01_combos': {"kind": "number", "step": 1e-06, "d": "de3f7e4912c5df414429fa45"},
    'ex05_02_rows': {"kind": "number", "step": 0.5, "d": "150af1addffa6bf3908ea0aa"},
    'ex05_02_names': {"kind": "set", "size": 2, "d": "0f547a6cb166a45d5dc8db1b"},
    'ex05_03_k3': {"kind": "number", "step": 0.1, "d": "f68c68a4445fdab28f4d4505"},
    'ex05_03_k1': {"kind": "number", "step": 0.1, "d": "fc587a7385773b59fc6dbd15"},
    'ex05_05': {"kind": "number", "step": 0.1, "d": "ecbc0070a993856343ccd8f9"},
    'ex05_05_groups': {"kind": "number", "step": 0.1, "d": "8c829e5f57ca1730c486efee"},
    'ex05_06_mask': {"kind": "frame", "step": 1, "columns": ["owner", "private rent", "social rent", "with family"], "rows": 4, "d": "fc3b084e4dbe33b90c10e32a"},
    'ex05_08': {"kind": "sequence", "items": [{"kind": "number", "step": 1e-06, "d": "27e0b85e4c152588aeb732b2"}, {"kind": "number", "step": 1e-06, "d": "571bae3799cb9c989dd7b787"}, {"kind": "number", "step": 1e-06, "d": "2291d8c4a1890c7a420cfda4"}, {"kind": "number", "step": 1e-06, "d": "52a7d8659a1e743f1e83ad0d"}, {"kind": "number", "step": 1e-06, "d": "4a61ef1627d657abbd559df5"}, {"kind": "number", "step": 1e-06, "d": "95dbfea6409f9206e52d83c6"}]},
    'ex05_08_unweighted': {"kind": "sequence", "items": [{"kind": "number", "step": 1e-06, "d": "2291d8c4a1890c7a420cfda4"}, {"kind": "number", "step": 1e-06, "d": "571bae3799cb9c989dd7b787"}, {"kind": "number", "step": 1e-06, "d": "4e294257b9b4553dbc2bd788"}, {"kind": "number", "step": 1e-06, "d": "2291d8c4a1890c7a420cfda4"}, {"kind": "number", "step": 1e-06, "d": "2cf796839a3a8e1380ce5c3c"}, {"kind": "number", "step": 1e-06, "d": "95dbfea6409f9206e52d83c6"}]},
    'ex05_08_partial': {"kind": "sequence", "items": [{"kind": "number", "step": 1e-06, "d": "27e0b85e4c152588aeb732b2"}, {"kind": "number", "step": 1e-06, "d": "571bae3799cb9c989dd7b787"}, {"kind": "number", "step": 1e-06, "d": "4e294257b9b4553dbc2bd788"}, {"kind": "number", "step": 1e-06, "d": "52a7d8659a1e743f1e83ad0d"}, {"kind": "number", "step": 1e-06, "d": "2cf796839a3a8e1380ce5c3c"}, {"kind": "number", "step": 1e-06, "d": "95dbfea6409f9206e52d83c6"}]},
    'ex05_09': {"kind": "sequence", "items": [{"kind": "number", "step": 0.001, "d": "e1e289c25d73a549e657f10c"}, {"kind": "number", "step": 0.001, "d": "b94c682125af34a26835a6be"}]},
    'ex05_09_unweighted': {"kind": "sequence", "items": [{"kind": "number", "step": 0.001, "d": "0c2d5e0dd332a4bca62587eb"}, {"kind": "number", "step": 0.001, "d": "9621d7829a3b1e9877b2f60a"}]},
    'ex05_10_weights': {"kind": "sequence", "items": [{"kind": "number", "step": 0.005, "d": "0ab4242934081375c4cccb01"}, {"kind": "number", "step": 0.005, "d": "2919ef024be4ea508ba987f8"}]},
    'ex05_10_raw': {"kind": "sequence", "items": [{"kind": "number", "step": 0.005, "d": "43c026c15080a1c9b3b5f23f"}, {"kind": "number", "step": 0.005, "d": "8fba4f1b47ba70a89110f6ee"}]},
    'ex05_10_alone': {"kind": "sequence", "items": [{"kind": "number", "step": 0.005, "d": "167958ae42078190f8dd6871"}, {"kind": "number", "step": 0.005, "d": "3cf560a2c0c8db961d3ed42a"}]},
    'ex05_10_count': {"kind": "number", "step": 10, "d": "f48ae66b6af256ad6a7a64ea"},
    'ex05_10_score': {"kind": "sequence", "items": [{"kind": "number", "step": 0.001, "d": "8e7902238a94e4976a0d11ad"}, {"kind": "number", "step": 0.001, "d": "5040b84ac31020a9f01ecf54"}]},
    'ex05_10_score_log': {"kind": "sequence", "items": [{"kind": "number", "step": 0.001, "d": "065563698f2ed4cc6b26030f"}, {"kind": "number", "step": 0.001, "d": "e13a8d1d48888c5ee37c9332"}]},
    'ex05_10_score_plus': {"kind": "sequence", "items": [{"kind": "number", "step": 0.001, "d": "ebb4dde2b1ab13f36c07f09d"}, {"kind": "number", "step": 0.001, "d": "58a9dab642d449e0a93bd3b1"}]},
    'ex05_10_score_exp': {"kind": "sequence", "items": [{"kind": "number", "step": 0.001, "d": "13bf4fdbe86e2866d6be56b1"}, {"kind": "number", "step": 0.001, "d": "623973f6b32a62000b9959c5"}]},
    'ex05_13': {"kind": "sequence", "items": [{"kind": "number", "step": 0.005, "d": "5e1ac35d3865df415f0809ef"}, {"kind": "number", "step": 0.005, "d": "5e1ac35d3865df415f0809ef"}, {"kind": "number", "step": 0.005, "d": "5e1ac35d3865df415f0809ef"}, {"kind": "number", "step": 0.005, "d": "30dcdd785df3ec8a313a59cc"}, {"kind": "number", "step": 0.005, "d": "36f4430dc16202b612fac2a8"}, {"kind": "number", "step": 0.005, "d": "d9b874443b7e3b7891e70d35"}, {"kind": "number", "step": 0.005, "d": "a4a193bfd445dddccfc90138"}]},
    'ex05_12_case': {"kind": "sequence", "items": [{"kind": "number", "step": 0.05, "d": "a56c55ac13cabc06f6a01001"}, {"kind": "number", "step": 0.05, "d": "a56c55ac13cabc06f6a01001"}, {"kind": "number", "step": 0.05, "d": "ac030d85fee1377d013baa74"}, {"kind": "number", "step": 0.05, "d": "a56c55ac13cabc06f6a01001"}, {"kind": "number", "step": 0.05, "d": "8836d70a2c4cbc026f8447e8"}, {"kind": "number", "step": 0.05, "d": "9fe64f6aa7e9eb5b6f31f5a2"}, {"kind": "number", "step": 0.05, "d": "a56c55ac13cabc06f6a01001"}, {"kind": "number", "step": 0.05, "d": "a56c55ac13cabc06f6a01001"}]},
    'ex05_12_case_own_rule': {"kind": "sequence", "items": [{"kind": "number", "step": 0.05, "d": "a56c55ac13cabc06f6a01001"}, {"kind": "number", "step": 0.05, "d": "a56c55ac13cabc06f6a01001"}, {"kind": "number", "step": 0.05, "d": "a56c55ac13cabc06f6a01001"}, {"kind": "number", "step": 0.05, "d": "a56c55ac13cabc06f6a01001"}, {"kind": "number", "step": 0.05, "d": "5a2b73b2db08a21803637bfe"}, {"kind": "number", "step": 0.05, "d": "a56c55ac13cabc06f6a01001"}, {"kind": "number", "step": 0.05, "d": "a56c55ac13cabc06f6a01001"}, {"kind": "number", "step": 0.05, "d": "a56c55ac13cabc06f6a01001"}]},
    'ex05_12_declared': {"kind": "sequence", "items": [{"kind": "number", "step": 0.05, "d": "a56c55ac13cabc06f6a01001"}, {"kind": "number", "step": 0.05, "d": "a56c55ac13cabc06f6a01001"}, {"kind": "number", "step": 0.05, "d": "a56c55ac13cabc06f6a01001"}, {"kind": "number", "step": 0.05, "d": "a56c55ac13cabc06f6a01001"}]},
    'ex05_12_count': {"kind": "number", "step": 0.5, "d": "22e8e14632d176bddf2f4869"},
    'ex05_12_count_gt': {"kind": "number", "step": 0.5, "d": "f8191d2a26b9a83cd49a9c21"},
    'ex05_12_count_le': {"kind": "number", "step": 0.5, "d": "b1c1958f6dba532282ae4780"},
}


# ----------------------------------------------------------------------------- readability tools
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’]*")
_SENTENCE_END = re.compile(r"[.!?]+|\n\s*\n")


def _syllables(word: str) -> int:
    """A simple English syllable estimate: groups of vowels, less a silent final e; at least one."""
    w = word.lower().strip("'’")
    if not w or not any(ch.isalpha() for ch in w):
        return 1
    groups = re.findall(r"[aeiouy]+", w)
    count = len(groups)
    if w.endswith("e") and not w.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    if w.endswith("es") and count > 1 and not re.search(r"(ss|x|z|ch|sh|c|g|s)es$", w):
        count -= 1
    return max(1, count)


def text_stats(text: str) -> dict:
    """Words, sentences, words per sentence, syllables per word and the Flesch reading-ease score."""
    text = str(text)
    sentences = [s for s in _SENTENCE_END.split(text) if _WORD.search(s)]
    words = _WORD.findall(text)
    n_words, n_sentences = len(words), max(1, len(sentences))
    syllables = sum(_syllables(w) for w in words)
    wps = n_words / n_sentences if n_words else 0.0
    spw = syllables / n_words if n_words else 0.0
    flesch = 206.835 - 1.015 * wps - 84.6 * spw if n_words else 0.0
    return {"words": n_words, "sentences": len(sentences), "words_per_sentence": round(wps, 1),
            "syllables_per_word": round(spw, 2), "flesch": round(flesch, 1)}


def readability(text: str) -> None:
    """Print a short readability report for a notice."""
    s = text_stats(text)
    print(f"{s['words']} {_plural(s['words'], 'word')} in {s['sentences']} {_plural(s['sentences'], 'sentence')} "
          f"({s['words_per_sentence']} words per sentence); Flesch reading ease {s['flesch']} ({reading_band(s['flesch'])}).")


# The usual Flesch bands: 60-70 is plain English; higher is easier still, lower is harder.
_BANDS = [(90, "very easy"), (80, "easy"), (70, "fairly easy"), (60, "plain English"), (50, "fairly hard"),
          (30, "hard"), (float("-inf"), "very hard")]


def reading_band(score: float) -> str:
    """The name of the Flesch band a reading-ease score falls in."""
    return next(name for floor, name in _BANDS if score >= floor)


def _plural(n: int, word: str) -> str:
    return word if n == 1 else word + "s"


# ----------------------------------------------------------------------------- helpers
def as_rate_table(result) -> pd.DataFrame:
    """A learner's per-group rates as a float frame indexed by group (MetricFrame.by_group or a plain frame)."""
    if hasattr(result, "by_group") and not isinstance(result, pd.DataFrame):
        result = result.by_group
    if isinstance(result, pd.Series):
        result = result.to_frame()
    frame = pd.DataFrame(result).copy()
    if "group" in frame.columns:
        frame = frame.set_index("group")
    if isinstance(frame.index, pd.MultiIndex) and frame.index.nlevels == 1:
        frame.index = frame.index.get_level_values(0)
    frame.index = [str(i) for i in frame.index]
    return frame.astype(float)


def _made_up_note(error, args) -> str:
    """For a KeyError on a made-up table: the learner's own table may well have that column, so say
    that the check's table differs on purpose and name its columns."""
    columns = sorted({str(c) for a in args if isinstance(a, pd.DataFrame) for c in a.columns})
    if not isinstance(error, KeyError) or not columns:
        return ""
    return (f" The check's table is made up and differs from Kestria's on purpose: its columns are {columns}. "
            "Does your function use the column names it is given, rather than fixed ones?")


def _call(func, *args, what):
    try:
        return call_learner(func, what, *args)
    except KeyError as error:
        raise Wrong(f"On a made-up test case, `{what}` raised KeyError: {error}." + _made_up_note(error, args))


class _OnTestTable:
    """Call a learner's function on a small made-up table and compare with a fingerprint.

    Like ``Calls``, but the feedback names the case in words ("on a small test table of 8 people")
    instead of showing the arguments; ``shape`` may refuse a result of the wrong kind first.
    """

    def __init__(self, name, args, expected, case, message, mistakes=(), shape=None):
        self.name, self.args, self.expected, self.case = name, args, expected, case
        self.message, self.mistakes, self.shape = message, list(mistakes), shape

    def __call__(self, values, salt):
        try:
            got = values[self.name](*copy.deepcopy(self.args))
        except NotImplementedError:
            raise NotAttempted(f"`{self.name}` still raises NotImplementedError: replace the stub with your code.")
        except Exception as error:
            raise Wrong(f"On {self.case}, `{self.name}` raised {type(error).__name__}: {error}."
                        + _made_up_note(error, self.args))
        if got is None:
            raise Wrong(f"`{self.name}` returned None. Did you forget `return`?")
        problem = self.shape(got) if self.shape else None
        if problem:
            raise Wrong(problem)
        if matches(got, self.expected, salt):
            return
        for spec, feedback in self.mistakes:
            if matches(got, spec, salt):
                raise Wrong(f"On {self.case}, {feedback}")
        raise Wrong(f"On {self.case}, `{self.name}` does not return the right value. {self.message}")


def _is_number(value):
    return isinstance(value, (numbers.Number, np.number)) and not isinstance(value, (bool, np.bool_))


# ----------------------------------------------------------------------------- 1 uniqueness
_VISIBLE_PEOPLE = pd.DataFrame({
    "postcode": ["KT1 1AA", "KT1 1AA", "KT1 1AA", "KT2 4BB", "KT2 4BB", "KT3 9CC", "KT3 9CC", "KT3 9CC"],
    "birth_year": [1980, 1980, 1991, 1975, 1975, 1960, 1960, 1960],
    "sex": ["F", "F", "M", "F", "M", "M", "M", "F"],
})

def _share_shape(got):
    if not _is_number(got):
        return f"`unique_share` should return a number (a share between 0 and 1), not a {type(got).__name__}."
    if not 0 <= float(got) <= 1:
        return ("`unique_share` returned a number outside 0 to 1. Return a share of rows between 0 and 1 "
                "(not a percentage and not a count).")
    return None


_PEOPLE_CASE = "a small test table of 8 people"

q1 = Exercise(
    id="ex05_01",
    title="How many are unique?",
    names=("unique_share",),
    checks=[
        IsA("unique_share", "function"),
        _OnTestTable("unique_share", (_VISIBLE_PEOPLE, ["postcode", "birth_year", "sex"]), _FP["ex05_01_a"],
                     f"{_PEOPLE_CASE} (postcode, birth year and sex)",
                     "Count, for each row, how many rows share its values; a row is unique when that count is 1. "
                     "Return a share between 0 and 1 of rows.",
                     mistakes=[(_FP["ex05_01_distinct"], "this is the share of distinct combinations, which counts a repeated "
                                                         "combination once. The prompt asks about rows whose combination "
                                                         "appears in no other row."),
                               (_FP["ex05_01_combos"], "this is the share of *combinations* that occur once. The prompt "
                                                       "asks for a share of *rows*: think about what you divide by.")],
                     shape=_share_shape),
        _OnTestTable("unique_share", (_VISIBLE_PEOPLE, ["postcode"]), _FP["ex05_01_b"],
                     f"{_PEOPLE_CASE}, with the one column postcode",
                     "With one column the same idea holds: a row is unique when no other row has its value.",
                     shape=_share_shape),
    ],
    hints=[
        "A row is unique when its combination of values occurs once. How would you count how often each combination occurs?",
        "`frame.groupby(columns)[columns[0]].transform('size')` gives every row the size of its group "
        "(any one column works inside the brackets; the first of `columns` is always there).",
        "Return the share of rows whose group size is exactly 1 — a share of rows, not of combinations.",
    ],
)


# ----------------------------------------------------------------------------- 2 linkage
def _reidentify_test(func):
    register = pd.DataFrame({
        "elector_id": ["R1", "R2", "R3", "R4", "R5"],
        "full_name": ["Ava Hill", "Ben Hill", "Cara Moss", "Dan Reed", "Eve Reed"],
        "postcode": ["KT1 1AA", "KT1 1AA", "KT1 1AA", "KT2 4BB", "KT3 9CC"],
        "birth_year": [1980, 1980, 1991, 1975, 1960],
        "sex": ["F", "F", "M", "M", "F"],
    })
    extract = pd.DataFrame({
        "postcode": ["KT1 1AA", "KT1 1AA", "KT2 4BB", "KT4 0DD"],
        "birth_year": [1980, 1991, 1975, 1999],
        "sex": ["F", "M", "M", "F"],
        "disability": [True, False, True, False],
    })
    keys = ["postcode", "birth_year", "sex"]
    before = register.copy(), extract.copy()
    got = _call(func, extract, register, keys, what="reidentify")
    if got is None:
        return "`reidentify` returned None. Did you forget `return`?"
    if not isinstance(got, pd.DataFrame):
        return f"`reidentify` should return a DataFrame, not a {type(got).__name__}."
    if not (register.equals(before[0]) and extract.equals(before[1])):
        return "`reidentify` changed the tables it was given; work on copies."
    if "full_name" not in got.columns:
        return "The result needs the register's `full_name` column: that is what the attacker gains."
    if not set(extract.columns) <= set(got.columns):
        return "Keep the extract's columns in the result: they are what the attacker learns about each person."
    extra = sorted(set(map(str, got.columns)) - set(extract.columns) - {"full_name"})
    if extra:
        return (f"The result also carries {extra}. The prompt asks for the extract's columns plus `full_name` "
                "only: which of the register's columns does the attacker need to bring along?")
    if got["full_name"].isna().any():
        return ("Rows with no match in the register are kept (their `full_name` is missing). The attacker learns "
                "nothing about them, so they do not belong in the result.")
    names = sorted(str(n) for n in got["full_name"])
    if len(got) > 2 and len(set(names)) < len(names) or "Ava Hill" in names or "Ben Hill" in names:
        return ("Some rows match two register entries (two women born the same year at the same postcode), and "
                "you kept them. The attacker cannot tell which of the two it is: keep only keys that occur once "
                "in the register.")
    if not matches(len(got), _FP["ex05_02_rows"], "ex05_02") or not matches(set(names), _FP["ex05_02_names"], "ex05_02"):
        return "The rows kept or the names attached are not right. Keep extract rows that match exactly one register entry."
    return None


q2 = Exercise(
    id="ex05_02",
    title="The linkage attack",
    names=("reidentify",),
    checks=[IsA("reidentify", "function"), Behaves("reidentify", _reidentify_test)],
    hints=[
        "Two steps: find the register entries whose keys occur only once in the register, then join the extract to them.",
        "Count register rows per combination of `keys` (`groupby(keys)...transform('size')`) and keep those with count 1.",
        "Merge the extract with those register rows (only `keys` and `full_name`) on `keys`, keeping only matches (`how='inner'`).",
    ],
)


# ----------------------------------------------------------------------------- 3 k-anonymity
def _k_anonymise_test(func):
    rng = np.random.default_rng(35)
    frame = pd.DataFrame({"a": rng.integers(0, 3, 60), "b": rng.choice(list("xyz"), 60), "v": np.arange(60)})
    snapshot = frame.copy()
    for k in (1, 4, 7):
        got = _call(func, frame, ["a", "b"], k, what="k_anonymise")
        if got is None:
            return "`k_anonymise` returned None. Did you forget `return`?"
        if not frame.equals(snapshot):
            return "`k_anonymise` changed the table it was given; return a new table instead."
        if not isinstance(got, pd.DataFrame) or set(got.columns) != set(frame.columns):
            return "`k_anonymise` should return a DataFrame with every column of the input."
        if len(got) and int(got.groupby(["a", "b"]).size().min()) < k:
            return f"With k={k} the result still has a group smaller than k: those rows should be suppressed."
        sizes = frame.groupby(["a", "b"])["v"].transform("size")
        if sorted(got["v"]) != sorted(frame.loc[sizes >= k, "v"]):
            return (f"With k={k} you removed rows whose group already had at least k rows. Decide on the group "
                    "sizes of the input, and keep every row of a large enough group.")
    return None


q3 = Exercise(
    id="ex05_03",
    title="k-anonymity",
    names=("k_of", "k_anonymise"),
    checks=[
        IsA("k_of", "function"),
        _OnTestTable("k_of", (_VISIBLE_PEOPLE, ["postcode", "birth_year", "sex"]), _FP["ex05_03_k3"],
                     f"{_PEOPLE_CASE} (postcode, birth year and sex)",
                     "k is the size of the smallest group of rows that share their quasi-identifiers."),
        _OnTestTable("k_of", (_VISIBLE_PEOPLE, ["postcode"]), _FP["ex05_03_k1"],
                     f"{_PEOPLE_CASE}, grouped by postcode alone (groups of different sizes)",
                     "k is the size of the *smallest* group — not the largest group, the average group or the number of groups."),
        IsA("k_anonymise", "function"),
        Behaves("k_anonymise", _k_anonymise_test),
    ],
    hints=[
        "Group the rows by the quasi-identifiers and look at the group sizes.",
        "`frame.groupby(qis).size()` gives the size of every group; the smallest is k. For suppression you need each row's group size: `transform('size')`.",
        "`k_anonymise` keeps the rows whose group size is at least k: `frame[sizes >= k]`.",
    ],
)


# ----------------------------------------------------------------------------- 5 homogeneity
_VISIBLE_RELEASE = pd.DataFrame({
    "region": ["North"] * 4 + ["South"] * 3 + ["East"] * 2,
    "birth_year": [1990] * 4 + [1985] * 3 + [1970] * 2,
    "disability": [True, True, True, True, False, True, False, False, False],
})

def _count_shape(got):
    if not _is_number(got):
        return f"`homogeneity_attack` should return a number of rows (an integer), not a {type(got).__name__}."
    if not float(got).is_integer():
        return "`homogeneity_attack` returned a fraction. Return a number of rows (an integer), not a share."
    return None


q4 = Exercise(
    id="ex05_04", salt_id="ex05_05",
    title="The homogeneity attack",
    names=("homogeneity_attack",),
    checks=[
        IsA("homogeneity_attack", "function"),
        _OnTestTable("homogeneity_attack", (_VISIBLE_RELEASE, ["region", "birth_year"], "disability"), _FP["ex05_05"],
                     "a small test table of 9 people in three groups",
                     "Count the rows (people) in groups where everyone has the same value of the sensitive column.",
                     mistakes=[(_FP["ex05_05_groups"], "this counts groups. The attack reveals people: count the rows in those groups.")],
                     shape=_count_shape),
    ],
    hints=[
        "For each group, how many different values of the sensitive column does it hold?",
        "`frame.groupby(qis)[sensitive].transform('nunique')` gives every row the number of distinct values in its group.",
        "Count the rows where that number is 1 — rows, not groups.",
    ],
)


# ----------------------------------------------------------------------------- 6, 7 suppression
_VISIBLE_TABLE = pd.DataFrame(
    {"owner": [19, 15, 7, 2], "private rent": [31, 24, 26, 5], "social rent": [51, 34, 21, 4], "with family": [24, 17, 6, 3]},
    index=["Capital", "Eastern Plains", "Southern Hills", "Western Isles"])


def _as_mask(got, table, what):
    if got is None:
        raise Wrong(f"`{what}` returned None. Did you forget `return`?")
    mask = pd.DataFrame(got)
    if mask.shape != table.shape:
        raise Wrong(f"`{what}` should return a table of True/False shaped like the count table.")
    mask.index, mask.columns = table.index, table.columns
    return mask.astype(bool)


def _primary_test(func):
    table = _VISIBLE_TABLE.copy()
    mask = _as_mask(_call(func, table, 10, what="primary_mask"), table, "primary_mask")
    if not table.equals(_VISIBLE_TABLE):
        return "`primary_mask` changed the table it was given."
    edges = pd.DataFrame({"a": [0, 3], "b": [10, 9]})
    emask = _as_mask(_call(func, edges, 10, what="primary_mask"), edges, "primary_mask")
    if bool(emask.iloc[0, 0]):
        return "Zero cells are marked as suppressed: the rule hides counts from 1 up to (not including) the threshold."
    if bool(emask.iloc[0, 1]):
        return "A count equal to the threshold is marked: only counts below the threshold are suppressed."
    if not matches(mask.astype(int), _FP["ex05_06_mask"], "ex05_06") or not (bool(emask.iloc[1, 0]) and bool(emask.iloc[1, 1])):
        return "Some cells are marked wrongly: mark counts of at least 1 and below the threshold."
    # A second threshold: a rule that ignores `threshold` (a fixed `< 10`) marks these wrongly.
    other = pd.DataFrame({"a": [4, 5, 0], "b": [6, 1, 9]})
    omask = _as_mask(_call(func, other, 5, what="primary_mask"), other, "primary_mask")
    if omask.values.tolist() != [[True, False], [False, True], [False, False]]:
        return ("With `threshold=5` some cells are marked wrongly. Does your rule follow the `threshold` it is "
                "given? Counts of at least 1 and below it are marked.")
    return None


q5 = Exercise(
    id="ex05_05", salt_id="ex05_06",
    title="Primary suppression",
    names=("primary_mask",),
    checks=[IsA("primary_mask", "function"), Behaves("primary_mask", _primary_test)],
    hints=[
        "Comparisons on a whole DataFrame give a DataFrame of True/False.",
        "Combine two comparisons with `&` (and put each in brackets).",
        "Mark a cell when it is greater than 0 and smaller than the threshold.",
    ],
)


def _secondary_properties(func, table, primary):
    before = primary.copy()
    got = _as_mask(_call(func, table.copy(), primary, what="secondary_mask"), table, "secondary_mask")
    if not primary.equals(before):
        return "`secondary_mask` changed the mask it was given. The prompt asks for a new mask and leaves `mask` as it was."
    if bool((primary & ~got).any().any()):
        return "A cell that was suppressed in `mask` is no longer suppressed: keep every primary suppression."
    rows, cols = got.sum(axis=1), got.sum(axis=0)
    if (rows == 1).any() or (cols == 1).any():
        where = "row" if (rows == 1).any() else "column"
        return (f"A {where} still has exactly one suppressed cell, so it can be recovered from the {where} total. "
                "Keep going until no row and no column has exactly one.")
    if int(got.sum().sum()) > int(primary.sum().sum()) + len(table.index) + len(table.columns):
        return "`secondary_mask` suppresses far more cells than needed: add one cell at a time, the smallest in the line."
    return None


def _secondary_test(func):
    primary = (_VISIBLE_TABLE > 0) & (_VISIBLE_TABLE < 10)
    problem = _secondary_properties(func, _VISIBLE_TABLE, primary)
    if problem:
        return problem
    rng = np.random.default_rng(7)
    for _ in range(5):
        table = pd.DataFrame(rng.integers(0, 30, (4, 5)), index=list("abcd"), columns=list("vwxyz"))
        problem = _secondary_properties(func, table, (table > 0) & (table < 6))
        if problem:
            return problem + " (on a made-up table)"
    return None


q6 = Exercise(
    id="ex05_06", salt_id="ex05_07",
    title="Secondary suppression",
    names=("secondary_mask",),
    checks=[IsA("secondary_mask", "function"), Behaves("secondary_mask", _secondary_test)],
    hints=[
        "Work on `hidden = mask.copy()`. Which rows have exactly one True? Which columns?",
        "`hidden.sum(axis=1)` counts suppressed cells per row, `hidden.sum(axis=0)` per column. For such a line, "
        "look at the table's values where `hidden` is False and take the label of the smallest (`idxmin`).",
        "Repeat in a `while` loop: after each added cell, look at all rows and columns again; stop when none has exactly one.",
    ],
)


# ----------------------------------------------------------------------------- 8 rates by group
_RATE_CASE = (
    np.array([1, 0, 0, 1, 0, 1, 0, 0, 0, 0, 1, 0], bool),
    np.array([1, 1, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0], bool),
    np.array(["A"] * 6 + ["B"] * 6),
    np.array([1, 3, 2, 1, 4, 2, 1, 1, 5, 2, 1, 3], float),
)
_RATE_COLUMNS = ["selection_rate", "false_positive_rate", "true_positive_rate"]


def _rates_test(func):
    got = _call(func, *_RATE_CASE, what="group_rates")
    if got is None:
        return "`group_rates` returned None. Did you forget `return`?"
    try:
        table = as_rate_table(got)
    except Exception:
        return "`group_rates` should return a DataFrame with one row per group."
    missing = [c for c in _RATE_COLUMNS if c not in table.columns]
    if missing:
        return f"`group_rates` is missing the column(s) {missing}."
    if sorted(table.index) != ["A", "B"]:
        return "`group_rates` should have one row per group, with the group names as the index."
    if not ((table[_RATE_COLUMNS] >= 0) & (table[_RATE_COLUMNS] <= 1)).all().all():
        return "Every rate is a share between 0 and 1."
    flat = [float(table.loc[g, c]) for g in ("A", "B") for c in _RATE_COLUMNS]
    if matches(flat, _FP["ex05_08"], "ex05_08"):
        return None
    if matches(flat, _FP["ex05_08_unweighted"], "ex05_08"):
        return ("The rates ignore the weights: every row counts once. A row should count as much as its weight says "
                "(a randomly reviewed claim stands for many unflagged claims).")
    if matches(flat, _FP["ex05_08_partial"], "ex05_08"):
        return ("The selection rates are weighted but the false and true positive rates are not: each of the three "
                "rates needs the weights, not only the first.")
    return ("Some rates are wrong. Selection rate: weighted share flagged. False positive rate: weighted share flagged "
            "among rows that are not irregular. True positive rate: among rows that are.")


q7 = Exercise(
    id="ex05_07", salt_id="ex05_08",
    title="Rates by group",
    names=("group_rates",),
    checks=[IsA("group_rates", "function"), Behaves("group_rates", _rates_test)],
    hints=[
        "Each rate is a (weighted) share: of all rows, of the rows with y_true False, of the rows with y_true True.",
        "With MetricFrame, give a dict of three metrics and `sample_params={name: {'sample_weight': weight} for name in metrics}`.",
        "Return `MetricFrame(...).by_group`: one row per group, one column per metric.",
    ],
)


# ----------------------------------------------------------------------------- 9 agency gaps
def _gap_dict(d):
    return isinstance(d, dict) and {"demographic_parity", "equalized_odds"} <= set(d)


class _Gaps:
    def __call__(self, values, salt):
        d = values["agency_gaps"]
        got = [float(d["demographic_parity"]), float(d["equalized_odds"])]
        if not all(0 <= g <= 1 for g in got):
            raise Wrong("Both differences are gaps between two rates, so each lies between 0 and 1.")
        if matches(got, _FP["ex05_09"], salt):
            return
        if matches(got, _FP["ex05_09_unweighted"], salt):
            raise Wrong("These are the unweighted gaps. Without the weights the investigated claims over-represent "
                        "flagged claims, so the rates describe the sample rather than all claims.")
        raise Wrong("One or both differences are not the gaps between the groups' weighted rates for the agency's "
                    "flags. Check which column is the truth, which the prediction, and that both use the weights.")


q8 = Exercise(
    id="ex05_08", salt_id="ex05_09",
    title="The agency's gaps",
    names=("agency_gaps",),
    checks=[
        IsA("agency_gaps", "dict"),
        Has("agency_gaps", _gap_dict, "`agency_gaps` needs the keys 'demographic_parity' and 'equalized_odds'."),
        _Gaps(),
    ],
    hints=[
        "Both functions take y_true, y_pred, `sensitive_features=` and `sample_weight=`.",
        "y_true is `sample['irregular']`, y_pred is `sample['flagged']`, the groups are `sample['group']`.",
        "Store the two results in a dict with the keys 'demographic_parity' and 'equalized_odds'.",
    ],
)


# ----------------------------------------------------------------------------- 10 proxy removal
class _ProxyWeights:
    def __call__(self, values, salt):
        d = values["proxy_weights"]
        got = [float(d["second_nationality"]), float(d["interpreter"])]
        if matches(got, _FP["ex05_10_weights"], salt):
            return
        if matches(got, _FP["ex05_10_raw"], salt):
            raise Wrong("These are the coefficients of a regression on the score itself. Regress the logarithm of "
                        "the score: the model multiplies, so its weights add up on a log scale.")
        if matches(got, _FP["ex05_10_alone"], salt):
            raise Wrong("These coefficients come from a regression on the proxies alone. Use all six columns of "
                        "`features`, so that each coefficient is the effect with the other features held fixed.")
        raise Wrong("`proxy_weights` does not hold the coefficients of a least-squares fit (with intercept) of the "
                    "log score on all six columns of `features`.")


def _flag_series(s):
    return isinstance(s, pd.Series) and (s.dtype == bool or str(s.dtype) == "boolean")


def _score_stats(score):
    values = np.asarray(score, dtype=float)
    return [float(np.mean(values)), float(np.std(values))]


class _FairScore:
    def __call__(self, values, salt):
        score = values["fair_score"]
        if score.isna().any() or not np.isfinite(np.asarray(score, dtype=float)).all():
            raise Wrong("`fair_score` has missing or infinite values: it should have a number for every claim.")
        got = _score_stats(score)
        if matches(got, _FP["ex05_10_score"], salt):
            return
        if matches(got, _FP["ex05_10_score_log"], salt):
            raise Wrong("`fair_score` is still the agency's log score: the proxies' contribution has not been "
                        "taken out of it.")
        if matches(got, _FP["ex05_10_score_plus"], salt):
            raise Wrong("`fair_score` adds the proxies' contribution instead of removing it: look at the sign.")
        if matches(got, _FP["ex05_10_score_exp"], salt):
            raise Wrong("`fair_score` is back on the score's own scale. Keep it on the log scale (the coefficients "
                        "were fitted to the log score); the order of the claims, and so the flags, is the same.")
        raise Wrong("`fair_score` is not the log score minus each proxy's coefficient times its 0/1 column "
                    "(one value per claim, aligned with `claims`).")


class _FairFlag:
    def __call__(self, values, salt):
        score, flag = values["fair_score"], values["fair_flag"]
        if len(flag) != len(score):
            raise Wrong("`fair_flag` needs one value per claim, like `fair_score`.")
        flag = np.asarray(flag, dtype=bool)
        score = np.asarray(score, dtype=float)
        if flag.any() and (~flag).any() and score[flag].min() < score[~flag].max():
            raise Wrong("Some unflagged claims have a higher `fair_score` than some flagged ones: the flags should "
                        "take claims from the top of `fair_score` down.")
        if not matches(int(flag.sum()), _FP["ex05_10_count"], salt):
            raise Wrong("`fair_flag` does not flag about the agency's share of claims. Check which quantile you "
                        "compare with, and what your comparison does with the many claims whose score equals "
                        "the threshold exactly: the prompt flags those too.")


q9 = Exercise(
    id="ex05_09", salt_id="ex05_10",
    title="A score without the proxy",
    names=("proxy_weights", "fair_score", "fair_flag"),
    checks=[
        IsA("proxy_weights", "dict"),
        Has("proxy_weights", lambda d: {"second_nationality", "interpreter"} <= set(d),
            "`proxy_weights` needs the keys 'second_nationality' and 'interpreter'."),
        _ProxyWeights(),
        IsA("fair_score", "series"),
        _FairScore(),
        IsA("fair_flag", "series"),
        Has("fair_flag", _flag_series, "`fair_flag` should be a Series of True/False (compare `fair_score` with a quantile)."),
        _FairFlag(),
    ],
    hints=[
        "`LinearRegression().fit(features, np.log(claims['risk_score']))`; the coefficients are in `.coef_`, in the order of `features.columns`.",
        "The fair score starts from the log score and subtracts, for each proxy, its coefficient times the 0/1 column.",
        "Compare `fair_score` with its quantile at 1 minus AGENCY_SHARE (`.quantile(...)`); claims at or above it are flagged.",
    ],
)


# ----------------------------------------------------------------------------- 13 entitlement
_EARNINGS = np.array([0.0, 100.0, 150.0, 250.0, 333.33, 700.0, 1000.0])


def _entitlement_forms(func):
    try:
        one = _call(func, 350.0, what="entitlement")
    except (NotAttempted, Wrong):
        raise
    except Exception as error:  # e.g. a Series method used on a plain number
        return (f"`entitlement(350.0)` raised {type(error).__name__}: {error}. It must work on a single number "
                "as well as on a Series.")
    try:
        one = float(np.asarray(one, dtype=float).reshape(-1)[0])
    except Exception:
        return "`entitlement(350.0)` should return a number."
    try:
        series = _call(func, pd.Series(_EARNINGS), what="entitlement")
    except ValueError:
        return ("`entitlement` must work on a whole Series of earnings at once. An `if` asks about one number "
                "and fails on a Series: the rule has to act on every value at once (the prompt names the kind of "
                "function that does).")
    try:
        values = np.asarray(series, dtype=float).reshape(-1)
    except Exception:
        return "`entitlement` should accept a pandas Series and return one value per fortnight."
    if values.size != _EARNINGS.size:
        return "`entitlement` on a Series should return one value per fortnight."
    if (values < 0).any():
        return "Some values are below zero, but the benefit is never below zero."
    if np.any(np.abs(values * 100 - np.round(values * 100)) > 1e-6):
        return "Round the entitlement to the penny (2 decimals)."
    return None


q11 = Exercise(
    id="ex05_11", salt_id="ex05_13",
    title="The benefit rule",
    names=("entitlement",),
    checks=[
        IsA("entitlement", "function"),
        Behaves("entitlement", _entitlement_forms),
        Behaves("entitlement", lambda f: None if matches([float(v) for v in np.asarray(_call(f, _EARNINGS, what="entitlement"), dtype=float)],
                                                          _FP["ex05_13"], "ex05_13")
                else "Some values are wrong: £400, less half of any earnings above £150 (to the penny), never below 0."),
    ],
    hints=[
        "Only earnings above £150 count, and half of them is withdrawn: what is withdrawn for 250 earned? For 100? For 333.33?",
        "`np.clip(x, 0, None)` keeps x at 0 or above; use it twice, on the earnings above 150 and on the result.",
        "Turn the input into a float array first, compute 400 − 0.5 × (earnings above 150), clip at 0 and round to 2 decimals.",
    ],
)


# ----------------------------------------------------------------------------- 12 debts
def _test_rule(pay):
    """A made-up benefit rule (not Kestria's): £300 a fortnight less 40% of earnings over £100, never
    below 0, to the penny. Given a Series it returns a Series on the same index, given a number a
    number: a learner's `debts` gets the kind of value any reasonable `entitlement` returns."""
    due = np.round(np.maximum(300.0 - 0.4 * np.maximum(np.asarray(pay, dtype=float) - 100.0, 0.0), 0.0), 2)
    if isinstance(pay, pd.Series):
        return pd.Series(due, index=pay.index)
    return float(due) if due.ndim == 0 else due


def _debt_case():
    """Made-up claims under `_test_rule`: P steady and paid right, Q bursts and paid right, R bursts and
    overpaid, S steady and underpaid (no debt, never a negative one), T has fortnights but no annual pay,
    Z annual pay but no fortnights."""
    steady = [300.0] * 26
    burst = [0.0] * 22 + [2500.0] * 4
    declared = steady + burst + [0.0] * 26 + steady + steady
    paid = list(_test_rule(np.array(declared)))
    paid[3 * 26:4 * 26] = [200.0] * 26  # S: paid less than the rule gives
    frame = pd.DataFrame({
        "claim_id": ["P"] * 26 + ["Q"] * 26 + ["R"] * 26 + ["S"] * 26 + ["T"] * 26,
        "fortnight_start": list(pd.date_range("2022-04-06", periods=26, freq="14D")) * 5,
        "declared_earnings": declared,
        "payslip_earnings": steady + burst + burst + steady + steady,
        "benefit_paid": paid,
    })
    return frame, pd.Series({"P": 7800.0, "Q": 10000.0, "R": 10000.0, "S": 7800.0, "Z": 5000.0})


_CLAIMS = ["P", "Q", "R", "S"]


def _debts_test(func):
    frame, pay = _debt_case()
    got = _call(func, frame.copy(), pay.copy(), _test_rule, what="debts")
    if got is None:
        return "`debts` returned None. Did you forget `return`?"
    if not isinstance(got, pd.DataFrame):
        return "`debts` should return a DataFrame."
    if isinstance(got.index, pd.Index) and "claim_id" not in got.columns and got.index.name == "claim_id":
        got = got.reset_index()
    missing = [c for c in ("claim_id", "averaged_debt", "actual_debt") if c not in got.columns]
    if missing:
        return f"The result of `debts` is missing the column(s) {missing}."
    got = got.assign(claim_id=got["claim_id"].astype(str)).set_index("claim_id").sort_index()
    if "T" in got.index:
        return ("On a made-up case, `debts` has a row for a claim that has fortnights but no annual pay. The "
                "averaging needs Revenue's annual figure, so such a claim has no place in the result.")
    if "Z" in got.index:
        return ("On a made-up case, `debts` has a row for a claim that has annual pay but no fortnights. With no "
                "fortnights there is nothing paid to compare: the prompt keeps only claims that have fortnights.")
    if list(got.index) != _CLAIMS:
        return "`debts` should have one row per claim of `annual_pay` (on a made-up case it has missing or repeated claims)."
    amounts = got[["averaged_debt", "actual_debt"]].astype(float)
    if amounts.isna().any().any():
        return "Some debts are missing (NaN): every claim of `annual_pay` with fortnights needs both debts."
    if (amounts < -1e-9).any().any():
        return ("A debt is never negative. On a made-up case a claimant who was paid less than was due gets a "
                "negative debt: what should a debt be when nothing was overpaid?")
    flat = [float(got.loc[c, k]) for c in _CLAIMS for k in ("averaged_debt", "actual_debt")]
    if matches(flat, _FP["ex05_12_case"], "ex05_12"):
        return None
    if matches(flat, _FP["ex05_12_case_own_rule"], "ex05_12"):
        return ("On a made-up case with a benefit rule of its own, the debts follow Kestria's rule instead: "
                "`debts` should work out every entitlement with the `rule` it is given, not a fixed function.")
    if matches([flat[i] for i in (1, 3, 5, 7)], _FP["ex05_12_declared"], "ex05_12"):
        return ("`actual_debt` is measured against the earnings the claimants declared. A claimant who "
                "under-declared then owes nothing; the prompt measures the truth against the payslips.")
    return ("Some debts are wrong on a made-up case (a steady earner, a burst earner paid correctly, a burst "
            "earner who was overpaid), with the check's own benefit rule. Per claim, compare the total paid with "
            "what the rule gives at the averaged earnings over 26 fortnights, and with what it gives fortnight "
            "by fortnight on the payslips.")


# Made-up debts: two false debts, one of them averaged at exactly £10; one actual debt of exactly £10.
_OWED_CASE = pd.DataFrame({"claim_id": list("abcde"), "averaged_debt": [10.0, 9.99, 50.0, 10.0, 0.0],
                           "actual_debt": [0.0, 0.0, 9.99, 10.0, 0.0]})


def _debt_count_shape(got):
    if not _is_number(got) or not float(got).is_integer():
        return "`count_false_debts` should return a whole number of claims (an integer)."
    return None


q12 = Exercise(
    id="ex05_12",
    title="Debts by averaging, and debts in fact",
    names=("debts", "count_false_debts"),
    checks=[
        IsA("debts", "function"),
        Behaves("debts", _debts_test),
        IsA("count_false_debts", "function"),
        _OnTestTable("count_false_debts", (_OWED_CASE,), _FP["ex05_12_count"], "a small made-up table of 5 debts",
                     "A false debt has an averaged debt of £10 or more and an actual debt below £10.",
                     mistakes=[(_FP["ex05_12_count_gt"], "an averaged debt of exactly £10 is left out, but the agency "
                                                         "pursues £10 *or more*. Look at which side of the edge £10 "
                                                         "itself falls."),
                               (_FP["ex05_12_count_le"], "an actual debt of exactly £10 is counted as false, but it is a "
                                                         "real debt: only an actual debt *below* £10 makes a false one.")],
                     shape=_debt_count_shape),
    ],
    hints=[
        "Per claim you need three totals: benefit paid, `rule` on the payslip earnings, and 26 × `rule` at the averaged earnings.",
        "Keep the fortnights of claims in `annual_pay`, add a column with `rule(...)` of the payslip earnings, then "
        "`groupby('claim_id')` and sum; align `annual_pay` to the same claims.",
        "Debts are paid minus due, floored at 0 (`np.maximum(..., 0)`). A false debt has averaged_debt >= 10 and actual_debt < 10.",
    ],
)


# ----------------------------------------------------------------------------- 15 notice
def _notice_problem(text):
    if not text.strip() or text.strip() in {"...", "YOUR NOTICE HERE"}:
        raise NotAttempted("Write your notice in `notice`.")
    s = text_stats(text)
    if s["words"] < 80:
        return f"The notice has {s['words']} words: too short to say who shares what, why, and what readers can do (80–200)."
    if s["words"] > 200:
        return f"The notice has {s['words']} words; keep it to 200 or fewer. Leave details for a linked full notice."
    if s["words_per_sentence"] > 20:
        return (f"Sentences average {s['words_per_sentence']} words; aim for 20 or fewer. Split long sentences, "
                "one idea each.")
    if s["flesch"] < 60:
        return (f"The reading-ease score is {s['flesch']} (needs 60 or more). Use shorter, everyday words: "
                "'use' not 'utilise', 'check' not 'verification'.")
    return None


q13 = Exercise(
    id="ex05_13", salt_id="ex05_15",
    title="A plain-language notice",
    names=("notice",),
    checks=[IsA("notice", "text"), Behaves("notice", lambda text: _notice_problem(text))],
    hints=[
        "Answer seven questions in order: who shares, what, with whom, why, what protects you, how long, how to ask or complain.",
        "Short sentences, everyday words, 'we' and 'you'. Run `ex.readability(notice)` as you edit.",
        "If the score is low, replace long words (three or more syllables) and split any sentence over 20 words.",
    ],
)



