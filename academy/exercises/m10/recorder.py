"""A stand-in accountant the checks of exercises 5 and 6 hand to the learner's release functions.

It is not a privacy accountant (exercise 4 is): it only records each charge and, when told to,
refuses every charge, so a check can see what was charged and whether a refusal stops the release.
"""


class Refused(ValueError):
    """The recorder refused a charge. A ValueError, as the prompt says an accountant raises, so that a
    release function that catches the refusal instead of letting it through is seen doing so."""


class Recorder:
    def __init__(self, refuse: bool = False):
        self.refuse, self.charges = refuse, []

    def spend(self, epsilon, what=""):
        if self.refuse:
            raise Refused("over budget")
        self.charges.append(float(epsilon))

    def spent(self):
        return sum(self.charges)
