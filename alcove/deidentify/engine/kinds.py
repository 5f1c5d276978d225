"""The type of what is masked, checked last against a span's neighbours.

The type decides the replacement: a clinician written "Person A", a town "Person A" or
"[ORGANIZATION]", a court "[ADDRESS]" reads wrong in a supervision packet, though nothing is
left unmasked. Each rule that finds a span types it by its own evidence; this pass, over the
final spans, retypes a span where its neighbours say otherwise:

- staff: a name after a care credential ("called by RN Marta"), with a role in brackets
  ("Sian Trevithick (CPN)"), before a credential ("Lillian Haverford, MD"), or initials and a
  surname the employment cues took for an organisation ("Seen by M. J. Fox");
- places: "Krakow, Poland", "Nelson, BC", "14 Linden Ter, Malden", "raised in Millington
  Crossroads", an address block's town line, an Irish town and its county;
- organisations: "Gateshead CMHT", "Lee County Circuit Court" (not a street), "a cashier at
  the Tim Hortons", and a capital "The" mid-sentence before one.

A known identifier's span (with a ref) keeps the type the record gives it. Every check was
measured on the benchmark sets (bench/deid.py prints how many found tokens carry another type
than the annotation's); the README gives the figures.
"""

from collections.abc import Callable

from alcove.deidentify.engine.compiled import longest_first, regex
from alcove.deidentify.engine.cues import CREDENTIAL_CODES, ORG_LAST, credential_word
from alcove.deidentify.engine.lexicon import lexicon
from alcove.deidentify.engine.places import PROVINCES
from alcove.deidentify.engine.spans import Kind, Span
from alcove.deidentify.engine.vocabulary import STATE_CODES
from alcove.deidentify.engine.words import Lexicon


def types_checked(text: str, spans: list[Span]) -> list[Span]:
    """The final spans with each type checked against its neighbours (see above)."""
    lex = lexicon()
    spans = organisations_retyped(text, staff_by_credential(text, spans))
    spans = places_retyped(text, county_towns(text, town_lines(text, spans)), lex)
    return with_the(text, judges_named(text, spans))


# A judge's style before the name a rule took with it: "The Honorable Miriam Castellano-Reyes"
# is a person, the style no part of the name
HONORABLE = regex(r"(?:The[ \t]+|THE[ \t]+)?(?:Honou?rable|HONOU?RABLE|Hon\.)[ \t]+")


def judges_named(text: str, spans: list[Span]) -> list[Span]:
    """The spans, a name led by "The Honorable" without the style, as a person's."""
    out = []
    for span in spans:
        # (the style's first letter first: most spans are no judge's)
        style = HONORABLE.match(text, span.start, span.end) if text[span.start] in "TH" else None
        if style is not None and style.end() < span.end and not span.ref:
            span = Span(style.end(), span.end, Kind.NAME)
        out.append(span)
    return out


# A care credential or role in capitals right before a name: "called by RN Marta", "PER NP
# HALVORSEN", "SW D. PELLETIER" (never "PT", the patient)
CARE_CODE_BEFORE = regex(
    r"(?<![\w/])(?:RN|LPN|LVN|CNA|NP|MHT|HCA|LCSW|LICSW|LPC|LMFT|SW|OT|SLP|RRT|CPN|RMN|RGN|"
    r"PSW|CNM|APRN|PMHNP)[ \t]+$"
)
# A credential or a role in brackets right after a name: "Sian Trevithick (CPN)", "Omar
# Haddad (YCW)", "Yusuf Adeleke (Trainee)"
BRACKETED_ROLE = regex(r"[ \t]*\(([A-Za-z][A-Za-z/-]{1,11})\)")
BRACKETED_ROLES = frozenset(
    """trainee student intern registrar consultant hca ycw ot sw cm nic pwp cbt
    slt ot/l physio psychologist psychiatrist therapist counsellor counselor nurse""".split()
)


# A credential after a comma, where the name rules took the name for a person's but not for
# staff ("Lillian Haverford, MD, FACC": a town's name too)
CREDENTIAL_AFTER = regex(r",[ \t]*([A-Za-z][\w/-]{1,11})(?![\w/-])")


def staff_by_credential(text: str, spans: list[Span]) -> list[Span]:
    """The spans, a name typed NAME retyped STAFF where a care credential or role stands
    right before it, or in brackets right after it: a clinician is "Clinician A" in the
    redacted note, not a person of the client's life. A credential after a name and a comma
    is no trade of its own ("Kendra Lafleur, LPN": the trade rules know an LPN's work)."""
    spans = [s for n, s in enumerate(spans) if not _credential_masked(text, spans, n)]
    return _retyped(
        spans, Kind.STAFF, lambda n, span: _credentialed(text, span) and not _state_after(spans, n)
    )


def _state_after(spans: list[Span], n: int) -> bool:
    """Whether the letters after the name are a state's a rule found ("in Ridgway, PA")."""
    nxt = spans[n + 1] if n + 1 < len(spans) else None
    return nxt is not None and nxt.kind is Kind.LOCATION and nxt.start - spans[n].end <= 2


def _retyped(spans: list[Span], kind: Kind, wanted: Callable[[int, Span], bool]) -> list[Span]:
    """The spans, those that wanted(index, span) picks given the kind. A known identifier's
    span (with a ref) keeps the type the record gives it."""
    out = spans
    for n, span in enumerate(spans):
        if span.kind is kind or span.ref or not wanted(n, span):
            continue
        if out is spans:
            out = list(spans)
        out[n] = Span(span.start, span.end, kind)
    return out


def _credentialed(text: str, span: Span) -> bool:
    if span.kind is Kind.ORGANIZATION:
        return _initialled_staff(text, span)
    return span.kind is Kind.NAME and bool(
        CARE_CODE_BEFORE.search(text, max(0, span.start - 8), span.start)
        or _bracketed_role(text, span.end)
        or _credential_after(text, span.end)
    )


# Initials and a surname that the employment cues took for an organisation: "seen by J. Fox,
# LCSW", "Seen by M. J. Fox" (never "the U.S. Army": no word of it an organisation's word)
INITIALLED_SURNAME = regex(r"(?:[A-Z]\.[ \t]?){1,3}[A-Z][a-z'-]+")
BY_BEFORE = regex(r"\b(?i:by|to):?[ \t]+$")


def _initialled_staff(text: str, span: Span) -> bool:
    words = text[span.start : span.end]
    split = words.split()
    if any(() in ORG_LAST.get(w.lower(), ()) for w in split):
        return False
    if INITIALLED_SURNAME.fullmatch(words):
        return bool(
            _credential_after(text, span.end)
            or BY_BEFORE.search(text, max(0, span.start - 6), span.start)
        )
    # a given name and a surname before a credential: "referral to Anne-Marie Kessler, LPC"
    return (
        1 < len(split) < 4
        and all(w.istitle() for w in split)
        and split[0].lower().split("-")[0] in lexicon().first
        and _credential_after(text, span.end)
    )


def _bracketed_role(text: str, end: int) -> bool:
    m = BRACKETED_ROLE.match(text, end) if "(" in text[end : end + 3] else None
    if m is None:
        return False
    word = m.group(1)
    return credential_word(word) or word.lower() in BRACKETED_ROLES


def _credential_after(text: str, end: int) -> bool:
    m = CREDENTIAL_AFTER.match(text, end) if text[end : end + 1] == "," else None
    return m is not None and credential_word(m.group(1))


# A state's, a province's or a territory's letters, closing a place ("Nelson, BC", "Lebanon,
# TN", "Toowoomba QLD"); never the letters a credential shares ("Ana Ruiz, MD")
PLACE_CODES = (STATE_CODES | frozenset(PROVINCES.split("|"))) - frozenset(CREDENTIAL_CODES)


def places_retyped(text: str, spans: list[Span], lex: Lexicon) -> list[Span]:
    """The spans, a place the name rules typed NAME retyped LOCATION by its neighbours: a
    country or state after a town and a comma ("Born in Krakow, Poland"), a town before a
    state's letters found as a place ("Nelson, BC"), or a span that ends in those letters
    ("Toowoomba QLD"); and an organisation's span that names a place by its last word after
    "in", "from" or "near" ("raised in Millington Crossroads", "lives in Kettle Bend"). The
    redacted note reads "[CITY]", not "Person A" or "[ORGANIZATION]"."""
    return _retyped(spans, Kind.LOCATION, lambda n, span: _a_place(text, spans, n, lex))


def _a_place(text: str, spans: list[Span], n: int, lex: Lexicon) -> bool:
    span = spans[n]
    if span.kind is Kind.ORGANIZATION:
        return _place_after_a_place_cue(text, span) or _place_before_a_state(text, span)
    if (
        span.kind in (Kind.STAFF, Kind.NAME)
        and _state_after(spans, n)
        and PLACE_CUE_BEFORE.search(text, max(0, span.start - 12), span.start)
    ):
        return True  # "from Springfield, MA": the letters a credential's rules read, a state's
    return span.kind is Kind.NAME and _named_place(text, spans, n, lex)


# A state's letters after a place, closing its line or before its ZIP ("Fort Worth, TX 76137")
STATE_CLOSING = regex(r",?[ \t]+([A-Z]{2,3})\b(?=[ \t]+\d{5}(?:-\d{4})?\b|[ \t]*(?:$|\n|[,.;)]))")


def _place_before_a_state(text: str, span: Span) -> bool:
    """An organisation's span, in title case and without an organisation's word, before a
    state's letters: a town ("Trinity Oaks Medical Center, Fort Worth, TX")."""
    m = STATE_CLOSING.match(text, span.end)
    if m is None or m.group(1) not in PLACE_CODES:
        return False
    words = span.text_of(text).split()
    return all(w[0].isupper() and () not in ORG_LAST.get(w.lower().rstrip(".,"), ()) for w in words)


# The last words of a place named as a feature of the land ("the Gallatin River", "Memorial
# Park"): a name's span that ends in one is a place, unless a given name leads it
FEATURES = frozenset(
    """River Creek Lake Park Mountain Mountains Beach Bay Canyon Falls Forest Island Islands
    Valley Gardens Reservoir Pond Trail""".split()
)


def _named_place(text: str, spans: list[Span], n: int, lex: Lexicon) -> bool:
    span = spans[n]
    words = text[span.start : span.end]
    if " " in words and words.rsplit(" ", 1)[1] in PLACE_CODES:
        return True
    if " " in words and words.rsplit(" ", 1)[1] in FEATURES:
        # (unless a given name leads it: "Ana Lake", "Grace Park" are people)
        return not any(w.lower() in lex.first for w in words.split()[:-1])
    if not words[:1].isupper():
        return False
    return _place_by_what_precedes(text, spans, n, lex) or _place_by_what_follows(
        text, spans, n, lex
    )


def _place_by_what_precedes(text: str, spans: list[Span], n: int, lex: Lexicon) -> bool:
    """After a street and a comma ("14 Linden Ter, Malden"); a country or a state after a
    town and a comma ("Krakow, Poland"); a town after an organisation and a comma, closing a
    line or a clause ("Valley Medical Group, Greenfield.")."""
    before = spans[n - 1] if n else None
    if before is None or text[before.end : spans[n].start] not in (",", ", "):
        return False
    if before.kind is Kind.ADDRESS:
        return True
    if before.kind is Kind.LOCATION:
        return spans[n].text_of(text).lower() in lex.regions
    return before.kind is Kind.ORGANIZATION and PLACE_CLOSES.match(text, spans[n].end) is not None


def _place_by_what_follows(text: str, spans: list[Span], n: int, lex: Lexicon) -> bool:
    """Before a ZIP or post code ("Sommerton 44102", "Walsden OL14 6QW"), or before a state,
    a country or their letters found as a place ("Nelson, BC", "Ketchum Falls, Idaho")."""
    after = spans[n + 1] if n + 1 < len(spans) else None
    if after is None or text[spans[n].end : after.start] not in (", ", " ", ","):
        return False
    if after.kind is Kind.ZIP:
        return True
    place = after.text_of(text)
    if after.kind is not Kind.LOCATION:
        return False
    if place in PLACE_CODES:
        return True
    # (a state after a given name and a surname is a person's: "Maria Lopez, Texas")
    words = spans[n].text_of(text).split()
    return place.lower() in lex.regions and not (len(words) > 1 and words[0].lower() in lex.first)


# What closes a town named after an organisation and a comma: the line's or a clause's end,
# a state's letters or a code ("Pioneer Memorial Hospital, Ketchum Falls, Idaho")
PLACE_CLOSES = regex(r"[ \t]*(?:$|\n|[.;)]|,[ \t]*[A-Z]{2}\b|,[ \t]*\d)")


# A UK or Irish service's letters closing its name ("Gateshead CMHT", "Calder Valley CAMHS").
# (Names ending in an organisation's word are the organisation rules' already: no NAME span
# in the benchmark sets ends in one.)
SERVICE_LETTERS = frozenset({"CMHT", "CAMHS", "CRHT", "UCC", "ETB", "HSCP", "PICU"})


def organisations_retyped(text: str, spans: list[Span]) -> list[Span]:
    """The spans, a name typed NAME retyped ORGANIZATION where a service's letters close it
    or "the" stands before it after a preposition ("a cashier at the Tim Hortons", "a line
    cook at the Golden Dragon restaurant"; never a family: "with the Lavoie children"), and
    a court the street rules took for a street ("Lee County Circuit Court", as "on Maple
    Court"): "[ORGANIZATION]" in the redacted note, not "Person A" or "[ADDRESS]"."""
    return _retyped(spans, Kind.ORGANIZATION, lambda n, span: _an_organisation(text, span))


# "the" after a preposition, before a name; and the family or home a name can be of
THE_BEFORE = regex(r"\b(?:at|from|to|in|near|outside|above|behind|of|into|with)[ \t]+the[ \t]+$")
FAMILY_AFTER = regex(
    r"(?:['\u2019]s)?[ \t]+(?i:family|families|children|kids|boys|girls|household|home|house|"
    r"twins|sisters|brothers|clan)\b"
)


def _an_organisation(text: str, span: Span) -> bool:
    words = span.text_of(text)
    if span.kind is Kind.ADDRESS:
        return _a_court(words)
    if span.kind is not Kind.NAME:
        return False
    split = words.split()
    if len(split) >= 2 and split[-1] in SERVICE_LETTERS:
        return True
    return (
        words[:1].isupper()
        and THE_BEFORE.search(text, max(0, span.start - 14), span.start) is not None
        and not FAMILY_AFTER.match(text, span.end)
    )


# The last word of a place's name, a "Fort" opening one, and what comes before such a place
# (never "at", "to" or "of": "works at Cedar Point", "a lifeguard at Lake Murray State Park")
PLACE_HEADS = frozenset(
    """creek heights bend landing run crossroads park river lake falls springs hills valley
    point harbor harbour junction ridge reservation beach bay island grove hollow glen""".split()
)
PLACE_CUE_BEFORE = regex(r"\b(?i:in|from|near|outside)[ \t]+$")
# what makes the span a home, a facility or an agency after all ("from Somerset Ridge nursing
# facility", "FCI Terminal Island")
SERVICE_AFTER = regex(
    r"[ \t]+(?:nursing|facility|home|hospital|clinic|center|centre|school|rehab)\b"
)


def _place_after_a_place_cue(text: str, span: Span) -> bool:
    words = text[span.start : span.end].split()
    if len(words) < 2 or not all(w[0].isupper() and not w.isupper() for w in words):
        return False
    if words[-1].lower() not in PLACE_HEADS and words[0] not in ("Fort", "Ft."):
        return False
    if not PLACE_CUE_BEFORE.search(text, max(0, span.start - 10), span.start):
        return False
    return not SERVICE_AFTER.match(text, span.end)


# A court by its kind: "Lee County Circuit Court", "Wynnum Magistrates Court", "Drug Court"
COURT_NAMED = regex(
    r"\b(?:Circuit|District|Superior|Family|Juvenile|Drug|Municipal|Magistrates'?|Youth|"
    r"Probate|Supreme|County|Federal|Bankruptcy|Housing|Claims|Crown|Coroner'?s|Children'?s|"
    r"Health|Treatment|Recovery|Veterans|Justice|Appeals|Tax|Land|Traffic|City|Town|Criminal|"
    r"Civil|Chancery|Pleas|Orphans'?|Surrogate'?s)[ \t]+Court$"
)


def _a_court(words: str) -> bool:
    return (
        words.endswith("Court")
        and not any(c.isdigit() for c in words)
        and bool(COURT_NAMED.search(words))
    )


def _credential_masked(text: str, spans: list[Span], n: int) -> bool:
    span = spans[n]
    if (
        span.kind is not Kind.PROFESSION
        or not n
        or not credential_word(text[span.start : span.end])
    ):
        return False
    before = spans[n - 1]
    return before.kind in (Kind.NAME, Kind.STAFF) and text[before.end : span.start] in (",", ", ")


# An address block's town line, found whole as an address: "Cedar Falls, IA 50613",
# "Lismore NSW 2480", "Hexley RV9 2LP": the town and its state are places, the code a ZIP
_CODES_ALT = "|".join(longest_first(PLACE_CODES | STATE_CODES))
TOWN_LINE = regex(
    r"((?!(?:Suite|Ste|Apt|Unit|Box|Floor|Flat|Level|Lot|Room|Building|Private|Locked|"
    r"Calle|Rue|Rua|Via|Avenida)\b)"
    r"[A-Z][a-z'.-]*[a-z](?:[ \t]+[A-Z][a-z'.-]*[a-z]){0,3})"
    rf"(?:,?[ \t]+({_CODES_ALT}|[A-Z][a-z]+))?,?[ \t]+"
    r"(\d{4,5}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]?[ \t]\d[A-Z]{2}|[A-Z]\d[A-Z][ \t]?\d[A-Z]\d)"
)


def town_lines(text: str, spans: list[Span]) -> list[Span]:
    """The spans, an address block's town line split into its town, its state and its code
    (the redacted letter reads "[CITY], [STATE] [ZIP]", not one "[ADDRESS]")."""
    out: list[Span] = []
    for span in spans:
        m = TOWN_LINE.fullmatch(text, span.start, span.end) if span.kind is Kind.ADDRESS else None
        if m is None or span.ref:
            out.append(span)
            continue
        out.append(Span(*m.span(1), Kind.LOCATION))
        if m.group(2):
            out.append(Span(*m.span(2), Kind.LOCATION))
        out.append(Span(*m.span(3), Kind.ZIP))
    return out


# An Irish town and its county, which the organisation rules read as a company's "Co.":
# "Ballinasloe, Co. Galway", "Portlaoise, Co. Laois"
TOWN_COUNTY = regex(r"(.+?),[ \t]*(Co\.)")
COUNTY_NAMED = regex(r" [A-Z]")


def county_towns(text: str, spans: list[Span]) -> list[Span]:
    """The spans, "Town, Co." found as an organisation split into the town and its county
    (with the county's name after it), both places."""
    out: list[Span] = []
    for n, span in enumerate(spans):
        if out and out[-1].end > span.start:
            continue  # (the county's name, joined to its "Co." below)
        organisation = span.kind is Kind.ORGANIZATION and not span.ref
        m = TOWN_COUNTY.fullmatch(text, span.start, span.end) if organisation else None
        if m is None or not COUNTY_NAMED.match(text, span.end):
            out.append(span)
            continue
        out.append(Span(span.start, m.end(1), Kind.LOCATION))
        after = spans[n + 1] if n + 1 < len(spans) else None
        end = after.end if after is not None and after.start == span.end + 1 else span.end
        out.append(Span(m.start(2), end, Kind.LOCATION))
    return out


# A capital "The" mid-sentence before an organisation is the name's own: "a bartender at The
# Library", "outside The Bent Spoke" (after a lower-case word, a comma or a bracket)
THE_MID_SENTENCE = regex(r"(?<=[a-z,;(] )The $")


def with_the(text: str, spans: list[Span]) -> list[Span]:
    """The spans, an organisation's grown over a capital "The" before it mid-sentence (over
    the final spans: the context pass finds organisations too)."""
    out = spans
    for n, span in enumerate(spans):
        if span.kind is not Kind.ORGANIZATION or span.start < 4:
            continue
        if not THE_MID_SENTENCE.search(text, max(0, span.start - 6), span.start):
            continue
        if n and spans[n - 1].end > span.start - 4:
            continue  # ("The" is another span's)
        if out is spans:
            out = list(spans)
        out[n] = Span(span.start - 4, span.end, span.kind, span.ref)
    return out
