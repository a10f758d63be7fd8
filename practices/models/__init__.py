from .practices import GoodPracticeOwner, GoodPracticePage, PracticeIndexPage
from .qualifications import JointQualificationPage, QualificationIndexPage, QualificationPartner

__all__ = [
    "GoodPracticeOwner",
    "GoodPracticePage",
    "JointQualificationPage",
    "PracticeIndexPage",
    "QualificationIndexPage",
    "QualificationPartner",
]
