"""The corpus's HTML checker itself: it must catch what it is there to catch, or every
corpus test would pass vacuously."""

import pytest

from tests.xss import Corpus

BAD = [
    "<p>xs0000</p><script>alert(1)</script>",
    "<p>xs0000</p><img src=x onerror=alert(1)>",
    "<a href=' JaVa&#x09;Script:alert(1)'>xs0000</a>",
    "<a href='data:text/html,x'>xs0000</a>",
    "<svg><a xlink:href='javascript:alert(1)'>xs0000</a></svg>",
    "<iframe src='https://evil.example'></iframe>",
    "<form action='https://evil.example'><button>xs0000</button></form>",
    "<div style='background:url(javascript:alert(1))'>xs0000</div>",
    "<script type='application/ld+json'>{\"a\": \"</script><script>alert(1)</script>",
    "<object data='x'></object>",
    "<input value='xs0000' autofocus onfocus='alert(1)'>",
]
GOOD = (
    "<html><head><title>t</title><link rel=stylesheet href='/static/x.css'></head><body>"
    "<script src='/static/js/x.js' defer></script>"
    "<script type='application/ld+json'>{\"name\": \"\\u003cscript\\u003e\"}</script>"
    "<form method='post' action='/x'><button formaction='/y'>go</button></form>"
    "<iframe src='/preview' sandbox></iframe><p>&lt;script&gt;xs0000</p></body></html>"
)


@pytest.mark.parametrize("html", BAD)
def test_the_checker_catches(html):
    corpus = Corpus()
    corpus.field("body", limit=100)
    corpus.check_html("page", html)
    assert corpus.problems


def test_the_checker_accepts_the_portals_own_markup():
    corpus = Corpus()
    corpus.field("body", limit=100)
    corpus.check_html("page", GOOD)
    assert not corpus.problems, corpus.problems
