"""The dashboard's figures as the reader sees them: a title, what it counts, a chart, a
table with the numbers in the reader's locale, and the same rows for the CSV file.

Figures are built from :mod:`figures` (and the search misses' own service); labels and
numbers are formatted here so the chart geometry (:mod:`charts`) stays pure.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from flask_babel import format_date, format_decimal

from headstart.core.i18n import _, _l, country_name, language_name, text_direction
from headstart.dashboard import charts, figures
from headstart.dashboard.periods import Month, MonthRange
from headstart.practices import terms
from headstart.search import misses

#: The figures, in the order the page shows them (their names are the CSV addresses).
NAMES = ("practices", "corridors", "misses", "organisations", "forum")
#: How many searches that found nothing are listed.
MISSES_SHOWN = 20


@dataclass
class Figure:
    """One figure of the dashboard."""

    name: str
    title: str
    #: What exactly is counted, shown under the title.
    counts: str
    #: ``columns`` (months along the reading direction) or ``bars`` (one row per name).
    kind: str
    chart: dict
    #: Column headings of the table (and the CSV file).
    headings: list[str]
    #: Table rows as shown: the first cell is the row's heading.
    rows: list[list[str]]
    #: The same rows for the CSV file: month keys, codes and plain integers.
    csv_rows: list[list] = field(default_factory=list)
    #: Shown instead of chart and table when there is nothing to count.
    empty: str = ""


def number(value: int) -> str:
    """An integer in the reader's locale."""
    return format_decimal(value)


def month_short(month: Month) -> str:
    """The month's short stand-alone name (no year: the chart writes it once a year)."""
    return format_date(month.first_day, "LLL")


def month_long(month: Month) -> str:
    return format_date(month.first_day, "LLLL y")


def _rtl() -> bool:
    return text_direction() == "rtl"


def _columns(months: list[Month], series, *, stacked: bool) -> dict:
    return charts.columns([month_short(m) for m in months], series, stacked=stacked,
                          rtl=_rtl(), number=number,
                          groups=[format_date(m.first_day, "y") for m in months],
                          names=[month_long(m) for m in months])


def practices_figure(period: MonthRange) -> Figure:
    codes, rows = figures.practices_by_phase(period)
    offered = terms.codes("phase")
    shown = [code for code in codes
             if code and (code in offered or any(r.counts[code] for r in rows))]
    if any(r.counts.get("", 0) for r in rows):
        shown.append("")
    names = [terms.label("phase", code) if code else str(_l("No phase given"))
             for code in shown]
    months = [r.month for r in rows]
    chart = _columns(months, [(name, [r.counts[code] for r in rows])
                              for name, code in zip(names, shown, strict=True)], stacked=True)
    return Figure(
        "practices", _("Practices published per month, by phase"),
        _("Each practice counts once, in the month its first language version was "
          "published; practices that are not published now (drafts, under review, "
          "returned or archived) are not counted."),
        "columns", chart, [_("Month"), *names, _("Total")],
        [[month_long(r.month), *[number(r.counts[c]) for c in shown], number(r.total)]
         for r in rows],
        [[r.month.key, *[r.counts[c] for c in shown], r.total] for r in rows])


def corridors_figure(period: MonthRange) -> Figure:
    rows = figures.corridor_coverage(period)
    names = [_("With an accepted link"), _("With a published practice"), _("With both")]
    chart = _columns([r.month for r in rows], [
        (names[0], [r.linked for r in rows]), (names[1], [r.with_practices for r in rows]),
        (names[2], [r.both for r in rows])], stacked=False)
    return Figure(
        "corridors", _("Corridor coverage at the end of each month"),
        _("Cells of the corridor matrix (a country of origin and a destination country) "
          "covered at the end of each month: by an accepted link between two organisations "
          "that had not ended by then, by a practice published now that was first "
          "published by then, and by both."),
        "columns", chart, [_("Month"), *names],
        [[month_long(r.month), number(r.linked), number(r.with_practices), number(r.both)]
         for r in rows],
        [[r.month.key, r.linked, r.with_practices, r.both] for r in rows])


def misses_figure(period: MonthRange) -> Figure:
    found = misses.by_language(period.first.first_day, period.last_day, limit=MISSES_SHOWN)
    labels = [_("%(query)s (%(language)s)", query=m.query, language=language_name(m.language))
              for m in found]
    chart = charts.bar_list(labels, [m.times for m in found], rtl=_rtl(), number=number)
    return Figure(
        "misses", _("Searches that found nothing, most frequent first"),
        _("How many times each search found nothing, per interface language of the "
          "readers, within the range (the %(shown)d most frequent; searches are kept "
          "%(days)d days, so older months count none).", shown=MISSES_SHOWN,
          days=misses.keep_days()),
        "bars", chart, [_("Search"), _("Interface language"), _("Times")],
        [[m.query, language_name(m.language), number(m.times)] for m in found],
        [[m.query, m.language, m.times] for m in found],
        empty=_("No search came back empty in this range."))


def organisations_figure(period: MonthRange) -> Figure:
    rows = figures.active_organisations(period)
    chart = charts.bar_list([country_name(r.country) for r in rows], [r.active for r in rows],
                            rtl=_rtl(), number=number)
    return Figure(
        "organisations", _("Active organisations per country"),
        _("An organisation is active when, within the range, a practice it leads or "
          "partners in was first published (and is published now), one of its links was "
          "accepted, or one of its members wrote a forum post others can read. Beside it: "
          "all the organisations listed in that country."),
        "bars", chart, [_("Country"), _("Active organisations"), _("Organisations listed")],
        [[country_name(r.country), number(r.active), number(r.listed)] for r in rows],
        [[r.country, country_name(r.country), r.active, r.listed] for r in rows],
        empty=_("No organisation was active in this range."))


def forum_figure(period: MonthRange) -> Figure:
    rows = figures.forum_activity(period)
    names = [_("Topics opened"), _("Replies")]
    chart = _columns([r.month for r in rows], [(names[0], [r.topics for r in rows]),
                                               (names[1], [r.replies for r in rows])],
                     stacked=False)
    return Figure(
        "forum", _("Forum activity per month"),
        _("Topics opened and replies written each month; posts waiting for approval or "
          "hidden by a coordinator are not counted."),
        "columns", chart, [_("Month"), *names],
        [[month_long(r.month), number(r.topics), number(r.replies)] for r in rows],
        [[r.month.key, r.topics, r.replies] for r in rows])


BUILDERS: dict[str, Callable[[MonthRange], Figure]] = {
    "practices": practices_figure, "corridors": corridors_figure, "misses": misses_figure,
    "organisations": organisations_figure, "forum": forum_figure,
}


def csv_headings(figure: Figure) -> list[str]:
    """The CSV file's column names: the table's, with the month as ``YYYY-MM`` and the
    country as its code and its name."""
    if figure.name == "organisations":
        return [_("Country code"), *figure.headings]
    return figure.headings
