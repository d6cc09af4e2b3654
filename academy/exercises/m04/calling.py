"""How module 04's checks call the learner's functions on made-up cases, and a small shape test."""

import pandas as pd

from academy.exercises.checks import call_learner
from academy.exercises.core import Wrong


def is_str_list(value) -> bool:
    return isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value)


def called(func, name, *args, **kwargs):
    """``func(*args, **kwargs)``; a KeyError says which columns the made-up tables have.

    Raises ``NotAttempted`` for the stub, ``Wrong`` for a KeyError on a made-up table; any other
    exception of the learner's code propagates (``Behaves`` turns it into feedback).
    """
    try:
        return call_learner(func, name, *args, **kwargs)
    except KeyError as error:
        tables = [str([str(c) for c in a.columns]) for a in args if isinstance(a, pd.DataFrame)]
        if not tables:
            raise
        raise Wrong(f"`{name}` raised KeyError: {error} on a made-up case. Its tables have only these columns: "
                    f"{' and '.join(tables)}. If your own table has that column, your function relies on a column "
                    "the prompt does not promise.")
