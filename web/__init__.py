"""weiquan serve: the questionnaire, verdict and letters as web pages (issue 12)."""
