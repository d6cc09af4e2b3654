"""Module 02, exercise 9 — Revenue and the skills agency, compared: `sex_codes`, `sex_agreement`, `birth_agreement`.

The code map is an answer of its own, so a map written the wrong way round is named as such. The
two shares apply the learner's `agreement_rate` (exercise 8) to real extracts, as the prompt says:
when they are wrong and that function does not pass its own check, the feedback says so.
"""

import math

from academy.exercises.checks import IsA, Matches
from academy.exercises.core import Exercise, Wrong
from academy.exercises.m02.q08_agreement_rate import exercise as agreement_exercise


def _sex_codes(values, salt=None):
    codes = values["sex_codes"]
    try:
        translated = {int(k): v for k, v in codes.items()}
    except (TypeError, ValueError):
        raise Wrong("The keys of `sex_codes` should be the skills agency's codes, the numbers 1 and 2.")
    if set(translated) != {1, 2}:
        raise Wrong("`sex_codes` should have one entry for each code the skills agency uses, 1 and 2.")
    if not all(isinstance(v, str) for v in translated.values()):
        raise Wrong("The values of `sex_codes` should be Revenue's codes, which are letters.")
    if translated == {1: "F", 2: "M"}:
        raise Wrong("`sex_codes` translates the codes the wrong way round: check which number the skills agency "
                    "uses for which sex (the teaching text says).")
    if translated != {1: "M", 2: "F"}:
        raise Wrong("`sex_codes` does not translate into Revenue's codes: which letters does Revenue write?")


def _is_share(values, salt=None):
    sex = float(values["sex_agreement"])
    if math.isnan(sex):
        raise Wrong("`sex_agreement` is not a number (nan): no pair was compared, because every translated value "
                    "was missing. Which table's codes does `sex_codes` translate, the left or the right?")
    for name in ("sex_agreement", "birth_agreement"):
        if not 0 <= float(values[name]) <= 1:
            raise Wrong(f"`{name}` should be a share between 0 and 1.")


class WithNote:
    """A check whose feedback, when the learner's agreement_rate fails exercise 8, says that too."""

    def __init__(self, check):
        self.check = check

    def __call__(self, values, salt=None):
        try:
            return self.check(values, salt)
        except Wrong as wrong:
            result = agreement_exercise.evaluate({"agreement_rate": values["agreement_rate"]})
            if result.correct:
                raise
            raise Wrong(f"{wrong} These shares come from your `agreement_rate`, which does not pass the check of "
                        "exercise 8 yet: start there.") from None

    def __getattr__(self, attr):
        if attr == "check":
            raise AttributeError(attr)
        return getattr(self.check, attr)


def _sex_message(value):
    if value == 0:
        return ("Nobody agrees on sex: the skills agency's values were compared untranslated, or translated on the "
                "wrong side. `sex_codes` belongs to the table whose codes it translates.")
    return ("`sex_agreement` is not the share we expect: compare revenue_employments (left) with skills_learners "
            "(right), matched on tax_ref, with `sex_codes` for the skills agency.")


exercise = Exercise(
    id="ex02_09",
    name="revenue_vs_skills",
    title="Revenue and the skills agency, compared",
    names=("sex_codes", "sex_agreement", "birth_agreement", "agreement_rate"),
    checks=[
        IsA("sex_codes", "dict"),
        _sex_codes,
        IsA("sex_agreement", "number"),
        IsA("birth_agreement", "number"),
        _is_share,
        WithNote(Matches("sex_agreement", key="sex", transform=float, message=_sex_message)),
        WithNote(Matches("birth_agreement", key="birth", transform=float,
                         message="`birth_agreement` is not the share we expect: compare `birth_date` with "
                                 "revenue_employments on the left and skills_learners on the right, matched on tax_ref.")),
    ],
    hints=[
        "Both numbers come from one call each of your `agreement_rate`.",
        "The skills agency writes sex as 1 and 2; Revenue writes 'M' and 'F'. Which table needs a map, and is it left or right?",
        "`sex_codes = {1: ..., 2: ...}` with the letters Revenue uses, passed as `right_codes`; birth dates need no map.",
    ],
)
