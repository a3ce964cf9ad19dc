"""`swell migrate-store` copies a SQLite store into PostgreSQL, verified, and Swell carries on there."""
import os
import subprocess
import time
import uuid

import pytest
import requests

from swell_process import BINARY, SwellProcess
from test_postgres_instances import ADMIN_URL, post, psql, wait_placed

pytestmark = pytest.mark.skipif(not ADMIN_URL, reason="needs SWELL_TEST_POSTGRES_URL (run under scripts/with-postgres)")


def test_copy_sqlite_to_postgres_and_continue(tmp_path):
    db = str(tmp_path / "swell.sqlite")
    server = SwellProcess(db).start()
    ids = [post(server, n, n * 5) for n in range(9)]
    assert len(wait_placed(server, ids)) == len(ids)
    clusters_before = requests.get(server.url + "/v1/clusters", headers=server.headers(), timeout=10).json()["items"]
    assert server.terminate() == 0

    name = "swell_copy_" + uuid.uuid4().hex[:10]
    psql(ADMIN_URL, f"CREATE DATABASE {name}")
    base, _, query = ADMIN_URL.partition("?")
    url = base.rsplit("/", 1)[0] + "/" + name + (("?" + query) if query else "")
    try:
        copy = subprocess.run([BINARY, "migrate-store", "--from", "sqlite:" + db, "--to", url],
                              capture_output=True, text=True, timeout=300)
        assert copy.returncode == 0, copy.stdout + copy.stderr
        assert "intact" in copy.stdout and "MISMATCH" not in copy.stdout

        again = subprocess.run([BINARY, "migrate-store", "--from", "sqlite:" + db, "--to", url],
                               capture_output=True, text=True, timeout=300)
        assert again.returncode != 0, "copying into a database that holds data is refused"

        moved = SwellProcess(str(tmp_path / "unused.sqlite"), token=server.token, extra_args=["--store", url]).start()
        try:
            clusters_after = requests.get(moved.url + "/v1/clusters", headers=moved.headers(), timeout=10).json()["items"]
            assert [c["id"] for c in clusters_after] == [c["id"] for c in clusters_before]
            later = post(moved, 20, 200)
            assert later == len(ids) + 1, "new complaints continue the copied ids"
            assert wait_placed(moved, [later])
            audit = moved.run_cli("audit", "verify", "--store", url)
            assert audit.returncode == 0 and "intact" in audit.stdout
        finally:
            moved.terminate()
    finally:
        psql(ADMIN_URL, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
