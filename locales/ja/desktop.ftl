# デスクトップアプリの Rust 側が表示する文言。
desk-window-title = CSBA Desk
# 期限通知のアクションボタン。
notification-open = 開く
