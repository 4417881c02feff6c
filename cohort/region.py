"""Where a consumer lives, at the level regions are compared: the province.

Service policy in China differs by province (provincial service centres, provincial market
regulators), and `consumer.region` is free text ("河北省石家庄市", "河北石家庄", "北京"), so
the cohort compares provinces. A region that names no province is kept as written, so nothing
is silently merged with a place it may not be.
"""

from __future__ import annotations

UNKNOWN_REGION = "unknown"

# Short name → official name of the 34 provincial-level divisions.
_PROVINCES: dict[str, str] = {
    "北京": "北京市", "天津": "天津市", "上海": "上海市", "重庆": "重庆市",
    "河北": "河北省", "山西": "山西省", "辽宁": "辽宁省", "吉林": "吉林省", "黑龙江": "黑龙江省",
    "江苏": "江苏省", "浙江": "浙江省", "安徽": "安徽省", "福建": "福建省", "江西": "江西省",
    "山东": "山东省", "河南": "河南省", "湖北": "湖北省", "湖南": "湖南省", "广东": "广东省",
    "海南": "海南省", "四川": "四川省", "贵州": "贵州省", "云南": "云南省", "陕西": "陕西省",
    "甘肃": "甘肃省", "青海": "青海省", "台湾": "台湾省",
    "内蒙古": "内蒙古自治区", "广西": "广西壮族自治区", "西藏": "西藏自治区",
    "宁夏": "宁夏回族自治区", "新疆": "新疆维吾尔自治区",
    "香港": "香港特别行政区", "澳门": "澳门特别行政区",
}
# Longest prefix first, so that no short name shadows a longer one.
_BY_LENGTH = sorted(_PROVINCES, key=len, reverse=True)


def province_of(region: str | None) -> str:
    """The province a region lies in, the region as written when it names none, or `unknown`."""
    if region is None or not region.strip():
        return UNKNOWN_REGION
    text = region.strip()
    for short in _BY_LENGTH:
        if text.startswith(short):
            return _PROVINCES[short]
    return text
