"""The RFC 9162 Merkle tree: published answers, exhaustive small trees, hostile proofs.

Known answers are the Certificate Transparency test tree used by google/certificate-
transparency (python/ct/crypto/in_memory_merkle_tree_test.py) and transparency-dev/merkle
(testonly/constants.go, proof/verify_test.go). Their leaf indexes are 0-based here
(verify_test.go numbers leaves from 1).
"""

import functools
import hashlib

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from alcove.audit.merkle import (
    EMPTY_ROOT,
    Frontier,
    ProofError,
    consistency_proof,
    inclusion_proof,
    leaf_hash,
    node_hash,
    root_from_leaf_hashes,
    verify_consistency,
    verify_inclusion,
)

h = bytes.fromhex

LEAF_INPUTS = [
    h(""),
    h("00"),
    h("10"),
    h("2021"),
    h("3031"),
    h("40414243"),
    h("5051525354555657"),
    h("606162636465666768696a6b6c6d6e6f"),
]
LEAVES = [leaf_hash(data) for data in LEAF_INPUTS]

# Root of the tree over the first n inputs, indexed by n.
ROOTS = [
    h("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    h("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"),
    h("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"),
    h("aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77"),
    h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
    h("4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4"),
    h("76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef"),
    h("ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c"),
    h("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"),
]

# Every perfect subtree of the eight-leaf tree, by level then position.
NODES = [
    [
        h("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"),
        h("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"),
        h("0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7"),
        h("07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7"),
        h("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
        h("4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658"),
        h("b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f"),
        h("46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1"),
    ],
    [
        h("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"),
        h("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
        h("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a"),
        h("ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
    ],
    [
        h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
        h("6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
    ],
    [h("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328")],
]

# The compact range (Frontier hashes) for each size, from testonly.CompactTrees().
COMPACT_RANGES = [
    [],
    [NODES[0][0]],
    [NODES[1][0]],
    [NODES[1][0], NODES[0][2]],
    [NODES[2][0]],
    [NODES[2][0], NODES[0][4]],
    [NODES[2][0], NODES[1][2]],
    [NODES[2][0], NODES[1][2], NODES[0][6]],
    [NODES[3][0]],
]

# (leaf index, tree size, audit path)
INCLUSION_PROOFS = [
    (0, 1, []),
    (
        0,
        8,
        [
            h("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"),
            h("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
            h("6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
        ],
    ),
    (
        5,
        8,
        [
            h("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
            h("ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
            h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
        ],
    ),
    (2, 3, [h("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")]),
    (
        1,
        5,
        [
            h("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"),
            h("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
            h("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
        ],
    ),
]

# (size1, size2, consistency proof)
CONSISTENCY_PROOFS = [
    (1, 1, []),
    (
        1,
        8,
        [
            h("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"),
            h("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
            h("6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
        ],
    ),
    (
        6,
        8,
        [
            h("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a"),
            h("ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
            h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
        ],
    ),
    (
        2,
        5,
        [
            h("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
            h("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
        ],
    ),
    (
        6,
        7,
        [
            h("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a"),
            h("b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f"),
            h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
        ],
    ),
]

SOME_HASH = h("abacaba000000000000000000000000000000000000000000060061e00123456")


# --- The RFC's recursive definitions, transcribed literally, as an independent oracle.


def _k(n):
    k = 1
    while k * 2 < n:
        k *= 2
    return k


def _rfc_node(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()


# D[lo:hi] is a slice of TREE, named by its bounds so that subtree hashes can be cached.
TREE = [leaf_hash(i.to_bytes(2, "big")) for i in range(300)]


@functools.cache
def rfc_mth(lo, hi):
    if hi == lo:
        return hashlib.sha256(b"").digest()
    if hi - lo == 1:
        return TREE[lo]
    k = _k(hi - lo)
    return _rfc_node(rfc_mth(lo, lo + k), rfc_mth(lo + k, hi))


def rfc_path(m, lo, hi):
    if hi - lo == 1:
        return []
    k = _k(hi - lo)
    if m < k:
        return [*rfc_path(m, lo, lo + k), rfc_mth(lo + k, hi)]
    return [*rfc_path(m - k, lo + k, hi), rfc_mth(lo, lo + k)]


def rfc_subproof(m, lo, hi, b):
    if m == hi - lo:
        return [] if b else [rfc_mth(lo, hi)]
    k = _k(hi - lo)
    if m <= k:
        return [*rfc_subproof(m, lo, lo + k, b), rfc_mth(lo + k, hi)]
    return [*rfc_subproof(m - k, lo + k, hi, False), rfc_mth(lo, lo + k)]


TREE_ROOTS = [rfc_mth(0, n) for n in range(65)]


# --- Published answers


def test_the_empty_tree_root_is_the_hash_of_nothing():
    assert EMPTY_ROOT == ROOTS[0]
    assert root_from_leaf_hashes([]) == ROOTS[0]
    assert Frontier().root() == ROOTS[0]


def test_leaves_and_nodes_are_hashed_with_distinct_prefixes():
    assert leaf_hash(b"") == hashlib.sha256(b"\x00").digest() == NODES[0][0]
    assert node_hash(NODES[0][0], NODES[0][1]) == NODES[1][0]


def test_it_matches_the_published_root_for_eight_leaves():
    assert root_from_leaf_hashes(LEAVES) == ROOTS[8]


@pytest.mark.parametrize("size", range(1, 9))
def test_it_matches_the_published_root_for_each_smaller_tree(size):
    assert root_from_leaf_hashes(LEAVES[:size]) == ROOTS[size]


@pytest.mark.parametrize("level", range(4))
def test_it_matches_the_published_hash_of_every_perfect_subtree(level):
    width = 1 << level
    for position, expected in enumerate(NODES[level]):
        assert root_from_leaf_hashes(LEAVES[position * width : (position + 1) * width]) == expected


@pytest.mark.parametrize(("index", "size", "proof"), INCLUSION_PROOFS)
def test_it_generates_the_published_inclusion_proof(index, size, proof):
    assert inclusion_proof(LEAVES[:size], index) == proof


@pytest.mark.parametrize(("index", "size", "proof"), INCLUSION_PROOFS)
def test_it_accepts_the_published_inclusion_proof(index, size, proof):
    verify_inclusion(index, size, LEAVES[index], proof, ROOTS[size])


@pytest.mark.parametrize(("size1", "size2", "proof"), CONSISTENCY_PROOFS)
def test_it_generates_the_published_consistency_proof(size1, size2, proof):
    assert consistency_proof(LEAVES[:size2], size1) == proof


@pytest.mark.parametrize(("size1", "size2", "proof"), CONSISTENCY_PROOFS)
def test_it_accepts_the_published_consistency_proof(size1, size2, proof):
    verify_consistency(size1, size2, proof, ROOTS[size1], ROOTS[size2])


@pytest.mark.parametrize("size", range(9))
def test_the_frontier_holds_the_published_compact_range(size):
    frontier = Frontier()
    for leaf in LEAVES[:size]:
        frontier.append(leaf)
    assert list(frontier.hashes) == COMPACT_RANGES[size]
    assert frontier.root() == ROOTS[size]


# --- Every small tree, against the RFC's recursive definitions


def test_the_root_matches_the_recursive_definition_for_every_size_up_to_300():
    for size in range(301):
        assert root_from_leaf_hashes(TREE[:size]) == rfc_mth(0, size)


def test_every_inclusion_proof_in_trees_up_to_64_leaves_is_generated_and_verifies():
    for size in range(1, 65):
        for index in range(size):
            proof = inclusion_proof(TREE[:size], index)
            assert proof == rfc_path(index, 0, size)
            verify_inclusion(index, size, TREE[index], proof, TREE_ROOTS[size])


def test_every_consistency_proof_between_trees_up_to_64_leaves_is_generated_and_verifies():
    for size2 in range(1, 65):
        for size1 in range(1, size2 + 1):
            proof = consistency_proof(TREE[:size2], size1)
            assert proof == rfc_subproof(size1, 0, size2, True)
            verify_consistency(size1, size2, proof, TREE_ROOTS[size1], TREE_ROOTS[size2])


def test_a_proof_for_a_leaf_is_refused_for_every_other_leaf_of_the_tree():
    for size in range(1, 21):
        for index in range(size):
            proof = inclusion_proof(TREE[:size], index)
            for other in range(size):
                if other != index:
                    with pytest.raises(ProofError):
                        verify_inclusion(other, size, TREE[index], proof, TREE_ROOTS[size])
                    with pytest.raises(ProofError):
                        verify_inclusion(index, size, TREE[other], proof, TREE_ROOTS[size])


# --- Edge cases decided by transparency-dev/merkle


def test_a_single_leaf_is_its_own_root_with_an_empty_proof():
    verify_inclusion(0, 1, LEAVES[0], [], ROOTS[1])
    with pytest.raises(ProofError):
        verify_inclusion(0, 1, LEAVES[0], [], ROOTS[2])
    with pytest.raises(ProofError):
        verify_inclusion(0, 1, b"", [], b"")


@pytest.mark.parametrize(("index", "size"), [(0, 0), (1, 0), (1, 1), (2, 1), (8, 8)])
def test_an_index_outside_the_tree_is_refused(index, size):
    with pytest.raises(ProofError, match="not below"):
        verify_inclusion(index, size, SOME_HASH, [], EMPTY_ROOT)


def test_a_consistency_proof_from_the_empty_tree_is_refused():
    # transparency-dev/merkle#140 and #236: from size 0, nothing can be proven.
    with pytest.raises(ProofError, match="empty tree"):
        verify_consistency(0, 8, [], EMPTY_ROOT, ROOTS[8])
    with pytest.raises(ProofError, match="empty tree"):
        verify_consistency(0, 0, [], EMPTY_ROOT, EMPTY_ROOT)
    with pytest.raises(ProofError):
        verify_consistency(0, 1, [EMPTY_ROOT], EMPTY_ROOT, ROOTS[1])
    with pytest.raises(ValueError):
        consistency_proof(LEAVES, 0)


def test_equal_sizes_need_an_empty_proof_and_the_same_root():
    verify_consistency(5, 5, [], ROOTS[5], ROOTS[5])
    with pytest.raises(ProofError):
        verify_consistency(5, 5, [], ROOTS[5], ROOTS[4])
    with pytest.raises(ProofError):
        verify_consistency(5, 5, [ROOTS[5]], ROOTS[5], ROOTS[5])


def test_an_empty_proof_between_different_sizes_is_refused():
    with pytest.raises(ProofError):
        verify_consistency(1, 2, [], ROOTS[1], ROOTS[2])


@pytest.mark.parametrize(("size1", "size2"), [(1, 0), (2, 1), (8, 5)])
def test_a_tree_that_shrank_is_refused(size1, size2):
    with pytest.raises(ProofError, match="larger"):
        verify_consistency(size1, size2, [], ROOTS[size1], ROOTS[size2])


def test_proofs_are_not_generated_for_positions_outside_the_tree():
    for index in (-1, 8, True):
        with pytest.raises(ValueError):
            inclusion_proof(LEAVES, index)
    for size1 in (-1, 9):
        with pytest.raises(ValueError):
            consistency_proof(LEAVES, size1)


# --- Hostile proofs (hypothesis)

hashes_32 = st.binary(min_size=32, max_size=32)
# Distinct leaf data, so that no two leaves share a hash and a proof names one position.
# Strategies are built once: hypothesis inspects each new one, which is slow.
TREES = {
    n: st.lists(st.binary(max_size=8), min_size=2, max_size=n, unique=True).map(
        lambda inputs: [leaf_hash(data) for data in inputs]
    )
    for n in (16, 64)
}


@st.composite
def inclusions(draw, max_leaves=64):
    leaves = draw(TREES[max_leaves])
    index = draw(st.integers(0, len(leaves) - 1))
    return index, len(leaves), leaves, inclusion_proof(leaves, index)


@st.composite
def consistencies(draw, max_leaves=64):
    leaves = draw(TREES[max_leaves])
    size1 = draw(st.integers(1, len(leaves) - 1))
    return (
        size1,
        len(leaves),
        root_from_leaf_hashes(leaves[:size1]),
        root_from_leaf_hashes(leaves),
        consistency_proof(leaves, size1),
    )


@st.composite
def tamperings(draw, proof):
    """A proof that differs from `proof` by one flipped bit, a removal, an insertion or
    a reordering."""
    proof = list(proof)
    kind = draw(st.sampled_from(["flip", "remove", "insert", "reorder", "truncate"]))
    if kind == "flip":
        i = draw(st.integers(0, len(proof) - 1))
        bit = draw(st.integers(0, 255))
        flipped = int.from_bytes(proof[i], "big") ^ (1 << bit)
        proof[i] = flipped.to_bytes(32, "big")
    elif kind == "remove":
        del proof[draw(st.integers(0, len(proof) - 1))]
    elif kind == "insert":
        extra = draw(st.one_of(hashes_32, st.sampled_from(proof)))
        proof.insert(draw(st.integers(0, len(proof))), extra)
    elif kind == "reorder":
        reordered = draw(st.permutations(proof))
        assume(reordered != proof)
        proof = reordered
    else:
        proof = proof[: draw(st.integers(0, len(proof) - 1))]
    return proof


@given(st.data())
def test_any_tampering_with_an_inclusion_proof_is_refused(data):
    index, size, leaves, proof = data.draw(inclusions())
    root = root_from_leaf_hashes(leaves)
    verify_inclusion(index, size, leaves[index], proof, root)
    with pytest.raises(ProofError):
        verify_inclusion(index, size, leaves[index], data.draw(tamperings(proof)), root)


@given(st.data())
def test_an_inclusion_proof_is_refused_for_another_index(data):
    index, size, leaves, proof = data.draw(inclusions())
    other = data.draw(st.integers(0, size - 2))
    other += other >= index  # any index but this one
    with pytest.raises(ProofError):
        verify_inclusion(other, size, leaves[index], proof, root_from_leaf_hashes(leaves))


@given(inclusions())
def test_an_inclusion_proof_is_refused_for_a_tree_twice_or_half_the_size(case):
    # A proof does not bind the size where a leaf's path has the same shape in another
    # size (see verify_inclusion); these two sizes always change the shape.
    index, size, leaves, proof = case
    root = root_from_leaf_hashes(leaves)
    with pytest.raises(ProofError):
        verify_inclusion(index, size * 2, leaves[index], proof, root)
    with pytest.raises(ProofError):
        verify_inclusion(index, size // 2, leaves[index], proof, root)


@given(inclusions(), hashes_32)
def test_an_inclusion_proof_is_refused_against_another_root_or_leaf(case, other):
    index, size, leaves, proof = case
    root = root_from_leaf_hashes(leaves)
    assume(other not in (root, leaves[index]))
    with pytest.raises(ProofError):
        verify_inclusion(index, size, leaves[index], proof, other)
    with pytest.raises(ProofError):
        verify_inclusion(index, size, other, proof, root)
    with pytest.raises(ProofError):
        verify_inclusion(index, size, leaves[index], proof, root_from_leaf_hashes(leaves[:-1]))


@given(st.data())
def test_any_tampering_with_a_consistency_proof_is_refused(data):
    size1, size2, root1, root2, proof = data.draw(consistencies())
    verify_consistency(size1, size2, proof, root1, root2)
    with pytest.raises(ProofError):
        verify_consistency(size1, size2, data.draw(tamperings(proof)), root1, root2)


@given(consistencies())
def test_a_consistency_proof_is_refused_for_other_sizes(case):
    size1, size2, root1, root2, proof = case
    # The corruptions transparency-dev's verify_test.go applies.
    wrong = {(size1 - 1, size2), (size1 + 1, size2), (size1 ^ 2, size2)}
    wrong |= {(size1, size2 * 2), (size1, size2 // 2)}
    for bad1, bad2 in wrong - {(size1, size2)}:
        with pytest.raises(ProofError):
            verify_consistency(bad1, bad2, proof, root1, root2)


@given(consistencies(), hashes_32)
def test_a_consistency_proof_is_refused_against_other_roots(case, other):
    size1, size2, root1, root2, proof = case
    assume(other not in (root1, root2))
    for bad1, bad2 in [(other, root2), (root1, other), (root2, root1), (root1, root1)]:
        with pytest.raises(ProofError):
            verify_consistency(size1, size2, proof, bad1, bad2)
    with pytest.raises(ProofError):
        verify_consistency(size1, size2, [], root1, root2)


# --- Malformed input: always ProofError, never anything else

bad_ints = st.one_of(
    st.integers(max_value=-1),
    st.integers(min_value=2**64),
    st.booleans(),
    st.none(),
    st.floats(),
    st.text(max_size=4),
    st.binary(max_size=8),
)
bad_hashes = st.one_of(
    st.binary().filter(lambda b: len(b) != 32),
    hashes_32.map(bytearray),
    hashes_32.map(lambda b: memoryview(b)),
    hashes_32.map(lambda b: b.hex()),
    st.none(),
    st.integers(),
)


not_lists = st.one_of(st.none(), st.binary(), st.text(), st.integers())


@st.composite
def bad_proofs(draw, proof):
    kind = draw(st.sampled_from(["not a list", "set", "dict", "junk entry"]))
    if kind == "not a list":
        return draw(not_lists)
    if kind == "set":
        return set(proof)
    if kind == "dict":
        return dict(enumerate(proof))
    i = draw(st.integers(0, len(proof)))
    return [*proof[:i], draw(bad_hashes), *proof[i:]]


@given(st.data())
def test_malformed_inclusion_arguments_raise_proof_error(data):
    index, size, leaves, proof = data.draw(inclusions(max_leaves=16))
    args = [index, size, leaves[index], proof, root_from_leaf_hashes(leaves)]
    slot = data.draw(st.integers(0, 4))
    args[slot] = data.draw([bad_ints, bad_ints, bad_hashes, bad_proofs(proof), bad_hashes][slot])
    with pytest.raises(ProofError):
        verify_inclusion(*args)


@given(st.data())
def test_malformed_consistency_arguments_raise_proof_error(data):
    size1, size2, root1, root2, proof = data.draw(consistencies(max_leaves=16))
    args = [size1, size2, proof, root1, root2]
    slot = data.draw(st.integers(0, 4))
    args[slot] = data.draw([bad_ints, bad_ints, bad_proofs(proof), bad_hashes, bad_hashes][slot])
    with pytest.raises(ProofError):
        verify_consistency(*args)


anything = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=2**63),
    st.floats(),
    st.text(max_size=8),
    st.binary(max_size=40),
    hashes_32,
    st.lists(st.one_of(hashes_32, st.binary(max_size=40), st.none()), max_size=8),
)


@settings(max_examples=200)
@given(anything, anything, anything, anything, anything)
def test_junk_never_raises_anything_but_proof_error(a, b, c, d, e):
    for verify in (verify_inclusion, verify_consistency):
        try:
            verify(a, b, c, d, e)
        except ProofError:
            pass


def test_sizes_beyond_uint64_are_refused_even_when_too_long_to_print():
    for huge in (2**64, 10**5000, -(10**5000)):
        with pytest.raises(ProofError):
            verify_inclusion(0, huge, SOME_HASH, [], SOME_HASH)
        with pytest.raises(ProofError):
            verify_consistency(1, huge, [SOME_HASH], SOME_HASH, SOME_HASH)


def test_an_oversized_proof_is_refused_without_hanging():
    with pytest.raises(ProofError):
        verify_inclusion(0, 2**64 - 1, SOME_HASH, [SOME_HASH] * 10_000, SOME_HASH)
    with pytest.raises(ProofError):
        verify_consistency(3, 2**64 - 1, [SOME_HASH] * 10_000, SOME_HASH, SOME_HASH)


# --- Frontier


def test_the_frontier_agrees_with_the_whole_tree_at_every_size_up_to_300():
    frontier = Frontier()
    assert frontier.root() == root_from_leaf_hashes([])
    for size, leaf in enumerate(TREE, start=1):
        frontier.append(leaf)
        assert frontier.size == size
        assert frontier.root() == root_from_leaf_hashes(TREE[:size])
        assert len(frontier.hashes) == size.bit_count()


def test_the_frontier_round_trips_through_bytes_at_every_size_up_to_300():
    frontier = Frontier()
    for size in range(301):
        stored = frontier.to_bytes()
        restored = Frontier.from_bytes(stored)
        assert (restored.size, restored.hashes, restored.to_bytes()) == (
            size,
            frontier.hashes,
            stored,
        )
        if size < 300:
            frontier.append(TREE[size])
            restored.append(TREE[size])
            assert restored.root() == frontier.root()


def test_an_empty_column_reads_as_the_empty_frontier():
    frontier = Frontier.from_bytes(b"")
    assert frontier.size == 0
    assert frontier.root() == EMPTY_ROOT


def test_a_damaged_frontier_is_refused():
    frontier = Frontier()
    for leaf in LEAVES[:7]:
        frontier.append(leaf)
    stored = frontier.to_bytes()
    for damaged in (stored[:-1], stored + b"\x00", stored[:40], stored[:7], b"\x00" * 7):
        with pytest.raises(ValueError):
            Frontier.from_bytes(damaged)
    with pytest.raises(ValueError):
        Frontier.from_bytes(bytearray(stored))


@pytest.mark.parametrize("junk", [b"", b"x" * 31, b"x" * 33, "x" * 32, None])
def test_the_frontier_refuses_a_malformed_leaf_hash(junk):
    frontier = Frontier()
    with pytest.raises(ValueError):
        frontier.append(junk)
    assert frontier.size == 0


@given(st.integers(0, 150), st.integers(0, 150))
def test_a_frontier_extended_by_a_run_of_leaves_is_the_tree_built_one_leaf_at_a_time(start, run):
    one_by_one, extended = Frontier(), Frontier()
    for leaf in TREE[: start + run]:
        one_by_one.append(leaf)
    for leaf in TREE[:start]:
        extended.append(leaf)
    extended.extend(TREE[start : start + run])
    assert extended.size == one_by_one.size
    assert extended.hashes == one_by_one.hashes
    assert extended.root() == rfc_mth(0, start + run)


def test_a_frontier_refuses_to_be_extended_by_anything_but_32_byte_hashes():
    frontier = Frontier()
    with pytest.raises(ValueError, match="32 bytes"):
        frontier.extend([TREE[0], b"short"])
    assert frontier.size == 0
