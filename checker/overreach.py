"""Claims that an article gives something specific it does not give: the result `overreach` (超出条文).

The article is the right one — 第二十四条 is the basis for a replacement — but the text reads more into it
(「依据第二十四条，应当更换为性能不低于原商品的新款」). Which claims over-read which article is legal
judgement, so it is data (`overreach` beside each article in topics.yaml); here a claim is matched
against it, and the answer quotes the sentence of the article that says what it does give, from kb/.
"""

from __future__ import annotations

from checker.claims import Claim
from checker.detect import concepts, mentions
from checker.figures import where_said
from checker.topics import Overreach, Topics
from kb.bilingual import T  # said in both languages, like every user-facing text


def overreach(key: str, claim: Claim, partners: list[str], data: Topics) -> tuple[Overreach, T] | None:
    """The first over-reading of the cited article that the claim makes, with the message, if any.

    `partners` are the keys cited together with this one (产品质量法第四十条、第四十一条): when one of them
    covers what is claimed, the claim rests on that one, not on this article."""
    found, in_context = concepts(claim.evidence, data), concepts(claim.context, data)
    for o in data.overreach(key):
        said = [c for c in o.claim if mentions(c, claim.evidence, found, data)]
        if not said or (o.asserted and not any(mentions(a, claim.context, in_context, data) for a in o.asserted)):
            continue
        if any(mentions(u, claim.context, in_context, data) for u in o.unless):
            continue
        if any(data.coverage(p).get(c, 0.0) > 0 for p in partners for c in said if c in data.concepts):
            continue
        label_zh, label_en, sentence = where_said(key, o.quote)
        return o, T(
            f"文中认为本条给予{o.gives['zh']}，但{label_zh}规定的是：“{sentence}”本条没有这样的规定。{o.note['zh']}",
            f"The text reads {o.gives['en']} into this article, but {label_en} provides: “{sentence}” It says no "
            f"such thing. {o.note['en']}",
        )
    return None
