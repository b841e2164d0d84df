"""The long fuzz run (``make fuzz``) and the input generators it shares with tests/test_fuzz_properties.py."""
