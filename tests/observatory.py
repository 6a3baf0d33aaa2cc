"""The MDN HTTP Observatory's scoring, applied to one page as the test client sees it.

Modifiers as in mdn/mdn-http-observatory (src/grader/charts.js): start at 100, take the
penalties, and add the bonuses only when the result is 90 or more. Two differences, both
because a test has no Internet: HSTS "preloaded" is granted when the header asks for it
(max-age of a year, includeSubDomains, preload), which the real scanner grants once the host is
on the browsers' preload list (submit it at hstspreload.org); and the CORS test reads the
response's headers only (the scanner also fetches crossdomain.xml).
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

PRIVATE_REFERRERS = {
    "no-referrer",
    "same-origin",
    "strict-origin",
    "strict-origin-when-cross-origin",
}
UNSAFE_REFERRERS = {
    "origin",
    "origin-when-cross-origin",
    "unsafe-url",
    "no-referrer-when-downgrade",
}
SIX_MONTHS = 15768000
ONE_YEAR = 31536000


@dataclass
class Score:
    path: str
    results: list = field(default_factory=list)  # (test, outcome, modifier)

    def add(self, test, outcome, modifier):
        self.results.append((test, outcome, modifier))

    @property
    def total(self):
        penalties = sum(m for *_, m in self.results if m < 0)
        bonuses = sum(m for *_, m in self.results if m > 0)
        base = max(0, 100 + penalties)
        return base + bonuses if base >= 90 else base

    def __str__(self):
        lines = [f"{self.total:>4}  {self.path}"]
        lines += [f"      {m:+4}  {outcome}" for _, outcome, m in self.results if m]
        return "\n".join(lines)


def parse_csp(header):
    policy = {}
    for part in (header or "").split(";"):
        name, *values = part.split()
        if name:
            policy.setdefault(name.lower(), values)
    return policy


class ScriptTags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts = []

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts.append(dict(attrs))


def score(path, response, http_response=None):
    """`response`: the page over https; `http_response`: the same path over plain http."""
    result = Score(path)
    headers = response.headers

    # Content Security Policy
    csp = parse_csp(headers.get("Content-Security-Policy"))
    if not csp:
        result.add("csp", "csp-not-implemented", -25)
    else:
        default = csp.get("default-src", [])
        script = csp.get("script-src", default)
        objects = csp.get("object-src", default)
        style = csp.get("style-src", default)
        broad = {"*", "https:", "http:", "data:"}
        if (
            "'unsafe-inline'" in script
            or broad & set(script)
            or not objects
            or broad & set(objects)
        ):
            result.add("csp", "csp-implemented-with-unsafe-inline", -20)
        elif "'unsafe-eval'" in script:
            result.add("csp", "csp-implemented-with-unsafe-eval", -10)
        elif "'unsafe-inline'" in style or broad & set(style):
            result.add("csp", "csp-implemented-with-unsafe-inline-in-style-src-only", 0)
        elif default == ["'none'"] and csp.get("form-action") in (["'self'"], ["'none'"]):
            result.add("csp", "csp-implemented-with-no-unsafe-default-src-none", 10)
        else:
            result.add("csp", "csp-implemented-with-no-unsafe", 5)

    # Cookies
    cookies = list(response.cookies.values())
    if not cookies:
        result.add("cookies", "cookies-not-found", 0)
    else:
        outcome = ("cookies-secure-with-httponly-sessions-and-samesite", 5)
        for cookie in cookies:
            name = cookie.key.lower()
            session = "session" in name
            samesite = (cookie["samesite"] or "").lower()
            if not cookie["secure"] and session:
                outcome = min(outcome, ("cookies-session-without-secure-flag", -40), key=_mod)
            elif not cookie["secure"]:
                outcome = min(outcome, ("cookies-without-secure-flag", -20), key=_mod)
            if session and not cookie["httponly"]:
                outcome = min(outcome, ("cookies-session-without-httponly-flag", -30), key=_mod)
            if samesite and samesite not in ("strict", "lax"):
                outcome = min(outcome, ("cookies-samesite-flag-invalid", -20), key=_mod)
            if not samesite and "csrf" in name:
                outcome = min(outcome, ("cookies-anticsrf-without-samesite-flag", -20), key=_mod)
            elif not samesite:
                outcome = min(outcome, ("cookies-secure-with-httponly-sessions", 0), key=_mod)
        result.add("cookies", *outcome)

    # Cross-origin resource sharing
    if (
        headers.get("Access-Control-Allow-Origin") == "*"
        and headers.get("Access-Control-Allow-Credentials", "").lower() == "true"
    ):
        result.add("cors", "cross-origin-resource-sharing-implemented-with-universal-access", -50)
    else:
        result.add("cors", "cross-origin-resource-sharing-not-implemented-or-restricted", 0)

    # Redirection from http
    if http_response is not None:
        target = urlsplit(http_response.headers.get("Location", ""))
        if http_response.status_code in (301, 302, 307, 308) and target.scheme == "https":
            result.add("redirection", "redirection-to-https", 0)
        else:
            result.add("redirection", "redirection-missing", -20)

    # Referrer policy
    referrer = headers.get("Referrer-Policy", "").split(",")[-1].strip().lower()
    if referrer in PRIVATE_REFERRERS:
        result.add("referrer", "referrer-policy-private", 5)
    elif referrer in UNSAFE_REFERRERS:
        result.add("referrer", "referrer-policy-unsafe", -5)
    elif referrer:
        result.add("referrer", "referrer-policy-header-invalid", -5)
    else:
        result.add("referrer", "referrer-policy-not-implemented", 0)

    # Strict transport security
    hsts = headers.get("Strict-Transport-Security", "").lower()
    parts = {part.strip().split("=")[0]: part.strip() for part in hsts.split(";") if part.strip()}
    if "max-age" not in parts:
        result.add("hsts", "hsts-not-implemented", -20)
    else:
        max_age = int(parts["max-age"].split("=")[1].strip('"'))
        if max_age < SIX_MONTHS:
            result.add("hsts", "hsts-implemented-max-age-less-than-six-months", -10)
        elif max_age >= ONE_YEAR and "includesubdomains" in parts and "preload" in parts:
            result.add("hsts", "hsts-preloaded (asked for; granted once on the list)", 5)
        else:
            result.add("hsts", "hsts-implemented-max-age-at-least-six-months", 0)

    # Subresource integrity
    if "text/html" not in headers.get("Content-Type", ""):
        result.add("sri", "sri-not-implemented-response-not-html", 0)
    else:
        parser = ScriptTags()
        parser.feed(response.content.decode())
        sources = [s for s in parser.scripts if s.get("src")]
        external = [s for s in sources if urlsplit(s["src"]).netloc]
        if not parser.scripts:
            result.add("sri", "sri-not-implemented-but-no-scripts-loaded", 0)
        elif external and any(urlsplit(s["src"]).scheme != "https" for s in external):
            result.add("sri", "sri-...-external-scripts-not-loaded-securely", -50)
        elif external and not all(s.get("integrity") for s in external):
            result.add("sri", "sri-not-implemented-but-external-scripts-loaded-securely", -5)
        elif sources and all(s.get("integrity") for s in sources):
            result.add("sri", "sri-implemented-and-all-scripts-loaded-securely", 5)
        else:
            result.add("sri", "sri-not-implemented-but-all-scripts-loaded-from-secure-origin", 0)

    # X-Content-Type-Options
    if headers.get("X-Content-Type-Options", "").lower() == "nosniff":
        result.add("xcto", "x-content-type-options-nosniff", 0)
    else:
        result.add("xcto", "x-content-type-options-not-implemented", -5)

    # X-Frame-Options
    if "frame-ancestors" in csp:
        result.add("xfo", "x-frame-options-implemented-via-csp", 5)
    elif headers.get("X-Frame-Options", "").upper() in ("DENY", "SAMEORIGIN"):
        result.add("xfo", "x-frame-options-sameorigin-or-deny", 0)
    else:
        result.add("xfo", "x-frame-options-not-implemented", -20)

    # Cross-Origin-Resource-Policy
    corp = headers.get("Cross-Origin-Resource-Policy", "").lower()
    if corp in ("same-origin", "same-site"):
        result.add("corp", f"corp-implemented-with-{corp}", 10)
    elif corp == "cross-origin":
        result.add("corp", "corp-implemented-with-cross-origin", 0)
    elif corp:
        result.add("corp", "corp-header-invalid", -5)
    else:
        result.add("corp", "corp-not-implemented", 0)
    return result


def _mod(outcome):
    return outcome[1]
