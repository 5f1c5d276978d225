from django.contrib.auth.hashers import Argon2PasswordHasher


class OwaspArgon2idHasher(Argon2PasswordHasher):
    """Argon2id at the OWASP Password Storage Cheat Sheet's first configuration.

    19 MiB of memory, two passes, one lane. Django's base class already uses the id
    variant and re-hashes older hashes when these numbers change.
    """

    algorithm = "argon2"
    time_cost = 2
    memory_cost = 19 * 1024
    parallelism = 1
