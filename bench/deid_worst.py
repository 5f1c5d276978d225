"""The de-identification engine on text no note is made of: does its time grow with the text,
or faster?

Run: .venv/bin/python bench/deid_worst.py [--sizes 20000 160000]

How it measures: each kind of text below is made at the two sizes (in characters), from a
fixed random seed, and find_spans runs once on each after one warm-up call (the lexicon and
caches loaded), in this process, timed by the wall clock (time.perf_counter). It prints the
time, the throughput in KB/s of UTF-8 bytes and the growth: the larger time over the
smaller, against the ratio of the sizes. A growth near that ratio is linear; near its square,
quadratic (one such case, a pasted run of one letter, took 2.2 s at 80,000 characters
before the engine bounded the splits it asks of a long word). The texts stand for what a
pasted document, a data blob or a broken export can hold: one word of one letter, runs of
capitals, digits, initials, punctuation, random letters and words, base64, and a page of
names and the places they live in (a third such rule, which typed a place over a name, grew
with the square until it looked its places up by bisection: 15.9 s at 160,000 characters).
"""

import argparse
import base64
import random
import string
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from alcove.deidentify.engine import find_spans


def _random_words(n: int, rng: random.Random) -> str:
    words = []
    while sum(map(len, words)) + len(words) < n:
        words.append("".join(rng.choices(string.ascii_letters, k=rng.randint(1, 9))))
    return " ".join(words)[:n]


def _capitalised_words(n: int, rng: random.Random) -> str:
    pool = ["Mary", "Smith", "JONES", "Hospital", "of", "the", "St.", "JT", "Dr."]
    return " ".join(rng.choices(pool, k=n // 5))[:n]


KINDS: dict[str, Callable[[int, random.Random], str]] = {
    "one lower-case letter": lambda n, rng: "a" * n,
    "one capital": lambda n, rng: "A" * n,
    "letters and digits": lambda n, rng: "a1" * (n // 2),
    "base64 on one line": lambda n, rng: base64.b64encode(rng.randbytes(n * 3 // 4)).decode(),
    "capitals and spaces": lambda n, rng: "AB " * (n // 3),
    "initials with stops": lambda n, rng: "A. " * (n // 3),
    "numbers and spaces": lambda n, rng: "1 " * (n // 2),
    "numbers with signs": lambda n, rng: "#1 " * (n // 3),
    "St and spaces": lambda n, rng: "St " * (n // 3),
    "random letters in words": _random_words,
    "capitalised names and words": _capitalised_words,
    "random printable": lambda n, rng: "".join(rng.choices(string.printable, k=n)),
    "names and announced places": lambda n, rng: "Kevin Smith lives in Reno. " * (n // 27),
    "dotted letters": lambda n, rng: "Smith, " + "M.D." * (n // 4) + " noted",
}


def timed(text: str) -> float:
    start = time.perf_counter()
    find_spans(text)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=(20_000, 160_000))
    small, large = parser.parse_args().sizes
    find_spans("Seen by Dr. Ana Ruiz on 3/4/2024.")  # (the lexicon and caches loaded)
    print(f"sizes {small:,} and {large:,} characters: linear growth {large / small:.1f}x")
    for name, make in KINDS.items():
        texts = [make(size, random.Random(size)) for size in (small, large)]  # noqa: S311
        seconds = [timed(text) for text in texts]
        kb = len(texts[1].encode()) / 1024
        print(
            f"  {name:<28} {seconds[0] * 1000:8.1f} ms {seconds[1] * 1000:9.1f} ms"
            f"  {kb / seconds[1]:6.0f} KB/s  growth {seconds[1] / seconds[0]:5.1f}x"
        )


if __name__ == "__main__":
    main()
