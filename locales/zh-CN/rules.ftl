# CSBA 规则：站点、节假日、期限、注册、费用。

## 站点数据
marketplace-data-unknown = 未知站点“{ $value }”。请填写 JP 或 US。
marketplace-data-error-unknown-marketplace = 未知站点。请填写 JP 或 US。
marketplace-data-error-data-invalid = CSBA Desk 内置的站点规则已损坏，请重新安装应用。
marketplace-data-error-no-rules-in-force = 该站点在这一日期没有适用的 CSBA 规则。
marketplace-data-channel-email = 邮件
marketplace-data-channel-phone = 电话
marketplace-data-channel-chat = 在线聊天
marketplace-data-channel-sms = 短信

## 节假日
holiday-error-holiday-year-out-of-range = 暂无该年份的公共假日数据，无法计算工作日。
holiday-new-years-day = 元旦
holiday-coming-of-age-day = 成人节
holiday-national-foundation-day = 建国纪念日
holiday-emperors-birthday = 天皇诞辰
holiday-vernal-equinox-day = 春分日
holiday-showa-day = 昭和日
holiday-constitution-memorial-day = 宪法纪念日
holiday-greenery-day = 绿之日
holiday-childrens-day = 儿童节
holiday-marine-day = 海之日
holiday-mountain-day = 山之日
holiday-respect-for-the-aged-day = 敬老日
holiday-autumnal-equinox-day = 秋分日
holiday-sports-day = 体育日
holiday-culture-day = 文化日
holiday-labour-thanksgiving-day = 勤劳感谢日
holiday-enthronement-day = 天皇即位日
holiday-enthronement-ceremony-day = 即位礼正殿之仪举行日
holiday-substitute-holiday = 补休日
holiday-citizens-holiday = 国民休息日
holiday-martin-luther-king-jr-day = 马丁·路德·金纪念日
holiday-washingtons-birthday = 华盛顿诞辰纪念日
holiday-memorial-day = 阵亡将士纪念日
holiday-juneteenth = 六月节（奴隶解放纪念日）
holiday-independence-day = 独立日
holiday-labor-day = 劳动节
holiday-columbus-day = 哥伦布日
holiday-veterans-day = 退伍军人节
holiday-thanksgiving-day = 感恩节
holiday-christmas-day = 圣诞节

## 期限
deadline-date = { $year }年{ $month }月{ $day }日（星期{ $weekday ->
        [1] 一
        [2] 二
        [3] 三
        [4] 四
        [5] 五
        [6] 六
       *[7] 日
    }）
deadline-refund-due = 请在 { $date } { $time }（{ $zone }）前完成退款：即退货送达后第二个工作日结束时。逾期后，亚马逊可能代您向买家退款。
deadline-case-respond-by = 请在 { $date } { $time }（UTC）前回复：即案例创建后 24 小时，周末和节假日也计算在内。
deadline-error-timestamp = “{ $value }”不是有效的日期时间。请使用 { "RFC 3339" } 格式，例如 { "2026-11-20T10:00:00+09:00" }。
deadline-error-ambiguous-local-time = 按该站点的时区，这一天的结束时间无法确定。
deadline-alert-six-hours = 距离回复此案例的期限已不足 6 小时（剩余 { $time }）。
deadline-alert-two-hours = 距离回复此案例的期限已不足 2 小时（剩余 { $time }）。
deadline-alert-thirty-minutes = 距离回复此案例的期限只剩 30 分钟以内（剩余 { $time }）。
deadline-alert-overdue = 此案例已超时 { $time }，CSBA 将自行判断处理。

## 注册
enrollment-state-not-enrolled = 未注册
enrollment-state-pending-identity-verification = 等待身份验证
enrollment-state-pending-activation = 即将开始
enrollment-state-active = 服务中
enrollment-state-paused = 已暂停
enrollment-state-lapsed = 已失效，请重新注册
enrollment-error-not-invited = 该站点的 CSBA 仅限受邀卖家参加，此账户尚未收到邀请。
enrollment-error-already-enrolled = 此账户已在该站点注册 CSBA。
enrollment-error-not-enrolled = 此账户尚未在该站点注册 CSBA。
enrollment-error-not-active = CSBA 当前未在服务中，无法暂停。
enrollment-error-not-paused = CSBA 当前未暂停，无法恢复。
enrollment-error-not-pending-verification = 此注册并未处于等待身份验证的状态。
enrollment-error-lapsed-reenroll-required = 从注册到通过身份验证已超过 14 天，注册已失效，请重新注册。
enrollment-error-event-before-last-change = 此操作的时间早于该注册的上一次变更。
enrollment-requirement-professional-plan = 专业销售计划
enrollment-requirement-good-standing = 账户状况良好
enrollment-requirement-identity-verified = 已通过身份验证（通过验证后 CSBA 才会开始）
enrollment-requirement-responsive-contact = 有人在 24 小时内回复 CSBA 的查询（包括周末和节假日）
enrollment-requirement-terms-accepted = 已同意 CSBA 计划条款
enrollment-requirement-invitation = 已收到亚马逊的邀请
enrollment-activation-estimate = CSBA 预计在注册约 { $hours } 小时后开始。亚马逊只说明“数小时后”，此时间仅为估算。

## 费用
fees-summary = { $marketplace }：每件商品联系率 { $cpu }%，第 { $tier } 档。费用：每件 { $fee } × { $units } 件 = { $total }。
fees-summary-unreliable = { $marketplace }：{ $units } 件的销量太少，每件商品联系率（{ $cpu }%）不具参考性，因此按统一费率收费：每件 { $fee } × { $units } 件 = { $total }。
fees-in-trial = 该日期在免费试用期内，不收取费用。
fees-amount-usd = { $amount } 美元
fees-amount-jpy = { $amount } 日元
fees-error-date = “{ $value }”不是有效的日期。请使用 { "YYYY-MM-DD" } 格式。
fees-error-fee-overflow = 数值过大，无法计算费用。
