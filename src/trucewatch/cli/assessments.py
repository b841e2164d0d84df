"""Commands of the agreements and evidence stages (agreements, status, linking evaluation)."""
