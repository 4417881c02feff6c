"""The knowledge base: statute texts, the rule base, the questionnaire and the checker's topics.

Everything here is knowledge a lawyer can review; the machinery that runs it lives in `engine/`.
"""
