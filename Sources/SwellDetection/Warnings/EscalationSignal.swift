/// Words in a complaint that say it may escalate beyond one customer's problem.
public enum EscalationSignal: String, Sendable, Codable, CaseIterable, Comparable {
    /// Journalists, newspapers, TV.
    case media
    /// Exposure online: posting, going viral, hot search.
    case onlineExposure
    /// Lawyers, lawsuits, courts.
    case legal
    /// Regulator hotlines and bodies: 12315, 12345, 12301, consumer association.
    case regulator
    /// Collective rights action: joint letters, group chats of victims, "all of us".
    case collectiveAction
    /// Injury, hospital, food poisoning.
    case health

    public static func < (lhs: EscalationSignal, rhs: EscalationSignal) -> Bool { lhs.bit < rhs.bit }

    var bit: UInt16 {
        switch self {
        case .media: 1
        case .onlineExposure: 2
        case .legal: 4
        case .regulator: 8
        case .collectiveAction: 16
        case .health: 32
        }
    }

    /// Set of signals packed in a bit mask.
    static func decode(_ mask: UInt16) -> [EscalationSignal] { allCases.filter { mask & $0.bit != 0 } }
}

/// Finds ``EscalationSignal``s in normalised (simplified, lower-case) text.
enum EscalationSignalScanner {
    struct Keyword {
        var scalars: [UInt32]
        var signal: EscalationSignal
        /// Latin keywords must stand as whole words ("sue" is not in "issue").
        var wholeWord: Bool
    }

    static let keywords: [Keyword] = {
        let table: [(EscalationSignal, String)] = [
            (.media, "媒体 记者 报社 电视台 新闻 报道 央视 journalist journalists reporter reporters media press newspaper tv"),
            (.onlineExposure, "曝光 网上 微博 抖音 小红书 热搜 朋友圈 发帖 网络上 上网 viral online weibo tiktok twitter facebook"),
            (.legal, "律师 起诉 诉讼 法院 打官司 法律途径 lawyer lawyers attorney sue suing sued lawsuit court legal"),
            (.regulator, "12315 12345 12301 消协 消费者协会 旅游局 文旅局 市场监管 监管部门 投诉到 regulator regulators authorities authority"),
            (.collectiveAction, "集体维权 联名 维权群 一起维权 全团 整团 所有团员 大家一起 集体投诉 collective"),
            (.health, "受伤 骨折 住院 医院 急诊 食物中毒 中毒 上吐下泻 拉肚子 腹泻 呕吐 救护车 injured injury hospital hospitalised hospitalized poisoning ambulance vomiting diarrhea"),
        ]
        var out: [Keyword] = []
        for (signal, words) in table {
            for word in words.split(separator: " ") {
                let scalars = word.unicodeScalars.map(\.value)
                let latin = scalars.allSatisfy { $0 < 0x80 }
                out.append(Keyword(scalars: scalars, signal: signal, wholeWord: latin))
            }
        }
        for (signal, phrase) in [
            (EscalationSignal.collectiveAction, "all of us"), (.collectiveAction, "whole group"),
            (.collectiveAction, "entire group"), (.onlineExposure, "social media"), (.onlineExposure, "post online"),
            (.health, "food poisoning"), (.legal, "take legal action"),
        ] {
            out.append(Keyword(scalars: phrase.unicodeScalars.map(\.value), signal: signal, wholeWord: true))
        }
        return out
    }()

    static let byFirstScalar: [UInt32: [Keyword]] = Dictionary(grouping: keywords, by: { $0.scalars.first ?? 0 })
    static let firstScalars = ScalarFilter(byFirstScalar.keys)

    /// Bit mask of the signals present in `s`.
    static func scan(_ s: [UInt32]) -> UInt16 {
        var mask: UInt16 = 0
        var i = 0
        while i < s.count {
            if firstScalars.mayContain(s[i]), let candidates = byFirstScalar[s[i]] {
                for keyword in candidates where mask & keyword.signal.bit == 0 {
                    let n = keyword.scalars.count
                    guard i + n <= s.count else { continue }
                    var same = true
                    for k in 0..<n where s[i + k] != keyword.scalars[k] {
                        same = false
                        break
                    }
                    guard same else { continue }
                    if keyword.wholeWord {
                        if i > 0, DateScanner.isAlnum(s[i - 1]) { continue }
                        if i + n < s.count, DateScanner.isAlnum(s[i + n]) { continue }
                    }
                    mask |= keyword.signal.bit
                }
            }
            i += 1
        }
        return mask
    }
}
