"""Long alternations of words, grouped by their first letter before they are compiled.

The engine's cue lists are alternations of a hundred words ("\\b(?:mrn|medical record|acct|
account|policy|...)"). At each place it tries, the C matcher tries every alternative in
turn, and each fails at its first letter but one or two. Grouped by that letter
("m(?:rn|edical record)|a(?:cct|ccount)|p(?:olicy)"), it tries a few groups and then only
the words that start as the text does.

The matches are the same. Alternatives that start with different characters can never both
match at one place, so their order against one another never mattered; within a group the
order is kept, and with it which word wins. Only alternations whose every alternative starts
with a plain character are grouped, and none that ignores case (there "a" and "A" can both
match one character).
"""

from typing import Any

SMALLEST = 4  # alternatives: fewer are tried as fast as grouped


def branches_grouped(parsed: Any, flags: int, constants: Any) -> None:
    """Group, in place, every such alternation of the parsed pattern (and within groups)."""
    _walk(parsed, bool(flags & constants.SRE_FLAG_IGNORECASE), constants)


def _walk(sub: Any, blind: bool, c: Any) -> None:
    for n, (op, av) in enumerate(sub.data):
        if op is c.BRANCH:
            for alternative in av[1]:
                _walk(alternative, blind, c)
            if not blind:
                grouped = _grouped(sub, av[1], c)
                if grouped is not None:
                    sub.data[n] = (op, (None, grouped))
        elif op is c.SUBPATTERN:
            _, add_flags, del_flags, inner = av
            inner_blind = (blind or add_flags & c.SRE_FLAG_IGNORECASE) and not (
                del_flags & c.SRE_FLAG_IGNORECASE
            )
            _walk(inner, bool(inner_blind), c)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            _walk(av[2], blind, c)
        elif op in (c.ASSERT, c.ASSERT_NOT):
            _walk(av[1], blind, c)
        elif op is c.ATOMIC_GROUP:
            _walk(av, blind, c)
        elif op is c.GROUPREF_EXISTS:
            for branch in av[1:]:
                if branch is not None:
                    _walk(branch, blind, c)


def _grouped(sub: Any, alternatives: list[Any], c: Any) -> list[Any] | None:
    if len(alternatives) < SMALLEST:
        return None
    if not all(alt.data and alt.data[0][0] is c.LITERAL for alt in alternatives):
        return None
    groups: dict[int, list[Any]] = {}
    for alt in alternatives:
        groups.setdefault(alt.data[0][1], []).append(alt)
    if len(groups) == len(alternatives):
        return None  # (every word starts differently: each is one test already)
    made = type(sub)
    out = []
    for first, members in groups.items():
        if len(members) == 1:
            out.append(members[0])
            continue
        rests = [made(sub.state, list(alt.data[1:])) for alt in members]
        inner = made(sub.state, [(c.BRANCH, (None, rests))])
        _walk(inner, False, c)  # (the rests, grouped by their own first letters in turn)
        out.append(made(sub.state, [(c.LITERAL, first), *inner.data]))
    return out
