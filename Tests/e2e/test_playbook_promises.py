"""The running service keeps the default playbook's promises, on the real binary with its wall clock: signals set
the level the playbook names, orange opens an incident by itself, deadlines come with nothing posted, follow-ups
go overdue, and a client's clock cannot move time."""
import datetime
import os
import time

import requests

from feed_client import FeedReader, open_feed
from swell_process import SwellProcess

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
HOTEL = [
    "{day}出发的澳洲8日游团（AU-8D-0612），合同约定四星酒店，实际入住汽车旅馆，要求退还差价",
    "AU-8D-0612澳洲8日游{day}团，合同写四星酒店却住汽车旅馆，要求退还住宿差价",
    "澳洲8日游{day}出发团AU-8D-0612，四星酒店被换成汽车旅馆，与合同不符，要求退还差价",
    "{day}澳洲8日游（AU-8D-0612）合同约定的四星酒店变成汽车旅馆，要求旅行社退还差价",
]
COACH = [
    "7月3日出发的云南6日游（YN-6D-0703），旅游大巴在高速上抛锚，全团在路边等了六个小时，要求赔偿",
    "YN-6D-0703云南6日游7月3日团，大巴半路抛锚，等了六个小时没人管，要求旅行社赔偿",
    "云南6日游7月3日出发，旅游大巴抛锚，我们在路边等了六个多小时，YN-6D-0703，要求赔偿损失",
]


def now(offset_seconds: float = 0) -> str:
    instant = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=offset_seconds)
    return instant.strftime("%Y-%m-%dT%H:%M:%SZ")


def complaint(key: str, n: int, text: str, product: str, departure: str) -> dict:
    return {"externalId": f"{key}-{n}", "receivedAt": now(-600 + n), "channel": "web", "text": text,
            "complainant": {"name": f"游客{key}{n}", "phone": f"139{abs(hash(key)) % 1000:03d}{n:05d}"},
            "product": product, "departure": departure}


def post(server, path, body, expect=201):
    response = requests.post(server.url + path, headers=server.headers(), json=body, timeout=10)
    assert response.status_code == expect, response.text
    return response.json()


def get(server, path):
    response = requests.get(server.url + path, headers=server.headers(), timeout=10)
    response.raise_for_status()
    return response.json()


def eventually(read, done, timeout=60.0, what="it"):
    deadline = time.time() + timeout
    value = read()
    while not done(value) and time.time() < deadline:
        time.sleep(0.25)
        value = read()
    assert done(value), f"timed out waiting for {what}: {value}"
    return value


def post_orange_group(server, key: str) -> None:
    """Eight people complain about one hotel downgrade and three of them say they went to 12315: orange, which
    opens an incident under the default playbook."""
    for n in range(8):
        text = HOTEL[n % len(HOTEL)].format(day="12月1日") + ("，我已经投诉到12315了" if n in (1, 4, 6) else "")
        post(server, "/v1/complaints", complaint(key, n, text, "AU-8D-1201", "2026-12-01"))


def cluster_warnings(server, cluster):
    return get(server, f"/v1/warnings?clusterId={cluster}")["items"]


def test_signals_and_sizes_set_the_playbooks_level_and_orange_opens_an_incident(tmp_path):
    server = SwellProcess(str(tmp_path / "swell.sqlite")).start()
    try:
        # 8 people complain about one hotel downgrade; three of them say they went to 12315.
        post_orange_group(server, "hotel")
        warnings = eventually(lambda: get(server, "/v1/warnings")["items"], lambda items: any(w["level"] == "orange" for w in items),
                              what="an orange warning")
        orange = next(w for w in warnings if w["level"] == "orange")
        assert any(r["code"] == "signal.regulator_referral" for r in orange["reasons"])
        incidents = eventually(lambda: get(server, "/v1/incidents")["items"], lambda items: len(items) == 1, what="an incident")
        assert incidents[0]["clusterId"] == orange["clusterId"]

        # 15 complainants of a coach breakdown, no signals: yellow.
        for n in range(15):
            post(server, "/v1/complaints", complaint("coach", n, COACH[n % len(COACH)], "YN-6D-0703", "2026-07-03"))
        coach = eventually(lambda: [w for w in get(server, "/v1/warnings")["items"] if w["clusterId"] != orange["clusterId"]],
                           lambda items: any(w["level"] == "yellow" for w in items), what="a yellow warning")
        cluster = coach[0]["clusterId"]
        assert max(w["level"] for w in coach if w["level"] in ("blue", "yellow")) == "yellow"
        assert not any(w["level"] in ("orange", "red") for w in coach)

        # Someone reports people gathering with a banner at the shop: red.
        post(server, "/v1/complaints", complaint("coach", 99, COACH[0] + "。今天大家在门店门口拉横幅讨说法", "YN-6D-0703", "2026-07-03"))
        red = eventually(lambda: cluster_warnings(server, cluster), lambda items: any(w["level"] == "red" for w in items),
                         what="a red warning")
        assert any(r["code"] == "signal.gathering" for w in red if w["level"] == "red" for r in w["reasons"])

        # A client's clock cannot move time; intake carries on.
        refused = requests.post(server.url + "/v1/incidents", headers=server.headers(),
                                json={"clusterId": cluster, "at": "3698-04-17T03:21:22Z"}, timeout=10)
        assert refused.status_code == 422 and "in_future" in refused.text
        post(server, "/v1/complaints", complaint("after", 1, "导游强迫购物", "GZ-3D-0101", "2026-01-01"))
    finally:
        assert server.terminate() == 0


def test_deadlines_and_follow_ups_come_on_the_wall_clock_with_nothing_posted(tmp_path):
    text = open(os.path.join(ROOT, "playbooks", "group-complaint.yaml"), encoding="utf-8").read()
    # A playbook whose safety report is due one minute after opening.
    quick = text.replace("        due: 1h after incident_opened\n      - id: count_affected",
                         "        due: 1m after incident_opened\n      - id: count_affected")
    assert quick != text
    playbook = tmp_path / "quick.yaml"
    playbook.write_text(quick.replace("atLevel: orange", "atLevel: never"), encoding="utf-8")
    server = SwellProcess(str(tmp_path / "swell.sqlite"), extra_args=["--playbook", str(playbook)]).start()
    try:
        for n in range(8):
            post(server, "/v1/complaints", complaint("hotel", n, HOTEL[n % len(HOTEL)].format(day="12月1日"), "AU-8D-1201", "2026-12-01"))
        warning = eventually(lambda: get(server, "/v1/warnings")["items"], lambda items: len(items) > 0, what="a warning")[0]
        feed = FeedReader(open_feed(server))
        incident = post(server, "/v1/incidents", {"warningId": warning["id"]})
        media = post(server, f"/v1/incidents/{incident['id']}/media-contacts",
                     {"outlet": "都市晚报", "channel": "phone", "inquiry": "询问酒店降级", "tone": "negative", "followUpDue": now(60)})

        # Nothing else is posted. Within two minutes the safety report and the follow-up read overdue.
        def tasks():
            return get(server, f"/v1/incidents/{incident['id']}/tasks")["items"]
        def overdue(items):
            by_kind = {t["templateId"]: t for t in items}
            return by_kind["report_safety_emergency"]["overdue"] and by_kind["follow_up"]["overdue"]
        items = eventually(tasks, overdue, timeout=150, what="the overdue deadlines")
        follow_up = next(t for t in items if t["kind"] == "follow_up")
        assert follow_up["contactId"] == media["id"] and follow_up["ownerRole"] == "admin"  # the role that logged it
        messages = eventually(lambda: list(feed.messages), lambda m: sum(e["type"] == "task.overdue" for e in m) >= 2,
                              timeout=30, what="task.overdue on the feed")
        assert {e["data"]["templateId"] for e in messages if e["type"] == "task.overdue"} >= {"report_safety_emergency", "follow_up"}
        summary = get(server, "/v1/summary")
        assert summary["incidents"][0]["overdueTasks"] >= 2
        assert summary["incidents"][0]["followUps"][0]["overdue"] is True
    finally:
        assert server.terminate() == 0


def test_a_dismissed_warning_no_longer_counts_and_acknowledging_records_who_and_when(tmp_path):
    server = SwellProcess(str(tmp_path / "swell.sqlite")).start()
    try:
        for n in range(8):
            post(server, "/v1/complaints", complaint("hotel", n, HOTEL[n % len(HOTEL)].format(day="12月1日"), "AU-8D-1201", "2026-12-01"))
        warning = eventually(lambda: get(server, "/v1/warnings")["items"], lambda items: len(items) > 0, what="a warning")[0]
        assert warning["state"] == "open" and warning["level"] == "blue"
        assert eventually(lambda: get(server, "/v1/summary")["counts"]["openWarnings"], lambda n: n == 1, what="one open warning") == 1

        acknowledged = post(server, f"/v1/warnings/{warning['id']}/acknowledge", {}, expect=200)
        assert acknowledged["state"] == "acknowledged" and acknowledged["acknowledgedBy"] and acknowledged["acknowledgedAt"]
        dismissed = post(server, f"/v1/warnings/{warning['id']}/dismiss", {"reason": "一家人重复投诉，不是群体事件"}, expect=200)
        assert dismissed["state"] == "dismissed" and dismissed["dismissReason"].startswith("一家人")
        assert get(server, "/v1/summary")["counts"]["openWarnings"] == 0
        refused = requests.post(server.url + f"/v1/warnings/{warning['id']}/acknowledge", headers=server.headers(), json={}, timeout=10)
        assert refused.status_code == 409
    finally:
        assert server.terminate() == 0
