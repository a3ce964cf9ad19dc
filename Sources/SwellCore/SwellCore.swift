// SwellCore module.
