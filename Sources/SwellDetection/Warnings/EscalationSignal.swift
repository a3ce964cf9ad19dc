import SwellCore

extension EscalationSignal {
    /// The signal's bit in a complaint's signal mask: its place among all signals (a handful, compared as cases).
    var bit: UInt16 { Self.allCases.firstIndex(of: self).map { UInt16(1) << UInt16($0) } ?? 0 }

    /// Set of signals packed in a bit mask.
    static func decode(_ mask: UInt16) -> [EscalationSignal] { allCases.filter { mask & $0.bit != 0 } }
}

/// Finds ``EscalationSignal``s in normalised text (simplified Chinese, lower case: traditional characters are
/// already simplified, so one keyword list serves both). Keywords are words and phrases complainants use, never
/// product or place names; Latin keywords must stand as whole words ("sue" is not in "issue").
enum EscalationSignalScanner {
    struct Keyword {
        var scalars: [UInt32]
        var signal: EscalationSignal
        /// `signal.bit`, worked out once.
        var bit: UInt16
        var wholeWord: Bool
    }

    /// Per signal, keywords separated by `|` (so English phrases may hold spaces).
    static let vocabulary: [(EscalationSignal, String)] = [
        (.regulatorReferral,
         "12315|12345|12301|消协|消费者协会|消保委|旅游局|文旅局|文化和旅游局|旅游质监|质监所|市场监管|市监局|工商局|监管部门|"
            + "旅游投诉处理机构|信访|regulator|regulators|consumer association|consumer council|tourism bureau|"
            + "tourism authority|trading standards|ombudsman|consumer protection"),
        (.mediaAttention,
         "媒体|记者|报社|电视台|新闻|报道|央视|曝光|journalist|journalists|reporter|reporters|the media|the press|newspaper|"
            + "tv station|news channel"),
        (.legalThreat,
         "律师|起诉|诉讼|法院|打官司|法律途径|律师函|lawyer|lawyers|attorney|solicitor|sue|suing|sued|lawsuit|legal action|"
            + "go to court|take them to court|court case|small claims"),
        (.safety,
         "受伤|骨折|住院|医院|急诊|食物中毒|中毒|上吐下泻|拉肚子|腹泻|呕吐|救护车|车祸|翻车|溺水|摔伤|流血|昏迷|安全隐患|"
            + "injured|injury|injuries|hospital|hospitalised|hospitalized|food poisoning|poisoning|ambulance|vomiting|"
            + "diarrhea|diarrhoea|accident|car crash|bus crash|coach crash|unsafe|safety hazard|emergency room"),
        (.gathering,
         "聚集|横幅|堵门|围堵|静坐|示威|抗议|霸机|集体上门|集体到门店|集体到公司|集体去门店|集体去公司|门店讨说法|现场维权|"
            + "sit-in|staged a protest|held a protest|protest outside|protesting outside|protesters|banner|banners|"
            + "blockade|blockaded|refused to leave|gathered outside"),
        (.socialMedia,
         "微博|抖音|小红书|热搜|朋友圈|发帖|发到网上|网上曝光|视频号|黑猫投诉|viral|weibo|douyin|tiktok|twitter|facebook|"
            + "instagram|xiaohongshu|social media|post online|posted online|posting online"),
        (.collectiveAction,
         "集体维权|联名|维权群|一起维权|全团|整团|所有团员|大家一起|集体投诉|collective|all of us|whole group|entire group|"
            + "group chat|joint complaint"),
    ]

    static let keywords: [Keyword] = vocabulary.flatMap { signal, words in
        words.split(separator: "|").map { word in
            let scalars = word.unicodeScalars.map(\.value)
            return Keyword(scalars: scalars, signal: signal, bit: signal.bit, wholeWord: scalars.allSatisfy { $0 < 0x80 })
        }
    }

    static let byFirstScalar: [UInt32: [Keyword]] = Dictionary(grouping: keywords, by: { $0.scalars.first ?? 0 })
    static let firstScalars = ScalarFilter(byFirstScalar.keys)

    /// Bit mask of the signals present in `s`.
    static func scan(_ s: [UInt32]) -> UInt16 {
        var mask: UInt16 = 0
        var i = 0
        let filter = firstScalars
        while i < s.count {
            // A Latin keyword stands as a whole word: inside a word (a letter or digit before) none can start.
            let insideWord = s[i] < 0x80 && i > 0 && DateScanner.isAlnum(s[i - 1])
            if !insideWord, filter.mayContain(s[i]), let candidates = byFirstScalar[s[i]] {
                for keyword in candidates where mask & keyword.bit == 0 {
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
