# デスクトップアプリの Rust 側が表示する文言。
desk-window-title = CSBA Desk
# 期限通知のアクションボタン。
notification-open = 開く
notification-test-title = CSBA Desk のテスト通知
notification-test-body = 期限のお知らせはこのように表示されます。
