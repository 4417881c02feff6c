"""Machinery: the case model, date arithmetic, the durable-rules adapter and the verdict.

Public entry points: `engine.case.parse_case` (with `read_data`), `engine.assess.assess`, `engine.verdict.Verdict`.
"""
