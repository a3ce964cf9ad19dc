#!/usr/bin/env python3
"""Ingest benchmark against a running `swell serve` (loopback only; bounded in count and time).

  batch   POST /v1/complaints/batch with N complaints per request from C client threads; prints complaints/s
  single  POST /v1/complaints at a fixed rate (default 200 req/s) for D seconds; prints latency percentiles

Usage: scripts/bench/ingest.py batch  --url http://127.0.0.1:8080 --token swl_… [--total 200000 --batch 1000 --clients 2]
       scripts/bench/ingest.py single --url http://127.0.0.1:8080 --token swl_… [--rate 200 --seconds 30]
"""
import argparse
import json
import threading
import time
import urllib.parse
import http.client

TEXTS = [
    "6月12日出发的澳洲8日游，合同写的四星酒店，结果住进了汽车旅馆，要求退还差价",
    "导游在丽江强迫购物，每个店停留两小时，不买就甩脸色",
    "The coach broke down on the way to the Great Wall and we waited four hours",
    "邮轮上集体食物中毒，十几个人上吐下泻，船方不闻不问",
    "航班取消后旅行社没有安排住宿，老人孩子在机场过夜",
]


def complaint(run: str, n: int) -> dict:
    minute = n // 10
    return {"externalId": f"bench-{run}-{n}", "receivedAt": f"2026-06-{1 + (minute // 1440) % 28:02d}T{(minute // 60) % 24:02d}:{minute % 60:02d}:00Z",
            "channel": "web", "text": TEXTS[n % len(TEXTS)] + f" #{n}", "complainant": {"phone": f"139{n % 100000000:08d}"},
            "product": f"P-{n % 50}"}


def connection(url: str) -> http.client.HTTPConnection:
    parsed = urllib.parse.urlparse(url)
    assert parsed.hostname in ("127.0.0.1", "localhost", "::1"), "loopback only"
    return http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=60)


def batch(args) -> None:
    run = str(int(time.time()))
    bodies = [json.dumps([complaint(run, i) for i in range(start, min(start + args.batch, args.total))]).encode()
              for start in range(0, args.total, args.batch)]
    headers = {"Authorization": f"Bearer {args.token}", "Content-Type": "application/json"}
    lock = threading.Lock()
    stored = [0]

    def worker(chunks):
        conn = connection(args.url)
        for body in chunks:
            conn.request("POST", "/v1/complaints/batch", body=body, headers=headers)
            response = conn.getresponse()
            payload = json.loads(response.read())
            assert response.status == 200, payload
            with lock:
                stored[0] += payload["created"]

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(bodies[i::args.clients],)) for i in range(args.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = time.perf_counter() - started
    print(f"batch ingest: {stored[0]} complaints in {seconds:.2f} s = {stored[0] / seconds:,.0f} complaints/s "
          f"(batches of {args.batch}, {args.clients} clients)")


def single(args) -> None:
    run = str(int(time.time()))
    headers = {"Authorization": f"Bearer {args.token}", "Content-Type": "application/json"}
    conn = connection(args.url)
    latencies = []
    interval = 1.0 / args.rate
    total = int(args.rate * args.seconds)
    next_at = time.perf_counter()
    for n in range(total):
        now = time.perf_counter()
        if now < next_at:
            time.sleep(next_at - now)
        next_at += interval
        body = json.dumps(complaint(run, n)).encode()
        sent = time.perf_counter()
        conn.request("POST", "/v1/complaints", body=body, headers=headers)
        response = conn.getresponse()
        response.read()
        latencies.append((time.perf_counter() - sent) * 1000)
        assert response.status == 201, response.status
    latencies.sort()

    def pct(p):
        return latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))]

    print(f"single POST at {args.rate}/s for {args.seconds}s: n={len(latencies)} p50={pct(50):.2f} ms "
          f"p90={pct(90):.2f} ms p99={pct(99):.2f} ms max={latencies[-1]:.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["batch", "single"])
    parser.add_argument("--url", default="http://127.0.0.1:8080")
    parser.add_argument("--token", required=True)
    parser.add_argument("--total", type=int, default=200_000)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=2)
    parser.add_argument("--rate", type=int, default=200)
    parser.add_argument("--seconds", type=int, default=30)
    args = parser.parse_args()
    batch(args) if args.mode == "batch" else single(args)


if __name__ == "__main__":
    main()
