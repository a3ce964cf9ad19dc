// Tests for SwellCLI.
