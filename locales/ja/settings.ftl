# 設定画面とウィンドウ内の通知（ui/src/settings、ui/src/alerts）。トレイと通知そのものの文言は Rust 側の alerts.ftl にあります。

settings-heading = 設定
settings-subheading = 期限の前に CSBA Desk がいつ知らせるか、このパソコンでどう動くかを設定します。

## 期限の通知

settings-deadlines-heading = 期限の通知
settings-deadlines-intro = 期限の種類ごとに、どれだけ前に知らせるかを選びます。通知は期限ごと・タイミングごとに 1 回だけで、再起動しても繰り返しません。スリープ中に複数のタイミングを過ぎた場合は、いちばん差し迫ったものを 1 回だけ知らせます。
settings-kind-case-reply = ケースへの 24 時間以内の返信
settings-kind-case-reply-hint = ケースには 24 時間以内に返信してください。過ぎると、CSBA があなたの返信を待たずに対応を決めます。
settings-kind-refund = 返品到着後の返金
settings-kind-refund-hint = 返品が届いたら、マーケットプレイスが定める営業日以内に購入者へ返金してください。
settings-kind-service-question = CSBA チームへの問い合わせ
settings-kind-service-question-hint = CSBA チームは 48 時間以内に回答することになっています。回答がないまま過ぎたら CSBA Desk が通知します。
settings-kind-identity-verification = JP の本人確認
settings-kind-identity-verification-hint = JP の登録は、14 日以内に本人確認が済まないと失効します。
settings-kind-feedback-removal = 評価の削除依頼の期限
settings-kind-feedback-removal-hint = 低評価は投稿から 90 日以内なら削除を依頼できます。ここではその最後の数日を通知します。
settings-kind-tracking = 出荷期限までの追跡番号
settings-kind-tracking-hint = 注文の出荷期限までに、追跡番号を付けて出荷を通知してください。
settings-unit-hours = 時間
settings-unit-minutes = 分
settings-threshold-label = 通知 { $number }：{ $when }
settings-threshold-hours-label = 期限の何時間前か（通知 { $number }）
settings-threshold-minutes-label = 期限の何分前か（通知 { $number }）
settings-threshold-before = { $duration }前
settings-threshold-when-passes = 期限を過ぎたとき
settings-threshold-unreadable = 整数で入力してください
settings-threshold-not-a-number = 時間と分は整数で入力してください（例：2 と 30）。
settings-threshold-remove = 通知を削除（{ $when }）
settings-add-threshold = 通知を追加
settings-add-when-passes = 期限を過ぎたときに通知
settings-reset-kind = 初期設定に戻す
settings-defaults-are = 初期設定：{ $list }
settings-list-none = なし
settings-no-thresholds = この期限は通知しません。
settings-section-unsaved = 未保存
settings-duration-days = { $days }日
settings-duration-hours = { $hours }時間
settings-duration-minutes = { $minutes }分
settings-duration-hours-minutes = { $hours }時間{ $minutes }分

## おやすみ時間

settings-quiet-heading = おやすみ時間
settings-quiet-intro = おやすみ時間のあいだは通知を控え、その間に出てきたものは終わってから通知します。
settings-quiet-enabled = おやすみ時間は通知を控える
settings-quiet-start = 開始
settings-quiet-end = 終了
settings-quiet-next-day = 翌日
settings-quiet-zone = このパソコンの時計（{ $zone }）の時刻です。
settings-quiet-due-inside = おやすみ時間中に期限を迎えるものは通知する
settings-quiet-time-missing = 時刻を入力してください（例：22:00）。

## 通知の一時停止

settings-pause-heading = 通知の一時停止
settings-pause-intro = 会議中や休みの夜に。すぐに反映されます。停止中に期限が近づいたものは、再開したときに通知します。
settings-not-paused = 通知はオンです。
settings-paused-until = { $time } まで通知を停止しています。
settings-snooze-hour = 1 時間停止
settings-snooze-morning = 明日の朝まで停止
settings-snooze-off = 通知を再開

## ウィンドウと起動

settings-window-heading = ウィンドウと起動
settings-tray-available = システムトレイに CSBA Desk のアイコンがあり、期限が近いものを示します。
settings-close-to-tray = ウィンドウを閉じても CSBA Desk をトレイで動かし続ける
settings-close-to-tray-hint = ウィンドウを閉じても通知は届きます。終了するには、トレイのメニューで「終了」を選びます。
settings-autostart = このパソコンにサインインしたら CSBA Desk を起動する
settings-autostart-unavailable = このシステムには、サインイン時にアプリを起動する仕組みがありません。
settings-applies-at-once = すぐに反映されます。

## 言語

settings-language-heading = 言語
settings-language-label = CSBA Desk の表示言語
settings-language-hint = ウィンドウ、通知、トレイのメニューに使われます。すぐに反映されます。

## デスクトップ通知

settings-notifications-heading = デスクトップ通知
settings-notifications-available = CSBA Desk のデスクトップ通知はオンです。
settings-test-notification = テスト通知を送る
settings-test-sending = 送信中…
settings-test-delivered = 送信しました。表示されない場合は、システムの通知設定を確認してください。
settings-test-failed = テスト通知は届きませんでした。{ $reason }
settings-unavailable-unknown = このデスクトップでは使えません。
desktop-no-tray-host = このデスクトップにはシステムトレイがありません。代わりに CSBA Desk のウィンドウを開いたままにしてください（最小化してもかまいません）。タイトルに期限が近いものの数が出ます。
desktop-no-notification-daemon = このデスクトップには通知の仕組みがありません。代わりに通知は CSBA Desk のウィンドウ上部に表示され、閉じるまで残ります。
desktop-notifications-denied = システムの設定で CSBA Desk の通知がオフになっています。そちらでオンにしてください。それまでは、通知はウィンドウ内にだけ表示されます。

## アップデート

settings-updates-heading = アップデート
settings-updates-intro = CSBA Desk は 6 時間ごとに新しいバージョンを自動で確認します。署名が CSBA Desk の署名鍵と一致するアップデートだけがインストールされます。
settings-updates-version = このバージョン
settings-updates-last-check = 前回の確認
settings-updates-never-checked = まだ確認していません
settings-updates-idle = CSBA Desk の起動後はまだ確認していません。
settings-updates-checking = 新しいバージョンを確認しています…
settings-updates-up-to-date = CSBA Desk は最新の状態です。
settings-updates-available = バージョン { $version } を利用できます。
settings-updates-downloading = バージョン { $version } をダウンロードしています…
settings-updates-downloading-percent = バージョン { $version } をダウンロードしています…{ $percent }%
settings-updates-installing = バージョン { $version } をインストールしています。完了すると CSBA Desk が再起動します。
settings-updates-not-installed = バージョン { $version } はインストールされませんでした。
settings-updates-check-failed = 新しいバージョンを確認できませんでした。
settings-updates-notes = 新機能と変更点
settings-updates-check = アップデートを確認
settings-updates-install = インストールして再起動

## 保存

settings-save = 保存
settings-saving = 保存中…
settings-saved = 保存しました。
settings-all-saved = 未保存の変更はありません。
settings-unsaved = 未保存の変更があります
settings-not-saved = 保存できませんでした。印の付いた項目を直してください。
settings-discard = 変更を取り消す

## ウィンドウ内の通知（デスクトップが通知を表示できないとき）

desk-alert-dismiss = 閉じる
desk-alert-open = 開く
desk-alert-open-case = 注文 { $id } のケースを開く
desk-alert-open-order = 注文 { $id } を開く
desk-alert-open-returns = 返品 { $id } を開く
desk-alert-open-questions = 注文 { $id } の問い合わせを開く
desk-alert-open-enrollment = CSBA プログラムを開く
desk-alert-open-feedback = 注文 { $id } の評価を開く
