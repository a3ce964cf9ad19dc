/// Made-up names for the places and vehicles of generated incidents.
enum NamePool {
    struct Destination {
        var chinese: String
        var english: String
        var code: String
    }

    static let destinations = [
        Destination(chinese: "云南", english: "Yunnan", code: "YN"), Destination(chinese: "泰国", english: "Thailand", code: "TH"),
        Destination(chinese: "日本", english: "Japan", code: "JP"), Destination(chinese: "澳洲", english: "Australia", code: "AU"),
        Destination(chinese: "欧洲", english: "Europe", code: "EU"), Destination(chinese: "新疆", english: "Xinjiang", code: "XJ"),
        Destination(chinese: "海南", english: "Hainan", code: "HN"), Destination(chinese: "越南", english: "Vietnam", code: "VN"),
        Destination(chinese: "韩国", english: "Korea", code: "KR"), Destination(chinese: "西藏", english: "Tibet", code: "XZ"),
    ]
    static let chineseStems = [
        "海景", "金陵", "皇冠", "锦江", "凯悦", "君澜", "华美", "东方", "银河", "翠湖", "明珠", "天域", "蓝湾", "金沙", "白云", "碧水",
        "龙腾", "新港", "星辰", "半岛", "椰林", "雪峰", "丽都", "长城",
    ]
    static let englishStems = [
        "Grand", "Royal", "Ocean", "Lotus", "Golden", "Pearl", "Palm", "Harbour", "Crystal", "Sunrise", "Jade", "Silver", "Coral",
        "Emerald", "Summit", "Lakeside",
    ]
    static let hotelSuffixes = ["大酒店", "酒店", "宾馆", "酒店"]
    static let restaurantSuffixes = ["餐厅", "酒家", "海鲜酒楼", "餐厅"]
    static let airlines = ["CA", "MU", "CZ", "HU", "3U", "MF", "ZH", "9C", "SC", "FM"]
    static let provinces = Array("京沪粤川浙苏鲁云琼桂闽渝").map(String.init)
    static let attractions = [
        ("玉龙雪山", "Jade Dragon Snow Mountain"), ("洱海", "Erhai Lake"), ("大峡谷", "the Grand Canyon"), ("歌剧院", "the Opera House"),
        ("普吉岛", "Phuket Island"), ("清迈古城", "Chiang Mai Old City"), ("富士山", "Mount Fuji"), ("天池", "Heavenly Lake"),
        ("布达拉宫", "the Potala Palace"), ("下龙湾", "Ha Long Bay"), ("济州岛", "Jeju Island"), ("蜈支洲岛", "Wuzhizhou Island"),
    ]
    static let suppliers = ["阳光地接社", "环球国旅", "星途旅行社", "悦行假期", "远方旅游", "Blue Sky Travel", "Pacific Tours"]

    /// A name of one or two stems (Chinese) and its English counterpart.
    static func stemPair(_ random: inout SeededRandom) -> (chinese: String, english: String) {
        let chinese = random.chance(0.3) ? random.pick(chineseStems) + random.pick(chineseStems) : random.pick(chineseStems)
        let english = random.chance(0.5) ? random.pick(englishStems) + " " + random.pick(englishStems) : random.pick(englishStems)
        return (chinese, english)
    }
}
