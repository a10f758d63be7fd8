"""Export and erase one person's personal data, found by email address (GDPR articles 15 and 17).

Used by `manage.py privacy_export --email` / `privacy_erase --email` and by the "Personal data" view in the
admin. What is erased: contact requests, event registrations and visitors' campaign supports are deleted;
applications still "new" or "declined" are deleted; accepted applications keep the organisation's data and the
decision but lose the person (name, address, motivation, IP hash); user accounts are deactivated and stripped
of name and address.

Accounts with staff rights (superusers, `is_staff`, members of the Editors group) are left alone and reported
unless `include_staff=True` (the command's `--include-staff`, and only a superuser in the admin): otherwise one
editor could erase another editor's account. A blank address is refused outright: it would match every
account without an address.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q

from .models import CampaignVisitorSupport, ContactRequest, EventRegistration, MembershipApplication
from .models.collaboration import EDITORS_GROUP_NAME

PERSONAL_DATA_MODELS = {
    "membership_applications": MembershipApplication,
    "contact_requests": ContactRequest,
    "event_registrations": EventRegistration,
    "campaign_supports": CampaignVisitorSupport,
}


def _users(email):
    return get_user_model().objects.filter(email__iexact=normalised_address(email))


def normalised_address(email):
    """The address stripped; a blank one is refused (it would match every account that has none)."""
    address = (email or "").strip()
    if not address:
        raise ValueError("An email address is required.")
    return address


def has_staff_rights(user):
    """Superusers, Django staff and editors: accounts a privacy request must not erase by accident."""
    return user.is_superuser or user.is_staff or user.groups.filter(name=EDITORS_GROUP_NAME).exists()


def staff_accounts(email):
    return (
        _users(email).filter(Q(is_superuser=True) | Q(is_staff=True) | Q(groups__name=EDITORS_GROUP_NAME)).distinct()
    )


def export_personal_data(email):
    """Everything stored about the person behind `email`, as JSON-ready data."""
    email = normalised_address(email)
    data = {"email": email}
    for key, model in PERSONAL_DATA_MODELS.items():
        records = model.objects.for_email(email)
        if model is EventRegistration:
            records = records.select_related("event")
        elif model is CampaignVisitorSupport:
            records = records.select_related("campaign")
        data[key] = [record.export_data() for record in records]
    data["user_accounts"] = [
        {
            "username": user.get_username(),
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "groups": sorted(user.groups.values_list("name", flat=True)),
        }
        for user in _users(email)
    ]
    return data


@transaction.atomic
def erase_personal_data(email, include_staff=False):
    """Erase the person behind `email`; returns how many records of each kind were touched."""
    email = normalised_address(email)
    counts = {}
    for key, model in PERSONAL_DATA_MODELS.items():
        records = list(model.objects.for_email(email))
        for record in records:
            record.erase()
        counts[key] = len(records)
    erased_users = 0
    kept_superusers = 0
    kept_staff = 0
    for user in _users(email):
        if user.is_superuser:
            kept_superusers += 1
            continue
        if has_staff_rights(user) and not include_staff:
            kept_staff += 1
            continue
        user.username = f"erased-user-{user.pk}"
        user.email = ""
        user.first_name = ""
        user.last_name = ""
        user.is_active = False
        user.set_unusable_password()
        user.save()
        erased_users += 1
    counts["user_accounts"] = erased_users
    counts["superusers_kept"] = kept_superusers
    counts["staff_accounts_kept"] = kept_staff
    return counts
