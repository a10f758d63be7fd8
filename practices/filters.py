"""The practices app's filter concept: the EQF level of qualifications (see `home.filters`)."""

from home.filters import RangeFilter

from .choices import EQFLevel

eqf_level = RangeFilter(
    "eqf_level",
    minimum=min(EQFLevel.values),
    maximum=max(EQFLevel.values),
    description="EQF level (1-8) or range `3-5`; `eqf_level_min` / `eqf_level_max` bound it on one side.",
)
