// Tests for SwellServer.
