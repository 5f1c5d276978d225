"""What a release can hold: the classes an authorization names and a package contains.

Each class is a part of the record a recipient can understand ("progress notes", "dates of
sessions"), mapped to the data class the policy table guards and, for notes, to the note
kinds it takes. A package holds only signed notes: a draft never leaves the practice.
"""

from dataclasses import dataclass

from django.db import models

from alcove.access.policy import DataClass
from alcove.notes.models import NoteKind


class ReleaseClass(models.TextChoices):
    IDENTIFYING = "identifying", "Identifying details (name, date of birth)"
    ATTENDANCE = "attendance", "Dates of sessions (no content)"
    INTAKE = "intake", "Intake assessment"
    PROGRESS = "progress_notes", "Progress notes"
    TREATMENT_PLAN = "treatment_plan", "Treatment plan"
    PSYCHOTHERAPY = "psychotherapy_notes", "Psychotherapy notes (only on their own authorization)"


@dataclass(frozen=True)
class Scope:
    data_class: DataClass
    note_kinds: tuple[NoteKind, ...] = ()


SCOPES: dict[ReleaseClass, Scope] = {
    ReleaseClass.IDENTIFYING: Scope(DataClass.DEMOGRAPHICS),
    ReleaseClass.ATTENDANCE: Scope(DataClass.CLINICAL),
    ReleaseClass.INTAKE: Scope(DataClass.CLINICAL, (NoteKind.INTAKE,)),
    ReleaseClass.PROGRESS: Scope(DataClass.CLINICAL, (NoteKind.PROGRESS,)),
    ReleaseClass.TREATMENT_PLAN: Scope(DataClass.CLINICAL, (NoteKind.TREATMENT_PLAN,)),
    ReleaseClass.PSYCHOTHERAPY: Scope(DataClass.PSYCHOTHERAPY_NOTES, (NoteKind.PSYCHOTHERAPY,)),
}

# The order a package and an authorization list them in.
ORDER = tuple(ReleaseClass)


def classes_clean(values: object) -> list[ReleaseClass]:
    """Known classes, once each, in the standard order; anything else is an error."""
    if not isinstance(values, list | tuple | set | frozenset):
        raise ValueError("The classes to release are a list.")
    unknown = [v for v in values if v not in ReleaseClass.values]
    if unknown:
        raise ValueError(f"Unknown class to release: {', '.join(map(str, unknown))}.")
    chosen = {ReleaseClass(v) for v in values}
    return [c for c in ORDER if c in chosen]


def classes_describe(values: list[str]) -> str:
    return "; ".join(ReleaseClass(v).label.split(" (only")[0] for v in values)
