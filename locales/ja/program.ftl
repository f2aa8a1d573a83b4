# CSBA プログラム画面（ストアとマーケットプレイスごとのカード）、手数料の試算、ケース画面の返信言語と返信テンプレート。

## プログラム画面
program-heading = CSBA プログラム
program-subheading = ストアとマーケットプレイスごとの Amazon カスタマーサービス（CSBA）の状況です。対象となる注文、残っている手続き、手数料を確認できます。
program-list-label = 登録状況
program-empty = このストアとマーケットプレイスの登録はまだありません。次の同期のあとに表示されます。
program-card-title = { $store } · { $marketplace }
program-times-in = 時刻は { $zone } で表示

## 状態
program-state-not-enrolled = 未登録
program-state-pending-identity-verification = 本人確認待ち
program-state-pending-activation = まもなく開始
program-state-active = 有効
program-state-paused = 一時停止中
program-state-lapsed = 失効

## タイムライン
program-timeline-label = タイムライン
program-event-enrolled = 登録
program-event-lapses = 本人確認が済まないと失効
program-event-activates = CSBA の対応開始
program-event-active-since = 有効になった日時
program-event-paused-since = 一時停止した日時
program-event-lapsed = 失効した日時
program-activation-estimate = 登録から約 { $hours } 時間後です。Amazon の説明は「数時間」だけなので、この時刻は目安です。
program-activation-exact = 登録から { $hours } 時間後です。
program-lapse-left = 本人確認の期限まで残り { $days } 日 { $hours } 時間です。
program-lapse-note = それまでにセラーセントラル（Seller Central）で本人確認を済ませてください。14 日を過ぎると登録は失効し、登録し直す必要があります。
program-periods-label = CSBA が新しい注文の購入者に対応した期間
program-period = { $from } – { $until }
program-period-open = { $from } – 現在

## 対象となる注文
program-coverage-not-enrolled = CSBA の対象は、有効になったあとに入った注文だけです。それより前の注文には、ご自身で対応してください。
program-coverage-pending = CSBA が対応を始める前に入った注文は対象外です。その購入者にはご自身で対応してください。
program-coverage-active = CSBA が有効になる前に入った注文は対象外です。その購入者にはご自身で対応してください。
program-coverage-paused = 一時停止中は、新しい出品者出荷の注文にはご自身で対応します。CSBA が有効だった間に入った注文は引き続き対象です。

## 参加条件
program-checklist-label = 参加条件
program-requirement-professional-plan = 大口出品プラン
program-requirement-good-standing = アカウントの状態が良好であること
program-requirement-identity-verified = 本人確認が済んでいること
program-requirement-responsive-contact = 土日祝日も含めて 24 時間以内に CSBA に回答できる連絡先
program-requirement-terms-accepted = 最新の CSBA 規約への同意
program-requirement-invitation = Amazon からの招待
program-requirement-other = 条件「{ $code }」
program-check-met = 完了
program-check-blocks = 未完了：登録する前に必要です
program-check-delays = 未完了：登録はできますが、完了するまで CSBA は始まりません
program-check-by-enrolling = 登録時に同意します

## 登録・一時停止・再開
program-terms-version = 規約のバージョン { $version }
program-terms-accept = CSBA 規約（バージョン { $version }）を読み、同意します。
program-enroll = CSBA に登録
program-enrolling = 登録しています…
program-enroll-blocked = 上の未完了の条件を済ませてから登録してください。
program-pause = CSBA を一時停止
program-pause-title = { $marketplace } の CSBA を一時停止しますか？
program-pause-body = 一時停止が確定した時点から、新しい出品者出荷の注文にはご自身で対応します。CSBA が有効だった間に入った注文は引き続き対象です。
program-pause-confirm = 一時停止する
program-resume = CSBA を再開
program-resume-title = { $marketplace } の CSBA を再開しますか？
program-resume-body = CSBA は開始までの待ち時間（約 { $hours } 時間）をもう一度おいてから対応を始めます。それまでに入った注文にはご自身で対応してください。
program-resume-confirm = 再開する
program-dialog-cancel = キャンセル
program-pending-queued = { $action }：送信待ちです。
program-pending-sending = { $action }：送信しています…
program-pending-failed = { $action }は拒否されました：{ $problem }
program-pending-outbox = 送信トレイの画面で、再試行するか破棄してください。

## 無料体験と手数料
program-trial-label = 無料体験
program-trial-left = 無料体験の残りは { $days } 日です（{ $date } まで）。
program-trial-period = 無料体験：{ $start } – { $end }
program-fee-label = 現在の手数料（直近 3 か月）
program-fee-none = 手数料は CSBA が有効になってから計算されます。
program-fee-in-trial = 無料体験中は手数料がかかりません。
program-fee-units = 出荷 { $units } 点、購入者からの問い合わせ { $contacts } 件
program-fee-cpu = 1 点あたりの問い合わせ率
program-fee-cpu-value = { $cpu }%
program-fee-tier = 区分
program-fee-tier-value = 区分 { $tier }
program-fee-tier-flat = 定額：点数が少なく、問い合わせ率が当てになりません
program-fee-per-unit = 1 点あたりの手数料
program-fee-total = 合計

## 試算
fee-whatif-label = 試算する
fee-whatif-intro = 3 か月分の出荷点数と問い合わせ件数を入れると、現在の料金表で手数料を計算します。
fee-whatif-units = 出荷点数
fee-whatif-contacts = 問い合わせ件数
fee-whatif-submit = 手数料を計算
fee-whatif-working = 計算しています…
fee-whatif-whole-number = 0 以上の整数を入力してください。

## 返信言語とテンプレート（ケース画面）
reply-lang-label = 返信する言語
reply-lang-queued = { $language }の返信を送信待ちに追加しました。サービスにつながりしだい送信されます。
template-menu = テンプレート
template-menu-label = { $language }の返信テンプレート
template-none = { $language }のテンプレートはまだありません。返信を書いてテンプレートとして保存できます。
template-delete = 削除
template-delete-label = テンプレート「{ $name }」を削除
template-save = テンプレートとして保存
template-name-label = テンプレート名
template-save-confirm = テンプレートを保存
template-cancel = キャンセル
template-saved = { $language }のテンプレート「{ $name }」を保存しました。
template-deleted = テンプレート「{ $name }」を削除しました。
template-inserted = テンプレート「{ $name }」を挿入しました。
