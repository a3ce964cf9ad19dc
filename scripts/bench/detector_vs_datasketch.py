"""Detector speed side by side with a peer, on one stream in one run (#19).

Swell's detector (`swell replay`, the real binary, the playbook's detection settings) and datasketch's MinHashLSH
(character 2- and 3-grams, 128 permutations, threshold 0.3, the obvious online loop: query the index, join the most
similar earlier complaint's group if its estimated Jaccard is at least the threshold, else start a group, then insert)
read the same NDJSON stream, each in its own process. Printed: CPU seconds per complaint for both, their ratio, and
each one's peak resident memory (from wait4, so each figure is that process's own).

    python3 scripts/bench/detector_vs_datasketch.py --swell .build-release/release/swell --complaints 200000

Installs datasketch into the test venv (.build/e2e-venv) when it is missing, and runs the peer there."""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
VENV_PYTHON = os.path.join(ROOT, ".build", "e2e-venv", "bin", "python")


def shingles(text: str) -> set:
    folded = "".join(text.lower().split())
    return {folded[i:i + n] for n in (2, 3) for i in range(len(folded) - n + 1)}


def peer(path: str, threshold: float, permutations: int) -> None:
    """The datasketch loop; prints one JSON line with the count of complaints and groups."""
    from datasketch import MinHash, MinHashLSH
    lsh = MinHashLSH(threshold=threshold, num_perm=permutations)
    sketches: dict[str, MinHash] = {}
    group_of: dict[str, int] = {}
    groups = 0
    count = 0
    with open(path, encoding="utf-8") as stream:
        for line in stream:
            complaint = json.loads(line)
            key = complaint["externalId"]
            sketch = MinHash(num_perm=permutations)
            sketch.update_batch([s.encode("utf-8") for s in shingles(complaint["text"])])
            best, best_similarity = None, threshold
            for candidate in lsh.query(sketch):
                similarity = sketch.jaccard(sketches[candidate])
                if similarity >= best_similarity:
                    best, best_similarity = candidate, similarity
            if best is None:
                groups += 1
                group_of[key] = groups
            else:
                group_of[key] = group_of[best]
            lsh.insert(key, sketch)
            sketches[key] = sketch
            count += 1
    print(json.dumps({"complaints": count, "groups": groups}))


def measured(command: list[str]) -> tuple[float, float, int, str]:
    """Runs a command to its end: (CPU seconds, wall seconds, peak RSS in KiB, its stdout)."""
    start = time.monotonic()
    with tempfile.TemporaryFile() as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.monotonic() - start
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{command[0]} failed with {os.waitstatus_to_exitcode(status)}")
    return usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss, text


def ensure_datasketch() -> None:
    if not os.path.exists(VENV_PYTHON):
        raise SystemExit("no test venv: run scripts/setup first (or ./scripts/test)")
    if subprocess.run([VENV_PYTHON, "-c", "import datasketch"], capture_output=True).returncode != 0:
        print("installing datasketch from PyPI into the test venv", flush=True)
        subprocess.run([VENV_PYTHON, "-m", "pip", "install", "-q", "--disable-pip-version-check", "datasketch"], check=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--swell", default=os.path.join(ROOT, ".build-release", "release", "swell"))
    parser.add_argument("--complaints", type=int, default=200_000, help="about this many complaints in the stream")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--peer", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.peer:
        peer(args.peer, threshold=0.3, permutations=128)
        return
    ensure_datasketch()
    with tempfile.TemporaryDirectory() as folder:
        stream = os.path.join(folder, "stream.ndjson")
        incidents = max(40, args.complaints // 5_000)
        subprocess.run([args.swell, "generate", "--seed", str(args.seed), "--incidents", str(incidents),
                        "--background", str(args.complaints - incidents * 15), "--days", "30", "--output", stream], check=True)
        with open(stream, encoding="utf-8") as f:
            count = sum(1 for _ in f)
        print(f"stream: {count:,} complaints, seed {args.seed}", flush=True)

        swell_cpu, swell_wall, swell_rss, _ = measured([args.swell, "replay", stream, "--output", os.path.join(folder, "replay.ndjson")])
        print(f"swell replay: {swell_cpu:.1f} s CPU ({swell_cpu / count * 1e6:.1f} µs per complaint, "
              f"{count / swell_cpu:,.0f} per CPU-second), {swell_wall:.1f} s wall, peak {swell_rss / 1024:.0f} MiB "
              f"({swell_rss * 1024 / count:,.0f} B per complaint)", flush=True)

        peer_cpu, peer_wall, peer_rss, peer_out = measured([VENV_PYTHON, os.path.abspath(__file__), "--peer", stream])
        groups = json.loads(peer_out.strip().splitlines()[-1])["groups"]
        print(f"datasketch MinHashLSH: {peer_cpu:.1f} s CPU ({peer_cpu / count * 1e6:.1f} µs per complaint, "
              f"{count / peer_cpu:,.0f} per CPU-second), {peer_wall:.1f} s wall, peak {peer_rss / 1024:.0f} MiB "
              f"({peer_rss * 1024 / count:,.0f} B per complaint); {groups:,} groups", flush=True)
        print(f"ratio: datasketch spends {peer_cpu / swell_cpu:.1f}× Swell's CPU per complaint; "
              f"its peak memory is {peer_rss / swell_rss:.2f}× Swell's")


if __name__ == "__main__":
    main()
