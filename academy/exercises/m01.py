"""Module 01, "Data ecosystems by the numbers": exercise objects with checks and hints.

Expected answers are stored only as salted fingerprints (see ``academy.exercises.fingerprints``),
computed by the author from the reference solution; feedback never states them.
"""

from __future__ import annotations

import contextlib
import functools
import math

import numpy as np
import pandas as pd

from academy.exercises.checks import Behaves, Calls, Columns, Has, IsA, Matches, Rows
from academy.exercises.core import Exercise, NotAttempted, Wrong, quiet
from academy.exercises.fingerprints import matches

__all__ = ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "quiet"]


# --- exercises 3-7 graded alone -----------------------------------------------------------------
# Exercises 3 to 7 build on count_from_share (exercise 1) and wilson_interval (exercise 2). Their
# checks run the learner's function with those two names meaning correct stand-ins, so a slip in
# exercise 1 or 2 costs points there only. (The hidden tests do the same with their own copies.)

@functools.lru_cache(maxsize=None)
def _critical(z):
    from scipy.stats import norm

    return 2 * (1 - norm.cdf(z))


def _wilson(successes, n, z=1.96):
    # A library's Wilson interval, so the package never spells out the formula learners write.
    from statsmodels.stats.proportion import proportion_confint

    low, high = proportion_confint(successes, n, alpha=_critical(z), method="wilson")
    return float(low), float(high)


def _count(percent, n):
    share = percent / 100
    return round(share * n)


EARLIER_ANSWERS = {"count_from_share": _count, "wilson_interval": _wilson}


@contextlib.contextmanager
def earlier_answers_replaced(func, stand_ins=None):
    """While the block runs, ``func`` (a learner's function) finds correct stand-ins under the names
    of earlier answers: it looks them up in the notebook's namespace when called, so they are bound
    there and the learner's own definitions are put back afterwards (also after a time-out)."""
    stand_ins = EARLIER_ANSWERS if stand_ins is None else stand_ins
    namespace = getattr(func, "__globals__", None)
    if not isinstance(namespace, dict):
        yield
        return
    missing = object()
    saved = {name: namespace.get(name, missing) for name in stand_ins}
    namespace.update(stand_ins)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is missing:
                namespace.pop(name, None)
            else:
                namespace[name] = value


class Alone:
    """Run ``checks`` with the earlier answers inside the learner's function ``name`` replaced."""

    def __init__(self, name, *checks):
        self.name, self.checks = name, checks

    def __call__(self, values, salt):
        with earlier_answers_replaced(values[self.name]):
            for check in self.checks:
                check(values, salt)


# --- small checks this module needs -------------------------------------------------------------

class RowValues:
    """Values of some columns, rows ordered by a key column, match a sequence fingerprint."""

    def __init__(self, name, key, columns, expected, message, mistakes=()):
        self.name, self.key, self.columns = name, key, columns
        self.expected, self.message, self.mistakes = expected, message, list(mistakes)

    def __call__(self, values, salt):
        frame = values[self.name].reset_index(drop=True).sort_values(self.key)
        flat = [float(v) for row in frame[self.columns].itertuples(index=False) for v in row]
        if matches(flat, self.expected, salt):
            return
        for spec, feedback in self.mistakes:
            if matches(flat, spec, salt):
                raise Wrong(feedback)
        raise Wrong(self.message)


class CallsWithTable:
    """``func(table, *args)`` on a visible case; ``table`` is a name in the notebook or a made-up frame."""

    def __init__(self, name, table, args, expected, message, shown_table=None):
        self.name, self.table, self.args, self.expected, self.message = name, table, args, expected, message
        self.shown_table = shown_table or (table if isinstance(table, str) else "a made-up table")

    def __call__(self, values, salt):
        func = values[self.name]
        made_up = not isinstance(self.table, str)
        table = self.table if made_up else values[self.table]
        shown = ", ".join([self.shown_table] + [repr(a) for a in self.args])
        try:
            got = func(table.copy(), *self.args)
        except NotImplementedError:
            raise NotAttempted(f"`{self.name}` still raises NotImplementedError: replace the stub with your code.")
        except Exception as error:
            message = f"`{self.name}({shown})` raised {type(error).__name__}: {error}"
            if made_up and isinstance(error, (KeyError, IndexError)):
                message += (f". It was called with {self.shown_table} whose figure_ids are not in `figures`: does your "
                            "function look the figures up in its `table` argument, rather than in `figures`?")
            elif isinstance(error, TypeError) or "NA" in str(error):
                message += (". Is one of the bases missing? A missing base (<NA>) cannot take part in arithmetic or a "
                            "comparison: find out whether a base is missing before you use it.")
            raise Wrong(message)
        if not isinstance(got, str):
            raise Wrong(f"`{self.name}({shown})` should return a string, but it returned a {type(got).__name__}.")
        if got.strip().lower() not in {"apart", "overlap", "no base"}:
            raise Wrong(f"`{self.name}({shown})` returned {got!r}; return one of 'apart', 'overlap' or 'no base'.")
        if not matches(got.strip().lower(), self.expected, salt):
            raise Wrong(f"`{self.name}({shown})` does not give the expected verdict. {self.message}")


def _is_share_pair(value) -> bool:
    try:
        low, high = (float(v) for v in value)
    except (TypeError, ValueError):
        return False
    return math.isfinite(low) and math.isfinite(high)


# --- exercise 1: counts from percentages --------------------------------------------------------

def _whole_numbers(func):
    for percent, n in [(41, 274), (58, 1000), (79, 33)]:
        got = func(percent, n)
        if isinstance(got, (bool, np.bool_)) or not isinstance(got, (int, float, np.integer, np.floating)):
            return f"`count_from_share({percent}, {n})` should return a number, not a {type(got).__name__}."
        if not float(got).is_integer():
            return ("`count_from_share` should return a whole number of respondents: round to the nearest "
                    "whole number (a respondent cannot be split).")
    return None


q1 = Exercise(
    id="ex01_01",
    title="Counts from percentages",
    names=("count_from_share",),
    checks=[
        IsA("count_from_share", "function"),
        Calls("count_from_share", (84, 38), {'kind': 'number', 'step': 0.5, 'd': '12c1d5864a7a4c416c979fed'},
              message="Turn the percentage into a share of the base, then round.",
              mistakes=[({'kind': 'number', 'step': 0.5, 'd': 'a281354fbccc2608fa0bce13'}, "this is 100 times too large: a percentage counts per hundred, not per one."),
                        ({'kind': 'number', 'step': 0.5, 'd': 'b8d476d6719c3f074c4c4b69'}, "this cuts the decimals off (4.9 respondents would become 4): the prompt asks for the nearest whole number.")]),
        Behaves("count_from_share", _whole_numbers),
    ],
    hints=[
        "A percentage is 'per hundred'. How many people is 'per hundred' of n people?",
        "Divide the percentage by 100 to get a share, multiply by n, and round to a whole number.",
        "One line is enough: `return round(...)`, with the share times n inside the brackets.",
    ],
)


# --- exercise 2: Wilson interval ----------------------------------------------------------------

def _wilson_properties(func):
    for k, n in [(3, 10), (27, 100), (270, 1000), (33, 33), (0, 40)]:
        value = func(k, n)
        if not _is_share_pair(value):
            return "`wilson_interval` should return two numbers, (low, high)."
        low, high = (float(v) for v in value)
        if low > high + 1e-9:
            return (f"For wilson_interval({k}, {n}) your first value is larger than your second: "
                    "return (low, high), the low end first — not (high, low), nor (centre, half-width).")
        if high > 1.5 and low > -1e-9:
            return ("`wilson_interval` should return shares between 0 and 1 (as 0.27, not 27). "
                    "Are you working in percent instead of shares?")
        if not (-1e-9 <= low and high <= 1 + 1e-9):
            return (f"For wilson_interval({k}, {n}) your interval reaches below 0 or above 1, which Wilson's "
                    "interval never does. Check the formula term by term: the centre, and the half-width.")
        if not (low - 1e-9 <= k / n <= high + 1e-9):
            message = f"The interval for {k} out of {n} does not contain the observed share {k}/{n}."
            if k in (0, n):
                message += (" Here p(1−p)/n is 0, so inside the square root only the term z²/(4n²) keeps the "
                            "interval open up to the edge: check how you wrote that term (its brackets), "
                            "and the z/(1 + z²/n) in front of the root.")
            else:
                message += " Check the formula term by term: the centre, and the half-width."
            return message
    low, high = (float(v) for v in func(0, 40))
    if high - low < 1e-6:
        return ("For 0 out of 40 your interval has no width at all. That is the normal (Wald) interval "
                "failing at the edge; Wilson's interval still has a width there.")
    low, high = (float(v) for v in func(40, 40))
    if high - low < 1e-6:
        return ("For 40 out of 40 your interval has no width at all. That is the normal (Wald) interval "
                "failing at the edge; Wilson's interval still has a width there.")
    narrow = [float(v) for v in func(27, 100, z=1.645)]
    wide = [float(v) for v in func(27, 100, z=2.576)]
    if not (wide[1] - wide[0] > narrow[1] - narrow[0] + 1e-6):
        return "Your function seems to ignore `z`: a larger z must give a wider interval."
    small = [float(v) for v in func(27, 100)]
    large = [float(v) for v in func(270, 1000)]
    if not (large[1] - large[0] < small[1] - small[0]):
        return "The same share from ten times more respondents should give a narrower interval."
    return None


q2 = Exercise(
    id="ex01_02",
    title="Wilson's interval for a share",
    names=("wilson_interval",),
    checks=[
        IsA("wilson_interval", "function"),
        Behaves("wilson_interval", _wilson_properties),
        Calls("wilson_interval", (270, 1000), {'kind': 'sequence',
 'items': [{'kind': 'number', 'step': 0.0001, 'd': '8108415714d663f99344b526'},
           {'kind': 'number', 'step': 0.0001, 'd': '2bc184cf842203f07cc43e56'}]},
              message="Check the formula term by term: the centre, and the half-width.",
              mistakes=[
                  ({'kind': 'sequence',
 'items': [{'kind': 'number', 'step': 0.0001, 'd': '3c29a59e266e743a8dfc3acc'},
           {'kind': 'number', 'step': 0.0001, 'd': '3e6e308a6fa955f2a078cdd8'}]}, "this is the normal (Wald) interval, p ± z·√(p(1−p)/n). Wilson's interval moves the centre towards 1/2 and has a different half-width."),
                  ({'kind': 'sequence',
 'items': [{'kind': 'number', 'step': 0.0001, 'd': '18127861ef828797cf672e52'},
           {'kind': 'number', 'step': 0.0001, 'd': 'f7e498f4a44522b2985eb790'}]}, "this is a 90% interval (z = 1.645), although no z was given: the interval should use the `z` it is called with, and 1.96 (95%) when none is given."),
                  ({'kind': 'sequence',
 'items': [{'kind': 'number', 'step': 0.0001, 'd': '5bc6f14ea8f9f4d258e5888c'},
           {'kind': 'number', 'step': 0.0001, 'd': 'ec85f1dee0f920bec857c8dc'}]}, "this is a 90% normal (Wald) interval: both the formula and the z used when none is given differ from the prompt."),
              ]),
    ],
    hints=[
        "Start from the observed share p = successes / n. The interval is a centre plus and minus a half-width.",
        "Wilson's centre is (p + z²/(2n)) / (1 + z²/n); the half-width is z/(1 + z²/n) times √(p(1−p)/n + z²/(4n²)).",
        "Compute p, then `centre` and `half` with the two formulas in hint 2 (`math.sqrt` for the root), and return `(centre - half, centre + half)`.",
    ],
)


# --- exercise 3: intervals for every figure with a base ------------------------------------------

def _shares(frame) -> bool:
    cols = frame[["low", "high"]].astype(float)
    return bool(((cols >= -1e-9) & (cols <= 1 + 1e-9)).all().all())


def _ordered(frame) -> bool:
    low, high = frame["low"].astype(float), frame["high"].astype(float)
    share = frame["percent"].astype(float) / 100
    return bool(((low <= share + 1e-9) & (share <= high + 1e-9)).all())


class Returns:
    """Call ``func(table)`` and run value ``checks`` on what it returns, shown as ``func(table)``."""

    def __init__(self, name, table, checks):
        self.name, self.table, self.checks = name, table, checks
        self.shown = f"{name}({table})"

    def __call__(self, values, salt):
        try:
            got = values[self.name](values[self.table].copy())
        except NotImplementedError:
            raise NotAttempted(f"`{self.name}` still raises NotImplementedError: replace the stub with your code.")
        except Exception as error:
            raise Wrong(f"`{self.shown}` raised {type(error).__name__}: {error}")
        for check in self.checks:
            check({self.shown: got}, salt)


# Figure ids that are not in `figures`: a function that reads `figures` instead of its argument fails.
_MADE_UP_FIGURES = pd.DataFrame({
    "figure_id": ["made_up.a", "made_up.b", "made_up.c", "made_up.d"],
    "topic": "made_up", "group": "all", "item": ["a", "b", "c", "d"],
    "percent": [12.0, 97.0, 50.0, 61.0],
    "base_n": pd.array([40, 33, pd.NA, 7], dtype="Int64"),
    "base": "made up for this check",
}, index=[4, 9, 2, 7])


def _uses_its_table(func):
    got = func(_MADE_UP_FIGURES.copy())
    if not isinstance(got, pd.DataFrame) or "figure_id" not in got.columns:
        return "Given a small made-up table, `add_intervals` does not return a table with a `figure_id` column."
    if set(got["figure_id"]) != {"made_up.a", "made_up.b", "made_up.d"}:
        return ("Given a small made-up table, `add_intervals` does not return one row for each of its figures that "
                "has a base: does it work on the `table` it is given, rather than on `figures`?")
    return None


_RESULT = "add_intervals(figures)"

q3 = Exercise(
    id="ex01_03",
    title="An interval for every figure that has a base",
    names=("add_intervals", "figures"),
    checks=[
        IsA("add_intervals", "function"),
        Alone("add_intervals", Returns("add_intervals", "figures", [
        IsA(_RESULT, "frame"),
        Columns(_RESULT, ["figure_id", "percent", "base_n", "low", "high"]),
        Rows(_RESULT, 28, "figure that has a base (base_n is not missing)"),
        Has(_RESULT, lambda f: matches(set(f["figure_id"]), {'kind': 'set', 'size': 28, 'd': '31392cf96606c3460be81a11'}, "ex01_03"),
                          "The rows are not the figures that have a base: keep exactly the rows where `base_n` is not missing."),
        Has(_RESULT, lambda f: not f[["low", "high"]].isna().any().any(), "`low` and `high` have missing values."),
        Has(_RESULT, lambda f: float(f["high"].astype(float).max()) <= 1.5,
            "`low` and `high` should be shares between 0 and 1, as `wilson_interval` returns them, not percentages."),
        Has(_RESULT, _shares,
            "Some intervals reach below 0 or above 1. That is what the normal (Wald) interval does near 0% and 100%, "
            "and Wilson's interval never does."),
        Has(_RESULT, _ordered, "In some rows the printed share (percent / 100) is not between `low` and `high`: are `low` and `high` swapped?"),
        RowValues(_RESULT, "figure_id", ["low", "high"], {'kind': 'sequence',
 'items': [{'kind': 'number', 'step': 0.0001, 'd': '85b44771904daa8ee3f353b1'},
           {'kind': 'number', 'step': 0.0001, 'd': '903f9adc6676b3311baacb61'},
           {'kind': 'number', 'step': 0.0001, 'd': '9450cd32350c1041f78d7032'},
           {'kind': 'number', 'step': 0.0001, 'd': 'cd9c5b9e73a32c1312e012d4'},
           {'kind': 'number', 'step': 0.0001, 'd': '431e76ca436b4482cfa4a83c'},
           {'kind': 'number', 'step': 0.0001, 'd': '84ea836878718cecf7174076'},
           {'kind': 'number', 'step': 0.0001, 'd': '1117032eac2c113e7708771f'},
           {'kind': 'number', 'step': 0.0001, 'd': '4dd2ef00a47c75c717e16030'},
           {'kind': 'number', 'step': 0.0001, 'd': '9cbf13484a24bd149ef99025'},
           {'kind': 'number', 'step': 0.0001, 'd': 'ce4bc9297f9d78d807d678c9'},
           {'kind': 'number', 'step': 0.0001, 'd': '7924ff8f180a3df69f80b0fc'},
           {'kind': 'number', 'step': 0.0001, 'd': 'f3b9b0c528ace0cb67b0cf4b'},
           {'kind': 'number', 'step': 0.0001, 'd': '4fe0787632788d47bbe4e970'},
           {'kind': 'number', 'step': 0.0001, 'd': 'eba291ac3ea7f0c11ba12c7e'},
           {'kind': 'number', 'step': 0.0001, 'd': '74ac1a6e55ac823cd646c950'},
           {'kind': 'number', 'step': 0.0001, 'd': '852f9f2b2c41928cf3ce03f2'},
           {'kind': 'number', 'step': 0.0001, 'd': '798b2ab702d247abcad0b808'},
           {'kind': 'number', 'step': 0.0001, 'd': 'd6b86cfcca4573df9aeaf322'},
           {'kind': 'number', 'step': 0.0001, 'd': 'a8d0f8ffdd4a4f8313b6f88a'},
           {'kind': 'number', 'step': 0.0001, 'd': 'a19c2ce4c4e4dd5156b7c21e'},
           {'kind': 'number', 'step': 0.0001, 'd': 'b7780520dbbd590a33ac98a4'},
           {'kind': 'number', 'step': 0.0001, 'd': '813b6001e2540a208fd94e4d'},
           {'kind': 'number', 'step': 0.0001, 'd': '9d35ace5ac7be045e98b1f1d'},
           {'kind': 'number', 'step': 0.0001, 'd': 'cb25a2ece21728a416da395c'},
           {'kind': 'number', 'step': 0.0001, 'd': 'da953acca6159b2ea95991f5'},
           {'kind': 'number', 'step': 0.0001, 'd': 'c7271f96d6f4a94cb865da4e'},
           {'kind': 'number', 'step': 0.0001, 'd': '736f9d05ff139701e1d8c2db'},
           {'kind': 'number', 'step': 0.0001, 'd': 'e0c0c9c0890c351ed80f7020'},
           {'kind': 'number', 'step': 0.0001, 'd': 'bb3ee8c8305c1f0b57b1c978'},
           {'kind': 'number', 'step': 0.0001, 'd': '17d4c7cdc0c7156cfc272f5a'},
           {'kind': 'number', 'step': 0.0001, 'd': '8686ffffb9f254d5a0d815cd'},
           {'kind': 'number', 'step': 0.0001, 'd': 'c888d0831922ec8fcc84afd8'},
           {'kind': 'number', 'step': 0.0001, 'd': '978614b6147ab4c5b204dd54'},
           {'kind': 'number', 'step': 0.0001, 'd': 'bb53f1ff07e546b6a9694704'},
           {'kind': 'number', 'step': 0.0001, 'd': 'f6e253427ca093ca63204445'},
           {'kind': 'number', 'step': 0.0001, 'd': 'c2bee6e1a0b8c91f2916fed2'},
           {'kind': 'number', 'step': 0.0001, 'd': 'd7674e831fb007ac8aebc39b'},
           {'kind': 'number', 'step': 0.0001, 'd': '42e03ee6142d0a0647e1f407'},
           {'kind': 'number', 'step': 0.0001, 'd': 'f9761405552cf00462ebda24'},
           {'kind': 'number', 'step': 0.0001, 'd': 'e506cfe8ed1ddd0eda597de4'},
           {'kind': 'number', 'step': 0.0001, 'd': 'f4a72d995943ec18ab6a97e5'},
           {'kind': 'number', 'step': 0.0001, 'd': '6da4606fb8f58e9a419d43c6'},
           {'kind': 'number', 'step': 0.0001, 'd': '2947d11ca45edab167a452f9'},
           {'kind': 'number', 'step': 0.0001, 'd': 'e73de6d24eeaee4645434be5'},
           {'kind': 'number', 'step': 0.0001, 'd': '1ab07131d015b264777b5cc2'},
           {'kind': 'number', 'step': 0.0001, 'd': '9c5e3948b9d7745c42f4aed5'},
           {'kind': 'number', 'step': 0.0001, 'd': 'fa66924ad558fbc8fcad78e4'},
           {'kind': 'number', 'step': 0.0001, 'd': '7ebc83885ce685179c762523'},
           {'kind': 'number', 'step': 0.0001, 'd': 'b3057eb904b7ad181b5b44cc'},
           {'kind': 'number', 'step': 0.0001, 'd': '28b670fb3e256dfdad721b28'},
           {'kind': 'number', 'step': 0.0001, 'd': '987d425f0d9435694fab35d3'},
           {'kind': 'number', 'step': 0.0001, 'd': 'e1d327699541707df22c5fe9'},
           {'kind': 'number', 'step': 0.0001, 'd': 'd63c04ba555f2fad6abaff5f'},
           {'kind': 'number', 'step': 0.0001, 'd': '4ea53071f4c5d55b3d5592b7'},
           {'kind': 'number', 'step': 0.0001, 'd': '8fb491ba8cc5e11b5273f265'},
           {'kind': 'number', 'step': 0.0001, 'd': '9ae9bedf5be1f6fc54df7203'}]},
                  "Some intervals are not the ones we expect. Work one row out by hand: which successes and which base go into its interval?",
                  mistakes=[
                      ({'kind': 'sequence',
 'items': [{'kind': 'number', 'step': 0.0001, 'd': '85b44771904daa8ee3f353b1'},
           {'kind': 'number', 'step': 0.0001, 'd': '903f9adc6676b3311baacb61'},
           {'kind': 'number', 'step': 0.0001, 'd': '9450cd32350c1041f78d7032'},
           {'kind': 'number', 'step': 0.0001, 'd': 'cd9c5b9e73a32c1312e012d4'},
           {'kind': 'number', 'step': 0.0001, 'd': '431e76ca436b4482cfa4a83c'},
           {'kind': 'number', 'step': 0.0001, 'd': '84ea836878718cecf7174076'},
           {'kind': 'number', 'step': 0.0001, 'd': 'b2dc2a83f62aab50b9411b58'},
           {'kind': 'number', 'step': 0.0001, 'd': 'ba2420e453f9773e68d3a54e'},
           {'kind': 'number', 'step': 0.0001, 'd': 'e848e94085c57f6cd460f467'},
           {'kind': 'number', 'step': 0.0001, 'd': '8fe58054b29b73a4e35bcb18'},
           {'kind': 'number', 'step': 0.0001, 'd': 'f79f4efa0a8b8ceaca36ab75'},
           {'kind': 'number', 'step': 0.0001, 'd': '1771ac1d3a44dcd6882c45a4'},
           {'kind': 'number', 'step': 0.0001, 'd': '8f7eff4d576a739c5b605766'},
           {'kind': 'number', 'step': 0.0001, 'd': '6e70c27a68aa4d9bf752c171'},
           {'kind': 'number', 'step': 0.0001, 'd': '6c2714d610b18ca52a00e50e'},
           {'kind': 'number', 'step': 0.0001, 'd': '1ab07131d015b264777b5cc2'},
           {'kind': 'number', 'step': 0.0001, 'd': '86bb2886d2b74e803e431436'},
           {'kind': 'number', 'step': 0.0001, 'd': '690ee947e6ae3b96190ffa90'},
           {'kind': 'number', 'step': 0.0001, 'd': 'ea57daac169106e540fdb697'},
           {'kind': 'number', 'step': 0.0001, 'd': 'facc5a0cc6ba5094d16d68b8'},
           {'kind': 'number', 'step': 0.0001, 'd': 'c9cf06fb456822d0cd15b760'},
           {'kind': 'number', 'step': 0.0001, 'd': '9ceda4f83c8b9cc2eb5e287d'},
           {'kind': 'number', 'step': 0.0001, 'd': '1ac475a1729875969c1c2e33'},
           {'kind': 'number', 'step': 0.0001, 'd': '73d62d57819cabbfa55d026f'},
           {'kind': 'number', 'step': 0.0001, 'd': '44fb4166f9db5e52663901ce'},
           {'kind': 'number', 'step': 0.0001, 'd': '82cf4222ced853809971d67d'},
           {'kind': 'number', 'step': 0.0001, 'd': 'f8821b0b270b91c0ec49471b'},
           {'kind': 'number', 'step': 0.0001, 'd': 'c8e3f49c5b7f20f17e156bb4'},
           {'kind': 'number', 'step': 0.0001, 'd': 'b5edc403ae834827be8f4c30'},
           {'kind': 'number', 'step': 0.0001, 'd': '6fefedc19bd423dbcce62e90'},
           {'kind': 'number', 'step': 0.0001, 'd': '0c01cf634a1d09a7a85684ef'},
           {'kind': 'number', 'step': 0.0001, 'd': 'a045da42946617ec73fbe446'},
           {'kind': 'number', 'step': 0.0001, 'd': '86184a93e8d836df1fc4a808'},
           {'kind': 'number', 'step': 0.0001, 'd': 'f01275e94003529f57e4212d'},
           {'kind': 'number', 'step': 0.0001, 'd': '9d24a4fac0aad0fc5d3c2184'},
           {'kind': 'number', 'step': 0.0001, 'd': 'a23390b25a3e09120049574d'},
           {'kind': 'number', 'step': 0.0001, 'd': 'd7674e831fb007ac8aebc39b'},
           {'kind': 'number', 'step': 0.0001, 'd': '42e03ee6142d0a0647e1f407'},
           {'kind': 'number', 'step': 0.0001, 'd': 'f9761405552cf00462ebda24'},
           {'kind': 'number', 'step': 0.0001, 'd': 'e506cfe8ed1ddd0eda597de4'},
           {'kind': 'number', 'step': 0.0001, 'd': 'f4a72d995943ec18ab6a97e5'},
           {'kind': 'number', 'step': 0.0001, 'd': '6da4606fb8f58e9a419d43c6'},
           {'kind': 'number', 'step': 0.0001, 'd': '2947d11ca45edab167a452f9'},
           {'kind': 'number', 'step': 0.0001, 'd': 'e73de6d24eeaee4645434be5'},
           {'kind': 'number', 'step': 0.0001, 'd': '1ab07131d015b264777b5cc2'},
           {'kind': 'number', 'step': 0.0001, 'd': '9c5e3948b9d7745c42f4aed5'},
           {'kind': 'number', 'step': 0.0001, 'd': 'fa66924ad558fbc8fcad78e4'},
           {'kind': 'number', 'step': 0.0001, 'd': '7ebc83885ce685179c762523'},
           {'kind': 'number', 'step': 0.0001, 'd': 'b3057eb904b7ad181b5b44cc'},
           {'kind': 'number', 'step': 0.0001, 'd': '28b670fb3e256dfdad721b28'},
           {'kind': 'number', 'step': 0.0001, 'd': '987d425f0d9435694fab35d3'},
           {'kind': 'number', 'step': 0.0001, 'd': 'e1d327699541707df22c5fe9'},
           {'kind': 'number', 'step': 0.0001, 'd': 'd63c04ba555f2fad6abaff5f'},
           {'kind': 'number', 'step': 0.0001, 'd': '4ea53071f4c5d55b3d5592b7'},
           {'kind': 'number', 'step': 0.0001, 'd': '8fb491ba8cc5e11b5273f265'},
           {'kind': 'number', 'step': 0.0001, 'd': '9ae9bedf5be1f6fc54df7203'}]}, "Close, but the successes here are not whole respondents: the prompt counts them with `count_from_share`, in whole people."),
                      ({'kind': 'sequence',
 'items': [{'kind': 'number', 'step': 0.0001, 'd': 'f0f37c491fe8411e3763f891'},
           {'kind': 'number', 'step': 0.0001, 'd': '8178b7a32c7a7bd7f459bbf5'},
           {'kind': 'number', 'step': 0.0001, 'd': '177de7ec662f39e02e992eab'},
           {'kind': 'number', 'step': 0.0001, 'd': '5292fe738881435066c99bca'},
           {'kind': 'number', 'step': 0.0001, 'd': 'f97b140e56190a982f1e7546'},
           {'kind': 'number', 'step': 0.0001, 'd': '4c44dc6314a54fa7b051cea8'},
           {'kind': 'number', 'step': 0.0001, 'd': '58b0fe2adfe50bf8f5176168'},
           {'kind': 'number', 'step': 0.0001, 'd': 'b035bd1ca3883605540b1ba5'},
           {'kind': 'number', 'step': 0.0001, 'd': '94675081131948a590983b5a'},
           {'kind': 'number', 'step': 0.0001, 'd': 'ae8e9fdbbd83bee9a8811732'},
           {'kind': 'number', 'step': 0.0001, 'd': 'd29fac47968b694d5da3e73f'},
           {'kind': 'number', 'step': 0.0001, 'd': '5c26a885bbd5dfa55c94a64e'},
           {'kind': 'number', 'step': 0.0001, 'd': '38211e5268e4043929363635'},
           {'kind': 'number', 'step': 0.0001, 'd': '33414660b0ddbe230ef1ecf8'},
           {'kind': 'number', 'step': 0.0001, 'd': '4964a90e144855e0100b8a44'},
           {'kind': 'number', 'step': 0.0001, 'd': 'b957ee56b0477ad5b5ac87ea'},
           {'kind': 'number', 'step': 0.0001, 'd': '2b0dc0caa44f7ada4dc6212e'},
           {'kind': 'number', 'step': 0.0001, 'd': '1a7ffe12b8fa9734fdcadd9d'},
           {'kind': 'number', 'step': 0.0001, 'd': 'e4fec11d53971758b49acda7'},
           {'kind': 'number', 'step': 0.0001, 'd': '33add27418ef0a502a06cbca'},
           {'kind': 'number', 'step': 0.0001, 'd': '28e4e67af07bc7f8d79e1bc4'},
           {'kind': 'number', 'step': 0.0001, 'd': '8cd0d03a72548133bb5b7d46'},
           {'kind': 'number', 'step': 0.0001, 'd': 'cc2865079c7b242c132109aa'},
           {'kind': 'number', 'step': 0.0001, 'd': '5a62cc9a0d8de2b82c6ef264'},
           {'kind': 'number', 'step': 0.0001, 'd': '4c117363cfdbc46c4abc98cc'},
           {'kind': 'number', 'step': 0.0001, 'd': 'b0a83be29e10de3ea7ce5c05'},
           {'kind': 'number', 'step': 0.0001, 'd': 'bc85039adee424d4a6e6d1f1'},
           {'kind': 'number', 'step': 0.0001, 'd': 'e23500fd5a7fad140ac5f018'},
           {'kind': 'number', 'step': 0.0001, 'd': 'b8ddf1bd93883d9a52f2e61f'},
           {'kind': 'number', 'step': 0.0001, 'd': 'cc5b1df300424c1a1d1adc3e'},
           {'kind': 'number', 'step': 0.0001, 'd': '4553af68d51971256b6a88bd'},
           {'kind': 'number', 'step': 0.0001, 'd': '8498bf2999be8a68495ff3e9'},
           {'kind': 'number', 'step': 0.0001, 'd': '67382961ac0d1ffb3b002dec'},
           {'kind': 'number', 'step': 0.0001, 'd': 'bbef32818a93e6ee9b51e3fd'},
           {'kind': 'number', 'step': 0.0001, 'd': 'ba094f1983892aca5b563519'},
           {'kind': 'number', 'step': 0.0001, 'd': '914c1bff091afcf5e2175594'},
           {'kind': 'number', 'step': 0.0001, 'd': '95c0040ebedb4ed5c1624e7f'},
           {'kind': 'number', 'step': 0.0001, 'd': '62498f94b7646a51297288dc'},
           {'kind': 'number', 'step': 0.0001, 'd': 'dd94a51edd4d5944bb6677ce'},
           {'kind': 'number', 'step': 0.0001, 'd': 'd4f49ed461e661bd7b283f71'},
           {'kind': 'number', 'step': 0.0001, 'd': '795f6673e5966e49af4a8e5f'},
           {'kind': 'number', 'step': 0.0001, 'd': '8866092e59a60f3047c322a9'},
           {'kind': 'number', 'step': 0.0001, 'd': 'b9180b69a3846b1a0d8a0e46'},
           {'kind': 'number', 'step': 0.0001, 'd': '62ada465cd7633dc0d531f1e'},
           {'kind': 'number', 'step': 0.0001, 'd': '7bbe44aa080456bc6405537a'},
           {'kind': 'number', 'step': 0.0001, 'd': 'bbab864597a2fd96981d9776'},
           {'kind': 'number', 'step': 0.0001, 'd': '0dadefc7bef55aa6d570f04f'},
           {'kind': 'number', 'step': 0.0001, 'd': 'cf5d938f2fb5d5548654b6a8'},
           {'kind': 'number', 'step': 0.0001, 'd': '156ac4a3c0602f296cf8bcc0'},
           {'kind': 'number', 'step': 0.0001, 'd': '17a7fd22907e6eb9c32dafbb'},
           {'kind': 'number', 'step': 0.0001, 'd': '97973e4c21062b636d0abb7e'},
           {'kind': 'number', 'step': 0.0001, 'd': '271408c6ff66cb53394681da'},
           {'kind': 'number', 'step': 0.0001, 'd': 'd48992f82e11d510c9a227d8'},
           {'kind': 'number', 'step': 0.0001, 'd': '36ca8ed84eb3872bd5ad65e1'},
           {'kind': 'number', 'step': 0.0001, 'd': 'da53f1ae084494af63afb17b'},
           {'kind': 'number', 'step': 0.0001, 'd': '8c70179c689e8049b6a8dbe8'}]}, "These are normal (Wald) intervals: the prompt asks for Wilson's, as `wilson_interval` gives them."),
                  ]),
        ])),
        Alone("add_intervals", Behaves("add_intervals", _uses_its_table)),
    ],
    hints=[
        "Two steps: keep the rows of `table` that have a base, then compute an interval for each of them.",
        "`table[table['base_n'].notna()]` keeps the rows with a base. For each row, successes = count_from_share(percent, base_n).",
        "Loop over the rows (or use `.apply(..., axis=1)`), call `wilson_interval(successes, base_n)`, and store the two ends in new columns `low` and `high`; finally keep only the five columns asked for, and return the table.",
    ],
)


# --- exercise 4: interval widths ----------------------------------------------------------------

def _width_properties(func):
    for percent, n in [(97, 33), (27, 1000), (50, 10)]:
        got = func(percent, n)
        if isinstance(got, (bool, np.bool_)) or not isinstance(got, (int, float, np.integer, np.floating)):
            return f"`interval_width({percent}, {n})` should return a number, not a {type(got).__name__}."
        if not 0 < float(got) < 1:
            return (f"`interval_width({percent}, {n})` is not a share between 0 and 1: the width is high − low of an "
                    "interval whose ends are shares.")
    if not func(50, 100) > func(50, 1000):
        return "The same share from more respondents should give a narrower interval; yours does not."
    return None


q4 = Exercise(
    id="ex01_04",
    title="How wide is the uncertainty?",
    names=("interval_width",),
    checks=[
        IsA("interval_width", "function"),
        Alone("interval_width",
              Behaves("interval_width", _width_properties),
              Calls("interval_width", (97, 33), {'kind': 'number', 'step': 0.0001, 'd': '843991368111c018c68706a7'},
                    message="For 97% of 33 the width is not yet right: count the successes, take their Wilson interval, "
                            "and measure it from end to end.",
                    mistakes=[
                        ({'kind': 'number', 'step': 0.0001, 'd': 'cd75f002082ba27df0aeda9d'}, "this looks like half the width (the half-width); the width spans the whole interval, from low to high."),
                        ({'kind': 'number', 'step': 0.0001, 'd': '6e854435f2503caf778e229d'}, "this is the width of the normal (Wald) interval. With 33 respondents and a share near 100%, the prompt asks for Wilson's."),
                        ({'kind': 'number', 'step': 0.0001, 'd': 'dfe1b7800b7312ae3ccec91e'}, "this is a 90% interval's width (z = 1.645); the prompt asks for 95%."),
                    ]),
              Calls("interval_width", (27, 1000), {'kind': 'number', 'step': 0.0001, 'd': '1eafb2c735f90af9b64ddd01'},
                    message="For 27% of 1,000 the width is not yet right: count the successes, take their Wilson interval, "
                            "and measure it from end to end.",
                    mistakes=[({'kind': 'number', 'step': 0.0001, 'd': '2094d53fa8e4c124e35b489d'}, "this looks like half the width (the half-width); the width spans the whole interval, from low to high.")])),
    ],
    hints=[
        "The width of an interval is its high end minus its low end.",
        "First the count with count_from_share(percent, n), then its Wilson interval with wilson_interval, then the width.",
        "Unpack the two ends returned by `wilson_interval(count_from_share(percent, n), n)` and return the high end minus the low end.",
    ],
)


# --- exercise 5: comparing two figures ----------------------------------------------------------

_AUSTRALIA = "deployed_or_deploying_by_country.australia.deployed_or_deploying"
_GERMANY = "deployed_or_deploying_by_country.germany.deployed_or_deploying"
_APART = {'kind': 'text', 'd': '2b73fbd50e05cf4083e32fbe'}
_OVERLAP = {'kind': 'text', 'd': '1f2ca21c8dff4bbc11639756'}
_NO_BASE = {'kind': 'text', 'd': 'f4c56c1e458232c61402bbdc'}

# A small made-up table: a function that ignores `table` and reads `figures` cannot find these rows.
_MADE_UP = pd.DataFrame({
    "figure_id": ["made_up.higher", "made_up.lower", "made_up.no_base"],
    "topic": "made_up", "group": "all", "item": ["higher", "lower", "no_base"],
    "percent": [97.0, 76.0, 50.0],
    "base_n": pd.array([300, 300, pd.NA], dtype="Int64"),
    "base": "made up for this check",
})

q5 = Exercise(
    id="ex01_05",
    title="Can we tell two figures apart?",
    names=("compare", "figures"),
    checks=[
        IsA("compare", "function"),
        Alone("compare",
        CallsWithTable("compare", "figures", ("benefits_realised.tax_and_customs.compliance", "benefits_realised.improved_decision_making"),
                       _APART, "Compute both intervals and ask whether one lies wholly above the other."),
        CallsWithTable("compare", "figures", ("benefits_realised.improved_decision_making", "benefits_realised.tax_and_customs.compliance"),
                       _APART, "The same two figures in the other order: does your test work whichever figure comes first? "
                       "Two intervals are apart when a's lies wholly above b's, or b's wholly above a's."),
        CallsWithTable("compare", "figures", ("barriers.technology", "barriers.culture"),
                       _OVERLAP, "Compute both intervals and ask whether they share any values."),
        CallsWithTable("compare", "figures", (_AUSTRALIA, _GERMANY),
                       _NO_BASE, "What does the table say about how many respondents these figures rest on?"),
        CallsWithTable("compare", "figures", ("benefits_realised.improved_decision_making", _AUSTRALIA),
                       _NO_BASE, "Here the first figure has a base but the second does not: check both bases."),
        CallsWithTable("compare", _MADE_UP, ("made_up.lower", "made_up.higher"), _APART,
                       "This table is made up, so its figures are not in `figures`: does your function use its "
                       "`table` argument, and test both orders?")),
    ],
    hints=[
        "First find the two rows by `figure_id`. If either has no base (`pd.isna(base_n)`), you cannot compute an interval.",
        "With both bases, compute both Wilson intervals (successes from count_from_share). Two intervals are apart when one's low end is above the other's high end.",
        "Look each figure up with `table.set_index('figure_id').loc[figure_id]`. If `pd.isna(...)` is true for either base, return 'no base'. Otherwise compute both intervals: they are apart when `low_a > high_b`, or when `low_b > high_a`; in every other case they overlap.",
    ],
)


# --- exercise 6: how many respondents would it take? --------------------------------------------

_ONE_DIRECTION = ("Does your loop test both orders? Two intervals are apart when either one lies wholly above the "
                  "other, whichever figure comes first. With only one of the two tests, the loop never stops when the "
                  "smaller percentage comes first: try smallest_base_apart(14, 46) and smallest_base_apart(46, 14).")


def _whole_number(got) -> bool:
    return (not isinstance(got, (bool, np.bool_)) and isinstance(got, (int, np.integer, float, np.floating))
            and float(got).is_integer())


def _call_base(func, a, b):
    """Call the learner's function; None or a division by zero become feedback."""
    try:
        got = func(a, b)
    except ZeroDivisionError as error:
        raise Wrong(f"`smallest_base_apart({a}, {b})` raised ZeroDivisionError: {error}. "
                    "Start at n = 1: with n = 0 respondents there is no share to divide.")
    if got is None:
        raise Wrong(f"`smallest_base_apart({a}, {b})` returned None. Did you forget `return`, or does your loop "
                    "stop (for example at the end of a `range`) before it finds an n that works?")
    return got


def _base_properties(func):
    # The smaller percentage first: a loop that tests only low_a > high_b never stops here, and the
    # exercise's time limit turns that into the feedback below (see ``LoopExercise``).
    got = _call_base(func, 14, 46)
    if not _whole_number(got):
        return "`smallest_base_apart` should return a whole number of respondents."
    mirrored = _call_base(func, 46, 14)
    if not _whole_number(mirrored) or float(mirrored) != float(got):
        return ("`smallest_base_apart(14, 46)` and `smallest_base_apart(46, 14)` differ, but the order of the two "
                "percentages should not matter. " + _ONE_DIRECTION)
    far = _call_base(func, 46, 30)
    if not float(far) > float(got):
        return "Two shares that are closer together need more respondents to tell apart; yours does not."
    return None


q6 = Exercise(
    id="ex01_06",
    title="How many respondents would it take?",
    names=("smallest_base_apart",),
    time_limit=5,
    too_slow=_ONE_DIRECTION,
    checks=[
        IsA("smallest_base_apart", "function"),
        Alone("smallest_base_apart",
        Behaves("smallest_base_apart", _base_properties),
        Calls("smallest_base_apart", (46, 14), {'kind': 'number', 'step': 0.5, 'd': '2748655c65e23494901eb7d2'},
              message="Start at n = 1 and go up one at a time; stop at the first n where the two intervals do not overlap.",
              mistakes=[({'kind': 'number', 'step': 0.5, 'd': 'eb252ee52b4da4616577b372'}, "you rounded the successes to whole respondents. Here the base is imagined, so the share stays exactly as printed and the successes need not be whole."),
                        ({'kind': 'number', 'step': 0.5, 'd': 'b48cb05da7d45709410f364e'}, "this is the answer with normal (Wald) intervals; the prompt asks for Wilson's.")])),
    ],
    hints=[
        "Try n = 1, 2, 3, ...: for each n, imagine both countries had n respondents each.",
        "For each n, compute wilson_interval(percent_a / 100 * n, n) and the same for b; stop when one interval lies wholly above the other, whichever of the two it is.",
        "Start with `n = 1` and loop with `while True:`; inside, compute both intervals, return n when `low_a > high_b` or `low_b > high_a`, and otherwise add 1 to n.",
    ],
)


# --- exercise 7: a chart a minister reads correctly ---------------------------------------------

def _bars(ax):
    from matplotlib.patches import Rectangle

    return [p for p in ax.patches if isinstance(p, Rectangle) and p.get_height() != 0 and p.get_width() > 0]


def _vertical_segments(ax):
    from matplotlib.collections import LineCollection

    segments = []
    for collection in ax.collections:
        if isinstance(collection, LineCollection):
            for seg in collection.get_segments():
                seg = np.asarray(seg, dtype=float)
                if len(seg) == 2 and abs(seg[0, 0] - seg[1, 0]) < 1e-9:
                    segments.append((seg[0, 0], min(seg[:, 1]), max(seg[:, 1])))
    return segments


def _horizontal(ax, bars) -> bool:
    """True when the bars were drawn with barh (they grow along x from a shared left edge)."""
    from matplotlib.container import BarContainer

    kinds = {getattr(c, "orientation", None) for c in ax.containers if isinstance(c, BarContainer)}
    if kinds - {None}:
        return "horizontal" in kinds and "vertical" not in kinds
    lefts = {round(b.get_x(), 9) for b in bars}
    bottoms = {round(b.get_y(), 9) for b in bars}
    return len(bars) > 1 and lefts == {0.0} and len(bottoms) > 1


def chart_problems(ax, n_rows: int) -> list[str]:
    """What keeps a bar chart of shares with intervals from being read correctly (empty: none)."""
    from matplotlib.axes import Axes

    from academy import plotting

    if not isinstance(ax, Axes):
        return [f"the function should return the matplotlib Axes it drew on, not a {type(ax).__name__}"]
    palette = "some colours are not from the colour-blind-safe palette"
    problems = [
        (palette + ": keep the defaults after `academy.setup()`, or pick colours from `plotting.OKABE_ITO`"
         if problem == palette else problem)
        for problem in plotting.is_accessible(ax)
    ]
    bars = _bars(ax)
    if bars and _horizontal(ax, bars):
        # barh swaps the axes, so every y-axis rule below would misfire: one plain message instead.
        problems.append("the bars are horizontal; the prompt asks for vertical bars, so that the y axis carries the percentages")
        return problems
    if len(bars) != n_rows:
        problems.append(f"the chart should have one vertical bar per row of the table ({len(bars)} bars found)")
    bottom, top = ax.get_ylim()
    if abs(bottom) > 1e-9:
        problems.append("the y axis does not start at 0, so the bars exaggerate the differences")
    if top < 100 - 1e-9:
        problems.append("the y axis should reach 100 (percent), so every bar is read against the whole scale")
    segments = _vertical_segments(ax)
    centres = [b.get_x() + b.get_width() / 2 for b in bars]
    if not segments or any(not any(abs(s[0] - c) < 1e-6 for s in segments) for c in centres):
        problems.append("every bar needs an error bar showing its 95% interval")
    return problems


def chart_intervals(ax) -> list[tuple[float, float, float]]:
    """(height, low, high) of every bar with its error bar, in the chart's units, sorted."""
    segments = _vertical_segments(ax)
    found = []
    for bar in _bars(ax):
        centre = bar.get_x() + bar.get_width() / 2
        ends = [s for s in segments if abs(s[0] - centre) < 1e-6]
        if ends:
            found.append((round(bar.get_height(), 6), ends[0][1], ends[0][2]))
    return sorted(found)


# A small made-up table: a chart that ignores `top` and draws `top_benefits` fails on it.
_MADE_UP_TOP = pd.DataFrame({
    "group": ["west", "centre", "islands"], "item": ["x", "y", "z"],
    "percent": [60.0, 85.0, 30.0], "base_n": pd.array([25, 140, 80], dtype="Int64"),
})


def _made_up_chart(func):
    """Problems of the learner's chart for a small made-up table (None: none)."""
    import matplotlib.pyplot as plt

    table = _MADE_UP_TOP
    before = set(plt.get_fignums())
    try:
        try:
            ax = func(table.copy())
        except Exception as error:
            return (f"`honest_chart` raised {type(error).__name__}: {error} when given a small made-up table with the "
                    "same columns: does it use its `top` argument, and only those columns?")
        if ax is None:
            return "`honest_chart` returned None: it should hand back the Axes it drew on."
        bars = _bars(ax)
        if len(bars) != len(table):
            return (f"Given a small made-up table of {len(table)} rows, `honest_chart` drew {len(bars)} bars: "
                    "does it draw the table it is given (`top`), rather than `top_benefits`?")
        want = []
        for percent, n in zip(table["percent"], table["base_n"]):
            low, high = _wilson(_count(percent, int(n)), int(n))
            want.append((percent, 100 * low, 100 * high))
        got = chart_intervals(ax)
        if len(got) != len(want) or any(
            abs(h - wh) > 1e-6 or abs(lo - wl) > 0.05 or abs(hi - wu) > 0.05
            for (h, lo, hi), (wh, wl, wu) in zip(got, sorted(want))
        ):
            return ("Given a small made-up table, the bars or error bars of `honest_chart` do not show that table's "
                    "percentages and 95% Wilson intervals: does every number come from `top`, the table it is given?")
        return None
    finally:
        for number in set(plt.get_fignums()) - before:
            plt.close(number)


class Chart:
    """Draw the learner's chart for the visible table and inspect the Axes it returns."""

    def __call__(self, values, salt):
        import matplotlib.pyplot as plt

        func, table = values["honest_chart"], values["top_benefits"]
        before = set(plt.get_fignums())
        try:
            ax = func(table.copy())
        except NotImplementedError:
            raise NotAttempted("`honest_chart` still raises NotImplementedError: replace the stub with your code.")
        except Exception as error:
            raise Wrong(f"`honest_chart(top_benefits)` raised {type(error).__name__}: {error}")
        try:
            if ax is None:
                raise Wrong("`honest_chart` returned None: it should hand back the Axes it drew on.")
            problems = chart_problems(ax, len(table))
            if problems:
                raise Wrong("Your chart is not yet one a minister reads correctly: " + "; ".join(problems) + ".")
            heights = [h for h, _, _ in chart_intervals(ax)]
            if max(heights) <= 1:
                raise Wrong("The bars are shares (0–1): plot percentages (0–100), and the error bars in percent too.")
            flat = [v for _, low, high in chart_intervals(ax) for v in (low, high)]
            if not matches(flat, {'kind': 'sequence',
 'items': [{'kind': 'number', 'step': 0.01, 'd': '73dc8dde361736564ad1326b'},
           {'kind': 'number', 'step': 0.01, 'd': '641d9204e0d475a4a67728c1'},
           {'kind': 'number', 'step': 0.01, 'd': 'd7ce81ae80b281e4b38b78e4'},
           {'kind': 'number', 'step': 0.01, 'd': '715e0fb977a48c2736d33459'},
           {'kind': 'number', 'step': 0.01, 'd': 'd780d9f00af3c6faba224113'},
           {'kind': 'number', 'step': 0.01, 'd': 'cca94b30f3a0997218148db3'},
           {'kind': 'number', 'step': 0.01, 'd': '35b97898ed30ef409af6d9a2'},
           {'kind': 'number', 'step': 0.01, 'd': 'e9c971c60f525edecd8a6729'},
           {'kind': 'number', 'step': 0.01, 'd': '49d37859f0b65f94e43d3e8a'},
           {'kind': 'number', 'step': 0.01, 'd': 'd111a420061390199dab30e0'}]}, salt):
                if matches(flat, {'kind': 'sequence',
 'items': [{'kind': 'number', 'step': 0.01, 'd': '186df4d395b669e2a6879f90'},
           {'kind': 'number', 'step': 0.01, 'd': 'd4409d7048b95cf66e3a4a98'},
           {'kind': 'number', 'step': 0.01, 'd': '4ba64ac97dbf27d7f31ca3c8'},
           {'kind': 'number', 'step': 0.01, 'd': '815fc56e61fdac73039d2c1b'},
           {'kind': 'number', 'step': 0.01, 'd': '4bebd866866a2f2ab51bd55d'},
           {'kind': 'number', 'step': 0.01, 'd': 'd56f37fc81c297ae33c8dbe4'},
           {'kind': 'number', 'step': 0.01, 'd': '71d5e71063f918bc6685e907'},
           {'kind': 'number', 'step': 0.01, 'd': '8571363893f9f5eda1266a13'},
           {'kind': 'number', 'step': 0.01, 'd': '3a8c6605d01862bedb49371b'},
           {'kind': 'number', 'step': 0.01, 'd': 'f5389df3670128f33f14ae04'}]}, salt):
                    raise Wrong("The error bars are normal (Wald) intervals; the prompt asks for Wilson's.")
                raise Wrong("The error bars do not show the 95% Wilson intervals (in percent) of the figures. "
                            "Remember that `yerr` takes distances from the bar top, not the ends themselves.")
        finally:
            for number in set(plt.get_fignums()) - before:
                plt.close(number)


q7 = Exercise(
    id="ex01_07",
    title="A chart a minister reads correctly",
    names=("honest_chart", "top_benefits"),
    checks=[IsA("honest_chart", "function"), Alone("honest_chart", Chart(), Behaves("honest_chart", _made_up_chart))],
    hints=[
        "Start from the misleading chart above and fix what misleads: start the y axis at 0, add error bars, and show each bar's base (n).",
        "For each row: successes = count_from_share(percent, base_n), (low, high) = wilson_interval(successes, base_n). Error bars are distances: percent − 100·low below, 100·high − percent above.",
        "`fig, ax = plt.subplots()`, then `ax.bar(labels, percents, yerr=[below, above], capsize=4)`, `ax.set_ylim(0, 100)`, `plotting.finish(ax, title, xlabel, ylabel)`, `return ax`. Labels such as f\"{group}\\n(n={n})\" put each base on its own line, so they do not overlap.",
    ],
)


# --- exercise 8: what a survey of adopters can show ---------------------------------------------

# Feedback for each statement the survey does not support, keyed by the statement's salted digest.
_UNSUPPORTED = [
    ({'kind': 'text', 'd': 'f334c6918c967f98faed1106'}, "One statement you chose says data ecosystems *cause* a benefit. The survey recorded what adopters say, not what would have happened without an ecosystem."),
    ({'kind': 'text', 'd': '7741f4a7997120060248845f'}, "One statement you chose puts a figure on the wrong base: check who the 41% were asked of."),
    ({'kind': 'text', 'd': 'd22a44b0bdf117afddf1d094'}, "One statement you chose predicts what organisations that have not started would get. Nobody measured that: early adopters may differ from the rest."),
    ({'kind': 'text', 'd': '8ef13101f95598f35761c558'}, "One statement you chose says the 274 include organisations that gave up. Those that gave up were not among the 274 asked about benefits."),
]


class Statements:
    """The chosen letters: specific feedback for each unsupported one chosen, generic for any left out."""

    def __init__(self, name, expected):
        self.name, self.expected = name, expected

    def __call__(self, values, salt):
        letters = {str(x).strip().upper() for x in values[self.name]}
        if matches(letters, self.expected, salt):
            return
        wrong = [feedback for spec, feedback in _UNSUPPORTED if any(matches(x, spec, salt) for x in letters)]
        if len(wrong) == 1:
            raise Wrong(wrong[0])
        if not letters:
            raise Wrong("`supported` is empty: put in it the letters of the statements the survey supports.")
        if wrong:
            raise Wrong(f"{len(wrong)} statements you chose go beyond the survey:\n- "
                        + "\n- ".join(w.replace("One statement you chose", "one") for w in wrong))
        raise Wrong("Every statement you chose is supported, but at least one statement the survey does support is "
                    "missing. For each letter you left out, ask: who was asked, what were they asked, and does the "
                    "statement stay within that?")


q8 = Exercise(
    id="ex01_08",
    title="What a survey of adopters can and cannot show",
    names=("supported",),
    checks=[
        Has("supported", lambda v: isinstance(v, (set, frozenset, list, tuple)), "`supported` should be a set of letters, such as {'A', 'B'}."),
        Has("supported", lambda v: all(isinstance(x, str) and x.strip().upper() in set("ABCDEFG") for x in v),
            "Use only the letters A to G, as strings."),
        Statements("supported", {'kind': 'set', 'size': 3, 'd': '0630b14c687ddcf980e07923'}),
    ],
    hints=[
        "The benefit figures come only from organisations that have deployed or are deploying. Who is missing from them?",
        "Statements that claim cause and effect, or that apply a percentage to the wrong base, or to organisations that were never asked, are not supported.",
        "Check each statement against three questions: is the base right (1,000 or 274?), is it what respondents *said* rather than a measured effect, and does it speak only about those who were asked?",
    ],
)
