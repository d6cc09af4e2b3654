"""Module 05, exercise 13 — a plain-language notice: `notice` (a string; 80–200 words, Flesch ≥ 60,
sentences of 20 words or fewer on average). Its content is marked by a tutor in exercise 14."""

from academy.exercises.checks import Behaves, IsA
from academy.exercises.core import Exercise, NotAttempted, Wrong
from academy.exercises.m05.teaching import text_stats


def _readable(text):
    if not text.strip() or text.strip() in {"...", "YOUR NOTICE HERE"}:
        raise NotAttempted("Write your notice in `notice`.")
    s = text_stats(text)
    if s["words"] < 80:
        raise Wrong(f"The notice has {s['words']} words: too short to say who shares what, why, and what readers "
                    "can do (80–200).")
    if s["words"] > 200:
        raise Wrong(f"The notice has {s['words']} words; keep it to 200 or fewer. Leave details for a linked full notice.")
    if s["words_per_sentence"] > 20:
        raise Wrong(f"Sentences average {s['words_per_sentence']} words; aim for 20 or fewer. Split long sentences, "
                    "one idea each.")
    if s["flesch"] < 60:
        raise Wrong(f"The reading-ease score is {s['flesch']} (needs 60 or more). Use shorter, everyday words: "
                    "'use' not 'utilise', 'check' not 'verification'.")


exercise = Exercise(
    id="ex05_13",
    name="plain_notice",
    title="A plain-language notice",
    names=("notice",),
    checks=[IsA("notice", "text"), Behaves("notice", _readable)],
    hints=[
        "Answer seven questions in order: who shares, what, with whom, why, what protects you, how long, how to ask or complain.",
        "Short sentences, everyday words, 'we' and 'you'. Run `ex.readability(notice)` as you edit.",
        "If the score is low, replace long words (three or more syllables) and split any sentence over 20 words.",
    ],
)
