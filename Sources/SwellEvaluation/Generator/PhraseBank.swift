/// Everything a complaint says around its problem: openings, context, feelings, escalation
/// threats and demands, in Chinese and English; and the background of unrelated complaints.
enum PhraseBank {
    static let chineseOpenings = [
        "", "", "我要投诉！", "你好，", "投诉：", "本人", "我们一家", "我和父母", "各位领导好，", "实在忍不了了，",
        "我是贵社的老客户，", "反映一个问题：",
    ]
    static let chineseContext = [
        "{date}出发的{dest}团，", "参加了{date}的{dest}{days}日游，", "报名了{product}线路，", "{date}跟团去{dest}，",
        "我们是{product}团的游客，{date}出发，", "{dest}{days}天团（{date}出发），", "参团去{dest}，", "这次{dest}之行，",
        "团号{product}，", "{date}那一团，",
    ]
    static let chineseFeelings = [
        "", "", "", "真的太气人了！！", "再也不会报你们的团了。", "整个假期都毁了。", "花钱买罪受。", "太失望了。",
        "简直是欺诈消费者。", "带着老人孩子出去玩，遭这种罪。", "心情非常糟糕。",
    ]
    static let chineseEscalations = [
        "已经投诉到12315了。", "我们准备找媒体曝光。", "已经联系了律师，准备起诉。", "团里已经建了维权群，大家要集体维权。",
        "会发到微博和抖音上让大家看看。", "已经打了12345热线。", "会向旅游局和消协反映。", "记者已经联系我们了。",
        "已经向12301旅游投诉热线投诉。",
    ]
    static let chineseDemands = [
        "", "要求全额退款。", "要求退还差价并赔偿。", "请尽快给个说法。", "要求赔偿损失。", "希望旅行社道歉并赔偿。",
        "要求按合同双倍赔偿。", "请给我回电话。",
    ]

    static let englishOpenings = ["", "", "Complaint: ", "Hello, ", "I am writing to complain. ", "Dear customer service, "]
    static let englishContext = [
        "We joined the {dest} tour departing {dateEn}. ", "Our group left on {dateEn} for {dest}. ",
        "Booking {product}, departure {dateEn}. ", "On the {dest} trip ({product}), ", "We travelled to {dest}. ", "",
    ]
    static let englishFeelings = [
        "", "", "Absolutely unacceptable!", "Our holiday was ruined.", "Never again with your company.", "Very disappointed.",
    ]
    static let englishEscalations = [
        "We have contacted a lawyer.", "We will go to the media about this.", "I have reported this to 12315.",
        "The whole group is taking collective action.", "A journalist has already called us.", "We will post this online.",
    ]
    static let englishDemands = ["", "We demand a full refund.", "Please compensate us.", "Please call me back.", "We want an apology and compensation."]

    /// One-person problems and reviews that sound like incidents but are not.
    static let chineseBackground = [
        "酒店位置不错，但是早餐一般，房间有点小。", "{hotel}的服务员态度很好，就是隔音差，晚上很吵。", "房间空调坏了，找了前台两次才修好。",
        "我的行李在机场丢了，航空公司说会赔偿但一直没消息。", "退款申请提交一个月了还没到账，请尽快处理。", "发票开错了，请重新开具。",
        "导游讲解很专业，就是行程有点赶。", "想改一下出发日期，客服电话一直打不通。", "{hotel}离景点太远，每天坐车很累。",
        "{date}的团能不能加一个人？", "旅行社收据上的金额不对，多收了{amount}元。", "手机APP下单后一直显示待支付。",
        "我个人在{attraction}摔了一跤，导游处理得还算及时，但保险理赔太慢。", "大巴车座位太窄，坐得腰疼。", "团餐太咸了，不合口味。",
        "酒店的早餐种类太少，每天都一样。", "我在购物店买的东西回来发现是假货，想退货。", "领队人挺好，就是普通话不太标准。",
        "报名时说有儿童优惠，结果没有给我减免。", "{flight}航班上的餐食很难吃。", "护照在酒店前台押了一晚，感觉不安全。",
        "房间里有蚊子，晚上没睡好。", "我们的房间被安排在一楼，窗户对着垃圾站。", "希望下次行程能多留点自由活动时间。",
        "孩子在酒店泳池被划伤了脚，酒店只给了创可贴。", "景区排队时间太长，导游没有提前订票。", "订单取消后定金没有退回。",
        "积分兑换的礼品一直没有寄出。", "客服态度敷衍，问题一直没有解决。", "签证材料清单写得不清楚，来回跑了三次。",
    ]
    static let englishBackground = [
        "The hotel was fine but breakfast was poor and the room small.", "My suitcase was lost at the airport and nobody follows up.",
        "Refund requested a month ago, still nothing.", "The guide was knowledgeable but the schedule was too tight.",
        "Could you change my departure date? The hotline never answers.", "The air conditioning in my room did not work for a night.",
        "The food on flight {flight} was awful.", "The invoice shows the wrong amount, please correct it.",
        "Our room at {hotelEn} faced the car park and was noisy.", "I bought a fake watch at a shop on the tour and want to return it.",
    ]

    /// Words added to spread a paraphrase: small talk that carries no evidence.
    static let chineseFillers = ["说实话，", "总之，", "另外，", "还有，", "最过分的是，", "", "", ""]
}
