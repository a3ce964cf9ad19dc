"""Helpers for driving Swell's live feed and posting complaints in end-to-end tests and the benchmark."""
import base64
import json
import os
import socket
import struct
import threading
import time

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


def open_feed(server, since: int | None = None, token: str | None = None, use_ticket: bool = True,
              params: dict | None = None, **options):
    """A WebSocket on /v1/feed, through a fresh ticket (as a browser would) or a bearer header; `params` adds query
    parameters (`types`, `mode`)."""
    query = [f"{name}={value}" for name, value in (params or {}).items()]
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


class StalledSubscriber:
    """A raw feed socket that completes the WebSocket handshake and then reads nothing, with a tiny receive window.

    Nothing on the client side drains it (a library client would keep reading into its own queue), so once the
    kernel's buffers are full the server's writes to it stall, exactly as with a frozen browser tab.
    """

    def __init__(self, server, receive_buffer: int = 4096, since: int | None = None):
        issued = ticket(server)
        issued.raise_for_status()
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, receive_buffer)
        self.sock.connect(("127.0.0.1", server.port))
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET /v1/feed?ticket={issued.json()['ticket']}{'' if since is None else f'&since={since}'} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                           f"Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                           "Sec-WebSocket-Version: 13\r\n\r\n").encode())
        self.pending = b""
        while b"\r\n\r\n" not in self.pending:
            self.pending += self.sock.recv(4096)
        status, self.pending = self.pending.split(b"\r\n\r\n", 1)
        if not status.startswith(b"HTTP/1.1 101"):
            raise RuntimeError(f"feed upgrade refused: {status!r}")

    def read_to_close(self, timeout: float = 30) -> tuple[list[dict], int, str]:
        """Drains every frame the server buffered: (the data messages, the close code, the close reason)."""
        self.sock.settimeout(timeout)
        messages = []
        while True:
            opcode, payload = self._frame()
            if opcode == 0x8:
                self.sock.close()
                return messages, struct.unpack("!H", payload[:2])[0], payload[2:].decode()
            if opcode == 0x1:
                messages.append(json.loads(payload))

    def _frame(self) -> tuple[int, bytes]:
        head = self._bytes(2)
        opcode, length = head[0] & 0x0F, head[1] & 0x7F  # server frames are never masked
        if length == 126:
            length = struct.unpack("!H", self._bytes(2))[0]
        elif length == 127:
            length = struct.unpack("!Q", self._bytes(8))[0]
        return opcode, self._bytes(length)

    def _bytes(self, count: int) -> bytes:
        while len(self.pending) < count:
            chunk = self.sock.recv(1 << 20)
            if not chunk:
                raise ConnectionError("the server closed the socket without a close frame")
            self.pending += chunk
        data, self.pending = self.pending[:count], self.pending[count:]
        return data


class FeedReader:
    """A subscriber that keeps reading on its own thread, as a healthy dashboard does."""

    def __init__(self, ws):
        self.ws = ws
        self.messages: list[dict] = []
        self.closed = None
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self):
        try:
            for text in self.ws:
                message = json.loads(text)
                if message["type"] != "heartbeat":
                    self.messages.append(message)
        except Exception as error:  # the test looks at why it stopped
            self.closed = error

    def wait_for(self, seq: int, timeout: float = 60) -> list[dict]:
        deadline = time.time() + timeout
        while time.time() < deadline and (not self.messages or self.messages[-1]["seq"] < seq):
            if not self.thread.is_alive():
                raise AssertionError(f"the reader stopped: {self.closed!r}")
            time.sleep(0.05)
        return self.messages


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
