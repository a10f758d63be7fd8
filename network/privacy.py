"""Export and erase one person's personal data, found by email address (GDPR articles 15 and 17).

Used by `manage.py privacy_export --email` / `privacy_erase --email` and by the "Personal data" view in the
admin. What is erased: contact requests and event registrations are deleted; applications still "new" or
"declined" are deleted; accepted applications keep the organisation's data and the decision but lose the
person (name, address, motivation, IP hash); user accounts are deactivated and stripped of name and address
(superusers are left alone and reported).
"""

from django.contrib.auth import get_user_model
from django.db import transaction

from .models import ContactRequest, EventRegistration, MembershipApplication

PERSONAL_DATA_MODELS = {
    "membership_applications": MembershipApplication,
    "contact_requests": ContactRequest,
    "event_registrations": EventRegistration,
}


def _users(email):
    return get_user_model().objects.filter(email__iexact=(email or "").strip())


def export_personal_data(email):
    """Everything stored about the person behind `email`, as JSON-ready data."""
    data = {"email": email}
    for key, model in PERSONAL_DATA_MODELS.items():
        records = model.objects.for_email(email)
        if model is EventRegistration:
            records = records.select_related("event")
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
def erase_personal_data(email):
    """Erase the person behind `email`; returns how many records of each kind were touched."""
    counts = {}
    for key, model in PERSONAL_DATA_MODELS.items():
        records = list(model.objects.for_email(email))
        for record in records:
            record.erase()
        counts[key] = len(records)
    erased_users = 0
    kept_superusers = 0
    for user in _users(email):
        if user.is_superuser:
            kept_superusers += 1
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
    return counts
