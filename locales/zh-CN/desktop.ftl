# 桌面应用由 Rust 端直接显示的文字。
desk-window-title = CSBA Desk
# 截止提醒通知上的操作按钮。
notification-open = 打开
