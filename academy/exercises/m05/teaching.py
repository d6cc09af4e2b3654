"""Helpers the teaching cells of module 05 use (not checks).

``text_stats`` and ``readability`` measure a notice (the Flesch reading-ease score with a simple
syllable rule); exercise 13's check applies the same measure, so the learner sees what it sees.
``at_most`` bounds a teaching cell that runs the learner's functions on Kestria's data: a correct
but slow answer then shortens a demonstration instead of stalling the notebook (and, under the
grader, every test cell after it).
"""

from __future__ import annotations

import re

from academy.exercises import running

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’]*")
_SENTENCE_END = re.compile(r"[.!?]+|\n\s*\n")

# The usual Flesch bands: 60-70 is plain English; higher is easier still, lower is harder.
_BANDS = [(90, "very easy"), (80, "easy"), (70, "fairly easy"), (60, "plain English"), (50, "fairly hard"),
          (30, "hard"), (float("-inf"), "very hard")]


def _syllables(word: str) -> int:
    """A simple English syllable estimate: groups of vowels, less a silent final e; at least one."""
    w = word.lower().strip("'’")
    if not w or not any(ch.isalpha() for ch in w):
        return 1
    count = len(re.findall(r"[aeiouy]+", w))
    if w.endswith("e") and not w.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    if w.endswith("es") and count > 1 and not re.search(r"(ss|x|z|ch|sh|c|g|s)es$", w):
        count -= 1
    return max(1, count)


def text_stats(text: str) -> dict:
    """Words, sentences, words per sentence, syllables per word and the Flesch reading-ease score.

    Returns {"words": int, "sentences": int, "words_per_sentence": float (1 decimal),
    "syllables_per_word": float (2 decimals), "flesch": float (1 decimal; 0.0 for no words)}.
    """
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


def reading_band(score: float) -> str:
    """The name of the Flesch band a reading-ease score falls in ("plain English" for 60-70)."""
    return next(name for floor, name in _BANDS if score >= floor)


def _plural(n: int, word: str) -> str:
    return word if n == 1 else word + "s"


def readability(text: str) -> None:
    """Print a one-line readability report for a notice: words, sentences, the Flesch score and its band."""
    s = text_stats(text)
    print(f"{s['words']} {_plural(s['words'], 'word')} in {s['sentences']} {_plural(s['sentences'], 'sentence')} "
          f"({s['words_per_sentence']} words per sentence); Flesch reading ease {s['flesch']} ({reading_band(s['flesch'])}).")


def at_most(seconds: float, what: str):
    """``running.at_most`` for module 05's teaching cells: it says the function is slow on Kestria's data."""
    return running.at_most(seconds, what, note="your function is slow on Kestria's data. "
                                             "The rest of the notebook runs on; a faster function shows the whole result.")
