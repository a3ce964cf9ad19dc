/// The words the tone reader knows, in simplified Chinese and lower-case English (traditional Chinese is folded
/// to simplified before reading, so one list serves both). Written for what people publish about a travel
/// company: news about complaints and regulators, posts about trips, reviews. Each entry is a whole word or
/// phrase; a longer entry wins over a shorter one at the same place (不错 is praise although 错 is not).
enum ToneLexicon {
    enum Role: Equatable {
        /// Adds its weight (negative for criticism) to the passage.
        case polar(Double)
        /// Flips the next polar word within a few words or characters (不, not, never).
        case negator
        /// Strengthens the next polar word (非常, very).
        case intensifier(Double)
        /// Softens what came before it in the sentence (但是, but): the part after the turn decides.
        case contrast
    }

    static let negativeStrong = """
        垃圾|恶劣|欺诈|诈骗|骗子|黑心|宰客|坑人|坑爹|无良|恶心|愤怒|气愤|崩溃|噩梦|最差|太差|极差|差劲|糟透|离谱|
        无耻|缺德|非法|霸王条款|强制购物|食物中毒|受伤|事故|死亡|溺亡|翻车|被困|滞留|暴力|殴打|辱骂|威胁|曝光|违法|
        horrible|terrible|awful|disgusting|worst|appalling|atrocious|scam|scammed|fraud|fraudulent|nightmare|furious|
        outrageous|outraged|disgraceful|dreadful|abysmal|pathetic|useless|rip-off|ripoff|injured|injury|dangerous|
        stranded|abandoned|poisoning|unacceptable|shameful|hate|hated|disaster|disastrous
        """
    static let negative = """
        差|坏|烂|脏|乱|臭|吵|贵|慢|假|骗|坑|投诉|维权|欺骗|上当|忽悠|糟糕|失望|不满|不爽|生气|郁闷|无语|后悔|遗憾|
        委屈|难受|难吃|难看|难闻|恶意|敷衍|推诿|推脱|拖延|扯皮|冷漠|态度差|不负责任|不专业|不合理|不公平|不靠谱|
        不值|不行|不好|不卫生|缩水|降级|货不对板|与宣传不符|不符|虚假|违规|违约|违反|处罚|罚款|立案|调查|约谈|
        通报|整改|质疑|争议|纠纷|拒绝|拒不|退款难|索赔|赔偿|延误|晚点|取消|故障|抛锚|问题|隐患|漏水|发霉|蟑螂|
        臭虫|异味|拥挤|破旧|简陋|吐槽|差评|避雷|踩雷|踩坑|劝退|被坑|被骗|受骗|维权难|讨说法|闹心|心寒|寒心|
        一般|凑合|不怎么样|不咋地|不满意|不推荐|不值得|不太好|不好用|太贵|偏贵|太慢|太小|太吵|太旧|太脏|太差|很差|
        退货|退换|售后差|客服差|质量差|质量问题|做工差|缺陷|毛病|瑕疵|破损|损坏|坏了|死机|卡顿|发热|噪音|异响|掉漆|
        漏|霉味|潮湿|油腻|冷漠|粗鲁|无礼|傲慢|刁难|欺负|糊弄|应付|忽悠人|乱收费|收费高|加价|涨价|宰|黑店|骗钱|
        浪费|失败|错误|危险|风险|危机|丑闻|腐败|违纪|事故频发|伤亡|死亡|遇难|受害|受害者|痛苦|悲剧|可怜|可惜|
        担心|担忧|害怕|恐惧|焦虑|烦|烦人|讨厌|厌恶|恼火|火大|崩|吵闹|混乱|拖欠|欠款|跑路|倒闭|停业|罚|通报批评|
        谴责|批评|指责|质问|抗议|投诉不断|不作为|乱象|隐瞒|欺瞒|虚报|造假|假冒|山寨|劣质|低劣|差强人意|
        bad|poor|worse|dirty|rude|broken|noisy|smelly|expensive|overpriced|slow|late|delayed|delay|cancelled|canceled|
        complaint|complaints|complain|complained|disappointed|disappointing|disappointment|unhappy|angry|upset|annoyed|
        frustrated|frustrating|mess|messy|problem|problems|issue|fault|faulty|fail|failed|failure|refused|refuse|
        refund|misleading|misled|lied|lie|lies|fake|false|cheated|cheat|unfair|unprofessional|unhelpful|ignored|
        regret|sorry|sadly|unfortunately|lacking|mediocre|boring|uncomfortable|cramped|filthy|stinks|stink|worn|
        shabby|crowded|chaos|chaotic|lawsuit|sue|sued|investigation|investigated|fined|penalty|violation|violated|
        criticised|criticized|criticism|backlash|outcry|protest|protests|angered|downgraded|downgrade|stuck|
        negligence|negligent|waste|wasted|avoid|poorly|badly|hassle|inconvenient|sick|ill|lack|lacked|lacks|
        wrong|flawed|flaw|flaws|misguided|mistake|mistakes|error|errors|blunder|failing|fails|failures|crisis|scandal|
        corrupt|corruption|threat|threaten|threatens|threatened|harm|harmful|damage|damaged|damaging|danger|risk|risky|
        weak|weaker|weakness|decline|declined|declining|loss|losses|lose|losing|lost|worst-case|unfairly|unjust|
        injustice|abuse|abused|abusive|fear|fears|afraid|worry|worried|worrying|concern|concerned|troubling|trouble|
        troubled|crime|criminal|illegal|violence|violent|attack|attacked|kill|killed|deadly|death|deaths|die|died|
        dead|victim|victims|suffer|suffered|suffering|pain|painful|sad|sadly|tragic|tragedy|hostile|hostility|ugly|
        stupid|foolish|absurd|ridiculous|shame|shameful|embarrassing|embarrassment|incompetent|reckless|careless|
        irresponsible|dishonest|deceptive|deceive|deceived|mislead|misleads|cheap|cheaply|dull|tedious|annoying|
        disgusted|dismal|bleak|grim|gloomy|hopeless|useless|pointless|worthless|inadequate|insufficient|unable|
        difficult|difficulty|hard-pressed|burden|costly|dispute|conflict|chaotic|unrest|collapse|collapsed|crash|
        crashed|shortage|shortages|delays|layoffs|fired|resign|resigned|denied|deny|denies|reject|rejected|rejects|
        oppose|opposed|opposition|condemn|condemned|blame|blamed|accuse|accused|allegation|allegations|lawsuits|
        penalties|sanctions|ban|banned|broke|breaks|breakdown|dirty|noisy|terrible|horrendous|inferior|unreliable|
        rubbish|garbage|junk|overrated|disappoint|disappoints|regrettable|unsafe|unhealthy|stale|cold|rude|slowly
        """
    static let positiveStrong = """
        非常满意|超级棒|完美|极好|一流|惊艳|感动|赞不绝口|强烈推荐|五星好评|
        excellent|outstanding|superb|fantastic|wonderful|amazing|perfect|brilliant|exceptional|delightful|
        magnificent|marvelous|marvellous|flawless|love|loved|highly recommend|best
        """
    static let positive = """
        好|棒|赞|满意|不错|优秀|贴心|周到|热情|开心|愉快|舒适|舒服|干净|整洁|值得|喜欢|惊喜|专业|及时|妥善|圆满|
        称赞|点赞|好评|推荐|温馨|方便|划算|超值|实惠|美丽|漂亮|好吃|好玩|好看|放心|安心|顺利|感谢|谢谢|认可|
        表扬|负责|耐心|细心|快|准时|靠谱|物超所值|性价比高|宽敞|安静|新鲜|美味|难忘|精彩|友好|礼貌|积极|妥当|
        没问题|解决|解决了|已解决|道歉|致歉|退还|全额退款|补偿到位|
        good|great|nice|fine|clean|comfortable|friendly|helpful|pleasant|enjoyed|enjoy|enjoyable|happy|glad|
        satisfied|recommend|recommended|beautiful|lovely|delicious|tasty|worth|value|efficient|professional|
        polite|kind|courteous|attentive|spacious|quiet|convenient|smooth|reliable|punctual|on time|well|better|
        fun|memorable|impressive|impressed|thanks|thank|grateful|appreciate|appreciated|resolved|solved|apologised|
        apologized|apology|refunded|compensated|praise|praised|success|successful|positive|fair|generous|cozy|cosy|
        improve|improved|improves|improvement|improving|progress|strong|stronger|strength|benefit|benefits|beneficial|
        win|wins|won|winning|gain|gains|gained|support|supported|supports|effective|effectively|hope|hopeful|welcome|
        welcomed|achieve|achieved|achievement|accomplished|advance|advanced|boost|boosted|growth|grow|growing|healthy|
        safe|safer|secure|stable|stability|peace|peaceful|wise|smart|clever|honest|sincere|fairly|just|popular|
        respected|respect|trust|trusted|trustworthy|confident|confidence|optimistic|promising|encouraging|
        remarkable|impressive|notable|valuable|useful|worthwhile|thoughtful|creative|innovative|elegant|charming|
        fascinating|interesting|exciting|excited|thrilled|pleased|delighted|joy|joyful|love|loves|lovely|like|likes|
        liked|favorite|favourite|best|finest|superior|recommendable|affordable|bargain|friendly|warm|warmly|
        gracious|responsive|prompt|quick|quickly|easy|easily|comfortable|relaxing|relaxed|enjoyable|beautifully|
        stunning|gorgeous|perfectly|splendid|terrific|awesome|cool|solid|sturdy|reliable|durable|fast|clean|tidy
        """
    static let negators = """
        不|没|没有|未|无|别|非|并不|毫不|从不|从未|决不|绝不|不太|不怎么|不是很|
        not|no|never|without|hardly|barely|neither|nor|cannot|cant|dont|doesnt|didnt|isnt|wasnt|arent|werent|
        wont|wouldnt|couldnt|shouldnt|havent|hasnt|hadnt|nothing|nobody|none
        """
    static let intensifiers = """
        很|非常|太|极其|极|特别|十分|超|超级|真|真的|好几|实在|相当|格外|尤其|太过|过于|简直|完全|彻底|严重|
        very|extremely|really|so|too|totally|absolutely|completely|utterly|terribly|incredibly|highly|seriously|
        truly|quite|super|especially|particularly|deeply|awfully
        """
    /// Words that hold a polar or negating character without its meaning (好像 "seems", 无论 "whatever",
    /// 不仅 "not only"): matched as themselves, they weigh nothing.
    static let neutral = """
        好像|只好|好多|正好|刚好|最好|好不容易|好久|问好|好几|不好意思|无论|不管|不得不|不仅|不但|不只|无法|
        尽快|快递|快要|赶快|快捷|说好|说好的|好的|真相|非常规|不久|差不多|差点|没想到|不一定|好奇|
        as well|well as|no doubt|not only|no matter|fine print
        """
    static let contrasts = "但|但是|可是|不过|然而|却|but|however|yet|although|though|whereas"

    /// Every entry with its role. Where a word appears twice, the later list wins (so 不好 is negative, not a
    /// negator followed by praise, however the lists grow).
    static let entries: [String: Role] = {
        var table: [String: Role] = [:]
        func add(_ list: String, _ role: Role) {
            for word in list.split(whereSeparator: { $0 == "|" || $0 == "\n" }) {
                let trimmed = word.trimmingCharacters(in: .whitespaces)
                if !trimmed.isEmpty { table[trimmed] = role }
            }
        }
        add(intensifiers, .intensifier(1.6))
        add(negators, .negator)
        add(contrasts, .contrast)
        add(neutral, .polar(0))
        add(positive, .polar(1))
        add(positiveStrong, .polar(2))
        add(negative, .polar(-1))
        add(negativeStrong, .polar(-2))
        return table
    }()
}
