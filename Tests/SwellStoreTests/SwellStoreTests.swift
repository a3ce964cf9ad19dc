// Tests for SwellStore.
