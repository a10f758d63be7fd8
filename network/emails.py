"""Plain-text emails of the collaboration features (applications, contact requests, registrations).

Every email is sent after what it reports has been stored, and a mail server that fails only leaves a line
in the log: the application, message or registration is already safe in the database.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)


def send_templated_email(template, context, to, *, attachments=(), reply_to=None):
    """Render `network/emails/<template>_subject.txt` and `<template>.txt` and send them; return True if sent."""
    recipients = [address for address in to if address]
    if not recipients:
        return False
    # A subject is one header line; user input inside it must not add lines.
    subject = " ".join(render_to_string(f"network/emails/{template}_subject.txt", context).split())
    body = render_to_string(f"network/emails/{template}.txt", context)
    message = EmailMessage(
        subject, body, settings.DEFAULT_FROM_EMAIL, recipients, reply_to=[reply_to] if reply_to else None
    )
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    try:
        message.send()
    except Exception:
        logger.exception("Could not send the %r email to %s", template, ", ".join(recipients))
        return False
    return True


def editors_addresses():
    return list(getattr(settings, "GUILD_EDITORS_EMAIL", []))
