"""Reading the range from the address, and the chart geometry, tested without a server."""

from datetime import date

import pytest

from headstart.dashboard import charts
from headstart.dashboard.periods import Month, MonthRange, RangeError, parse_month, read_range

TODAY = date(2026, 12, 7)


@pytest.mark.parametrize(("text", "month"), [
    ("2026-03", Month(2026, 3)), ("2026-3", Month(2026, 3)), (" 2026-03-31 ", Month(2026, 3)),
    ("2026-02-30", None), ("2026-13", None), ("2026-00", None), ("1999-12", None),
    ("03/2026", None), ("", None), ("2026-03-01T00:00", None)])
def test_a_month_is_read_from_a_month_or_a_date(text, month):
    assert parse_month(text) == month


def test_without_a_range_the_last_twelve_months_this_one_included():
    chosen = read_range(None, "", TODAY)
    assert (chosen.first, chosen.last) == (Month(2026, 1), Month(2026, 12))
    assert len(chosen.months) == 12


def test_one_end_given_takes_the_other_from_the_default():
    assert read_range("2026-06", None, TODAY) == MonthRange(Month(2026, 6), Month(2026, 12))
    assert read_range(None, "2025-03", TODAY) == MonthRange(Month(2024, 4), Month(2025, 3))


def test_a_range_runs_from_the_first_day_to_the_last_day_included():
    chosen = read_range("2024-02", "2024-02", TODAY)
    assert chosen.last_day == date(2024, 2, 29)
    assert chosen.end.isoformat() == "2024-03-01T00:00:00+00:00"
    assert chosen.args() == {"from": "2024-02", "to": "2024-02"}


@pytest.mark.parametrize(("first", "last", "reason"), [
    ("abc", None, "unreadable"), (None, "2026-13", "unreadable"),
    ("2026-05", "2026-04", "reversed"), ("2010-01", "2020-01", "too_long")])
def test_a_range_that_cannot_be_read_says_why(first, last, reason):
    with pytest.raises(RangeError) as error:
        read_range(first, last, TODAY)
    assert error.value.reason == reason


def test_ten_years_is_the_longest_range():
    assert len(read_range("2016-01", "2025-12", TODAY).months) == 120


def test_months_shift_across_years():
    assert Month(2026, 1).shifted(-1) == Month(2025, 12)
    assert Month(2025, 12).shifted(14) == Month(2027, 2)


def test_round_steps_for_the_value_axis():
    assert [charts.nice_step(n) for n in (0, 3, 7, 19, 40, 99, 230)] == [1, 1, 2, 5, 10, 50, 100]


def test_columns_mirror_in_right_to_left_languages():
    labels = ["Jan", "Feb", "Mar"]
    series = [("Topics", [1, 0, 3]), ("Replies", [2, 2, 0])]
    ltr = charts.columns(labels, series, stacked=False, rtl=False)
    rtl = charts.columns(labels, series, stacked=False, rtl=True)
    assert [m["x"] for m in ltr["labels"]] == sorted(m["x"] for m in ltr["labels"])
    assert [m["x"] for m in rtl["labels"]] == sorted((m["x"] for m in rtl["labels"]),
                                                      reverse=True)
    # The same picture seen in a mirror: every bar at the mirrored place.
    width = ltr["width"]
    assert sorted(round(width - b["x"] - b["w"], 1) for b in ltr["bars"]) == \
        sorted(b["x"] for b in rtl["bars"])
    assert ltr["ticks"][0]["anchor"] == "end"
    assert rtl["ticks"][0]["anchor"] == "start"
    assert rtl["ticks"][0]["x"] > rtl["plot"]["right"]  # the value axis on the right


def test_stacked_columns_pile_up_to_the_total():
    chart = charts.columns(["Jan"], [("A", [2]), ("B", [3])], stacked=True, rtl=False)
    low, high = sorted(chart["bars"], key=lambda b: -b["y"])
    assert low["y"] == pytest.approx(high["y"] + high["h"])
    assert sum(b["h"] for b in chart["bars"]) == pytest.approx(
        chart["plot"]["bottom"] - min(b["y"] for b in chart["bars"]))


def test_many_months_write_only_some_labels():
    labels = [f"M{i}" for i in range(120)]
    chart = charts.columns(labels, [("A", [1] * 120)], stacked=False, rtl=False)
    assert len(chart["labels"]) == 18  # every seventh month; the table has them all
    assert chart["width"] < 800  # the plot does not grow with the range


def test_the_year_is_written_under_the_first_month_of_each_year():
    chart = charts.columns(["Nov", "Dec", "Jan", "Feb"], [("A", [1, 2, 3, 4])], stacked=True,
                           rtl=False, groups=["2025", "2025", "2026", "2026"])
    assert [m["group"] for m in chart["labels"]] == ["2025", "", "2026", ""]


def test_bar_lists_put_names_where_reading_starts():
    ltr = charts.bar_list(["a rather long search that goes on and on", "b"], [4, 2], rtl=False)
    rtl = charts.bar_list(["a", "b"], [4, 2], rtl=True)
    assert ltr["rows"][0]["label"].endswith("…")
    assert ltr["rows"][0]["w"] == 2 * ltr["rows"][1]["w"]
    assert ltr["rows"][0]["label_x"] < ltr["rows"][0]["bar_x"]
    assert rtl["rows"][0]["label_x"] > rtl["rows"][0]["bar_x"] + rtl["rows"][0]["w"]
