"""An incident from warning to closed through the real binary, then its dossier rendered in headless Chromium:
every section filled from the record, printable to PDF, and the integrity line naming the log's newest event."""
import base64
import datetime
import os
import time

import pytest
import requests

from browser import Browser, chromium_binary
from swell_process import SwellProcess

ARTIFACTS = os.path.join(os.path.dirname(__file__), "..", "..", "artifacts")
TEXTS = [
    "6月12日出发的澳洲8日游团（AU-8D-0612），合同约定四星酒店，实际入住汽车旅馆，要求退还差价 {n}",
    "AU-8D-0612澳洲8日游6月12日团，合同写四星酒店却住汽车旅馆，要求退还住宿差价（{n}）",
    "澳洲8日游6月12日出发团AU-8D-0612，四星酒店被换成汽车旅馆，与合同不符，要求退还差价。编号{n}",
]
SECTIONS = ["timeline", "people", "demands", "plan", "liaison", "media", "settlement", "review", "response-times", "integrity"]


def iso(moment: datetime.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.fixture
def browser():
    if chromium_binary() is None:
        if os.environ.get("SWELL_SKIP_BROWSER") == "1":
            pytest.skip("no chromium (SWELL_SKIP_BROWSER=1)")
        pytest.fail("chromium is not installed: run SWELL_SETUP_BROWSER=1 scripts/setup")
    instance = Browser()
    yield instance
    instance.close()


def test_a_closed_incidents_dossier_renders_every_section(tmp_path, browser):
    server = SwellProcess(str(tmp_path / "swell.sqlite")).start()

    def call(method, path, body=None, expect=(200, 201)):
        response = requests.request(method, server.url + path, headers=server.headers(), json=body, timeout=10)
        assert response.status_code in expect, f"{method} {path}: {response.status_code} {response.text}"
        return response

    try:
        start = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0) - datetime.timedelta(days=5)
        at = lambda hours: iso(start + datetime.timedelta(hours=hours))
        for n in range(10):
            call("POST", "/v1/complaints", {"externalId": f"au-{n}", "receivedAt": at(n / 6), "channel": "hotline" if n % 2 else "web",
                                            "text": TEXTS[n % 3].format(n=n), "complainant": {"phone": f"1390000{n:04d}"},
                                            "product": "AU-8D-0612", "departure": "2026-06-12", "demand": "退还差价"})
        for _ in range(200):
            warnings = call("GET", "/v1/warnings").json()["items"]
            if warnings:
                break
            time.sleep(0.1)
        assert warnings
        incident = call("POST", "/v1/incidents", {"warningId": warnings[-1]["id"], "at": at(2)}).json()["id"]
        base = f"/v1/incidents/{incident}"
        call("PUT", base + "/plan", {"predictedIssues": ["退还差价"], "text": "按标准退差价并支付同额违约金", "at": at(3)})
        call("POST", base + "/plan/approve", {"at": at(4)})
        call("POST", base + "/liaison-contacts", {"body": "市文旅局", "bodyKind": "regulator", "channel": "phone", "summary": "受理投诉",
                                                  "referenceNo": "WL-2026-0701", "responseDue": at(48), "at": at(5)})
        call("POST", base + "/media-contacts", {"outlet": "都市晚报", "channel": "phone", "inquiry": "询问酒店降级", "tone": "negative", "at": at(6)})
        call("POST", base + "/statements", {"kind": "statement", "title": "致游客的说明", "text": "我们正在核实", "at": at(5)})
        offer = call("POST", base + "/offers", {"base": {"minorUnits": 100000, "currency": "CNY"}, "at": at(8)}).json()["id"]
        members = [row["complaintId"] for row in call("GET", base + "/cases").json()["items"]]
        for index, complaint in enumerate(members[:4]):
            call("POST", f"{base}/offers/{offer}/responses", {"complaintId": complaint, "decision": "accepted", "at": at(10 + 20 * index)})
        call("PUT", base + "/review", {"summary": "地接社擅自降级酒店", "at": at(100),
                                       "rootCauses": [{"category": "supplier", "text": "地接社未按合同预订"}],
                                       "correctiveActions": [{"title": "重新审核该地接社", "ownerRole": "incident_manager", "dueAt": at(300)}]})
        for state in ["responding", "settling", "resolved", "closed"]:
            call("POST", base + "/transitions", {"to": state, "at": at(101)})

        # The page, in a real browser: every section there and filled
        page = call("GET", base + "/dossier").text
        path = tmp_path / "dossier.html"
        path.write_text(page, encoding="utf-8")
        browser.goto(path.as_uri())
        browser.wait_for("document.querySelectorAll('section[data-section]').length === %d" % len(SECTIONS))
        names = browser.evaluate("[...document.querySelectorAll('section[data-section]')].map(s => s.dataset.section)")
        assert names == SECTIONS
        for name in SECTIONS:
            text = browser.evaluate(f"document.querySelector('section[data-section=\"{name}\"]').innerText")
            assert "None. 无。" not in text and "No " not in text.split("\n", 1)[-1][:3], f"section {name} is empty: {text}"
        assert "WL-2026-0701" in browser.evaluate("document.querySelector('[data-section=liaison]').innerText")
        assert "supplier" in browser.evaluate("document.querySelector('[data-section=review]').innerText")
        integrity = call("GET", base + "/dossier?format=json").json()["integrity"]
        assert str(integrity["lastEventSeq"]) in browser.evaluate("document.querySelector('[data-section=integrity]').innerText")
        browser.screenshot(os.path.join(ARTIFACTS, "dossier.png"))
        pdf = base64.b64decode(browser.call("Page.printToPDF", printBackground=True)["data"])
        assert pdf.startswith(b"%PDF")
        (tmp_path / "dossier.pdf").write_bytes(pdf)

        # The executive dashboard: the response-time card held to the playbook, and the open corrective action
        browser.goto(server.url + "/")
        browser.evaluate(f"sessionStorage.setItem('swell.token', {server.token!r})")
        browser.evaluate("localStorage.setItem('swell.lang', 'en')")
        browser.goto(server.url + "/")
        browser.wait_for("document.querySelectorAll('#response-times li').length > 0", timeout=30)
        holding = browser.evaluate("document.querySelector('#response-times li[data-measure=time_to_holding_statement]').innerText")
        assert "Holding statement" in holding and "met in 1 / 1" in holding, holding
        actions = browser.evaluate("document.getElementById('corrective-actions').innerText")
        assert "重新审核该地接社" in actions and "incident_manager" in actions, actions
        browser.screenshot(os.path.join(ARTIFACTS, "dashboard-response-times.png"))

        # The record verifies up to the event the dossier names
        server.terminate()
        verified = server.run_cli("audit", "verify")
        assert verified.returncode == 0, verified.stdout + verified.stderr
    finally:
        if server.process.poll() is None:
            server.terminate()
