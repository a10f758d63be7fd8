"""What the practices app exposes through the headless API: the EQF level filter and its listings' joins."""

from home.api import APIParameterError, PageFilter, parse_int, parse_int_range, single_value

QUERYSET_OPTIMISATIONS = {
    "practices.PracticeIndexPage": {},
    "practices.QualificationIndexPage": {},
    "practices.GoodPracticePage": {
        "select_related": ["project"],
        "prefetch_related": ["skills", "topics", "owners__member"],
    },
    "practices.JointQualificationPage": {
        "select_related": ["project"],
        "prefetch_related": ["skills", "topics", "partner_links__member"],
    },
}

DATE_FIELDS = {"practices.GoodPracticePage": "start_year"}

EQF_MIN, EQF_MAX = 1, 8


class EQFLevelFilter(PageFilter):
    """eqf_level=4, eqf_level=3-5, or eqf_level_min= / eqf_level_max= (each alone or together)."""

    parameter = "eqf_level"
    extra_parameters = ("eqf_level_min", "eqf_level_max")
    description = "EQF level (1-8) or range `3-5`; `eqf_level_min` / `eqf_level_max` bound it on one side."
    openapi = {"type": "string", "pattern": "^[1-8](-[1-8])?$"}

    def is_present(self, params):
        return any(name in params for name in self.parameters)

    def parse(self, params):
        low, high = EQF_MIN, EQF_MAX
        if self.parameter in params:
            if "eqf_level_min" in params or "eqf_level_max" in params:
                raise APIParameterError(self.parameter, "use eqf_level or eqf_level_min/eqf_level_max, not both")
            low, high = parse_int_range(self.parameter, single_value(params, self.parameter), EQF_MIN, EQF_MAX)
        if "eqf_level_min" in params:
            low = parse_int("eqf_level_min", single_value(params, "eqf_level_min"), EQF_MIN, EQF_MAX)
        if "eqf_level_max" in params:
            high = parse_int("eqf_level_max", single_value(params, "eqf_level_max"), EQF_MIN, EQF_MAX)
        if low > high:
            raise APIParameterError("eqf_level_min", "eqf_level_min cannot be above eqf_level_max")
        return low, high


def practices_filters():
    return [
        EQFLevelFilter(
            lookups={
                "practices.JointQualificationPage": lambda queryset, value: queryset.filter(
                    eqf_level__gte=value[0], eqf_level__lte=value[1]
                )
            }
        )
    ]
