"""Plan coherence and viability: checks, five-year totals, POA derivation, traceability,
follow-up figures and the validation of typed values. Plain SQLAlchemy, no Qt."""
