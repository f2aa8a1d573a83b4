# 设置页面与窗口内提醒（ui/src/settings、ui/src/alerts）。托盘和系统通知的文字由 Rust 端提供，见 alerts.ftl。

settings-heading = 设置
settings-subheading = 设置 CSBA Desk 在截止时间前何时提醒你，以及它在这台电脑上如何运行。

## 截止时间提醒

settings-deadlines-heading = 截止时间提醒
settings-deadlines-intro = 为每类截止时间选择提前多久提醒。同一事项在每个时间点只提醒一次，重启后也不会重复；电脑休眠期间错过了多个时间点的，醒来后只按最紧急的合并提醒一次。
settings-kind-case-reply = 案例 24 小时内回复
settings-kind-case-reply-hint = 案例须在 24 小时内回复，否则 CSBA 将不等你的答复直接处理。
settings-kind-refund = 退货到达后退款
settings-kind-refund-hint = 退货送达后，须在站点规定的工作日内给买家退款。
settings-kind-service-question = 向 CSBA 团队提出的咨询
settings-kind-service-question-hint = CSBA 团队应在 48 小时内答复；超过时间仍未答复时，CSBA Desk 会提醒你。
settings-kind-identity-verification = 日本站身份验证
settings-kind-identity-verification-hint = 日本站的注册若未在 14 天内完成身份验证，将会失效。
settings-kind-feedback-removal = 差评移除期限
settings-kind-feedback-removal-hint = 差评在留下后 90 天内可申请移除；这些提醒针对的是最后几天。
settings-kind-tracking = 最晚发货时间前上传追踪号
settings-kind-tracking-hint = 须在订单的最晚发货时间之前，用追踪号确认发货。
settings-unit-hours = 小时
settings-unit-minutes = 分钟
settings-threshold-label = 第 { $number } 个提醒：{ $when }
settings-threshold-hours-label = 提前的小时数（第 { $number } 个提醒）
settings-threshold-minutes-label = 提前的分钟数（第 { $number } 个提醒）
settings-threshold-before = 提前 { $duration }
settings-threshold-when-passes = 到期时
settings-threshold-unreadable = 请填写整数
settings-threshold-not-a-number = 小时和分钟请填写整数，例如 2 和 30。
settings-threshold-remove = 删除提醒（{ $when }）
settings-add-threshold = 添加提醒
settings-add-when-passes = 到期时提醒
settings-reset-kind = 恢复默认
settings-defaults-are = 默认：{ $list }
settings-list-none = 不提醒
settings-no-thresholds = 此类截止时间不提醒。
settings-section-unsaved = 未保存
settings-duration-days = { $days }天
settings-duration-hours = { $hours }小时
settings-duration-minutes = { $minutes }分钟
settings-duration-hours-minutes = { $hours }小时{ $minutes }分钟

## 免打扰时段

settings-quiet-heading = 免打扰时段
settings-quiet-intro = 免打扰时段内暂不提醒，期间出现的事项会在时段结束后再告诉你。
settings-quiet-enabled = 在免打扰时段内暂停提醒
settings-quiet-start = 开始
settings-quiet-end = 结束
settings-quiet-next-day = 次日
settings-quiet-zone = 按这台电脑的时钟（{ $zone }）计算。
settings-quiet-due-inside = 在免打扰时段内到期的事项仍然提醒
settings-quiet-time-missing = 请填写时间，例如 22:00。

## 暂停提醒

settings-pause-heading = 暂停提醒
settings-pause-intro = 开会或休息时使用，立即生效；暂停期间到期的事项会在恢复提醒后告诉你。
settings-not-paused = 提醒已开启。
settings-paused-until = 提醒已暂停，将于 { $time } 恢复。
settings-snooze-hour = 暂停 1 小时
settings-snooze-morning = 暂停到明天早上
settings-snooze-off = 恢复提醒

## 窗口与启动

settings-window-heading = 窗口与启动
settings-tray-available = CSBA Desk 在系统托盘中有图标，显示有多少事项即将到期。
settings-close-to-tray = 关闭窗口后，CSBA Desk 继续在托盘中运行
settings-close-to-tray-hint = 窗口关闭后仍会收到提醒。要退出，请在托盘菜单中选择“退出”。
settings-autostart = 登录这台电脑时自动启动 CSBA Desk
settings-autostart-unavailable = 此系统不支持在登录时自动启动应用。
settings-applies-at-once = 立即生效。

## 语言

settings-language-heading = 语言
settings-language-label = CSBA Desk 的显示语言
settings-language-hint = 窗口、提醒和托盘菜单都使用此语言，立即生效。

## 桌面通知

settings-notifications-heading = 桌面通知
settings-notifications-available = CSBA Desk 的桌面通知已开启。
settings-test-notification = 发送测试通知
settings-test-sending = 正在发送…
settings-test-delivered = 已发送。如果没有看到，请检查系统的通知设置。
settings-test-failed = 测试通知未能送达。{ $reason }
settings-unavailable-unknown = 此桌面不支持该功能。
desktop-no-tray-host = 此桌面没有系统托盘。请让 CSBA Desk 的窗口保持打开（最小化也可以），窗口标题会显示即将到期的事项数量。
desktop-no-notification-daemon = 此桌面没有通知服务。提醒会改为显示在 CSBA Desk 窗口顶部，直到你关闭为止。
desktop-notifications-denied = 系统设置中已关闭 CSBA Desk 的通知。请在系统设置中开启；在此之前，提醒只会显示在窗口内。

## 更新

settings-updates-heading = 更新
settings-updates-intro = CSBA Desk 每 6 小时自动检查一次新版本。只有签名与 CSBA Desk 的签名密钥相符的更新才会被安装。
settings-updates-version = 当前版本
settings-updates-last-check = 上次检查
settings-updates-never-checked = 尚未检查
settings-updates-idle = 自 CSBA Desk 启动以来尚未检查。
settings-updates-checking = 正在检查新版本…
settings-updates-up-to-date = CSBA Desk 已是最新版本。
settings-updates-available = 有新版本 { $version } 可用。
settings-updates-downloading = 正在下载版本 { $version }…
settings-updates-downloading-percent = 正在下载版本 { $version }…{ $percent }%
settings-updates-installing = 正在安装版本 { $version }，完成后 CSBA Desk 将自动重启。
settings-updates-not-installed = 未安装版本 { $version }。
settings-updates-check-failed = 检查新版本失败。
settings-updates-notes = 更新内容
settings-updates-check = 检查更新
settings-updates-install = 安装并重启

## 保存

settings-save = 保存
settings-saving = 正在保存…
settings-saved = 已保存。
settings-all-saved = 没有未保存的更改。
settings-unsaved = 有未保存的更改
settings-not-saved = 未保存：请修改标出的项目。
settings-discard = 放弃更改

## 窗口内提醒（桌面无法显示通知时）

desk-alert-dismiss = 关闭
desk-alert-open = 打开
desk-alert-open-case = 打开订单 { $id } 的案例
desk-alert-open-order = 打开订单 { $id }
desk-alert-open-returns = 打开退货 { $id }
desk-alert-open-questions = 打开订单 { $id } 的咨询
desk-alert-open-enrollment = 打开 CSBA 计划
desk-alert-open-feedback = 打开订单 { $id } 的反馈
