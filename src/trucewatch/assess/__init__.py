"""Assessments: status, stance and contradictions of an agreement, computed from the store and stored."""
