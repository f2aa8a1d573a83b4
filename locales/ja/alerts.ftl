# Rust 側が表示する期限の通知：デスクトップ通知、トレイのツールチップとメニュー、ウィンドウタイトルの件数。

## 期限の対象（トレイのメニューに収まる短さで）
alert-what-case-reply = 注文 { $label } のケース
alert-what-refund = 返金 { $label }
alert-what-service-question = 問い合わせ { $label }
alert-what-identity-verification = 本人確認 { $label }
alert-what-feedback-removal = 評価 { $label }
alert-what-tracking = 追跡番号 { $label }

## 期限の時刻（マーケットプレイスのタイムゾーン）
alert-deadline-today = { $time }（{ $zone }）
alert-deadline-date = { $month }月{ $day }日 { $time }（{ $zone }）

## 1 件の通知
alert-title-left = { $what }：残り{ $time }
alert-title-due-now = { $what }：期限になりました
alert-title-overdue = { $what }：期限を{ $time }過ぎています
alert-body-case-reply = { $deadline }までに回答してください。過ぎると CSBA が回答を待たずに判断します。
alert-body-case-reply-overdue = 回答期限（{ $deadline }）を過ぎました。CSBA は回答を待たずに判断します。遅れても回答には意味があります。
alert-body-refund = { $deadline }までに購入者へ返金してください。
alert-body-refund-overdue = 返金期限（{ $deadline }）を過ぎました。すぐに購入者へ返金してください。
alert-body-service-question = CSBA チームからの回答は{ $deadline }までに届く予定です。
alert-body-service-question-overdue = CSBA チームの回答期限（{ $deadline }）を過ぎました。改めて問い合わせてください。
alert-body-identity-verification = { $deadline }までにセラーセントラルで本人確認を済ませてください。過ぎると CSBA の登録が失効します。
alert-body-identity-verification-overdue = CSBA の登録は{ $deadline }に失効しました。もう一度登録してください。
alert-body-feedback-removal = 削除の依頼は{ $deadline }までです。過ぎるとこの評価は削除できなくなります。
alert-body-feedback-removal-overdue = この評価の削除を依頼できる期間は{ $deadline }に終わりました。
alert-body-tracking = { $deadline }までに追跡番号を入力して出荷を確定してください。
alert-body-tracking-overdue = 出荷期限（{ $deadline }）を過ぎました。すぐに追跡番号を入力して出荷を確定してください。

## 同時に複数：1 件の通知にまとめる
alert-group-title = 対応が必要な期限が{ $count }件あります
alert-group-more = ほか{ $count }件

## 一覧の 1 行（トレイのメニュー、まとめた通知）
alert-upcoming-in = { $what } — あと{ $time }
alert-upcoming-now = { $what } — 期限です
alert-upcoming-overdue = { $what } — { $time }超過

## トレイのツールチップ
tray-due-case-reply = 回答待ちのケース { $count }件
tray-due-refund = 返金待ち { $count }件
tray-due-service-question = 未回答の問い合わせ { $count }件
tray-due-identity-verification = 本人確認の期限 { $count }件
tray-due-feedback-removal = 削除依頼の締め切りが近い評価 { $count }件
tray-due-tracking = 追跡番号の入力待ち { $count }件
tray-due-mixed = 期限が近いもの { $count }件
tray-overdue = 期限切れ { $count }件
tray-overdue-and-due = 期限切れ { $overdue }件、期限間近 { $due }件
tray-tooltip-next = { $counts } · 次の期限まで{ $time }
tray-tooltip-calm-next = 期限間近のものはありません · 次の期限まで{ $time }

## トレイのメニュー
tray-nothing-due = 期限間近のものはありません
tray-more-deadlines = ほか{ $count }件…
tray-sync-now = 今すぐ同期
tray-pause-menu = 通知を一時停止
tray-pause-hour = 通知を1時間停止
tray-pause-morning = 通知を明日の朝まで停止
tray-resume = 通知を再開
tray-open = CSBA Desk を開く
tray-quit = 終了

## 初めてウィンドウを閉じたときに一度だけ
tray-close-hint-title = CSBA Desk は動作中です
tray-close-hint-body = ウィンドウを閉じても CSBA Desk はシステムトレイで動き続け、期限の通知も届きます。終了するときはトレイのメニューから選んでください。

## 通知の一時停止、ウィンドウタイトル、テスト通知
alert-paused-until = { $time }まで通知を停止中
alerts-window-title-count = CSBA Desk ({ $count })
alert-test-title = CSBA Desk の通知は正常に届いています
alert-test-body = 期限の通知はこのように表示されます。

## 期限までの時間、または過ぎてからの時間
duration-days = { $days }日
duration-days-hours = { $days }日{ $hours }時間
duration-hours = { $hours }時間
duration-hours-minutes = { $hours }時間{ $minutes }分
duration-minutes = { $minutes }分
duration-under-a-minute = 1分未満

## csba alerts コマンド
cli-alerts-would-tell = 今送られる通知：
cli-alerts-nothing-to-tell = 今送られる通知はありません。
cli-alerts-held = おやすみ時間または一時停止のため、{ $count }件の通知を保留しています。
cli-alerts-deadlines = 期限の一覧：
cli-alerts-no-deadlines = 期限のあるものはありません。
cli-alerts-zone-unknown = タイムゾーン「{ $zone }」は不明です。{ "Asia/Tokyo" } のような { "IANA" } の名前で指定してください。
cli-alerts-at-invalid = 「{ $at }」は日時として読めません。{ "2026-12-02T09:00:00+09:00" } のように { "RFC 3339" } 形式で指定してください。
