"""The numbers the rules left: a date written as a fraction, an age or a badge's number.

The rules take a number by its form ("03/14/1989", "617-555-0100") or by a cue they know
("DOB", "MRN", "age"). A number with neither is left, and most such numbers in a note are
what they look like: a score, a dose, a count. Some are not: "no acute risk at last contact
4/9", "Tran, Kimberly T2210, 29, Navy vet", "Cst. Lindqvist #1187". Whether one is depends
on its neighbours, as with the words context.py weighs, so a third logistic model of the
same kind weighs them, fitted on the annotated sets by bench/deid/train_context.py.

It weighs a unit: a run of numbers left by every rule and by the word models, joined by
one slash, hyphen, full stop or colon ("4/9", "9.19.23", "14-15"), scored as a whole and
masked as a whole, with the type its type model gives. It leaves what the rules leave on
purpose whatever its neighbours (left_on_purpose): a half, a third or a quarter ("Took 1/2
tab"), a fraction after a score's or a scale's name ("PHQ 9/27", "strength 4/5") or before
what it is a part of ("3/8 of the dose", "2/7 tabs"), the number of a thing's name ("I-95",
"PHQ-9") and a statute's chapter or section ("G.L. c. 123 § 12"); and, since its threshold
went to 0.1 (2026-12-05), a ratio's value, a dose's amount, a murmur's grade, a grade out
of five, a count, a series of readings, a test's value after its numbered name and a time on
the 24-hour clock (see left_on_purpose).

Besides its neighbours, the model reads the field a unit fills ("Chart: 0091-44782") and
whether the same number is in a span found elsewhere in the note.
"""

from alcove.deidentify.engine.compiled import regex
from alcove.deidentify.engine.context import Doc, Feature, Weights, shape
from alcove.deidentify.engine.leftwords import RELATION_WORDS
from alcove.deidentify.engine.lexicon import lexicon
from alcove.deidentify.engine.patterns import NOT_A_DATE_AFTER, PERSONALITY_SCALES, SCORE_BEFORE

# What joins the numbers of one unit: "4/9", "14-15", "9.19.23", "23:10" (a time the
# model leaves, as the annotators do)
LINKS = frozenset("/-.:")
# A number's value, by the ranges that tell a month, a day, an age, a year or a code
BOUNDS = (
    (0, "0"), (12, "1-12"), (31, "13-31"), (99, "32-99"), (999, "100-999"),
    (1899, "1000-1899"), (2100, "year"), (9999, "2101-9999"),
)  # fmt: skip
# A statute's chapter or section: "G.L. c. 123", "§ 12", "Section 8"
STATUTE_BEFORE = regex(r"(?i)(?:\b(?:c|ch|sec|section|art)\.?|\u00a7+)[ \t]*$")
# The word of a measure right before its value
MEASURE_BEFORE = regex(r"(?i)\bratio[ \t:=]*$")
# A dose's word before its amount, a number alone ("Dose now 10"; "doses 4/6" may be a date)
DOSE_BEFORE = regex(r"(?i)\bdoses?(?:[ \t]+(?:now|is))?[ \t:=]*$")
# A murmur's word before its grade out of four or six
MURMUR_BEFORE = regex(r"(?i)\bmurmur[ \t:=]*$")
# A grade out of five after what is graded ("Grip 4/5"; "Grip 4/18" is a date)
GRADED_BEFORE = regex(r"(?i)\b(?:grip|strength|power|tone)[ \t:=]*$")
# A word in lower case and plural right after a number: what it counts ("2 forms")
COUNTED = regex(r"[ \t]+([a-z]{3,}s)\b")
# Words before a time of day
TIME_BEFORE = regex(r"(?i)(?:\b(?:at|by|until|till|from|since|before|after)|@)[ \t]*$")
# Words for a person, after whom a number may be their age ("Pt 58 works nights")
PERSON_WORDS = (
    frozenset("pt pts patient client clt resident member consumer".split()) | RELATION_WORDS
)
# Units of time, after which a number may be an age ("2 years", "6 months")
AGE_UNITS = frozenset("years yrs months mos weeks wks days".split())
# The name of a measure read again and again, before its readings
READINGS_BEFORE = regex(
    r"(?i)\b(?:glucose|bgl?s?|bsl|sugars?|weights?|wts?|readings?|temps?|pulse|hr|sats|"
    r"scores)[ \t:=]*$"
)
# Units of two numbers that may be a month and a day, written these ways
DAY_MONTH = frozenset({"d/d", "d-d", "d.d", "d/d/d", "d-d-d", "d.d.d"})


def numeral_spans(doc: Doc, model: Weights) -> list[tuple[int, int, str]]:
    """(start, end, type) for each unit of numbers the model masks."""
    out = []
    found = found_numbers(doc)
    for i, j in units(doc):
        features = unit_features(doc, i, j, found)
        if model.score(features) > model.cut:
            out.append((doc.spans[i][0], doc.spans[j][1], str(model.kind(features))))
    return out


def found_numbers(doc: Doc) -> set[str]:
    """The numbers in the spans found so far."""
    return {
        w for w, label in zip(doc.lows, doc.labels, strict=True) if label != "O" and w.isdigit()
    }


def units(doc: Doc) -> list[tuple[int, int]]:
    """The first and last token of each run of numbers no span holds, joined by LINKS."""
    out = []
    labels, lows, spans, text = doc.labels, doc.lows, doc.spans, doc.text
    i, last = 0, len(spans) - 1
    while i <= last:
        if labels[i] != "O" or not lows[i].isdigit():
            i += 1
            continue
        j = i
        while (
            j < last
            and labels[j + 1] == "O"
            and lows[j + 1].isdigit()
            and text[spans[j][1] : spans[j + 1][0]] in LINKS
        ):
            j += 1
        if not left_on_purpose(doc, i, j):
            out.append((i, j))
        i = j + 1
    return out


def left_on_purpose(doc: Doc, i: int, j: int) -> bool:
    """Whether the unit is one the rules leave by its form or what comes right before it,
    whatever its context (see the module's docstring)."""
    text, spans, lows = doc.text, doc.spans, doc.lows
    start = spans[i][0]
    if j == i + 1 and text[spans[i][1]] == "/" and _fraction_left(doc, i, j):
        return True
    if i == j and _clock_time(doc, i):
        return True  # a time on the 24-hour clock ("IM given at 2200"; never "at 2200 Elm")
    if i == j and (_counted(doc, i) or (_reading(doc, i) and _in_readings(doc, i))):
        return True  # a count ("2 forms"), or one of a series of readings ("Glucose 101 145")
    if MEASURE_BEFORE.search(text, max(0, start - 12), start):
        return True  # a ratio's value, whatever its form ("Ratio 61/M")
    if i == j and DOSE_BEFORE.search(text, max(0, start - 16), start):
        return True  # a dose's amount ("Dose now 10, then taper")
    if i and spans[i - 1][1] == start - 1 and text[start - 1] == "-" and lows[i - 1].isalpha():
        return True  # the number of a thing's name: "I-95", "PHQ-9"
    if i > 1 and _after_a_named_number(doc, i, j):
        return True  # the value of a thing named so ("CA-125 88"; never "C-31 446 902")
    closed = text[spans[j][1] : spans[j][1] + 1] in (")", "")  # (or left open at the end)
    if i == j and i and text[start - 1] == "(" and closed and lows[i - 1] in PERSONALITY_SCALES:
        return True  # a scale's score after its name: "Depressive (85)"
    return STATUTE_BEFORE.search(text, max(0, start - 12), start) is not None


def _fraction_left(doc: Doc, i: int, j: int) -> bool:
    """A half, a third or a quarter ("Took 1/2 tab"), a score out of its scale's top ("PHQ
    9/27", "strength 4/5", "Berg 38/56") or a part of something ("3/8 of the dose")."""
    text, lows = doc.text, doc.lows
    start, end = doc.spans[i][0], doc.spans[j][1]
    top = int(lows[j])
    if int(lows[i]) < top <= 4:
        return True
    if SCORE_BEFORE.search(text[max(0, start - 16) : start].lower()):
        return True
    if (
        top in (4, 6)
        and int(lows[i]) <= top
        and MURMUR_BEFORE.search(text, max(0, start - 12), start)
    ):
        return True  # a murmur's grade ("Murmur 2/6"; "Murmur 11/4" is a date)
    if top <= 5 and GRADED_BEFORE.search(text, max(0, start - 12), start):
        return True
    if 12 < int(lows[i]) <= top and 31 < top <= 100:
        return True  # a count out of a total no month or day can be ("Berg 38/56"; a case's
        # "SH 442/2024" is no score)
    # (a lab's value may follow a date: "5/6 4.2 L")
    return (
        bool(NOT_A_DATE_AFTER.match(text, end))
        and not text[end : end + 8].lstrip(" \t")[:1].isdigit()
    )


def _counted(doc: Doc, i: int) -> bool:
    """A number before the things it counts, in lower case ("2 forms signed"), but units of
    time, which may make an age ("2 years"), and after a person, whose age it may be ("Pt 58
    works nights", "Son 16 attends")."""
    m = COUNTED.match(doc.text, doc.spans[i][1])
    if m is None or m.group(1) not in lexicon().common or m.group(1) in AGE_UNITS:
        return False
    if i == 0 or doc.text[doc.spans[i - 1][1] : doc.spans[i][0]] != " ":
        return True
    return doc.labels[i - 1] == "O" and doc.lows[i - 1] not in PERSON_WORDS


def _clock_time(doc: Doc, i: int) -> bool:
    """Four digits that make a time of day after "at", "by", "@" and the like, with no
    capitalised word after them (a street's)."""
    low, (start, end) = doc.lows[i], doc.spans[i]
    if len(low) != 4 or int(low[:2]) > 23 or int(low[2:]) > 59:
        return False
    if not TIME_BEFORE.search(doc.text, max(0, start - 8), start):
        return False
    return not doc.text[end : end + 2].lstrip(" ")[:1].isupper()


def _after_a_named_number(doc: Doc, i: int, j: int) -> bool:
    """Whether a space parts the unit from a number joined by a hyphen to a word of two
    letters or more before it, and no number follows it (a phone's groups would)."""
    text, spans, lows = doc.text, doc.spans, doc.lows
    if not lows[i - 1].isdigit() or text[spans[i - 2][1] : spans[i - 1][0]] != "-":
        return False
    named = len(lows[i - 2]) > 1 and lows[i - 2].isalpha()
    return named and text[spans[i - 1][1] : spans[i][0]] == " " and not _number_after(doc, j)


def _number_after(doc: Doc, j: int) -> bool:
    """Whether another number follows the unit's, as a phone's groups do ("PICU-2 555 0147")."""
    if j + 1 >= len(doc.lows) or not doc.lows[j + 1].isdigit():
        return False
    return doc.text[doc.spans[j][1] : doc.spans[j + 1][0]] in (" ", "-")


def _in_readings(doc: Doc, i: int) -> bool:
    """Whether the number is one of a series of readings after their measure's name: three
    or more, parted by a space alone, each of two or three digits, none led by a zero, none
    in a span ("Glucose 101 145 162 188"; never "PEN: 123 456 782")."""
    spans, labels, text = doc.spans, doc.labels, doc.text
    first = last = i
    while first and text[spans[first - 1][1] : spans[first][0]] == " " and _reading(doc, first - 1):
        first -= 1
    while last + 1 < len(spans) and text[spans[last][1] : spans[last + 1][0]] == " ":
        if not _reading(doc, last + 1):
            break
        last += 1
    if last - first < 2 or not all(label == "O" for label in labels[first : last + 1]):
        return False
    return READINGS_BEFORE.search(text, max(0, spans[first][0] - 16), spans[first][0]) is not None


def _reading(doc: Doc, k: int) -> bool:
    low = doc.lows[k]
    return low.isdigit() and 2 <= len(low) <= 3 and low[0] != "0"


def value(number: str) -> str:
    """A number's range (see BOUNDS); "0x" with a leading zero, its length past 9999."""
    if len(number) > 1 and number[0] == "0":
        return "0x"
    n = int(number)
    for bound, name in BOUNDS:
        if n <= bound:
            return name
    return f"L{min(len(number), 12)}"


def unit_features(doc: Doc, i: int, j: int, found: set[str]) -> list[Feature]:
    """The unit's features: its form, its numbers' ranges, its neighbours as
    context.Doc.features gives them (the unit's form paired with the nearest), the field it
    fills, and whether a number of it is in a span elsewhere (found: found_numbers)."""
    text, spans = doc.text, doc.spans
    start, end = spans[i][0], spans[j][1]
    parts = doc.lows[i : j + 1]
    form = "d" + "".join(text[spans[k][1] : spans[k + 1][0]] + "d" for k in range(i, j))
    before = text[spans[i - 1][1] if i else 0 : start]
    after = text[end : spans[j + 1][0] if j < len(spans) - 1 else len(text)]
    pc = before.rstrip(" \t")[-1:] or ("a" if i else "^")
    nc = after.lstrip(" \t")[:1] or ("a" if j < len(spans) - 1 else "$")
    p1, l1, s1 = _side(doc, i - 1)
    p2, l2, _ = _side(doc, i - 2)
    n1, r1, g1 = _side(doc, j + 1)
    n2, r2, _ = _side(doc, j + 2)
    out: list[Feature] = [
        ("u", form), ("un", str(len(parts))), doc.caps, ("pc", pc), ("nc", nc), ("pcnc", pc, nc),
        ("p1", p1), ("p2", p2), ("n1", n1), ("n2", n2),
        ("el1", l1), ("en1", r1), ("el2", l2), ("en2", r2), ("p1sh", s1), ("n1sh", g1),
        ("u_pc", form, pc), ("u_p1", form, p1), ("u_n1", form, n1),
        ("u_el1", form, l1), ("u_en1", form, r1),
        ("lb", "nl" if "\n" in before else "-"), ("la", "nl" if "\n" in after else "-"),
    ]  # fmt: skip
    if any(doc.lows[k] in found for k in range(i, j + 1)):
        out.append(("docmasked",))  # (the same number is in a span elsewhere: "MRN 4471")
    label = _field(text, start)
    if label:
        out.append(("field", label))
        out.append(("u_field", form, label))
    for k, part in enumerate(parts[:4]):
        out.append((f"v{k}", value(part), form))
        out.append((f"n{k}", str(min(len(part), 12))))
    if len(parts) > 1 and form in DAY_MONTH:
        month, day = int(parts[0]), int(parts[1])
        valid = 1 <= month <= 12 and 1 <= day <= 31
        out.append(("md", str(valid), str(month <= day <= 10), form))
        out.append(("den", str(day) if day <= 10 else "more", form))
    return out


def _field(text: str, start: int) -> str:
    """The last word of the field's label the unit is the value of, when a colon before it
    on its line closes one ("Medicaid ID:  MO 1039", "Chart: 0091-44782"), lowered."""
    line = text.rfind("\n", 0, start) + 1
    colon = text.rfind(":", line, start)
    if colon <= line:
        return ""
    words = text[max(line, colon - 24) : colon].split()
    return words[-1].lower() if words and words[-1].isalpha() else ""


def _side(doc: Doc, n: int) -> tuple[str, str, str]:
    """A neighbour's word ("<n>" for a number), label and shape."""
    if 0 <= n < len(doc.spans):
        start, end = doc.spans[n]
        low = doc.lows[n]
        return ("<n>" if low.isdigit() else low), doc.labels[n], shape(doc.text[start:end])
    return "<s>", "BOS", "<s>"
