"""A deliberately light feed client for the fan-out benchmark: many WebSocket subscribers in one process on plain
non-blocking sockets and one selector, parsing frame headers by hand. A full client library spends tens of
microseconds per message in Python, which on a shared two-core machine starves the server it is measuring; this one
spends a few. It answers pings, stops on a close frame, and records the delay of every paced ("live-") complaint."""
import base64
import os
import selectors
import socket
import time
from datetime import datetime
from urllib.parse import urlparse

LIVE_MARK = b'"externalId":"live-'
AT_MARK = b'"at":"'


def open_socket(url: str, token: str) -> tuple[socket.socket, bytearray]:
    """Connects and upgrades; returns the socket (non-blocking) and any bytes that came after the 101 response."""
    parts = urlparse(url)
    sock = socket.create_connection((parts.hostname, parts.port), timeout=60)
    key = base64.b64encode(os.urandom(16)).decode()
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    request = (f"GET {target} HTTP/1.1\r\nHost: {parts.hostname}:{parts.port}\r\nUpgrade: websocket\r\n"
               f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
               f"Authorization: Bearer {token}\r\n\r\n")
    sock.sendall(request.encode())
    received = b""
    while b"\r\n\r\n" not in received:
        chunk = sock.recv(4096)
        if not chunk:
            raise ConnectionError("the server closed the connection during the upgrade")
        received += chunk
    head, rest = received.split(b"\r\n\r\n", 1)
    status = head.split(b"\r\n", 1)[0]
    if b" 101 " not in status + b" ":
        raise ConnectionError(f"upgrade refused: {status.decode(errors='replace')}")
    sock.setblocking(False)
    return sock, bytearray(rest)


def masked_pong(payload: bytes) -> bytes:
    mask = os.urandom(4)
    return bytes([0x8A, 0x80 | len(payload)]) + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload))


def commit_time(payload: bytes) -> float:
    start = payload.index(AT_MARK) + len(AT_MARK)
    text = payload[start:payload.index(b'"', start)].decode()
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


class Counts:
    def __init__(self):
        self.frames = 0
        self.delays: list[float] = []
        self.closed = 0


def take_frames(sock: socket.socket, buffer: bytearray, now: float, counts: Counts) -> bool:
    """Consumes every whole frame in `buffer`; False once the server sent a close frame."""
    position = 0
    open_ = True
    while len(buffer) - position >= 2:
        opcode = buffer[position] & 0x0F
        length = buffer[position + 1] & 0x7F
        header = 2
        if length == 126:
            if len(buffer) - position < 4:
                break
            length = int.from_bytes(buffer[position + 2:position + 4], "big")
            header = 4
        elif length == 127:
            if len(buffer) - position < 10:
                break
            length = int.from_bytes(buffer[position + 2:position + 10], "big")
            header = 10
        end = position + header + length
        if len(buffer) < end:
            break
        if opcode == 0x1:
            counts.frames += 1
            payload = bytes(buffer[position + header:end])
            if LIVE_MARK in payload:
                counts.delays.append(now - commit_time(payload))
        elif opcode == 0x9:
            sock.sendall(masked_pong(bytes(buffer[position + header:end])))
        elif opcode == 0x8:
            open_ = False
        position = end
    del buffer[:position]
    return open_


def follow(url: str, token: str, count: int, stop_at: float, started) -> tuple[int, list[float], int]:
    """Opens `count` subscribers, reports how many opened on `started`, reads until `stop_at` or every socket
    closed; returns (opened, delays of the paced complaints, frames received)."""
    selector = selectors.DefaultSelector()
    opened = 0
    for _ in range(count):
        try:
            sock, rest = open_socket(url, token)
        except OSError as error:
            print(f"a subscriber failed to connect: {error!r}", flush=True)
            continue
        selector.register(sock, selectors.EVENT_READ, rest)
        opened += 1
    started.put(opened)
    counts = Counts()
    live = opened
    while live and time.time() < stop_at:
        for key, _ in selector.select(timeout=0.5):
            sock = key.fileobj
            try:
                data = sock.recv(1 << 18)
            except BlockingIOError:
                continue
            except OSError:
                data = b""
            now = time.time()
            if data:
                key.data.extend(data)
                if take_frames(sock, key.data, now, counts):
                    continue
            selector.unregister(sock)
            sock.close()
            live -= 1
    return opened, counts.delays, counts.frames
