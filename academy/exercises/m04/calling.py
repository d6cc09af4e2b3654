"""A small shape test several of module 04's checks share (made-up cases are called with
``academy.exercises.running.call_on_made_up``)."""


def is_str_list(value) -> bool:
    return isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value)
