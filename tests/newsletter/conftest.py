"""Fixtures of the newsletter tests: subscribers and issues made directly."""

import secrets

import pytest

from headstart.extensions import db


@pytest.fixture
def make_subscriber(app):
    """A subscriber: ``make_subscriber("a@example.org", language="cs", status="confirmed")``."""
    from headstart.newsletter.models import Subscriber

    def factory(email, *, language="en", status="confirmed"):
        with app.app_context():
            subscriber = Subscriber(email=email, language=language, status=status,
                                    key=secrets.token_hex(8))
            db.session.add(subscriber)
            db.session.commit()
            db.session.refresh(subscriber)
            db.session.expunge(subscriber)
        return subscriber

    return factory


@pytest.fixture
def make_issue(app):
    """A draft issue with optional translations ``{"cs": ("Předmět", "Text")}``."""
    from headstart.newsletter.models import Issue, IssueTranslation

    def factory(subject="Network news", body="Hello **network**.", *, language="en",
                translations=None):
        with app.app_context():
            issue = Issue(subject=subject, body=body, language=language)
            for code, (t_subject, t_body) in (translations or {}).items():
                issue.translations.append(IssueTranslation(language=code, subject=t_subject,
                                                           body=t_body))
            db.session.add(issue)
            db.session.commit()
            return issue.id

    return factory
