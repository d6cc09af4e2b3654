"""Name and street lists for Kestria. Written for the course; no list is copied from a register.

Weights fall off with rank (a Zipf-like curve) so that common names repeat, as they do in any
real population; that repetition is what makes linkage on names alone unreliable.
"""

from __future__ import annotations

import numpy as np

GIVEN_F = """Olivia Amelia Isla Ava Mia Grace Sophie Lily Emily Freya Ella Evie Chloe Ruby Jessica
Charlotte Hannah Lucy Ellie Katie Megan Sarah Laura Rachel Rebecca Emma Claire Helen Joanne
Susan Margaret Elizabeth Catherine Patricia Jennifer Karen Nicola Deborah Julie Alison Anne
Mary Jean Sandra Linda Carol Janet Dorothy Barbara Joan Aisha Zara Priya Maya Nadia Amira Leah
Anna Eva Rosa""".split()
GIVEN_M = """Oliver George Harry Noah Jack Leo Arthur Oscar Charlie Jacob Thomas James William Henry
Samuel Joseph Daniel Alexander Benjamin Matthew Christopher Andrew David Michael Robert John
Richard Paul Mark Stephen Peter Anthony Ian Simon Gary Kevin Steven Neil Philip Martin Colin
Keith Brian Kenneth Ronald Alan Graham Edward Adam Luke Ryan Omar Yusuf Ibrahim Ali Hamza Ravi
Arjun Tomas Lukas Marek""".split()
SURNAMES = """Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson Evans
Walker White Roberts Green Hall Wood Jackson Clarke Patel Khan Lewis James Phillips Mason
Mitchell Rose Davis Rodriguez Cox Alexander Morgan Moore Hughes Edwards Hill Turner Harris
Clark Cooper Harrison Ward Martin Baker King Lee Allen Scott Young Morris Campbell Kelly
Anderson Carter Bell Murphy Cook Richardson Shaw Bailey Collins Chapman Parker Bennett Griffiths
Marshall Ellis Fisher Gray Ahmed Ali Hussain Begum Singh Kaur Nowak Kowalski Silva Santos
Okafor Mensah Osei Nguyen Chen Wang Murray Stewart Reid Graham Kennedy Ross Hamilton Fraser
Douglas Ferguson Gibson Grant Watt Lyall Penhallow Treloar Quarrie Ashdown Marchbank Fenwick
Holloway Pennock Thwaite Dunmore Kestrel Wragg Ormerod Garside""".split()
# Short and familiar forms a clerk might record instead of the full given name.
NICKNAMES = {
    "William": "Bill", "Robert": "Bob", "Richard": "Dick", "James": "Jim", "Thomas": "Tom",
    "Michael": "Mike", "Christopher": "Chris", "Alexander": "Alex", "Benjamin": "Ben",
    "Matthew": "Matt", "Andrew": "Andy", "Daniel": "Dan", "Joseph": "Joe", "Samuel": "Sam",
    "Stephen": "Steve", "Steven": "Steve", "Anthony": "Tony", "Edward": "Ed", "Kenneth": "Ken",
    "Ronald": "Ron", "Philip": "Phil", "David": "Dave", "Peter": "Pete", "Henry": "Harry",
    "Elizabeth": "Liz", "Margaret": "Maggie", "Catherine": "Kate", "Patricia": "Pat",
    "Jennifer": "Jenny", "Rebecca": "Becky", "Deborah": "Debbie", "Susan": "Sue", "Jessica": "Jess",
    "Charlotte": "Lottie", "Samantha": "Sam", "Dorothy": "Dot", "Alison": "Ali", "Nicola": "Nicky",
}
STREETS = """High Street|Church Lane|Mill Road|Station Road|Park Avenue|Victoria Road|Green Lane|
Manor Way|Kings Road|Queen Street|The Crescent|Harbour Row|Quarry Lane|Orchard Close|Meadow View|
School Lane|Bridge Street|North Street|South Street|West End|Chapel Row|Market Place|Castle Hill|
Ferry Road|Heron Drive|Linnet Close|Beacon Way|Saltmarsh Lane|Rope Walk|Weavers Court|Tanners Yard|
Kiln Lane|Priory Road|Abbey Walk|Moor Lane|Fen Road|Cliff Terrace|Dock Street|Lime Grove|Ash Grove|
Beech Avenue|Elm Road|Oak Close|Willow Way|Holly Bank|Rowan Drive|Larch Rise|Hazel Croft""".replace("\n", "").split("|")


def zipf_weights(n: int, s: float = 0.9) -> np.ndarray:
    w = 1.0 / np.arange(1, n + 1) ** s
    return w / w.sum()


def draw(rng, names: list[str], n: int, s: float = 0.9) -> np.ndarray:
    return np.asarray(names, dtype=object)[rng.choice(len(names), size=n, p=zipf_weights(len(names), s))]
