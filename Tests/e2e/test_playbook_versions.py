"""Playbook versions on the real binary: every version that ran is kept in the store and served; an edited
playbook whose version was not changed stops the start with a message that says what to do; an incident opened
under version 1 is still judged by version 1 after the server restarts on version 2."""
import os
import subprocess

import requests

from swell_process import BINARY, SwellProcess
from test_playbook_promises import eventually, get, post_orange_group

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CATEGORIES = "rootCauseCategories: [supplier, guide, transport, hotel, contract_sales, communication, other]"


def test_versions_are_kept_served_and_pinned(tmp_path):
    with open(os.path.join(ROOT, "playbooks", "group-complaint.yaml"), encoding="utf-8") as f:
        version_1 = f.read()
    assert 'version: "1"' in version_1 and CATEGORIES in version_1
    playbook = tmp_path / "playbook.yaml"
    playbook.write_text(version_1, encoding="utf-8")
    db = str(tmp_path / "swell.sqlite")

    # Version 1 runs; an incident opens under it (orange: eight people, three went to 12315)
    server = SwellProcess(db, extra_args=["--playbook", str(playbook)]).start()
    try:
        post_orange_group(server, "pin")
        incident = eventually(lambda: get(server, "/v1/incidents")["items"], lambda items: len(items) == 1, what="an incident")[0]
        versions = get(server, "/v1/playbooks")["items"]
        assert [(v["version"], v["current"], v["incidents"]) for v in versions] == [("1", True, 1)]
        assert "content" not in versions[0]
        raw = requests.get(server.url + "/v1/playbooks/1?format=yaml", headers=server.headers(), timeout=10)
        assert raw.status_code == 200 and raw.headers["content-type"].startswith("application/yaml")
        assert raw.text == version_1
        assert get(server, "/v1/playbooks/1")["content"] == version_1
        missing = requests.get(server.url + "/v1/playbooks/9", headers=server.headers(), timeout=10)
        assert missing.status_code == 404 and missing.headers["content-type"].startswith("application/problem+json")
    finally:
        assert server.terminate() == 0

    # The file is edited but keeps version 1: the server refuses to start and says what to do
    playbook.write_text(version_1.replace(CATEGORIES, "rootCauseCategories: [supplier, other]"), encoding="utf-8")
    refused = subprocess.run([BINARY, "serve", "--db", db, "--port", "0", "--playbook", str(playbook)],
                             capture_output=True, text=True, timeout=60)
    assert refused.returncode != 0
    assert "group-complaint version 1" in refused.stderr and "change `version:`" in refused.stderr, refused.stderr

    # With a new version it starts; both versions are listed, and the incident is still judged by version 1
    playbook.write_text(version_1.replace(CATEGORIES, "rootCauseCategories: [supplier, other]").replace('version: "1"', 'version: "2"'),
                        encoding="utf-8")
    server = SwellProcess(db, token=server.token, extra_args=["--playbook", str(playbook)]).start()
    try:
        versions = get(server, "/v1/playbooks")["items"]
        assert [(v["version"], v["current"], v["incidents"]) for v in versions] == [("1", False, 1), ("2", True, 0)]
        review = {"summary": "地接社擅自降级酒店", "rootCauses": [{"category": "hotel", "text": "合同酒店超售"}]}
        saved = requests.put(f"{server.url}/v1/incidents/{incident['id']}/review", headers=server.headers(), json=review, timeout=10)
        assert saved.status_code == 200, saved.text
    finally:
        assert server.terminate() == 0
