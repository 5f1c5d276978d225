"""`alcove deidentify`: what someone piping notes through it sees."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError


def run(stdin: bytes, *args: str) -> tuple[str, str, CommandError | None]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("deidentify", *args, stdin=io.BytesIO(stdin), stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), error
    return out.getvalue(), err.getvalue(), None


def test_it_redacts_text_from_stdin() -> None:
    out, _, error = run(b"Seen by Dr. Helen Okafor on 3/14/2024; call 662-555-0142.\n")
    assert error is None
    assert out == "Seen by Dr. Clinician A on 2024; call [PHONE].\n"


def test_it_shifts_dates_when_asked_and_refuses_a_shift_of_nothing() -> None:
    out, _, error = run(b"Seen 3/14/2024.", "--dates", "shift", "--offset-days", "-10")
    assert error is None and out == "Seen 3/4/2024."
    _, _, error = run(b"Seen 3/14/2024.", "--dates", "shift")
    assert error is not None and "offset" in str(error)


def test_it_masks_states_and_countries_unless_told_to_keep_them() -> None:
    note = b"Moved from Ohio to Lowell, MA 01852; her mother is in Ghana.\n"
    out, _, error = run(note)
    assert error is None
    assert out == "Moved from [STATE] to [CITY], [STATE] [ZIP]; her mother is in [COUNTRY].\n"
    out, _, error = run(note, "--keep-states")
    assert error is None
    assert out == "Moved from Ohio to [CITY], MA [ZIP]; her mother is in Ghana.\n"
    line = b'{"id": 1, "text": "Born in Ohio."}\n'
    out, _, _ = run(line, "--format", "spans-jsonl", "--keep-states")
    assert json.loads(out) == {"id": 1, "spans": []}


def test_it_writes_one_line_of_spans_per_json_line() -> None:
    lines = b'{"id": 7, "text": "Dana Moreau called 662-555-0142"}\n{"id": "b", "text": "ok"}\n'
    out, err, error = run(lines, "--format", "spans-jsonl")
    assert error is None and err == ""
    first, second = (json.loads(line) for line in out.splitlines())
    assert first == {
        "id": 7,
        "spans": [
            {"start": 0, "end": 11, "type": "NAME"},
            {"start": 19, "end": 31, "type": "PHONE"},
        ],
    }
    assert second == {"id": "b", "spans": []}


def test_it_names_each_bad_line_and_still_processes_the_others() -> None:
    lines = (
        b'{"id": 1, "text": "Dana Moreau called."}\n'
        b"not json at all\n"
        b'{"id": 3}\n'
        b'{"text": "Rosalind Achterberg"}\n'
        b"\xff\xfe broken\n"
        b'["a", "list"]\n'
        b'{"id": 7, "text": 12}\n'
        b'{"id": 8, "text": "Her sister Rosalind visited."}\n'
    )
    out, err, error = run(lines, "--format", "spans-jsonl")
    assert [json.loads(line)["id"] for line in out.splitlines()] == [1, 8]
    assert err.splitlines() == [
        "line 2: not JSON (column 1: Expecting value)",
        "line 3: missing field 'text'",
        "line 4: missing field 'id'",
        "line 5: not UTF-8 (byte 0)",
        "line 6: expected a JSON object",
        "line 7: 'text' must be a string",
    ]
    assert error is not None and error.returncode == 1
    assert "Rosalind" not in err  # errors name lines, never their content


def test_it_refuses_text_that_is_not_utf8() -> None:
    _, err, error = run(b"caf\xe9 Dana")
    assert error is not None and "not UTF-8 (byte 3)" in err


def test_it_uses_the_clients_own_identifiers_from_a_known_file(tmp_path: Path) -> None:
    known = tmp_path / "known.json"
    known.write_text(
        json.dumps(
            {
                "client": {"names": ["Dana Moreau"], "nicknames": ["Dee"]},
                "relatives": [{"name": "Luc Moreau", "relation": "husband"}],
                "employer": "Hartwell Logistics",
                "date_of_birth": "1986-04-17",
            }
        )
    )
    out, _, error = run(b"Dee and Luc argued; Hartwell cut her hours.", "--known", str(known))
    assert error is None
    assert out == "The client and Partner A argued; [EMPLOYER] cut her hours."


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "--known file is not JSON"),
        (b'["Dana"]', "must hold a JSON object"),
        (b'{"clients": ["Dana"]}', "unknown keys"),
        (b'{"date_of_birth": "17 April 1986"}', "YYYY-MM-DD"),
        (b'{"client": {"names": 5}}', "must be a string or a list of strings"),
        (b'{"relatives": [{"name": "Dana", "relation": 3}]}', "each relative"),
        (b'{"others": [["Dana"]]}', "'others' must be"),
    ],
)
def test_it_refuses_a_bad_known_file_saying_why(
    tmp_path: Path, content: bytes, message: str
) -> None:
    known = tmp_path / "known.json"
    known.write_bytes(content)
    _, _, error = run(b"text", "--known", str(known))
    assert error is not None and message in str(error)
    assert "Dana" not in str(error) and "April" not in str(error)  # never the contents


def test_its_offsets_count_characters_not_bytes() -> None:
    text = "Café visit 🙂: her sister Zoë Müller called 662-555-0142."
    line = json.dumps({"id": "u", "text": text}).encode() + b"\n"
    out, _, error = run(line, "--format", "spans-jsonl")
    assert error is None
    spans = json.loads(out)["spans"]
    assert [text[s["start"] : s["end"]] for s in spans] == ["Zoë Müller", "662-555-0142"]


def test_it_reports_every_malformed_line_by_its_kind_and_processes_the_rest() -> None:
    lines = (
        b'{"id": 1, "text": "Dana Moreau called.", "known": {"client": {"names": 5}}}\n'
        b'{"id": 2, "text": "Dana Moreau called.", "known": {"client": {"names": [5]}}}\n'
        b'{"id": 3, "text": "Dana Moreau called.", "known": {"relatives": 7}}\n'
        + b"[" * 100_000
        + b"\n"
        + b'{"id": "\\ud800", "text": "Rosalind Achterberg called."}\n'
        b'{"id": 6, "text": "ok"}\n'
    )
    out, err, error = run(lines, "--format", "spans-jsonl")
    written = [json.loads(line) for line in out.splitlines()]
    assert [w["id"] for w in written] == ["\ud800", 6]
    assert out.isascii()  # a lone surrogate is written as an escape, never raw
    assert err.splitlines() == [
        "line 1: 'client.names' must be a string or a list of strings",
        "line 2: 'client.names' must be a string or a list of strings",
        "line 3: 'relatives' must be a list",
        "line 4: not JSON this reader takes (nested too deeply)",
    ]
    assert error is not None and error.returncode == 1
    assert "Dana" not in err and "Rosalind" not in err


def test_it_reports_a_line_that_fails_inside_the_engine_by_the_failures_kind_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise KeyError("Dana Moreau")  # a message that would quote the note

    monkeypatch.setattr("alcove.deidentify.cli.find_spans", fail)
    lines = b'{"id": 1, "text": "Dana Moreau called."}\n'
    out, err, error = run(lines, "--format", "spans-jsonl")
    assert out == ""
    assert err.strip() == "line 1: could not be processed (KeyError)"
    assert error is not None and "Dana" not in err


def test_it_takes_other_people_in_the_case_and_organisations_from_a_known_file(
    tmp_path: Path,
) -> None:
    known = tmp_path / "known.json"
    known.write_text(
        json.dumps(
            {
                "client": "Dana Moreau",
                "others": ["Quillon Abernathy-Voss"],
                "organisations": ["Birchwood Counseling Collective"],
            }
        )
    )
    note = b"Dana and Quillon argued before group at Birchwood Counseling Collective."
    out, _, error = run(note, "--known", str(known))
    assert error is None
    assert out == "The client and Person A argued before group at [ORGANIZATION]."


def test_it_reports_a_text_that_fails_inside_the_engine_by_the_failures_kind_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise KeyError("Dana Moreau")

    monkeypatch.setattr("alcove.deidentify.cli.redact", fail)
    out, err, error = run(b"Dana Moreau called.")
    assert out == "" and err.strip() == "input could not be processed (KeyError)"
    assert error is not None and "Dana" not in err
