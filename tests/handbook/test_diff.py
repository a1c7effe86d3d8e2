"""The pure diff module: what changed is marked, and revision text is always escaped."""

from __future__ import annotations

from headstart.handbook import diff


def test_identical_texts_have_no_changes():
    assert not diff.has_changes("a\nb", "a\r\nb")
    assert diff.inline("same", "same") == '<div class="diff inline"></div>'


def test_inline_marks_added_and_removed_lines():
    html = diff.inline("one\ntwo\nthree", "one\nthree\nfour")
    assert '<p class="diff-delete"><del>two</del></p>' in html
    assert '<p class="diff-insert"><ins>four</ins></p>' in html
    assert '<p class="diff-equal">one</p>' in html


def test_changed_words_are_marked_within_a_line():
    html = diff.side_by_side("Refer to a counterpart.", "Refer to a trusted counterpart.")
    assert "<ins>trusted </ins>" in html
    assert "<del>" not in html


def test_revision_text_is_escaped_never_trusted_as_html():
    html = diff.side_by_side("<b>x</b>", '<img src=x onerror="alert(1)">',
                             old_label="<i>old</i>")
    assert "<img" not in html
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in html
    assert "&lt;i&gt;old&lt;/i&gt;" in html
    assert "<b>x" not in html


def test_long_unchanged_runs_are_folded():
    old = "\n".join(f"line {n}" for n in range(20))
    new = old.replace("line 10", "line ten")
    html = diff.inline(old, new, context=2)
    assert "line 0<" not in html
    assert "line 8" in html
    assert "line 12" in html
    assert html.count("diff-fold") == 2
    assert "line 0<" in diff.inline(old, new, context=None)


def test_stats_count_lines_added_and_removed():
    assert diff.stats("a\nb\nc", "a\nB\nc\nd") == (2, 1)


def test_side_by_side_numbers_lines_on_both_sides():
    rows = diff.rows("a\nb", "b\nc")
    assert [(r.kind, r.old_number, r.new_number) for r in rows] == [
        ("delete", 1, None), ("equal", 2, 1), ("insert", None, 2)]
