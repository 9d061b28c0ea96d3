"""bench.py - a CPU-bound Python workload for tools/bench.sh: recursive calls,
string building, dict and list work, a sort, a little regex, json and zlib.
Deterministic: prints the same lines on every machine."""

import json
import re
import zlib


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def strings(n):
    """Build words, join them, count regex matches and case-fold."""
    words = ["w%d_%x" % (i, (i * 2654435761) % 2**32) for i in range(n)]
    s = " ".join(words)
    hits = sum(len(m) for m in re.findall(r"w\d+_[0-9a-f]*7[0-9a-f]*", s))
    return len(s), hits, s[-20:].upper()


def dicts(n):
    """Hash-table inserts and lookups, a word-frequency count and a sort."""
    x, h, freq, arr = 12345, {}, {}, []
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2**31
        h[x] = i
        k = "k%d" % (x % 1000)
        freq[k] = freq.get(k, 0) + 1
        arr.append(x % 100000)
    hits = sum(1 for i in range(n) if i * 7 in h)
    arr.sort()
    best = max(sorted(freq.items()), key=lambda kv: kv[1])
    return hits, arr[0], arr[n // 2], arr[-1], best


def serialize(n):
    """json round trip and zlib of a nested structure."""
    doc = [{"id": i, "name": "item%d" % i, "tags": ["t%d" % (i % 7), "u%d" % (i % 11)]} for i in range(n)]
    text = json.dumps(doc, sort_keys=True)
    back = json.loads(text)
    packed = zlib.compress(text.encode(), 6)
    return len(text), len(back), zlib.crc32(packed)


print("fib", fib(23))
print("strings", *strings(100000))
print("dicts", *dicts(150000))
print("serialize", *serialize(20000))
