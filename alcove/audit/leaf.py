"""The bytes an audit entry's leaf hashes: a JSON array of its fields in a fixed order.

Kept free of Django so that verification's worker processes can import it alone.
"""

import json
from collections.abc import Callable, Sequence
from hashlib import sha256

# Fields in the order they are hashed. Changing this changes every leaf: don't.
LEAF_FIELDS = (
    "seq",
    "occurred_us",
    "actor_id",
    "action",
    "resource_type",
    "resource_id",
    "client",
    "outcome",
    "rule",
    "reason",
    "request_id",
)

LEAF_FORMAT = "alcove-audit-1"
_encode = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode


def _refuse(value: object) -> object:
    raise TypeError(f"An audit entry holds numbers and text, not {type(value).__name__}.")


def _c_encoder() -> Callable[[list[object]], str]:
    # The same C encoder json.JSONEncoder.encode builds on every call, built once: half the
    # cost of rehashing an entry during verification. The output is identical.
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return _encode
    chunks = make(None, _refuse, json.encoder.encode_basestring, None, ":", ",", False, False, True)
    return lambda values: "".join(chunks(values, 0))


_encode_fast = _c_encoder()


def leaf_data(values: tuple[object, ...]) -> bytes:
    """The canonical bytes of an entry (a JSON array in LEAF_FIELDS order) that its leaf hashes."""
    return _encode_fast([LEAF_FORMAT, *values]).encode()


def leaf_hash_of(values: Sequence[object]) -> bytes:
    """RFC 9162 leaf hash of an entry: merkle.leaf_hash(leaf_data(values)), in one step
    (verification computes one for every entry of the log)."""
    return sha256(b"\x00" + _encode_fast([LEAF_FORMAT, *values]).encode()).digest()
