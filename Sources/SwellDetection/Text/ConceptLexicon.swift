/// A small bilingual vocabulary of complaint concepts (hotel, delay, food poisoning…), so a
/// Chinese and an English complaint about the same failure share features. General domain
/// words only: never names of hotels, airlines or places.
enum ConceptLexicon {
    static let table: [(chinese: String, english: String)] = [
        ("酒店 宾馆 旅馆 住宿 房间 入住", "hotel room motel resort accommodation stay"),
        ("降级 不符 达不到 标准 星级 宣传", "downgrad standard brochure promis star"),
        ("脏 污渍 霉味 漏水 卫生太差", "dirty mould mold filthy stain leak smell"),
        ("大巴 巴士 旅游车 车辆 接送", "coach bus vehicle"),
        ("抛锚 坏了 故障 熄火 冒烟", "broke breakdown engine smoke"),
        ("购物 购物店 玉石店 珠宝", "shop shopping jewellery jewelry jade store"),
        ("导游 领队 地陪", "guide leader"),
        ("团餐 饭菜 用餐 晚饭 海鲜 餐厅 食物", "dinner meal food seafood restaurant eat ate"),
        ("呕吐 腹泻 拉肚子 食物中毒 上吐下泻 发烧 腹痛", "vomit vomiting diarrhea diarrhoea poisoning ill sick fell"),
        ("住院 医院 急诊", "hospital hospitalis hospitaliz"),
        ("航班 飞机 机场 转机 回程", "flight airport plane connection return"),
        ("延误 晚点 取消 滞留 改签", "delay cancel strand"),
        ("行程 景点 删减 压缩 没有去", "itinerary sight skip skipp cut"),
        ("甩团 丢在 扔在 失联", "abandon disappear"),
        ("辱骂 骂人 恶劣 威胁 推搡 吵架", "insult shout threaten rude"),
        ("邮轮 船 舱 靠港 港口", "cruise cabin port ship"),
        ("签证 拒签", "visa"),
        ("退款 退还 退钱 全额退", "refund"),
        ("收费 费用 小费 加收 自费 附加费", "charge fee tip extra paid pay"),
        ("超售 没有房间 预订记录 没有订好", "overbook"),
        ("赔偿 补偿", "compensat compensation"),
    ]

    struct ChineseForm {
        var scalars: [UInt32]
        var concept: Int
    }

    static let chineseForms: [UInt32: [ChineseForm]] = {
        var forms: [ChineseForm] = []
        for (index, entry) in table.enumerated() {
            for word in entry.chinese.split(separator: " ") {
                forms.append(ChineseForm(scalars: word.unicodeScalars.map(\.value), concept: index))
            }
        }
        return Dictionary(grouping: forms, by: { $0.scalars.first ?? 0 })
    }()

    static let firstScalars = ScalarFilter(chineseForms.keys)

    /// Stemmed English word hash → concept.
    static let englishForms: [UInt64: Int] = {
        var forms: [UInt64: Int] = [:]
        for (index, entry) in table.enumerated() {
            for word in entry.english.split(separator: " ") {
                forms[StableHash.fnv1a(Stemmer.stem(word.unicodeScalars.map(\.value)))] = index
            }
        }
        return forms
    }()

    static let seed: UInt64 = 0x3c6e_f372_fe94_f82b

    /// Feature hash of each concept, in table order.
    static let orderedFeatures: [UInt32] = (0..<table.count).map(feature)

    /// Feature hashes of every concept, sorted.
    static let features: [UInt32] = (0..<table.count).map(feature).sorted()

    /// Whether a feature hash is a concept (binary search in 21 sorted values: no hashing).
    @inline(__always)
    static func isConcept(_ feature: UInt32) -> Bool {
        var low = 0
        var high = features.count
        while low < high {
            let mid = (low + high) >> 1
            if features[mid] < feature { low = mid + 1 } else { high = mid }
        }
        return low < features.count && features[low] == feature
    }

    /// Feature hash of a concept.
    static func feature(_ concept: Int) -> UInt32 {
        FeatureExtractor.fold(StableHash.mix(seed ^ UInt64(concept)))
    }

    /// Concepts named in a run of CJK scalars.
    static func chineseConcepts(_ s: [UInt32], _ range: Range<Int>, into found: inout Set<Int>) {
        for i in range {
            guard firstScalars.mayContain(s[i]), let forms = chineseForms[s[i]] else { continue }
            for form in forms where !found.contains(form.concept) && i + form.scalars.count <= range.upperBound {
                var same = true
                for k in 0..<form.scalars.count where s[i + k] != form.scalars[k] {
                    same = false
                    break
                }
                if same { found.insert(form.concept) }
            }
        }
    }
}
