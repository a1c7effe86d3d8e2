"""What an outside client of ``/api/v1/`` sees: practices with facets that agree with the
filtered totals, one version per practice in the asked language, full records without
contact details, the global search, JSON errors with the right status, and CORS."""



def get(client, url, status=200, **headers):
    response = client.get(url, headers=headers)
    assert response.status_code == status, (url, response.get_data(as_text=True))
    assert response.headers["Content-Type"].startswith("application/json")
    return response.get_json()


def test_practices_with_facets_that_match_the_filtered_totals(client, corpus):
    body = get(client, "/api/v1/practices?q=workers+OR+centre+OR+german+OR+roma")
    assert body["total"] == 4
    assert len(body["results"]) == 4
    assert set(body["facets"]) == {"country", "corridor", "phase", "theme", "target", "gcm",
                                   "lang", "year", "org_kind"}
    for parameter in ("theme", "country", "corridor"):
        for value in body["facets"][parameter]:
            narrowed = get(client, "/api/v1/practices?q=workers+OR+centre+OR+german+OR+roma"
                           f"&{parameter}={value['value']}")
            assert narrowed["total"] == value["count"], (parameter, value)
    first = body["results"][0]
    assert first["url"].startswith("http://localhost/practices/")
    assert set(first) == {"id", "title", "summary", "url", "country", "phase", "themes",
                          "target_groups", "gcm_objectives", "language", "snippet"}


def test_snippets_mark_the_words_and_pages_hold(client, corpus):
    body = get(client, "/api/v1/practices?q=questions&per_page=1")
    assert body["results"][0]["snippet"].count("<mark>questions</mark>") == 1
    assert (body["page"], body["per_page"]) == (1, 1)
    assert get(client, "/api/v1/practices?q=cooperatves")["suggestion"] == "cooperatives"


def test_one_version_per_practice_in_the_readers_language(client, make_practice, search_backend):
    english = make_practice("published", title="Care orientation")
    make_practice("published", title="Orientace pro pečovatelky", language="cs",
                  group_of=english)
    titles = [r["title"] for r in get(client, "/api/v1/practices")["results"]]
    assert titles == ["Care orientation"]
    czech = get(client, "/api/v1/practices", **{"Accept-Language": "cs"})
    assert [r["title"] for r in czech["results"]] == ["Orientace pro pečovatelky"]
    both = get(client, "/api/v1/practices?lang=cs")
    assert [r["language"] for r in both["results"]] == ["cs"]


def test_a_practice_in_full_without_contact_details(client, corpus, make_practice):
    body = get(client, f"/api/v1/practices/{corpus['brasov']}")
    assert body["title"] == "Information centre in Brașov"
    assert body["origin_countries"] == [{"code": "MD", "name": "Moldova"}]
    assert "ana@centre.example.org" not in str(body)
    assert "Ana Rusu" not in str(body)
    draft = get(client, f"/api/v1/practices/{corpus['draft']}", 404)
    assert draft["error"]["code"] == 404
    assert draft["error"]["message"]


def test_the_global_search_over_every_area(client, corpus, make_org):
    make_org("Brașov Information Office", country="RO")
    body = get(client, "/api/v1/search?q=brasov")
    assert {r["area"] for r in body["results"]} == {"practice", "organisation"}
    counts = {f["value"]: f["count"] for f in body["facets"]["area"]}
    assert counts["practice"] == 1
    assert counts["organisation"] == 2
    only = get(client, "/api/v1/search?q=brasov&area=practice")
    assert [r["title"] for r in only["results"]] == ["Information centre in Brașov"]


def test_errors_are_json_with_the_right_status(client, corpus):
    for url in ("/api/v1/practices?year=abc", "/api/v1/practices?per_page=0",
                "/api/v1/practices?per_page=101", "/api/v1/practices?page=x",
                "/api/v1/practices?corridor=MDIT", "/api/v1/practices?lang=xx",
                "/api/v1/practices?sort=title", "/api/v1/search", "/api/v1/search?q=%20",
                "/api/v1/search?q=a&area=nonsense"):  # (the forum is an area now)
        error = get(client, url, 400)["error"]
        assert error["code"] == 400, url
        assert "Parameter" in error["message"], url
    assert get(client, "/api/v1/nothing-here", 404)["error"]["code"] == 404
    response = client.post("/api/v1/practices")
    assert response.status_code == 405
    assert response.get_json()["error"]["code"] == 405
    assert "GET" in response.headers["Allow"]


def test_any_web_page_may_read_the_api(client, corpus):
    response = client.get("/api/v1/practices", headers={"Origin": "https://example.org"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    preflight = client.options("/api/v1/search", headers={
        "Origin": "https://example.org", "Access-Control-Request-Method": "GET"})
    assert preflight.status_code == 200
    assert "GET" in preflight.headers["Access-Control-Allow-Methods"]
    assert "Access-Control-Allow-Credentials" not in preflight.headers
    assert client.get("/api/v1/nothing").headers["Access-Control-Allow-Origin"] == "*"
