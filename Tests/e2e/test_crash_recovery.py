"""Kill -9 in the middle of ingest, restart, and find every acknowledged complaint stored exactly once."""
import json
import threading

import requests

from swell_process import SwellProcess


def batch(start: int, size: int) -> list[dict]:
    return [
        {
            "externalId": f"crash-{n}",
            "receivedAt": "2026-07-01T08:15:00Z",
            "channel": "web",
            "text": f"旅游团酒店被降级，要求赔偿 #{n}",
            "complainant": {"phone": f"139{n:08d}"},
        }
        for n in range(start, start + size)
    ]


def all_external_ids(server: SwellProcess) -> list[str]:
    ids, cursor = [], None
    while True:
        params = {"limit": 500, **({"cursor": cursor} if cursor else {})}
        page = requests.get(server.url + "/v1/complaints", headers=server.headers(), params=params, timeout=30).json()
        ids += [item["externalId"] for item in page["items"]]
        cursor = page.get("nextCursor")
        if not cursor:
            return ids


def test_sigkill_mid_stream_loses_nothing_acknowledged(tmp_path):
    db = str(tmp_path / "swell.sqlite")
    server = SwellProcess(db).start()
    acknowledged: list[str] = []
    sent_batches: list[list[dict]] = []
    stop = threading.Event()

    def post_batches():
        start = 0
        session = requests.Session()
        while not stop.is_set():
            items = batch(start, 200)
            sent_batches.append(items)
            start += 200
            try:
                response = session.post(server.url + "/v1/complaints/batch", headers=server.headers(),
                                        data=json.dumps(items), timeout=30)
            except requests.RequestException:
                return  # the server died under us: this batch was not acknowledged
            assert response.status_code == 200, response.text
            body = response.json()
            assert body["created"] == 200
            acknowledged.extend(item["externalId"] for item in items)

    poster = threading.Thread(target=post_batches)
    poster.start()
    while len(acknowledged) < 3000:
        assert poster.is_alive(), "the poster stopped before the kill"
        threading.Event().wait(0.01)
    server.kill()
    stop.set()
    poster.join()

    restarted = SwellProcess(db, token=server.token).start()
    try:
        stored = all_external_ids(restarted)
        assert len(stored) == len(set(stored)), "a complaint was stored twice"
        missing = set(acknowledged) - set(stored)
        assert not missing, f"{len(missing)} acknowledged complaints were lost"
        # Every batch is one transaction: each is stored whole or not at all.
        stored_set = set(stored)
        for items in sent_batches:
            present = [item["externalId"] in stored_set for item in items]
            assert all(present) or not any(present), "a batch was stored in part"

        # The event log's hash chain is intact after the crash.
        audit = restarted.run_cli("audit", "verify")
        assert audit.returncode == 0, audit.stdout + audit.stderr
        # at least one event per stored complaint and the admin token (the detector adds cluster events)
        checked = int(audit.stdout.split("intact: ")[1].split(" events")[0])
        assert checked >= len(stored) + 1, audit.stdout

        # Sending everything again stores only what the crash lost, each exactly once.
        created_again = 0
        for items in sent_batches:
            body = requests.post(restarted.url + "/v1/complaints/batch", headers=restarted.headers(),
                                 data=json.dumps(items), timeout=30).json()
            created_again += body["created"]
        all_sent = {i["externalId"] for b in sent_batches for i in b}
        assert created_again == len(all_sent - stored_set)
        assert sorted(all_external_ids(restarted)) == sorted(all_sent)
    finally:
        restarted.terminate()
