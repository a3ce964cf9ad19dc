"""Public opinion (舆情) on the real binary: PR posts an NDJSON batch of 30 mentions — ten copies of one Weibo post, a
news item and a video about a warned hotel downgrade, and unrelated items — and the service groups the reposts into
one story, matches the coverage to the complaints' cluster by hotel name and departure, lifts the warning to the
playbook's media level (orange, which opens an incident), and masks personal data in mention texts for every role."""
import datetime
import json

import requests

from swell_process import SwellProcess
from test_playbook_promises import complaint, eventually, get, now, post

HOTEL = [
    "12月1日出发的澳洲团，合同写的金沙湾大酒店四星，实际入住汽车旅馆，要求退差价",
    "我们12月1日出团，金沙湾大酒店根本不是四星，被换到汽车旅馆，旅行社不给说法",
    "AU-8D-1201团队，说好的金沙湾大酒店变成了路边汽车旅馆，和合同不符",
]
POST = "金沙湾大酒店太坑人了！12月1日出发的澳洲团，合同写四星，实际住汽车旅馆，旅行社拒不退差价，大家评评理"
UNRELATED = [
    "三亚亚龙湾的海景真美，导游热情周到，强烈推荐这条线路", "某航空公司宣布7月起增开上海至悉尼航线",
    "How to pick travel insurance for a family holiday in Europe", "云南大理古城夜景，住的民宿干净舒适，非常满意",
    "旅游局发布暑期出行提示：注意防暑，理性消费", "Best street food in Bangkok: a guide for first-time visitors",
    "北京故宫暑期预约火爆，建议提前一周预约", "邮轮旅游复苏，上半年出境游人数同比增长",
    "Airline announces new lounge at Pudong airport", "桂林山水甲天下，漓江竹筏体验分享", "新疆喀纳斯秋季摄影团招募中",
    "Travel tips: packing light for a two-week trip", "张家界玻璃桥景区门票调整通知", "成都大熊猫基地游览攻略",
    "海南免税店购物额度说明", "Weekend in Kyoto: temples, tea and trains", "西藏布达拉宫参观须知",
    "Cheap flights to Lisbon this autumn: what to know",
]


def mentions():
    items = [{"url": "https://weibo.com/u/100/original?utm_source=share", "source": "weibo", "outlet": "澳洲游吐槽",
              "text": POST + " 导游电话13812345678", "reach": 80000}]
    for n in range(1, 10):
        items.append({"url": f"https://weibo.com/u/{200 + n}/repost", "source": "weibo", "outlet": f"旅行者{n}",
                      "text": f"转发微博 //@旅行者{n}: 太过分了 //" + POST, "reach": 500})
    items.append({"url": "https://news.example.cn/travel/jinshawan", "source": "news", "outlet": "某某晚报",
                  "title": "游客集体投诉金沙湾大酒店货不对板",
                  "text": "12月1日出发的澳洲旅行团入住的金沙湾大酒店与合同约定的四星标准不符，游客被安排住进汽车旅馆，要求旅行社退还差价",
                  "reach": 30000})
    items.append({"url": "https://www.douyin.com/video/7000001", "source": "douyin",
                  "text": "实拍金沙湾大酒店，说好的四星酒店就是个汽车旅馆，12月1日澳洲团的游客气愤不已", "reach": 12000})
    for n, text in enumerate(UNRELATED):
        items.append({"url": f"https://forum.example.com/t/{n}", "source": "forum", "text": text, "reach": 100})
    for n, item in enumerate(items):
        item["publishedAt"] = now(-300 + n)
    return items


def test_reposts_form_one_story_matched_to_the_warned_cluster_which_reaches_the_media_level(tmp_path):
    server = SwellProcess(str(tmp_path / "swell.sqlite")).start()
    try:
        # Ten people complain about one hotel downgrade: a blue warning
        for n in range(10):
            post(server, "/v1/complaints", complaint("hotel", n, HOTEL[n % 3], "AU-8D-1201", "2026-12-01"))
        warnings = eventually(lambda: get(server, "/v1/warnings")["items"], lambda items: len(items) >= 1, what="a warning")
        cluster = warnings[0]["clusterId"]
        assert warnings[0]["level"] == "blue"

        # PR posts 30 mentions as NDJSON
        body = "\n".join(json.dumps(item, ensure_ascii=False) for item in mentions()) + "\n"
        response = requests.post(server.url + "/v1/mentions/batch", data=body.encode(),
                                 headers={**server.headers(), "Content-Type": "application/x-ndjson"}, timeout=30)
        assert response.status_code == 200, response.text
        result = response.json()
        assert (result["created"], result["duplicates"], result["rejected"]) == (30, 0, 0)
        ids = [item["id"] for item in result["results"]]

        # The reposts become one story of ten, matched to the hotel's cluster; the unrelated items are not
        read = eventually(lambda: get(server, f"/v1/mentions?limit=100")["items"],
                          lambda items: all("storyId" in m for m in items) and len(items) == 30, what="every mention read")
        by_id = {m["id"]: m for m in read}
        assert {by_id[i]["storyId"] for i in ids[:10]} == {ids[0]}
        assert by_id[ids[5]]["storyCopies"] == 10
        assert all(by_id[i].get("clusterId") == cluster for i in ids[:12]), [by_id[i].get("match") for i in ids[:12]]
        assert not any("clusterId" in by_id[i] for i in ids[12:])
        assert any(reason.startswith("lodging ") for reason in by_id[ids[10]]["match"]["reasons"])
        assert by_id[ids[0]]["tone"] == "negative"

        # The warning reaches the playbook's media level (orange), which opens an incident by itself
        escalated = eventually(lambda: get(server, f"/v1/warnings?clusterId={cluster}")["items"],
                               lambda items: any(w["level"] == "orange" for w in items), what="an orange warning")
        orange = next(w for w in escalated if w["level"] == "orange")
        assert any(r["code"] == "signal.media_attention.coverage" for r in orange["reasons"]), orange["reasons"]
        incident = eventually(lambda: get(server, "/v1/incidents")["items"], lambda items: len(items) == 1, what="an incident")[0]
        of_incident = get(server, f"/v1/mentions?incidentId={incident['id']}&tone=negative&limit=100")["items"]
        assert {m["id"] for m in of_incident} >= set(ids[:12])
        assert all(m["incidentId"] == incident["id"] for m in of_incident)

        # Personal data in a mention's text is masked for every role, the admin's token too
        original = get(server, f"/v1/mentions/{ids[0]}")
        assert "13812345678" not in original["text"] and "138****5678" in original["text"]
        assert original["url"] == "https://weibo.com/u/100/original"
    finally:
        assert server.terminate() == 0
