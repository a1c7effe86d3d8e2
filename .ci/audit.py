"""Outside security checkers against a running demo portal (``make audit``).

1. bandit on the package: no medium or high finding (each ignore is justified in place).
2. A throwaway demo portal under gunicorn on 127.0.0.1 (its own instance folder), signed in
   as the demo coordinator so the scanners see members' pages too.
3. wapiti (its own virtual environment, see the Makefile) crawls and attacks it with the
   modules that need no outside host: XSS (reflected and stored), SQL and command
   injection, path traversal, open redirect, CRLF, CSRF, upload, HTTP methods, security
   headers, CSP and cookie flags. Any vulnerability or anomaly (a 500) fails the audit.
4. sqlmap tries every parameter of the search, directory and API addresses.
5. schemathesis runs against /api/v1/openapi.json on the live server.

Prints each tool's version and verdict, writes the reports to ``audit-reports/`` and
exits non-zero when any checker found something. Only loopback addresses are contacted.
"""

from __future__ import annotations

import http.cookiejar
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv" / "bin"
AUDIT_VENV = Path(os.environ.get("AUDIT_VENV", ROOT / ".venv-audit")) / "bin"
REPORTS = ROOT / "audit-reports"
DEMO_USER = "coordinator@headstart.example"
DEMO_PASSWORD = "headstart-demo-2026"  # the documented demo password (local use only)
#: Crawl time, and attack time per wapiti module (both bound the run).
SCAN_SECONDS = int(os.environ.get("AUDIT_SCAN_SECONDS", "120"))
ATTACK_SECONDS = int(os.environ.get("AUDIT_ATTACK_SECONDS", "20"))
#: wapiti modules that contact no outside host (ssrf, xxe, log4shell, wapp, nikto and
#: takeover call out to the internet; ssl needs TLS, which gunicorn here does not serve).
#: Not ldap: the portal has no LDAP, and the module only compares answers to NUL-byte
#: payloads (400: control characters are refused) with answers to plain ones. Each run
#: named other parameters (corridor; then q, service, language, lang, chapter), all
#: false; an allow-list of them could never be complete.
WAPITI_MODULES = ("xss,permanentxss,sql,exec,file,redirect,crlf,csrf,upload,methods,"
                  "http_headers,csp,cookieflags")
#: wapiti findings examined and accepted, with the reason (module name, path) → why.
ACCEPTED = {
    ("Secure Flag cookie", "/"): "the scan runs over plain HTTP on 127.0.0.1; behind HTTPS "
    "HEADSTART_SECURE_COOKIES=1 sets Secure (tests/core/test_health_and_config.py)",
}
#: Addresses sqlmap tries (every query parameter of each).
SQLMAP_URLS = (
    "/practices/?q=care&country=MD&phase=pre_departure&theme=employment&lang=en&year=2023"
    "&sort=newest&page=1",
    "/directory/?q=centre&country=MD&side=origin&kind=ngo&service=language_training"
    "&corridor=MD-IT",
    "/search?q=language&area=practice",
    "/api/v1/practices?q=care&country=MD&page=1",
    "/api/v1/organisations?country=MD&side=origin",
    "/api/v1/forum/topics?category=1&page=1&per_page=5",
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run(command: list[str], *, log: Path | None = None, timeout: int | None = None,
        env: dict | None = None) -> subprocess.CompletedProcess:
    print("$", " ".join(command[:6]), "…" if len(command) > 6 else "", flush=True)
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                                env=env, check=False)
    except subprocess.TimeoutExpired as expired:
        result = subprocess.CompletedProcess(command, -1, expired.stdout or "",
                                             f"timed out after {timeout} s")
        if isinstance(result.stdout, bytes):
            result.stdout = result.stdout.decode(errors="replace")
    if log is not None:
        log.write_text(result.stdout + "\n--- stderr ---\n" + result.stderr)
    return result


def version(command: list[str]) -> str:
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    lines = [line.strip() for line in (result.stdout + result.stderr).splitlines()
             if re.search(r"\d+\.\d+", line) and "python version" not in line]
    return lines[0] if lines else "unknown"


class Portal:
    """A demo portal served by gunicorn in its own instance folder."""

    def __init__(self):
        self.instance = Path(tempfile.mkdtemp(prefix="headstart-audit-"))
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = {**os.environ, "HEADSTART_INSTANCE_DIR": str(self.instance),
                    "HEADSTART_DATABASE_URL": f"sqlite:///{self.instance / 'audit.sqlite3'}",
                    "HEADSTART_SEARCH_BACKEND": "whoosh", "HEADSTART_PAGE_CACHE_BYTES": "0",
                    "HEADSTART_BASE_URL": self.base}
        for name in ("HEADSTART_MAIL_URL", "HEADSTART_RATELIMIT_STORAGE"):
            self.env.pop(name, None)
        self.process = None

    def __enter__(self):
        flask = [str(VENV / "flask"), "--app", "headstart"]
        for step in (["db", "upgrade"], ["demo", "load"], ["search", "reindex"]):
            result = run(flask + step, env=self.env)
            if result.returncode:
                sys.exit(f"demo portal setup failed at {step}: {result.stderr[-2000:]}")
        self.log = (REPORTS / "gunicorn.log").open("w")
        self.process = subprocess.Popen(  # noqa: S603 - our own program
            # The embedded default as make serve runs it (gunicorn.conf.py: one worker
            # with threads, since the rate limits are kept in memory).
            [str(VENV / "gunicorn"), "--bind", f"127.0.0.1:{self.port}",
             "--error-logfile", "-", "wsgi:app"], cwd=ROOT, env=self.env,
            stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        for _ in range(100):
            try:
                urllib.request.urlopen(self.base + "/healthz", timeout=2)  # noqa: S310
                return self
            except OSError:
                time.sleep(0.2)
        sys.exit("the demo portal did not start (see audit-reports/gunicorn.log)")

    def __exit__(self, *_exc):
        if self.process is not None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(20)
            self.log.close()
        shutil.rmtree(self.instance, ignore_errors=True)

    def signed_in_cookie(self) -> str:
        """Sign in as the demo coordinator; the session cookie as ``name=value``."""
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        page = opener.open(self.base + "/auth/login").read().decode()
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page) or \
            re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)
        data = urllib.parse.urlencode({"csrf_token": token.group(1), "email": DEMO_USER,
                                       "password": DEMO_PASSWORD}).encode()
        opener.open(self.base + "/auth/login", data)
        cookies = {cookie.name: cookie.value for cookie in jar}
        if not cookies or "Sign out" not in opener.open(
                self.base + "/account/").read().decode():
            sys.exit("could not sign in to the demo portal as the coordinator")
        return "; ".join(f"{k}={v}" for k, v in cookies.items())

    def http_errors(self) -> list[str]:
        """Lines of the server log that show a traceback (a 500)."""
        self.log.flush()
        text = (REPORTS / "gunicorn.log").read_text(errors="replace")
        return [line for line in text.splitlines()
                if "Traceback" in line or "unhandled error" in line]


def bandit() -> tuple[str, bool, str]:
    result = run([str(VENV / "bandit"), "-r", "headstart", "-x", "headstart/demo", "-ll",
                  "-f", "json", "-o", str(REPORTS / "bandit.json"), "-q"])
    report = json.loads((REPORTS / "bandit.json").read_text())
    findings = [f"{r['filename']}:{r['line_number']} {r['test_id']} {r['issue_text']}"
                for r in report["results"]]
    ok = result.returncode == 0 and not findings
    return version([str(VENV / "bandit"), "--version"]), ok, (
        "0 medium/high findings" if ok else "; ".join(findings) or result.stderr[-500:])


def wapiti(portal: Portal, cookie: str) -> tuple[str, bool, str]:
    report = REPORTS / "wapiti.json"
    result = run([str(AUDIT_VENV / "wapiti"), "-u", portal.base + "/", "--scope", "folder",
                  "-m", WAPITI_MODULES, "-C", cookie, "-x", portal.base + "/auth/logout",
                  "-x", portal.base + "/account/delete", "-d", "3",
                  "--max-links-per-page", "40", "--max-scan-time", str(SCAN_SECONDS),
                  "--max-attack-time", str(ATTACK_SECONDS), "--tasks", "4",
                  "--flush-session", "--no-bugreport", "-f", "json", "-o", str(report)],
                 log=REPORTS / "wapiti.log",
                 timeout=SCAN_SECONDS + ATTACK_SECONDS * len(WAPITI_MODULES.split(",")) + 300)
    if not report.exists():
        return version([str(AUDIT_VENV / "wapiti"), "--version"]), False, (
            f"no report (exit {result.returncode}): {result.stderr[-500:]}")
    data = json.loads(report.read_text())
    found, accepted = {}, {}
    for kind in ("vulnerabilities", "anomalies"):
        for name, items in data.get(kind, {}).items():
            for item in items:
                reason = ACCEPTED.get((name, item.get("path")))
                target = accepted if reason else found
                target[name] = target.get(name, 0) + 1
    crawled = data.get("infos", {}).get("crawled_pages_nbr", "?")
    verdict = (f"{crawled} pages crawled, 0 vulnerabilities, 0 anomalies" if not found
               else f"{crawled} pages crawled; found: {found}")
    if accepted:
        verdict += f" (accepted after review, see ACCEPTED: {accepted})"
    return version([str(AUDIT_VENV / "wapiti"), "--version"]), not found, verdict


def sqlmap(portal: Portal, cookie: str) -> tuple[str, bool, str]:
    output = REPORTS / "sqlmap"
    problems, tested = [], 0
    for path in SQLMAP_URLS:
        result = run([str(AUDIT_VENV / "sqlmap"), "-u", portal.base + path, "--batch",
                      "--cookie", cookie, "--level", "2", "--risk", "1", "--threads", "2",
                      "--smart", "--output-dir", str(output), "--disable-coloring"],
                     log=REPORTS / f"sqlmap-{tested}.log", timeout=600)
        tested += 1
        text = result.stdout
        if re.search(r"Parameter: .* \((GET|POST)\)", text) or "is vulnerable" in text:
            problems.append(path)
    ok = not problems
    return version([str(AUDIT_VENV / "sqlmap"), "--version"]), ok, (
        f"{tested} addresses, no injectable parameter" if ok
        else f"injectable: {problems}")


def schemathesis(portal: Portal) -> tuple[str, bool, str]:
    result = run([str(VENV / "schemathesis"), "run", portal.base + "/api/v1/openapi.json",
                  "--checks", "all", "--max-examples", "30", "--workers", "2"],
                 log=REPORTS / "schemathesis.log", timeout=900)
    summary = [line for line in result.stdout.splitlines()
               if re.search(r"\d+ (passed|failed)", line)]
    ok = result.returncode == 0
    return version([str(VENV / "schemathesis"), "--version"]), ok, (
        summary[-1].strip() if summary else f"exit {result.returncode}")


def main() -> int:
    REPORTS.mkdir(exist_ok=True)
    results = {"bandit": bandit()}
    with Portal() as portal:
        cookie = portal.signed_in_cookie()
        results["wapiti"] = wapiti(portal, cookie)
        results["sqlmap"] = sqlmap(portal, cookie)
        results["schemathesis"] = schemathesis(portal)
        errors = portal.http_errors()
    results["server log"] = ("gunicorn", not errors,
                             "no tracebacks" if not errors else f"{len(errors)} tracebacks")
    print("\nAudit results")
    for name, (tool_version, ok, verdict) in results.items():
        print(f"  {'ok  ' if ok else 'FAIL'} {name:<13} {tool_version:<28} {verdict}")
    return 0 if all(ok for _v, ok, _d in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
