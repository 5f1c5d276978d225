"""The Merkle tree hash of RFC 9162 (Certificate Transparency 2.0, section 2.1).

The audit log commits to its entries with this tree, so anyone holding two signed roots
can check, with a few hashes, that an entry is in the log (inclusion) and that the later
log only appended to the earlier one (consistency). Only hashlib is used, so the same
file can be handed to an outside auditor.

Generators take the tree as its leaf hashes (leaf_hash of each entry, in order).
Verifiers treat every argument as hostile: anything that is not a valid, exactly-sized
proof raises ProofError, never another exception and never a silent pass.
"""

import hashlib
from collections.abc import Sequence
from typing import Self, TypeGuard

HASH_SIZE = 32
# RFC 9162 carries tree sizes and leaf indexes as uint64; larger values cannot come
# from a real log, and rejecting them keeps us strict in the same way as the Go code.
MAX_TREE_SIZE = 2**64 - 1

EMPTY_ROOT = hashlib.sha256(b"").digest()


class ProofError(ValueError):
    """A proof, or the sizes, hashes or roots given with it, do not hold."""


def leaf_hash(data: bytes) -> bytes:
    # The 0x00 / 0x01 prefixes keep a leaf from ever being passed off as an inner node.
    h = hashlib.sha256(b"\x00")
    h.update(data)
    return h.digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


def root_from_leaf_hashes(hashes: Sequence[bytes]) -> bytes:
    """MTH over already-hashed leaves, bottom-up in O(n) rather than RFC recursion.

    Pairing neighbours level by level and lifting an unpaired last node unchanged
    builds exactly the RFC tree, whose left subtree is always the largest power of two.
    """
    level = [_hash_arg("leaf hash", h, ValueError) for h in hashes]
    if not level:
        return EMPTY_ROOT
    while len(level) > 1:
        paired = [node_hash(level[i], level[i + 1]) for i in range(0, len(level) - 1, 2)]
        if len(level) % 2:
            paired.append(level[-1])
        level = paired
    return level[0]


def inclusion_proof(leaf_hashes: Sequence[bytes], index: int) -> list[bytes]:
    """PATH(index, D[n]) of RFC 9162 section 2.1.3.1, for n = len(leaf_hashes)."""
    size = len(leaf_hashes)
    if not _is_int(index) or not 0 <= index < size:
        raise ValueError(f"the leaf index is not in a tree of {size} leaves")
    # Walk down from the root; the RFC recursion appends on the way back up, so the
    # siblings collected here come out top first and are reversed at the end.
    path: list[bytes] = []
    lo, hi = 0, size
    while hi - lo > 1:
        mid = lo + _split(hi - lo)
        if index < mid:
            path.append(root_from_leaf_hashes(leaf_hashes[mid:hi]))
            hi = mid
        else:
            path.append(root_from_leaf_hashes(leaf_hashes[lo:mid]))
            lo = mid
    path.reverse()
    return path


def consistency_proof(leaf_hashes: Sequence[bytes], size1: int) -> list[bytes]:
    """PROOF(size1, D[n]) of RFC 9162 section 2.1.4.1, for n = len(leaf_hashes).

    size1 == n gives the empty proof. size1 == 0 is refused: no proof from the empty
    tree means anything, and verify_consistency rejects it (see there).
    """
    size = len(leaf_hashes)
    if not _is_int(size1) or not 0 < size1 <= size:
        raise ValueError(f"size1 must be from 1 to the tree size {size}")
    # SUBPROOF(m, D[lo:hi], whole) walked top-down; `whole` stays true while the old
    # tree is the left edge of the current subtree, whose root the verifier already has.
    path: list[bytes] = []
    lo, hi, m, whole = 0, size, size1, True
    while m != hi - lo:
        k = _split(hi - lo)
        if m <= k:
            path.append(root_from_leaf_hashes(leaf_hashes[lo + k : hi]))
            hi = lo + k
        else:
            path.append(root_from_leaf_hashes(leaf_hashes[lo : lo + k]))
            lo, m, whole = lo + k, m - k, False
    if not whole:
        path.append(root_from_leaf_hashes(leaf_hashes[lo:hi]))
    path.reverse()
    return path


def verify_inclusion(
    leaf_index: int, tree_size: int, leaf_hash: bytes, proof: list[bytes], root: bytes
) -> None:
    """RFC 9162 section 2.1.3.2, step for step. Returns None or raises ProofError.

    The proof binds the leaf's position, not the tree size: where a leaf's path has the
    same shape in another size (leaf 0 of 3 and of 4), one proof passes for both, as in
    every RFC 9162 implementation. Take tree_size and root from a signed checkpoint.
    """
    _size_arg("leaf_index", leaf_index)
    _size_arg("tree_size", tree_size)
    if leaf_index >= tree_size:
        raise ProofError(f"leaf index {leaf_index} is not below tree size {tree_size}")
    r = _hash_arg("leaf hash", leaf_hash)
    root = _hash_arg("root", root)
    path = _proof_arg(proof)

    fn, sn = leaf_index, tree_size - 1
    for p in path:
        if sn == 0:
            raise ProofError("the proof is longer than the path to the leaf")
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            # On the right edge a node may have no sibling for several levels.
            while fn and not fn & 1:
                fn, sn = fn >> 1, sn >> 1
        else:
            r = node_hash(r, p)
        fn, sn = fn >> 1, sn >> 1
    if sn != 0:
        raise ProofError("the proof is shorter than the path to the leaf")
    if r != root:
        raise ProofError("the proof does not lead to the given root")


def verify_consistency(
    size1: int, size2: int, proof: list[bytes], root1: bytes, root2: bytes
) -> None:
    """RFC 9162 section 2.1.4.2, step for step. Returns None or raises ProofError.

    The RFC algorithm covers 0 < size1 < size2; for the edges we follow the Go
    reference (transparency-dev/merkle proof.VerifyConsistency):
      * size1 == size2 needs an empty proof and root1 == root2;
      * size1 == 0 is refused whatever the proof. Earlier Go and Trillian accepted it
        with an empty proof, which passes any pair of roots; transparency-dev called that
        a bug (merkle#140, 2024) and since merkle#236 refuses 0 -> 0 as well. A verifier
        that last saw an empty log has nothing to check the next root against: it must
        trust that root on first use, and should do so explicitly, not through us.
    """
    _size_arg("size1", size1)
    _size_arg("size2", size2)
    root1 = _hash_arg("root1", root1)
    root2 = _hash_arg("root2", root2)
    path = _proof_arg(proof)
    if size1 > size2:
        raise ProofError(f"size1 {size1} is larger than size2 {size2}")
    if size1 == 0:
        raise ProofError("a consistency proof from the empty tree is meaningless")
    if size1 == size2:
        if path:
            raise ProofError("equal tree sizes need an empty proof")
        if root1 != root2:
            raise ProofError("equal tree sizes with different roots")
        return
    if not path:
        raise ProofError("an empty proof cannot show growth")

    # A power-of-two old tree is a node of the new one; its root is not sent.
    if size1 & (size1 - 1) == 0:
        path = [root1, *path]
    fn, sn = size1 - 1, size2 - 1
    while fn & 1:
        fn, sn = fn >> 1, sn >> 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            raise ProofError("the proof is longer than the trees are deep")
        if fn & 1 or fn == sn:
            # A left sibling: part of both the old and the new tree.
            fr, sr = node_hash(c, fr), node_hash(c, sr)
            while fn and not fn & 1:
                fn, sn = fn >> 1, sn >> 1
        else:
            # A right sibling: leaves appended after the old tree.
            sr = node_hash(sr, c)
        fn, sn = fn >> 1, sn >> 1
    if sn != 0:
        raise ProofError("the proof is shorter than the trees are deep")
    if fr != root1:
        raise ProofError("the proof does not lead to the old root")
    if sr != root2:
        raise ProofError("the proof does not lead to the new root")


class Frontier:
    """The roots of the perfect subtrees covering leaves [0, size), largest first.

    There is one per set bit of size (the "compact range" of transparency-dev), so a log
    can append and compute its root in O(log n) without rereading old entries.
    """

    __slots__ = ("_hashes", "_size")

    def __init__(self) -> None:
        self._size = 0
        self._hashes: list[bytes] = []

    @property
    def size(self) -> int:
        return self._size

    @property
    def hashes(self) -> tuple[bytes, ...]:
        return tuple(self._hashes)

    def append(self, leaf_hash: bytes) -> None:
        h = _hash_arg("leaf hash", leaf_hash, ValueError)
        if self._size >= MAX_TREE_SIZE:
            raise ValueError("the tree is full")
        # Each trailing 1 bit of the old size is a subtree the same height as the one
        # being carried up: merge them, like a carry in binary addition.
        n = self._size
        while n & 1:
            h = node_hash(self._hashes.pop(), h)
            n >>= 1
        self._hashes.append(h)
        self._size += 1

    def extend(self, leaf_hashes: Sequence[bytes]) -> None:
        """Append many leaves at once, as whole aligned subtrees hashed level by level.

        The same tree as appending one at a time, with a fraction of the Python work per
        leaf: verification appends every entry of the log. The hashes are taken as given
        (32 bytes each, as hashlib makes them).
        """
        done, count = 0, len(leaf_hashes)
        if self._size + count > MAX_TREE_SIZE:
            raise ValueError("the tree is full")
        if any(type(h) is not bytes or len(h) != HASH_SIZE for h in leaf_hashes):
            raise ValueError(f"leaf hashes must be {HASH_SIZE} bytes")
        while done < count:
            # The largest subtree that starts at the current size and fits what is left.
            fits = 1 << ((count - done).bit_length() - 1)
            aligned = self._size & -self._size if self._size else fits
            width = min(fits, aligned)
            self._push(_perfect_root(leaf_hashes[done : done + width]), width)
            done += width

    def _push(self, h: bytes, width: int) -> None:
        # Like append, one level up per bit: size is a multiple of width here.
        n = self._size // width
        while n & 1:
            h = node_hash(self._hashes.pop(), h)
            n >>= 1
        self._hashes.append(h)
        self._size += width

    def root(self) -> bytes:
        if not self._hashes:
            return EMPTY_ROOT
        # The RFC tree hangs each smaller subtree off the right of the larger ones.
        r = self._hashes[-1]
        for h in reversed(self._hashes[:-1]):
            r = node_hash(h, r)
        return r

    def to_bytes(self) -> bytes:
        """8-byte big-endian size, then the subtree roots: one column in a database."""
        return self._size.to_bytes(8, "big") + b"".join(self._hashes)

    @classmethod
    def from_bytes(cls, data: bytes) -> Self:
        if not isinstance(data, bytes):
            raise ValueError("not a serialised Frontier")
        if data == b"":
            # A column's empty default stands for the empty tree.
            return cls()
        if len(data) < 8:
            raise ValueError("not a serialised Frontier")
        size = int.from_bytes(data[:8], "big")
        if len(data) != 8 + HASH_SIZE * size.bit_count():
            raise ValueError(f"a Frontier of size {size} has the wrong number of hashes")
        frontier = cls()
        frontier._size = size
        frontier._hashes = [data[i : i + HASH_SIZE] for i in range(8, len(data), HASH_SIZE)]
        return frontier

    def __repr__(self) -> str:
        return f"Frontier(size={self._size}, root={self.root().hex()})"


def _perfect_root(level: Sequence[bytes]) -> bytes:
    """The root of a power-of-two run of leaf hashes, pairing neighbours level by level."""
    sha256 = hashlib.sha256
    while len(level) > 1:
        level = [
            sha256(b"\x01" + level[i] + level[i + 1]).digest() for i in range(0, len(level), 2)
        ]
    return level[0]


def _split(n: int) -> int:
    """The largest power of two below n (n >= 2): the size of the RFC left subtree."""
    return 1 << ((n - 1).bit_length() - 1)


def _is_int(value: object) -> TypeGuard[int]:
    # bool is an int subclass, but True is not a tree size.
    return isinstance(value, int) and not isinstance(value, bool)


def _size_arg(name: str, value: object) -> None:
    if not _is_int(value):
        raise ProofError(f"{name} must be an int, not {type(value).__name__}")
    if not 0 <= value <= MAX_TREE_SIZE:
        # Not printed: str() of a hostile int can be huge, or itself raise ValueError.
        raise ProofError(f"{name} is outside 0..2**64-1")


def _hash_arg(name: str, value: object, error: type[ValueError] = ProofError) -> bytes:
    if not isinstance(value, bytes) or len(value) != HASH_SIZE:
        raise error(f"{name} must be {HASH_SIZE} bytes")
    return value


def _proof_arg(proof: object) -> list[bytes]:
    if not isinstance(proof, list | tuple):
        raise ProofError("the proof must be a list of hashes")
    return [_hash_arg("proof entry", p) for p in proof]
