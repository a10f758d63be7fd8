"""factory_boy factories for every model the tests build."""

import datetime

from django.utils import timezone

import factory
import wagtail_factories

from home.models import HomePage, SkillCategory, SkillTag, StandardPage, TopicTag
from network.choices import MemberType
from network.models import (
    CampaignIndexPage,
    CampaignPage,
    EventIndexPage,
    EventPage,
    MemberIndexPage,
    MemberPage,
    NewsIndexPage,
    NewsPage,
    ProjectIndexPage,
    ProjectPage,
)
from practices.models import GoodPracticePage, JointQualificationPage, PracticeIndexPage, QualificationIndexPage


class SkillTagFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Skill {n}")
    slug = factory.Sequence(lambda n: f"skill-{n}")
    category = SkillCategory.GREEN

    class Meta:
        model = SkillTag
        django_get_or_create = ("slug",)


class TopicTagFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")

    class Meta:
        model = TopicTag
        django_get_or_create = ("slug",)


class TaggedPageFactory(wagtail_factories.PageFactory):
    """Adds `skills=[...]` and `topics=[...]` arguments to a page factory."""

    summary = factory.Faker("sentence")

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @factory.post_generation
    def skills(self, create, extracted, **kwargs):
        if extracted:
            self.skills.set(extracted)
            if create:
                self.save()

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if extracted:
            self.topics.set(extracted)
            if create:
                self.save()


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Guild"
    slug = "home"

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Standard page {n}")

    class Meta:
        model = StandardPage


class MemberIndexPageFactory(wagtail_factories.PageFactory):
    title = "Members"
    slug = "members"

    class Meta:
        model = MemberIndexPage


class ProjectIndexPageFactory(wagtail_factories.PageFactory):
    title = "Projects"
    slug = "projects"

    class Meta:
        model = ProjectIndexPage


class CampaignIndexPageFactory(wagtail_factories.PageFactory):
    title = "Campaigns"
    slug = "campaigns"

    class Meta:
        model = CampaignIndexPage


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Events"
    slug = "events"

    class Meta:
        model = EventIndexPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "News"
    slug = "news"

    class Meta:
        model = NewsIndexPage


class PracticeIndexPageFactory(wagtail_factories.PageFactory):
    title = "Good practices"
    slug = "practices"

    class Meta:
        model = PracticeIndexPage


class QualificationIndexPageFactory(wagtail_factories.PageFactory):
    title = "Joint qualifications"
    slug = "qualifications"

    class Meta:
        model = QualificationIndexPage


class MemberPageFactory(TaggedPageFactory):
    title = factory.Sequence(lambda n: f"Member organisation {n}")
    member_type = MemberType.CITY
    country = "BE"
    city = "Ghent"

    class Meta:
        model = MemberPage


class ProjectPageFactory(TaggedPageFactory):
    title = factory.Sequence(lambda n: f"Project {n}")
    project_code = factory.Sequence(lambda n: f"1011{n:05d}")
    start_date = datetime.date(2024, 1, 1)
    end_date = datetime.date(2026, 12, 31)

    class Meta:
        model = ProjectPage


class CampaignPageFactory(TaggedPageFactory):
    title = factory.Sequence(lambda n: f"Campaign {n}")
    start_date = datetime.date(2020, 1, 13)

    class Meta:
        model = CampaignPage


class EventPageFactory(TaggedPageFactory):
    title = factory.Sequence(lambda n: f"Event {n}")
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=3))
    city = "Lyon"
    country = "FR"

    class Meta:
        model = EventPage


class NewsPageFactory(TaggedPageFactory):
    title = factory.Sequence(lambda n: f"News item {n}")
    publication_date = datetime.date(2020, 1, 13)

    class Meta:
        model = NewsPage


class GoodPracticePageFactory(TaggedPageFactory):
    title = factory.Sequence(lambda n: f"Good practice {n}")
    country = "BE"
    city = "Ghent"
    start_year = 2019

    class Meta:
        model = GoodPracticePage


class JointQualificationPageFactory(TaggedPageFactory):
    title = factory.Sequence(lambda n: f"Joint qualification {n}")
    eqf_level = 4
    isced_field = "07"
    countries = ["FI", "ES"]

    class Meta:
        model = JointQualificationPage


def accepted_member(editor, organisation_name="City of Ghent", email="apprenticeships@stad.gent", **fields):
    """A member organisation accepted the real way (an application an editor accepts): its draft member page
    and the account of its contact, `(page, user)`."""
    from django.contrib.auth import get_user_model

    from network.choices import PledgeStatus
    from network.models import MembershipApplication

    application = MembershipApplication.objects.create(
        **{
            "organisation_name": organisation_name,
            "member_type": "city",
            "country": "BE",
            "city": "Ghent",
            "contact_name": "Contact person",
            "email": email,
            "pledge_status": PledgeStatus.NO,
            "motivation": "To share practices.",
            "consent": True,
            **fields,
        }
    )
    page = application.accept(by=editor)
    return page, get_user_model().objects.get(email=email)
