"""Starts and stops the real `swell` binary for end-to-end tests."""
import os
import re
import signal
import socket
import subprocess
import time

import requests

BINARY = os.environ.get("SWELL_BINARY", ".build/debug/swell")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SwellProcess:
    """One `swell serve` process on a database file; remembers the admin token it printed on first start."""

    def __init__(self, db_path: str, token: str | None = None, extra_args=(), env=None):
        self.db_path = db_path
        self.port = free_port()
        self.token = token
        self.extra_args = list(extra_args)
        self.env = env
        self.process: subprocess.Popen | None = None
        self.output = ""

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 30) -> "SwellProcess":
        self.process = subprocess.Popen(
            [BINARY, "serve", "--db", self.db_path, "--port", str(self.port), *self.extra_args],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=self.env)
        deadline = time.time() + timeout
        while time.time() < deadline:
            line = self.process.stdout.readline()
            if not line:
                raise RuntimeError(f"swell exited early with {self.process.wait()}: {self.output}")
            self.output += line
            match = re.search(r"(swl_[A-Za-z0-9_-]+)", line)
            if match and self.token is None:
                self.token = match.group(1)
            if "listening on" in line:  # the last line of the start-up banner
                break
        self.wait_ready(deadline)
        return self

    def wait_ready(self, deadline: float) -> None:
        while time.time() < deadline:
            try:
                if requests.get(self.url + "/readyz", timeout=1).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.05)
        raise RuntimeError("swell did not become ready")

    def headers(self) -> dict:
        return {"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"}

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def terminate(self, timeout: float = 30) -> int:
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=timeout)

    def run_cli(self, *args) -> subprocess.CompletedProcess:
        target = [] if "--store" in args else ["--db", self.db_path]
        return subprocess.run([BINARY, *args, *target], capture_output=True, text=True, timeout=120)
