"""消费者权益保护法第二十五条 — the seven-day no-reason return of goods bought at a distance.

> 经营者采用网络、电视、电话、邮购等方式销售商品，消费者有权自收到商品之日起七日内退货，且无需说明理由，但下列商品除外：（一）消费者定作的；（二）鲜活易腐的；（三）在线下载或者消费者拆封的音像制品、计算机软件等数字化商品；（四）交付的报纸、期刊。
> 除前款所列商品外，其他根据商品性质并经消费者在购买时确认不宜退货的商品，不适用无理由退货。
> 消费者退货的商品应当完好。经营者应当自收到退回商品之日起七日内返还消费者支付的商品价款。退回商品的运费由消费者承担；经营者和消费者另有约定的，按照约定。

No fault is needed (L14). The request must be made within seven days of receipt (moved by 民法典第二百零三条
when the seventh day is a rest day, R1 — but the date the consumer is told to act by is the unmoved one,
L11). Goods the consumer confirmed at purchase as not returnable are out (第二款). The goods must be intact
(第三款): opening the package to inspect them does not make them not intact (网络消费纠纷规定（一）第三条, for
the online channels), but an activated or logged-in electronic device is not intact (七日无理由退货办法第九条
第（二）项), so an unknown state is only arguable and a known "not intact" concludes nothing. The consumer pays
the return shipping unless agreed otherwise (第三款; 办法第十八条); the refund is due within seven days of the
business receiving the goods back (办法第十三条).

Note on LEGAL_SPEC v2: it cites 网络消费纠纷规定（一）第二条 for the opened-package rule; the verified text of
第二条 is about a business's promise to take back the four excepted kinds of goods, and the opened-package
rule is 第三条. This module cites 第三条 (see the issue note).
"""

from kb.rules.common import CONSUMER, DISTANCE_CHANNELS, ONLINE_CHANNELS
from kb.rules.dsl import Deadline, Finding, Give, NotApplicable, Reason, Ref, Rule, T, Variant, fact

PLACE = 80  # where its rules and missing facts come in the rule base
ARTICLE = ("crpl:25",)  # the article(s) this module encodes

_P = fact("p", "purchase", channel__in=DISTANCE_CHANNELS, nonreturnable__ne="yes")
_D = fact("d", "dates")
_REQ = fact("rq", "interaction", kind="return_request")

RULES = [
    Rule(
        name="no_reason_request.in_time",
        when=(_D, _REQ.where(day__le=Ref("d", "day7_end"))),
        derive="fact.return_request_in_time",
        attrs={"intact": Ref("rq", "intact"), "i": Ref("rq", "i")},
        because=T("{rq.on} 在收货之日起七日内提出退货（{rq.reason}）",
                  "on {rq.on}, within seven days of receipt, the consumer asked to return the goods ({rq.reason})"),
        cites=("civil_code:201", "civil_code:203"),
    ),
]

_CITES = ("crpl:25", "online_returns:18", "online_returns:13")
_SHIPPING = T("；退回商品的运费由消费者承担，另有约定（如运费险、包邮退货承诺）的按约定；经营者应在收到退回商品之日起七日内退款",
              "; the consumer pays the return shipping unless agreed otherwise (return-shipping insurance, a free-return "
              "promise); the business must refund within seven days of receiving the goods back")

FINDINGS = [
    Finding(
        id="crpl25.no_reason_return", place=80,
        letter=T("本人通过{p.channel}购买该商品，已于收到商品之日起七日内提出无理由退货，商品完好；依上述规定，贵方应当办理退货，并自收到退回商品之日起七日内退还货款。",
                 "I bought the goods through a {p.channel} and asked to return them without reason within seven days of receipt, the goods intact; under these rules you must take them back and refund the price within seven days of receiving them."),
        quotes=("crpl:25:1", "crpl:25:3"),
        title=T("网购等远程购物七日无理由退货", "Seven-day no-reason return of goods bought at a distance"),
        cites=_CITES,
        gives=(Give("refund"),),
        variants=(
            Variant(
                name="intact",
                strength="strong",
                when=(CONSUMER, _P, fact("rt", "fact.return_request_in_time", intact="yes")),
                because=T("以网络、电视、电话、邮购等方式购买，七日内提出退货且商品完好，不属于除外商品：消费者有权无理由退货" + _SHIPPING.zh,
                          "bought at a distance, the return asked for within seven days with the goods intact and not "
                          "an excepted kind: the consumer may return them without reason" + _SHIPPING.en),
            ),
            Variant(
                name="intact_unknown_online",
                strength="arguable",
                cites=("spc_online:3",),
                when=(CONSUMER, _P.where(channel__in=ONLINE_CHANNELS), fact("rt", "fact.return_request_in_time", intact="unknown")),
                because=T("网购后七日内提出退货，但商品是否完好尚不确定：为检查而拆封查验不影响完好，但激活、登录等使用痕迹可能被认定为不完好，属可争取" + _SHIPPING.zh,
                          "bought online and the return asked for within seven days, but whether the goods are intact "
                          "is not certain: opening to inspect does not make them not intact, but activation or a login "
                          "may: arguable" + _SHIPPING.en),
                letter=T("本人通过{p.channel}购买该商品，已于收到商品之日起七日内提出无理由退货；本人仅为检查商品而拆封查验，本人认为不影响商品完好；依上述规定，贵方应当办理退货并退还货款。",
                         "I bought the goods through a {p.channel} and asked to return them without reason within seven days of receipt; I opened them only to inspect them, which I hold does not affect their being intact; under these rules you must take them back and refund the price."),
            ),
            Variant(
                name="intact_unknown",
                strength="arguable",
                when=(CONSUMER, _P.where(channel="tv_phone_mail"), fact("rt", "fact.return_request_in_time", intact="unknown")),
                because=T("以电视、电话、邮购方式购买，七日内提出退货，但商品是否完好尚不确定，属可争取" + _SHIPPING.zh,
                          "bought by TV, phone or mail and the return asked for within seven days, but whether the "
                          "goods are intact is not certain: arguable" + _SHIPPING.en),
            ),
        ),
    ),
]

_ASKED_REFUND = fact("dm", "demands", items__any=("refund",))
_DIST = fact("pd", "purchase", channel__in=DISTANCE_CHANNELS)

NOT_APPLICABLE = [
    NotApplicable(
        id="crpl25.no_reason_return", place=50,
        cites=("crpl:25",),
        findings=("crpl25.no_reason_return",),
        also_when=(_ASKED_REFUND,),
        reasons=(
            Reason(
                when=(_DIST, fact("sb", "scope.business")),
                why=T("并非为生活消费购买，第二十五条的无理由退货不适用", "not bought for personal use, so art. 25's no-reason return does not apply"),
            ),
            Reason(
                when=(_DIST.where(nonreturnable="yes"),),
                why=T("购买时已确认该商品不宜退货（第二十五条第二款），不适用无理由退货；如商品有质量问题，可依第二十四条主张",
                      "you confirmed at purchase that the goods are not returnable (art. 25(2)), so no no-reason return; "
                      "a quality fault can still be claimed under art. 24"),
            ),
            Reason(
                when=(_DIST, fact("rt", "fact.return_request_in_time", intact="no")),
                why=T("退回的商品应当完好（第二十五条第三款）；商品已不完好（如已激活、登录或有使用痕迹），不适用无理由退货",
                      "returned goods must be intact (art. 25(3)); these are not (activated, logged in or used), so no "
                      "no-reason return"),
            ),
            Reason(
                when=(_DIST,),
                why=T("未记录在收货之日起七日内提出的退货要求：第二十五条的无理由退货须在七日内提出；如商品有质量问题，可依第二十四条主张",
                      "no return request made within seven days of receipt is recorded: art. 25's no-reason return must "
                      "be asked for within the seven days; a quality fault can still be claimed under art. 24"),
            ),
        ),
    ),
]

DEADLINES = [
    Deadline(
        id="return.no_reason", place=60,
        title=T("七日无理由退货的最后一日", "Last day for the seven-day no-reason return"),
        cites=("crpl:25",),
        days=7,
        safe_unmoved=True,
        moved_because=T("第七日是休息日，依民法典第二百零三条可主张顺延至 {date}（稳妥起见仍以第七日为准）",
                        "the seventh day is a rest day, so civil code art. 203 arguably moves it to {date} (to be safe, "
                        "act by the seventh day)"),
        variants=(
            ((fact("nr", "finding", fid="crpl25.no_reason_return"), _D), (), Ref("d", "bought"),
             T("自 {d.bought_on} 收到商品起七日（收到当日不计入）", "seven days from receipt on {d.bought_on} (the day of receipt not counted)")),
        ),
    ),
]
