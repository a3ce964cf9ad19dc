"""The live feed against the real binary: tickets, replay and resume, role filtering, slow consumers, shutdown."""
import json
import os
import threading
import time

import pytest
import requests
from websockets.exceptions import ConnectionClosed, InvalidStatus

from feed_client import (PERSONAL, FeedReader, StalledSubscriber, complaint, open_feed, post_batch, read_until,
                         ticket)
from swell_process import SwellProcess


def start(tmp_path, **env):
    return SwellProcess(str(tmp_path / "swell.sqlite"), env=dict(os.environ, SWELL_FEED_TICKET_SECONDS="1", **env)).start()


@pytest.fixture
def server(tmp_path):
    process = start(tmp_path)
    yield process
    if process.process.poll() is None:
        process.terminate()


@pytest.fixture
def small_buffer_server(tmp_path):
    """Subscribers may lag 2,048 messages for a second: a reader keeps up with 1,000-complaint batches, a stalled
    one cannot."""
    process = start(tmp_path, SWELL_FEED_BUFFER="2048", SWELL_FEED_SLOW_SECONDS="1")
    yield process
    if process.process.poll() is None:
        process.terminate()


def head(server) -> int:
    """The newest seq, read through an admin replay of the whole log."""
    with open_feed(server, since=0) as ws:
        last = 0
        try:
            while True:
                message = json.loads(ws.recv(timeout=1))
                last = max(last, message.get("seq", 0))
        except TimeoutError:
            return last


def test_tickets_are_single_use_expire_and_explain_refusals(server):
    assert ticket(server, token="swl_forged").status_code == 401
    assert ticket(server, token="swl_forged").headers["Content-Type"] == "application/problem+json"
    assert requests.post(server.url + "/v1/feed/ticket", timeout=5).status_code == 401

    issued = ticket(server).json()
    url = server.url.replace("http://", "ws://") + issued["url"]
    from websockets.sync.client import connect
    with connect(url):
        pass
    with pytest.raises(InvalidStatus) as reused:
        connect(url)
    assert reused.value.response.status_code == 400  # a refused upgrade is a bare 400

    late = ticket(server).json()
    time.sleep(1.3)
    with pytest.raises(InvalidStatus):
        connect(server.url.replace("http://", "ws://") + late["url"])

    with open_feed(server, use_ticket=False):  # a bearer header works for non-browser clients
        pass
    assert requests.get(server.url + "/v1/feed", headers=server.headers(), timeout=5).status_code == 426


def test_resume_across_replay_and_live_has_no_gap_or_duplicate(server):
    post_batch(server, [complaint(n, "pre") for n in range(200)])
    start = head(server)
    stop = threading.Event()
    posted = []

    def keep_posting():
        n = 0
        while not stop.is_set() and n < 60:
            post_batch(server, [complaint(n * 10 + k, "live") for k in range(10)])
            posted.append(n)
            n += 1
            time.sleep(0.01)

    poster = threading.Thread(target=keep_posting)
    poster.start()
    messages = []
    try:
        time.sleep(0.05)
        with open_feed(server, since=50) as ws:  # replay 51…, while new commits keep landing: read as they come
            final = None
            while final is None or not messages or messages[-1]["seq"] < final:
                if final is None and not poster.is_alive():
                    final = head(server)
                try:
                    message = json.loads(ws.recv(timeout=0.5))
                except TimeoutError:
                    continue
                if message["type"] != "heartbeat":
                    messages.append(message)
    finally:
        stop.set()
        poster.join(timeout=60)
    seqs = [m["seq"] for m in messages]
    assert seqs == list(range(51, final + 1)), "every seq once, in order"
    assert final > start + 100
    for message in messages:
        assert set(message) == {"seq", "at", "type", "incidentId", "clusterId", "complaintId", "data"}
        for secret in PERSONAL:
            assert secret not in json.dumps(message, ensure_ascii=False)


def test_token_events_reach_admins_only(server):
    created = server.run_cli("token", "create", "--role", "executive", "--name", "boss")
    assert created.returncode == 0, created.stderr
    executive_token = next(word for word in created.stdout.split() if word.startswith("swl_"))
    post_batch(server, [complaint(n, "roles") for n in range(3)])
    last = head(server)
    with open_feed(server, since=0) as admin:
        admin_types = [m["type"] for m in read_until(admin, last)]
    with open_feed(server, since=0, token=executive_token) as executive:
        executive_messages = read_until(executive, last)
    assert "token.created" in admin_types
    assert all(not m["type"].startswith("token.") for m in executive_messages)
    assert len(executive_messages) == len(admin_types) - admin_types.count("token.created")


def slow_consumer_disconnects(server) -> int:
    metrics = requests.get(server.url + "/metrics", timeout=5).text
    line = next((l for l in metrics.splitlines() if l.startswith('swell_feed_disconnects_total{reason="slow_consumer"}')), None)
    return int(float(line.split()[-1])) if line else 0


def test_a_stalled_subscriber_is_dropped_and_ingest_goes_on(small_buffer_server):
    server = small_buffer_server
    stalled = StalledSubscriber(server)
    with open_feed(server) as ws:
        reader = FeedReader(ws)
        # The kernel absorbs a few megabytes for the stalled socket before the server's writes block; after that it
        # falls behind by more than the 2,048 allowed. Keep ingesting until the server has dropped it.
        batches = 0
        while slow_consumer_disconnects(server) == 0 and batches < 80:
            post_batch(server, [complaint(batches * 1000 + n, "slow", text="团餐不卫生，全团腹泻" * 8) for n in range(1000)])
            batches += 1
        assert slow_consumer_disconnects(server) == 1, f"still connected after {batches} batches"
        post_batch(server, [complaint(n, "after", text="退款迟迟不到账") for n in range(500)])  # ingest goes on
        last = head(server)
        seqs = [m["seq"] for m in reader.wait_for(last)]
        # The detector may still be appending after `last` was read: the reader reached it, with nothing doubled.
        assert last in seqs and len(seqs) == len(set(seqs)), "the reading subscriber kept up, nothing doubled"
        assert reader.thread.is_alive()

    received, code, reason = stalled.read_to_close()
    assert code == 4008
    assert reason.startswith("slow consumer; resume with since=")
    resume_from = int(reason.rsplit("=", 1)[1])
    delivered = [m["seq"] for m in received if m["type"] != "heartbeat"]
    assert delivered and delivered[-1] == resume_from, "the hint names the last event the stalled socket was sent"
    with open_feed(server, since=resume_from) as resumed:
        assert [m["seq"] for m in read_until(resumed, last)] == list(range(resume_from + 1, last + 1))


def test_a_socket_that_stalls_during_a_since_replay_is_dropped_too(small_buffer_server):
    """A dashboard reconnecting with since=0 over a long history, whose tab then freezes: the replay from the store
    stalls on the socket, and the hub drops it like any other stalled subscriber (shutdown would otherwise wait)."""
    server = small_buffer_server
    for batch in range(10):
        post_batch(server, [complaint(batch * 1000 + n, "history", text="团餐不卫生，全团腹泻" * 8) for n in range(1000)])
    stalled = StalledSubscriber(server, since=0)
    # The kernel may absorb the whole replay; history keeps growing until the stalled socket falls behind for good.
    batches = 10
    while slow_consumer_disconnects(server) == 0:
        assert batches < 80, "a socket stalled in its replay was never dropped"
        time.sleep(0.5)
        post_batch(server, [complaint(batches * 1000 + n, "history", text="退团退款迟迟不到账" * 8) for n in range(1000)])
        batches += 1
    # Read the dropped socket at once: the server keeps it open for the close frame only for a grace period (30 s),
    # and replaying the whole history for `head` below can take longer than that on a loaded machine.
    received, code, reason = stalled.read_to_close()
    post_batch(server, [complaint(n, "later", text="退款迟迟不到账") for n in range(10)])
    last = head(server)
    assert code == 4008
    resume_from = int(reason.rsplit("=", 1)[1])
    delivered = [m["seq"] for m in received if m["type"] != "heartbeat"]
    assert delivered == list(range(1, resume_from + 1)), "the hint names the last event the socket was sent"
    with open_feed(server, since=resume_from) as resumed:
        assert [m["seq"] for m in read_until(resumed, last)] == list(range(resume_from + 1, last + 1))


def test_a_reader_gets_through_a_burst_bigger_than_the_buffer(tmp_path):
    """One import of 6,000 complaints puts every socket 6,000 events behind at once; a reader that keeps reading
    works through it (the hub's backlog, then the store) and is not taken for a slow consumer."""
    server = start(tmp_path, SWELL_FEED_BUFFER="2048")
    try:
        with open_feed(server) as ws:
            reader = FeedReader(ws)
            post_batch(server, [complaint(n, "burst", text=f"第{n}位游客：酒店与合同不符") for n in range(6000)])
            last = head(server)
            seqs = [m["seq"] for m in reader.wait_for(last)]
            # The detector may still be appending after `last` was read: check up to it, and no repeats anywhere.
            assert [seq for seq in seqs if seq <= last] == list(range(seqs[0], last + 1)), "every event, in order"
            assert len(seqs) == len(set(seqs)), "and once"
            assert len(seqs) >= 6000
            assert reader.thread.is_alive() and reader.closed is None
        assert slow_consumer_disconnects(server) == 0
        metrics = requests.get(server.url + "/metrics", timeout=5).text.splitlines()
        def value(name: str) -> float:
            return float(next(l for l in metrics if l.startswith(name)).split()[-1])
        # Frames taken from the shared backlog are timed; any the reader had to fetch from the log are not.
        assert value("swell_feed_events_sent_total") >= 6000
        assert 0 < value("swell_feed_send_delay_seconds_count") <= value("swell_feed_events_sent_total")
    finally:
        server.terminate()


def test_sockets_that_want_warnings_are_not_woken_for_every_complaint(server):
    """Ten sockets that asked for warnings while eighty complaints arrive one commit at a time: each gets the warning,
    in log order, and the hub wakes each for the warning's runs only — not, to read and skip, once per commit."""
    watchers = [FeedReader(open_feed(server, params={"types": "warning.*"})) for _ in range(10)]
    for n in range(80):
        item = dict(complaint(n, "watch"), complainant={"phone": f"1390000{n:04d}"})
        post_batch(server, [item])
        time.sleep(0.02)
    deadline = time.time() + 30
    def warned(reader):
        return any(m["type"] == "warning.raised" for m in list(reader.messages))
    while time.time() < deadline and not all(warned(r) for r in watchers):
        time.sleep(0.1)
    for reader in watchers:
        assert warned(reader), "the warning arrives"
        assert {m["type"].split(".")[0] for m in reader.messages} == {"warning"}, "and nothing else"
        assert reader.closed is None
        seqs = [m["seq"] for m in reader.messages]
        assert seqs == sorted(seqs), "in log order"
    metrics = requests.get(server.url + "/metrics", timeout=5).text.splitlines()
    wakeups = sum(float(line.split()[-1]) for line in metrics if line.startswith("swell_feed_wakeups_total"))
    # Woken once per commit, ten sockets would be woken at least 800 times
    assert 0 < wakeups < 10 * 80 / 3, f"{wakeups:.0f} wake-ups"
    for reader in watchers:
        reader.ws.close()


def test_shutdown_closes_sockets_with_going_away(server):
    with open_feed(server) as ws:
        time.sleep(0.2)
        assert server.terminate() == 0
        with pytest.raises(ConnectionClosed) as closed:
            ws.recv(timeout=10)
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 1001
    assert "resume with since=" in closed.value.rcvd.reason
