/// Composes hotel and trip reviews from aspects and opinions, so background text is as varied
/// as real reviews rather than a handful of repeated lines.
enum ReviewComposer {
    static let chineseAspects = [
        "早餐", "房间", "空调", "隔音", "床垫", "卫生间", "无线网络", "服务员", "前台", "位置", "停车场", "泳池", "电梯", "枕头", "热水",
        "窗外景色", "地毯", "大堂", "健身房", "晚餐", "导游讲解", "行程安排", "大巴座椅", "景区排队", "自由活动时间", "退款进度", "客服电话",
        "发票", "保险理赔", "接机服务",
    ]
    static let chineseOpinions = [
        "一般", "太差了", "有点小", "不太干净", "很吵", "很慢", "还可以", "不错", "很好", "有异味", "需要改进", "让人失望", "比较旧",
        "不够热情", "太贵了", "很方便", "没有想象的好", "挺满意的",
    ]
    static let englishAspects = [
        "breakfast", "room", "air conditioning", "wifi", "pool", "front desk", "bed", "bathroom", "location", "guide", "bus seats",
        "refund", "hotline", "invoice",
    ]
    static let englishOpinions = ["was poor", "was fine", "was too small", "was noisy", "was slow", "was great", "could be better", "was dirty"]

    static func chinese(_ slots: [String: String], random r: inout SeededRandom) -> String {
        var text = ""
        if r.chance(0.4) { text += r.pick(["住的{hotel}", "{date}入住{hotel}，", "这次{dest}行程，", "{hotel}"]) }
        for _ in 0..<r.int(1...3) {
            text += r.pick(chineseAspects) + r.pick(chineseOpinions) + r.pick(["，", "。", "；", "！"])
        }
        return Template.render(text, slots)
    }

    static func english(_ slots: [String: String], random r: inout SeededRandom) -> String {
        var text = r.chance(0.4) ? Template.render(r.pick(["At {hotelEn}, ", "Stayed at {hotelEn}: ", "On {dateEn}, "]), slots) : ""
        for _ in 0..<r.int(1...3) { text += "the " + r.pick(englishAspects) + " " + r.pick(englishOpinions) + ". " }
        return text
    }
}
