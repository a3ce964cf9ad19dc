#!/usr/bin/env python3
"""Warning commit → webhook delivered, through the real binary and a real local HTTP receiver.

For each of N separate group complaints (its own product, departure and hotel), posts seven complaints, then the
eighth — the one whose placement raises the warning — and measures from the moment that POST was answered (the
complaint is committed; the detector, the notifier and the sender follow the log) to the moment the receiver holds
the signed warning.raised POST. Prints p50, p90, p99 and max.

    SWELL_BINARY=.build/release/swell .build/e2e-venv/bin/python scripts/bench/notify_latency.py --incidents 40
"""
import argparse
import datetime
import os
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "Tests", "e2e"))
import requests  # noqa: E402

from swell_process import SwellProcess  # noqa: E402
from webhook_receiver import Receiver  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=40)
    args = parser.parse_args()
    receiver = Receiver()
    with tempfile.TemporaryDirectory() as folder:
        server = SwellProcess(os.path.join(folder, "swell.sqlite")).start()
        session = requests.Session()
        session.headers.update(server.headers())
        created = session.post(server.url + "/v1/notification-channels",
                               json={"name": "leadership", "kind": "webhook", "settings": {"url": receiver.url}}).json()
        receiver.secret = created["secret"]
        latencies = []
        for incident in range(args.incidents):
            # Every incident its own departure date, product and hotel, so none joins another.
            month, day = 1 + incident // 28 % 12, 1 + incident % 28
            product = f"BN-{incident:03d}-{month:02d}{day:02d}"
            texts = [f"{month}月{day}日出发的{product}团，合同约定的第{incident}号大酒店被换成汽车旅馆，要求退还差价",
                     f"{product}团{month}月{day}日出发，第{incident}号大酒店降级成汽车旅馆，与合同不符",
                     f"投诉！{month}月{day}日{product}，说好的第{incident}号大酒店变成汽车旅馆，我已经投诉到12315"]
            now = datetime.datetime.now(datetime.timezone.utc)
            for n in range(8):
                body = {"externalId": f"bench-{incident}-{n}", "receivedAt": (now - datetime.timedelta(seconds=60 - n)).strftime("%Y-%m-%dT%H:%M:%SZ"),
                        "channel": "web", "text": texts[n % 3], "complainant": {"phone": f"139{incident:04d}{n:04d}"},
                        "product": product, "departure": f"2026-{month:02d}-{day:02d}"}
                response = session.post(server.url + "/v1/complaints", json=body)
                response.raise_for_status()
            committed = time.time()
            deadline = committed + 30
            while time.time() < deadline:
                arrived = [r for r in receiver.accepted() if '"warning.raised"' in r["body"] and f'"clusterId":' in r["body"]]
                if len(arrived) > incident:
                    latencies.append(arrived[incident]["at"] - committed)
                    break
                time.sleep(0.002)
            else:
                print(f"incident {incident}: no delivery within 30 s", file=sys.stderr)
        server.terminate()
    receiver.close()
    signed = all(r["signature_ok"] for r in receiver.accepted())
    latencies.sort()
    def pct(p):
        return latencies[min(len(latencies) - 1, int(round(p / 100 * (len(latencies) - 1))))] * 1000
    print(f"binary: {os.environ.get('SWELL_BINARY', '.build/debug/swell')}")
    print(f"warnings delivered: {len(latencies)} of {args.incidents}; every POST signed correctly: {signed}")
    print(f"commit → delivered ms: p50 {pct(50):.0f}  p90 {pct(90):.0f}  p99 {pct(99):.0f}  max {latencies[-1] * 1000:.0f}  "
          f"mean {statistics.mean(latencies) * 1000:.0f}")


if __name__ == "__main__":
    main()
