"""Two `swell serve` instances on one PostgreSQL database: shared intake, one detector, takeover on death."""
import json
import os
import subprocess
import time
import uuid
from urllib.parse import urlsplit

import pytest
import requests

from feed_client import open_feed
from swell_process import SwellProcess
from tcp_proxy import TcpProxy

ADMIN_URL = os.environ.get("SWELL_TEST_POSTGRES_URL")
pytestmark = pytest.mark.skipif(not ADMIN_URL, reason="needs SWELL_TEST_POSTGRES_URL (run under scripts/with-postgres)")

TEXTS = [
    "6月12日出发的澳洲8日游，合同写的四星酒店，结果住进了汽车旅馆，要求退还差价",
    "AU-8D-0612团，说好的四星级酒店变成了路边汽车旅馆，要求赔偿",
    "澳洲八日游6月12日团 酒店被降级 四星变成汽车旅馆 旅行社必须给说法",
    "我们6/12出发的澳洲团，酒店和合同不符，四星酒店换成了汽车旅馆，要求退差价",
    "澳洲8天团（6月12日出发）入住的不是合同里的四星酒店，是汽车旅馆",
    "6月12号澳洲团的酒店严重降级，合同四星实际是汽车旅馆，要求退还住宿差价",
]


def psql(url: str, sql: str) -> str:
    return subprocess.run(["psql", url, "-tAc", sql], capture_output=True, text=True, check=True).stdout.strip()


@pytest.fixture
def database_url():
    name = "swell_e2e_" + uuid.uuid4().hex[:10]
    psql(ADMIN_URL, f"CREATE DATABASE {name}")
    base, _, query = ADMIN_URL.partition("?")
    url = base.rsplit("/", 1)[0] + "/" + name + (("?" + query) if query else "")
    yield url
    psql(ADMIN_URL, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def post(server: SwellProcess, n: int, minute: int) -> int:
    body = {"externalId": f"pg-{n}", "receivedAt": f"2026-06-13T{8 + minute // 60:02d}:{minute % 60:02d}:00Z",
            "channel": "web", "text": TEXTS[n % len(TEXTS)] + f"（第{n}位游客）", "complainant": {"phone": f"1390000{n:04d}"}}
    response = requests.post(server.url + "/v1/complaints", headers=server.headers(), json=body, timeout=10)
    assert response.status_code == 201, response.text
    return response.json()["id"]


def wait_placed(server: SwellProcess, ids: list[int], timeout: float = 30) -> dict[int, int]:
    deadline = time.time() + timeout
    placed: dict[int, int] = {}
    while time.time() < deadline and len(placed) < len(ids):
        for complaint in ids:
            if complaint not in placed:
                cluster = requests.get(f"{server.url}/v1/complaints/{complaint}", headers=server.headers(), timeout=10).json().get("clusterId")
                if cluster:
                    placed[complaint] = cluster
        time.sleep(0.1)
    return placed


def test_two_instances_share_the_store_and_the_detector_fails_over(tmp_path, database_url):
    a = SwellProcess(str(tmp_path / "unused-a.sqlite"), extra_args=["--store", database_url]).start()
    b = SwellProcess(str(tmp_path / "unused-b.sqlite"), token=a.token, extra_args=["--store", database_url]).start()
    try:
        first = [post(a if n % 2 else b, n, n * 5) for n in range(6)]
        placed = wait_placed(b, first)
        assert len(placed) == len(first), "complaints posted to either instance are placed once"

        a.kill()  # the first instance held the detector; the second must take over
        later = [post(b, n, 30 + n * 5) for n in range(6, 14)]
        placed_later = wait_placed(b, later, timeout=60)
        assert len(placed_later) == len(later), "the surviving instance took over the detector"

        doubles = psql(database_url, """SELECT complaintId FROM event WHERE type IN ('cluster.created','cluster.updated')
                                        GROUP BY complaintId HAVING COUNT(*) > 1""")
        assert doubles == "", f"complaints placed twice: {doubles}"
        placements = int(psql(database_url, "SELECT COUNT(*) FROM event WHERE type IN ('cluster.created','cluster.updated')"))
        assert placements == 14
        doubled_warnings = psql(database_url, """SELECT clusterId, record FROM warning GROUP BY clusterId, record HAVING COUNT(*) > 1""")
        assert doubled_warnings == ""
        warnings = requests.get(b.url + "/v1/warnings", headers=b.headers(), timeout=10).json()["items"]
        raised = [w for w in warnings if w["kind"] == "raised"]
        assert len({w["clusterId"] for w in raised}) == len(raised), "one raised warning per cluster"

        audit = b.run_cli("audit", "verify", "--store", database_url)
        assert audit.returncode == 0 and "intact" in audit.stdout, audit.stdout + audit.stderr
    finally:
        b.terminate()
        if a.process.poll() is None:
            a.terminate()


def feed_messages_about(ws, complaint_id: int, timeout: float) -> list[dict]:
    """Feed messages until one about `complaint_id` arrives (TimeoutError if none does in time)."""
    deadline = time.time() + timeout
    seen = []
    while True:
        message = json.loads(ws.recv(timeout=max(0.1, deadline - time.time())))
        seen.append(message)
        if message.get("complaintId") == complaint_id:
            return seen


def test_a_complaint_posted_to_one_instance_reaches_a_feed_on_the_other(tmp_path, database_url):
    # Both hubs only poll the log once a minute, so an event can arrive in time only through LISTEN/NOTIFY.
    quiet = dict(os.environ, SWELL_FEED_POLL_SECONDS="60")
    a = SwellProcess(str(tmp_path / "unused-a.sqlite"), extra_args=["--store", database_url], env=quiet).start()
    b = SwellProcess(str(tmp_path / "unused-b.sqlite"), token=a.token, extra_args=["--store", database_url], env=quiet).start()
    try:
        with open_feed(b) as on_b, open_feed(a) as on_a:
            time.sleep(0.5)  # both hubs have started and subscribed
            posted_to_a = post(a, 1, 0)
            messages = feed_messages_about(on_b, posted_to_a, timeout=15)
            assert messages[-1]["type"] == "complaint.received"
            posted_to_b = post(b, 2, 5)
            assert feed_messages_about(on_a, posted_to_b, timeout=15)[-1]["type"] == "complaint.received"
            seqs = [m["seq"] for m in feed_messages_about(on_b, posted_to_b, timeout=15) if m["type"] != "heartbeat"]
            assert seqs == sorted(set(seqs)), "in order, once each"
    finally:
        b.terminate()
        a.terminate()


def test_while_postgres_is_unreachable_requests_get_503_and_nothing_is_lost(tmp_path, database_url):
    address = urlsplit(database_url)
    proxy = TcpProxy(address.hostname, address.port)
    through_proxy = database_url.replace(f"{address.hostname}:{address.port}", f"127.0.0.1:{proxy.port}")
    server = SwellProcess(str(tmp_path / "unused.sqlite"), extra_args=["--store", through_proxy]).start()
    try:
        before = post(server, 1, 0)
        proxy.cut()
        body = {"externalId": "pg-outage", "receivedAt": "2026-06-13T09:00:00Z", "channel": "web", "text": "酒店降级，要求退差价"}
        refused = requests.post(server.url + "/v1/complaints", headers=server.headers(), json=body, timeout=60)
        assert refused.status_code == 503, refused.text
        assert refused.headers["Content-Type"] == "application/problem+json"
        assert refused.headers["Retry-After"].isdigit()
        assert refused.json()["type"] == "urn:swell:problem:store-unavailable"
        assert requests.get(server.url + "/readyz", timeout=30).status_code == 503
        assert requests.get(server.url + "/healthz", timeout=5).status_code == 200, "the process itself is fine"

        proxy.restore()
        deadline = time.time() + 60
        while requests.get(server.url + "/readyz", timeout=30).status_code != 200:
            assert time.time() < deadline, "the store never came back"
            time.sleep(0.5)
        retried = requests.post(server.url + "/v1/complaints", headers=server.headers(), json=body, timeout=30)
        assert retried.status_code == 201, retried.text
        assert requests.get(f"{server.url}/v1/complaints/{before}", headers=server.headers(), timeout=10).status_code == 200
        stored = int(psql(database_url, "SELECT COUNT(*) FROM complaint"))
        assert stored == 2, "the refused complaint is stored once, after the retry"
    finally:
        server.terminate()
        proxy.cut()


def test_shutdown_while_postgres_is_unreachable_does_not_wait_for_a_connection(tmp_path, database_url):
    """Store calls waiting for a connection give up when shutdown begins, instead of holding it for the whole
    10 s lease timeout (the feed hub polls the log every second, so one is always waiting during an outage)."""
    address = urlsplit(database_url)
    proxy = TcpProxy(address.hostname, address.port)
    through_proxy = database_url.replace(f"{address.hostname}:{address.port}", f"127.0.0.1:{proxy.port}")
    server = SwellProcess(str(tmp_path / "unused.sqlite"), extra_args=["--store", through_proxy]).start()
    try:
        post(server, 1, 0)
        proxy.cut()
        assert requests.get(server.url + "/readyz", timeout=30).status_code == 503
        started = time.monotonic()
        assert server.terminate(timeout=30) == 0
        assert time.monotonic() - started < 5, "shutdown waited for the lease timeout"
    finally:
        if server.process.poll() is None:
            server.process.kill()
        proxy.cut()
