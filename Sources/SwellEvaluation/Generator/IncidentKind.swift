/// Kinds of tour-operator failures that turn into group complaints.
public enum IncidentKind: String, Sendable, CaseIterable {
    case hotelDowngrade, coachBreakdown, forcedShopping, foodPoisoning, flightDelay, itineraryCut, guideMisconduct,
        cruiseProblem, visaRefusal, extraFees, overbooking

    /// Problem clauses in Chinese: each a different way of telling the same failure.
    var chinese: [String] {
        switch self {
        case .hotelDowngrade:
            [
                "合同上写的是五星级酒店，实际入住的{hotel}根本达不到标准", "说好的{hotel}临时被换成了偏远的小旅馆",
                "{hotel}房间又脏又旧，和宣传图片完全不一样", "酒店被降级了，所谓的{hotel}就是个快捷酒店",
                "住的{hotel}床单有污渍，卫生间漏水，跟合同约定的标准差太远", "旅行社擅自把酒店从{hotel}换到郊区",
                "入住{hotel}才发现是三星的标准，价格却按五星收", "订的海景房变成了没有窗户的房间，{hotel}前台说就这样",
            ]
        case .coachBreakdown:
            [
                "旅游大巴{plate}在高速上抛锚，我们在路边等了{hours}个小时", "大巴车{plate}半路坏了，空调也不制冷，老人都中暑了",
                "车辆严重老化，{plate}这辆车一路上坏了两次", "接送的大巴{plate}发动机冒烟，司机说修不好，也没有替换车",
                "大巴故障导致行程延误{hours}小时，一天的景点全泡汤了", "旅游车在山路上熄火，全车人被困了{hours}个多小时",
            ]
        case .forcedShopping:
            [
                "导游强迫购物，一天进了{n}个购物店", "不买东西导游就甩脸色，还不让我们上车", "行程里说是纯玩团，结果天天被拉去购物店",
                "导游在玉石店里把我们关了{hours}个小时，不消费不让走", "被导游逼着买高价的乳胶枕和珠宝，不买就骂人",
                "所谓的零购物团，实际每天至少两个购物点，导游还要求每人消费{amount}元",
            ]
        case .foodPoisoning:
            [
                "在{restaurant}吃完团餐后，很多人上吐下泻", "团餐不卫生，吃完{restaurant}的晚饭好几个人食物中毒进了医院",
                "晚上在{restaurant}用餐后全团一半人腹泻发烧", "{restaurant}的海鲜不新鲜，吃了以后呕吐拉肚子",
                "团里的老人和孩子吃了{restaurant}的饭菜后住院了", "用餐后集体出现腹痛呕吐，怀疑是{restaurant}的食物有问题",
            ]
        case .flightDelay:
            [
                "航班{flight}延误了{hours}个小时，旅行社没有任何安排", "{flight}被取消，我们在机场滞留了一整夜没人管",
                "回程航班{flight}延误，领队失联，没有安排餐食和住宿", "因为{flight}航班延误错过了转机，额外花了{amount}元",
                "{flight}晚点{hours}小时，旅行社不肯承担任何责任", "原定的{flight}被改签到第二天，行程少了一天也不退钱",
            ]
        case .itineraryCut:
            [
                "行程单上的{attraction}没有去，导游说时间不够", "旅行社擅自删减行程，{attraction}只在车上看了一眼",
                "合同约定的{attraction}被换成了购物点", "少去了三个景点，包括{attraction}，也不给任何补偿",
                "原本两天的{attraction}行程被压缩成半天", "说好的{attraction}门票包含在团费里，结果要我们自费",
            ]
        case .guideMisconduct:
            [
                "导游中途甩团，把我们丢在{attraction}不管了", "领队态度恶劣，当众辱骂游客", "导游因为我们不参加自费项目就威胁我们",
                "导游喝酒上班，还跟游客吵架", "地陪把我们扔在{attraction}门口自己走了，等了{hours}个小时没人来接",
                "导游对老人出言不逊，还推搡游客",
            ]
        case .cruiseProblem:
            [
                "{ship}邮轮的海景房变成了内舱房", "{ship}取消了两个靠港点，只在海上漂着", "邮轮{ship}上的餐厅卫生太差，很多人不舒服",
                "登船当天才通知{ship}行程变更，原定港口不去了", "{ship}船上的房间有霉味，空调坏了也没人修",
            ]
        case .visaRefusal:
            [
                "旅行社没有按时递交签证材料，我们全部被拒签", "签证没办下来，旅行社拒绝退还团费",
                "出发前一天才通知签证出了问题，扣了{amount}元损失费", "材料是按要求交的，旅行社耽误了办签证还不退钱",
            ]
        case .extraFees:
            [
                "临时加收{amount}元自费项目费用", "被要求额外交{amount}元小费，不交导游就不带我们玩",
                "团费已经包含的门票又让我们交了一遍，每人{amount}元", "到了当地被强制收取{amount}元的燃油附加费",
                "导游以各种名义收费，每人多花了{amount}元",
            ]
        case .overbooking:
            [
                "到了{hotel}却说没有房间，半夜才安排住处", "{hotel}超售，我们一家被安排到很远的地方住",
                "晚上十一点到{hotel}被告知没有预订记录", "旅行社根本没有订好{hotel}，全团在大堂等了{hours}个小时",
            ]
        }
    }

    /// Problem clauses in English.
    var english: [String] {
        switch self {
        case .hotelDowngrade:
            [
                "We were promised a five-star hotel but were put in {hotelEn}, a run-down motel",
                "The hotel was downgraded without notice; {hotelEn} was nothing like the brochure",
                "Our room at {hotelEn} was dirty and the bathroom leaked, far below the standard in the contract",
                "The agency moved us from {hotelEn} to a cheap place far out of town",
            ]
        case .coachBreakdown:
            [
                "The coach {plate} broke down on the highway and we waited {hours} hours by the road",
                "Our tour bus broke down twice, no air conditioning, elderly people got heatstroke",
                "The bus engine caught smoke and no replacement coach came for {hours} hours",
            ]
        case .forcedShopping:
            [
                "The guide forced us into {n} shops a day and refused to let us back on the bus unless we bought something",
                "It was sold as a no-shopping tour but every day we were taken to jewellery shops",
                "The guide locked us in a jade store for {hours} hours and insulted people who did not buy",
            ]
        case .foodPoisoning:
            [
                "After the group dinner at {restaurantEn} many of us had vomiting and diarrhea",
                "Several people got food poisoning after eating at {restaurantEn} and went to hospital",
                "Half the group fell ill after the seafood at {restaurantEn}",
            ]
        case .flightDelay:
            [
                "Flight {flight} was delayed {hours} hours and the agency arranged nothing",
                "Flight {flight} was cancelled and we were stranded at the airport overnight",
                "Our return flight {flight} was delayed, the tour leader disappeared, no meals or hotel",
            ]
        case .itineraryCut:
            [
                "We never went to {attractionEn} although it was on the itinerary",
                "The agency cut the itinerary; {attractionEn} was replaced by a shopping stop",
                "Three sights including {attractionEn} were skipped without any compensation",
            ]
        case .guideMisconduct:
            [
                "The guide abandoned our group at {attractionEn} and never came back",
                "The tour leader shouted at and insulted passengers", "The guide threatened us for not joining paid extras",
            ]
        case .cruiseProblem:
            [
                "Our sea-view cabin on the {shipEn} became an inside cabin", "The {shipEn} skipped two ports of call",
                "The cabin on the {shipEn} smelled of mould and the air conditioning never worked",
            ]
        case .visaRefusal:
            [
                "The agency submitted the visa papers late and we were all refused",
                "Our visas were not issued and the agency refuses to refund the tour fee",
            ]
        case .extraFees:
            [
                "We were charged an extra {amount} yuan for optional activities", "The guide demanded {amount} yuan in tips from each of us",
                "We paid again for tickets already included, {amount} yuan per person",
            ]
        case .overbooking:
            [
                "When we reached {hotelEn} there were no rooms, we got a place to sleep after midnight",
                "{hotelEn} was overbooked and our family was sent to another town",
            ]
        }
    }

    /// Whether the kind names a hotel, coach, restaurant, flight, ship or sight.
    var usesHotel: Bool { self == .hotelDowngrade || self == .overbooking }
}
