"""Identifiers with a shape: dates, ages, phone and fax numbers, email, SSN, record numbers,
URLs, IP addresses, street addresses and ZIP codes. Each recogniser is a compiled pattern
plus the checks that keep vitals, doses and scores ("BP 120/80", "1/2 tab", "7/10 pain")
from being taken for dates or numbers.
"""

import re
from collections.abc import Iterator

from alcove.deidentify.engine.compiled import longest_first, regex, starting_with
from alcove.deidentify.engine.hints import any_in, hint, hints
from alcove.deidentify.engine.screen import lowered, screened, screened_lower
from alcove.deidentify.engine.spans import Kind, Span
from alcove.deidentify.engine.vocabulary import HOLIDAYS, MONTHS, STATE_CODES, STATES, WEEKDAYS

I = re.IGNORECASE  # noqa: E741

MONTH = rf"(?:{MONTHS})\.?"
DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th|ST|ND|RD|TH)?"
YEAR4 = r"(?:19|20|21)\d{2}"  # 21xx: shifted dates, as i2b2-style corpora write them
YEAR = rf"(?:{YEAR4}|'\d{{2}})"
NUM_MONTH = r"(?:0?[1-9]|1[0-2])"
NUM_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
SEASON = r"(?:spring|summer|fall|autumn|winter)"

# Month names: capitalised or all capitals; "may" and "march" in lower case are verbs.
_MONTH_CASED = "|".join(f"{m}|{m.upper()}" for m in MONTHS.split("|"))


def _initial_led(words: str) -> str:
    """An alternation of words ("May|MAY|Mon") as "\\b(?:...)" matches it, but led by each
    word's first letter so that the regex engine can skip to those letters (see starting_with)."""
    by_initial: dict[str, list[str]] = {}
    for word in words.split("|"):
        by_initial.setdefault(word[0], []).append(word[1:])
    return (
        "(?:"
        + "|".join(f"{c}(?<!\\w{c})(?:{'|'.join(rests)})" for c, rests in by_initial.items())
        + ")"
    )


MONTH_C = rf"(?:{_MONTH_CASED})\.?"

# Sources only: each is matched as part of DATE_DIGITS or DATE_WORDS, compiled there.
DATE_PATTERNS: tuple[str, ...] = (
    # 2019-03-14, 2019/3/14, 20190314 is an ID, not a date
    rf"\b{YEAR4}[-/.]{NUM_MONTH}[-/.]{NUM_DAY}\b",
    # 03/14/2019, 3-14-19, 3.14.2019 (dots only with a four-digit year)
    # (and the first of a range: "1/19/2021-1/27/2021")
    rf"\b{NUM_MONTH}(?:/{NUM_DAY}/|-{NUM_DAY}-)(?:{YEAR4}|\d{{2}})\b(?!/\d|-(?!\d\d?/\d)\d)",
    rf"\b{NUM_MONTH}\.{NUM_DAY}\.{YEAR4}\b",
    # "given 2/8 AM": a month and day before the half of the day (never a half, a third or a
    # quarter: "1/2 PM dose")
    (
        rf"\b{NUM_MONTH}/{NUM_DAY}(?<!1/2)(?<!1/3)(?<!1/4)(?<!2/3)(?<!3/4)(?![\d/])"
        r"(?=[ \t]?(?:AM|PM|am|pm)\b)"
    ),
    # 14/03/2019 (day first, when the first number cannot be a month)
    rf"\b(?:1[3-9]|2\d|3[01])(?:/{NUM_MONTH}/|-{NUM_MONTH}-|\.{NUM_MONTH}\.){YEAR4}\b",
    # "Jan 27/25": a month, its day and, after a slash, the year (as Canada writes it)
    rf"\b{MONTH_C}[ \t]+{NUM_DAY}/(?:{YEAR4}|\d{{2}})\b(?![/\d])",
    # March 14, 2019 / Mar. 14th 2019 / March 14 / MARCH 14TH / August 5-9, 2024
    # (not "in May. 2-3 beers": a count goes on to what it counts)
    rf"\b{MONTH_C}\s+{DAY}(?:[-\u2013]{DAY}\b(?![ \t]+[a-z]))?(?:,?\s+{YEAR})?(?!\d|:\d)",
    rf"\b{MONTH_C}\s+{DAY}(?:st|nd|rd|th)?,?\s+{YEAR}\b",
    # 14 March 2019 / 14th of March / 14-Mar-2019
    rf"\b{DAY}(?:\s+of)?[ \t]+{MONTH_C}(?:,?\s+{YEAR})?\b",  # (never "session 4\nSept.")
    rf"\b{NUM_DAY}-(?:{_MONTH_CASED})-(?:{YEAR4}|\d{{2}})\b",
    # "since Nov-23", "Jan-2024", "seen 3-Nov": a month and its year or day, hyphenated
    rf"\b(?:{_MONTH_CASED})\.?-(?:{YEAR4}|\d{{2}})\b(?![-/.]\d)",
    rf"\b{NUM_DAY}-(?:{_MONTH_CASED})\b(?![-\w])",
    # March 2019 / March of 2019 / Mar '19
    rf"\b{MONTH_C},?\s+(?:of\s+)?{YEAR}\b",
    # 03/2019, 3/19 is left to context (it is also a fraction)
    rf"\b{NUM_MONTH}/{YEAR4}\b",
    # Spring of 2019, Summer 2018 (lower case: SEASON_YEAR below)
    # Christmas, Thanksgiving 2019
    # (never a test's index before its score: "EID 74T")
    rf"\b(?:{HOLIDAYS}|{HOLIDAYS.upper()})(?:\s+{YEAR4})?\b"
    r"(?![ \t]+(?:\d{2,3}T|3[2-9]|[4-9]\d|1\d\d)(?![\w:/]|\.\d))",
    # Jan-Aug 2024, March to May
    rf"\b{MONTH_C}[ \t]*(?:[-\u2013]|to|through|thru)[ \t]*{MONTH_C}(?:,?\s+{YEAR})?",
    # "Mon 13 09:12 - VM from...", "Thu 16 3pm": a log's weekday and day before its clock time
    # (never "Tue 7 pm", a time alone, nor "FRI 98", an index)
    (
        r"\b(?:Mon|Tues?|Weds?|Thu|Thur|Thurs|Fri|Sat|Sun)\.?[ \t]+(?:[1-9]|[12]\d|3[01])"
        r"(?:st|nd|rd|th)?(?=[ \t]+(?:\d{1,2}:\d\d|\d{1,2}[ \t]*(?:am|pm)\b))"
    ),
    # weekdays, capitalised or not, and their short forms (after the rule above, since the
    # first alternative to match wins)
    rf"\b(?:{WEEKDAYS}|{WEEKDAYS.upper()})s?\b",
    # (never a saturation: "O2 Sat 94%", "Sat 88% RA")
    (
        r"\b(?<![Oo]2 )(?:Mon|Tues?|Weds?|Thu|Thur|Thurs|Fri|Sat|Sun)\b\.?"
        r"(?![ \t]*\d+[ \t]*%)(?=[ \t]*(?:[-/,]|\d|and\b|&|"
        r"\s+\d|\s+(?:session|appt|appointment|group|visit|am|pm|morning|afternoon|evening|"
        r"night)\b))"
    ),
)


# Speed: see starting_with (compiled.py) for why the busiest patterns begin as they do.
_STARTS_WITH_DIGIT = regex(r"\\b\(\?:(?:\(\?:)?(?:19|0\?|1\[3)")
DATE_DIGITS = screened(
    starting_with(r"\d", *(p for p in DATE_PATTERNS if _STARTS_WITH_DIGIT.match(p)))
)
DATE_WORDS = starting_with("[A-Z]", *(p for p in DATE_PATTERNS if not _STARTS_WITH_DIGIT.match(p)))
# Holidays in a hurried note's lower case, which no other word spells
LOWER_HOLIDAY = regex(
    r"\b(?:thanksgiving|christmas(?: eve)?|halloween|xmas(?: eve)?|new year's(?: eve)?|"
    r"mother's day|father's day|memorial day|labor day|valentine's day|4th of july|july 4th)\b"
)
LOWER_HOLIDAY_HINTS = (
    "thanksgiving", "christmas", "halloween", "xmas", "new year", "'s day", "or day", "al day",
    "july",
)  # fmt: skip
# A day and a month in French or Spanish, as Quebec's and Spanish-speaking clients' papers
# write them: "le 2 mai", "le 1er mars 2024", "3 de abril" (only after a day's number:
# "mars" and "mayo" are words too)
ROMANCE_DAY_MONTH = starting_with(
    "[1-9l]",
    r"(?:\ble[ \t]+)?\b(?:[1-9]|[12]\d|3[01])(?:er)?(?:[ \t]+de)?[ \t]+"
    r"(?:janvier|f[eé]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|"
    r"d[eé]cembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|se?ptiembre|octubre|"
    r"noviembre|diciembre)\b(?![ \t]+bars?\b)(?:[ \t]+(?:de[ \t]+)?(?:19|20)\d\d\b)?",
)
# A month or a weekday in Spanish or French, alone and in lower case: "en febrero", "los
# domingos", "el próximo jueves", "depuis juillet" (none is an English word; "mars", "mai" and
# "mayo" are left, and capitalised they may be names: "Stacey Domingo", "Mardi Gras")
ROMANCE_DATE_WORD = regex(
    r"\b(?:enero|febrero|marzo|abril|junio|julio|agosto|se?ptiembre|octubre|noviembre|"
    r"diciembre|janvier|f[eé]vrier|avril|juin|juillet|ao[uû]t|septembre|octobre|novembre|"
    r"d[eé]cembre|lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bados?|domingos?|lundi|mardi|"
    r"mercredi|jeudi|vendredi|samedi|dimanche)\b"
)
ROMANCE_DATE_HINTS = hint((
    "enero", "febrero", "marzo", "abril", "junio", "julio", "agosto", "iembre", "octubre",
    "janvier", "vrier", "avril", "juin", "juillet", "aout", "ao\u00fbt", "embre", "lunes",
    "martes", "rcoles", "jueves", "viernes", "bado", "domingo", "lundi", "mardi", "mercredi",
    "jeudi", "vendredi", "samedi", "dimanche",
))  # fmt: skip
# A date read out, as a dictation's transcript has it: "march twentieth twenty twenty four",
# "april second", "the third of june", "nineteen fifty-eight" after them
_ORDINAL_WORD = (
    r"(?:(?:twenty|thirty)[ \t-]?)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|"
    r"ninth)|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|"
    r"eighteenth|nineteenth|twentieth|thirtieth"
)
_NUMBER_WORD = (
    r"(?:oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety)"
)
_SPOKEN_YEAR = (
    rf"(?:,?[ \t]+(?:nineteen|twenty|two thousand(?:[ \t]+and)?)"
    rf"(?:[ \t-]+{_NUMBER_WORD}){{1,2}}\b)?"
)
SPOKEN_DATE = starting_with(
    "[ad-fjm-ost]",
    rf"\b(?:(?:{MONTHS.lower()})[ \t]+(?:the[ \t]+)?(?:{_ORDINAL_WORD})\b"
    rf"|(?:{_ORDINAL_WORD})[ \t]+of[ \t]+(?:{MONTHS.lower()})\b){_SPOKEN_YEAR}",
)
SPOKEN_DATE_HINTS = hint((
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "teenth", "tieth",
))  # fmt: skip
ROMANCE_MONTH_HINTS = hint((
    "janv", "vrier", "mars", "avril", "mai", "juin", "juil", "ao", "embre", "octobre", "enero",
    "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "iembre", "octubre",
))  # fmt: skip
# "since nov", "by early march": a month in lower case after a word that announces it
# ("may" is left: a verb far more often)
LOWER_MONTH_CUED = screened(
    regex(
        r"(?=[sibutlnfe])\b(?:since|in|by|until|till|last|next|from|through|thru|early|late|mid|"
        r"end of|before|after)[ \t]+((?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b\.?"
        r"|(?:january|february|march|april|june|july|august|september|october|november|"
        r"december)\b)(?![ \t]*\d)"
    )
)
LOWER_MONTH_HINTS = hint(
    f" {month}"
    for month in ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
)
# "24/04", "14/06/24", "17.04.24", "03.02.1979": day first, as most of the world writes dates
# (a first number past 12 can only be a day; with full stops, any day and month)
DAY_MONTH = screened(
    regex(
        # (led by its first digit: "(?<=1)[3-9]" after it is "1[3-9]", and so on)
        r"(\d(?<![\d/.,$]\d)(?!(?<=2)4/7\b)"
        r"(?:(?:(?<=1)[3-9]|(?<=2)\d|(?<=3)[01])/(?:0?[1-9]|1[0-2])(?:/(?:\d{4}|\d{2}))?"
        r"|(?:(?<=0)[1-9]|(?<=[1-9])|(?<=[12])\d|(?<=3)[01])\.(?:0?[1-9]|1[0-2])\.(?:\d{4}|\d{2})))"
        r"\b(?![/.]\d)"
    )
)
# "14 nov", "3rd march": a day, then a month in lower case ("may" left: "10 may be")
LOWER_DAY_MONTH = screened(
    regex(
        r"(?=\d)(?<![\d.])\b(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?[ \t]+"
        r"(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|january|february|march|april|june|july|"
        r"august|september|october|november|december)\b"
    )
)
# "mon 6/3", "Sat 3/22": a weekday's short name right before a month and day
DATE_AFTER = regex(r"[ \t]+\d{1,2}/\d{1,2}\b")  # ("on-call note - sat 6/1")
O2_BEFORE = regex(r"(?:o2|spo2|02)[ \t]*$")  # ("O2 sat" is a saturation)
WEEKDAY_BEFORE = regex(r"\b(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)[a-z]*\.?[ \t]+$")
# "next HV 4/9": a visit named by its letters between the cue and the date
NEXT_LETTERS_BEFORE = regex(r"\b(?:next|last|nxt)[ \t]+[A-Z]{2,4}[ \t]+$")
# "from jan 2", "feb 27", "due december 13", "dec 14-15", "hearing may 2": a month in lower
# case with its day (a modal "may" is never followed by a number)
LOWER_MONTH_DAY = screened(
    regex(
        r"(?=[jfasondm])\b(?:jan|feb|apr|may|jun|jul|aug|sept?|oct|nov|dec|january|february|march|"
        r"april|june|july|august|september|october|november|december)\.?[ \t]+"
        r"(?:[1-9]|[12]\d|3[01])"
        r"(?:st|nd|rd|th)?(?:-(?:[1-9]|[12]\d|3[01]))?\b"
        r"(?![ \t]*(?:mg|%|/|->|\u2192|miles|times|blocks|steps|"
        r"laps|hours|days|weeks|minutes|mins))"
    )
)
# A month in lower case before a year, which no word or modal is ("prior OD (aug 2019)",
# "moved in march 2021")
# (the first three letters of every month, which each lower-case month pattern needs)
LOWER_MONTH_HINTS = hint("jan feb mar apr may jun jul aug sep oct nov dec".split())
LOWER_MONTH_YEAR = screened(
    regex(
        r"(?=[jfasondm])\b(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec|january|february|"
        r"march|april|june|july|august|september|october|november|december)\.?,?[ \t]+"
        r"(?:19|20)\d{2}\b(?![/.-]?\d)"
    )
)
SEASON_YEAR = regex(rf"\b{SEASON}[ \t]+(?:of[ \t]+)?{YEAR4}\b")

# Cue words before a date with no year ("on 3/14", "since 4/2") or a year alone ("in 2019"),
# looked for just before each candidate (in lower case: faster than a case-blind scan).
DATE_CUE = (
    r"(?:on|for|appt|appointment|scheduled|due|visit|rtc|f/u|supervision|meeting|group|since|from|"
    r"until|till|through|"
    r"thru|by|before|after|dated|date|dob|d\.o\.b\.|seen|admitted|adm|discharged|last|next|of|in|"
    r"during|circa|c\.|around|year|starting|beginning|ending|as of|effective|born|birthday|"
    r"note|session|called|call|phone|mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun|@|"
    r"intake|also|drink|dose|injection|refill|refilled|meet|hold|bcx|ucx|cx|bal|culture|"
    r"cultures|started|stopped|restarted|began|ended|changed|increased|"
    r"decreased|held|drawn|collected|obtained|done|completed|signed|mailed|faxed|sent|"
    r"received|occurred|happened|died|passed|expired|overdosed|overdose|incident|"
    r"hospitalized|released|arrested|visited|returned|moved|follow-up|follow up|followup|"
    r"avail|available|rescheduled|reschedule|hearing|court|arrival|arrived|clamped|removed|"
    r"placed|inserted|intubated|extubated|transfused|transferred|consented|operated|"
    r"dictated|transcribed|typed|expected|likely|anticipated|tentatively|planned|target|"
    r"bm|pn|admission|bday|filed|made|consult|debrief|grp|collateral|leave|portal|aspirate|"
    r"cva|tia|stemi|nstemi|tka|tha|cabg|pci|ua|uds|urinalysis|missed|individual|indiv|inj|iop|"
    r"egd|ercp|tee|tte|fna|tavr|colonoscopy|endoscopy|angiogram|cath|"
    r"here|"
    r"ct|mri|echo|eeg|ekg|ecg|cxr|scan|labs|biopsy|surgery|cycle|start|starts|begins|ends|"
    r"discharge|admit|booked|attempt|interview|interviews|procedure|stent|lipids|a1c|bmp|cmp|"
    r"cbc|tsh|awol|testing|tested|"
    rf"{WEEKDAYS.lower()}|{MONTHS.lower()})"
)
CUE_BEFORE = regex(
    rf"(?:\b{DATE_CUE}\.?,?:?[ \t]+(?:the[ \t]+)?(?:(?:early|mid|late)[- ])?|[(\[]|\n|^)$"
)
MONTH_DAY = screened(
    regex(
        r"([0-9](?<![\d/.][0-9])(?:(?<=0)[1-9]|(?<=1)[0-2]|(?<=[1-9]))"  # NUM_MONTH, led by a digit
        r"/(?:0?[1-9]|[12]\d|3[01]))\b(?![/.]\d)"
    )
)
# Between two dates of a list or a range: "3/27, 4/3", "4/8-4/10", "4/2 and 4/9"
DATE_LIST_GAP = regex(r"[ \t]*(?:,|[-\u2013]|and|&|to)[ \t]*")
DATE_RANGE_GAP = regex(r"[ \t]*(?:[-\u2013]|to|through|thru)[ \t]*")
# A day and month that no fraction can be, then a range's dash: "31/3\u20131/4", "28/2 - 3/3"
DAY_MONTH_RANGE_BEFORE = regex(
    r"(?<![\d/.])(?:1[3-9]|2\d|3[01])/(?:0?[1-9]|1[0-2])[ \t]*[-\u2013][ \t]*$"
)
# "angioedema 2016-03": a year and its month, ISO-style, standing alone
YEAR_MONTH = screened(
    starting_with("[12]", r"(?<![\w/.-])((?:19|20)\d{2}-(?:0[1-9]|1[0-2]))(?![\w/.-])")
)
# A table's cell around a month and day, a time of day in it at most ("| 7/8 AM   |")
CELL_BEFORE = regex(r"\|[ \t]*$")
CELL_AFTER = regex(r"(?:[ \t]+(?:AM|PM|am|pm|noon|lunch|breakfast|dinner|supper|HS|hs))?[ \t]*\|")
# "3/7 4pm", "8/8 0600": a clock time after it, which a fraction or a score never has
TIME_AFTER = regex(
    r"[ \t]+(?:@|at)?[ \t]*(?:\d{1,2}(?::\d{2})?(?:[ \t]*[-\u2013][ \t]*\d{1,2}(?::\d{2})?)?"
    r"[ \t]*(?:am|pm|a\.m\.|p\.m\.|a|p)\b|\d{1,2}:\d{2}\b|"
    r"[0-2]\d[0-5]\d\b(?![ \t]*(?:mg|ml|kcal|cal)\b))",
    re.I,
)
# a weekday's short form after a word that announces a day ("discuss tues", "until Sat")
WEEKDAY_SHORT = screened_lower(
    regex(
        r"(?=[mtwfs])\b(?:(?:mon|tues?|weds?|thu|thurs?|fri|sat|sun)\b(?!-?\w)"
        r"|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b)"
    )
)
WEEKDAY_CUE_BEFORE = regex(
    # (after another weekday in a list: "fri, sat, sun", "sat & sun")
    r"(?:\b(?:mon|tues?|weds?|thu|thurs?|fri|sat|sun)"
    r"(?:[-\u2013/]|,[ \t]*|[ \t]+(?:&|and|or)[ \t]+)|"
    r"\b(?:on|next|last|this|until|till|by|since|from|discuss|see you|mtg|meeting|session|do|"
    r"appt|rtc|f/u|every|each|visit|visits|visiting|come|comes|coming|back|after|before|"
    r"return|returns|call|calls|scheduled|booked|intake)[ \t]+)$"
)
# A weekly log's days opening its lines ("mon - picked sione up", "- wed: kelsey intake
# done"): a date where the note opens lines so with two days or more, never a reading
# ("sat: 97% RA")
LOG_DAY = screened_lower(
    regex(
        r"(?m)^[ \t]*(?:[-*\u2022][ \t]*)?((?:mon|tues?|weds?|thu|thurs?|fri|sat|sun))"
        r"(?:[ \t]+(?:am|pm|eve|night|morning))?[ \t]*[-:\u2013][ \t](?![ \t]*\d)"
    )
)
# Short forms of weekdays that are no English word: a date wherever they stand ("FLY IN FRI",
# "Med check Thurs."); "Mon" and "Wed" count capitalised, "Sat" and "Sun" only by context.
WEEKDAY_ALWAYS_UNLED = regex(
    r"\b(?:[Tt]ues?|TUES?|[Tt]hurs?|THURS?|[Tt]hu|THU|[Ww]eds|WEDS|[Ff]ri|FRI|Mon|MON|Wed|WED)"
    r"\b(?![-'\u2019]?\w)(?![ \t]+(?:3[2-9]|[4-9]\d|1\d\d)\b)"  # (nor an index: "FRI 98")
    r"|\b(?:Sat|Sun)\b(?=[.,;)][ \t]*(?:$|\n|[A-Z]))"  # "flying in Sat. Continue ..."
    # "Sat" capitalised inside a clause, never a saturation's ("1 glass wine Sat nights",
    # "visitation Sat |"; not "Sat 94%", "O2 Sat:", "Sat down")
    r"|(?<=[a-z0-9)+][ \t])Sat\b(?![-'\u2019]?\w)"
    r"(?![ \t]*(?:\d|%|of\b|[Oo]2\b|:|=|down\b|up\b|with\b|in\b|on\b|at\b|quietly\b))"
)
OF_AFTER = regex(r"[ \t]+of\b")
DECIMAL_AFTER = regex(r"[ \t]+\d+\.\d")
# Months no name, verb or word shares: a date wherever they stand capitalised.
PLAIN_MONTHS = frozenset(
    """January February July September October November December Jan Feb Sept Oct Nov Dec
    JANUARY FEBRUARY JULY SEPTEMBER OCTOBER NOVEMBER DECEMBER""".split()
)
PART_OF_DAY_AFTER = regex(r"[ \t]+(?:am|pm|a\.m\.|p\.m\.|morning|afternoon|evening|night)\b")
BOTTLES_BEFORE = regex(r"\b(?:bcx|ucx|cx|cultures?|bal)[ \t:]*$")
DOSE_AFTER = regex(r"[ \t]*(?:mg|mcg|g|ml|units?)\b")
NOT_A_DATE_AFTER = regex(
    # (and a rating's change: "2/10 -> 4/10")
    r"[ \t]*(?:(?:->|\u2192|-->)[ \t]*\d{1,2}/10\b|"
    r"\d|(?:tabs?|caps?|pills?|doses?|mg|of|pain|scale|strength|x|times|days|nights|cups?|"
    r"correct|opportunities|trials|items|sessions|attempts|words)\b)"
)
# "3/88": a month and a two-digit year that cannot be a day
MONTH_SHORT_YEAR = screened(
    regex(
        r"([0-9](?<![\w/.][0-9])(?:(?<=0)[1-9]|(?<=1)[0-2]|(?<=[1-9]))/(?:3[2-9]|[4-9]\d|0\d))"
        r"\b(?![/.]\d)"
    )
)
MEASURE_BEFORE = regex(
    r"(?:\b(?:wbc|plt|platelets|kcal|calories|ml|cc|mg|units|steps|glucose|bs|fs|cbg|ldh|ck|"
    r"cpk|volume|output|intake|i/o|weight|wt|no\.?|x|total|score|level)|#|\$)[ \t:=]*$"
)
SCORE_BEFORE = regex(
    r"(?:moca|mmse|slums|phq-?\d*|gad-?\d*|score|scored|rated|rating|pain|strength|recall|"
    r"distress|suds|anxiety|craving|urges?|mood|ruler|cog|bipap|cpap|peep|ipap|epap|settings|"
    r"fluency|naming|orientation|"
    r"cervix|"
    r"(?:o2|spo2|02)[ \t]*sats?|saturation|bp|ratio|of|out of|grade|apgar|gcs|ciwa|cows)"
    r"[ \t:=|]*$"
)
# A rating's earlier value: "5/10, up from 2/10"
RATING_FROM_BEFORE = regex(
    r"\b(?:up|down|improved|increased|decreased|dropped|rose|fell)[ \t]+from[ \t]*$"
)
ORDINAL_DAY = screened_lower(regex(r"(\d(?<![\w.]\d)(?:(?<=[12])\d|(?<=3)[01])?(?:st|nd|rd|th))\b"))
# A month and day before the event it dates: "re: 5/8 incident", "6/2 hearing" (a noun in the
# singular: "attended 2/3 sessions" is a count; never a half, a third or a quarter)
DAY_BEFORE_EVENT = screened_lower(
    regex(
        r"\b(\d{1,2}/\d{1,2})(?<!1/2)(?<!1/3)(?<!1/4)(?<!2/3)(?<!3/4)[ \t]+"
        r"(?:incident|hearing|court date|admission|discharge|appt|"
        r"appointment|meeting|visit|session|"
        r"call|voicemail|email|message|"
        r"overdose|od|relapse|arrest|fight|fall|seizure|ed visit)\b(?!-)"
    )
)
# What closes a clause after a day's ordinal: "sooner than the 22nd.", "the 3rd and"
ORDINAL_CLOSED = regex(r"[ \t]*(?:[.,;:!?)\"']|$|\n|(?:and|or|to|at|when|if|so|but)\b|-)")
# A birthday that says an age: "his mother's 70th", "dad's 60th on the 21st" (ten or more)
BIRTHDAY_ORDINAL = screened_lower(
    regex(
        r"['\u2019]s[ \t]+([1-9]\d(?:st|nd|rd|th))\b"
        r"(?=[ \t]*(?:[.,;:!?)]|$|\n|(?:birthday|bday|party|on|in|next|this|last)\b))"
    )
)
NOT_A_DAY_AFTER = regex(
    r"[ \t-]*(?:%|grade|grader|percentile|centile|floor|century|time|times|day|week|month|year|"
    r"visit|session|attempt|dose|cycle|birthday|street|st\b|ave|avenue|place|period|hour|minute|"
    r"toe|finger|digit|rib|degree|trimester|ventricle|nerve|metatarsal|metacarpal|ics|"
    r"intercostal|cranial|generation|cousin|quarter|semester|term|place|round|line|"
    r"of (?:\d|the))"
)
# (never inside a code: "G3P2002" is an obstetric history)
CLOCK_BEFORE = regex(r"(?:\bat|@)[ \t]*~?$")
# A time on a 24-hour clock that no year can be ("0800", "1430", "2215"): a note that writes
# them writes "1945" as a time too, unless a cue says a year
CLOCK_TIME = regex(r"(?<![\w/.:$-])(?:[01][0-8]|2[1-3])[0-5]\d(?![\w/.:-])(?![ \t]*(?:mg|ml|kcal))")
# What says a year before a number in such a note ("died 1952", "b. 1948"); a line's start
# is no cue here: a log opens its lines with times, "1930 calm, given water"
YEAR_CUE_BEFORE = regex(
    r"(?:\b(?:in|since|born|year|from|until|till|through|during|circa|class of|by|before|"
    r"after|b|d|widowed|married|divorced|retired|is|was|of|died|passed|deceased|dob|moved|"
    r"graduated|diagnosed|dx|admitted|hospitalized|arrested|served|discharged|enlisted|"
    r"immigrated|emigrated)[.:]?[ \t]+|\()$"
)
AGE_THEN_AFTER = regex(r"[ \t]*\((?:age|aged)[ \t]")  # ("hip fracture 1958 (age 12)")
YEAR_ALONE = regex(r"((?:19|20|21)(?<![\w/.$-]..)\d{2})\b(?![/.-]\d)")
NOT_A_YEAR_AFTER = regex(
    r"[ \t]*(?:mg|ml|mcg|units?|iu|IU|meq|mEq|mmol|ng|cells|/|%|lbs?|kcal|calories|steps|feet|"
    r"ft|miles)"
)
MONTH_ALONE = screened(regex(rf"({_initial_led(_MONTH_CASED)}\.?)(?![A-Za-z])(?![ \t]*\d)"))
CUE_WORD_BEFORE = regex(rf"\b{DATE_CUE}\.?,?:?[ \t]+(?:the[ \t]+)?(?:(?:early|mid|late)[- ])?$")
CUED_DATE_PATTERNS: tuple[re.Pattern[str], ...] = (
    regex(rf"\b({YEAR4})[ \t]*[-\u2013][ \t]*({YEAR4})\b"),
    regex(
        r"(?:\b(?:dob|d\.o\.b\.|date of birth|birth date|birthdate|"
        r"born)[ \t]*[:#]?[ \t]*)(\d{1,2}[/-]\d{1,2}(?:[/-]\d{2,4})?)"
    ),
    regex(rf"\bclass of[ \t]+({YEAR4})\b"),
    regex(r"'(?<![\w/.]')(\d{2})\b(?![ \t]*(?:mg|lb))"),  # (led by the quote: see starting_with)
)
# "DOS: 11.14.24": a date with stops after the label of the day it records; behind a hint of
# the date's shape, led by its stop (most notes have none)
DOTTED_DATE_CUED = regex(
    r"\b(?:dos|date of service|date|admit|admitted|d/c|discharged|seen)[ \t]*[:#]?[ \t]*"
    r"(\d{1,2}\.\d{1,2}\.\d{2})\b(?!\.\d)"
)
DOTTED_DATE_HINT = regex(r"\.\d{1,2}\.\d\d")

# Ages: "45-year-old", "45 yo", "age 45", "(age 6)", "45M presenting", "in her 90s". A
# duration ("2 yrs ago", "for 20 years") is not an age: "years" counts only with "old".
AGE_PATTERNS: tuple[str, ...] = (  # sources: compiled in AGE_NUMBERS, AGE_STATEMENTS
    r"\b(\d{1,3})(?:[ \t]*|-)(?:years?|yrs?|y)[ \t-]*old\b",
    r"\b(\d{1,3})[ \t]*(?:yo[mf]?|y/o|y\.o\.|yr old|yrs old)(?![a-z])",  # ("61 YOF")
    r"\b(\d{1,2})[ \t-](?:month|mo)s?[ \t-]old\b",  # "19-month-old": a child's age
    (
        # ("AGE: 63Y", "aged 66yrs", lower-cased)
        r"\b(?:age|aged|ages|age:)[ \t]*:?[ \t]*(\d{1,3})(?:y|yo|yrs?)?\b"
        r"(?![ \t]*(?:mg|%|/|years? ago|yrs? ago))"
    ),
    r"\bage/sex[ \t]*:?[ \t]*(\d{1,3})[ \t]*/[ \t]*[mf]\b",  # "Age/Sex: 58/F"
    # "Age at testing: 12", "age at first use: 14": an age, whatever it is the age at
    r"\bage[ \t]+at[ \t]+(?:[a-z]+[ \t]+){0,3}?[a-z/]+[ \t]*:[ \t]*(\d{1,3})\b(?![ \t]*(?:mg|%|/))",
    r"\bin (?:his|her|their) (?:early |mid |mid-|late )?((?:[1-9]|1[0-1])0s)\b",
    r"\bturn(?:s|ed|ing)?[ \t]+(\d{1,3})\b(?![ \t]*(?:mg|%|/))",
    r"\b(\d{1,3})(?:th|st|nd|rd) birthday\b",
    r"\bat the age of (\d{1,3})\b(?![ \t]*(?:weeks?|wks?|months?|mos?|days?)\b)",
)
AGE_GLUED = screened(regex(r"(\d(?<![\w.,/]\d)\d?)(?:M|F)\b(?=[,;:]|\.\s|[ \t]+[a-z])"))
# "91F R displaced femoral neck fx": glued, opening a line or a sentence, before any word
AGE_GLUED_LEAD = screened(regex(r"(\d(?<![\w.,/]\d)\d?)(?:M|F)\b(?=[ \t]+[A-Za-z])"))
# "(58F)", "| 38M" ending a line, "71M - new onset", "cb 17f, jr", "Faith Odunsi, 14y  RiO":
# glued, where it closes a bracket, a line or a clause ("9h 52m," is a duration: no "m" after
# hours)
AGE_GLUED_CLOSING = screened(
    regex(
        r"(\d(?<![\w.,/]\d)\d?)(?:(?:M|F)\b(?=\)|[ \t]*(?:\n|$)|[ \t]+[-\u2013\u2014][ \t])"
        r"|(?:f|(?<!\dh \d)(?<!\dh \d\d)m)\b(?=,)"
        r"|(?:y|yo|Y|YO)\b(?=[,;)]|[ \t]*(?:\n|$)|[ \t]+(?:[MF]\b|[A-Z])))"
    )
)
# "Bo (16 M) - referred", "Veteran (26, Navy)", "Mr. Ferraro (then 27)": an age in brackets
# with the sex, after a veteran, or at a past event
AGE_BRACKETED_BESIDE = regex(
    r"\((\d{1,2})[ \t][MF]\)|\b[Vv]eteran[ \t]*\((\d{1,2})[,)]"
    r"|\b[A-Z][a-z]+[ \t]*\(then[ \t]+(\d{1,2})\)"  # ("rate 40 (then 12)" is no one's)
)
AGE_BRACKETED_HINTS = hint((" M)", " F)", "eteran (", "(then "))
# A catheter's or a tube's word, whose French size is no age: "16F foley", "14 Fr NG tube"
# after the size, "Foley 16F", "NGT 12F" before it (the short ones whole after it: "55F from")
_CATHETERS = (
    "french|foley|cath|catheter|coude|ngt|ogt|tube|sheath|drain|pigtail|introducer|dilator|"
    "trach|suction|angio"
)
FRENCH_SIZE_AFTER = regex(rf"[ \t]*(?:fr\b|ng\b|og\b|iv\b|{_CATHETERS})", re.I)
CATHETER_BEFORE = regex(rf"\b(?:fr|ng|og|{_CATHETERS})[ \t:#-]*$", re.I)
TEMPERATURE_BEFORE = regex(r"(?:\bt|temp|tmax|fever|febrile|°)[ \t:]*$", re.I)
# A distance walked, wheeled or run, no age and sex: "Mobilised 20m with 4WW", "walked 100 m"
WALKED_BEFORE = regex(
    r"\b(?:mobili[sz]\w*|mob'?d?|walk\w*|ambulat\w*|amb|distance|gait|propel\w*|wheel\w*|"
    r"ran|run|jog\w*|swam|swim\w*|cycled?|6mwt|2mwt|10mwt)\b[^\n.;,!?]{0,12}$",
    re.I,
)
WEATHER_BEFORE = regex(
    r"(?:thermostat|ambient|outside|outdoors|weather|temps?|wind ?chill|degrees)[^\n]{0,12}$",
    re.I,
)
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
# "a sixty-two year old", "forty-five-year-old" (on the lower-cased text)
YEAR_OLD_WORDS = regex(r"(?=[- ])[- ](?:years?|yr)[- ]old\b")
NUMBER_WORD_BEFORE = regex(
    rf"\b((?:(?:{_TENS})(?:[- ](?:{_UNITS}))?|{_TEENS}|{_UNITS}|one hundred(?: and \w+)?))$"
)
AGE_WORDS_OLD = regex(
    rf"\b((?:(?:{_TENS})(?:[- ](?:{_UNITS}))?|{_TEENS}|{_UNITS}|one hundred(?: and \w+)?))"
    rf"[- ](?:years?|yr)[- ]old\b"
)
# "a fifty-two yo man", "Sixty-one y/o male": a spelled age before its short form (on the
# lower-cased text)
AGE_WORDS_YO = screened_lower(
    regex(rf"\b((?:{_TENS})(?:[- ](?:{_UNITS}))?|{_TEENS})[ \t-]?(?:yo|y/o|y\.o\.)(?![\w/])")
)
# "Unknown male, 20s", "F, approx 40s": a decade of life after a person's sex and a comma
# (on the lower-cased text; never a vital sign's range: "sats low 80s")
SEX_DECADE = regex(
    r"\b(?:m|f|male|female|man|woman|boy|girl),[ \t]*(?:(?:approx\.?|approximately|about)[ \t]+)?"
    r"(?:(?:early|mid|late)[ \t-])?((?:[1-9]|1[01])0s)\b"
)
# "approx 30s", "~60s", "late 20s", "(mid-20s)": a person's age guessed to the decade (on
# the lower-cased text; never a range of readings, "nsr 70s-80s", nor after a reading's name,
# VITALS_BEFORE)
DECADE_GUESSED = regex(
    r"(?:\b(?:approx\.?|approximately|about|est\.?|maybe)[ \t]*|~[ \t]*|(?<![\w-]))"
    r"((?:(?:early|mid|late)[ \t-])?(?:[1-9]|1[01])0s)\b(?![ \t]*[-/\u2013]|[ \t]+(?:x|for)\b)"
)
VITALS_BEFORE = regex(
    r"\b(?:nsr|sr|hr|map|bps?|sbp|dbp|sats?|spo2|o2|rates?|tele|glucose|bgs?|fsbg|lows?|"
    r"highs?|temps?|rr|pulses?|hrs|maps|in the|to the|into the|controlled|paced)[ \t:]*$"
)
# "aged 8 and 12", "ages 4, 7 and 10": the ages after the first (on the lower-cased text)
AGES_LISTED = regex(r"\b(?:aged|ages)[ \t]+\d{1,2}((?:,[ \t]*\d{1,2})*,?[ \t]+and[ \t]+\d{1,2})\b")
# "71 M, CAD s/p stent", "93 F from Briarwood": an age and sex opening a line or a sentence
AGE_SEX_LEAD = screened(
    regex(
        r"(\d(?<![^\n \t]\d)\d{0,2})[ \t]?[MF](?=[ \t]*,|[ \t]+(?:(?:from|with|who|s/p|on)\b|w/)"
        # or a lower-case word of who they are: "HISTORY: 52 M long-haul trucker", "HPI: 23 F grad"
        r"|[ \t]+(?!(?:ago|later|of|min|mins|hours?|hrs?|days?|weeks?|wks?|months?|years?|yrs?|"
        r"times|"
        r"units?|ml|mg|and|or|to|x)\b)[a-z]{3,})"
    )
)
LINE_OR_SENTENCE_BEFORE = regex(r"(?:^|\n|[.:])[ \t]*$")
# "a/p 66f nstemi", "82m cap rll": a hurried assessment opening with age and sex in lower case
AGE_SEX_LOWER_LEAD = regex(
    r"(?m)(?:^|\ba/p:?[ \t]+|\ba:[ \t]+)(\d{1,3})[mf][ \t]+"
    r"(?!(?:ago|later|of|min|mins|walk|apart|after|before|prior|in|at|to)\b)(?:[a-z]{2,}|[wsch]/|[a-z]\.[a-z]\.)"
)
# An age and sex filling a cell of a header's row ("MRN 5521087 | 41 F | HD 9"), or after
# the assessment's label ("A/P 67M DM2 w/ RLL CAP")
# A texter or caller giving their age: "im 13", "i'm 19. my name is", "I am 16 and"
I_AM_AGE = screened_lower(
    regex(
        r"\bi(?:'?m|\u2019m| am)[ \t]+(\d{1,2})"
        r"(?=[ \t]*(?:[.,!;]|\n|$|(?:y/?o|yrs?|years?(?! sober)|and|but|so|btw)\b))"
    )
)
AGE_SEX_CELL = regex(r"\|[ \t]*(\d{1,3})[ \t]?[MF][ \t]*\|")
AGE_SEX_ASSESSED = regex(r"\b(?:A/P|Assessment|ASSESSMENT)[: \t]+(\d{1,3})[ \t]?[MF]\b")
ASSESSED_HINTS = hint(("A/P", "ssessment", "SSESSMENT"))
# "kids (9, 6)", "children (4 and 7)": the ages in brackets after children
CHILDREN_AGES = regex(
    r"(?=[kcsdgt])\b(?:kids|children|sons|daughters|grandchildren|grandkids|twins)"
    r"[ \t]*\(([\d, and]+)\)"
)
# "DOB 3/2/2028 (52)": the age in brackets after a date of birth
# "DOB 3/4/1990 (34)", "DOB 04/04/1996, 28", "DOB April 3, 1970 (54)": the age after the date
# of birth
AGE_AFTER_BIRTH = regex(
    r"(?=[db])\b(?:dob|d\.o\.b\.?|born)[: \t]*"
    r"(?:[\d/.-]{6,10}|[a-z]{3,9}\.?[ \t]\d{1,2},?[ \t]\d{4})[ \t]*"
    # ("(34)", ", 34", "(75 y)"; "(2 yr 9 mo)": a child's age in years and months, the numbers)
    r"(?:\((\d{1,3})(?:[ \t]*(?:y|yr|yrs|yo|years?)"
    r"(?:[ \t]+(\d{1,2})[ \t]*(?:m|mo|mos|months?))?)?\)"
    r"|,[ \t]*(\d{1,3})\b(?![ \t]*(?:mg|%|/|\d)))"
)
# "CA: 8 yrs 4 mos", "Age at assessment: 5 years 4 months": a child's age in years and
# months after an age's label is one age, its units with it (on the lower-cased text)
AGE_IN_MONTHS_LABELLED = screened_lower(
    regex(
        r"\b(?:age|ca|chronological age|(?:age|ca)[ \t]+at[ \t]+(?:[a-z]+[ \t]+){0,3}?[a-z]+)"
        r"[ \t]*:[ \t]*"
        r"(\d{1,2}[ \t]*(?:years?|yrs?|yr|y)\.?,?[ \t]*(?:and[ \t]+)?"
        r"\d{1,2}[ \t]*(?:months?|mos?|mo|m)\b"
        r"|\d{1,2}[:;]\d{1,2}\b(?![:;.]?\d))"  # ("CA at testing: 11:9", years:months)
    )
)
AGE_NUMBER_FIRST = [p for p in AGE_PATTERNS if p.startswith(r"\b(\d")]
AGE_WORD_FIRST = [p for p in AGE_PATTERNS if not p.startswith(r"\b(\d")]
AGE_SEX = screened(
    regex(
        r"(\d(?<!\w\d)\d{0,2})[ \t]?(?:M|F|m|f)\b"
        r"(?=[\s,.;]+(?i:w/|(?:with|who|presents|presenting|admitted|pt|"
        r"patient|hx|h/o|s/p|bib|bibems|biba|bibp|brought|referred|seen|here|c/o|g\dp\d|mrn|"
        r"dob|adm|sent|transferred|transfer|found|status|pod|hd|day|rm|dx|bpad|known)\b))"
    )
)
# "27F BIBA ...", "Kowalski, Agnieszka   87F   MRN": an age and sex standing apart
AGE_SEX_APART = screened(regex(r"(\d(?<![^\n \t]\d)\d{0,2}) ?[MF](?=[ \t]{2,}|[ \t]*(?:\n|$))"))
LINE_OR_COLUMN_BEFORE = regex(r"(?:^|\n|[ \t]{2})[ \t]*$")
# "married Travis at 19, divorced at 24": an age at a turn of life
AT_AGE = screened_lower(
    regex(
        r"at(?<!\wat) (?:age )?(\d{1,2})\b(?![ \t]*(?:mg|%|:|am\b|pm\b|a\.m|p\.m|o'clock|hours"
        r"|hrs|min|times|x\b|/|\.\d|days?\b|d\b|weeks?\b|wks?\b|months?\b|mos?\b|years?\b|yrs?\b))"
    )
)
# "B: Client, 27, on time": the age set off after the word for the person
CLIENT_AGE = regex(r"\b(?:client|patient),[ \t]*(\d{1,2}),[ \t](?![ \t]*\d)")
EVENT_BEFORE = regex(
    r"\b(?:married|divorced|widowed|adopted|moved|emigrated|immigrated|arrived|left home|"
    r"graduated|dropped out|quit school|started|began|first (?:used|drank|drink|tried|"
    r"hospitali[sz]ation|admission|episode|attempt|arrest)|onset|diagnosed|arrested|"
    r"incarcerated|pregnant|gave birth|had (?:her|his|a|their) (?:first )?(?:child|son|"
    r"daughter|baby)|lost (?:her|his|their) (?:mother|father|mom|dad|virginity)|raped|"
    r"abused|molested|assaulted|retired|enlisted|deployed|came out|ran away|grandmother|"
    r"grandfather|grandparent|mother|father|parent|widow|widower|became|become|died|"
    r"passed|passed away|deceased|killed|suicide|attempt|overdose|od|psychosis|mi|stroke|cva|"
    r"heart attack|replacement|bypass|joined|menarche|hysterectomy|mastectomy|"
    r"first-episode|first episode|cancer|cabg|quit|cutting|self-harm|first break|left school|"
    r"left [a-z]+ school|left [a-z]+ high school|abuse|sexual abuse|neighbor|neighbour)\b"
    # ("d. at 61": the stop ends the word, so no \b can follow it)
    r"[^.;\n]{0,40}$|\bd\.[ \t]+$"
)
# "Kiara (17)", "client (Lily, 15)", "when she was 12", "he is 91"
# "Kiara (17)", "client (Lily, 15)": found from the bracket, which is quick to look for
AGE_BRACKETED = regex(
    r"\((?:[A-Z][a-z]+,[ \t]*)?(\d{1,3})\)"
    r"|\((\d{1,2}[ \t]*(?:months?|mos?|weeks?|wks?)(?:[ \t]+old)?)\)"  # "Minjun (11 months)"
    # "C.W. (44, long-haul trucker)", "T.B. (45 F, MDD)": after initials only (below)
    r"|\((\d{1,3})(?:,|[ \t]?[MF]\b)"
)
# "his father, 84, had an MI", "daughter 7;": a relative's age after the word for them
RELATIVE_AGE = screened_lower(
    regex(
        r"(?=[abcdfghmnpsuw])"  # (the first letters: the engine skips to them, twice as fast)
        r"\b(?:mother|father|mom|dad|wife|husband|son|daughter|brother|sister|grandmother|"
        r"grandfather|grandson|granddaughter|aunt|uncle|niece|nephew|cousin|partner|boyfriend|"
        r"girlfriend|fianc\u00e9e?|fiancee?|"
        r"stepfather|stepmother|stepson|stepdaughter)(?:'s)?,?[ \t]+"
        r"(?:now[ \t]+|aged?[ \t]+|\()?(\d{1,3})"
        r"(?=[ \t]*(?:,|\)|;|\.(?!\d)|yo\b|y/o|years? old|yrs? old))"
    )
)
# "1. g.h. 58m - wife rang", "K.B. 26F": initials, then an age glued to the sex
# (what it cannot match without, led by the stop: found many times faster than the whole)
INITIALS_AGE_SEX_HINT = regex(r"\.[ \t]+\d{1,3}[mfMF]\b")
INITIALS_AGE_SEX = regex(
    r"(?<![\w.])([a-zA-Z])\.([a-zA-Z])\.(?:([a-zA-Z])\.)?[ \t]+(\d{1,3})[mfMF]\b"
    r"(?![ \t]*(?:in|min))"
)
# A case list's item: initials, a dash, the age ("1. R.W. - 52 M", "2. MT - 19 F", "3. j.o. - 34,")
ITEM_INITIALS_AGE = regex(
    r"(?m)^[ \t]*(?:\d{1,2}[.)][ \t]+|[-*\u2022][ \t]+)?(?:((?:[A-Za-z]\.){1,3})[ \t]+"
    r"[-\u2013\u2014][ \t]+(\d{1,2})(?=[ \t]*(?:[MFmf]\b|,|y/?o\b))"
    r"|([A-Z]{2,3})[ \t]+[-\u2013\u2014][ \t]+(\d{1,2})(?=[ \t]?(?:[MF]|y/?o)\b))"
)
# "(02 5550 1234)", "02 5550 1234": an Australian number with its area code
# ("1300 555 874", "1800 555 214": a service's number in Australia, a freephone in Ireland)
PHONE_AU = regex(r"\(?\b0[2378]\)?[ \t]\d{4}[ \t]\d{4}\b|\b1[38]00[ \t]\d{3}[ \t]\d{3}\b")
# "Now 64, retired from teaching", "herself 79,": an age opening a sentence or after "-self"
AGE_NOW = regex(r"(?:(?:^|[.!?:][ \t]+|\n)now|\b(?:him|her|them)self)[ \t]+(\d{1,3}),")
# "kids 4 and 7", "sons 12, 9 and 6": the ages of the children a word for them lists (in
# brackets: CHILDREN_AGES above)
# (what either children's pattern cannot match without)
CHILDREN_HINTS = hint(("kids", "children", "sons", "daughters", "boys", "girls", "twins"))
CHILDREN_AGES_LISTED = regex(
    r"\b(?:kids|children|sons|daughters|boys|girls|twins|grandkids|grandchildren)[ \t]+"
    r"(?:aged?[ \t]+)?(\d{1,2}(?:,[ \t]*\d{1,2})*,?[ \t]+(?:and|&)[ \t]+\d{1,2})\b"
    r"(?![ \t]*(?:mg|%|/|x\b|times|days|weeks|months|hours|pm|am|yrs? ago|years ago))"
)
AGE_NUMBER = regex(r"\d{1,2}")
# "DOB: 01/17/2006 (86Y)": an age in years, glued to its letter, in brackets
AGE_YEARS_BRACKETED = regex(r"\((\d{1,3})[ \t]?(?:Y|y|yo|YO|yrs?)\)")
INITIAL_BEFORE_BRACKET = regex(r"[A-Z]\.[ \t]*$")
NAME_BEFORE_BRACKET = regex(r"\b[A-Z][a-z]+,?[ \t]*$")
# A personality inventory's scales, whose base rate or T score a report brackets after them:
# "Depressive (85), Dependent (78)" (MCMI, MMPI, PAI), no one's age
PERSONALITY_SCALES = frozenset(
    """schizoid avoidant melancholic depressive dependent histrionic turbulent narcissistic
    antisocial sadistic compulsive negativistic masochistic schizotypal borderline paranoid
    anxiety somatic bipolar depression alcohol drug delusional hypochondriasis hysteria
    deviate paranoia psychasthenia schizophrenia hypomania introversion disclosure
    desirability debasement somatization mania aggression suicidality stress nonsupport
    dominance warmth""".split()
)
# "when she was 12", "he is 91 and", "pt is 24," (on the lower-cased text)
AGE_STATED = screened_lower(
    starting_with(
        "[chipsuw]",
        r"\b(?:when|since|until) (?:he|she|they|i|client|pt|patient|the client|the patient) "
        r"(?:was|were|turned) (\d{1,3})\b"
        r"|\b(?:he|she|pt|patient|client|who) (?:is|was) (?:now )?(\d{1,3})"
        r"(?= and| years|,|\.(?!\d)| now|;)"
        # "when Malia was 4.", "when caller was 16,": whoever it was, then
        r"|\bwhen (?!(?:it|this|that|there|bp|pain|score|temp|he|she|they|i)\b)[^\W\d_]+ was "
        r"(\d{1,2})(?=[.,;](?!\d))"
        # "He's 74 now", "I'm 90, not dead"
        r"|\b(?:he|she|i)['\u2019][sm][ \t]+(?:now[ \t]+|only[ \t]+|almost[ \t]+|nearly[ \t]+)?"
        r"(\d{1,3})(?=[ \t]*(?:now\b|and\b|years\b|,|;|\.(?!\d)))",
    )
)

PHONE = regex(
    r"(?<![\w/])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}\b"
    # (an extension; but "x2" after it is how many times it was called)
    r"(?:[ \t]*(?i:ext\.?|extension|x[ \t])[ \t]*\d{1,5}|[ \t]*[xX]\d{2,5})?"
)
# "at ext 4412", "x4-5123": an extension standing alone reaches a person as a number does
EXTENSION = screened_lower(
    starting_with(
        "[ex]", r"\b(?:ext|extension)\.?[ \t]*#?[ \t]*(\d{3,5}|\d-\d{4})\b|\bx(\d-?\d{3,4})\b"
    )
)
PHONE_SHORT = screened_lower(
    regex(
        r"(?=[bcfhmptw])\b(?:phone|tel|telephone|cell|mobile|home|work|pager|beeper|fax|call|ph|c|h|w|p|f)"
        r"\.?[ \t]*(?:#|number|no\.?)?[ \t]*:?[ \t]*(\d{3}[-.]\d{4}|\d{5}|\d-\d{4})\b(?![-.]\d)"
    )
)
# "0161 496 0733", "0300 555 0142", "020 7946 0958": numbers as Britain writes them at home
# (and its neighbours and antipodes)
UK_PHONE_HINTS = hint((" 0", "\n0", "(0"))
PAGER_HINTS = hint(("page", "beeper", "pgr", "bleep"))
UK_PHONE = screened(
    regex(
        r"[0(](?<![\d+-][0(])(?:(?<=0)(?:\d{3}[ \t]\d{3}[ \t]\d{3,4}|\d{2}[ \t]\d{4}[ \t]\d{4}"
        # Britain's "01632 960 481"; Australia's "(03) 9555 0172" and mobiles "0412 555 730"
        r"|\d{4}[ \t]\d{6}|\d{4}[ \t]\d{3}[ \t]\d{3}"
        # New Zealand's "09 555 4127", Ireland's "091 555 712" and "021 492 1809"
        # (never inside a longer run of groups: "ABN 53 004 085 616")
        r"|(?<!\d[ \t]0)[1-9](?:\d?[ \t]\d{3}[ \t]\d{4}|\d[ \t]\d{3}[ \t]\d{3}))"
        # and the area code in brackets: "(03) 9555 0172", New Zealand's "(09) 555 4410"
        r"|(?<=\()0\d\)[ \t]?\d{3,4}[ \t]?\d{4})(?![\d-])"
    )
)
# "at 555-0171", "fax to HR 555-0143": a local number without its area code (an exchange
# never starts with 0 or 1; a range or a code has other shapes)
LOCAL_PHONE = screened(regex(r"[2-9](?<![\w/.$+-][2-9])\d{2}-\d{4}(?![\w-]|[./]\d)"))
# (what each of three rules needs, looked for first: most notes have none of them)
LOWER_AGE_SEX_GLUED = screened(regex(r"\d[mf][ \t]"))
ITEM_AGE_HINT = screened(regex(r"[.A-Z][ \t][-\u2013\u2014][ \t]\d"))
AU_NUMBER_HINT = screened(starting_with(r"\d", r"\d{4}[ \t]\d{4}\b|\b1[38]00[ \t]\d"))
# "pager 4417", "beeper #2291", "bleep 447", "page 6620 w/ q's": a hospital pager has three to
# five digits (four or five after the verb: "page 12" is a page of a document)
PAGER = regex(
    r"\b(?:pager|beeper|pgr|bleep)[ \t]*(?:#|no\.?)?[ \t]*:?[ \t]*(\d{3,5}|\d-\d{4})\b(?![-.]\d)"
    r"|\bpage[ \t]+(\d{4,5})\b(?![-.]\d|[ \t]+of\b)"
)
PHONE_INTL = regex(r"\+(?<!\w\+)\d{1,3}[\s.-]?(?:\(?\d{1,4}\)?[\s.-]?){2,4}\d{2,4}\b")
# "Phone: 0494 92 82 32", "call me at 21 284 698", "Contact 9182 4470": digit groups after a
# word for a phone.
PHONE_CUED = screened_lower(
    regex(
        r"(?=[ptcmrnfhw])\b(?:phone|tel|telephone|cell|mobile|mob|call me at|call|reach me at|text|"
        # ("HP 8123 5590": Singapore's hand phone)
        r"contact number|contact|hp|whatsapp|"
        r"number is|fax|pager)[ \t]*(?:#|no\.?|number)?[ \t]*:?[ \t\n]*"
        r"((?:\(?\+?\d[\d \t().-]{6,18}\d))"
    )
)
# What makes a number on its line a fax's: "Fax: 0113 392 6641", "F: (07) 5555 0187", "faxed
# to HR at 920-555-0181" (the cue last on the line before it: never "Fax: ... Ph: 03 9214 8483")
FAX_BEFORE = regex(
    r"(?:\b(?i:fax(?:ed)?|facsimile|fx)\b|\b[Ff]:|\b[Ff][ \t]*$)"
    # (and no phone's word, nor a sentence's end, after it: "faxed to 303-555-0157. Dad (720-..")
    r"(?![^\n]*(?:\b(?i:tel|ph|phone|cell|mobile|call|callback|text|line|direct|p:|t:)|[.;][ \t]))"
    r"[^\n]*$"
)


def _faxed(text: str, start: int) -> bool:
    line = text.rfind("\n", 0, start) + 1
    return FAX_BEFORE.search(text, max(line, start - 48), start) is not None


EMAIL = regex(r"\b[\w.+'-]+@[\w-]+(?:\.[\w-]+)+\b")
URL = regex(
    r"\b(?:https?://|ftp://|www\.)[^\s<>\"')\]]+[^\s<>\"')\].,;:!?]"
    r"|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|org|net|edu|gov|io|us|info|biz|health|care|co|"
    r"me)"
    r"(?:/[^\s<>\"')\]]*[^\s<>\"')\].,;:!?])?\b",
    I,
)
IPV4 = regex(r"\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b")
IPV6 = regex(
    r"(?<![\w:])(?:[0-9a-f]{1,4}:){2,7}(?::|[0-9a-f]{1,4})\b|\b(?:[0-9a-f]{1,4}:)+:[0-9a-f:]*\b"
)
# What every IPv4 address holds, led by a full stop (found fast): ".168.1"
IPV4_HINT = regex(r"\.\d{1,3}\.\d")
# What every IPv6 address holds: two colons with at most four hex digits between
IPV6_HINT = regex(r":[0-9a-f]{0,4}:")
SSN = screened(regex(r"[0-8](?<!\w.)(?!(?<=0)00|(?<=6)66)\d{2}([- ])\d{2}\1\d{4}\b"))
SSN_CUED = screened_lower(
    regex(
        r"(?=s)\b(?:ssn|ss#|ss ?no\.?|"
        r"social security(?: number| no\.?| #)?)[ \t]*[:#]?[ \t]*(\d{9}|"
        r"\d{3}[- ]\d{2}[- ]\d{4}|(?:x{3}|\*{3})-?(?:x{2}|\*{2})-?\d{4})"
    )
)
# A number read out digit by digit, as a voicemail's transcript has it: "three one three five
# five five oh one nine eight" (seven digits or more; no count runs so long)
_DIGIT_WORD = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
SPOKEN_NUMBER = regex(rf"\b{_DIGIT_WORD}(?:[ \t,-]+{_DIGIT_WORD}){{6,}}\b")
# (seven digits read out hold one of these, or are "one two one three two one two")
SPOKEN_HINTS = hint(("four", "five", "six", "seven", "eight", "nine", "zero", " oh "))
# An age after the word for who someone is and a comma, closing a bracket or a clause:
# "(identified client, 16)", "(patient, 24)", "white male, 21, 6ft" (not "female, 3,250 g",
# "female, 9 days postpartum", "with client, 3, 4 and 5 of the steps")
AGE_AFTER_WHO = screened_lower(
    starting_with(
        "[bcfgmnpw]",
        r"\b(?:patient|client|male|female|man|woman|boy|girl|nonbinary)[ \t]*,[ \t]*"
        r"(\d{1,3})(?=\)|,[ \t]+(?!\d+[ \t]*(?:,|and\b|or\b|-|$)))",
    )
)
# Canada's social insurance number, after its label: "SIN: 527 334 918"
SIN_CUED = screened_lower(
    regex(
        r"(?=s)\b(?:sin|s\.i\.n\.|social insurance(?: number| no\.?| #)?)[ \t]*[:#]?[ \t]*"
        r"(\d{3}([- ]?)\d{3}\2\d{3})\b"
    )
)

ID_CUES = (
    r"MRN|MR#|MR ?No\.?|Med(?:ical)? Rec(?:ord)?(?: Number| No\.?| #)?|Record(?: Number| No\.?| #)|"
    r"Chart(?: Number| No\.?| #)|Acct\.?(?: No\.?| #)?|Account(?: Number| No\.?| #)?|"
    r"Policy(?: Number| No\.?| #)?|"
    r"Member(?: ID| Number| No\.?| #)|Insurance(?: ID| Number| No\.?| #)|Subscriber(?: ID| Number|"
    r" #)?|"
    r"Group(?: Number| No\.?| #| ID)|Claim(?: Number| No\.?| #)?|"
    r"Case(?: Number| No\.?| #|(?=:))|No\.(?=[ \t]*:)|Document(?= ?[:#])|"
    r"Unit(?: Number| No\.?| #)|"
    r"Encounter(?: Number| No\.?| #| ID)?|Visit(?: Number| No\.?| #| ID)|Accession(?: Number|"
    r" No\.?| #)?|"
    r"Patient ID|Pt ID|Client ID|ID(?: Number| No\.?| #)?|Licen[cs]e(?: Number| No\.?| #| Plate)?|"
    r"Lic\.?(?: No\.?| #)?|"
    r"DEA(?: Number| No\.?| #)?|NPI|VIN|Plate(?: Number| No\.?| #)?|"
    r"Serial(?: Number| No\.?| #|(?![ \t]*[37]s?\b))|"  # (never "serial 7s", a mental status task)
    r"S/N|Index(?: Number| No\.?| #)|PHN|PHIN|PNC|NHS(?: Number| No\.?| #)?|"
    r"OHIP(?: Number| No\.?| #)?|"
    r"CHI(?: Number| No\.?)?|HCN|ABN|IHI|NHI|PPSN|Health Card(?: Number| No\.?| #)?|"
    r"Hospital(?: Number| No\.?| #)|"
    r"Device(?: ID| Number| #)|Medicaid(?: ID| Number| No\.?| #)?|Medicare(?: ID| Number| No\.?|"
    r" #)?|"
    r"HICN|MBI|Health Plan(?: ID| Number| #)?|Plan(?: ID| Number| #)|Certificate(?: Number| No\.?|"
    r" #)|"
    r"Card(?: Number| No\.?| #)|Credit Card|Routing(?: Number| #)?|Docket(?: Number| No\.?| #)?|"
    r"Booking(?: Number| No\.?| #)|Inmate(?: Number| No\.?| #)|Badge(?: Number| No\.?| #)|"
    r"Employee(?: ID| Number| #)|"
    r"Student(?: ID| Number| #)|Passport(?: Number| No\.?| #)?|Order(?: Number| No\.?| #)|"
    r"Ref(?:erence)?(?: Number| No\.?| #|(?=:))|(?:Our|Your|My) Ref(?:erence)?|NDIS(?: No\.?| #)?|"
    r"Room|Rm\.?|Rx ?#|Prescription(?: Number| No\.?| #)|Specimen(?: Number| No\.?| #| ID)?|"
    r"Job(?: Number|"
    r" No\.?| #)|JOB(?=[ \t]+\d{5,})|RAMQ|"
    # "CRN 204 551 873X" (Australia's Centrelink), "(member 0038 4471 2)": with the number
    r"(?:CRN|MCP|Member)(?=[ \t]*:?[ \t]+\d{3,4}[ \t]\d)|"
    # "NI number: PX 12 34 56 D" (the UK's National Insurance), "Matter no: 2023/00281947",
    # "SMIS #: 618 204" (any letters but a dose's, then "#" and a number: not "BID #180"),
    # "ref HR/2023/06671"
    r"NI(?: Number| No\.?| #)?|National Insurance(?: Number| No\.?)?|"
    r"(?:Matter|File)(?: Number| No\.?| #)|"
    r"(?!(?:BID|TID|QID|QD|QHS|PRN|DAILY|TABS?|CAPS?|DISP|QTY)\b)[A-Z]{2,6} ?#(?=:?[ \t]*\d{3})|"
    r"Ref(?=[ \t]+[A-Z]{2,}/\d)"
)
ID_CUED = screened_lower(
    starting_with(
        "[a-z]",
        rf"\b(?:{ID_CUES.lower()})(?![a-z])[ \t]*(?:is|was|"
        rf"of)?[ \t]*[:#=]?[ \t]*#?[ \t]*(\d{{2,}}(?: \d{{3,}}[a-z]?){{1,3}}(?: \d(?:-\d)?)?\b|"
        rf"[a-z]{{2}} ?\d\d ?\d\d ?\d\d ?[a-d]\b|"  # ("px 12 34 56 d": a National Insurance number)
        # "MRN: HMH 22-019-448", "Med Rec no.: KCH 4419-872": the hospital's letters, then
        # the number
        # (and Quebec's card: "RAMQ: TREG 3605 1214")
        rf"[a-z]{{2,4}} \d[\d-]{{3,}}\d\b|[a-z]{{4}} \d{{4}} \d{{4}}\b|"
        rf"(?=[a-z0-9-/.]*\d)[a-z0-9][a-z0-9-/.]*[a-z0-9]|\d)\b",
    )
)
# "ref 22/187734/K", "reference 430 918 277", "activation code 8RKQ-2T7M-PX41",
# "confirmation # F7K2-93LQ": a reference's code, whatever its letters (on the lower-cased
# text; never a range's "ref 0.6-1.2" nor "(ref 1)")
REF_CODE = screened_lower(
    regex(
        r"\b(?:ref(?:erence)?|confirmation|activation code)\b\.?[ \t]*(?:#|no\.?|number)?"
        r"[ \t]*:?[ \t]*([a-z0-9][a-z0-9/-]*[a-z0-9](?: \d{3,}){0,3})(?!\w|\.\d)"
    )
)
REF_HINTS = hint(("ref", "confirmation", "activation"))
# Nine digits in three groups, as a SIN, a service number ("SN K91 204 337"), a scheme's
# member number or a dossier's is written: a number of identity wherever it stands
SPACED_NINE = regex(r"(?<![\w.,/:-])(?<!\d )(?:[A-Z]\d{2}|\d{3}) \d{3} \d{3}(?![\w.,/-]| \d)")
# (what it cannot match without, found from a space: a fifth of the scan's cost)
SPACED_NINE_NEAR = screened(regex(r" (?<=\d )\d{3} \d"))
# (nine digits alone are a number of identity only after its label: never a trend of
# readings, "Glucose 101 145 162", "Weights: 182 179 176 lbs")
NINE_LABEL_BEFORE = regex(
    r"(?i)(?:\bno|\bnumber|#|\bsn|\bsin|\bnas|\bid|\bfile|\bcase|\bclaim|\bdossier|"
    r"\bmember|\bparticipant|\bclient|\bcard|\bmrn|\bcrn|\bphn|\bnhs|\bndis|\btfn|\bssn|"
    r"\bmedicare|\bmedicaid|\bpolicy|\bacct|\baccount|\bref|\breference|\blicen[cs]e|"
    r"\bpermit|\bbadge|\bservice)\.?[ \t]*:?[ \t]*$"
)
REFERENCE_RANGE = regex(r"\d{1,4}-\d{1,4}")  # a lab's normal range: "(ref 135-145)"
# "LAST 4: 2281", "last four of SSN 4471", "SSN (last 4): 7702": the end of a number that
# identifies
LAST_FOUR = regex(
    r"\blast (?:4|four)(?: digits)?(?: of (?:the )?(ssn|social|card|account|acct))?"
    r"[ \t]*\)?[ \t]*[:#]?[ \t]*(\d{4})\b"
)
# Codes mixing letters and digits: "XJH429817", "BCBS-4417-22"; not "PHQ-9", "F41.1", "q4h".
THREE_DIGITS = regex(r"\d\d\d")  # (what ID_CODE cannot match without, found far faster)
ID_CODE = screened(
    regex(r"\b(?=[A-Za-z0-9-]*\d{3})(?=[A-Za-z0-9-]*[A-Za-z])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*\b")
)
ID_DIGITS = screened(
    regex(
        r"\d(?<![\w.,/$]\d)\d{4,}(?:[- ]\d{2,})*\b(?![.,]\d)(?!\s*(?:mg|mcg|ml|mL|units?|cells"
        r"|/|%|dollars|lbs?|kg|steps|calories|k\b))"
    )
)
ID_DASHED = screened(regex(r"\d(?<!\w\d)\d+(?:-\d{2,}){2,}\b"))
CARD_HINT = screened(regex(r"\d(?:\d{3}[- ]\d{4}|\d{3}[- ]\d{6})"))
CARD = regex(r"\b(?:\d{4}[- ]){3}\d{1,4}\b|\b\d{4}[- ]\d{6}[- ]\d{5}\b")
IBAN = regex(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b")

STREET_SUFFIX = (
    r"Street|St|Avenue|Ave|Av|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Way|"
    r"Terrace|Ter|Circle|Cir|Highway|Hwy|Parkway|Pkwy|Trail|Trl|Square|Sq|Loop|Row|Alley|"
    r"Plaza|Pike|Turnpike|Crescent|Close|Path|Run|Point|Pt|Ridge|Heights|Hts|Crossing|Xing|"
    r"Expressway|Expy|Freeway|Fwy|Route|Rte|Hollow|Bend|Cove|Glen|Green|Park|Walk|Mews|Gardens|"
    r"Rise|Landing|Hill|Extension|Ext|Yard|Cres|Pde|Parade|Esplanade|Grove|Gr|Trace|Bypass|"
    r"Cottages|Chase|Meadows|Meadow|Vale|Quay|Wynd|Brae|Wharf"
)
# (never opening with a preposition: "HR 118 ON TELE ST" is a rate and a rhythm)
_STREET_NAME = (
    r"(?!(?i:on|at|in|to|of|for|with|and|per|x|from|by|via)\b)"
    r"(?:[A-Z0-9][A-Za-z0-9'-]*[ \t]+){0,3}[A-Z0-9][A-Za-z0-9'-]*"
)
_UNIT = (
    r"(?:,?\s+(?:Apt|Apartment|Unit|Suite|Ste|Fl|Floor|Rm|Room|Bldg|Building|Lot|#|APT|UNIT|SUITE|STE|FL|"
    r"FLOOR|RM|ROOM|BLDG|LOT)"
    r"\.?\s*#?\s*[A-Za-z0-9-]+|,?[ \t]+\d{1,2}(?:st|nd|rd|th)[ \t]+(?:Floor|floor|Fl|fl)\b\.?"
    # in lower case, only with a number: "Delmar Blvd apt 4C", "Weston Rd, unit 1406"
    r"|,?[ \t]+(?:apt|unit|ste|suite|bldg|flat)\.?[ \t]*#?[ \t]*(?:\d[A-Za-z0-9-]*|[A-Za-z]\d+)\b)?"
)
ADDRESS_PATTERNS: tuple[re.Pattern[str], ...] = (
    # "412 Birch Hollow Rd", and rural grid numbers as the upper Midwest writes them ("W4410")
    regex(
        # (led by its first character, as starting_with explains)
        rf"[\dNSEW](?<![\w:/.][\dNSEW])(?:(?<=[NSEW])\d{{3,6}}|(?<=\d)\d{{0,5}}[A-Za-z]?(?:-\d+)?)"
        rf"[ \t]+"
        rf"(?:[NSEW]\.?[ \t]+|(?:North|South|East|West)[ \t]+)?{_STREET_NAME}[ \t]+"
        rf"(?:{STREET_SUFFIX}|{STREET_SUFFIX.upper()})\b\.?(?:\s+(?:[NSEW]|NE|NW|SE|"
        rf"SW|North|South|East|West)\b\.?)?{_UNIT}"
    ),
    regex(
        rf"\d(?<!\w\d)\d{{0,5}}[ \t]+(?:Route|Rte|Highway|Hwy|County Road|CR|State Route|SR|"
        rf"US)[ \t]*\d+[A-Z]?\b{_UNIT}"
    ),
    regex(
        r"\b(?:P\.?[ \t]?O\.?[ \t]?Box|PO BOX|Post Office Box|Private Bag|Locked Bag|PMB)"
        r"[ \t]+\d+\b"
    ),
    # a county road named by letters: "N2715 County Rd K", "1180 CTH JJ"
    regex(
        r"[\dNSEW](?<!\w[\dNSEW])(?:(?<=[NSEW])\d{3,6}|(?<=\d)\d{0,5})"
        r"[ \t]+(?:County[ \t]+(?:Road|Rd\.?|Highway|Hwy\.?|Trunk)|"
        r"CTH|CR|Co\.?[ \t]+Rd\.?)[ \t]+[A-Z]{1,2}\b"
    ),
    # Streets as much of the world writes them, the number after the name: "Via Roma 131",
    # "Rua do Arenque 1634", "Kopfholzistrasse 45", "Harjukuja 54" (a number may lead too)
    regex(
        r"(?:\b\d{1,6}[ \t]+)?(?:\b(?:Rue|Rua|Via|Viale|Avenida|Avda\.|Av\.|Calle|Carrer|"
        r"Strada|Piazza|Largo|Travessa|ul\.|Ulica|Aleja|Al\.|Praça|Plaza|Paseo|Camino|Chemin|Boulevard)"
        r"(?:[ \t]+(?:do|da|dos|das|de|del|della|di|des|du|la|le|al|el))*"
        r"(?:[ \t]+[A-Z\u00c0-\u017f][\w\u00c0-\u017f'.-]*){1,3}"
        r"|\b[A-Z\u00c0-\u017f][\w\u00c0-\u017f-]*(?:strasse|straße|str\.|weg|gasse|vej|gade|"
        r"vägen|gatan|katu|tie|kuja|polku|laan|straat|plein|platz|allee|väg|gata|veien|vei|"
        r"utca|út|tér|ulica|cesta|iela|gatve))[ \t]+\d{1,5}[A-Za-z]?\b"
        r"(?:,?[ \t]+(?:Apt|Apartment|Unit|Suite|Ste|Fl|Floor)\.?[ \t]*#?[ \t]*[A-Za-z0-9-]+)*"
    ),
    # military mail: "PSC 4355, Box 4187", "Unit 5022 Box 1225", "APO AE 44085"
    regex(
        r"\b(?:PSC|Unit|CMR)[ \t]+\d{3,5},?[ \t]+Box[ \t]+\d{3,5}\b"
        r"|\b(?:APO|FPO|DPO)[ \t]+(?:AA|AE|AP)[ \t]+\d{5}\b"
    ),
    # "Flat 2, 41 Rathmines Road": the flat or unit written before the number
    regex(
        r"\b(?:Flat|FLAT|Apt\.?|APT\.?|Apartment|Unit|UNIT|Suite|SUITE|Level|Shop)[ \t]+"
        r"[A-Za-z0-9/-]{1,5},?(?=[ \t]+\d{1,6}(?:-\d{1,6})?[A-Za-z]?[ \t]+[A-Z]"
        # ("Unit 3, Bishop Street": a unit in a street of no number)
        r"|[ \t]+[A-Z][a-z]+[ \t]+(?:Street|Road|Avenue|Lane|Drive|Terrace|Place)\b)"
    ),
    # "Flat 3, Kingfisher Court", "Flat 12, Carver House": a flat in a named block
    regex(
        r"\b(?:Flat|FLAT|Apt\.?|Apartment|Unit)[ \t]+\d{1,4}[A-Za-z]?,?[ \t]+[A-Z][a-z]+"
        r"(?:[ \t]+[A-Z][a-z]+)?[ \t]+"
        r"(?:Court|House|Lodge|Mansions|Tower|Towers|Heights|Buildings)\b"
    ),
    # "on Maple Street", "off Old Mill Rd" with no number: full suffix words only
    regex(
        r"\b((?:[A-Z][a-z]+[ \t]+){1,3}"
        r"(?:Street|Avenue|Road|Boulevard|Lane|Drive|Court|Terrace|Parkway|Highway|Trail|Circle))\b"
    ),
    # ("on W. Broadway St", "on N Main St", "on SW Archer Rd", "on 19th St", "on Mt. Rushmore
    # Rd", "walks down Canning St": with its compass point, or named by a number or a mountain)
    regex(
        r"\b(?:on|off|at|near|to|from|down|along|by)[ \t]+"
        r"((?:(?:[NSEW]\.?|[NS][EW]|North|South|East|West)[ \t]+)?"
        r"(?:(?:[A-Z][a-z]+|Mt\.|\d{1,3}(?:st|nd|rd|th))[ \t]+){1,3}"
        r"(?:St|Ave|Rd|Blvd|Ln|Ct|Pl|Hwy|Pkwy|Ter)\.?)(?=[\s,;)]|$)"
    ),
    regex(r"\b(?:Route|Highway|Interstate|I-)\s?\d{1,3}\b(?=\s+(?:exit|near|and|at))"),
    regex(
        r"\b(?:on|off|at|near|from|to|of|along)[ \t]+"
        r"((?i:route|rte\.?|rt\.?|highway|hwy\.?)[ \t]?\d{1,3}(?:/\d{1,3}\b)?"
        r"|(?i:fm)[ \t]\d{3,4})\b"
    ),
    # a hurried note's street in lower case: "a trailer off whalom rd", "lives on elm st"
    regex(
        # (and after "addr on file" or "home": "home 2931 s 13th st")
        r"\b(?:on|off|near|at|to|(?:addr(?:ess)?(?:[ \t]+on[ \t]+file)?|home):?(?=[ \t]+\d))[ \t]+"
        r"((?:\d{1,5}[a-z]?[ \t]+)?(?:[nsew]\.?[ \t]+)?"
        r"(?!(?:the|a|an|my|his|her|their|our|your|this|that|call|gp|pcp|psych|np|md)\b)"
        r"(?:[a-z][a-z'-]+|\d{1,3}(?:st|nd|rd|th))(?:[ \t]+[a-z][a-z'-]+)?[ \t]+"
        r"(?:st|ave|rd|blvd|ln|dr|street|avenue|road|"
        r"boulevard|lane|drive|terrace|ter|pkwy|hwy|row|close|crescent|cres|parade|grove|mews))"
        r"\b(?![ \t]*(?:tab|tabs|mg|team|rounds))(?!\.?[ \t]+[a-z]+'s\b)"  # ("st. john's wort")
    ),
    # a rural route and its box: "Route 3 Box 114", "Rural Route 4, Box 19"
    regex(
        r"\b(?:Rural Route|RR|Route|Rte|RURAL ROUTE|ROUTE)[ \t]+\d{1,3},?[ \t]+(?:Box|BOX)"
        r"[ \t]+\d{1,5}\b"
    ),
    # a form's address in lower case after its label: "Address: 1529 s. maple st apt 4"
    regex(
        r"(?i:addr(?:ess)?)[ \t]*:[ \t]*(\d{1,6}[a-z]?[ \t]+(?:[nsew]\.?[ \t]+)?[a-z][a-z'-]+"
        r"(?:[ \t]+[a-z][a-z'-]+)?[ \t]+(?:st|ave|rd|blvd|ln|dr|ct|way|pl|ter|cir|hwy|pkwy|street|"
        r"avenue|road|lane|drive|court|place|terrace|circle)\b\.?"
        r"(?:,?[ \t]*(?:apt|unit|ste|suite|#)\.?[ \t]*#?[ \t]*[0-9a-z]{1,5}\b)?)"
    ),
    # a hurried note's numbered street with no word before it: "mcdonalds 410 e main st",
    # "coffee @ grindhouse, 212 front st" (not "2 caps st john's wort": a saint is followed
    # by a name)
    regex(
        r"(?<![\w/.:,$#-])(\d{1,5}[ \t]+(?:[nsew]\.?[ \t]+)?"
        r"(?!(?:tabs?|caps?|pills?|doses?|units?|times|mg|mcg|ml|hrs?|days?|wks?|weeks?)\b)"
        r"(?:[a-z][a-z'-]+|\d{1,3}(?:st|nd|rd|th))(?:[ \t]+[a-z][a-z'-]+)?[ \t]+"
        r"(?:st|ave|rd|blvd|ln|street|avenue|road|lane|terrace|pkwy|hwy)\b\.?"
        r"(?:[ \t]+[nsew]\b\.?)?(?![ \t]+(?!(?:apt|unit|ste|suite)\b)[a-z]{2,}\b)"
        r"(?:,?[ \t]*(?:apt|unit|ste|suite|#)\.?[ \t]*#?[ \t]*[0-9a-z]{1,5}\b)?)"
    ),
    # a line of capitals' street: "PARKED ON HART HWY", "RIFLES AT HOME ON FOOTHILLS BLVD"
    # (not "DR": after "AT ER BY" it is a doctor; not "ST": "ON TELE ST" is sinus tachycardia)
    regex(
        r"\b(?:ON|OFF|NEAR|FROM)[ \t]+((?!(?:THE|HIS|HER|THEIR|OUR|YOUR|THIS|THAT)\b)"
        r"(?:[A-Z]{3,}[ \t]+){1,3}(?:AVE|RD|BLVD|LN|HWY|PKWY|"
        r"STREET|AVENUE|ROAD|HIGHWAY|DRIVE|LANE|BOULEVARD)\.?)(?=[\s,;)\"']|$)"
    ),
    # a numbered highway with its house number: "600 N. Hwy 83", "1042 State Highway 10"
    regex(
        r"\b\d{1,5}[ \t]+(?:(?:[NSEW]\.?|North|South|East|West)[ \t]+)?(?:State[ \t]+)?"
        r"(?:Highway|Hwy\.?|Route|Rte\.?)[ \t]+\d{1,3}\b"
    ),
    # a unit before the number, as Australia writes it ("5/118 Nepean Hwy", "12/9 Byron St"),
    # or a suite before it with a dash, as Canada does ("#210 - 1011 Glenmore Trail SW")
    regex(
        rf"(?:\b\d{{1,4}}[A-Za-z]?/|#\d{{1,5}}[ \t]*[-\u2013\u2014][ \t]*)"
        rf"\d{{1,5}}[A-Za-z]?[ \t]+{_STREET_NAME}[ \t]+(?:{STREET_SUFFIX}|{STREET_SUFFIX.upper()})"
        rf"\b\.?(?:[ \t]+(?:NE|NW|SE|SW|[NSEW])\b)?"
    ),
    # Quebec's number first, then the street's kind: "2290 rue Beaubien Est, app. 3"
    regex(
        r"\b\d{1,6}(?:-\d{1,4})?,?[ \t]+(?:rue|Rue|boul\.|boulevard|chemin|Chemin|avenue|côte)"
        r"(?:[ \t]+(?:de|du|des|la|le|l')|[ \t]+(?:Saint|Sainte|St|Ste)-)?"
        r"(?:[ \t]*[A-Z\u00c0-\u017f][\w\u00c0-\u017f'-]*){1,3}"
        r"(?:[ \t]+(?:Est|Ouest|Nord|Sud))?(?:,?[ \t]+(?:app|apt|bureau)\.?[ \t]*\d{1,5})?"
    ),
    # a house number and compass letter, no kind of street after: "at 1500 e lancaster",
    # "7700 w bellfort apt 1416", "6137 S. Throop" (the letter says street; not "168 s with",
    # "e coli", "300 s. Clock")
    regex(
        r"(?<![\w/.:,$#-])\d{3,5}[ \t]+(?:[nsew]\.?[ \t]+(?=[a-z])|[NSEW]\.?[ \t]+(?=[A-Z]))"
        r"(?!(?i:with|and|or|of|to|for|per|the|in|on|at|x|coli)\b)[A-Za-z][a-z'-]{2,}"
        r"(?:,?[ \t]*(?:apt|unit|ste|suite|#)\.?[ \t]*#?[ \t]*[0-9a-z]{1,5}\b)?"
    ),
    # the street that needs no kind after it: "212 Broadway", "1100 NE Broadway, Suite 210"
    # (not "2 Broadway shows")
    regex(
        rf"\b\d{{1,5}}[ \t]+(?:(?:[NSEW]|NE|NW|SE|SW)\.?[ \t]+)?Broadway\b"
        rf"(?![ \t]+(?!(?:apt|unit|ste|suite)\b)[a-z]){_UNIT}"
    ),
    # a local road named by its number where someone is on it: "off CR 162", "on SR 90",
    # "at mile marker 52" ("Cr 1.2" is a creatinine: capitals only, no decimal after; "on US
    # 3/21" an ultrasound; an interstate crosses states, as test_engine_context says)
    regex(
        r"(?:\b(?:on|onto|off|at|near|from|to|of|along|via)|@)[ \t]+"
        r"((?:CR|SR|County Road|State Route|mile marker)[ \t]\d{1,4}\b(?![.,/]\d))"
    ),
    # a flat's or a suite's number standing alone: "Apt. 297" on an address block's line,
    # "lives in Apt 4B" (never a count or a fraction after it: "Suite 2/3")
    regex(
        r"\b(?:Apt\.?|APT\.?|Apartment|Suite|SUITE|Ste\.|Flat|FLAT)[ \t]*#?[ \t]*"
        r"\d{1,5}[A-Za-z]?\b(?![/.:,]\d)"
    ),
)
# Where in a hospital: "room 812", "Rm LD-6", "bed 1147-2" (a ward's rooms say whose they are)
ROOM = screened(
    regex(
        # (each word's first letter leads, so that the scan skips to those letters)
        r"(?:R(?<!\wR)(?:oom|OOM|m\.?|M)|r(?<!\wr)(?:oom|m\.?)|B(?<!\wB)(?:ed|ED|ay|AY)|b(?<!\wb)ed)"
        # "Bed: SICU 11", "Room: Trauma 2", "Bed MICU-7", "BED 5N-22", "Bed: 6W-14B"
        r"[ \t]*[#:]?[ \t]*(\d{1,2}[A-Z]{1,2}-\d{1,4}[A-Z]?"
        r"|(?:[A-Z]{2,4}[ \t]+|[A-Z][a-z]{2,10}[ \t]+)?"
        r"[A-Z]{0,4}-?\d{1,4}(?:-?[A-Z](?:-\d{1,4})?|-\d{1,4})?)\b"
        r"(?![ \t]*(?:mg|ml|%|x\b|times|days|hours|nights|weeks|per\b|a[ \t]+(?:week|night)))"
    )
)
# "Unit: Cedar Unit", "Loc: Bigelow 11": the place after its label, to the comma
UNIT_LABELLED = regex(
    r"\b(?:Unit|UNIT|Location|LOCATION|Loc|LOC|Ward|WARD|Floor|FLOOR)[ \t]*:[ \t]*"
    r"([A-Z][\w'-]*(?:[ \t]+[A-Z0-9][\w'-]*){0,2})"
)
UNIT_HINTS = hint(("Unit", "UNIT", "Loc", "LOC", "Ward", "WARD", "Floor", "FLOOR"))
# A ward named by its building and floor, as a hospital's census writes it: before the room
# or bed ("Ellison 8, room 812", "Tower 6, bed 2") or after the hospital's name ("Brookhaven
# General Hospital - Weiss 7"); never a count, a scale, a part or a service with its floor
# ("Day 3, bed rest", "Medicine 6 North, Rm 614B", "Ward 6" has no building)
_WARD = (
    r"\b(?<!-)(?!(?:Day|Page|Week|Stage|Grade|Level|Step|Phase|Part|Section|Type|Cycle|Session|"
    r"Visit|Year|Month|Hour|Dose|Room|Bed|Unit|Floor|Pod|Bay|Ward|Team|Medicine|Medical|Surgery|"
    r"Surgical|General|Psychiatry|Pediatrics|Peds|Oncology|Cardiology|Telemetry|Tele|Rehab)\b)"
    r"([A-Z][a-z]{2,}[ \t]\d{1,2}(?:[ \t](?:North|South|East|West))?)"
)
# A hospital named by ordinary words alone: "To: University Medical Center Neuro ICU",
# "Yvonne Strand, MD, University Hospitals MICU" (every set marks them; words before it that
# name it further, "Lakeshore University Hospital", the organisation rules take; after
# "the" it may be the kind of place, "the Community Health Center", and is left)
GENERIC_HOSPITAL = regex(
    r"\b(?<![Tt]he )(?<!THE )(?:University|Community|General|Regional|Memorial|Children's|"
    r"State|County|City|"
    r"Veterans|Mercy|Baptist|Methodist|Presbyterian|Lutheran)(?:[ \t]Regional)?[ \t]"
    r"(?:Medical[ \t]Center|Hospitals?|Health[ \t]System|Health[ \t]Center)\b"
)
GENERIC_HOSPITAL_HINTS = hint(("Hospital", "Medical Center", "Health System", "Health Center"))
# A ward named by its floor and wing: "admitted to 4 West", "8 SOUTH DISCHARGE LOG", "Peds
# 4-West" (the annotators of the later sets mark it, as the brief's "wards named by place"
# asks; the earlier ones left it). Never a street ("22 West Main St" is an address's) nor a
# count of something going a way ("drove 2 miles west" has no capital)
FLOOR_AND_WING = regex(
    r"(?<![\w/.,:-])\d{1,2}[ \t-]?(?:North|South|East|West|NORTH|SOUTH|EAST|WEST)\b"
    r"(?![ \t]+(?:[A-Z][a-z]+[ \t]+)?(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Dr|Drive|Ln|Lane|Way)\b)"
)
WING_HINTS = hint(("North", "South", "East", "West", "NORTH", "SOUTH", "EAST", "WEST"))
# (looked for before each room or bed ROOM finds, after a hospital's name and its dash, and
# closing a service's or a location's field after its comma: "Service: Hematology/Oncology,
# Lunder 8", "Location: Endoscopy Suite, Farnsworth 2")
WARD_BEFORE_ROOM = regex(_WARD + r",?[ \t]+$")
HOSPITAL_HINTS = hint(("Hospital", "HOSPITAL"))
WARD_AFTER_HOSPITAL = regex(
    r"(?:Hospital|HOSPITAL)[ \t]+[-\u2013\u2014/][ \t]+" + _WARD + r"[ \t]*$", re.M
)
FIELD_HINTS = hint(("Service", "SERVICE", "Location", "LOCATION"))
WARD_AFTER_FIELD = regex(
    r"(?:Service|SERVICE|Location|LOCATION)[ \t]*:[^\n,]{2,40},[ \t]*" + _WARD + r"[ \t]*$",
    re.M,
)
# The state's prescription-monitoring programme, by its name in brackets: "PDMP (CURES)
# checked", "PDMP (OK PMP AWARxE)" (it says which state the patient is in)
PDMP_NAMED = regex(r"\bP?DMP[ \t]*\(([A-Z][A-Za-z]*(?: [A-Za-z]+){0,3})\)")
# The header line of a hospital's exported report: its record numbers in fields around the
# hospital's letters ("402918773 | FMC | 61772094 | | 8830125 |")
REPORT_HEADER = regex(r"(?m)^\d{6,10}[ \t]\|[ \t]([A-Z]{2,6})[ \t]\|[ \t]\d{5,10}[ \t]\|")
# Units every hospital has: named by them, no one is placed
GENERIC_UNITS = frozenset(
    "ICU MICU SICU CCU CICU CVICU NICU PICU PACU ED ER OR L&D Psychiatry Medicine Surgery "
    "Telemetry Tele Oncology Pediatrics Inpatient Outpatient PT Pt Patient Bed Room Rm Bay Ortho "
    "Team".split()
)
# "1:1 discontinued per Dr. Esposito" is no address ("12 Elm Dr Apt 3" is one)
DOCTOR_AFTER = regex(
    r"\.?[ \t]+(?!(?i:apt|unit|suite|ste|fl|floor|rm|room|bldg)\b)[A-Z][A-Za-z'-]+"
)
_STATE_ALT = "|".join(longest_first((*STATES, *STATE_CODES)))
# A ZIP code is a five-digit number after a state or the word ZIP: found from the number,
# then the words before it are checked (one quick scan instead of one per state name).
ZIP_NUMBER = screened(regex(r"(\d(?<![\d-]\d)\d{4}(?:-\d{4})?)\b(?!-\d)"))
# Postcodes of other countries, by their shape: UK "SW1A 2AA", Canada "K1A 0B1", Ireland's
# Eircode "D06 F2X4" (its second half mixes letters and digits).
POSTCODE = regex(
    r"\b(?:[A-Z]{1,2}\d[A-Z\d]?[ \t]\d[ABD-HJLNP-UW-Z]{2}"
    r"|[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ \t]?\d[ABCEGHJ-NPRSTV-Z]\d"
    r"|[ACDEFHKNPRTVWXY]\d{2}[ \t]?(?=[0-9]*[A-Z])(?=[A-Z]*[0-9])[ACDEFHKNPRTVWXY0-9]{4})\b"
)
# The Glasgow coma scale's parts written together, the shape of a Canadian postcode
COMA_SCALE = regex(r"E[1-4]V[1-5]M[1-6]")
ZIP_CUE_BEFORE = regex(
    rf"(?:\b(?:{_STATE_ALT}),?\s+|\b(?:zip|zip code|zipcode|postal code)[ \t]*:?[ \t]*)$", re.I
)


# The digit-led patterns behind a look-ahead for their first character (see starting_with).
AGE_NUMBERS = screened_lower(starting_with(r"\d", *AGE_NUMBER_FIRST))
AGE_STATEMENTS = screened_lower(starting_with("[ait]", *AGE_WORD_FIRST))
IBAN = starting_with("[A-Z]", IBAN)
IPV4 = starting_with(r"\d", IPV4)
POSTCODE = starting_with("[A-Z]", POSTCODE)
PHONE = starting_with(r"[\d(+]", PHONE)
CARD = starting_with(r"\d", CARD)
ADDRESS_PATTERNS = (
    *ADDRESS_PATTERNS[:4],
    starting_with("[\\dA-Zu\u00c0-\u017f]", ADDRESS_PATTERNS[4]),  # ("ul. Mickiewicza 12")
    *ADDRESS_PATTERNS[5:18],
    starting_with(r"[\d#]", ADDRESS_PATTERNS[18]),  # ("5/118 Nepean Hwy": "/" is in every note)
    *ADDRESS_PATTERNS[19:],
)
# (each screened: most notes hold no address, and those that hold one hold few kinds)
ADDRESS_SCANS = tuple(screened(pattern) for pattern in ADDRESS_PATTERNS)
WEEKDAY_ALWAYS = screened(starting_with("[TtWwFfMS]", WEEKDAY_ALWAYS_UNLED))
# (what it cannot match without: each weekday it names, as it may be written)
WEEKDAY_ALWAYS_HINTS = hint(
    "Tue tue TUE Thu thu THU Weds weds WEDS Fri fri FRI Mon MON Wed WED Sat Sun".split()
)


def _luhn(digits: str) -> bool:
    total, parity = 0, len(digits) % 2
    for i, ch in enumerate(digits):
        n = int(ch)
        if i % 2 == parity:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


AGE_WORDS = regex(r"-(?:years?|yrs?|months?|mos?|weeks?|wks?|days?)\b", re.I)
# "ZIP: 3520", "my zip code is 35350", "postal code 394 13"
ZIP_CUED = regex(
    r"\b(?:zip|zip code|zipcode|postal code|postcode|post code)(?:[ \t]+is)?[ \t]*[:#]?[ \t]*"
    r"((?=[a-z0-9 -]*\d)[a-z0-9]{2,5}(?:[ -][a-z0-9]{2,4})?)\b"
)
# "Kingsmere VIC 3197": an Australian postcode after its state
AU_POSTCODE = regex(r"\b(?:NSW|VIC|QLD|SA|WA|TAS|NT|ACT)[ \t]+(\d{4})\b(?![-/.]\d)")
AU_STATES = hint(("NSW", "VIC", "QLD", "SA ", "WA ", "TAS", "NT ", "ACT "))
POSTCODE_HINT = screened(regex(r"[A-Z](?<!\w[A-Z])[A-Z]?\d[A-Z\d]?[ \t]?\d?[A-Z]"))
# A user name: "gabe_the_moth#4410", "@moth.gabe" (not an e-mail address)
HANDLE = regex(
    r"(?<![\w@.])(@[A-Za-z0-9_.]{3,}[A-Za-z0-9_]|[A-Za-z0-9]+(?:_[A-Za-z0-9]+)+(?:#\d{4})?)(?![\w@])"
)
# "report (#25-004418)", "case #A-2291": a number given with a number sign
# "interpreter #4172", "badge 20931": a number that names a member of staff
STAFF_NUMBER = screened_lower(
    regex(
        r"\b(?:interpreter|badge|collar|shoulder|employee|provider|npi|dea)"
        r"[ \t]*(?:#|no\.?|id|number)?[ \t]*:?"
        r"[ \t]*(\d{3,})\b"
    )
)
# "(PC Dhaliwal #2291)", "PC Adeyemi (4471MS)": a police officer's number after their name
POLICE_NUMBER = regex(
    r"\b(?:PC|DC|PS|Sgt|Officer|Ofc|Det|Cpl|Tpr|Constable|Deputy|Trooper)\.?[ \t]+"
    r"[A-Z][A-Za-z'-]+[ \t]*(?:#[ \t]*(\d{3,6})\b|\((\d{3,6}[A-Z]{0,3})\))"
)
POLICE_HINTS = hint(("PC ", "DC ", "PS ", "Sgt", "Officer", "Ofc", "Det", "Cpl", "Tpr", "Constable",
                     "Deputy", "Trooper"))  # fmt: skip
NUMBER_SIGN = regex(r"#[ \t]?:?[ \t]?([A-Z]{0,3}-?\d[\dA-Z-]{4,}\d)\b")  # ("Run #: 24-008815")
# "portal username: jmcallister88", "plate DKR 4471": an account's name, a vehicle's plate
ACCOUNT_NAME = regex(
    r"\b(?:user[ \t]?name|user[ \t]id|login|screen[ \t]name)[ \t]*:[ \t]*"
    r"((?=[\w.@-]*[\d_@])[\w.@-]{2,}\w)"  # (one with a digit or a mark: not "never")
)
PLATE = regex(
    r"\b(?:plate|licen[cs]e[ \t]+plate|tag)\b[ \t]*(?:#|no\.?|number)?[ \t]*:?[ \t]*"
    r"((?=[A-Z0-9 -]*\d)[A-Z0-9]{2,4}[ -]?[A-Z0-9]{2,4})\b",
    re.I,
)
# "reg MA19 XKE", "reg. AMFT 128845", "NY reg. 088412": a vehicle's or a licence's
# registration (capitals and digits only, a digit among them, five or more; never a word in
# capitals, "ADV TO REG. VOIDED 350")
REGISTRATION = regex(
    r"\b(?:[Rr]eg(?:istration)?|REG|[Rr]ego)\b\.?[ \t]*(?:#|[Nn]o\.?)?[ \t]*:?[ \t]*"
    r"((?=[A-Z0-9 -]*\d)(?=(?:[A-Z0-9][ -]?){5})"
    r"(?:\d{5,10}|[A-Z0-9]{2,4}(?![A-Z0-9])(?:[ -][A-Z0-9]{2,6})?))\b"
)
# "Attending: NORA QUILLFEATHER, M.D. NQ31": a dictating physician's code closing the line
# after the degree (a resident's year, "PGY3", is no code)
DICTATION_CODE = regex(r"\bM\.?D\.?,?[ \t]((?!PGY)[A-Z]{2,3}\d{1,3})[ \t]*(?:\n|$)")
BILLING_CODE_BEFORE = regex(r"\b(?:cpt|hcpcs|icd(?:-?10)?|code|codes)\b[^\n]{0,16}$")
HCPCS_BEFORE = regex(r"\b(?:cpt|hcpcs|code|codes|billed|bill)\b[^\n]{0,16}$")
COMA_BEFORE = regex(r"GCS|(?i:coma[ \t]+scale)")
HCPCS = regex(r"[A-V]\d{4}")  # a service's or a supply's code in the HCPCS
NOT_ID = regex(
    r"^(?:[A-Z]\d{2}(?:\.\d+)?|\d{3}\.\d+|[A-Z]{1,5}-?\d{1,2}|CD\d{1,3}|Q\d+H|COVID-19|SARS-CoV-2|"
    r"H1N1|B12|D3|A1C|HbA1c|T[34]|L\d-S\d|C\d-C\d|L\d-L\d|X\d+|"
    # a group's billing code ("H0015"), a form ("WH-380-E"), an obstetric history
    # ("G2P1001"), a tumour marker ("CA-125")
    r"H00\d\d|WH-\d{3}-[A-Z]|G\d{1,2}P\d{1,4}|CA-\d{2,3}|"
    r"\d+(?:mg|mcg|ug|ml|mmhg|kcal|cal|units?|iu|meq|mmol|mm|cm|kg|lbs?|hrs?|mins?|ms|mph))$",
    I,
)


def _state_cased(before: str) -> bool:
    """The state before a ZIP is written as a state is ("MS", "Ohio"), not "ms" or "oh"."""
    word = re.findall(r"[A-Za-z]+", before)
    return bool(word) and (word[-1][0].isupper() or word[-1].lower() in ("zip", "code"))


# A row of dates heading a table's columns: "            3/7    3/8    3/9" over the labs
DATE_ROW = regex(r"[ \t]*(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?[ \t]+)+\d{1,2}/\d{1,2}(?:/\d{2,4})?[ \t]*")
# A study by its capital letters, then the day it was done: "Renal US 3/8", "KUB 2/4"
# (the lower-case cues, "ct", "mri", "echo", are in DATE_CUE; "us" is a word)
STUDY_BEFORE = regex(r"\b(?:US|XR|KUB|CTA|MRA|PET|DEXA|EGD|TTE|TEE)[ \t:]*$")


def _in_a_date_row(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    return DATE_ROW.fullmatch(text, line_start, len(text) if line_end < 0 else line_end) is not None


def _in_a_cell(text: str, start: int, end: int) -> bool:
    """The month and day fill a table's cell, or with the time of day ("| 7/8 AM |")."""
    return bool(CELL_BEFORE.search(text, max(0, start - 8), start)) and bool(
        CELL_AFTER.match(text, end)
    )


def _named_before_bracket(text: str, start: int) -> bool:
    """A capitalised word before the bracket that may be a name: not a personality scale's."""
    before = NAME_BEFORE_BRACKET.search(text, max(0, start - 24), start)
    return before is not None and before.group().rstrip(", \t").lower() not in PERSONALITY_SCALES


def _cued_about(text: str, low: str, start: int) -> bool:
    """A cue before an approximate month and day: "since ~9/10" (not a year's or a time's:
    "expected ~2130" is a time)."""
    return start > 0 and text[start - 1] == "~" and _cued(text, low, start - 1)


def _cued(text: str, low: str, start: int) -> bool:
    return (
        CUE_BEFORE.search(low, max(0, start - 24), start) is not None
        or NEXT_LETTERS_BEFORE.search(text, max(0, start - 16), start) is not None
        or EVENT_CUE_BEFORE.search(low, max(0, start - 32), start) is not None
        or HEADING_BEFORE.search(text, max(0, start - 40), start) is not None
        or PROCEDURE_BEFORE.search(low, max(0, start - 48), start) is not None
        or DOSE_BEFORE.search(low, max(0, start - 24), start) is not None
        or RETURN_BEFORE.search(low, max(0, start - 24), start) is not None
    )


# A return in so many weeks, then the day that falls on: "f/u 2 wks 3/10", "RTC 8 wks (~5/7)"
RETURN_BEFORE = regex(
    r"\b(?:f/u|rtc|follow[- ]?up|return)[ \t]+(?:in[ \t]+)?\d{1,2}[ \t]*"
    r"(?:wks?|weeks?|days?|mos?|months?)[ \t,:-]*\(?~?[ \t]*$"
)


# A dose and its route or hours, then the day it was given or begun: "234 mg IM 5/8",
# "prednisolone 40 mg daily 2/8" (a dose's own fraction is no date: "daily 1/2 tab")
DOSE_BEFORE = regex(
    r"\d[ \t]?(?:mg|mcg|g|units?|ml)[ \t]+(?:im|iv|po|sc|sq|sl|daily|qd|bid|tid|qhs|qam|qpm|"
    r"weekly|monthly|q\d{1,2}h)[ \t]+$"
)


# "NUTRITION CONSULT  4/7": a heading in capitals, then the date set apart
HEADING_BEFORE = regex(r"(?m)^[ \t]*[A-Z][A-Z &/-]{3,}[ \t]{2,}$")


# "Started ECT 2/6", "lithium held 3/4", "admitted to ICU 3/3", "saw pt 3/6": a word of
# events, then what or where it was (two words at most), then the date
EVENT_CUE_BEFORE = regex(
    r"\b(?:started|stopped|restarted|resumed|began|ended|held|increased|decreased|changed|"
    r"drawn|done|completed|tapered|titrated|discontinued|d/c'?d|reduced|added|switched|"
    r"checked|rechecked|repeated|placed|prescribed|initiated|re-?initiated|inserted|removed|"
    r"extubated|intubated|performed|(?:re)?admitted|transferred|saw|presented|returned|"
    r"evaluated|consulted|arrived|recheck|repeat|revisit|reviewed)[ \t]+"
    r"(?:(?!at\b|around\b|about\b|of\b|with\b|for\b)[a-z0-9-]{2,12}[ \t]+){0,2}"
    r"(?:on[ \t]+)?$"
)


# A procedure, then the day it was done: "s/p L TKA 2/6", "s/p total colectomy 8/9",
# "hemiarthroplasty 1/6"
PROCEDURE_BEFORE = regex(
    r"(?:\b(?:s/p|status post)[ \t]+(?:[a-z0-9&-]{1,14}[ \t]+){0,3}"
    r"|[a-z](?:ectomy|plasty|otomy|oscopy|ostomy|ography)[ \t]+)$"
)


def _glued_age(text: str, m: re.Match[str]) -> bool:
    """Whether "44F" is an age and sex: no temperature before it, no catheter after."""
    if TEMPERATURE_BEFORE.search(text, max(0, m.start() - 8), m.start()):
        return False
    if WEATHER_BEFORE.search(text, max(0, m.start() - 24), m.start()):
        return False  # "heat working per thermostat (68F)", "ambient temp 114F"
    if CATHETER_BEFORE.search(text, max(0, m.start() - 16), m.start()):
        return False
    if _walked(text, m.start()):
        return False
    return not FRENCH_SIZE_AFTER.match(text, m.end())


def _walked(text: str, start: int) -> bool:
    """Whether a distance walked comes before: "Mobilised 20m", "ambulating 60 m"."""
    return WALKED_BEFORE.search(text, max(0, start - 28), start) is not None


def shaped_spans(text: str) -> Iterator[Span]:
    low = lowered(text)
    yield from _dates(text, low)
    statements = any(h in low for h in ("age", "in h", "in their", "turn", "birthday"))
    for pattern in (AGE_NUMBERS, AGE_STATEMENTS) if statements else (AGE_NUMBERS,):
        for m in pattern.finditer(low):
            yield Span(*m.span(next(g for g in range(1, m.re.groups + 1) if m.group(g))), Kind.AGE)
    for m in SEX_DECADE.finditer(low) if "0s" in low else ():
        yield Span(*m.span(1), Kind.AGE)
    for m in DECADE_GUESSED.finditer(low) if "0s" in low else ():
        guessed = m.group(1)[0].isalpha() or m.start(1) > m.start()  # "late 20s", "~60s"
        if guessed and not VITALS_BEFORE.search(low, max(0, m.start() - 16), m.start()):
            yield Span(*m.span(1), Kind.AGE)
    for m in AGES_LISTED.finditer(low) if "ages" in low or "aged" in low else ():
        yield from _listed_ages(m)
    for m in AGE_AFTER_BIRTH.finditer(low) if "dob" in low or "born" in low else ():
        for group in (1, 2, 3):
            if m.group(group):
                yield Span(*m.span(group), Kind.AGE)
    labelled = "age" in low or "ca:" in low or "ca at" in low
    for m in AGE_IN_MONTHS_LABELLED.finditer(low) if labelled else ():
        yield Span(*m.span(1), Kind.AGE)
    for m in AGE_BRACKETED_BESIDE.finditer(text) if any_in(AGE_BRACKETED_HINTS, text) else ():
        if TEMPERATURE_BEFORE.search(low, max(0, m.start() - 8), m.start()):
            continue
        if CATHETER_BEFORE.search(low, max(0, m.start() - 16), m.start()):
            continue  # "Foley catheter (16 F)": a size
        yield Span(*m.span(next(g for g in (1, 2, 3) if m.group(g))), Kind.AGE)
    for m in AGE_SEX_LEAD.finditer(text):
        if LINE_OR_SENTENCE_BEFORE.search(text, max(0, m.start() - 4), m.start()):
            yield Span(*m.span(1), Kind.AGE)
    for m in AGE_SEX_LOWER_LEAD.finditer(text) if LOWER_AGE_SEX_GLUED.search(text) else ():
        yield Span(*m.span(1), Kind.AGE)
    for m in I_AM_AGE.finditer(low) if "m " in low else ():
        yield Span(*m.span(1), Kind.AGE)
    for m in AGE_SEX_CELL.finditer(text) if "|" in text else ():
        yield Span(*m.span(1), Kind.AGE)
    for m in AGE_SEX_ASSESSED.finditer(text) if any_in(ASSESSED_HINTS, text) else ():
        yield Span(*m.span(1), Kind.AGE)
    for m in CHILDREN_AGES.finditer(low) if "(" in low and any_in(CHILDREN_HINTS, low) else ():
        yield from _listed_ages(m)
    for m in AGE_SEX.finditer(text):
        if not _walked(text, m.start()):
            yield Span(*m.span(1), Kind.AGE)
    for m in AGE_SEX_APART.finditer(text):
        if LINE_OR_COLUMN_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            yield Span(*m.span(1), Kind.AGE)
    for m in CLIENT_AGE.finditer(low) if "client," in low or "patient," in low else ():
        yield Span(*m.span(1), Kind.AGE)
    for m in AT_AGE.finditer(low):
        if EVENT_BEFORE.search(low, max(0, m.start() - 60), m.start()):
            yield Span(*m.span(1), Kind.AGE)
    for m in AGE_GLUED.finditer(text):
        if _glued_age(text, m):
            yield Span(*m.span(1), Kind.AGE)
    for m in AGE_GLUED_CLOSING.finditer(text):
        if text[m.end() : m.end() + 1] == ")" and text[m.start() - 1 : m.start()] != "(":
            continue  # "(58F)" opens its bracket; "machinist at 3M)" is a company
        if _glued_age(text, m):
            yield Span(*m.span(1), Kind.AGE)
    for m in AGE_GLUED_LEAD.finditer(text):
        if LINE_OR_SENTENCE_BEFORE.search(text, max(0, m.start() - 4), m.start()):
            if _glued_age(text, m):
                yield Span(*m.span(1), Kind.AGE)
    for m in AGE_BRACKETED.finditer(text):
        after_initials = INITIAL_BEFORE_BRACKET.search(text, max(0, m.start() - 4), m.start())
        if m.group(2):
            yield Span(*m.span(2), Kind.AGE)  # "(11 months)"
        elif m.group(3):
            if after_initials:
                yield Span(*m.span(3), Kind.AGE)  # "C.W. (44, trucker)"
        elif after_initials or "," in m.group() or _named_before_bracket(text, m.start()):
            yield Span(*m.span(1), Kind.AGE)  # "Kiara (17)", "(Lily, 15)", "L.B. (67)"
    for m in INITIALS_AGE_SEX.finditer(text) if INITIALS_AGE_SEX_HINT.search(text) else ():
        if (m.group(1) + m.group(2)).lower() in ("ie", "eg", "am", "pm", "cf", "vs", "nb"):
            continue  # "i.e. 45m of walking"
        for group in (1, 2, 3):
            if m.group(group):
                yield Span(*m.span(group), Kind.NAME)
        yield Span(*m.span(4), Kind.AGE)
    for m in ITEM_INITIALS_AGE.finditer(text) if ITEM_AGE_HINT.search(text) else ():
        if m.group(1):
            for k in range(m.start(1), m.end(1), 2):  # each letter, as dotted initials are found
                yield Span(k, k + 1, Kind.NAME)
            yield Span(*m.span(2), Kind.AGE)
        else:
            yield Span(*m.span(3), Kind.NAME)  # "MT - 19 F": letters with a sex, never "BP - 120"
            yield Span(*m.span(4), Kind.AGE)
    for m in YEAR_MONTH.finditer(text) if "-" in text else ():
        yield Span(*m.span(1), Kind.DATE)
    for m in PHONE_AU.finditer(text) if AU_NUMBER_HINT.search(text) else ():
        yield Span(*m.span(), Kind.PHONE)
    for m in AGE_NOW.finditer(low) if "now " in low or "self " in low else ():
        yield Span(*m.span(1), Kind.AGE)
    for m in RELATIVE_AGE.finditer(low):
        yield Span(*m.span(1), Kind.AGE)
    for m in CHILDREN_AGES_LISTED.finditer(low) if any_in(CHILDREN_HINTS, low) else ():
        for n in AGE_NUMBER.finditer(low, *m.span(1)):
            yield Span(*n.span(), Kind.AGE)
    for m in AGE_YEARS_BRACKETED.finditer(text) if "(" in text else ():
        yield Span(*m.span(1), Kind.AGE)
    for m in YEAR_OLD_WORDS.finditer(low) if "old" in low else ():
        number = NUMBER_WORD_BEFORE.search(low, max(0, m.start() - 40), m.start())
        if number:
            yield Span(*number.span(1), Kind.AGE)
    for m in AGE_WORDS_YO.finditer(low) if "yo" in low or "y/o" in low or "y.o" in low else ():
        yield Span(*m.span(1), Kind.AGE)
    for m in AGE_STATED.finditer(low):
        yield Span(*m.span(next(g for g in (1, 2, 3, 4) if m.group(g))), Kind.AGE)
    for m in AGE_AFTER_WHO.finditer(low) if ", " in low else ():
        yield Span(*m.span(1), Kind.AGE)
    yield from _contacts(text, low)
    yield from _numbers(text, low)
    tabs = "\t" in text
    for i, (scan, words) in enumerate(zip(ADDRESS_SCANS, ADDRESS_HINTS, strict=True)):
        words = words if tabs else ADDRESS_HINTS_SPACED[i]  # (a note without tabs: half the words)
        if words and not any_in(words, low if i in ADDRESS_HINTS_LOWER else text):
            continue
        for m in scan.finditer(text):
            if DOCTOR_AFTER.match(text, m.end()) and m.group().rstrip(".")[-2:] in ("Dr", "DR"):
                continue  # "1:1 discontinued per Dr. Esposito" is no address
            yield Span(*(m.span(1) if scan.groups else m.span()), Kind.ADDRESS)
    yield from _hospital_places(text)
    for m in ZIP_NUMBER.finditer(text):
        before = text[max(0, m.start() - 24) : m.start()]
        if ZIP_CUE_BEFORE.search(before) and _state_cased(before):
            yield Span(*m.span(1), Kind.ZIP)
    for m in AU_POSTCODE.finditer(text) if any_in(AU_STATES, text) else ():
        yield Span(*m.span(1), Kind.ZIP)
    if "zip" in low or "post" in low:
        for m in ZIP_CUED.finditer(low):
            yield Span(*m.span(1), Kind.ZIP)
    for m in POSTCODE.finditer(text) if POSTCODE_HINT.search(text) else ():
        if COMA_SCALE.fullmatch(m.group()) and COMA_BEFORE.search(
            text, max(0, m.start() - 24), m.start()
        ):
            continue  # "GCS 12 (E3V4M5)", "Glasgow Coma Scale E3V4M6": its parts, no postcode
        yield Span(m.start(), m.end(), Kind.ZIP)
    if "_" in text or " @" in text:
        for m in HANDLE.finditer(text):
            yield Span(*m.span(1), Kind.ID)


def _hospital_places(text: str) -> Iterator[Span]:
    """Rooms, beds, labelled units and wards named by floor and wing ("4 West"): where in
    a hospital a patient lies."""
    for m in ROOM.finditer(text):
        yield Span(*m.span(1), Kind.LOCATION)
        ward = WARD_BEFORE_ROOM.search(text, max(0, m.start() - 32), m.start())
        if ward is not None:
            yield Span(*ward.span(1), Kind.LOCATION)
    for m in UNIT_LABELLED.finditer(text) if any_in(UNIT_HINTS, text) else ():
        place = m.group(1)
        if place.split()[0] not in GENERIC_UNITS:
            yield Span(*m.span(1), Kind.LOCATION)
    for m in FLOOR_AND_WING.finditer(text) if any_in(WING_HINTS, text) else ():
        yield Span(*m.span(), Kind.LOCATION)
    for m in WARD_AFTER_HOSPITAL.finditer(text) if any_in(HOSPITAL_HINTS, text) else ():
        yield Span(*m.span(1), Kind.LOCATION)
    for m in WARD_AFTER_FIELD.finditer(text) if any_in(FIELD_HINTS, text) else ():
        yield Span(*m.span(1), Kind.LOCATION)
    for m in PDMP_NAMED.finditer(text) if "DMP" in text else ():
        yield Span(*m.span(1), Kind.ORGANIZATION)
    for m in REPORT_HEADER.finditer(text) if " | " in text else ():
        yield Span(*m.span(1), Kind.ORGANIZATION)
    for m in GENERIC_HOSPITAL.finditer(text) if any_in(GENERIC_HOSPITAL_HINTS, text) else ():
        yield Span(*m.span(), Kind.ORGANIZATION)


def _listed_ages(m: re.Match[str]) -> Iterator[Span]:
    """Each number of the match's first group, an age: "8 and 12", "9, 6"."""
    for number in re.finditer(r"\d{1,2}", m.group(1)):
        yield Span(m.start(1) + number.start(), m.start(1) + number.end(), Kind.AGE)


def _dates(text: str, low: str) -> Iterator[Span]:
    for pattern in (DATE_DIGITS, DATE_WORDS):
        for m in pattern.finditer(text):
            yield Span(m.start(), m.end(), Kind.DATE)
    lower_month = any_in(LOWER_MONTH_HINTS, text)
    for m in LOWER_MONTH_DAY.finditer(text) if lower_month else ():
        yield Span(m.start(), m.end(), Kind.DATE)
    for m in LOWER_MONTH_YEAR.finditer(text) if lower_month else ():
        if m.group(1) == "may" and not _cued(text, low, m.start()):
            continue  # "she may 2000 steps": the modal, unless a cue says a month ("in may 2019")
        yield Span(*m.span(1), Kind.DATE)  # "(aug 2019)", "in march 2021"
    for m in DAY_MONTH.finditer(text) if "/" in text or "." in text else ():
        if DOSE_AFTER.match(low, m.end()):
            continue  # a combination's doses: "buprenorphine-naloxone 16/4 mg"
        if not SCORE_BEFORE.search(low, max(0, m.start() - 16), m.start()):
            yield Span(*m.span(1), Kind.DATE)
    if any_in(LOWER_MONTH_HINTS, text):
        for m in LOWER_DAY_MONTH.finditer(text):
            yield Span(m.start(), m.end(), Kind.DATE)
        for m in LOWER_MONTH_CUED.finditer(text):
            yield Span(*m.span(1), Kind.DATE)
    for m in ROMANCE_DAY_MONTH.finditer(low) if any_in(ROMANCE_MONTH_HINTS, low) else ():
        yield Span(m.start(), m.end(), Kind.DATE)
    for m in ROMANCE_DATE_WORD.finditer(text) if any_in(ROMANCE_DATE_HINTS, text) else ():
        yield Span(m.start(), m.end(), Kind.DATE)
    for m in SPOKEN_DATE.finditer(low) if any_in(SPOKEN_DATE_HINTS, low) else ():
        yield Span(m.start(), m.end(), Kind.DATE)
    for m in LOWER_HOLIDAY.finditer(text) if any(h in text for h in LOWER_HOLIDAY_HINTS) else ():
        yield Span(m.start(), m.end(), Kind.DATE)  # "on thanksgiving weekend"
    seasons = any(w in low for w in ("spring", "summer", "fall", "autumn", "winter"))
    for m in SEASON_YEAR.finditer(low) if seasons else ():
        yield Span(m.start(), m.end(), Kind.DATE)
    listed = -1  # where the last month/day taken for a date ended
    left: re.Match[str] | None = None  # the last month/day left, should a range end follow
    for m in MONTH_DAY.finditer(text) if "/" in text else ():
        if (
            listed >= 0 and DATE_LIST_GAP.fullmatch(text, listed, m.start())
        ) or DAY_MONTH_RANGE_BEFORE.search(text, max(0, m.start() - 10), m.start()):
            listed = m.end(1)
            yield Span(*m.span(1), Kind.DATE)  # "for 3/27, 4/3, 4/10", "(4/8-4/10)"
            continue
        if left is not None and DATE_RANGE_GAP.fullmatch(text, left.end(1), m.start()):
            opened = left  # "notes 2/2 to 2/11": taken below when the end is a date
        else:
            opened = None
        left = m
        if (
            TIME_AFTER.match(text, m.end())
            or STUDY_BEFORE.search(text, max(0, m.start() - 8), m.start())
            or _in_a_cell(text, m.start(), m.end())
            or _in_a_date_row(text, m.start())
        ):
            if not SCORE_BEFORE.search(low, max(0, m.start() - 16), m.start()):
                yield Span(*m.span(1), Kind.DATE)
            continue
        month, day = (int(n) for n in m.group(1).split("/"))
        if NOT_A_DATE_AFTER.match(text, m.end()) and not DECIMAL_AFTER.match(text, m.end()):
            # (after a weekday it is a date all the same: "Mon 3/2 50 min"; and "on 3/14 of a
            # viable female": no fraction has a denominator past 10 and a cue before it)
            if not WEEKDAY_BEFORE.search(low, max(0, m.start() - 12), m.start()) and not (
                day > 10 and OF_AFTER.match(text, m.end()) and _cued(text, low, m.start())
            ):
                continue  # ("ANC 10/1 2.4": a lab's value follows its date)
        if (
            day in (2, 4)
            and month <= day
            and BOTTLES_BEFORE.search(low, max(0, m.start() - 8), m.start())
        ):
            continue  # "BCx 2/2 GNR": bottles that grew, of those drawn
        # A fraction, a score or a dose has a small denominator and is no bigger than it:
        # "1/2 tab", "7/10", "3/3 recall". A day past 10, or a "numerator" above it, is a date.
        unlike_a_fraction = (day > 10 or month > day) and not SCORE_BEFORE.search(
            low, max(0, m.start() - 16), m.start()
        )
        cued = _cued(text, low, m.start()) or _cued_about(text, low, m.start())
        if cued and day == 10 and RATING_FROM_BEFORE.search(low, max(0, m.start() - 16), m.start()):
            cued = False  # "up from 2/10": a rating's, whatever the cue
        if unlike_a_fraction or cued:
            listed = m.end(1)
            left = None
            if opened is not None:
                yield Span(*opened.span(1), Kind.DATE)
            yield Span(*m.span(1), Kind.DATE)
    for m in ORDINAL_DAY.finditer(low):  # (it starts only at a digit)
        if NOT_A_DAY_AFTER.match(low, m.end()):
            continue
        if _cued(text, low, m.start()) or (
            # "sooner than the 22nd.", "deposited the 3rd and": "the" and a day closing a clause
            low[max(0, m.start() - 4) : m.start()] == "the " and ORDINAL_CLOSED.match(low, m.end())
        ):
            yield Span(*m.span(1), Kind.DATE)  # "on the 15th", "till the 22nd"
    for m in DAY_BEFORE_EVENT.finditer(low) if "/" in low else ():
        first, second = (int(x) for x in m.group(1).split("/"))
        if 1 <= first <= 12 and 1 <= second <= 31:
            yield Span(*m.span(1), Kind.DATE)  # "re: 5/8 incident"
    for m in BIRTHDAY_ORDINAL.finditer(low) if "'s " in low or "\u2019s " in low else ():
        yield Span(*m.span(1), Kind.AGE)  # "for his mom's 60th."
    clocked: bool | None = None  # (whether the note writes a 24-hour clock, asked once)
    for m in YEAR_ALONE.finditer(text):
        if NOT_A_YEAR_AFTER.match(low, m.end()):
            continue
        if int(m.group(1)[2:]) < 60 and CLOCK_BEFORE.search(low, max(0, m.start() - 6), m.start()):
            continue  # "released at 2040", "@ 1935": a time on a 24-hour clock
        if int(m.group(1)) < 1960:
            if clocked is None:
                clocked = CLOCK_TIME.search(text) is not None
            year_cued = YEAR_CUE_BEFORE.search(low, max(0, m.start() - 16), m.start())
            if clocked and not year_cued and not AGE_THEN_AFTER.match(low, m.end()):
                continue  # "last seen 1945 in courtyard" where the note logs "0800", "1430"
            # (not "2019": notes that log times name recent years far more often; measured)
        # A year standing alone ("s/p CABG 2079", "MI (2084)") is a date element in every
        # de-identification standard that scores years; a measurement has its label before.
        if _cued(text, low, m.start()) or (
            1930 <= int(m.group(1)) < 2100
            and not MEASURE_BEFORE.search(low, max(0, m.start() - 12), m.start())
        ):
            yield Span(*m.span(1), Kind.DATE)
    for m in MONTH_SHORT_YEAR.finditer(text):
        if not SCORE_BEFORE.search(low, max(0, m.start() - 16), m.start()):
            yield Span(*m.span(1), Kind.DATE)
    for m in MONTH_ALONE.finditer(text):
        plain = m.group(1).rstrip(".") in PLAIN_MONTHS  # "every December"
        if plain or CUE_WORD_BEFORE.search(low, max(0, m.start() - 24), m.start()):
            yield Span(*m.span(1), Kind.DATE)
    for pattern, words in zip(CUED_DATE_PATTERNS, CUED_DATE_HINTS, strict=True):
        if not any_in(words, low):
            continue  # (a word each pattern needs is not there: no scan)
        for m in pattern.finditer(low):
            yield Span(*m.span(1), Kind.DATE)
            if m.re.groups > 1:
                yield Span(*m.span(2), Kind.DATE)  # the second year of "2019-2021"
    for m in DOTTED_DATE_CUED.finditer(low) if DOTTED_DATE_HINT.search(low) else ():
        yield Span(*m.span(1), Kind.DATE)
    logged: set[int] | None = None  # (looked for once, where a weekday's short form is)
    for m in WEEKDAY_SHORT.finditer(low):
        if logged is None:
            days = {day.start(1): day.group(1)[:3] for day in LOG_DAY.finditer(low)}
            logged = set(days) if len(set(days.values())) > 1 else set()  # (two days or more)
        if (
            m.start() in logged
            or len(m.group()) >= 6
            or WEEKDAY_CUE_BEFORE.search(low, max(0, m.start() - 12), m.start())
            or PART_OF_DAY_AFTER.match(low, m.end())  # "tele note sun pm"
            or (low[m.start() - 1 : m.start()] == "(" and low[m.end() : m.end() + 1] == ")")
            or (
                DATE_AFTER.match(low, m.end())
                and not O2_BEFORE.search(low, max(0, m.start() - 8), m.start())
            )
        ):
            yield Span(m.start(), m.end(), Kind.DATE)  # "discuss tues", "Mon-Thurs", "friday"
    for m in WEEKDAY_ALWAYS.finditer(text) if any_in(WEEKDAY_ALWAYS_HINTS, text) else ():
        yield Span(m.start(), m.end(), Kind.DATE)


# What each pattern cannot match without: any of these words in the lower-cased text.
CUED_DATE_HINTS: tuple[tuple[str, ...], ...] = hints(
    (
        ("-", "\u2013"),
        ("dob", "d.o.b", "birth", "born"),
        ("class of",),
        ("'",),
    )
)
_SPACED = (" ", "\t")
# What each address pattern cannot match without, in the text as written (the patterns
# read case); () for the one always scanned. Words a pattern needs after a space are
# looked for with it: " St" is rarer than "St".
ADDRESS_HINTS: tuple[tuple[str, ...], ...] = hints((
    (),
    ("Route", "Rte", "Highway", "Hwy", "County Road", "CR", "SR", "US"),
    ("Box", "BOX", "Bag", "PMB"),
    ("County", "CTH", "CR", "Co"),
    ("Rue", "Rua", "Via", "Avenida", "Avda.", "Av.", "Calle", "Carrer", "Strada", "Piazza",
     "Largo", "Travessa", "ul.", "Ulica", "Aleja", "Al.", "Praça", "Plaza", "Paseo", "Camino",
     "Chemin", "Boulevard",
     *(f"{suffix}{space}" for suffix in (
         "strasse", "straße", "str.", "weg", "gasse", "vej", "gade", "vägen", "gatan", "katu",
         "tie", "kuja", "polku", "laan", "straat", "plein", "platz", "allee", "väg", "gata",
         "veien", "vei", "utca", "út", "tér", "ulica", "cesta", "iela", "gatve")
       for space in _SPACED)),
    ("PSC", "Unit", "CMR", "APO", "FPO", "DPO"),
    ("Flat", "FLAT", "Apt", "APT", "Apartment", "Unit", "UNIT", "Suite", "SUITE", "Level", "Shop"),
    ("Court", "House", "Lodge", "Mansions", "Tower", "Heights", "Buildings"),
    ("Street", "Avenue", "Road", "Boulevard", "Lane", "Drive", "Court", "Terrace", "Parkway",
     "Highway", "Trail", "Circle"),
    tuple(f"{space}{suffix}" for suffix in ("St", "Ave", "Rd", "Blvd", "Ln", "Ct", "Pl", "Hwy",
                                            "Pkwy", "Ter") for space in _SPACED),
    ("Route", "Highway", "Interstate", "I-"),
    # (this one reads any case: looked for in the lower-cased text, see ADDRESS_HINTS_LOWER)
    tuple(f"{space}{word}" for word in ("route", "rte", "rt", "highway", "hwy", "fm")
          for space in _SPACED),
    tuple(f"{space}{suffix}" for suffix in ("st", "ave", "rd", "blvd", "ln", "dr", "street",
                                            "avenue", "road", "lane", "drive", "terrace", "ter",
                                            "pkwy", "hwy", "row", "close", "crescent", "cres",
                                            "parade", "grove", "mews") for space in _SPACED),
    ("Box", "BOX"),
    ("addr",),
    tuple(f"{space}{suffix}" for suffix in ("st", "ave", "rd", "blvd", "ln", "street",
                                            "avenue", "road", "lane", "terrace", "pkwy", "hwy")
          for space in _SPACED),
    tuple(f"{space}{suffix}" for suffix in ("AVE", "RD", "BLVD", "LN", "HWY", "PKWY",
                                            "STREET", "AVENUE", "ROAD", "HIGHWAY", "DRIVE",
                                            "LANE", "BOULEVARD") for space in _SPACED),
    ("Highway", "Hwy", "Route", "Rte"),
    ("/", "#"),
    (" rue ", "Rue ", "boul", "chemin", "Chemin", " avenue ", " côte"),
    # (read in the lower-cased text, see ADDRESS_HINTS_LOWER)
    tuple(f"{space}{letter}{after}" for letter in "nsew" for after in (" ", ". ", "\t")
          for space in _SPACED),
    ("Broadway",),
    tuple(f"{word}{space}" for word in (" CR", " SR", "County Road", "State Route", "mile marker")
          for space in _SPACED),
    ("Apt", "APT", "Apartment", "Suite", "SUITE", "Ste.", "Flat", "FLAT"),
))  # fmt: skip
ADDRESS_HINTS_LOWER = frozenset({11, 14, 15, 20})
ADDRESS_HINTS_SPACED = tuple(
    hint(w for w in words if "\t" not in w) if words else () for words in ADDRESS_HINTS
)
IBAN_HINT = screened(regex(r"[A-Z]{2}\d{2}"))


URL_HINT = screened_lower(
    regex(r"://|www\.|\.(?:com|org|net|edu|gov|io|us|info|biz|health|care|co|me)\b")
)


def _contacts(text: str, low: str) -> Iterator[Span]:
    # Most notes hold no address or link at all: a cheap look first saves the full scans.
    if "@" in text:
        for m in EMAIL.finditer(text):
            yield Span(m.start(), m.end(), Kind.EMAIL)
    if URL_HINT.search(low):
        yield from _urls(text)
    yield from _numbers_of_contact(text, low)


def _urls(text: str) -> Iterator[Span]:
    for m in URL.finditer(text):
        if "@" in text[max(0, m.start() - 1) : m.start()]:
            continue
        if re.fullmatch(r"[a-z]+\.[a-z]+", m.group(), re.I) and not m.group().lower().startswith(
            "www"
        ):
            # "pt.co" is no URL; a bare domain needs a common top-level domain
            if m.group().split(".")[-1].lower() not in {"com", "org", "net", "edu", "gov", "me"}:
                continue
        yield Span(m.start(), m.end(), Kind.URL)


def _numbers_of_contact(text: str, low: str) -> Iterator[Span]:
    for m in IPV4.finditer(text) if IPV4_HINT.search(text) else ():
        yield Span(m.start(), m.end(), Kind.IP)
    if ("::" in low or low.count(":") > 4) and IPV6_HINT.search(low):
        for m in IPV6.finditer(low):
            found = m.group()
            if ("::" in found or found.count(":") >= 4) and re.search(r"\d", found):
                yield Span(m.start(), m.end(), Kind.IP)
    for m in SSN.finditer(text):
        yield Span(m.start(), m.end(), Kind.SSN)
    if "ss" in low or "social security" in low:
        for m in SSN_CUED.finditer(low):
            yield Span(*m.span(1), Kind.SSN)
    for m in SIN_CUED.finditer(low) if "sin" in low or "social insurance" in low else ():
        yield Span(*m.span(1), Kind.SSN)
    for pattern in (PHONE, PHONE_INTL):
        for m in pattern.finditer(text):
            yield Span(m.start(), m.end(), Kind.FAX if _faxed(text, m.start()) else Kind.PHONE)
    for m in UK_PHONE.finditer(text) if any_in(UK_PHONE_HINTS, text) else ():
        yield Span(m.start(), m.end(), Kind.FAX if _faxed(text, m.start()) else Kind.PHONE)
    for m in LOCAL_PHONE.finditer(text) if "-" in text else ():
        yield Span(m.start(), m.end(), Kind.FAX if _faxed(text, m.start()) else Kind.PHONE)
    for m in PHONE_CUED.finditer(low):
        if sum(c.isdigit() for c in m.group(1)) >= 7:
            kind = Kind.FAX if m.group().startswith("fax") else Kind.PHONE
            yield Span(*m.span(1), kind)
    if "ext" in low or "x" in low:
        for m in EXTENSION.finditer(low):
            yield Span(*m.span(1 if m.group(1) else 2), Kind.PHONE)
    for m in PHONE_SHORT.finditer(low):
        kind = Kind.FAX if m.group().startswith(("fax", "f")) else Kind.PHONE
        yield Span(*m.span(1), kind)
    paged = any_in(PAGER_HINTS, low)
    for m in PAGER.finditer(low) if paged else ():
        yield Span(*m.span(1 if m.group(1) else 2), Kind.PHONE)
    for m in SPOKEN_NUMBER.finditer(low) if any_in(SPOKEN_HINTS, low) else ():
        yield Span(m.start(), m.end(), Kind.PHONE)


def _numbers(text: str, low: str) -> Iterator[Span]:
    billing = BILLING_NOTE.search(low) is not None
    for m in CARD.finditer(text) if CARD_HINT.search(text) else ():
        if _luhn(re.sub(r"\D", "", m.group())):
            yield Span(m.start(), m.end(), Kind.ID)
    for m in IBAN.finditer(text) if IBAN_HINT.search(text) else ():
        yield Span(m.start(), m.end(), Kind.ID)
    for m in ID_CUED.finditer(low):
        if not NOT_ID.match(m.group(1)):
            yield Span(*m.span(1), Kind.ID)
    for m in SPACED_NINE.finditer(text) if SPACED_NINE_NEAR.search(text) else ():
        lettered = text[m.start()].isalpha()
        if lettered or NINE_LABEL_BEFORE.search(text, max(0, m.start() - 16), m.start()):
            yield Span(*m.span(), Kind.ID)
    for m in REF_CODE.finditer(low) if any_in(REF_HINTS, low) else ():
        code = m.group(1)  # (a code has its digits from the start: never "range 135-145")
        if REFERENCE_RANGE.fullmatch(code):
            continue
        if sum(map(str.isdigit, code)) >= 3 and any(map(str.isdigit, code[:4])):
            yield Span(*m.span(1), Kind.ID)
    for m in LAST_FOUR.finditer(low) if "last " in low else ():
        social = m.group(1) in ("ssn", "social") or "ssn" in low[max(0, m.start() - 40) : m.start()]
        yield Span(*m.span(2), Kind.SSN if social else Kind.ID)
    for m in ID_CODE.finditer(text) if THREE_DIGITS.search(text) else ():
        token = m.group()
        if "-" in token and AGE_WORDS.search(token):
            continue  # "101-year-old"
        if len(token) >= 5 and not NOT_ID.match(token) and sum(c.isdigit() for c in token) >= 3:
            if HCPCS.fullmatch(token) and HCPCS_BEFORE.search(
                low, max(0, m.start() - 24), m.start()
            ):
                continue  # "Billed G0444", "HCPCS J2315": a service's code, no one's
            yield Span(m.start(), m.end(), Kind.ID)
    for m in NUMBER_SIGN.finditer(text):
        yield Span(*m.span(1), Kind.ID)
    for m in POLICE_NUMBER.finditer(text) if any_in(POLICE_HINTS, text) else ():
        yield Span(*m.span(1 if m.group(1) else 2), Kind.ID)
    for m in ACCOUNT_NAME.finditer(low) if "user" in low or "login" in low else ():
        yield Span(*m.span(1), Kind.ID)
    for m in DICTATION_CODE.finditer(text) if "D. " in text or "MD " in text else ():
        yield Span(*m.span(1), Kind.ID)
    for m in PLATE.finditer(text) if "plate" in low or "tag" in low else ():
        yield Span(*m.span(1), Kind.ID)
    for m in REGISTRATION.finditer(text) if "reg" in low else ():
        yield Span(*m.span(1), Kind.ID)
    staff = ("interpreter", "badge", "collar", "shoulder", "employee", "provider", "npi", "dea")
    for m in STAFF_NUMBER.finditer(low) if any(w in low for w in staff) else ():
        yield Span(*m.span(1), Kind.ID)
    for pattern in (ID_DIGITS, ID_DASHED):
        for m in pattern.finditer(text):
            if BILLING_CODE_BEFORE.search(low, max(0, m.start() - 24), m.start()):
                continue  # "CPT 99214, 90836": billing codes identify no one
            if _service_code(m.group()) or (billing and _billed_code(m.group())):
                continue  # "90847, 50 min": a session's code, even without its label
            yield Span(m.start(), m.end(), Kind.ID)


# The codes a mental-health service is billed by: psychiatry and psychotherapy (90785-90899),
# psychological testing (96101-96171), office and hospital visits (99202-99499)
SERVICE_CODES = (range(90785, 90900), range(96101, 96172), range(99202, 99500))


# A note about billing, claims or authorisations ("97110 x 3 units", "EOB received")
BILLING_NOTE = screened_lower(
    regex(
        r"\b(?:cpt|hcpcs|billed|billing|superbill|eob|modifier|remittance|reimburse[ds]?|payer|"
        r"prior auth(?:ori[sz]ation)?|dme)\b"
    )
)
# The codes the therapies are billed by, which a billing note gives bare: speech and
# swallowing, physical and occupational therapy, chiropractic (a ZIP code is read apart,
# after its state)
BILLED_CODES = (range(92500, 92700), range(97000, 98000), range(98940, 98944))


def _billed_code(number: str) -> bool:
    """A code a billing note gives, alone or with its modifier ("97110", "92526-59")."""
    return _code_in(number, BILLED_CODES, lettered=True)


def _service_code(number: str) -> bool:
    """A service's code, alone or with its modifier ("90847", "90837-95")."""
    return _code_in(number, SERVICE_CODES)


def _code_in(number: str, ranges: tuple[range, ...], *, lettered: bool = False) -> bool:
    """A five-digit code in the ranges, alone or with a modifier of two digits (or, when
    lettered, two letters or digits); "90834 45" is a code and its minutes."""
    code, _, modifier = number.replace(" ", "-", 1).partition("-")
    if modifier and not (
        len(modifier) == 2 and (modifier.isalnum() if lettered else modifier.isdigit())
    ):
        return False
    return len(code) == 5 and code.isdigit() and any(int(code) in codes for codes in ranges)
