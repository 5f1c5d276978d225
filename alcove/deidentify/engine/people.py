"""Names, places and organisations: words whose shape says nothing, found by dictionaries
and by the words around them.

A capitalised word is a name when the census lists hold it and it is not an ordinary
English word, or when its context says so: a title ("Dr. Okafor"), a credential ("Ana
Ruiz, LCSW"), a label ("Attending:", "signed by", "Client:"), a relation ("her sister
Dana"), a verb of reporting after an unknown word ("Zeferino states"). A name found once
is masked wherever it recurs in the document. Lines written in capitals get the
dictionaries only with context or for unambiguous given names, since every word there is
capitalised.

Everything works on one list of tokens (cue phrases are looked up by their last word),
which is several times faster than scanning the text with a pattern per cue.

The rules live by kind of evidence: tokens.py (the words), cues.py (the phrases, word sets
and patterns that are evidence), finder.py (what every rule asks of a word), names.py,
places.py, organisations.py and professions.py; the Finder here runs them in order.
"""

from collections.abc import Iterator

from alcove.deidentify.engine.cues import DRUG_STEMS, NOT_NAMES
from alcove.deidentify.engine.lexicon import Lexicon
from alcove.deidentify.engine.names import NameRules
from alcove.deidentify.engine.organisations import OrganisationRules
from alcove.deidentify.engine.places import PlaceRules
from alcove.deidentify.engine.professions import ProfessionRules
from alcove.deidentify.engine.spans import Kind, Span
from alcove.deidentify.engine.vocabulary import CLINICAL


class Finder(NameRules, PlaceRules, OrganisationRules, ProfessionRules):
    """Every rule of the modules above, over one list of tokens."""


def people_spans(text: str, lex: Lexicon, *, regions: bool = True) -> Iterator[Span]:
    """Names, staff, places, organisations and professions; with `regions`, US states and
    countries too (as LOCATION)."""
    finder = people_finder(text, lex, regions=regions)
    yield from finder.spans
    yield from finder.ages


def kept_regions(finder: Finder) -> list[Span]:
    """The states and countries a caller keeps: for the sweep to leave them too."""
    before = len(finder.spans)
    finder.regions()
    kept = finder.spans[before:]
    del finder.spans[before:]
    return kept


def people_finder(text: str, lex: Lexicon, *, regions: bool = True) -> Finder:
    """The finder after all its passes: its spans, and its tokens for the allow-list sweep."""
    finder = Finder(text, lex)
    finder.cued()
    finder.dictionary()
    finder.lowercase()
    finder.propagate()
    finder.coordinated()
    finder.ages_after_names()
    finder.places()
    if regions:
        finder.regions()
    finder.organisations()
    finder.professions()  # after the organisations they work at
    finder.named_organisations()
    finder.recurring_acronyms()
    return finder


def names_recurring(finder: Finder, found: list[Span]) -> list[Span]:
    """A person's name again in lower case, once any rule (the sweep's last guesses
    included) has found it: "wife oksana brought him ... call oksana". Only words no
    dictionary holds, so a name that is also a word ("Hope") is left to its context."""
    text, lex = finder.text, finder.lex
    written = {w for s in found if s.kind == Kind.NAME for w in text[s.start : s.end].split()}
    names = set()
    for word in written:
        lw = word.lower()
        if len(lw) < 3 or not lw.isalpha() or (word.isupper() and len(word) < 5):
            continue  # (letters: a unit, a credential, a programme as often as a name)
        if lw not in text or lw in lex.common or lw in NOT_NAMES or lw in CLINICAL:
            continue  # (most names never recur in lower case: said at once)
        if not lw.endswith(DRUG_STEMS) and (
            lw in lex.first or lw in lex.last or finder.unknown(lw)
        ):
            names.add(lw)
    if not names:
        return []
    return [Span(t.start, t.end, Kind.NAME) for t in finder.tokens if t.text in names]
