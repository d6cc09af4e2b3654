"""Module 01, exercise 8 — what a survey of adopters can and cannot show: `supported`, a set of letters.

One check per statement: whether the learner's set holds that letter, against the reference.
"""

from academy.exercises.checks import Has, Matches
from academy.exercises.core import Exercise

LETTERS = "ABCDEFG"

# What goes beyond the survey in each statement, should a learner choose it; the reference decides
# which of these can ever be shown.
BEYOND = {
    "B": "Statement B says data ecosystems *cause* a benefit. The survey recorded what adopters say, not what "
         "would have happened without an ecosystem.",
    "C": "Statement C puts a figure on the wrong base: check who the 41% were asked of.",
    "E": "Statement E predicts what organisations that have not started would get. Nobody measured that: early "
         "adopters may differ from the rest.",
    "F": "Statement F says the 274 include organisations that gave up. Those that gave up were not among the 274 "
         "asked about benefits.",
}
LEFT_OUT = ("Statement {letter} is one you left out. Ask of it: who was asked, what were they asked, and does the "
            "statement stay within that?")


def _letters(value):
    return {str(x).strip().upper() for x in value}


def _statement(letter):
    def chosen(value) -> bool:
        return letter in _letters(value)

    def feedback(got) -> str:
        if got:
            return BEYOND.get(letter, f"Statement {letter} goes beyond what the survey shows: who was asked, and what?")
        return LEFT_OUT.format(letter=letter)

    return Matches("supported", key=f"statement_{letter}", transform=chosen, message=feedback)


exercise = Exercise(
    id="ex01_08",
    name="adopter_statements",
    title="What a survey of adopters can and cannot show",
    names=("supported",),
    checks=[
        Has("supported", lambda v: isinstance(v, (set, frozenset, list, tuple)), "`supported` should be a set of letters, such as {'A', 'B'}."),
        Has("supported", lambda v: all(isinstance(x, str) and x.strip().upper() in set(LETTERS) for x in v),
            "Use only the letters A to G, as strings."),
        Has("supported", lambda v: len(v) > 0, "`supported` is empty: put in it the letters of the statements the survey supports."),
        *[_statement(letter) for letter in LETTERS],
    ],
    hints=[
        "The benefit figures come only from organisations that have deployed or are deploying. Who is missing from them?",
        "Statements that claim cause and effect, or that apply a percentage to the wrong base, or to organisations that were never asked, are not supported.",
        "Check each statement against three questions: is the base right (1,000 or 274?), is it what respondents *said* rather than a measured effect, and does it speak only about those who were asked?",
    ],
)
