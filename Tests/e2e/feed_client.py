"""Helpers for driving Swell's live feed and posting complaints in end-to-end tests and the benchmark."""
import json
import socket

import requests
from websockets.sync.client import connect

PERSONAL = ("张三", "13812345678", "zhang@example.com")


def complaint(n: int, prefix: str = "e2e", text: str = "酒店与合同不符，说好的四星变成了汽车旅馆", at: str = "2026-07-01T08:15:00Z") -> dict:
    return {"externalId": f"{prefix}-{n}", "receivedAt": at, "channel": "hotline", "text": f"{text} #{n}",
            "complainant": {"name": "张三", "phone": "13812345678", "email": "zhang@example.com"},
            "product": "AU-8D-0612", "departure": "2026-06-12", "demand": "退还差价"}


def post_batch(server, items) -> requests.Response:
    response = requests.post(server.url + "/v1/complaints/batch", headers=server.headers(), data=json.dumps(items), timeout=120)
    response.raise_for_status()
    return response


def ticket(server, token: str | None = None) -> requests.Response:
    headers = {"Authorization": f"Bearer {token or server.token}"}
    return requests.post(server.url + "/v1/feed/ticket", headers=headers, timeout=10)


def open_feed(server, since: int | None = None, token: str | None = None, use_ticket: bool = True, **options):
    """A WebSocket on /v1/feed, through a fresh ticket (as a browser would) or a bearer header."""
    query = []
    headers = {}
    if use_ticket:
        response = ticket(server, token)
        response.raise_for_status()
        query.append("ticket=" + response.json()["ticket"])
    else:
        headers["Authorization"] = f"Bearer {token or server.token}"
    if since is not None:
        query.append(f"since={since}")
    url = server.url.replace("http://", "ws://") + "/v1/feed" + ("?" + "&".join(query) if query else "")
    return connect(url, additional_headers=headers, open_timeout=10, **options)


def small_receive_buffer_socket(server, size: int = 4096) -> socket.socket:
    """A connected socket with a tiny receive window, so a client that stops reading backs up quickly."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, size)
    sock.connect(("127.0.0.1", server.port))
    return sock


def read_until(ws, last_seq: int, timeout: float = 30) -> list[dict]:
    """Messages (heartbeats left out) until one with seq >= last_seq arrives."""
    messages = []
    while True:
        message = json.loads(ws.recv(timeout=timeout))
        if message["type"] == "heartbeat":
            continue
        messages.append(message)
        if message["seq"] >= last_seq:
            return messages
