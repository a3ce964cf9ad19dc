"""Every complainant's case through the real binary on its wall clock: an incident's twelve complainants are
acknowledged in one call, one case is answered, closed and visited with a score, a regulator's referral goes
overdue with no request needed, and the CSV export opens with Chinese intact and no personal data for pr."""
import csv
import datetime
import io
import time

import requests

from swell_process import SwellProcess

TEXTS = [
    "{n}号游客：6月12日出发的澳洲8日游团（AU-8D-0612），合同约定四星酒店，实际入住汽车旅馆，要求退还差价",
    "AU-8D-0612澳洲8日游6月12日团，合同写四星酒店却住汽车旅馆，要求退还住宿差价（游客{n}）",
    "澳洲8日游6月12日出发团AU-8D-0612，四星酒店被换成汽车旅馆，与合同不符，要求退还差价。投诉人{n}",
]


def iso(moment: datetime.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def test_an_incidents_complainants_are_handled_case_by_case(tmp_path):
    server = SwellProcess(str(tmp_path / "swell.sqlite")).start()

    def call(method, path, body=None, expect=200, token=None):
        headers = server.headers() if token is None else {"Authorization": f"Bearer {token}"}
        response = requests.request(method, server.url + path, headers=headers, json=body, timeout=10)
        assert response.status_code == expect, f"{method} {path}: {response.status_code} {response.text}"
        return response

    try:
        # Twelve complainants a month ago, one of them referred by 12315 (a regulator's complaint number)
        start = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0) - datetime.timedelta(days=30)
        ids = []
        for n in range(12):
            body = {"externalId": f"au-{n}", "receivedAt": iso(start + datetime.timedelta(minutes=7 * n)), "channel": "hotline",
                    "text": TEXTS[n % 3].format(n=n), "complainant": {"name": f"游客{n}", "phone": f"1390000{n:04d}"},
                    "product": "AU-8D-0612", "departure": "2026-06-12"}
            ids.append(call("POST", "/v1/complaints", body, expect=201).json()["id"])
        for _ in range(200):
            warnings = call("GET", "/v1/warnings").json()["items"]
            if warnings:
                break
            time.sleep(0.1)
        assert warnings, "no warning was raised"
        incident = call("POST", "/v1/incidents", {"warningId": warnings[-1]["id"], "at": iso(start + datetime.timedelta(hours=2))},
                        expect=201).json()
        members = {row["complaintId"] for row in call("GET", f"/v1/incidents/{incident['id']}/cases?limit=1000").json()["items"]}
        for complaint in set(ids) - members:
            call("POST", f"/v1/incidents/{incident['id']}/complaints", {"complaintId": complaint})
        cases = call("GET", f"/v1/incidents/{incident['id']}/cases").json()
        assert cases["total"] == 12 and cases["byState"] == {"received": 12} and cases["overdue"] == 12

        # One bulk call acknowledges all twelve
        bulk = call("POST", f"/v1/incidents/{incident['id']}/cases/bulk", {"action": "acknowledge", "all": True}).json()
        assert bulk["changed"] == 12
        assert call("GET", f"/v1/incidents/{incident['id']}/cases").json()["byState"] == {"acknowledged": 12}

        # One case answered, closed and visited with a score
        first = ids[0]
        call("PATCH", f"/v1/complaints/{first}/case", {"state": "answered", "note": "退还差价"})
        call("PATCH", f"/v1/complaints/{first}/case", {"state": "closed"})
        visit = call("POST", f"/v1/complaints/{first}/contacts", {"channel": "phone", "direction": "outbound", "purpose": "follow_up_visit",
                                                                   "summary": "回访，游客表示满意", "satisfaction": 5}, expect=201).json()
        assert visit["case"]["state"] == "closed"
        assert next(d for d in visit["case"]["deadlines"] if d["kind"] == "follow_up_visit")["metAt"] is not None

        # A regulator's referral a month old: its 7 working days ran out with nobody posting anything
        referred = ids[1]
        case = call("PATCH", f"/v1/complaints/{referred}/case",
                    {"referral": {"authority": "12315", "referenceNo": "SH-2026-0042", "receivedAt": iso(start)}}).json()
        authority = next(d for d in case["deadlines"] if d["kind"] == "authority_answer")
        assert authority["authority"] == "12315" and authority["overdue"] is True
        assert call("GET", f"/v1/incidents/{incident['id']}/cases?overdue=true").json()["total"] >= 1

        # The export for regulators: a byte-order mark, Chinese intact, no personal data for pr
        pr = server.run_cli("token", "create", "--role", "pr", "--name", "pr-desk")
        assert pr.returncode == 0, pr.stderr
        exported = call("GET", f"/v1/incidents/{incident['id']}/cases.csv", token=pr.stdout.strip())
        assert exported.headers["content-type"].startswith("text/csv")
        assert exported.content.startswith(b"\xef\xbb\xbf")
        rows = list(csv.DictReader(io.StringIO(exported.content.decode("utf-8-sig"))))
        assert len(rows) == 12
        assert all(row["name"] == "" and row["phone"] == "" for row in rows)
        assert b"1390000" not in exported.content
        assert {row["state"] for row in rows} == {"acknowledged", "closed"}
        assert next(row for row in rows if row["complaint_id"] == str(first))["satisfaction"] == "5"
        full = call("GET", f"/v1/incidents/{incident['id']}/cases.csv").content.decode("utf-8-sig")
        assert "游客0" in full
    finally:
        server.terminate()
