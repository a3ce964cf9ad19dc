"""The dashboard in a real (headless) Chromium against a live `swell serve`: sign in, watch a warning arrive."""
import json
import os
import threading
from datetime import datetime, timedelta, timezone

import pytest
import requests

from browser import Browser, chromium_binary
from swell_process import SwellProcess

HOTEL = [
    "6月12日出发的澳洲8日游，合同写的四星酒店，结果住进了汽车旅馆，强烈要求退还差价",
    "AU-8D-0612团，说好的四星级酒店变成了路边汽车旅馆，房间又脏又小，要求赔偿",
    "澳洲八日游6月12日团 酒店被降级 四星变成汽车旅馆 旅行社必须给说法",
    "我们6/12出发的澳洲团，酒店和合同不符，四星酒店换成了汽车旅馆，要求退差价并道歉",
    "澳洲8天团（6月12日出发）入住的不是合同里的四星酒店，是汽车旅馆，太过分了",
    "6月12号澳洲团的酒店严重降级，合同四星实际是汽车旅馆，要求全额退还住宿差价",
    "同团的人都很气愤：6月12日澳洲八日游酒店从四星降成汽车旅馆，要求赔偿",
    "澳洲8日游6月12日出发，旅行社擅自把四星酒店换成汽车旅馆，我们要投诉到12315",
    "投诉澳洲八日游（6月12日团）：酒店不符合合同约定的四星标准，是汽车旅馆，要求退款",
    "6月12日澳洲团酒店降级为汽车旅馆，与合同四星不符，已联系媒体记者曝光",
]
UNRELATED = ["导游在云南丽江强迫我们购物，不买就甩脸色", "The coach to the Great Wall broke down and we waited four hours in the sun",
             "邮轮上的自助餐太难吃了，服务员态度也差"]
ARTIFACTS = os.path.join(os.path.dirname(__file__), "..", "..", "artifacts")


@pytest.fixture
def browser():
    if chromium_binary() is None:
        if os.environ.get("SWELL_SKIP_BROWSER") == "1":
            pytest.skip("no chromium (SWELL_SKIP_BROWSER=1)")
        pytest.fail("chromium is not installed: run SWELL_SETUP_BROWSER=1 scripts/setup")
    instance = Browser()
    yield instance
    instance.close()


def test_a_warning_appears_live_on_the_dashboard(tmp_path, browser):
    repo = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    server = SwellProcess(str(tmp_path / "swell.sqlite"), env=dict(os.environ, SWELL_DASHBOARDS=os.path.join(repo, "dashboards"))).start()
    try:
        # Sign in with the admin token through the form
        browser.goto(server.url + "/")
        browser.evaluate("localStorage.setItem('swell.lang', 'zh')")
        browser.goto(server.url + "/")
        browser.wait_for("!document.getElementById('signin').hidden")
        assert "登录" in browser.evaluate("document.body.innerText")
        browser.evaluate(f"document.getElementById('token').value = {server.token!r}")
        browser.evaluate("document.getElementById('signin-form').requestSubmit()")
        browser.wait_for("document.getElementById('connection').dataset.state === 'live'")
        assert browser.evaluate("document.querySelectorAll('.warning').length") == 0

        # A group complaint arrives through the API, one POST at a time, with unrelated complaints among it
        def post(external_id, text, minute, phone):
            at = (datetime(2026, 6, 13, 8, 0, tzinfo=timezone.utc) + timedelta(minutes=minute)).strftime("%Y-%m-%dT%H:%M:%SZ")
            body = {"externalId": external_id, "receivedAt": at, "channel": "web", "text": text, "complainant": {"phone": phone}}
            requests.post(server.url + "/v1/complaints", headers=server.headers(), data=json.dumps(body), timeout=10).raise_for_status()

        for n, text in enumerate(HOTEL):
            post(f"hotel-{n}", text, n * 20, f"1390000{n:04d}")
            if n == 2:
                for m, other in enumerate(UNRELATED):
                    post(f"other-{m}", other, n * 20 + m, f"1370000000{m}")

        # The warning appears without a reload, with its level colour; no personal data on the page
        browser.wait_for("document.querySelectorAll('#warnings .warning').length > 0", timeout=30)
        level = browser.evaluate("document.querySelector('#warnings .badge').className")
        assert any(colour in level for colour in ("level-blue", "level-yellow", "level-orange", "level-red"))
        browser.wait_for("document.querySelectorAll('#hourly svg rect').length === 48")
        browser.wait_for("document.getElementById('kpi-complaints').textContent !== '0'")
        page = browser.evaluate("document.body.innerText")
        assert "张三" not in page and "1390000" not in page
        browser.screenshot(os.path.join(ARTIFACTS, "dashboard-zh.png"))

        # English, and the offline state when the server goes away
        browser.evaluate("document.getElementById('lang').click()")
        browser.wait_for("document.documentElement.lang === 'en'")
        assert "Warnings" in browser.evaluate("document.body.innerText")
        ticker = browser.evaluate("document.getElementById('ticker').innerText")
        assert "Warning raised" in ticker
        # The page follows the feed in summary mode: complaints arrive as counts, never one line each
        assert "Complaints arrived ×" in ticker and "Complaint received" not in ticker, ticker
        browser.screenshot(os.path.join(ARTIFACTS, "dashboard-en.png"))
        server.terminate()
        browser.wait_for("document.getElementById('connection').dataset.state === 'offline'", timeout=15)
        browser.wait_for("!document.getElementById('offline-banner').hidden")
        browser.screenshot(os.path.join(ARTIFACTS, "dashboard-offline.png"))
    finally:
        if server.process.poll() is None:
            server.terminate()


def test_admins_see_the_channels_whose_notifications_fail(tmp_path, browser):
    from swell_process import free_port

    repo = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    server = SwellProcess(str(tmp_path / "swell.sqlite"), env=dict(os.environ, SWELL_DASHBOARDS=os.path.join(repo, "dashboards"))).start()
    try:
        # A leadership webhook pointing at a port where nothing listens
        channel = {"name": "leadership", "kind": "webhook", "settings": {"url": f"http://127.0.0.1:{free_port()}/down"}}
        requests.post(server.url + "/v1/notification-channels", headers=server.headers(), json=channel, timeout=10).raise_for_status()
        now = datetime.now(timezone.utc)
        for n, text in enumerate(HOTEL[:8]):
            at = (now - timedelta(minutes=30 - n)).strftime("%Y-%m-%dT%H:%M:%SZ")
            body = {"externalId": f"hotel-{n}", "receivedAt": at, "channel": "web", "text": text + "，已投诉到12315", "complainant": {"phone": f"1390000{n:04d}"},
                    "product": "AU-8D-0612", "departure": "2026-06-12"}
            requests.post(server.url + "/v1/complaints", headers=server.headers(), json=body, timeout=10).raise_for_status()
        for _ in range(150):
            failing = requests.get(server.url + "/v1/deliveries?state=failed", headers=server.headers(), timeout=10).json()["items"]
            if failing:
                break
            threading.Event().wait(0.2)
        assert failing, requests.get(server.url + "/v1/deliveries", headers=server.headers(), timeout=10).text
        browser.goto(server.url + "/")
        browser.evaluate(f"sessionStorage.setItem('swell.token', {server.token!r})")
        browser.evaluate("localStorage.setItem('swell.lang', 'en')")
        browser.goto(server.url + "/")
        browser.wait_for("!document.getElementById('board').hidden")
        browser.wait_for("!document.getElementById('notify-health').hidden", timeout=30)
        text = browser.evaluate("document.getElementById('notify-health').innerText")
        assert "leadership" in text and "retrying" in text
        browser.screenshot(os.path.join(ARTIFACTS, "dashboard-failed-channel.png"))
    finally:
        server.terminate()


def test_the_acceptance_curve_of_an_offer_answered_over_days_is_drawn(tmp_path, browser):
    repo = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    server = SwellProcess(str(tmp_path / "swell.sqlite"), env=dict(os.environ, SWELL_DASHBOARDS=os.path.join(repo, "dashboards"))).start()

    def iso(moment):
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ")

    def call(method, path, body=None):
        response = requests.request(method, server.url + path, headers=server.headers(), json=body, timeout=10)
        assert response.ok, f"{method} {path}: {response.status_code} {response.text}"
        return response.json()

    try:
        # Three days ago: a group complaint, a warning, an incident opened by hand and an offer published
        start = datetime.now(timezone.utc).replace(microsecond=0) - timedelta(days=3)
        for n, text in enumerate(HOTEL):
            call("POST", "/v1/complaints", {"externalId": f"hotel-{n}", "receivedAt": iso(start + timedelta(minutes=10 * n)), "channel": "web",
                                            "text": text, "complainant": {"phone": f"1390000{n:04d}"}, "product": "AU-8D-0612", "departure": "2026-06-12"})
        for _ in range(150):
            warnings = call("GET", "/v1/warnings")["items"]
            if warnings:
                break
            threading.Event().wait(0.2)
        assert warnings, "no warning was raised"
        incident = call("POST", "/v1/incidents", {"warningId": warnings[-1]["id"], "at": iso(start + timedelta(hours=2))})
        offer = call("POST", f"/v1/incidents/{incident['id']}/offers",
                     {"base": {"minorUnits": 100000, "currency": "CNY"}, "at": iso(start + timedelta(hours=3))})
        members = [row["complaintId"] for row in call("GET", f"/v1/incidents/{incident['id']}/cases")["items"]]
        assert len(members) >= 5, members

        # Answers spread over the three days since
        answers = [(0, "accepted", 4), (1, "accepted", 6), (2, "accepted", 27), (3, "refused", 28), (4, "accepted", 52)]
        for index, decision, hours in answers:
            call("POST", f"/v1/incidents/{incident['id']}/offers/{offer['id']}/responses",
                 {"complaintId": members[index], "decision": decision, "at": iso(start + timedelta(hours=hours))})
        curve = call("GET", f"/v1/incidents/{incident['id']}/offers/{offer['id']}/curve?bucket=day")
        last = curve["buckets"][-1]
        assert (last["accepted"], last["refused"]) == (4, 1)
        assert all(b["pending"] == curve["eligible"] - b["accepted"] - b["refused"] for b in curve["buckets"])
        summary = next(i for i in call("GET", "/v1/summary")["incidents"] if i["id"] == incident["id"])
        points = summary["acceptance"]["curve"]
        assert summary["acceptance"]["curveBucket"] == "day" and points[-1]["accepted"] == 4

        # The dashboard draws one column per day with the accepted, refused and pending parts
        browser.goto(server.url + "/")
        browser.evaluate(f"sessionStorage.setItem('swell.token', {server.token!r})")
        browser.evaluate("localStorage.setItem('swell.lang', 'en')")
        browser.goto(server.url + "/")
        browser.wait_for("document.querySelectorAll('#incidents svg.curve g.bucket').length > 0", timeout=30)
        assert browser.evaluate("document.querySelectorAll('#incidents svg.curve g.bucket').length") == len(points)
        assert browser.evaluate("document.querySelectorAll('#incidents svg.curve rect.accepted').length") == len(points)
        # The incident's cases: every complaint counted, their hour to be acknowledged long past
        assert summary["cases"]["overdue"] == len(members)
        assert f"{len(members)} overdue" in browser.evaluate("document.querySelector('#incidents .cases').innerText")
        legend = browser.evaluate("document.querySelector('#incidents .legend').innerText")
        assert "accepted 4" in legend and "refused 1" in legend and "daily" in legend
        browser.screenshot(os.path.join(ARTIFACTS, "dashboard-acceptance-curve.png"))
    finally:
        server.terminate()


def test_public_opinion_shows_on_the_incident_with_its_negative_stories(tmp_path, browser):
    from test_mentions import HOTEL as HOTEL_DEC, mentions
    from test_playbook_promises import complaint, eventually, get, post

    server = SwellProcess(str(tmp_path / "swell.sqlite")).start()
    try:
        for n in range(10):
            post(server, "/v1/complaints", complaint("hotel", n, HOTEL_DEC[n % 3], "AU-8D-1201", "2026-12-01"))
        eventually(lambda: get(server, "/v1/warnings")["items"], lambda items: len(items) >= 1, what="a warning")
        body = "\n".join(json.dumps(item, ensure_ascii=False) for item in mentions()) + "\n"
        requests.post(server.url + "/v1/mentions/batch", data=body.encode(),
                      headers={**server.headers(), "Content-Type": "application/x-ndjson"}, timeout=30).raise_for_status()
        eventually(lambda: get(server, "/v1/incidents")["items"], lambda items: len(items) == 1, what="an incident")

        browser.goto(server.url + "/")
        browser.evaluate(f"sessionStorage.setItem('swell.token', {server.token!r})")
        browser.evaluate("localStorage.setItem('swell.lang', 'zh')")
        browser.goto(server.url + "/")
        browser.wait_for("document.querySelectorAll('.public-opinion').length === 1", timeout=30)
        browser.wait_for("document.querySelector('.public-opinion').innerText.includes('12 条提及')", timeout=30)
        figures = browser.evaluate("document.querySelector('.public-opinion .opinion-figures').innerText")
        assert "负面" in figures and "覆盖" in figures, figures
        links = browser.evaluate("[...document.querySelectorAll('.public-opinion ul.stories a')].map(a => a.href)")
        assert "https://weibo.com/u/100/original" in links, links
        assert browser.evaluate("document.querySelectorAll('.public-opinion svg rect').length") > 0
        assert "13812345678" not in browser.evaluate("document.body.innerText")
        os.makedirs(ARTIFACTS, exist_ok=True)
        browser.screenshot(os.path.join(ARTIFACTS, "dashboard-public-opinion.png"))
    finally:
        assert server.terminate() == 0
