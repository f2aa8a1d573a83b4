# CSBA 计划页面（每个店铺和站点一张卡片）、费用估算，以及案例页面的回复语言和回复模板。

## 计划页面
program-heading = CSBA 计划
program-subheading = 亚马逊客户服务（CSBA）在各店铺和站点的状态：覆盖哪些订单、还需要做什么、费用多少。
program-list-label = 注册情况
program-empty = 此店铺和站点暂无注册记录。下次同步后会显示。
program-card-title = { $store } · { $marketplace }
program-times-in = 时间按 { $zone } 显示

## 状态
program-state-not-enrolled = 未注册
program-state-pending-identity-verification = 等待身份验证
program-state-pending-activation = 即将开始
program-state-active = 已生效
program-state-paused = 已暂停
program-state-lapsed = 已失效

## 时间线
program-timeline-label = 时间线
program-event-enrolled = 注册时间
program-event-lapses = 未完成身份验证将失效
program-event-activates = CSBA 接管时间
program-event-active-since = 生效时间
program-event-paused-since = 暂停时间
program-event-lapsed = 失效时间
program-activation-estimate = 注册后约 { $hours } 小时。亚马逊只说“几个小时”，所以这个时间是估算的。
program-activation-exact = 注册后 { $hours } 小时。
program-lapse-left = 距身份验证截止还剩 { $days } 天 { $hours } 小时。
program-lapse-note = 请在此之前在卖家平台（Seller Central）完成身份验证。超过 14 天注册将失效，需要重新注册。
program-periods-label = CSBA 负责回复新订单买家的时段
program-period = { $from } – { $until }
program-period-open = { $from } – 至今

## 覆盖范围
program-coverage-not-enrolled = CSBA 只覆盖生效之后下的订单。此前的订单由您自己回复。
program-coverage-pending = CSBA 接管之前下的订单不在覆盖范围内，这些买家需要由您自己回复。
program-coverage-active = CSBA 生效之前下的订单不在覆盖范围内，这些买家需要由您自己回复。
program-coverage-paused = CSBA 暂停期间，新的卖家自配送订单由您自己回复。CSBA 生效期间下的订单仍在覆盖范围内。

## 资格要求
program-checklist-label = 资格要求
program-requirement-professional-plan = 专业销售计划
program-requirement-good-standing = 账户状况良好
program-requirement-identity-verified = 已完成身份验证
program-requirement-responsive-contact = 有能在 24 小时内（含周末和节假日）回复 CSBA 的联系人
program-requirement-terms-accepted = 已接受最新的 CSBA 条款
program-requirement-invitation = 亚马逊的邀请
program-requirement-other = 要求“{ $code }”
program-check-met = 已满足
program-check-blocks = 未满足：必须完成才能注册
program-check-delays = 未满足：可以先注册，但完成后 CSBA 才会开始
program-check-by-enrolling = 注册时接受

## 注册、暂停、恢复
program-terms-version = 条款版本 { $version }
program-terms-accept = 我已阅读并接受 CSBA 条款（版本 { $version }）。
program-enroll = 注册 CSBA
program-enrolling = 正在注册…
program-enroll-blocked = 请先完成上面未满足的要求，然后再注册。
program-pause = 暂停 CSBA
program-pause-title = 要暂停 { $marketplace } 上的 CSBA 吗？
program-pause-body = 暂停确认后，新的卖家自配送订单将由您自己回复。CSBA 生效期间下的订单仍在覆盖范围内。
program-pause-confirm = 暂停
program-resume = 恢复 CSBA
program-resume-title = 要恢复 { $marketplace } 上的 CSBA 吗？
program-resume-body = CSBA 会再次等待启用延迟（约 { $hours } 小时）后才接管。在此之前下的订单由您自己回复。
program-resume-confirm = 恢复
program-dialog-cancel = 取消
program-pending-queued = { $action }：等待发送。
program-pending-sending = { $action }：正在发送…
program-pending-failed = { $action }被拒绝：{ $problem }
program-pending-outbox = 可在发件箱页面重试或放弃。

## 免费试用和费用
program-trial-label = 免费试用
program-trial-left = 免费试用还剩 { $days } 天，到 { $date } 为止。
program-trial-period = 免费试用：{ $start } – { $end }
program-fee-label = 当前费用（根据最近三个月）
program-fee-none = CSBA 生效后才会计算费用。
program-fee-in-trial = 免费试用期间不收费。
program-fee-units = 发货 { $units } 件，买家联系 { $contacts } 次
program-fee-cpu = 每件联系率
program-fee-cpu-value = { $cpu }%
program-fee-tier = 档位
program-fee-tier-value = 第 { $tier } 档
program-fee-tier-flat = 固定费用：件数太少，联系率不可靠
program-fee-per-unit = 每件费用
program-fee-total = 合计

## 费用估算
fee-whatif-label = 估算一下…
fee-whatif-intro = 输入三个月的发货件数和买家联系次数，按当前费率表估算费用。
fee-whatif-units = 发货件数
fee-whatif-contacts = 买家联系次数
fee-whatif-submit = 估算费用
fee-whatif-working = 正在估算…
fee-whatif-whole-number = 请输入 0 或更大的整数。

## 回复语言和模板（案例页面）
reply-lang-label = 回复语言
reply-lang-queued = 已将{ $language }回复加入发件箱，连上服务后就会发出。
template-menu = 模板
template-menu-label = { $language }回复模板
template-none = 还没有{ $language }模板。写好回复后可以保存为模板。
template-delete = 删除
template-delete-label = 删除模板“{ $name }”
template-save = 保存为模板
template-name-label = 模板名称
template-save-confirm = 保存模板
template-cancel = 取消
template-saved = 已保存{ $language }模板“{ $name }”。
template-deleted = 已删除模板“{ $name }”。
template-inserted = 已插入模板“{ $name }”。
