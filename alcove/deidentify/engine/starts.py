"""Where a pattern's match can start, told to the C matcher so that it skips the rest.

The matcher looks for a match by trying the whole pattern at every position of the text,
unless the code it is given opens with a set of the characters a match can start with: then
it steps over the others in a tight loop, many times faster. Python's `re` works that set
out only when the pattern begins with a character or a set. Most of the engine's busiest
patterns begin instead with a look-ahead ("(?=[A-Z])"), a word boundary or a look-behind,
so `re` gives them none. `starting_set` works it out from the parsed pattern past those
zero-width parts, and `with_start_set` puts it in the code as `re` would have.

The set only lets the matcher skip positions where no match can start: at every other one
the whole pattern is still tried, so the matches are the same. Where the start cannot be
known for sure (a group that may be empty, a back reference), no set is given and the
matcher tries every position as before. A leading look-ahead that what follows it meets
anyway ("(?=[A-Z])(?:January|...)") is left out of the code (`look_ahead_needless`): it would
be tested in vain at each place tried.

The set told is the ASCII characters a match can start with, found by asking the matcher
itself of each, and every character beyond ASCII (`_told`): a bit map looked up at a glance,
where a class (a digit, a letter, a letter but no digit) is a look-up in Unicode's tables at
every character, and a case-blind letter ("(?i)kelvin") needs no proof of its pairs (the
Kelvin sign is beyond ASCII, and tried).
"""

import re
from typing import Any

Items = list[tuple[Any, Any]]  # a character set as re's parser gives it: (op, argument) pairs
Start = tuple[Items | None, bool]  # the set (None: any character), and whether it may be empty


def starting_set(
    parsed: Any, flags: int, constants: Any, compiler: Any, *, cased: bool = False
) -> Items | None:
    """The characters every match of the parsed pattern starts with, or None. Case-blind,
    the set is as written, its letters' pairs left out, unless `cased` is False (then a
    cased letter gives None)."""
    c = constants
    # case-blind: a cased letter also matches its pair
    iscased = None if cased else compiler._get_iscased(flags)

    def sequence(data: Any) -> Start:
        found: Items = []
        for n, (op, av) in enumerate(data):
            if op is c.AT or op is c.ASSERT_NOT or (op is c.ASSERT and av[0] < 0):
                continue  # zero-width, and nothing to say of this position's character
            if op is c.ASSERT:
                ahead, empty = sequence(av[1])
                if ahead is None or empty:
                    continue
                rest, rest_empty = sequence(data[n + 1 :])
                # (what follows is usually the narrower: "(?=[A-Z])(?:January|...)")
                return (ahead if rest is None or rest_empty else rest), False
            items, empty = one(op, av)
            if items is None or (_negated(items, c) and (found or empty)):
                return None, False  # (a negated set joins no other)
            found.extend(items)
            if not empty:
                return found, False
        return found, True

    def one(op: Any, av: Any) -> Start:
        if op is c.LITERAL:
            return ([(op, av)] if not (iscased and iscased(av)) else None), False
        if op is c.IN:
            return (av if not _cased(av, iscased, c) else None), False
        if op is c.BRANCH:
            union: Items = []
            any_empty = False
            for alternative in av[1]:
                items, empty = sequence(alternative)
                if items is None or _negated(items, c):
                    return None, False
                union.extend(items)
                any_empty = any_empty or empty
            return union, any_empty
        if op is c.SUBPATTERN:
            _, add_flags, del_flags, inner = av
            if (add_flags | del_flags) & c.SRE_FLAG_IGNORECASE:
                return None, False  # (its case rule differs from the pattern's)
            return sequence(inner)
        if op is c.ATOMIC_GROUP:
            return sequence(av)
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            items, empty = sequence(av[2])
            return items, empty or av[0] == 0
        return None, False  # any character, a back reference, a conditional

    items, empty = sequence(parsed.data)
    return None if items is None or empty or not items else items


def _negated(items: Items, c: Any) -> bool:
    return any(op is c.NEGATE for op, _ in items)


def _cased(items: Items, iscased: Any, c: Any) -> bool:
    if not iscased:
        return False
    for op, av in items:
        if op is c.LITERAL and iscased(av):
            return True
        if op is c.RANGE and (av[1] > 0xFFFF or any(map(iscased, range(av[0], av[1] + 1)))):
            return True
        if op is c.CATEGORY:
            return True  # (a class of letters: its pairs are in it, but not worth the proof)
    return False


def with_start_set(code: list[int], items: Items, flags: int, c: Any, compiler: Any) -> list[int]:
    """The compiled code with the set in its information block, where re gave none or a
    set of its own (which this one replaces: the same characters or more, below)."""
    info, skip, mask, lo, hi = code[:5]
    if info != c.INFO or mask not in (0, c.SRE_INFO_CHARSET) or lo == 0:
        return code  # re found a literal prefix, or a match may be empty
    if not flags & c.SRE_FLAG_UNICODE:
        return code  # (a pattern of bytes: the engine has none)
    block = [c.SRE_INFO_CHARSET, lo, hi, *_told(items, flags, c, compiler)]
    return [int(op) for op in [info, len(block) + 1, *block, *code[1 + skip :]]]


NOT_ASCII = (0x80, 0x10FFFF)


def _told(items: Items, flags: int, c: Any, compiler: Any) -> list[int]:
    """The set as the matcher tests it: a bit map of the ASCII characters in it, asked of
    the matcher itself (classes, negation and case as the pattern has them), then every
    character beyond ASCII where the set may hold one. More than the set holds (the matcher
    still tests the pattern at each place it stops), but told in one or two looks."""
    parser = compiler._parser
    code = compiler._code(parser.SubPattern(parser.State(), [(c.IN, items)]), flags)
    test = compiler._sre.compile("", flags, code, 0, {}, (None,))
    chart = bytearray(256)
    for n in range(128):
        chart[n] = test.match(chr(n)) is not None
    told = [c.CHARSET, *compiler._mk_bitmap(chart)]
    if _beyond_ascii(items, flags, c):
        told += [c.RANGE, *NOT_ASCII]
    return [*told, c.FAILURE]


def _beyond_ascii(items: Items, flags: int, c: Any) -> bool:
    """Whether the set may hold a character beyond ASCII: a class, a negation, a case-blind
    letter's pair ("k" and the Kelvin sign) or one written so."""
    if flags & c.SRE_FLAG_IGNORECASE:
        return True
    for op, av in items:
        highest = av if op is c.LITERAL else av[1] if op is c.RANGE else None
        if highest is None or highest >= 0x80:
            return True
    return False


def look_ahead_needless(parsed: Any, flags: int, constants: Any, compiler: Any) -> bool:
    """Whether the pattern opens with a look-ahead for a set ("(?=[A-Z])") that every match
    meets anyway, because what follows can only start with characters of that set: the
    matcher then tests it in vain at each place it tries, and the code can leave it out."""
    c = constants
    data = parsed.data
    if not data or data[0][0] is not c.ASSERT or data[0][1][0] != 1:
        return False
    ahead = list(data[0][1][1].data)
    if len(ahead) != 1 or ahead[0][0] not in (c.IN, c.LITERAL):
        return False
    outer = ahead[0][1] if ahead[0][0] is c.IN else [ahead[0]]
    rest = type(parsed)(parsed.state, data[1:])
    inner = starting_set(rest, flags, constants, compiler)
    return inner is not None and _within(inner, outer, c)


def _within(inner: Items, outer: Items, c: Any) -> bool:
    """Whether every character of the inner set is in the outer one (where that is plain to
    see: letters, ranges and the same classes; anything else counts as not)."""
    source = _class_source(outer, c)
    if source is None:
        return False
    test = re.compile(source)
    for op, av in inner:
        if op is c.CATEGORY and (op, av) in outer:
            continue
        if op is c.LITERAL:
            points: range | tuple[int] = (av,)
        elif op is c.RANGE and av[1] - av[0] < 4096:
            points = range(av[0], av[1] + 1)
        else:
            return False
        if not all(test.match(chr(point)) for point in points):
            return False
    return True


def _class_source(items: Items, c: Any) -> str | None:
    classes = {
        c.CATEGORY_DIGIT: r"\d",
        c.CATEGORY_NOT_DIGIT: r"\D",
        c.CATEGORY_SPACE: r"\s",
        c.CATEGORY_NOT_SPACE: r"\S",
        c.CATEGORY_WORD: r"\w",
        c.CATEGORY_NOT_WORD: r"\W",
    }
    parts = []
    for op, av in items:
        if op is c.NEGATE:
            parts.append("^")
        elif op is c.LITERAL:
            parts.append(re.escape(chr(av)))
        elif op is c.RANGE:
            parts.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is c.CATEGORY and av in classes:
            parts.append(classes[av])
        else:
            return None
    return "[" + "".join(parts) + "]"
