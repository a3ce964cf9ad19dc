// SwellStore module.
