// SwellEvaluation module.
