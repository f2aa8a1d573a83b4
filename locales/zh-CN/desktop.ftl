# 桌面应用由 Rust 端直接显示的文字。
desk-window-title = CSBA Desk
