# Rust 端显示的截止提醒文字：桌面通知、托盘的提示文字和菜单、窗口标题中的数量。

## 截止事项的简称（托盘菜单要尽量短）
alert-what-case-reply = 订单 { $label } 的案例
alert-what-refund = 退款 { $label }
alert-what-service-question = 咨询 { $label }
alert-what-identity-verification = 身份验证 { $label }
alert-what-feedback-removal = 反馈 { $label }
alert-what-tracking = 追踪号 { $label }

## 截止时间，按站点所在时区显示
alert-deadline-today = { $time }（{ $zone }）
alert-deadline-date = { $month }月{ $day }日 { $time }（{ $zone }）

## 单条通知
alert-title-left = { $what }：还剩 { $time }
alert-title-due-now = { $what }：已到截止时间
alert-title-overdue = { $what }：已超时 { $time }
alert-body-case-reply = 请在 { $deadline }前回复，否则 CSBA 将不等您的回复直接处理。
alert-body-case-reply-overdue = 回复期限 { $deadline }已过，CSBA 将不等您的回复直接处理；现在回复仍然有用。
alert-body-refund = 请在 { $deadline }前为买家退款。
alert-body-refund-overdue = 退款期限 { $deadline }已过，请立即为买家退款。
alert-body-service-question = CSBA 团队应在 { $deadline }前答复您的咨询。
alert-body-service-question-overdue = CSBA 团队的答复期限 { $deadline }已过，请再次跟进咨询。
alert-body-identity-verification = 请在 { $deadline }前到卖家平台完成身份验证，否则 CSBA 注册将失效。
alert-body-identity-verification-overdue = CSBA 注册已于 { $deadline }失效，请重新注册。
alert-body-feedback-removal = 请在 { $deadline }前申请删除，逾期后这条反馈将无法删除。
alert-body-feedback-removal-overdue = 申请删除这条反馈的期限已于 { $deadline }结束。
alert-body-tracking = 请在 { $deadline }前录入追踪号，确认发货。
alert-body-tracking-overdue = 最晚发货时间 { $deadline }已过，请立即录入追踪号确认发货。

## 多条同时到来：合并为一条通知
alert-group-title = 有 { $count } 项截止事项需要您处理
alert-group-more = 还有 { $count } 项

## 列表中的一项（托盘菜单、合并通知）
alert-upcoming-in = { $what } — { $time }后截止
alert-upcoming-now = { $what } — 现在截止
alert-upcoming-overdue = { $what } — 已超时 { $time }

## 托盘的提示文字
tray-due-case-reply = { $count } 个案例待回复
tray-due-refund = { $count } 笔退款待处理
tray-due-service-question = { $count } 条咨询尚未答复
tray-due-identity-verification = { $count } 项身份验证待完成
tray-due-feedback-removal = { $count } 条反馈的删除申请即将截止
tray-due-tracking = { $count } 个订单待录入追踪号
tray-due-mixed = { $count } 项事项即将截止
tray-overdue = { $count } 项已超时
tray-overdue-and-due = { $overdue } 项已超时，{ $due } 项即将截止
tray-tooltip-next = { $counts } · 下一项 { $time }后截止
tray-tooltip-calm-next = 暂无即将截止的事项 · 下一项 { $time }后截止

## 托盘菜单
tray-nothing-due = 暂无即将截止的事项
tray-more-deadlines = 还有 { $count } 项…
tray-sync-now = 立即同步
tray-pause-menu = 暂停提醒
tray-pause-hour = 暂停提醒 1 小时
tray-pause-morning = 暂停提醒到明天早上
tray-resume = 恢复提醒
tray-open = 打开 CSBA Desk
tray-quit = 退出

## 第一次关闭窗口时提示一次
tray-close-hint-title = CSBA Desk 仍在运行
tray-close-hint-body = 关闭窗口后，CSBA Desk 会继续在系统托盘中运行，截止提醒照常送达。如需退出，请使用托盘菜单。

## 暂停提醒、窗口标题、测试通知
alert-paused-until = 提醒已暂停至 { $time }
alerts-window-title-count = CSBA Desk ({ $count })
alert-test-title = CSBA Desk 的通知可以正常显示
alert-test-body = 截止提醒将以这种样式显示。

## 距截止还有多久，或已超时多久
duration-days = { $days }天
duration-days-hours = { $days }天{ $hours }小时
duration-hours = { $hours }小时
duration-hours-minutes = { $hours }小时{ $minutes }分钟
duration-minutes = { $minutes }分钟
duration-under-a-minute = 不到1分钟

## csba alerts 命令
cli-alerts-would-tell = 此刻会发出的提醒：
cli-alerts-nothing-to-tell = 此刻不会发出提醒。
cli-alerts-held = 有 { $count } 条提醒因免打扰时段或暂停而延后。
cli-alerts-deadlines = 截止事项：
cli-alerts-no-deadlines = 没有截止事项。
cli-alerts-zone-unknown = 无法识别时区“{ $zone }”。请填写 { "IANA" } 时区名称，例如 { "Asia/Tokyo" }。
cli-alerts-at-invalid = “{ $at }”不是有效的日期时间。请按 { "RFC 3339" } 格式填写，例如 { "2026-12-02T09:00:00+09:00" }。
