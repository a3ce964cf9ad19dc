// Tests for SwellPlaybook.
