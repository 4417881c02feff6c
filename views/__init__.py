"""Presentation: how verdicts, statute articles, checker results and cohorts look in a terminal.

Nothing here decides anything legal; it renders what `engine/`, `kb/`, `checker/` and `cohort/` computed.
"""
