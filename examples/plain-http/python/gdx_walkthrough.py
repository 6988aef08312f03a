#!/usr/bin/env python3
"""Drive the gdx mock with plain HTTP from Python (standard library only).

A registrant files a public data resource registration (公共数据资源登记), the script plays the
registry through the mock's simulation API, moves the virtual clock, and prints the dated states
the platform answered. Platform requests are signed as docs/design.md specifies (HMAC-SHA256
over the canonical request string); the simulation API and public endpoints are unsigned.

Usage: python3 gdx_walkthrough.py --base-url http://127.0.0.1:4010
Exit codes: 0 done, 1 the platform answered something unexpected, 2 bad usage.
"""
import argparse
import base64
import datetime
import hashlib
import hmac
import json
import secrets
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

START_AT = "2025-09-26T09:00:00+08:00"  # Friday before the 2025 National Day holiday
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


class PlatformError(Exception):
    """A non-2xx answer: the HTTP status and the problem+json body."""

    def __init__(self, method, url, status, problem):
        super().__init__(f"{method} {url} -> {status} {problem.get('code')}: {problem.get('detail') or problem.get('title')}")
        self.status = status
        self.problem = problem


def rfc3986(value):
    """Percent-encode every byte except A-Z a-z 0-9 - . _ ~ (RFC 3986 unreserved)."""
    return urllib.parse.quote(value, safe="-._~")


def canonical_query(query):
    """QUERY line: pairs form-decoded as sent, RFC 3986-encoded, sorted by name then value."""
    pairs = [(rfc3986(k), rfc3986(v)) for k, v in urllib.parse.parse_qsl(query, keep_blank_values=True)]
    return "&".join(f"{k}={v}" for k, v in sorted(pairs))


def signature_headers(method, url, body, app_key, secret, timestamp_ms=None, nonce=None):
    """The X-Gdx-* headers of one request (docs/design.md, "Authentication (signing)")."""
    parts = urllib.parse.urlsplit(url)
    digest = hashlib.sha256(body).hexdigest()  # lower-case hex; digest of b"" without a body
    timestamp = str(timestamp_ms if timestamp_ms is not None else int(time.time() * 1000))
    nonce = nonce or secrets.token_urlsafe(24)  # 32 chars of [A-Za-z0-9_-], fresh per request
    canonical = "\n".join([method.upper(), parts.path or "/", canonical_query(parts.query), digest, timestamp, nonce, app_key])
    signature = base64.b64encode(hmac.new(secret.encode(), canonical.encode(), hashlib.sha256).digest()).decode()
    return {
        "X-Gdx-App-Key": app_key,
        "X-Gdx-Timestamp": timestamp,
        "X-Gdx-Nonce": nonce,
        "X-Gdx-Signature-Method": "HMAC-SHA256",
        "X-Gdx-Content-Digest": digest,
        "X-Gdx-Signature": signature,
    }


def call(method, url, body=None, org=None, idempotency_key=None):
    """Send one JSON request (signed when `org` is given) and return the decoded JSON answer."""
    # Compact UTF-8, the bytes JSON.stringify writes: a proxy that parses and re-writes JSON bodies
    # (Prism in proxy mode does) then forwards the very bytes the content digest was computed over.
    data = b"" if body is None else json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
    headers = {"Accept": "application/json"}
    if body is not None or method != "GET":
        # The simulation API takes writes only as JSON, also without a body (no CORS simple request).
        headers["Content-Type"] = "application/json"
    if idempotency_key:
        headers["Idempotency-Key"] = idempotency_key
    if org is not None:
        headers.update(signature_headers(method, url, data, org["appKey"], org["secret"]))
    request = urllib.request.Request(url, data=data if body is not None else None, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            text = response.read().decode()
    except urllib.error.HTTPError as error:
        text = error.read().decode()
        raise PlatformError(method, url, error.code, json.loads(text) if text else {}) from None
    return json.loads(text) if text else None


def day_of(instant):
    """The Asia/Shanghai day of a +08:00 instant as the platform sends it, with its weekday."""
    day = instant[:10]
    y, m, d = (int(x) for x in day.split("-"))
    return f"{day} {WEEKDAYS[datetime.date(y, m, d).weekday()]}"


def application_body(registrant):
    digest = "sha256:" + "3f" * 32
    return {
        "type": "initial",
        "registrants": [{"creditCode": registrant["creditCode"], "name": registrant["name"]}],
        "resource": {"name": "公共交通客流数据产品", "summary": "按线路、站点、时段汇总的公交客流统计数据，已脱敏。"},
        "legalSource": {
            "description": "公交集团在运营中依法采集的刷卡与客流计数数据，经授权运营协议取得加工使用权。",
            "attachments": [{"name": "授权运营协议.pdf", "mediaType": "application/pdf", "digest": digest, "size": 245760}],
        },
        "evidence": {"description": "数据样本与处理日志已在存证平台存证。"},
        "riskAssessment": {"summary": "不含个人信息，风险等级低。"},
    }


def walkthrough(base_url, out):
    sim = f"{base_url}/_sim/v1"
    sandbox = call("POST", f"{sim}/sandboxes", {
        "profile": "national", "startAt": START_AT, "seed": 7,
        "reviewerPolicy": {"mode": "manual"}, "clock": {"mode": "virtual"},
    })
    sid = sandbox["id"]
    registration = sandbox["platforms"]["registration"]
    registrant = next(o for o in sandbox["organizations"] if "registrant" in o["roles"] and "公交" in o["name"])
    out(f"sandbox {sid}: registrant {registrant['name']} ({registrant['creditCode']}), app key {registrant['appKey']}")

    def advance(to):
        fired = call("POST", f"{sim}/sandboxes/{sid}/clock/advance", {"to": to})["fired"]
        out(f"clock -> {to} ({len(fired)} transition(s) fired by the platform)")

    def registry(application_id, action):
        result = call("POST", f"{sim}/sandboxes/{sid}/actions", {
            "platform": "registration", "objectType": "application", "objectId": application_id, "action": action,
        })
        out(f"registry: {action} -> {result['to']}")

    # A wrong secret: the platform refuses with 401 problem+json, nothing is filed.
    try:
        call("GET", f"{registration}/applications", org={**registrant, "secret": "not-the-secret"})
        raise SystemExit("the platform accepted a request signed with a wrong secret")
    except PlatformError as refused:
        out(f"wrong secret -> {refused.status} {refused.problem['code']} ({refused.problem['message']['zh']})")

    application = call("POST", f"{registration}/applications", application_body(registrant), org=registrant,
                       idempotency_key=f"walkthrough-{sid}")
    app_id = application["id"]
    out(f"filed {app_id}: {application['state']}, acceptance due {application['deadline']['dueDate']}")

    advance("2025-09-30T10:00:00+08:00")
    registry(app_id, "accept")
    advance("2025-10-20T10:00:00+08:00")
    registry(app_id, "approve_review")
    notice = call("GET", f"{registration}/applications/{app_id}", org=registrant)["deadline"]
    advance(notice["dueAt"])  # the notice ends at 24:00 of its last day; the platform codes then

    # A signed list with a query string: the QUERY line of the canonical string is "limit=50".
    events = call("GET", f"{registration}/applications/{app_id}/events?limit=50", org=registrant)["items"]
    out("dated states (as the platform answered):")
    for e in events:
        if e["type"] != "state_changed" or e["from"] == e["to"]:
            continue
        d = e.get("deadline")
        due = f" — {d['step']} due {d['dueDate']} ({d['limit']} {d['unit']}, {d['basis']})" if d else ""
        out(f"  {day_of(e['at'])}  {e['to']} ({e['actor']['role']}){due}")

    final = call("GET", f"{registration}/applications/{app_id}", org=registrant)
    code = final.get("registrationCode")
    if final["state"] != "registered" or not code:
        raise PlatformError("GET", app_id, 200, {"code": "UNEXPECTED_STATE", "detail": f"state {final['state']}"})
    lookup = call("GET", f"{registration}/lookup/{urllib.parse.quote(code, safe='')}")  # public: unsigned
    out(f"lookup {code}: {lookup['state']}, valid {str(lookup['valid']).lower()} until {lookup['validUntil']}")
    call("DELETE", f"{sim}/sandboxes/{sid}")


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", required=True, help="origin of a running gdx-mock, e.g. http://127.0.0.1:4010")
    args = parser.parse_args(argv)
    try:
        walkthrough(args.base_url.rstrip("/"), lambda line: print(line, flush=True))
    except PlatformError as error:
        print(f"error: {error}", file=sys.stderr)
        print(json.dumps(error.problem, ensure_ascii=False, indent=2), file=sys.stderr)
        return 1
    except urllib.error.URLError as error:
        print(f"error: cannot reach {args.base_url}: {error.reason}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
