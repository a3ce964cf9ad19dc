// SwellServer module.
