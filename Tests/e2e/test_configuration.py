"""One configuration on the real binary: a YAML file of settings under the environment under the flags, a typo in
it stops the start with its name, and `swell serve --help` lists every setting with its environment name."""
import os
import subprocess
import time

import requests

from swell_process import BINARY, free_port


def start(args, env=None, log=None):
    """Starts `swell serve` and waits for its banner; the server's log goes to the file `log` when given."""
    errors = open(log, "a") if log else subprocess.DEVNULL
    process = subprocess.Popen([BINARY, "serve", *args], stdout=subprocess.PIPE, stderr=errors, text=True,
                               env=dict(os.environ, **(env or {})))
    deadline = time.time() + 30
    banner = ""
    while time.time() < deadline:
        line = process.stdout.readline()
        if not line:
            raise RuntimeError(f"swell exited with {process.wait()}: {banner}")
        banner += line
        if "listening on" in line:
            return process, banner
    raise RuntimeError("no banner")


def test_a_configuration_file_under_the_environment_and_the_flags(tmp_path):
    file_port, env_port = free_port(), free_port()
    config = tmp_path / "swell.yaml"
    config.write_text(f"port: {file_port}\ndb: {tmp_path / 'swell.sqlite'}\nfeed:\n  buffer: 64\nlog:\n  level: warning\n", encoding="utf-8")

    # The file's port and database are used
    process, banner = start(["--config", str(config)])
    try:
        assert f"127.0.0.1:{file_port}/" in banner
        assert requests.get(f"http://127.0.0.1:{file_port}/readyz", timeout=5).status_code == 200
        assert (tmp_path / "swell.sqlite").exists()
    finally:
        process.terminate()
        assert process.wait(timeout=30) == 0

    # The environment wins over the file (SWELL_CONFIG names the file as --config does)
    process, banner = start([], env={"SWELL_CONFIG": str(config), "SWELL_PORT": str(env_port)})
    try:
        assert f"127.0.0.1:{env_port}/" in banner
    finally:
        process.terminate()
        assert process.wait(timeout=30) == 0

    # A typo stops the start and names the key; a bad value names the setting
    config.write_text("feed:\n  bufer: 64\n", encoding="utf-8")
    refused = subprocess.run([BINARY, "serve", "--config", str(config)], capture_output=True, text=True, timeout=30)
    assert refused.returncode != 0 and "unknown setting 'feed_bufer'" in refused.stderr, refused.stderr
    config.write_text("log_level: loud\n", encoding="utf-8")
    refused = subprocess.run([BINARY, "serve", "--config", str(config)], capture_output=True, text=True, timeout=30)
    assert refused.returncode != 0 and "SWELL_LOG_LEVEL must be one of" in refused.stderr, refused.stderr


def test_serve_help_lists_every_setting():
    text = subprocess.run([BINARY, "serve", "--help"], capture_output=True, text=True, timeout=30).stdout
    for name in ["SWELL_STORE", "SWELL_PORT", "SWELL_FEED_BUFFER", "SWELL_FEED_POLL_SECONDS", "SWELL_DASHBOARDS", "SWELL_CONFIG"]:
        assert name in text, name
    assert "file: feed_buffer" in text
