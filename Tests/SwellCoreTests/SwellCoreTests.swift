// Tests for SwellCore.
