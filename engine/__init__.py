"""Machinery: the case model, date arithmetic, the durable-rules adapter and the verdict.

Public entry points: `engine.case.load_case`, `engine.assess.assess`, `engine.verdict.Verdict`.
"""
