// Tests for SwellDetection.
