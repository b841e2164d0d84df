"""Commands of the statements stage (quotes, speakers, dates)."""
