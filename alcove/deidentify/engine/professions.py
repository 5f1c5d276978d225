"""Professions: a job's word with the words that modify it ("retired machinist", "works
as a line cook")."""

from alcove.deidentify.engine.cues import (
    FUNCTION_WORDS,
    JOB_ENDINGS,
    NOT_MODIFIERS,
    PROFESSION_CUE,
    WORKS_AS,
)
from alcove.deidentify.engine.finder import FinderBase
from alcove.deidentify.engine.spans import Kind
from alcove.deidentify.engine.vocabulary import PROFESSIONS


class ProfessionRules(FinderBase):
    def professions(self) -> None:
        self._professions()
        self._works_as()

    def _professions(self) -> None:
        tokens = self.tokens
        for i, tok in enumerate(tokens):
            if not self._job(tok.lower):
                continue
            # "works as a welder", "is a long-haul trucker", "Employment: electrician at ...",
            # "nurse at St. Luke's", "Ana Ruiz, claims adjuster, ...", "(pharmacist, CVS)"
            start = i
            k = i - 1
            steps = 0
            while (
                k >= 0
                and steps < 2
                and tokens[k].lower not in ("a", "an", "as")
                and (PROFESSION_CUE.ends_at(tokens, k) is None)
            ):
                if not tokens[k].lower.replace("-", "").isalpha():
                    break
                k -= 1
                steps += 1
            cue = False
            if k >= 0 and tokens[k].lower in ("a", "an"):
                cue = (
                    PROFESSION_CUE.ends_at(tokens, k) is not None
                    or PROFESSION_CUE.ends_at(tokens, k - 1) is not None
                    or (k >= 1 and tokens[k - 1].lower == "as")
                    or (k >= 1 and self.gap(tokens[k - 1], tokens[k]) == ", ")  # ", a cellist"
                )
                start = k + 1
            elif k >= 0 and PROFESSION_CUE.ends_at(tokens, k) is not None:
                cue = True
                start = k + 1
            after = tokens[i + 1] if i + 1 < len(tokens) else None
            at = (
                after is not None
                and after.lower in ("at", "for", "with")
                and i + 2 < len(tokens)
                and tokens[i + 2].cap
            )
            apposed = self._apposed(i)
            if at or apposed >= 0:
                start = min(start, apposed if apposed >= 0 else self._modifier(i))
            if cue or at or apposed >= 0:
                start = min(start, i)
                # keep one modifier ("truck driver", "dental hygienist"), never the article
                if i - start > 1:
                    start = i - 1
                if start < i and tokens[start].lower in NOT_MODIFIERS:
                    start = i
                self.add(tokens[start].start, tok.end, Kind.PROFESSION)

    def _modifier(self, i: int) -> int:
        """The index of one lower-case word qualifying the trade at i ("graduate student")."""
        before = self.tokens[i - 1] if i > 0 else None
        if before is None or self.gap(before, self.tokens[i]) != " ":
            return i
        if not before.text.islower() or before.lower in NOT_MODIFIERS:
            return i
        if before.lower in FUNCTION_WORDS or not before.lower.replace("-", "").isalpha():
            return i
        return i - 1

    def _apposed(self, last: int) -> int:
        """A trade set off by commas or brackets after a name or an age: "Ana Ruiz, claims
        adjuster, Liberty Mutual", "Pt is 24, hair stylist,", "(software engineer, Acme)":
        the index of its first word, or -1."""
        tokens = self.tokens
        first = self._modifier(last)
        if first == 0 or tokens[first].caps_line or (tokens[first].cap and first < last):
            return -1
        before = self.text[max(0, tokens[first].start - 2) : tokens[first].start]
        after = self.text[tokens[last].end : tokens[last].end + 1]
        if not before.endswith((", ", "(")) or after not in (",", ")", ";"):
            return -1
        previous = tokens[first - 1]
        if (
            previous.cap
            or self.text[previous.end : previous.end + 1].isdigit()
            or (before.endswith(", ") and self.text[tokens[first].start - 3].isdigit())
        ):
            return first
        return -1

    def _works_as(self) -> None:
        """Whatever follows "works as a" is a trade: "work as a barback"."""
        tokens = self.tokens
        for i in range(2, len(tokens)):
            if tokens[i - 1].lower not in ("a", "an") or WORKS_AS.ends_at(tokens, i - 2) is None:
                continue
            last = i
            if i + 1 < len(tokens) and self.gap(tokens[i], tokens[i + 1]) == " ":
                if tokens[i + 1].text.islower() and tokens[i + 1].lower not in FUNCTION_WORDS:
                    last = i + 1  # "a forklift operator"
            if tokens[i].text.islower() and tokens[i].lower not in FUNCTION_WORDS:
                self.add(tokens[i].start, tokens[last].end, Kind.PROFESSION)

    def _job(self, lw: str) -> bool:
        jobs = self.lex.jobs or PROFESSIONS
        if lw in jobs or (lw[-1:] == "s" and lw[:-1] in jobs):
            return True
        if lw[-3:] in ("ist", "ian", "her") and lw.endswith(JOB_ENDINGS):
            return lw not in self.lex.first and lw not in self.lex.last  # "cardiologist"
        return False
