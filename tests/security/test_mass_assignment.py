"""Mass assignment (OWASP ASVS 4.0 V8/V13, "mass parameter assignment"): every POST route
that creates or changes a record is sent its legitimate form by the lowest role allowed to
use it, plus fields no form offers (``role=admin``, ``status=published``, another
organisation's ``organisation_id``, another user's ``author_id``, ids, flags, timestamps,
``password_hash`` …); the database must show none of them took effect.

The cases live in ``tests/security/mass/<area>.py``, registered by URL rule. A POST rule
with neither a case nor a reasoned entry in ``ALLOW_LISTED`` fails
``test_every_post_route_has_a_mass_assignment_case``, so a new form cannot slip past.

Not repeated here, because the access matrix (``tests/test_access_matrix.py``) proves it
for every route: state changes refuse GET (``test_state_changing_routes_refuse_get``), and
a practitioner of organisation B editing organisation A's records (its profile, members,
links, practices, events, posts, saved searches) is refused 403/404 (``test_access``).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.security.mass import (  # noqa: F401 - importing registers the cases
    accounts,
    directory,
    events_newsletter,
    forum,
    handbook,
    notifications,
    practices,
)
from tests.security.mass.harness import ALLOW_LISTED, CASES, Env
from tests.test_access_matrix import NOT_ROUTES, ROUTES, _matches

ALL_CASES = [(rule, case) for rule, cases in sorted(CASES.items()) for case in cases]


@pytest.fixture
def env(app, make_user, make_org, make_practice, login_as):
    """Accounts, organisations and clients made as a case asks for them."""
    return Env(app, make_user, make_org, make_practice, login_as)


@pytest.mark.parametrize(("rule", "case"), ALL_CASES,
                         ids=[f"{rule} {case.__name__}" for rule, case in ALL_CASES])
def test_injected_fields_take_no_effect(env, rule, case):
    case(env)


def _post_rules(app) -> set[str]:
    return {rule.rule for rule in app.url_map.iter_rules()
            if "POST" in rule.methods and rule.endpoint not in NOT_ROUTES}


def test_every_post_route_has_a_mass_assignment_case(app):
    """Each POST rule of the access matrix has a case here, or is allowed none with a
    reason; no entry names a rule that no longer exists."""
    rules = _post_rules(app)
    in_matrix = {rule for rule in rules
                 if any(r.method == "POST" and _matches(rule, r.path) for r in ROUTES)}
    assert in_matrix == rules, f"POST rules missing from the access matrix: {rules - in_matrix}"
    missing = sorted(rules - set(CASES) - set(ALLOW_LISTED))
    assert not missing, f"POST routes without a mass-assignment case or allow-list entry: " \
                        f"{missing}"
    stale = sorted((set(CASES) | set(ALLOW_LISTED)) - rules)
    assert not stale, f"cases or allow-list entries for rules that do not exist: {stale}"
    both = sorted(set(CASES) & set(ALLOW_LISTED))
    assert not both, f"rules both tested and allow-listed: {both}"
    assert all(reason.strip() for reason in ALLOW_LISTED.values())


#: Every place the package reads raw form data or assigns attributes by name, reviewed
#: for mass assignment: (file, the line's code). A new one fails the test below until it
#: is reviewed and added here.
REVIEWED = {
    # A named field each; none is copied onto a record wholesale.
    ("admin/views.py", 'accounts.set_role(user, request.form.get("role", ""), actor=current_user)'),
    ("admin/views.py", "values=request.form if request.method == \"POST\" else"),
    # terms.save_term reads label, group, position, code (new terms only), label_<locale>.
    ("admin/views.py", "values = {**request.form.to_dict(), **form.data}"),
    ("handbook/edit_views.py", 'direction = request.form.get("direction", "")'),
    ("forum/moderation_views.py",
     'back = request.form.get("back") == "queue" and url_for("forum.moderation_queue") \\'),
    # Only name_<locale> and description_<locale> of the interface languages are read;
    # save_category keeps them in the category's own names/descriptions.
    ("forum/moderation_views.py",
     'return {f"{part}_{code}": request.form.get(f"{part}_{code}", "")'),
    ("notifications/views.py",
     'return redirect(safe_next(request.form.get("next"), url_for("notifications.index")))'),
    ("accounts/views.py", 'next_url = safe_next(request.values.get("next"), url_for("main.home"))'),
    ("practices/views.py", 'if request.form.get("action") == "submit":'),
    # listing.clean_filters keeps the known search parameters only.
    ("search/views.py", "filters = listing.clean_filters(request.form)"),
    # The expired-form page writes the values back into its own page; it stores none.
    ("core/errors.py", "if wants_json() or not request.form:"),
    ("core/errors.py", "fields = kept_fields(request.form)"),
    # The control-character check looks at every value and stores none.
    ("web.py", "values.extend(request.form.values())"),
    # Attributes from fixed tuples, never from the request:
    ("forum/moderation.py", "setattr(topic, attribute, value)"),  # pinned/locked by action
    ("directory/services.py", "setattr(organisation, key, value)"),  # EDITABLE_FIELDS
    ("directory/services.py", "setattr(target, key, getattr(duplicate, key))"),
    ("practices/services.py", 'setattr(practice, field, (values[field] or "").strip())'),
    ("practices/services.py", "setattr(practice, field, values[field])"),  # DATE_FIELDS
    # Form fields named after the kinds the member may receive (services.kinds_for).
    ("notifications/forms.py", "setattr(SettingsForm, kind, RadioField("),
}
RISKY = re.compile(r"request\.(form|values|get_json|json)\b|populate_obj|setattr\(|"
                   r"\*\*form\.data|\*\*request\.")


def test_raw_form_reads_and_setattr_are_reviewed():
    """``request.form``/``request.values``/JSON bodies, ``populate_obj``, ``setattr`` and
    ``**form.data`` appear in the package only where reviewed (demo data aside)."""
    package = Path(__file__).resolve().parents[2] / "headstart"
    found = set()
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package).as_posix()
        if relative.startswith("demo/"):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if RISKY.search(line):
                found.add((relative, line.strip()))
    assert found - REVIEWED == set(), "review these for mass assignment, then list them"
    assert REVIEWED - found == set(), "reviewed places that no longer exist"
