#!/usr/bin/env python3
"""A docpipe stage in Python: tags each sentence with policy topics by keyword.

Protocol (docs/external-stages.md): print one handshake line, then read one document per line
on stdin and answer each with one line on stdout (the updated document, or an error record).
Log to stderr only. Standard library only.

Adds:
  layer "topics"      one span per (sentence, topic) with at least one keyword hit;
                      type = topic, attributes: keywords (sorted), hits
  metadata "topics"   the document's topics, sorted by share of sentences (then by name):
                      [{"topic": ..., "sentences": n, "share": 0.1234}]

Options (pipeline.json "options", received as JSON in DOCPIPE_OPTIONS):
  minHits   keyword hits a sentence needs for a topic (default 1)
  maxTopics topics listed in metadata (default 5)
"""
import json
import os
import re
import sys

PROTOCOL = 1
STAGE = "topics"
VERSION = 1  # bump whenever the output for the same input changes

# Topic -> keywords (lowercase; multi-word keywords match consecutive words; a trailing "s"
# of a word in the text is ignored, so "sanction" also matches "sanctions").
TOPICS = {
    "security": ["nuclear", "missile", "weapon", "military", "army", "troop", "defense", "defence",
                 "deterrence", "war", "attack", "terrorism", "nonproliferation", "uranium", "enrichment",
                 "warhead", "iaea", "security council"],
    "economy": ["economy", "economic", "trade", "tariff", "growth", "gdp", "inflation", "market",
                "investment", "export", "import", "budget", "debt", "tax", "sanction", "finance"],
    "human-rights": ["human right", "rights", "refugee", "torture", "prison", "detention", "abuse",
                     "freedom", "defector", "persecution", "humanitarian", "dignity"],
    "diplomacy": ["diplomacy", "diplomatic", "negotiation", "talks", "treaty", "agreement", "summit",
                  "united nation", "ambassador", "dialogue", "alliance", "cooperation"],
    "democracy": ["election", "vote", "democracy", "democratic", "constitution", "parliament",
                  "congress", "liberty", "government"],
    "development": ["development", "poverty", "health", "education", "food", "hunger", "aid",
                    "climate", "environment", "sustainable"],
}

WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


def build_index(topics):
    """First word -> list of (keyword words, topic, keyword)."""
    index = {}
    for topic, keywords in topics.items():
        for keyword in keywords:
            words = [normalize(w) for w in keyword.split()]
            index.setdefault(words[0], []).append((words, topic, keyword))
    return index


def normalize(word):
    word = word.lower()
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word


INDEX = build_index(TOPICS)


def tag_sentence(text):
    """Topic -> sorted keywords found in text, with the number of hits."""
    words = [normalize(m.group(0)) for m in WORD.finditer(text)]
    found = {}
    for i, word in enumerate(words):
        for keyword_words, topic, keyword in INDEX.get(word, ()):
            n = len(keyword_words)
            if keyword_words == words[i:i + n]:
                hits = found.setdefault(topic, {})
                hits[keyword] = hits.get(keyword, 0) + 1
    return found


def process(doc, options):
    text = doc["text"]
    sentences = doc.get("layers", {}).get("sentences")
    if sentences is None:
        # Without a sentence layer, treat the whole text as one "sentence".
        sentences = [{"start": 0, "end": len(text), "type": "sentence"}]
    min_hits = int(options.get("minHits", 1))
    spans = []
    counts = {}
    for sentence in sentences:
        # Offsets are Unicode scalar offsets: Python string indices are the same thing.
        found = tag_sentence(text[sentence["start"]:sentence["end"]])
        for topic in sorted(found):
            hits = sum(found[topic].values())
            if hits < min_hits:
                continue
            spans.append({"start": sentence["start"], "end": sentence["end"], "type": topic,
                          "attributes": {"keywords": sorted(found[topic]), "hits": hits}})
            counts[topic] = counts.get(topic, 0) + 1
    total = max(1, len(sentences))
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[: int(options.get("maxTopics", 5))]
    doc.setdefault("layers", {})["topics"] = spans
    doc.setdefault("metadata", {})["topics"] = [
        {"topic": t, "sentences": n, "share": round(n / total, 4)} for t, n in ranked
    ]
    return doc


def main():
    options = json.loads(os.environ.get("DOCPIPE_OPTIONS") or "{}")
    out = sys.stdout
    out.write(json.dumps({"protocol": PROTOCOL, "stage": STAGE, "version": VERSION}) + "\n")
    out.flush()
    # Read bytes and decode UTF-8 explicitly: the locale's encoding may be something else.
    for raw in sys.stdin.buffer:
        try:
            doc = json.loads(raw.decode("utf-8"))
        except ValueError as e:
            out.write(json.dumps({"error": {"code": "topics.bad-input", "message": str(e)}}) + "\n")
            out.flush()
            continue
        try:
            result = process(doc, options)
            out.write(json.dumps(result, sort_keys=True) + "\n")
        except Exception as e:  # one bad document must not stop the worker
            print(f"topics: {doc.get('id')}: {e!r}", file=sys.stderr, flush=True)
            out.write(json.dumps({"error": {"code": "topics.failed", "message": repr(e)}}) + "\n")
        out.flush()


if __name__ == "__main__":
    main()
