"""Measures Swell's feed fan-out (see scripts/bench-feed). Loopback only; every loop is bounded."""
import argparse
import asyncio
import json
import multiprocessing
import os
import re
import resource
import statistics
import sys
import tempfile
import time
from datetime import datetime

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "Tests", "e2e"))
import requests  # noqa: E402
from websockets.asyncio.client import connect  # noqa: E402

from feed_client import complaint, post_batch  # noqa: E402
from swell_process import BINARY, SwellProcess  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "bench"))
import raw_feed_client  # noqa: E402


def parse_at(text: str) -> float:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


async def subscriber(url: str, token: str, ready: asyncio.Event, opened: list, delays: list, stop_at: float, failed: list, frames: list):
    try:
        await follow(url, token, ready, opened, delays, stop_at, frames)
    except Exception as error:  # noqa: BLE001 - counted and reported
        failed.append(repr(error))


async def follow(url: str, token: str, ready: asyncio.Event, opened: list, delays: list, stop_at: float, frames: list):
    async with connect(url, additional_headers={"Authorization": f"Bearer {token}"}, max_queue=None, open_timeout=60) as ws:
        opened.append(1)
        ready.set()
        while time.time() < stop_at:
            try:
                raw = await asyncio.wait_for(ws.recv(), timeout=max(0.1, stop_at - time.time()))
            except Exception:  # timed out, or the server closed (e.g. slow consumer during the ingest phase)
                break
            now = time.time()
            frames[0] += 1
            if '"externalId":"live-' in raw:  # the paced complaints only
                message = json.loads(raw)
                delays.append(now - parse_at(message["at"]))


def worker(url: str, token: str, count: int, stop_at: float, results, started):
    async def main():
        opened, delays, ready, failed, frames = [], [], asyncio.Event(), [], [0]
        tasks = []
        for _ in range(count):
            tasks.append(asyncio.create_task(subscriber(url, token, ready, opened, delays, stop_at, failed, frames)))
            await asyncio.sleep(0.005)
        while len(opened) + len(failed) < count and time.time() < stop_at:
            await asyncio.sleep(0.05)
        if failed:
            print(f"{len(failed)} subscribers failed to connect, e.g. {failed[0]}", flush=True)
        started.put(len(opened))
        await asyncio.gather(*tasks, return_exceptions=True)
        results.put((len(opened), delays, frames[0]))
    asyncio.run(main())


def raw_worker(url: str, token: str, count: int, stop_at: float, results, started):
    results.put(raw_feed_client.follow(url, token, count, stop_at, started))


def delay_buckets(server) -> dict[float, float]:
    """The server's send-delay histogram (hub read → socket took it): cumulative count per upper bound (seconds)."""
    buckets = {}
    for line in requests.get(server.url + "/metrics", timeout=5).text.splitlines():
        if line.startswith("swell_feed_send_delay_seconds_bucket"):
            bound = line.split('le="', 1)[1].split('"', 1)[0]
            buckets[float("inf") if bound == "+Inf" else float(bound)] = float(line.split()[-1])
    return buckets


def describe_delays(before: dict[float, float], after: dict[float, float]) -> str:
    counts = sorted((bound, after[bound] - before.get(bound, 0)) for bound in after)
    total = counts[-1][1] if counts else 0
    if not total:
        return "no live frames timed"
    def bound_for(share: float) -> str:
        bound = next(b for b, c in counts if c >= share * total)
        return "above the largest bucket" if bound == float("inf") else f"≤ {bound * 1000:.0f} ms"
    within = next((c for b, c in counts if b >= 0.1), total)
    return (f"{total:,.0f} frames timed; p50 {bound_for(0.5)}, p99 {bound_for(0.99)}; "
            f"{within / total:.1%} within 100 ms")


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time a process has used so far (from /proc)."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def counter(server, name: str) -> float:
    text = requests.get(server.url + "/metrics", timeout=5).text
    return sum(float(line.split()[-1]) for line in text.splitlines() if line.startswith(name))


def events_sent(server) -> float:
    return counter(server, "swell_feed_events_sent_total")


def wait_for_sends_to_settle(server, sent_before: float, quiet: float = 1.5, limit: float = 120):
    """Polls the server's own count of frames written until it stops growing: (frames, when it last grew, CPU by then)."""
    last, last_change, cpu = events_sent(server), time.monotonic(), cpu_seconds(server.process.pid)
    deadline = time.monotonic() + limit
    while time.monotonic() - last_change < quiet and time.monotonic() < deadline:
        time.sleep(0.1)
        now_sent = events_sent(server)
        if now_sent != last:
            last, last_change, cpu = now_sent, time.monotonic(), cpu_seconds(server.process.pid)
    return last - sent_before, last_change, cpu


def batch_ingest(server, batches: int, prefix: str) -> float:
    if batches == 0:
        return 0.0
    start = time.monotonic()
    for b in range(batches):
        # Each batch is a group complaint of its own (its own trip), so the loaded phase raises fresh warnings and
        # opens incidents: the events a dashboard must get at once while the counts are summarised.
        # Each from another person: one person's many complaints are not a group complaint.
        post_batch(server, [dict(complaint(b * 1000 + n, prefix, text=f"行程{b}-{n}：导游临时更改行程，增加购物点"), product=f"{prefix.upper()}-{b}",
                                 complainant={"phone": f"139{b:02d}{n:06d}"})
                            for n in range(1000)])
    return batches * 1000 / (time.monotonic() - start)


def dashboard_choice() -> str:
    """The feed query the dashboard itself uses (types and mode), read from its script so the two never differ."""
    script = open(os.path.join(os.path.dirname(__file__), "..", "dashboards", "assets", "dashboard.js"), encoding="utf-8").read()
    parts = re.search(r'const FEED_CHOICE = ((?:"[^"]*"\s*\+?\s*)+);', script).group(1)
    return "".join(re.findall(r'"([^"]*)"', parts))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--subscribers", type=int, default=1000)
    parser.add_argument("--rate", type=float, default=20, help="single POSTs per second during the fan-out phase")
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--batches", type=int, default=10, help="batches of 1,000 for the ingest phases")
    parser.add_argument("--processes", type=int, default=2, help="client processes sharing the subscribers")
    parser.add_argument("--client", choices=["raw", "websockets"], default="raw",
                        help="raw: light hand-parsed sockets (default); websockets: the websockets library")
    parser.add_argument("--dashboard", action="store_true",
                        help="subscribe as the dashboard does: its event types, complaint events as counts (mode=summary)")
    parser.add_argument("--types", help="subscribe to these event types only (e.g. 'warning.*,incident.*'), every event of them")
    args = parser.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, args.subscribers * 2 + 256)), hard))

    with tempfile.TemporaryDirectory() as folder:
        server = SwellProcess(os.path.join(folder, "bench.sqlite")).start()
        try:
            print(f"binary {BINARY}; {args.subscribers} subscribers in {args.processes} {args.client} client processes", flush=True)
            baseline = batch_ingest(server, args.batches, "base")
            print(f"ingest, no subscribers: {baseline:,.0f} complaints/s", flush=True)

            url = server.url.replace("http://", "ws://") + "/v1/feed"
            if args.dashboard:
                url += "?" + dashboard_choice()
                print(f"subscribing as the dashboard: {url}", flush=True)
            elif args.types:
                url += "?types=" + args.types
                print(f"subscribing to {args.types}: {url}", flush=True)
            stop_at = time.time() + 60 + args.seconds + 60
            results, started = multiprocessing.Queue(), multiprocessing.Queue()
            per = [args.subscribers // args.processes + (1 if i < args.subscribers % args.processes else 0) for i in range(args.processes)]
            target = raw_worker if args.client == "raw" else worker
            procs = [multiprocessing.Process(target=target, args=(url, server.token, n, stop_at, results, started)) for n in per]
            for p in procs:
                p.start()
            connected = sum(started.get(timeout=120) for _ in procs)
            gauge = next(line for line in requests.get(server.url + "/metrics", timeout=5).text.splitlines()
                         if line.startswith("swell_feed_subscribers "))
            print(f"connected {connected}; server reports {gauge}", flush=True)

            posted = 0
            cpu_before = cpu_seconds(server.process.pid)
            sent_before = events_sent(server)
            buckets_before = delay_buckets(server)
            begin = time.monotonic()
            session = requests.Session()
            while time.monotonic() - begin < args.seconds:
                due = begin + posted / args.rate
                time.sleep(max(0, due - time.monotonic()))
                body = json.dumps(complaint(posted, "live", text=f"第{posted}号投诉：退团退款迟迟不到账"))
                session.post(server.url + "/v1/complaints", headers=server.headers(), data=body, timeout=10).raise_for_status()
                posted += 1
            posted_at = time.monotonic()
            print(f"posted {posted} complaints at {args.rate}/s", flush=True)
            sent, drained_at, cpu_after = wait_for_sends_to_settle(server, sent_before)
            paced_cpu = cpu_after - cpu_before
            paced_wall = drained_at - begin
            server_lag = drained_at - posted_at
            server_delays = describe_delays(buckets_before, delay_buckets(server))
            loaded_buckets = delay_buckets(server)
            loaded_sent = events_sent(server)
            loaded_wakeups = counter(server, "swell_feed_wakeups_total")
            loaded_cpu = cpu_seconds(server.process.pid)
            loaded = batch_ingest(server, args.batches, "loaded")
            print(f"ingest, {connected} subscribers: {loaded:,.0f} complaints/s"
                  + (f" ({loaded / baseline:.0%} of ingest with none)" if baseline else ""), flush=True)
            loaded_frames, _, loaded_cpu_after = wait_for_sends_to_settle(server, loaded_sent)
            wakeups = counter(server, "swell_feed_wakeups_total") - loaded_wakeups
            print(f"during that ingest: {loaded_frames:,.0f} messages written, {wakeups:,.0f} session wake-ups, "
                  f"server CPU {loaded_cpu_after - loaded_cpu:.1f} s; "
                  f"send delay of the events sent as themselves (warnings, incidents…): "
                  f"{describe_delays(loaded_buckets, delay_buckets(server))}", flush=True)
            time.sleep(3)
            disconnects = [line for line in requests.get(server.url + "/metrics", timeout=5).text.splitlines()
                           if line.startswith("swell_feed_disconnects_total")]
            server.terminate()
            delays, frames = [], 0
            for _ in procs:
                _, part, received = results.get(timeout=180)
                delays.extend(part)
                frames += received
            for p in procs:
                p.join(timeout=30)
        finally:
            if server.process.poll() is None:
                server.terminate()

    live = sorted(delays)
    expected = connected * posted
    print(f"deliveries of the {posted} paced complaints: {len(live):,} of {expected:,}")
    if len(live) > 1:
        q = statistics.quantiles(live, n=100)
        print(f"commit → subscriber delay: p50 {q[49]*1000:.1f} ms, p99 {q[98]*1000:.1f} ms, max {live[-1]*1000:.1f} ms")
    print(f"frames received by all subscribers: {frames:,} ({frames / max(connected, 1):.0f} each)")
    print(f"server: wrote {sent:,.0f} event frames; its last write came {server_lag:.1f} s after the last POST")
    print(f"server-side send delay (hub read → socket took it): {server_delays}")
    print(f"server CPU from first POST to last write: {paced_cpu - 0:.1f} s over {paced_wall:.1f} s wall"
          + (f", {paced_cpu / sent * 1e6:.1f} µs per frame written" if sent else ""))
    print("disconnects: " + (", ".join(disconnects) if disconnects else "none"))


if __name__ == "__main__":
    main()
