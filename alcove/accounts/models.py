"""The practice, its staff and how staff come to exist (setup link, invitations)."""

from typing import Any, ClassVar

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone


class Role(models.TextChoices):
    OWNER = "owner", "Owner (privacy officer)"
    CLINICIAN = "clinician", "Clinician"
    SUPERVISOR = "supervisor", "Supervisor"
    TRAINEE = "trainee", "Trainee"
    FRONT_DESK = "front_desk", "Front desk"
    BILLING = "billing", "Billing"
    AUDITOR = "auditor", "Auditor"


IDLE_TIMEOUT_MIN, IDLE_TIMEOUT_MAX, IDLE_TIMEOUT_DEFAULT = 5, 60, 15
# Who signs for a client is set by the practice's jurisdiction: 18 in most places, 16 to 21
# in some (and for some kinds of care).
MAJORITY_MIN, MAJORITY_MAX, MAJORITY_DEFAULT = 14, 21, 18


class Practice(models.Model):
    """The one practice this installation serves."""

    # A unique constant column: the database itself refuses a second practice.
    singleton = models.BooleanField(default=True, unique=True, editable=False)
    name = models.CharField(max_length=200)
    idle_timeout_minutes = models.PositiveSmallIntegerField(
        default=IDLE_TIMEOUT_DEFAULT,
        validators=[MinValueValidator(IDLE_TIMEOUT_MIN), MaxValueValidator(IDLE_TIMEOUT_MAX)],
    )
    age_of_majority = models.PositiveSmallIntegerField(
        default=MAJORITY_DEFAULT,
        validators=[MinValueValidator(MAJORITY_MIN), MaxValueValidator(MAJORITY_MAX)],
        help_text="Below this age a guardian signs consents and authorizations for the client.",
    )
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.name


class UserManager(BaseUserManager["User"]):
    def create_user(self, email: str, password: str | None = None, **extra: Any) -> "User":
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user


class User(AbstractBaseUser):
    """A staff member. Signs in with email, password and a second factor."""

    email = models.EmailField(unique=True)
    full_name = models.CharField(max_length=200)
    is_active = models.BooleanField(default=True)
    date_joined = models.DateTimeField(default=timezone.now)

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = ["full_name"]

    def __str__(self) -> str:
        return self.full_name or self.email

    @property
    def roles(self) -> frozenset[Role]:
        cached = getattr(self, "_roles_cache", None)
        if cached is None:
            cached = frozenset(Role(g.role) for g in self.role_grants.all())
            self._roles_cache = cached
        return cached

    def has_role(self, *roles: Role) -> bool:
        return bool(self.roles.intersection(roles))


class RoleGrant(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_grants")
    role = models.CharField(max_length=20, choices=Role.choices)
    granted_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    granted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["user", "role"], name="one_grant_per_role")
        ]

    def __str__(self) -> str:
        return f"{self.user_id}:{self.role}"


class SingleUseLink(models.Model):
    """A link that works once, until it expires. Only a digest of its token is stored."""

    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True


class SetupLink(SingleUseLink):
    """Creates the practice and its owner; only issued while no practice exists."""

    def __str__(self) -> str:
        return f"setup link {self.pk}"


class Invitation(SingleUseLink):
    email = models.EmailField()
    full_name = models.CharField(max_length=200)
    roles = models.JSONField(default=list)
    invited_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    revoked_at = models.DateTimeField(null=True, blank=True)
    accepted_user = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    def __str__(self) -> str:
        return f"invitation {self.pk}"


class Supervision(models.Model):
    """A supervisor answers for a trainee's work: reads their charts, co-signs their notes."""

    supervisor = models.ForeignKey(User, on_delete=models.PROTECT, related_name="supervisees")
    trainee = models.ForeignKey(User, on_delete=models.PROTECT, related_name="supervisors")
    started_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints: ClassVar = [
            models.CheckConstraint(
                condition=~models.Q(supervisor=models.F("trainee")), name="no_self_supervision"
            )
        ]

    def __str__(self) -> str:
        return f"supervision of user {self.trainee_id} by user {self.supervisor_id}"
