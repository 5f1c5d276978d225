"""Installed the PostgreSQL append function (one round trip per entry, under the head lock).

Migration 0003 replaces it with the queue and the sequencer and drops the function; the
SQL is kept here so that this step still means what it meant.
"""

from django.db import migrations

SQL = r"""
CREATE OR REPLACE FUNCTION alcove_audit_append(
    p_head bytea, p_tail bytea, p_occurred_us bigint, p_actor_id bigint, p_action text,
    p_resource_type text, p_resource_id text, p_client text, p_outcome text, p_rule text,
    p_reason text, p_request_id text,
    OUT o_seq bigint, OUT o_leaf bytea, OUT o_root bytea, OUT o_last timestamptz
) LANGUAGE plpgsql AS $$
DECLARE
    v_size bigint;
    v_frontier bytea;
    v_hashes bytea;
    v_carry bytea;
    v_n bigint;
    v_count int;
    v_i int;
BEGIN
    -- One UPDATE of the head per entry: each makes a new row version, and a transaction
    -- that appends many entries walks every version it made.
    SELECT size, frontier, last_checkpoint_at INTO v_size, v_frontier, o_last
        FROM audit_audithead WHERE id = 1 FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'the audit head is missing; run `alcove migrate`';
    END IF;
    o_seq := v_size;
    v_size := v_size + 1;
    IF coalesce(length(v_frontier), 0) = 0 THEN
        v_hashes := ''::bytea;
        IF o_seq <> 0 THEN
            RAISE EXCEPTION 'the audit head is inconsistent; run `alcove audit verify`';
        END IF;
    ELSE
        IF ('x' || encode(substring(v_frontier FROM 1 FOR 8), 'hex'))::bit(64)::bigint
                <> o_seq THEN
            RAISE EXCEPTION 'the audit head is inconsistent; run `alcove audit verify`';
        END IF;
        v_hashes := substring(v_frontier FROM 9);
    END IF;

    o_leaf := sha256('\x00'::bytea || p_head || convert_to(o_seq::text, 'UTF8') || p_tail);
    -- Carry the new leaf up past every complete subtree of the same height.
    v_carry := o_leaf;
    v_n := o_seq;
    WHILE v_n & 1 = 1 LOOP
        v_carry := sha256('\x01'::bytea
            || substring(v_hashes FROM length(v_hashes) - 31 FOR 32) || v_carry);
        v_hashes := substring(v_hashes FROM 1 FOR length(v_hashes) - 32);
        v_n := v_n >> 1;
    END LOOP;
    v_hashes := v_hashes || v_carry;

    -- The root hangs each smaller subtree off the right of the larger ones.
    v_count := length(v_hashes) / 32;
    o_root := substring(v_hashes FROM (v_count - 1) * 32 + 1 FOR 32);
    FOR v_i IN REVERSE v_count - 2 .. 0 LOOP
        o_root := sha256('\x01'::bytea || substring(v_hashes FROM v_i * 32 + 1 FOR 32)
            || o_root);
    END LOOP;

    INSERT INTO audit_auditevent (
        seq, occurred_us, actor_id, action, resource_type, resource_id, client, outcome,
        rule, reason, request_id, leaf_hash, root_after
    ) VALUES (
        o_seq, p_occurred_us, p_actor_id, p_action, p_resource_type, p_resource_id, p_client,
        p_outcome, p_rule, p_reason, p_request_id, o_leaf, o_root
    );
    UPDATE audit_audithead SET size = v_size, frontier = int8send(v_size) || v_hashes
        WHERE id = 1;
END $$
"""


def appender_install(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(SQL)


def appender_drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP FUNCTION IF EXISTS alcove_audit_append")


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [migrations.RunPython(appender_install, appender_drop)]
