"""Check helper shared by module 08 (exercise 5) and module 10 (exercise 3): run a learner's PSI
function and note how it created its PSI parties. A plain set intersection gives the same number,
so the count alone cannot tell whether the lists stayed on their own sides.
"""

from academy.exercises.checks import call_learner


def watch_parties(func, name: str, client, server, seconds: float, too_slow: str):
    """``(func(client, server), flags)``: the result, and the ``reveal_intersection`` flag of every
    ``openmined.psi`` client or server created during the call (an empty list: none was).

    The constructors are wrapped only for the call and restored afterwards, also on error.
    Raises what ``call_learner`` raises (not attempted, too slow).
    """
    import private_set_intersection.python as psi

    created, saved = [], []
    for cls in (psi.client, psi.server):
        for constructor in ("CreateWithNewKey", "CreateFromKey"):
            bound = getattr(cls, constructor)

            def watching(*args, _bound=bound, **kwargs):
                created.append(kwargs.get("reveal_intersection", args[-1] if args else None))
                return _bound(*args, **kwargs)

            saved.append((cls, constructor, vars(cls)[constructor]))
            setattr(cls, constructor, staticmethod(watching))
    try:
        got = call_learner(func, name, client, server, seconds=seconds, too_slow=too_slow)
    finally:
        for cls, constructor, original in saved:
            setattr(cls, constructor, original)
    return got, created
