"""Notifications through the real binary to a real local HTTP receiver: a warning reaches a signed webhook within
seconds, an outage is ridden out with retries and delivered once, and a server killed mid-retry delivers once
after its restart."""
import time

import requests

from swell_process import SwellProcess, free_port
from test_playbook_promises import HOTEL, complaint, eventually, get, post
from webhook_receiver import Receiver


def webhook(server, receiver, name="leadership"):
    created = post(server, "/v1/notification-channels", {"name": name, "kind": "webhook", "settings": {"url": receiver.url}})
    assert created["secret"].startswith("whsec_")
    assert created["settings"]["secret"] == "********"
    receiver.secret = created["secret"]
    listed = get(server, "/v1/notification-channels")["items"]
    assert all("whsec_" not in str(item) for item in listed), "secrets are never returned after creation"
    return created


def orange_burst(server, key="hotel"):
    """Eight people about one hotel, three of whom went to 12315: an orange warning (leadership's rule: yellow up)."""
    for n in range(8):
        text = HOTEL[n % len(HOTEL)].format(day="12月1日") + ("，我已经投诉到12315了" if n in (1, 4, 6) else "")
        post(server, "/v1/complaints", complaint(key, n, text, "AU-8D-1201", "2026-12-01"))


def test_a_warning_reaches_a_signed_webhook_within_seconds(tmp_path):
    receiver = Receiver()
    server = SwellProcess(str(tmp_path / "swell.sqlite")).start()
    try:
        webhook(server, receiver)
        orange_burst(server)
        envelopes = eventually(receiver.envelopes, lambda e: any(m["type"] == "warning.raised" for m in e), timeout=30,
                               what="the warning at the receiver")
        raised = next(m for m in envelopes if m["type"] == "warning.raised")
        assert raised["data"]["level"] == "orange"
        request = next(r for r in receiver.accepted() if '"warning.raised"' in r["body"])
        assert request["signature_ok"], request["headers"].get("swell-signature")
        assert request["headers"]["idempotency-key"].startswith("swell-delivery-")
        assert "张" not in request["body"] and "游客" not in request["body"], "no complainant's name in a notification"
        # Commit to delivery: the warning event's own time is the complaint's; the delivery is stamped on send.
        deliveries = eventually(lambda: get(server, "/v1/deliveries?state=sent")["items"], lambda d: len(d) >= 1, what="a sent delivery")
        assert deliveries[0]["channel"] == "leadership" and deliveries[0]["attempts"] == 1
        # The incident the orange warning opened: notify_leadership is done by the notifier.
        incident = eventually(lambda: get(server, "/v1/incidents")["items"], lambda i: len(i) == 1, what="the incident")[0]
        tasks = eventually(lambda: get(server, f"/v1/incidents/{incident['id']}/tasks")["items"],
                           lambda t: any(x["templateId"] == "notify_leadership" and x["status"] == "done" for x in t),
                           timeout=30, what="notify_leadership done")
        done = next(x for x in tasks if x["templateId"] == "notify_leadership")
        assert done["completedBy"] == "notifier" and "leadership" in done["note"]
        channel = get(server, "/v1/notification-channels")["items"][0]
        assert post(server, f"/v1/notification-channels/{channel['id']}/test", {}, expect=200)["sent"] is True
        assert any('"notification.test"' in r["body"] for r in receiver.accepted())
    finally:
        assert server.terminate() == 0
        receiver.close()


def test_an_outage_is_ridden_out_and_delivered_once(tmp_path):
    receiver = Receiver()
    receiver.fail_until = time.time() + 30  # the receiver answers 503 for 30 s, then 200
    server = SwellProcess(str(tmp_path / "swell.sqlite")).start()
    try:
        webhook(server, receiver)
        orange_burst(server)
        eventually(receiver.accepted, lambda a: any('"warning.raised"' in r["body"] for r in a), timeout=150, what="the delivery after the outage")
        raised = [r for r in receiver.requests if '"warning.raised"' in r["body"]]
        assert len([r for r in raised if r["answered"] == 200]) == 1, "delivered exactly once"
        assert len(raised) >= 3, "retried during the outage"
        assert all(r["answered"] == 503 for r in raised[:-1]) and raised[-1]["at"] - raised[0]["at"] >= 29
        assert len({r["headers"]["idempotency-key"] for r in raised}) == 1, "one idempotency key for every attempt"
        delivery = next(d for d in get(server, "/v1/deliveries")["items"] if d["eventType"] == "warning.raised")
        assert delivery["state"] == "sent" and delivery["attempts"] == len(raised)
        time.sleep(3)
        assert len([r for r in receiver.requests if '"warning.raised"' in r["body"] and r["answered"] == 200]) == 1
    finally:
        assert server.terminate() == 0
        receiver.close()


def test_a_server_killed_mid_retry_delivers_once_after_restart(tmp_path):
    receiver = Receiver()
    receiver.fail_until = time.time() + 3600
    db = str(tmp_path / "swell.sqlite")
    server = SwellProcess(db).start()
    webhook(server, receiver)
    orange_burst(server)
    eventually(lambda: receiver.requests, lambda r: any('"warning.raised"' in x["body"] for x in r), timeout=30, what="a first attempt")
    failed = eventually(lambda: get(server, "/v1/deliveries?state=failed")["items"], lambda d: len(d) >= 1, what="a failed delivery")
    assert failed[0]["lastStatus"] == 503
    server.kill()
    receiver.fail_until = 0
    restarted = SwellProcess(db, token=server.token).start()
    try:
        eventually(receiver.accepted, lambda a: any('"warning.raised"' in r["body"] for r in a), timeout=60, what="the delivery after the restart")
        time.sleep(3)
        assert len([r for r in receiver.accepted() if '"warning.raised"' in r["body"]]) == 1
    finally:
        assert restarted.terminate() == 0
        receiver.close()


def test_a_red_warning_arrives_by_email_at_a_local_smtp_sink(tmp_path):
    import email
    from email import policy

    from aiosmtpd.controller import Controller

    received = []

    class Sink:
        async def handle_DATA(self, server, session, envelope):
            received.append({"to": envelope.rcpt_tos, "message": email.message_from_bytes(envelope.content, policy=policy.default)})
            return "250 OK"

    port = free_port()
    controller = Controller(Sink(), hostname="127.0.0.1", port=port)
    controller.start()
    server = SwellProcess(str(tmp_path / "swell.sqlite")).start()
    try:
        post(server, "/v1/notification-channels", {
            "name": "leadership-email", "kind": "email", "language": "en",
            "settings": {"host": "127.0.0.1", "port": port, "security": "none", "from": "swell@example.com",
                         "to": ["ceo@example.com", "duty@example.com"]}})
        # Eight people fell ill after the group dinner: safety, so red once the cluster warns.
        for n in range(8):
            text = HOTEL[n % len(HOTEL)].format(day="12月1日") + "，晚餐后多人食物中毒住院"
            post(server, "/v1/complaints", complaint("ill", n, text, "AU-8D-1201", "2026-12-01"))
        eventually(lambda: received, lambda r: len(r) >= 1, timeout=30, what="an e-mail at the sink")
        mail = received[0]
        assert sorted(mail["to"]) == ["ceo@example.com", "duty@example.com"]
        assert "warning (red)" in mail["message"]["Subject"]
        assert mail["message"]["Swell-Delivery-Id"]
        parts = {part.get_content_type(): part.get_content() for part in mail["message"].walk() if not part.is_multipart()}
        assert "complainants" in parts["text/plain"] and "<h2" in parts["text/html"]
        assert "游客" not in parts["text/plain"], "no complainant's name in a notification"
        delivery = eventually(lambda: get(server, "/v1/deliveries?channel=leadership-email")["items"],
                              lambda d: d and d[0]["state"] == "sent", what="the e-mail delivery sent")[0]
        assert delivery["attempts"] == 1
    finally:
        assert server.terminate() == 0
        controller.stop()


def test_a_retried_create_with_an_idempotency_key_survives_a_restart(tmp_path):
    db = str(tmp_path / "swell.sqlite")
    server = SwellProcess(db).start()
    body = {"name": "team", "kind": "webhook", "settings": {"url": "http://127.0.0.1:9/hook"}}
    headers = dict(server.headers(), **{"Idempotency-Key": "create-team-1"})
    first = requests.post(server.url + "/v1/notification-channels", headers=headers, json=body, timeout=10)
    assert first.status_code == 201
    assert server.terminate() == 0
    restarted = SwellProcess(db, token=server.token).start()
    try:
        headers = dict(restarted.headers(), **{"Idempotency-Key": "create-team-1"})
        again = requests.post(restarted.url + "/v1/notification-channels", headers=headers, json=body, timeout=10)
        assert again.status_code == 201 and again.json()["id"] == first.json()["id"], "the first answer, not a 409 name-taken"
        assert again.headers.get("Idempotency-Replayed") == "true"
        assert len(get(restarted, "/v1/notification-channels")["items"]) == 1
    finally:
        assert restarted.terminate() == 0
