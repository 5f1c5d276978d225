"""The words of mental health law that a forensic report writes as if they were names: the
cases its standards are named for ("the Dusky standard", "the Roper, Graham and Miller
decisions") and the law's Latin ("mens rea", "ex parte").

A case's name is a party's surname, and most are surnames a client may have too: "the Miller
hearing" may be the client's own. So a case's name counts as the law's only where no client's
could stand: a rare one (no census list holds it, or only far down) before the word for a
standard ("the Dusky standard", never "the Dusky hearing"); any of them in a list of cases
before a ruling's plural ("decisions", "line of cases") or as a kind ("a Rogers-type
hearing")."""

from alcove.deidentify.engine.compiled import regex
from alcove.deidentify.engine.hints import hint
from alcove.deidentify.engine.screen import screened

# Surnames so rare (no census list holds them, or only far down) that before "standard" or
# "criteria" they are the case's
RARE_CASES = """Dusky|Panetti|Jaffee|Daubert|Tarasoff|Drope|Zinermon|Foucha|Faretta|Kumho|
M'Naghten|McNaghten|M'Naughten"""
# Surnames a client may have too: cases only beside others ("the Ford and Panetti line of
# cases", "the Roper, Graham and Miller decisions") or as a kind ("a Rogers-type hearing")
COMMON_CASES = """Ford|Graham|Miller|Roper|Kent|Harper|Rogers|Jackson|Edwards|Crane|Cooper|
Washington|Indiana|Kansas|Texas|Wyatt|Donaldson|Barefoot|Joiner|Godinez|Addington|Frye|Riggins|
Olmstead|Youngberg|Jablonski|Lipari|McNaughton|Brawner|Lessard|Parham|Estelle|Sell|Ake|Gault|
Winship|Atkins|Hendricks|Miranda|Durham"""
_RARE = RARE_CASES.replace("\n", "")
_ANY = f"{_RARE}|{COMMON_CASES.replace(chr(10), '')}"
# (the words for a standard, never a person's proceedings: "the Jablonski evaluation" may be
# the client's)
_SINGULAR = (
    r"standard|criteria|test|factors|waiver|warnings?|rights|challenge|rule|doctrine|duty|"
    r"exception|framework|threshold|requirements?|elements|prongs?"
)
_PLURAL = r"decisions|cases|rulings|standards|line of cases|line of decisions|trilogy"
CASE_STANDARDS = screened(
    regex(
        rf"(?i)\b(?:(?:{_RARE})(?:-type)?[ \t]+(?:{_SINGULAR}|{_PLURAL})\b"
        rf"|(?:{_ANY})-type[ \t]+(?:{_SINGULAR}|{_PLURAL}|hearing|procedure|evaluation)\b"
        rf"|(?:{_ANY})(?:(?:,|,? and|,? &)[ \t]+(?:{_ANY}))+[ \t]+(?:{_PLURAL})\b)"  # (and "-type")
    )
)
CASE_HINTS = hint(_ANY.split("|"))

LATIN = """mens rea|actus reus|ex parte|parens patriae|res ipsa loquitur|amicus curiae|habeas
corpus|in camera|pro se|sua sponte|de novo|voir dire|nolo contendere|guardian ad litem|ad litem|
in loco parentis|per curiam|certiorari|duces tecum|subpoena duces tecum|non compos
mentis|prima facie|bona fide|inter alia|ultra vires|ex post facto|pro bono|amicus"""
PHRASES = [p.strip() for p in " ".join(LATIN.split("\n")).split("|") if p.strip()]
