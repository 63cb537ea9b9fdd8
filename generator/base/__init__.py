"""The problem type every stage reports, and the table of validation rules."""
