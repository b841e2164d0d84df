"""Commands of the views: stance, contradictions, report."""
