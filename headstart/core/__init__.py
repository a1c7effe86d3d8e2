"""Infrastructure shared by every area: i18n, auth helpers, errors, mail, security, Markdown."""
