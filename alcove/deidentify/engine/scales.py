"""A clinical scale's or classification's name before its score is no person and its score
no age: "BRADEN 17", "Hunt-Hess 3", "Mallampati 2", "Hamilton 22". Many of these names are
surnames too ("Beck", "Wells", "Norton"), so they stay names anywhere else; this pass, over
the final spans, drops the name and the age a score made of it only where the name stands
alone before a number that reads as a score."""

from alcove.deidentify.engine.compiled import regex
from alcove.deidentify.engine.spans import Kind, Span

SCALES = frozenset(
    """braden morse norton waterlow hunt-hess fisher conners mallampati killip ranson
    child-pugh gleason hamilton beck caprini wells breslow tanner bishop centor alvarado
    rockall blatchford glasgow-blatchford forrest mobitz levine salter-harris gustilo
    spetzler-martin garden weber schatzki breslow clark duke padua geneva boston
    edmonton karnofsky lansky brighton aldrete ramsay richmond riker wexner bristol
    kellgren-lawrence kurtzke mcdonald hoehn hoehn-yahr yahr rankin barthel katz lawton
    folstein montreal cornell zung yesavage columbia conners' vanderbilt achenbach""".split()
)
# What a name a scale's and the score after it look like: the score right after the name
# (or after ":" or "="), and no sex or age word after the number ("Wells 45 M" is a person)
SCORE_AFTER = regex(
    r"[ \t]*[:=]?[ \t]*(?:score[ \t]*(?:of[ \t]*)?)?[-+]?\d{1,3}(?:/\d{1,3})?(?!\d)"
    r"(?![\d.,]\d|[ \t]*(?:[MFmf]\b|y/?o|yrs?\b|years?\b|-year|mo\b|months?\b))"
)
# A given name or a title before it makes it a person ("Dr. Wells 2" is no score)
PERSON_BEFORE = regex(r"(?:\b(?:Dr|Mr|Mrs|Ms|Mx|Miss)\.?|\b[A-Z][a-z]+)[ \t]+$")
SCALE_KINDS = frozenset({Kind.NAME, Kind.STAFF, Kind.LOCATION, Kind.ORGANIZATION})


def scales_left(text: str, spans: list[Span]) -> list[Span]:
    """The spans without a scale's name before its score, nor the score taken for an age."""
    out: list[Span] = []
    dropped_to = -1  # the end of the score after a dropped name
    for span in spans:
        if span.kind == Kind.AGE and span.start < dropped_to:
            continue
        if span.kind in SCALE_KINDS and not span.ref and _a_scale(text, span):
            score = SCORE_AFTER.match(text, span.end)
            dropped_to = score.end() if score else -1
            continue
        out.append(span)
    return out


def _a_scale(text: str, span: Span) -> bool:
    word = text[span.start : span.end]
    if word.lower() not in SCALES or not SCORE_AFTER.match(text, span.end):
        return False
    return not PERSON_BEFORE.search(text, max(0, span.start - 12), span.start)
