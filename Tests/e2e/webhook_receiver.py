"""A local HTTP receiver for Swell's notifications: records every request, verifies `Swell-Signature`, and can be
told to answer with an error for a while (an outage) before it answers 200."""
import hashlib
import hmac
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Receiver:
    def __init__(self, secret: str | None = None):
        self.secret = secret
        self.requests: list[dict] = []
        self.fail_until = 0.0
        self.fail_status = 503
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                failing = time.time() < receiver.fail_until
                record = {"path": self.path, "headers": {k.lower(): v for k, v in self.headers.items()}, "body": body.decode("utf-8"),
                          "at": time.time(), "answered": receiver.fail_status if failing else 200,
                          "signature_ok": receiver.verify(self.headers.get("Swell-Signature"), body)}
                with receiver.lock:
                    receiver.requests.append(record)
                self.send_response(record["answered"])
                if failing:
                    self.send_header("Retry-After", "1")
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(b'{"ok": true}')

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/hook"

    def verify(self, header: str | None, body: bytes) -> bool:
        """The scheme documented in the README: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">, within 5 minutes."""
        if not header or not self.secret:
            return False
        parts = dict(item.split("=", 1) for item in header.split(","))
        expected = hmac.new(self.secret.encode(), f"{parts['t']}.".encode() + body, hashlib.sha256).hexdigest()
        return hmac.compare_digest(expected, parts["v1"]) and abs(time.time() - int(parts["t"])) < 300

    def accepted(self) -> list[dict]:
        with self.lock:
            return [r for r in self.requests if r["answered"] == 200]

    def envelopes(self) -> list[dict]:
        return [json.loads(r["body"]) for r in self.accepted()]

    def close(self):
        self.server.shutdown()
