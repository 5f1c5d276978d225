"""Where a name ends, and what the rules left: a last pass that weighs the words no rule took.

The rules find a name, a place or an organisation by a word that ends it, a cue before it or
a list that holds it, and stop where their evidence stops. The words just past that edge are
where many of their misses lie: "dunmore" found after "at" but not its "tire", "Georgia Family
Care" but not its "Plus". Whether such a word goes on with the name depends on several weak
signs at once (its case, its neighbours' words and forms, what the rules made of the words
around it, which dictionaries hold it), and this pass adds them up: a logistic model, with
weights fitted on the annotated sets.

The weights and the threshold are in context_weights.json, fitted by
bench/deid/train_context.py (`make deid-weights`); that script says how the threshold was
chosen and measures the pass on sets it was not fitted on. A word over the threshold joins
the span beside it, with that span's type, when only a space, a hyphen, an apostrophe, "&" or
"of" stands between them; otherwise (after a comma, across a line) it is a span of its own,
of the type a second model of the same features gives.

The near model weighs only words of two letters or more that no rule claimed, beside a word
(not a number) of a name, staff member, place, organisation, address or job that a rule
found. Words of English's closed classes ("her", "the", "may"), credentials ("Ana Ruiz, PA")
and shorthand without a vowel ("st joes nxt wk") are never weighed, but for letters in
capitals right after a place or an organisation ("Oregon DMV", "Stoke North CMHT").

The far model, of the same features and fitted the same way (with its own type model) on
other examples, weighs the words beside no found span (far_spans): an agency by its
letters, a nickname in quotes, a trade the rules have no cue for ('Caller goes by "Storm"').
On notes the weights were not fitted on, it finds nearly two identifier tokens for every
ordinary word it masks. It leaves what the rules' lists say a word is when it is no name
("Crisis Team", "Bell palsy", the generic words of a service's name, care roles, titles) and
what the rules leave by a word's neighbours: leftwords.py holds both (FAR_NEVER,
LeftWords._left_on_purpose). A word whose own features score under the gate is not weighed
further, which keeps the pass cheap.

The near model then looks once more, at the words beside what the two models found that it
has not weighed yet ("Sunrise", found far from every span, then its "Pediatrics").

Last, a third model weighs the numbers every rule and both word models left
(numerals.py), beside the spans found so far.
"""

import marshal
import math
import os
import sys
from bisect import bisect_right
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from functools import cache, lru_cache
from itertools import repeat

from mypy_extensions import mypyc_attr

from alcove.deidentify.engine.allowlist import derived_safe
from alcove.deidentify.engine.cachefiles import cache_contents, cache_write, file_stamp
from alcove.deidentify.engine.compiled import regex
from alcove.deidentify.engine.leftwords import (
    FREQUENT_SURNAME,
    NEVER,
    VOWEL,
    LeftWords,
    far_candidate,
)
from alcove.deidentify.engine.lexicon import lexicon
from alcove.deidentify.engine.native import SOURCES, sha256
from alcove.deidentify.engine.spans import Kind, Span
from alcove.deidentify.engine.tokens import LOWER_BYTES, UPPER_BYTES
from alcove.deidentify.engine.weighttables import WeightTable, weight_shelves

# The tokens the weights were fitted on: runs of ASCII letters and digits (as bench/deid.py
# counts them).
TOKEN = regex(r"[A-Za-z0-9]+")
# Kinds a word beside which is weighed, and whose type a joining word takes.
NAMED = frozenset({"NAME", "STAFF", "ORGANIZATION", "LOCATION", "ADDRESS", "PROFESSION"})
# Kinds whose words, found anywhere in the text, mark a word as found before ("docmasked").
PEOPLE_PLACES = frozenset({"NAME", "STAFF", "ORGANIZATION", "LOCATION"})
OWN_SCORES_KEPT = 1 << 16
LENGTHS = [str(n) for n in range(9)]
RUNS = {c: [f"{c}{n}" for n in range(4)] for c in (False, True)}
# What may stand between a word and the span it joins: "Valley Visiting", "Tri-County",
# "Sunny's", "Heart & Vascular", "Town of".
JOINS = frozenset({" ", "-", "'", "&", " & ", "'s ", " of ", " of the "})


# A feature is a tuple: its template's name, then its value's parts ("w", "valley"),
# ("sh_el1", "Xx", "ORGANIZATION"). The weights file writes it as its parts joined by SEP.
# (Tuples of strings the text already holds hash at C speed; joined strings would be new
# strings, each hashed afresh.)
Feature = tuple[str, ...]
SEP = "\x1f"
# a model's weights: a dict as the weights file gives them (a fit, a test's hand-made model),
# or as the cache holds them (weighttables.py)
Table = dict[Feature, float] | WeightTable


def feature_name(feature: Feature) -> str:
    return SEP.join(feature)


@mypyc_attr(native_class=False)  # (mypyc cannot yet compile from_tables's __new__)
class Weights:
    """The fitted model: feature weights, bias and threshold, and the type model."""

    def __init__(self, raw: dict) -> None:
        self._set(
            raw["bias"],
            _table(raw["weights"]),
            raw["threshold"],
            raw["type_bias"],
            {k: _table(table) for k, table in raw["type_weights"].items()},
            Weights(raw["far"]) if "far" in raw else None,
            raw.get("gate", -math.inf),
            Weights(raw["numeral"]) if "numeral" in raw else None,
        )

    def _set(
        self,
        bias: float,
        weights: "Table",
        threshold: float,
        type_bias: dict[str, float],
        type_weights: "dict[str, Table]",
        far: "Weights | None" = None,
        gate: float = -math.inf,
        numeral: "Weights | None" = None,
    ) -> None:
        self.bias, self.weights, self.threshold = bias, weights, threshold
        # logit of the threshold: a word is masked when its summed weights pass it
        self.cut = math.log(threshold / (1 - threshold))
        self.type_bias, self.type_weights = type_bias, type_weights
        # the model for the words far from any span (None: they are left), and the score of
        # a word's own features under which its context is not weighed (see far_spans)
        self.far, self.gate = far, gate
        # the model for the numbers every rule and word model left (numerals.py; None: left)
        self.numeral = numeral
        # the score of a word's own features, by the word, its shape, the note's case and
        # whether the note has it masked elsewhere (far_spans asks it of most words)
        self.own_scores: dict[tuple[str, str, str, bool], float] = {}

    def tables(self) -> tuple:
        """What from_tables takes, as marshal writes it (strings, dicts and numbers: each
        table of weights as a WeightTable holds it, weighttables.py)."""
        far = self.far.tables() if self.far else None
        numeral = self.numeral.tables() if self.numeral else None
        shelved = {name: _shelved(table) for name, table in self.type_weights.items()}
        tables = self.bias, _shelved(self.weights), self.threshold, self.type_bias, shelved
        return (*tables, far, self.gate, numeral)

    @classmethod
    def from_tables(cls, tables: tuple) -> "Weights":
        """The model from its tables, each table of weights a WeightTable."""
        model = cls.__new__(cls)
        bias, weights, threshold, type_bias, type_weights, far, gate, numeral = tables
        far_model = cls.from_tables(far) if far else None
        numeral_model = cls.from_tables(numeral) if numeral else None
        held: dict[str, Table] = {k: WeightTable(*table) for k, table in type_weights.items()}
        model._set(
            bias,
            WeightTable(*weights),
            threshold,
            type_bias,
            held,
            far_model,
            gate,
            numeral_model,
        )
        return model

    def score(self, features: list[Feature]) -> float:
        return self.bias + sum(map(self.weights.get, features, repeat(0.0)))

    def kind(self, features: list[Feature]) -> Kind:
        best, kind = -math.inf, "NAME"
        for name, bias in self.type_bias.items():
            total = bias + sum(map(self.type_weights[name].get, features, repeat(0.0)))
            if total > best:
                best, kind = total, name
        return Kind(kind)


def _table(named: dict[str, float]) -> dict[Feature, float]:
    return {tuple(name.split(SEP)): weight for name, weight in named.items()}


def _shelved(table: "Table") -> tuple[dict[str, str], int]:
    if isinstance(table, WeightTable):
        return table.shelves, table.size
    return weight_shelves(table)


# The cache's format, in its name: a cache of another format is never read
FORMAT = "near-far-numeral-shelved"
WEIGHTS_FILE = os.path.join(SOURCES, "context_weights.json")


# The module that reads the cached tables: an edit to it (how a table is cut into strings)
# writes a new cache, as an edit to the weights does. (Stamped as this process loaded it.)
HOLDER_STAMP = file_stamp(os.path.join(SOURCES, "weighttables.py"))


@cache
def weights() -> Weights:
    """The fitted model. Its tables are kept in a cache file named for the weights file's
    place, size and time (and weighttables.py's): building them from the JSON takes five
    times as long as reading them back (and hashing the file's megabyte at every start, a
    twentieth of the start)."""
    # (a path beside this file: importlib.resources would add a fiftieth to every start)
    key = f"{file_stamp(WEIGHTS_FILE)}|{HOLDER_STAMP}"
    version = f"py{sys.version_info[0]}{sys.version_info[1]}"
    name = f"deid-weights-{version}-{FORMAT}-{sha256(key.encode()).hexdigest()[:16]}.marshal"
    for cached in cache_contents(name):
        try:
            return Weights.from_tables(marshal.loads(cached))  # noqa: S302 (our own cache)
        except (EOFError, ValueError, TypeError):
            continue
    import json  # (only when the cache is missing: a start need not import it)

    with open(WEIGHTS_FILE, "rb") as handle:
        tables = Weights(json.loads(handle.read())).tables()
    cache_write(name, marshal.dumps(tables), kind="weights")
    return Weights.from_tables(tables)  # (as the cache gives it at the next start)


@lru_cache(maxsize=1 << 16)
def shape(word: str) -> str:
    """Letters and digits as X, x and d, runs collapsed, four at most ("McAdam" -> "XxXx")."""
    out = ""
    for c in word:
        k = "X" if c.isupper() else "x" if c.islower() else "d" if c.isdigit() else c
        if not out.endswith(k):
            out += k
            if len(out) == 4:
                break
    return out


@lru_cache(maxsize=1 << 16)
def flags(word: str) -> tuple[str, ...]:
    """Which of the lexicon's lists hold the (lower-case) word; "derived" when none does but
    the allow-list would vouch for it at run time (allowlist.py); "unk" otherwise."""
    lex = lexicon()
    out = []
    if word in lex.first:
        out.append("first1" if lex.first[word] < 500 else "first2")
    if word in lex.last:
        out.append("last1" if lex.last[word] < FREQUENT_SURNAME else "last2")
    for name, held in (
        ("common", lex.common),
        ("place", lex.places),
        ("safe", lex.safe),
        ("job", lex.jobs),
        ("region", lex.regions),
    ):
        if word in held:
            out.append(name)
    if not out and derived_safe(word, lex):
        out.append("derived")  # shorthand, a listed word's form or parts ("nxt", "dayroom")
    return tuple(out) or ("unk",)


class Doc(LeftWords):
    """A text's tokens with what the rules made of each, and the features of any of them."""

    def __init__(self, text: str, labels: list[str], spans: list[tuple[int, int]]):
        self.text = text
        self.spans = spans
        # (each token's lower case cut from the text's, where lowering kept every offset)
        low = text.lower()
        if len(low) == len(text):
            self.lows = [low[a:b] for a, b in spans]
        else:
            self.lows = [text[a:b].lower() for a, b in spans]
        self.labels = labels  # a span's kind, "KEPT", or "O" (outside every span)
        ascii_ = text.encode("ascii", "ignore")
        upper = len(ascii_) - len(ascii_.translate(None, UPPER_BYTES))
        lower = len(ascii_) - len(ascii_.translate(None, LOWER_BYTES))
        self.caps = ("caps", str(upper > 2 * lower))
        # a note written with capitals where English has them (not all in lower case)
        self.cased = upper * 50 > lower
        self.masked = {
            low for low, label in zip(self.lows, self.labels, strict=True) if label in PEOPLE_PLACES
        }

    def mark(self, found: Sequence[Span]) -> None:
        """Label the tokens each span holds with its kind (what the note masks elsewhere,
        Doc.masked, stays as the rules left it)."""
        _mark(self.spans, self.labels, found)

    def weighed(self) -> list[int]:
        """The words this pass weighs, in order: those beside a found word that pass scored()."""
        near = {k + d for k, label in enumerate(self.labels) if label in NAMED for d in (-1, 1)}
        return [i for i in sorted(near) if 0 <= i < len(self.spans) and self.scored(i)]

    def scored(self, i: int) -> bool:
        """Whether the word is one this pass weighs (see the module's docstring)."""
        low = self.lows[i]
        if self.labels[i] != "O" or len(low) < 2 or not low.isalpha() or low in NEVER:
            return False
        if not VOWEL.search(low) and not self._acronym_after_place(i):
            return False  # shorthand ("nxt", "RM"): no word of a name
        if self._left_beside_a_span(i):
            return False  # (leftwords.py: "Unit 3 West", "Reviewed WA minor consent")
        return self._beside_named(i - 1) or self._beside_named(i + 1)

    def far_words(self) -> list[int]:
        """The words the far model weighs: those the near pass does not (no found word beside
        them) that a name could be made of, and that no list or rule says is something else."""
        labels, lows = self.labels, self.lows
        out = []
        for i, label in enumerate(labels):
            if label != "O":
                continue
            if not far_candidate(lows[i]):
                continue
            if (i and labels[i - 1] in NAMED) or (i + 1 < len(labels) and labels[i + 1] in NAMED):
                continue
            if self._left_on_purpose(i):
                continue
            out.append(i)
        return out

    def own_features(self, i: int) -> list[Feature]:
        """The features of the word alone (its form and the lists that hold it)."""
        start, end = self.spans[i]
        w, sh = self.lows[i], shape(self.text[start:end])
        out: list[Feature] = [("w", w), ("sh", sh), self.caps, ("suf3", w[-3:])]
        out.append(("len", LENGTHS[min(len(w), 8)]))
        for flag in flags(w):
            out.append(("lex", flag))
            out.append(("shlex", sh, flag))
        if w in self.masked:
            out.append(("docmasked",))
        return out

    def _beside_named(self, n: int) -> bool:
        """Whether the word at n is a word of a name, place, organisation, address or job that
        a rule found (not a number: "Bay" before a bed's "12" joins nothing)."""
        return 0 <= n < len(self.labels) and self.labels[n] in NAMED and self.lows[n].isalpha()

    def features(self, i: int, own: list[Feature] | None = None) -> list[Feature]:
        """The word's features, as the weights name them (see bench/deid/train_context.py);
        own: its own_features, when the caller has them already."""
        text, spans, lows, labels = self.text, self.spans, self.lows, self.labels
        last = len(spans) - 1
        start, end = spans[i]
        sh = shape(text[start:end])
        # the nearest character before and after that is no space or tab ("a": a letter)
        before = text[spans[i - 1][1] if i else 0 : start].rstrip(" \t")
        after = text[end : spans[i + 1][0] if i < last else len(text)].lstrip(" \t")
        pc = before[-1] if before else "a" if i else "^"
        nc = after[0] if after else "a" if i < last else "$"
        p1, l1, f1, c1 = self._side(i - 1)
        n1, r1, g1, d1 = self._side(i + 1)
        out = [*own] if own else self.own_features(i)
        out += [
            ("p1", p1), ("n1", n1),
            ("p2", lows[i - 2] if i > 1 else "<s>"), ("n2", lows[i + 2] if i < last - 1 else "<s>"),
            ("p1sh", f1), ("n1sh", g1), ("el1", l1), ("en1", r1),
            ("el2", labels[i - 2] if i > 1 else "BOS"),
            ("en2", labels[i + 2] if i < last - 1 else "BOS"),
            ("pc", pc), ("nc", nc), ("sh_el1", sh, l1), ("sh_en1", sh, r1),
            ("run", RUNS[sh[0] == "X"][c1 + 2 * d1]), ("p1w", p1, sh), ("pc_sh", pc, sh),
        ]  # fmt: skip
        if i:
            out.extend(prefixed("p1lex", p1))
        if i < last:
            out.extend(prefixed("n1lex", n1))
        return out

    def _side(self, n: int) -> tuple[str, str, str, int]:
        """A neighbour's word, label, shape, and whether it is capitalised."""
        if 0 <= n < len(self.spans):
            start, end = self.spans[n]
            form = shape(self.text[start:end])
            return self.lows[n], self.labels[n], form, form[0] == "X"
        return "<s>", "BOS", "<s>", False


@lru_cache(maxsize=1 << 16)
def prefixed(template: str, word: str) -> tuple[Feature, ...]:
    return tuple((template, flag) for flag in flags(word))


def doc_of(text: str, found: list[Span], kept: Sequence[Span] = ()) -> Doc:
    """The text's tokens, each labelled with the kind of the span (if any) it lies in; a span
    the caller keeps (a state, with keep_states) is labelled KEPT, and never scored."""
    spans = [m.span() for m in TOKEN.finditer(text)]
    labels = ["O"] * len(spans)
    _mark(spans, labels, found)
    _mark(spans, labels, kept, "KEPT")
    return Doc(text, labels, spans)


def _mark(
    spans: list[tuple[int, int]], labels: list[str], found: Sequence[Span], label: str = ""
) -> None:
    """Label the tokens each span holds with its kind, or with the label given."""
    if not found:
        return  # (most notes: no state kept, nothing the word models found)
    ends = [end for _, end in spans]
    for span in found:
        i = bisect_right(ends, span.start)  # the first token ending past the span's start
        while i < len(spans) and spans[i][0] < span.end:
            labels[i] = label or str(span.kind)  # (str(): Enum's value is a Python property)
            i += 1


def context_spans(
    text: str,
    found: list[Span],
    kept: Sequence[Span] = (),
    model: Weights | None = None,
) -> list[Span]:
    """Spans for the words the rules left that the context score masks. found: the rules'
    spans; kept: spans the caller keeps unmasked (never scored, never joined); model: other
    weights than the fitted ones (to measure a fit)."""
    model = model or weights()
    doc = doc_of(text, found, kept)
    weighed = doc.weighed()
    out = near_spans(doc, weighed, model)
    if model.far is not None:
        out.extend(far_spans(doc, model.far, model.gate))
    if out:
        # once more beside what this pass found: a name the far model found far from every
        # span ("Sunrise") has its next word weighed too ("Pediatrics")
        doc.mark(out)
        out.extend(near_spans(doc, doc.weighed(), model, set(weighed)))
    if model.numeral is not None:
        # (numerals imports this module's Doc and Weights)
        from alcove.deidentify.engine.numerals import numeral_spans

        doc.mark(out)  # (a number is weighed beside the names found so far)
        out.extend(Span(a, b, Kind(k)) for a, b, k in numeral_spans(doc, model.numeral))
    return out


def near_spans(
    doc: Doc, words: list[int], model: Weights, done: AbstractSet[int] = frozenset()
) -> list[Span]:
    """Spans for the words given (each beside a found span, but those in done, weighed
    already) that the near model masks."""
    out: list[Span] = []
    for i in words:
        if i in done:
            continue
        features = doc.features(i)
        if model.score(features) > model.cut:
            out.append(_joined(doc, i, features, model))
    return out


def far_spans(doc: Doc, far: Weights, gate: float) -> list[Span]:
    """Spans for the words far from every found span that the far model masks, a run of them
    joined into one. A word whose own features score under the gate is not weighed further:
    in the fitted sets, one word in a hundred that the model masks scores under it, and most
    words of a note do (so the pass costs little)."""
    out: list[Span] = []
    last = -2
    scores = far.own_scores
    if len(scores) > OWN_SCORES_KEPT:
        scores.clear()  # (a long-lived process keeps no more than this of its words)
    for i in doc.far_words():
        start, end = doc.spans[i]
        low = doc.lows[i]
        key = (low, shape(doc.text[start:end]), doc.caps[1], low in doc.masked)
        own = scores.get(key)
        if own is None:
            own = scores[key] = far.score(doc.own_features(i))
        if own < gate:
            continue
        features = doc.features(i)
        if far.score(features) <= far.cut:
            continue
        if out and last == i - 1 and doc.text[out[-1].end : start] in JOINS:
            out[-1] = Span(out[-1].start, end, out[-1].kind)
        else:
            out.append(Span(start, end, far.kind(features)))
        last = i
    return out


def _joined(doc: Doc, i: int, features: list[Feature], model: Weights) -> Span:
    """The word's span, typed as the span it joins (and stretched to touch it, so that
    spans_resolve merges the two), or as the type model says."""
    start, end = doc.spans[i]
    for n in (i - 1, i + 1):
        if 0 <= n < len(doc.spans) and doc.labels[n] in NAMED:
            a, b = doc.spans[n]
            gap = doc.text[b:start] if n < i else doc.text[end:a]
            if gap in JOINS:
                return Span(min(start, b), max(end, a), Kind(doc.labels[n]))
    return Span(start, end, model.kind(features))
