from congvu.appraisals.absence import RULE_ABSENCE_3_TO_6, RULE_MATERNITY, RULE_UNDER_6_MONTHS  # noqa: F401
