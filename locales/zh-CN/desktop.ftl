# 桌面应用由 Rust 端直接显示的文字。
desk-window-title = CSBA Desk
# 截止提醒通知上的操作按钮。
notification-open = 打开
notification-test-title = CSBA Desk 测试通知
notification-test-body = 截止提醒就会以这样的形式出现。
