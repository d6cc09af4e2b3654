"""Chart defaults every module uses: a colour-blind-safe palette, titles and labelled axes.

The palette is Okabe and Ito's (2008), distinguishable under the common colour-vision
deficiencies. Every figure in a notebook is followed by a one-sentence text description
(``describe``) so that screen-reader users get the same message.
"""

from __future__ import annotations

OKABE_ITO = [
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow
    "#000000",  # black
]


def use_course_style() -> None:
    import matplotlib as mpl
    from cycler import cycler

    mpl.rcParams.update(
        {
            "axes.prop_cycle": cycler(color=OKABE_ITO),
            "figure.figsize": (7.0, 4.0),
            "figure.dpi": 100,
            "axes.titlesize": 13,
            "axes.labelsize": 11,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.grid": True,
            "axes.axisbelow": True,
            "grid.alpha": 0.3,
            "legend.frameon": False,
        }
    )


def finish(ax, title: str, xlabel: str, ylabel: str):
    """Title and label a chart; a chart without them is not finished."""
    if not (title and xlabel and ylabel):
        raise ValueError("every course chart needs a title and both axis labels")
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return ax


def describe(text: str) -> None:
    """Print the one-sentence text description that follows every figure."""
    print(f"Figure description: {text.strip()}")


def is_accessible(ax) -> list[str]:
    """Problems that keep a chart from being read correctly by everyone (empty list: none)."""
    problems = []
    if not ax.get_title():
        problems.append("the chart has no title")
    if not ax.get_xlabel():
        problems.append("the x axis has no label")
    if not ax.get_ylabel():
        problems.append("the y axis has no label")
    colours = {str(c).upper() for c in _colours(ax)}
    strange = [c for c in colours if c not in {p.upper() for p in OKABE_ITO}]
    if strange:
        problems.append("some colours are not from the colour-blind-safe palette")
    return problems


def _colours(ax):
    from matplotlib.colors import to_hex

    for patch in ax.patches:
        yield to_hex(patch.get_facecolor(), keep_alpha=False)
    for line in ax.get_lines():
        yield to_hex(line.get_color(), keep_alpha=False)
