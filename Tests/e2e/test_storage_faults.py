"""Storage faults on the real binary, on a small tmpfs of its own (needs root to mount; skipped with the reason
elsewhere): a full disk answers 503 with Retry-After and loses nothing acknowledged, and intake works again once
space is freed; a store on a read-only file system is not ready and refuses writes with 503, and the same process
takes writes again once the file system is writable (SQLite opened the file read-only; Swell opens it anew)."""
import os
import sqlite3
import subprocess
import time

import pytest
import requests

from swell_process import free_port
from test_configuration import start


def mount_tmpfs(path, size):
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    os.makedirs(path, exist_ok=True)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", path], capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"this machine does not allow a tmpfs mount here: {mounted.stderr.strip()}")


def batch(prefix, start_at, size=100):
    return [{"externalId": f"{prefix}-{start_at + n}", "receivedAt": "2026-12-01T08:00:00Z", "channel": "web",
             "text": f"第{start_at + n}位游客：酒店与合同不符，说好的四星变成了汽车旅馆，要求退还差价。" * 8,
             "complainant": {"phone": f"139{start_at + n:08d}"}} for n in range(size)]


def eventually(check, timeout=20.0):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if check():
            return True
        time.sleep(0.25)
    return False


def server_log(path, lines=40):
    """The end of the server's log, for a failure message: the answer alone does not say what SQLite reported."""
    with open(path, encoding="utf-8", errors="replace") as f:
        return "\n" + "".join(f.readlines()[-lines:])


def test_a_full_disk_and_a_read_only_file_system(tmp_path):
    mount = str(tmp_path / "mnt")
    log = str(tmp_path / "swell.log")
    mount_tmpfs(mount, "6m")
    process = None
    try:
        filler = os.path.join(mount, "filler")
        with open(filler, "wb") as f:
            f.write(b"\0" * (2 << 20))
        db = os.path.join(mount, "swell.sqlite")
        port = free_port()
        process, banner = start(["--db", db, "--port", str(port)], log=log)
        token = banner.split("created. It is shown only this once:\n  ", 1)[1].split("\n", 1)[0].strip()
        url = f"http://127.0.0.1:{port}"
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}

        # Ingest until the disk is full: every batch is either stored whole or refused with 503 and Retry-After
        acknowledged, refused = [], None
        for n in range(200):
            items = batch("full", n * 100)
            answer = requests.post(f"{url}/v1/complaints/batch?atomic=true", headers=headers, json=items, timeout=30)
            if answer.status_code == 200:
                acknowledged += [item["externalId"] for item in items]
                continue
            refused = answer
            break
        assert refused is not None, "the disk never filled"
        assert refused.status_code in (503, 507), refused.text + server_log(log)
        assert refused.headers["content-type"].startswith("application/problem+json")
        assert int(refused.headers["retry-after"]) > 0

        # Space freed (the filler goes and the file system grows, so the detector catching up on what was stored
        # cannot take it all back): intake works again without a restart
        os.remove(filler)
        subprocess.run(["mount", "-o", "remount,size=32m", mount], check=True)
        retried = batch("after", 0, size=10)
        answers = []
        assert eventually(lambda: answers.append(
            requests.post(f"{url}/v1/complaints/batch", headers=headers, json=retried, timeout=30)) or answers[-1].status_code == 200), \
            f"{answers[-1].status_code}: {answers[-1].text[:300]}" + server_log(log)
        connection = sqlite3.connect(db)
        try:
            stored = {row[0] for row in connection.execute("SELECT externalId FROM complaint")}
        finally:
            connection.close()
        assert set(acknowledged) <= stored, f"{len(set(acknowledged) - stored)} acknowledged complaints lost"
        assert {item["externalId"] for item in retried} <= stored
        # Stopped hard, as a crash or a forced remount would: the WAL and its index stay beside the database, which
        # SQLite needs to open a WAL database on a read-only file system at all
        process.kill()
        process.wait(timeout=30)
        process = None

        # A read-only file system: not ready, writes refused; writable again: the same process takes writes
        subprocess.run(["mount", "-o", "remount,ro", mount], check=True)
        process, _ = start(["--db", db, "--port", str(port)], log=log)
        assert requests.get(f"{url}/readyz", timeout=10).status_code == 503, server_log(log)
        refused = requests.post(f"{url}/v1/complaints", headers=headers, json=batch("ro", 0, 1)[0], timeout=10)
        assert refused.status_code == 503 and int(refused.headers["retry-after"]) > 0, refused.text + server_log(log)
        assert requests.get(f"{url}/v1/complaints?limit=1", headers=headers, timeout=10).status_code == 200, "reads go on" + server_log(log)
        # While the background followers keep trying (and the store keeps trying to open the file anew, once a
        # second), no request meets a raw SQLite error: writes are 503, reads are answered or 503, never 500
        answered = set()
        deadline = time.time() + 4
        while time.time() < deadline:
            answered.add(("POST", requests.post(f"{url}/v1/complaints", headers=headers, json=batch("ro", 1, 1)[0], timeout=10).status_code))
            answered.add(("GET", requests.get(f"{url}/v1/complaints?limit=5", headers=headers, timeout=10).status_code))
            answered.add(("GET", requests.get(f"{url}/v1/clusters", headers=headers, timeout=10).status_code))
        assert answered <= {("POST", 503), ("GET", 200), ("GET", 503)}, f"{answered}" + server_log(log)
        subprocess.run(["mount", "-o", "remount,rw", mount], check=True)
        assert eventually(lambda: requests.get(f"{url}/readyz", timeout=10).status_code == 200), server_log(log)
        assert requests.post(f"{url}/v1/complaints", headers=headers, json=batch("rw", 0, 1)[0], timeout=10).status_code == 201, server_log(log)
    finally:
        if process is not None and process.poll() is None:
            process.terminate()
            process.wait(timeout=30)
        subprocess.run(["mount", "-o", "remount,rw", mount], capture_output=True)
        subprocess.run(["umount", mount], capture_output=True)
