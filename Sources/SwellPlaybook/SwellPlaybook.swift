// SwellPlaybook module.
