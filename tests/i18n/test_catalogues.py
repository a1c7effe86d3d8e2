"""Every catalogue is complete, up to date with the code, and no template hides English
text outside gettext."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = sorted((ROOT / "translations").glob("*/LC_MESSAGES/messages.po"))
#: Text that may stand in a template without translation (names, symbols).
UNTRANSLATED_OK = {"HEADSTART", "HS", "·", "--", "(", ")", ",", ":"}


def load(path):
    with open(path, "rb") as handle:
        return read_po(handle)


def test_the_required_languages_have_catalogues():
    assert {p.parts[-3] for p in CATALOGUES} >= {"cs", "ar"}


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parts[-3])
def test_catalogue_has_no_untranslated_or_fuzzy_entries(path):
    catalogue = load(path)
    # A catalogue whose header is marked fuzzy is silently left out by `pybabel compile`.
    assert not catalogue.fuzzy, f"{path.parts[-3]}: the catalogue's header is marked fuzzy"
    problems = []
    for message in catalogue:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            problems.append(message.id)
    assert not problems, f"{path.parts[-3]}: untranslated or fuzzy: {problems[:10]}"


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parts[-3])
def test_catalogue_keeps_placeholders(path):
    catalogue = load(path)
    pattern = re.compile(r"%\(\w+\)[sd]")
    for message in catalogue:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(pattern.findall(ids[-1]))
        for string in strings:
            assert set(pattern.findall(string)) == wanted, (path.parts[-3], message.id, string)


def test_catalogues_hold_every_string_in_the_code(tmp_path):
    pot = tmp_path / "messages.pot"
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract", "-F",
                    "babel.cfg", "-k", "_l", "-k", "_n:1,2", "--no-location", "-o", str(pot),
                    "."], cwd=ROOT, check=True, capture_output=True)
    wanted = {m.id if isinstance(m.id, str) else m.id[0] for m in load(pot) if m.id}
    for path in CATALOGUES:
        have = {m.id if isinstance(m.id, str) else m.id[0] for m in load(path) if m.id}
        missing = wanted - have
        assert not missing, (f"{path.parts[-3]} lacks {len(missing)} strings "
                             f"(run `make translations`): {sorted(missing)[:5]}")


def visible_text(template: str) -> list[str]:
    """Text a reader would see that is not produced by a Jinja expression or tag."""
    text = re.sub(r"{#.*?#}", " ", template, flags=re.S)
    text = re.sub(r"{%.*?%}", " ", text, flags=re.S)
    text = re.sub(r"{{.*?}}", " ", text, flags=re.S)
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", text, flags=re.S)
    text = re.sub(r"<[^>]*>", " ", text, flags=re.S)
    words = [w for w in re.split(r"\s+", text) if w and w not in UNTRANSLATED_OK]
    return [w for w in words if re.search(r"[^\W\d_]", w) and not w.startswith("&")]


@pytest.mark.parametrize("path", sorted((ROOT / "templates").rglob("*.html")),
                         ids=lambda p: str(p.relative_to(ROOT / "templates")))
def test_templates_have_no_text_outside_gettext(path):
    assert visible_text(path.read_text(encoding="utf-8")) == []


def test_attribute_text_goes_through_gettext_too():
    for path in (ROOT / "templates").rglob("*.html"):
        source = path.read_text(encoding="utf-8")
        for attribute in re.findall(r'(?:aria-label|title|alt|placeholder)="([^"]*)"', source):
            assert attribute.startswith("{{") or not attribute, (path.name, attribute)
