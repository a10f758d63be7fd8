"""Forms anyone may post: join the network, contact us, register for an event.

They sit apart from `forms.py` because they are ModelForms of the collaboration models, while the page
models import the filter forms of `forms.py` (one module holding both would import itself in a circle).
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from home.models import SkillTag

from .models import ContactRequest, EventRegistration, MembershipApplication


class PublicForm(forms.ModelForm):
    """A honeypot field and a required consent to the privacy notice.

    Bots fill every field; people never see `homepage` (hidden by CSS and from screen readers), so a filled
    honeypot marks the submission as spam. The view then answers as if it had succeeded and stores nothing.
    """

    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    consent = forms.BooleanField(
        label=_("I agree that the network stores these details to answer me, as the privacy notice explains."),
        required=True,
    )

    @property
    def is_spam(self):
        return bool(self.data.get(self.add_prefix("homepage")))

    def clean_email(self):
        return self.cleaned_data["email"].strip()


class MembershipApplicationForm(PublicForm):
    skills = forms.ModelMultipleChoiceField(
        label=_("Skills of interest"),
        queryset=SkillTag.objects.offered().order_by("category", "name").prefetch_related("labels"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = MembershipApplication
        fields = [
            "organisation_name",
            "member_type",
            "country",
            "city",
            "website",
            "contact_name",
            "email",
            "pledge_status",
            "pledge_areas",
            "skills",
            "motivation",
            "consent",
        ]
        labels = {"email": _("Contact address (a role address such as apprenticeships@, please)")}
        widgets = {"pledge_status": forms.RadioSelect, "motivation": forms.Textarea(attrs={"rows": 6})}


class ContactRequestForm(PublicForm):
    class Meta:
        model = ContactRequest
        fields = ["name", "organisation", "email", "subject", "message", "consent"]
        widgets = {"message": forms.Textarea(attrs={"rows": 6})}


def model_form_field(model, name, label):
    """The form field the model field makes (its max_length and validators), so the form never lets through
    what the database would refuse (a 255-320 character address passes Django's EmailField but not varchar 254)."""
    return model._meta.get_field(name).formfield(label=label)


class EventRegistrationForm(forms.Form):
    """Not a ModelForm: `EventPage.register` creates the registration under a lock on the event."""

    name = model_form_field(EventRegistration, "name", _("Name"))
    organisation = model_form_field(EventRegistration, "organisation", _("Organisation"))
    email = model_form_field(EventRegistration, "email", _("Email"))
    consent = forms.BooleanField(
        label=_("I agree that the organisers store these details to run the event, as the privacy notice explains."),
        required=True,
    )
    homepage = PublicForm.base_fields["homepage"]

    @property
    def is_spam(self):
        return bool(self.data.get(self.add_prefix("homepage")))
