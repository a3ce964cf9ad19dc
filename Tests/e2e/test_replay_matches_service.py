"""`swell replay` gives the same answer as the running service on the same stream."""
import json
import subprocess
import time

import requests

from swell_process import BINARY, SwellProcess


def partition(assignments: dict[str, int]) -> set[frozenset[str]]:
    groups: dict[int, set[str]] = {}
    for external_id, cluster in assignments.items():
        groups.setdefault(cluster, set()).add(external_id)
    return {frozenset(g) for g in groups.values()}


def test_replay_and_service_agree(tmp_path):
    stream = tmp_path / "stream.ndjson"
    subprocess.run([BINARY, "generate", "--seed", "5", "--incidents", "6", "--background", "250", "--days", "10",
                    "--output", str(stream)], check=True, capture_output=True)
    lines = stream.read_text().splitlines()
    ran = subprocess.run([BINARY, "replay", str(stream)], check=True, capture_output=True, text=True)
    replay = ran.stdout
    # Off a terminal, progress is a few plain lines (the first, at most one every 5 s, the last), never redraws
    assert "\r" not in ran.stderr, ran.stderr[:200]
    progress_lines = [line for line in ran.stderr.splitlines() if "%" in line]
    assert 1 <= len(progress_lines) <= 4, ran.stderr
    assert "replayed" in ran.stderr.splitlines()[-1]
    records = [json.loads(line) for line in replay.splitlines()]
    final = {r["externalId"]: r["clusterId"] for r in records if r["type"] == "final"}
    replay_warnings = {(r["triggeringExternalId"], r["level"], r["kind"]) for r in records if r["type"] == "warning"}
    assert len(final) == len(lines)
    assert replay_warnings, "the generated stream should raise warnings"

    server = SwellProcess(str(tmp_path / "swell.sqlite")).start()
    try:
        response = requests.post(server.url + "/v1/complaints/batch", headers=server.headers(),
                                  data="\n".join(lines), timeout=60)
        assert response.json()["created"] == len(lines)
        service: dict[str, int] = {}
        deadline = time.time() + 60
        while time.time() < deadline:
            service, cursor = {}, None
            while True:
                params = {"limit": 500, **({"cursor": cursor} if cursor else {})}
                page = requests.get(server.url + "/v1/complaints", headers=server.headers(), params=params, timeout=30).json()
                service.update({c["externalId"]: c.get("clusterId") for c in page["items"]})
                cursor = page.get("nextCursor")
                if not cursor:
                    break
            if all(service.values()):
                break
            time.sleep(0.2)
        assert all(service.values()), "the service placed every complaint"
        assert partition(service) == partition(final)

        warnings = requests.get(server.url + "/v1/warnings?limit=1000", headers=server.headers(), timeout=30).json()["items"]
        ids = {}
        page = requests.get(server.url + "/v1/complaints?limit=500", headers=server.headers(), timeout=30).json()
        cursor = page.get("nextCursor")
        items = page["items"]
        while cursor:
            page = requests.get(server.url + "/v1/complaints", params={"limit": 500, "cursor": cursor}, headers=server.headers(), timeout=30).json()
            items += page["items"]
            cursor = page.get("nextCursor")
        ids = {c["id"]: c["externalId"] for c in items}
        service_warnings = {(ids[w["triggeringComplaintId"]], w["level"], w["kind"]) for w in warnings}
        assert service_warnings == replay_warnings
    finally:
        server.terminate()
