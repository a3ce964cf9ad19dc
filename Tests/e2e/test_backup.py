"""Backups of a live store: `swell backup` while batches are being ingested, `swell restore` into a new store, and a
server on the restored store holds every complaint acknowledged before the backup began, with an intact chain."""
import json
import subprocess
import threading
import time

import requests

from swell_process import BINARY, SwellProcess


def batch(start, size):
    return "\n".join(json.dumps({
        "externalId": f"bk-{n}", "receivedAt": "2026-07-01T08:00:00Z", "channel": "web",
        "text": f"酒店与合同不符 #{n}", "complainant": {"phone": f"1390{n:07d}"}}, ensure_ascii=False)
        for n in range(start, start + size)) + "\n"


def test_a_backup_taken_during_ingest_restores_everything_acknowledged_before_it(tmp_path):
    server = SwellProcess(str(tmp_path / "live.sqlite")).start()
    acknowledged = []  # (time the answer came, ids)
    stop = threading.Event()

    def ingest():
        n = 0
        while not stop.is_set() and n < 40_000:
            response = requests.post(server.url + "/v1/complaints/batch", data=batch(n, 500).encode(),
                                     headers={**server.headers(), "Content-Type": "application/x-ndjson"}, timeout=60)
            assert response.status_code == 200, response.text
            acknowledged.append((time.time(), [f"bk-{i}" for i in range(n, n + 500)]))
            n += 500

    writer = threading.Thread(target=ingest)
    try:
        writer.start()
        while len(acknowledged) < 4:
            time.sleep(0.05)
        began = time.time()
        backup = tmp_path / "backup.sqlite"
        result = subprocess.run([BINARY, "backup", "--db", server.db_path, "--to", str(backup)],
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "integrity: ok" in result.stdout and "hash chain: intact" in result.stdout, result.stdout
        stop.set()
        writer.join(timeout=120)
        before = {external for at, ids in acknowledged if at < began for external in ids}
        assert len(before) >= 2000
    finally:
        stop.set()
        assert server.terminate() == 0

    restored = tmp_path / "restored.sqlite"
    result = subprocess.run([BINARY, "restore", "--from", str(backup), "--db", str(restored)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    audit = subprocess.run([BINARY, "audit", "verify", "--db", str(restored)], capture_output=True, text=True, timeout=120)
    assert audit.returncode == 0 and "intact" in audit.stdout, audit.stdout + audit.stderr

    again = SwellProcess(str(restored), token=server.token).start()
    try:
        found = set()
        cursor = None
        while True:
            url = again.url + "/v1/complaints?limit=500" + (f"&cursor={cursor}" if cursor else "")
            page = requests.get(url, headers=again.headers(), timeout=30).json()
            found.update(item["externalId"] for item in page["items"])
            cursor = page.get("nextCursor")
            if not cursor:
                break
        missing = before - found
        assert not missing, f"{len(missing)} acknowledged complaints missing, e.g. {sorted(missing)[:3]}"
    finally:
        assert again.terminate() == 0
