import Foundation
import SwellCore
import Testing

@testable import SwellEngine

/// Each channel kind's request, against the platform's documented JSON shape and signing scheme. The expected
/// signatures were computed independently (Python's hmac and base64) from the same inputs.
@Suite struct ChannelPayloadTests {
    let now = Date(timeIntervalSince1970: 1_780_272_000)
    let message = NotificationMessage(
        title: "群体投诉预警（橙色）：聚类 #3 酒店 降级", level: .orange, lines: ["投诉人 8 人，投诉 8 件", "· 3 complainants mention 12315"],
        link: "http://swell.example/")

    func object(_ request: OutboundRequest) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(request.body.utf8)) as? [String: Any])
    }

    @Test func aWebhookCarriesTheEnvelopeSignedWithItsSecret() throws {
        let event = Event(
            seq: 5, draft: EventDraft(type: .warningRaised, at: Date(timeIntervalSince1970: 1_780_272_000), complaintId: ComplaintID(9),
                                      clusterId: ClusterID(3), payload: #"{"level":"orange"}"#), hash: "x")
        let request = ChannelPayloads.webhook(event, url: "http://127.0.0.1/hook", secret: "whsec_test", delivery: DeliveryID(12), now: now)
        #expect(request.body == #"{"seq":5,"at":"2026-06-01T00:00:00Z","type":"warning.raised","incidentId":null,"clusterId":3,"complaintId":9,"data":{"level":"orange"}}"#)
        let headers = Dictionary(uniqueKeysWithValues: request.headers)
        #expect(headers["Swell-Signature"] == "t=1780272000,v1=67c93b33d3211f405dabddb0feeec2aff248bbd9c61a5bf91fa7eed2b4c4d535")
        #expect(headers["Idempotency-Key"] == "swell-delivery-12")
        #expect(headers["Swell-Event-Type"] == "warning.raised")
    }

    @Test func weComTakesAMarkdownMessage() throws {
        let body = try object(ChannelPayloads.wecom(message, url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k"))
        #expect(body["msgtype"] as? String == "markdown")
        let content = try #require((body["markdown"] as? [String: Any])?["content"] as? String)
        #expect(content.hasPrefix("<font color=\"warning\">**群体投诉预警（橙色）"))
        #expect(content.contains("> 投诉人 8 人") && content.contains("(http://swell.example/)"))
        #expect(content.utf8.count <= 4096)
    }

    @Test func dingTalkSignsTheURLAndTakesMarkdown() throws {
        let request = ChannelPayloads.dingtalk(message, url: "https://oapi.dingtalk.com/robot/send?access_token=t", secret: "SECabc123", now: now)
        #expect(request.url == "https://oapi.dingtalk.com/robot/send?access_token=t&timestamp=1780272000000&sign=yzbPoEDK3XIcA3lrhsXVTRewbpEUSvmzPmdbkyl485A%3D")
        let body = try object(request)
        #expect(body["msgtype"] as? String == "markdown")
        let markdown = try #require(body["markdown"] as? [String: Any])
        #expect(markdown["title"] as? String == message.title)
        #expect((markdown["text"] as? String)?.contains("投诉人 8 人") == true)
        let unsigned = ChannelPayloads.dingtalk(message, url: "https://oapi.dingtalk.com/robot/send?access_token=t", secret: nil, now: now)
        #expect(unsigned.url == "https://oapi.dingtalk.com/robot/send?access_token=t")
    }

    @Test func feishuSignsTheBodyAndTakesACard() throws {
        let body = try object(ChannelPayloads.feishu(message, url: "https://open.feishu.cn/open-apis/bot/v2/hook/x", secret: "SECabc123", now: now))
        #expect(body["timestamp"] as? String == "1780272000")
        #expect(body["sign"] as? String == "bczOw0Fx9KPDC5Zq6okWi5zXAoUMZVDga6A/A6XWw5s=")
        #expect(body["msg_type"] as? String == "interactive")
        let card = try #require(body["card"] as? [String: Any])
        let header = try #require(card["header"] as? [String: Any])
        #expect(header["template"] as? String == "orange")
        #expect((header["title"] as? [String: Any])?["content"] as? String == message.title)
        let elements = try #require(card["elements"] as? [[String: Any]])
        #expect(elements.first?["tag"] as? String == "markdown")
    }

    @Test func robotsThatAnswerWithAnErrorCodeHaveFailed() {
        #expect(RobotReply.failure(#"{"errcode":0,"errmsg":"ok"}"#, kind: .wecom) == nil)
        #expect(RobotReply.failure(#"{"errcode":45009,"errmsg":"api freq out of limit"}"#, kind: .wecom) == "wecom refused: 45009 api freq out of limit")
        #expect(RobotReply.failure(#"{"errcode":310000,"errmsg":"sign not match"}"#, kind: .dingtalk) != nil)
        #expect(RobotReply.failure(#"{"code":19021,"msg":"sign match fail"}"#, kind: .feishu) != nil)
        #expect(RobotReply.failure(#"{"code":0,"msg":"success"}"#, kind: .feishu) == nil)
    }

    @Test func retryAfterReadsSecondsAndDates() {
        #expect(RetryAfter.seconds("30", now: now) == 30)
        #expect(RetryAfter.seconds("Mon, 01 Jun 2026 00:01:00 GMT", now: now) == 60)
        #expect(RetryAfter.seconds("soon", now: now) == nil)
    }

    @Test func backoffDoublesWithJitterAndGivesUpAfterTheRetryPeriod() {
        let policy = DeliveryRetryPolicy.standard
        let created = now
        #expect(policy.nextAttempt(afterFailures: 1, createdAt: created, now: now, retryAfter: nil, jitter: 1) == now.addingTimeInterval(2))
        #expect(policy.nextAttempt(afterFailures: 3, createdAt: created, now: now, retryAfter: nil, jitter: 1) == now.addingTimeInterval(8))
        #expect(policy.nextAttempt(afterFailures: 3, createdAt: created, now: now, retryAfter: nil, jitter: 0) == now.addingTimeInterval(4))
        #expect(policy.nextAttempt(afterFailures: 20, createdAt: created, now: now, retryAfter: nil, jitter: 1) == now.addingTimeInterval(300))
        #expect(policy.nextAttempt(afterFailures: 1, createdAt: created, now: now, retryAfter: 90, jitter: 1) == now.addingTimeInterval(90))
        #expect(policy.nextAttempt(afterFailures: 5, createdAt: created, now: now.addingTimeInterval(24 * 3600), retryAfter: nil, jitter: 1) == nil)
    }

    @Test func aMessageCarriesNoPersonalData() {
        let event = Event(
            seq: 1, draft: EventDraft(type: .warningRaised, at: now, clusterId: ClusterID(3), payload: #"{"level":"red","distinctComplainants":8,"complaintCount":9,"reasons":[{"code":"x","detail":"call 13812345678"}]}"#),
            hash: "")
        let cluster = ClusterSnapshot(
            id: ClusterID(3), firstAt: now, lastAt: now, memberCount: 9, distinctComplainants: 8, level: .red,
            topTerms: ["110101199003074578", "酒店"], representativeText: "张三 13812345678", representativeComplaintId: ComplaintID(1),
            entities: [], updatedAt: now)
        let text = NotificationMessage.make(for: event, context: .init(cluster: cluster, incident: nil), language: "zh", dashboard: nil).plainText
        #expect(!text.contains("13812345678") && !text.contains("110101199003074578") && !text.contains("张三"))
        #expect(text.contains("红色"))
    }

    @Test func aSpikeOfMentionsSaysHowManyAgainstWhat() {
        let payload = EventDraft.payload(MentionsSpiked(
            clusterId: nil, mentions: 42, baselinePerWindow: 3.5, windowSeconds: 3600, negativeShare: 0.81, stories: 4))
        let event = Event(seq: 2, draft: EventDraft(type: .mentionsSpike, at: now, payload: payload), hash: "")
        let zh = NotificationMessage.make(for: event, context: .init(cluster: nil, incident: nil), language: "zh", dashboard: nil)
        #expect(zh.title == "舆情激增：全部舆情")
        #expect(zh.lines.contains("1 小时内 42 条（此前平均 3.5 条）"))
        #expect(zh.lines.contains("负面占比 81%，话题 4 个"))
        let en = NotificationMessage.make(for: event, context: .init(cluster: nil, incident: nil), language: "en", dashboard: nil)
        #expect(en.lines.contains("42 mentions within 1 h (before: 3.5 on average)"))
    }
}
