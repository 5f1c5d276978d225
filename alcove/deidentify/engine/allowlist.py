"""The allow-list: words known to be safe, so that any other word that looks like a proper
noun can be masked without evidence that it is one (the high-recall design of Philter).

A name the dictionaries have never seen ("Hawo", "Brakebush", "Ife") has no evidence for
it but its shape; a word on this list has evidence against it. Built once with the lexicon
(and cached with it) from PyPI packages, never copied into the repository:

- everyday English: a word among `wordfreq`'s 100,000 most frequent English words that both
  `english-words` lists hold in lower case or in a base form (web2 and GCIDE, a dictionary:
  web2 alone keeps "ife", "bree" and "walt" as words), unless the census knows it far better
  as a name than `wordfreq` knows it as a word ("James", "Brown", "Frank");
- `faker`'s language names and the words of its job titles ("Tamil", "Librarian");
- Alcove's own lists (vocabulary.py): clinical shorthand, drugs, labs, eponyms, headings,
  peoples, languages and faiths.

At run time a word also counts when its parts do ("self-harm"), when a base form does
("Reoriented"), when it has no vowel (shorthand: "BKFST", "HRS") or when it has a medical
or a drug's ending and no census lists it.
"""

import re
from typing import TYPE_CHECKING

from alcove.deidentify.engine import vocabulary
from alcove.deidentify.engine.compiled import regex

if TYPE_CHECKING:  # (lexicon imports this module: the class is only named here)
    from alcove.deidentify.engine.lexicon import Lexicon

# How many of wordfreq's words are everyday English (past it: 1.96 on the Zipf scale,
# about one in a hundred million words).
TOP = 100_000
# A word whose census rank as a name, times this, is below its frequency rank as a word is
# a name first ("frank" is the 31st given name and the 1,827th word).
NAME_WEIGHT = 4
NEVER = 10**9

PREFIXES = (
    "re", "un", "non", "pre", "post", "anti", "over", "under", "self", "co", "de", "dis",
    "mis", "sub", "super", "inter", "intra", "trans", "hyper", "hypo", "multi", "semi",
    "counter", "out", "tele", "bi", "tri", "peri", "neuro", "psycho", "micro", "mini",
)  # fmt: skip
VOWELS = regex(r"[aeiouy]")
MEDICAL_ENDING = regex(
    r"(?:emia|itis|osis|ectomy|otomy|ostomy|plasty|algia|pathy|uria|trophy|plegia|paresis|"
    r"scopy|graphy|cardia|pnea|rrhea|partum|natal|ology|ologist|iatry|iatric|ization|"
    r"isation|ectomies|ist|ists|"
    # tumours, blood and cell findings, and the adjectives of a report's findings
    # ("Seminoma", "Neutropenic", "Echogenic", "Schistocytes"), never an ending that names
    # end in too ("Ijeoma", "Dabbous", "Kular", "Minal", "Cheal", "Jeremic", "Vukotic")
    r"(?:carcin|sarc|aden|lymph|melan|semin|blast|lip|my|hemat|haemat|gli|meningi|papill|"
    r"neur|thym|hepat|terat|angi|granul|fibr)omas?|omata|"
    r"(?:natr|kal|ox|vol|glyc|calc|lipid|ur|bacter|an|isch|tox|sept)emic|aemic|"
    r"(?:scler|necr|psych|narc|bi|fibr|hypn|cyan|mit|osm)otic|"
    r"genic|penic|penia|phric|cytic|cytes|cytosis|scopic|plastic|trophic|pathic|phagia|"
    r"phasia|plasia|ptysis|rrhage|rrhagic|iasis|ectasis|ectatic|phasic|ative|itive|cellular|"
    r"lith|liths|lobular|vascular|anguineous|anguinous|villous|iceal|luteal|oraminal|"
    r"omatous)$"
)
DRUG_ENDING = regex(
    r"(?:pril|olol|statin|azole|mycin|cillin|xetine|afil|sartan|tidine|prazole|formin|"
    r"gliptin|triptan|oxacin|cycline|navir|ciclovir|umab|imab|tinib|barbital|zepam|azolam|"
    r"profen|codone|gabalin|lukast|semide|thiazide|dronate|peridol|apine|idone|azine)$"
)


def stems(word: str) -> list[str]:
    """The base forms a word may have in a list of base forms (web2): "reports", "report"."""
    stems = []
    for suffix, replacement in (
        ("ies", "y"), ("ied", "y"), ("ier", "y"), ("iest", "y"), ("ily", "y"), ("ing", ""),
        ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""), ("ly", ""), ("er", ""),
        ("er", "e"), ("ers", ""), ("est", ""), ("est", "e"), ("ness", ""), ("ally", ""),
        ("ment", ""), ("ments", ""),
    ):  # fmt: skip
        # the stem keeps three letters, counting an "e" put back ("using": "use")
        if word.endswith(suffix) and len(word) - len(suffix) + len(replacement) >= 3:
            stems.append(word[: -len(suffix)] + replacement)
    if len(word) > 5 and word.endswith("ed") and word[-3] == word[-4]:
        stems.append(word[:-3])  # "stopped"
    if len(word) > 6 and word.endswith("ing") and word[-4] == word[-5]:
        stems.append(word[:-4])  # "running", "planning"
    return stems


def safe_words(
    web2: frozenset[str], first: dict[str, int], last: dict[str, int]
) -> tuple[frozenset[str], frozenset[str]]:
    """The allow-list, and the everyday words left off it for being names first ("frank",
    "hall"): built with the lexicon (a few seconds; then cached)."""
    from english_words import get_english_words_set
    from wordfreq import top_n_list

    gcide = frozenset(w.lower() for w in get_english_words_set(["gcide"], alpha=True))
    safe: set[str] = set()
    named: set[str] = set()
    for rank, word in enumerate(top_n_list("en", TOP)):
        if not word.isalpha() or not _listed(word, web2) or not _listed(word, gcide):
            continue
        if min(first.get(word, NEVER), last.get(word, NEVER)) * NAME_WEIGHT < rank:
            named.add(word)  # a name far more often than a word
            continue
        safe.add(word)
    # ("Trade mark attorney" would otherwise make "Mark" safe)
    faker_words = {w for w in _faker_words() if min(first.get(w, NEVER), last.get(w, NEVER)) > 5000}
    safe |= faker_words | _own_words() | _drug_words(first, last)
    # and the rarer words both dictionaries hold that no list of names has, clinical ones most
    # ("clonus", "eschar", "diaphoresis"): too rare for the top words, and in capitals the
    # sweep would take them for surnames. Only those written at all today (wordfreq's whole
    # list): the archaic rest would double the allow-list and its loading time for six
    # false masks fewer in 38,000 tokens.
    written = frozenset(top_n_list("en", 10**7))
    safe |= {
        w
        for w in web2 & gcide & written
        if len(w) >= 5 and w not in first and w not in last and w not in named
    }
    safe |= _british(safe, first, last)
    return frozenset(safe), frozenset(named - safe)


# American spellings and their British and Commonwealth forms, as the word lists lack them
# ("oedema", "haemorrhagic", "dyspnoea", "behaviour", "hospitalisation")
BRITISH = (
    ("hem", "haem"), ("anem", "anaem"), ("emia", "aemia"), ("edem", "oedem"),
    ("esoph", "oesoph"), ("estr", "oestr"), ("pedi", "paedi"), ("gyneco", "gynaeco"),
    ("rrhea", "rrhoea"), ("pnea", "pnoea"), ("ischem", "ischaem"), ("orthoped", "orthopaed"),
    ("fetal", "foetal"), ("ize", "ise"), ("iza", "isa"), ("yze", "yse"), ("avior", "aviour"),
    ("olor", "olour"), ("umor", "umour"), ("abor", "abour"), ("ighbor", "ighbour"),
    ("enter", "entre"), ("eling", "elling"), ("eled", "elled"), ("ense", "ence"),
)  # fmt: skip


def _british(safe: set[str], first: dict[str, int], last: dict[str, int]) -> set[str]:
    """The British forms of the allow-list's words, less any that a list of names holds."""
    out = set()
    for word in safe:
        for american, british in BRITISH:
            if american in word:
                variant = word.replace(american, british)
                if variant not in first and variant not in last:
                    out.add(variant)
    return out


def _listed(word: str, entries: frozenset[str]) -> bool:
    return word in entries or any(stem in entries for stem in stems(word))


def _faker_words() -> set[str]:
    """Languages and the words of job titles, from faker's English providers."""
    import faker.providers.job.en_US as jobs
    import faker.providers.person as person

    words: set[str] = set()
    for phrase in (*person.Provider.language_names, *jobs.Provider.jobs):
        words.update(w.lower() for w in re.findall(r"[A-Za-z]{3,}", phrase))
    return words


def job_words() -> frozenset[str]:
    """The last word of each of faker's English job titles ("Loss adjuster, chartered":
    "adjuster"), that a note may give as someone's work."""
    import faker.providers.job.en_US as jobs

    heads = set()
    for title in jobs.Provider.jobs:
        words = re.findall(r"[A-Za-z]+", title.split(",")[0].split("(")[0])
        if words and len(words[-1]) > 3:
            heads.add(words[-1].lower())
    return frozenset(heads - NOT_JOBS)


# Last words of job titles that say nothing of a trade alone ("Social worker", "Person").
NOT_JOBS = frozenset(
    """worker person staff crew associate professional emeritus runner visitor land make copy
    specialist executive officer manager director assistant agent representative adviser
    coordinator practitioner boy handler trainer planner controller""".split()
)


def _drug_words(first: dict[str, int], last: dict[str, int]) -> set[str]:
    """Drug names of one word, brand and generic ("Latuda", "Nexium", "acamprosate"), from
    the dictionary that `drug-named-entity-recognition` ships (DrugBank's open vocabulary,
    MeSH, MedlinePlus, the NHS), less any name the census or faker lists ("Allegra")."""
    import bz2
    import importlib.util
    import pickle
    from pathlib import Path

    # Read where the package keeps it, without importing the package (which would load
    # its network client for a feature the engine never uses).
    spec = importlib.util.find_spec("drug_named_entity_recognition")
    if spec is None or spec.origin is None:
        return set()
    with bz2.open(Path(spec.origin).parent / "drug_ner_dictionary.pkl.bz2", "rb") as handle:
        data = pickle.load(handle)  # noqa: S301 (an installed package's own data, as trusted as its code)
    variants = data.get("drug_variant_to_canonical", {})
    # Only names people write (wordfreq holds them at all): some 2,000 of the 26,000, and the
    # lexicon that every start loads stays small.
    from wordfreq import top_n_list

    written = frozenset(top_n_list("en", 10**7))
    return {
        word
        for word in variants
        if isinstance(word, str)
        and word.isalpha()
        and len(word) >= 4
        and word in written
        and word not in first
        and word not in last
    }


def _own_words() -> set[str]:
    cues = " ".join(
        (
            vocabulary.RELATIONS,
            vocabulary.STAFF_CUES,
            vocabulary.STRONG_LABELS,
            vocabulary.WEAK_LABELS,
        )
    )
    return set(re.findall(r"[a-z]{2,}", cues)) | set(
        vocabulary.CLINICAL
        | vocabulary.HEADINGS
        | vocabulary.PROPER_NOT_NAMES
        | vocabulary.EPONYMS
        | vocabulary.LABS
        | vocabulary.DRUGS
        | vocabulary.SHORTHAND
        | vocabulary.EVERYDAY_SURNAMES
        | vocabulary.PEOPLES
        | vocabulary.PROFESSIONS
        | vocabulary.TITLES
    )


# The endings of a word formed from another, which the base-form dictionaries leave out
# (never "ly" or "ment", which end names too: "Vitaly", "Rayment")
INFLECTED = ("ing", "ed", "ive", "tion")


def is_safe(word: str, lex: "Lexicon") -> bool:
    """The word (lower case) is on the allow-list or derived from it."""
    return word in lex.safe or derived_safe(word, lex)


def derived_safe(word: str, lex: "Lexicon", *, compounds: bool = True) -> bool:
    """A lower-case word not on the list that is safe all the same: its parts, a base form
    or a prefix's remainder are listed, it has no vowel, or it has a medical ending and is
    no name the census knows; or, with compounds, two listed words run together."""
    safe = lex.safe
    if "-" in word or "'" in word:
        parts = [p for p in re.split(r"[-']", word) if len(p) > 1]
        return bool(parts) and all(is_safe(p, lex) for p in parts)
    if not VOWELS.search(word):
        return True  # "bkfst", "hrs": shorthand, no name
    if any(stem in safe for stem in stems(word)):
        return True
    for prefix in PREFIXES:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) >= 4:
            if rest in safe or any(stem in safe for stem in stems(rest)):
                return True
    if word in lex.first or word in lex.last:
        return False
    if word.endswith(INFLECTED) and (
        word in lex.common or any(len(w) > 3 and w in lex.common for w in stems(word))
    ):
        # "escalating", "supportive": an everyday word the old dictionaries lack (never by
        # today's words, which hold names too, "qing", "yume"; nor by a stem so short that
        # a name ends in it, "danning")
        return True
    if MEDICAL_ENDING.search(word) is not None or DRUG_ENDING.search(word) is not None:
        return True
    if not compounds:
        return False
    # two listed words run together, neither a name: "salesperson", "facesheet" (only where
    # both halves can be listed words: a pasted run of letters costs its length, not its square)
    longest, size = lex.safe_longest, len(word)
    splits = range(max(3, size - longest), min(size - 2, longest + 1))
    return any(word[:k] in safe and word[k:] in safe for k in splits)
