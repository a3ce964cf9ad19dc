// SwellDetection module.
