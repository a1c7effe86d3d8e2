"""Where the shapes of the dashboard's SVG charts go (no Flask, no database): column
charts over months and bar lists over names, mirrored for right-to-left languages.

The templates draw what these return; numbers and labels come in already formatted for
the reader's locale, so this module never formats anything itself.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

#: Fill colours of the series, each at least 3:1 against white (WCAG non-text contrast).
PALETTE = ("#0b5c63", "#b3541e", "#5b4f96", "#6b6b00")
INK = "#1b1f24"
GRID = "#c9d1d5"
#: Longest name a bar list writes; the table beside it holds the whole name.
LABEL_CHARS = 28
#: Width allowed per character of a level label (font size 12; wide scripts included).
CHAR_WIDTH = 8


def nice_step(largest: int, ticks: int = 4) -> int:
    """A round step (1, 2 or 5 times a power of ten) giving about ``ticks`` grid lines up
    to ``largest``."""
    if largest <= ticks:
        return 1
    raw = largest / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return int(factor * power)
    return int(10 * power)  # pragma: no cover - the loop always returns


def shorten(text: str, limit: int = LABEL_CHARS) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis."""
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def columns(labels: Sequence[str], series: Sequence[tuple[str, Sequence[int]]], *,
            stacked: bool, rtl: bool, number: Callable[[int], str] = str,
            groups: Sequence[str] | None = None, names: Sequence[str] | None = None) -> dict:
    """A column chart: one slot per label (a month), a column per series side by side, or
    one column of stacked parts. Time runs in the reading direction: right to left when
    ``rtl`` (the value axis is then on the right). ``groups`` (the year of each month) is
    written on a second line under the first written label of each group; ``names`` (the
    whole month name) is what each column's tooltip calls its slot."""
    names = list(names) if names is not None else list(labels)
    count = max(len(labels), 1)
    bars_per_slot = 1 if stacked else max(len(series), 1)
    # The plot keeps about the same width whatever the range (it is scaled down on a
    # phone as a whole); a slot is a month.
    slot = max(4, min(64, 720 // count))
    pad = min(8, slot / 4)
    axis_w, top, plot_h = 56, 16, 200
    plot_w = slot * count
    # Labels stand level; when they would not fit side by side, only every ``every``-th
    # is written (each month is still in the table). Their width is estimated from their
    # length, generously (CHAR_WIDTH per character).
    groups = list(groups) if groups is not None else [""] * len(labels)
    widest = max([max(len(label), len(group)) for label, group in zip(labels, groups,
                                                                       strict=True)] or [1])
    every = max(1, math.ceil((widest * CHAR_WIDTH + 8) / slot))
    label_room = 40
    width, height = plot_w + axis_w + 16, top + plot_h + label_room
    plot_left = 16 if rtl else axis_w
    totals = [sum(values[i] for _name, values in series) if stacked
              else max([values[i] for _name, values in series] or [0])
              for i in range(len(labels))]
    step = nice_step(max(totals or [0]))
    top_value = max(step, math.ceil(max(totals or [0]) / step) * step)

    def y_of(value: float) -> float:
        return top + plot_h - plot_h * value / top_value

    def slot_x(i: int) -> float:
        return plot_left + ((count - 1 - i) if rtl else i) * slot

    ticks = []
    for value in range(0, top_value + 1, step):
        ticks.append({"y": round(y_of(value), 1), "text": number(value),
                      "x": plot_left + plot_w + 6 if rtl else plot_left - 6,
                      "anchor": "start" if rtl else "end"})
    bars, marks = [], []
    shown_group = None
    inner = slot - pad
    for i, label in enumerate(labels):
        x0 = slot_x(i) + pad / 2
        base = 0
        for k, (name, values) in enumerate(series):
            value = values[i]
            if stacked:
                x, w = x0, inner
                y_top, y_bottom = y_of(base + value), y_of(base)
                base += value
            else:
                w = inner / bars_per_slot
                position = (bars_per_slot - 1 - k) if rtl else k
                x = x0 + position * w
                y_top, y_bottom = y_of(value), y_of(0)
            if value:
                bars.append({"x": round(x, 1), "y": round(y_top, 1), "w": round(w, 1),
                             "h": round(y_bottom - y_top, 1),
                             "fill": PALETTE[k % len(PALETTE)], "name": name,
                             "label": names[i], "value": number(value)})
        if i % every == 0:
            group = groups[i] if groups[i] != shown_group else ""
            shown_group = groups[i]
            marks.append({"x": round(slot_x(i) + slot / 2, 1), "y": top + plot_h + 15,
                          "text": label, "group": group, "group_y": top + plot_h + 30})
    return {"width": width, "height": height, "ticks": ticks, "bars": bars, "labels": marks,
            "plot": {"left": plot_left, "right": plot_left + plot_w, "top": top,
                     "bottom": top + plot_h},
            "legend": [(PALETTE[k % len(PALETTE)], name) for k, (name, _v) in enumerate(series)]}


def bar_list(labels: Sequence[str], values: Sequence[int], *, rtl: bool,
             number: Callable[[int], str] = str) -> dict:
    """Horizontal bars, one row per name, longest first as given; the names stand at the
    start of the reading direction and the bars grow away from them."""
    label_w, bar_w, row_h, value_w = 200, 320, 26, 60
    width = label_w + bar_w + value_w
    height = max(len(labels), 1) * row_h + 8
    largest = max(list(values) or [0]) or 1
    rows = []
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        length = round(bar_w * value / largest, 1)
        y = 4 + i * row_h
        if rtl:
            bar_x = width - label_w - length
            rows.append({"label_x": width - label_w + 8, "label_anchor": "start", "bar_x": bar_x,
                         "value_x": bar_x - 6, "value_anchor": "end"})
        else:
            bar_x = label_w
            rows.append({"label_x": label_w - 8, "label_anchor": "end", "bar_x": bar_x,
                         "value_x": bar_x + length + 6, "value_anchor": "start"})
        rows[-1].update({"y": y, "h": row_h - 8, "text_y": y + row_h / 2 + 1, "w": length,
                         "label": shorten(label), "value": number(value)})
    return {"width": width, "height": height, "rows": rows, "fill": PALETTE[0]}
