import Foundation
import SwellCore

/// What a notification says, in one language, before it is shaped for a channel: a title, the level, a few
/// lines of facts and a link. Built from the event and what it names (cluster, incident), with every derived
/// text masked: no complainant's name, phone, e-mail or ID number ever leaves in a message.
public struct NotificationMessage: Sendable, Equatable {
    public var title: String
    public var level: WarningLevel?
    public var lines: [String]
    public var link: String?

    /// What an event names, read from the store by the sender.
    struct Context: Sendable {
        var cluster: ClusterSnapshot?
        var incident: IncidentRecord?
    }

    /// The message for `event`, in `language` (`zh` or `en`).
    static func make(for event: Event, context: Context, language: String, dashboard: String?) -> NotificationMessage {
        let zh = language != "en"
        let payload = (try? JSONSerialization.jsonObject(with: Data(event.draft.payload.utf8)) as? [String: Any]) ?? [:]
        let level = (payload["level"] as? String).flatMap(WarningLevel.init(rawValue:)) ?? context.incident?.level
        let subject = Self.subject(context, zh: zh)
        var lines: [String] = []
        var title: String
        switch event.type {
        case .warningRaised, .warningEscalated:
            let name = level.map { Self.levelName($0, zh: zh) } ?? ""
            title = zh ? "群体投诉预警（\(name)）：\(subject)" : "Group complaint warning (\(name)): \(subject)"
            if let people = payload["distinctComplainants"] as? Int, let count = payload["complaintCount"] as? Int {
                lines.append(zh ? "投诉人 \(people) 人，投诉 \(count) 件" : "\(people) complainants, \(count) complaints")
            }
            if let previous = (payload["previousLevel"] as? String).flatMap(WarningLevel.init(rawValue:)) {
                lines.append(zh ? "级别由\(Self.levelName(previous, zh: true))升至\(name)" : "Raised from \(Self.levelName(previous, zh: false)) to \(name)")
            }
            let reasons = (payload["reasons"] as? [[String: Any]] ?? []).compactMap { $0["detail"] as? String }.prefix(3)
            lines += reasons.map { "· " + PersonalDataMasking.mask($0) }
        case .incidentOpened:
            title = zh ? "已启动群体事件处置：\(subject)" : "Incident opened: \(subject)"
            if let by = payload["openedBy"] as? String { lines.append(zh ? "启动人：\(by)" : "Opened by \(by)") }
        case .taskOverdue:
            let task = (zh ? payload["titleZh"] : payload["titleEn"]) as? String ?? payload["templateId"] as? String ?? "?"
            title = zh ? "任务已逾期：\(PersonalDataMasking.mask(task))" : "Task overdue: \(PersonalDataMasking.mask(task))"
            lines.append(zh ? "事件：\(subject)" : "Incident: \(subject)")
            if let owner = payload["ownerRole"] as? String { lines.append(zh ? "负责角色：\(owner)" : "Owner role: \(owner)") }
            if let due = payload["dueAt"] as? String { lines.append(zh ? "截止：\(due)" : "Due: \(due)") }
        case .mentionsSpike:
            let about = context.cluster == nil && context.incident == nil ? (zh ? "全部舆情" : "all mentions") : subject
            title = zh ? "舆情激增：\(about)" : "Mentions spike: \(about)"
            if let count = payload["mentions"] as? Int, let seconds = payload["windowSeconds"] as? Int {
                let baseline = payload["baselinePerWindow"] as? Double ?? 0
                let hours = String(format: "%g", Double(seconds) / 3600)
                lines.append(zh
                    ? "\(hours) 小时内 \(count) 条（此前平均 \(String(format: "%.1f", baseline)) 条）"
                    : "\(count) mentions within \(hours) h (before: \(String(format: "%.1f", baseline)) on average)")
            }
            if let share = payload["negativeShare"] as? Double, let stories = payload["stories"] as? Int {
                lines.append(zh
                    ? "负面占比 \(Int((share * 100).rounded()))%，话题 \(stories) 个"
                    : "\(Int((share * 100).rounded()))% negative, \(stories) stories")
            }
        default:
            title = zh ? "Swell 事件 \(event.type.rawValue)：\(subject)" : "Swell event \(event.type.rawValue): \(subject)"
        }
        lines.append(zh ? "时间：\(RFC3339.format(event.at))" : "At: \(RFC3339.format(event.at))")
        return NotificationMessage(title: title, level: level, lines: lines, link: dashboard)
    }

    /// The incident's title, else the cluster's top terms, masked.
    static func subject(_ context: Context, zh: Bool) -> String {
        if let incident = context.incident { return PersonalDataMasking.mask(incident.title) }
        if let cluster = context.cluster {
            if let title = cluster.title { return PersonalDataMasking.mask(title) + " (#\(cluster.id))" }
            let terms = cluster.topTerms.prefix(3).map(PersonalDataMasking.mask).joined(separator: " ")
            return zh ? "聚类 #\(cluster.id) \(terms)" : "cluster #\(cluster.id) \(terms)"
        }
        return zh ? "（未知）" : "(unknown)"
    }

    static func levelName(_ level: WarningLevel, zh: Bool) -> String {
        switch level {
        case .blue: zh ? "蓝色" : "blue"
        case .yellow: zh ? "黄色" : "yellow"
        case .orange: zh ? "橙色" : "orange"
        case .red: zh ? "红色" : "red"
        }
    }

    /// Markdown as the group robots render it.
    public var markdown: String {
        var text = "**\(title)**\n"
        for line in lines { text += "> \(line)\n" }
        if let link { text += "[查看 / Open](\(link))" }
        return text
    }

    public var plainText: String {
        ([title, ""] + lines + (link.map { ["", $0] } ?? [])).joined(separator: "\n")
    }
}
