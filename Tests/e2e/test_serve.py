"""`swell serve` as an operator meets it: first-start token, graceful shutdown, the README tour."""
import json
import subprocess
import threading

import requests

from swell_process import BINARY, SwellProcess


def test_first_start_prints_url_and_admin_token_once(tmp_path):
    db = str(tmp_path / "swell.sqlite")
    first = SwellProcess(db).start()
    assert first.token and first.token.startswith("swl_")
    assert f"http://127.0.0.1:{first.port}/" in first.output
    assert first.terminate() == 0

    second = SwellProcess(db, token=first.token).start()
    assert "admin token" not in second.output
    assert requests.get(second.url + "/v1/complaints", headers=second.headers(), timeout=5).status_code == 200
    # the token is stored only as a hash
    with open(db, "rb") as f:
        assert first.token.encode() not in f.read()
    assert second.terminate() == 0


def test_sigterm_lets_in_flight_requests_finish(tmp_path):
    server = SwellProcess(str(tmp_path / "swell.sqlite")).start()
    items = [{"externalId": f"g-{n}", "receivedAt": "2026-07-01T08:15:00Z", "channel": "web",
              "text": "coach broke down for six hours " * 20} for n in range(10000)]
    result = {}

    def post():
        result["response"] = requests.post(server.url + "/v1/complaints/batch", headers=server.headers(),
                                           data=json.dumps(items), timeout=120)

    poster = threading.Thread(target=post)
    poster.start()
    threading.Event().wait(0.3)
    code = server.terminate()
    poster.join()
    assert code == 0
    response = result["response"]
    assert response.status_code == 200
    assert response.json()["created"] == 10000


def test_readme_tour(tmp_path):
    server = SwellProcess(str(tmp_path / "swell.sqlite")).start()
    try:
        h = server.headers()
        body = {"externalId": "hotline-2026-000123", "receivedAt": "2026-07-01T08:15:00Z", "channel": "hotline",
                "text": "酒店与合同不符，说好的四星变成了汽车旅馆", "complainant": {"name": "张三", "phone": "13812345678"},
                "product": "AU-8D-0612", "departure": "2026-06-12", "demand": "退还差价"}
        created = requests.post(server.url + "/v1/complaints", headers=h, json=body, timeout=5)
        assert created.status_code == 201
        again = requests.post(server.url + "/v1/complaints", headers=h, json=body, timeout=5)
        assert again.status_code == 200 and again.json()["id"] == created.json()["id"]
        got = requests.get(server.url + f"/v1/complaints/{created.json()['id']}", headers=h, timeout=5)
        assert got.json()["complainant"]["name"] == "张三"
        listed = requests.get(server.url + "/v1/complaints?product=AU-8D-0612", headers=h, timeout=5)
        assert len(listed.json()["items"]) == 1
        bad = requests.post(server.url + "/v1/complaints", headers=h, json={"externalId": "x", "channel": "fax"}, timeout=5)
        assert bad.status_code == 422
        assert bad.headers["content-type"] == "application/problem+json"
        assert {e["field"] for e in bad.json()["errors"]} == {"receivedAt", "channel", "text"}

        # a PR token sees no personal data
        pr = server.run_cli("token", "create", "--role", "pr", "--name", "pr-desk")
        assert pr.returncode == 0, pr.stderr
        pr_token = pr.stdout.strip()
        masked = requests.get(server.url + f"/v1/complaints/{created.json()['id']}",
                              headers={"Authorization": f"Bearer {pr_token}"}, timeout=5).json()
        assert "complainant" not in masked
    finally:
        server.terminate()


def test_help_lists_the_commands():
    out = subprocess.run([BINARY, "--help"], capture_output=True, text=True).stdout
    for command in ["serve", "import", "token", "audit"]:
        assert command in out


def test_the_binary_alone_in_an_empty_folder_serves_the_dashboard_and_runs_incidents(tmp_path):
    import os
    import shutil

    alone = tmp_path / "install"
    alone.mkdir()
    binary = alone / "swell"
    shutil.copy(BINARY, binary)
    port = __import__("swell_process").free_port()
    process = subprocess.Popen([str(binary), "serve", "--db", "./s.sqlite", "--port", str(port)], cwd=alone,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        token = None
        while True:
            line = process.stdout.readline()
            assert line, "swell exited early"
            if "swl_" in line and token is None:
                token = line.strip().split()[-1] if line.strip().startswith("swl_") else token
            if "listening on" in line:
                break
        url = f"http://127.0.0.1:{port}"
        page = requests.get(url + "/", timeout=5)
        assert page.status_code == 200 and "<html" in page.text
        assert requests.get(url + "/assets/dashboard.js", timeout=5).status_code == 200
        headers = {"Authorization": f"Bearer {token}"}
        for n in range(10):
            body = {"externalId": f"alone-{n}", "receivedAt": "2026-07-01T08:15:00Z", "channel": "web",
                    "text": f"6月12日出发的澳洲团（AU-8D-0612），酒店降级成汽车旅馆，要求退差价 #{n}",
                    "complainant": {"phone": f"1390000{n:04d}"}, "product": "AU-8D-0612", "departure": "2026-06-12"}
            assert requests.post(url + "/v1/complaints", headers=headers, json=body, timeout=5).status_code == 201
        for _ in range(200):
            warnings = requests.get(url + "/v1/warnings", headers=headers, timeout=5).json()["items"]
            if warnings:
                break
            threading.Event().wait(0.1)
        opened = requests.post(url + "/v1/incidents", headers=headers, json={"warningId": warnings[0]["id"]}, timeout=5)
        assert opened.status_code == 201, opened.text
        assert opened.json()["playbook"]["name"] == "group-complaint"
        assert set(os.listdir(alone)) <= {"s.sqlite", "s.sqlite-shm", "s.sqlite-wal", "swell"}, "nothing else is needed or written"
        printed = subprocess.run([str(binary), "playbook", "print-default"], cwd=alone, capture_output=True, text=True, timeout=30)
        assert printed.returncode == 0 and printed.stdout.startswith("# Swell default playbook")
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_json_log_format_writes_one_object_per_line(tmp_path):
    import json as jsonlib
    import signal as signals
    from swell_process import free_port

    port = free_port()
    log = open(tmp_path / "stderr.log", "w")
    import os
    process = subprocess.Popen([os.path.abspath(BINARY), "serve", "--db", str(tmp_path / "s.sqlite"), "--port", str(port), "--log-format", "json"],
                               stdout=subprocess.PIPE, stderr=log, text=True, cwd=tmp_path)
    try:
        for line in process.stdout:
            if "listening on" in line:
                break
        requests.get(f"http://127.0.0.1:{port}/healthz", timeout=5)
    finally:
        process.send_signal(signals.SIGTERM)
        process.wait(timeout=30)
        log.close()
    records = [jsonlib.loads(line) for line in (tmp_path / "stderr.log").read_text().splitlines()]
    assert records, "no log records"
    assert all({"at", "level", "label", "message"} <= set(r) for r in records)
    assert any(r["message"] == "Case store open" and "store" in r.get("metadata", {}) for r in records)
    bad = subprocess.run([BINARY, "serve", "--db", str(tmp_path / "t.sqlite"), "--log-format", "xml"], capture_output=True, text=True)
    assert bad.returncode != 0 and "--log-format must be text or json" in bad.stderr
