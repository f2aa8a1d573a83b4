# `csba` コマンド。
cli-token-empty = 標準入力からトークンを受け取れませんでした。
cli-no-data-dir = データフォルダーが見つかりません。環境変数 { "CSBA_DATA_DIR" } を設定してください。
cli-no-cases = ケースはまだありません。CSBA Desk を開くか、同期して取得してください。
cli-body-unreadable = { $path } を読み込めません。
cli-body-not-utf8 = { $path } は { "UTF-8" } のテキストではありません。{ "UTF-8" } で保存し直してから、もう一度お試しください。
cli-reply-empty = 返信の内容が空です。
cli-reply-unknown-case = このパソコンにケース「{ $case }」はありません。同期してから { "csba cases list" } でケース番号をご確認ください。
cli-reply-queued = ケース { $case } への返信を送信待ちに追加しました（#{ $entry }）。次回の同期で送信されます。再起動しても失われません。
cli-outbox-empty = 送信待ちのものはありません。
cli-outbox-queued = 送信待ち
cli-outbox-sending = 送信中
cli-outbox-sent = 送信済み
cli-outbox-failed = サービスに受け付けられませんでした（{ $code }）。修正してから再送信してください
cli-token-unreadable = 標準入力を読み込めませんでした。
cli-token-malformed = 標準入力の内容はトークンではありません。トークンだけを、空白を含めずに 1 行で渡してください。
cli-reply-unknown-case-in-account = このパソコンのアカウント #{ $id } にケース「{ $case }」はありません。同期してから { "csba cases list" } でケース番号をご確認ください。
cli-reply-choose-account = 複数のアカウントにケース「{ $case }」があります（{ $accounts }）。{ "--account" } でどれか 1 つを指定してください。
cli-runtime-failed = このパソコンでネットワーク接続を準備できませんでした。

# サービスとの通信。
cli-service-unreachable = { $url } の CSBA サービスに接続できません。アドレスとインターネット接続をご確認ください。
cli-service-token-rejected = { $url } の CSBA サービスが API トークンを受け付けませんでした。トークン全体をコピーしたか、失効していないかをご確認ください。
cli-service-error = { $url } の CSBA サービス側で問題が発生しました（{ $code }）。しばらくしてからもう一度お試しください。
cli-service-refused = { $url } の CSBA サービスがリクエストを受け付けませんでした（{ $code }）。
cli-service-not-csba = { $url } からの応答は CSBA サービスのものではありません（HTTP { $status }）。アドレスをご確認ください。

# キーチェーン（各システムでの呼び名）。
cli-keychain-name-secret-service = システムのキーリング（{ "Secret Service" }：{ "GNOME Keyring" } または { "KWallet" }）
cli-keychain-name-macos = { "macOS" } のキーチェーン
cli-keychain-name-windows = { "Windows" } の資格情報マネージャー

# csba account
cli-account-url-invalid = 「{ $url }」はサービスのアドレスではありません。{ "http://" } または { "https://" } で始まる形で指定してください（例：{ "https://csba.example.com" }）。
cli-account-nothing-saved = 何も保存されていません。
cli-account-keychain-unavailable = API トークンは保存されませんでした。{ $keychain }がロックされているか、利用できません。ロックを解除して（または起動して）から、もう一度コマンドを実行してください。このパソコンには何も書き込まれていません。トークンはキーチェーンにだけ保存され、ほかの場所には保存されません。
cli-account-added = アカウント { $account } を追加しました（サービス：{ $url }、マーケットプレイス：{ $marketplaces }）。API トークンは{ $keychain }に保存されています。
cli-account-demo-replaced = 実際の期限と混ざらないように、デモ用アカウントとそのサンプルのケースをこのパソコンから削除しました。
cli-account-next-sync = { "csba sync" } を実行すると、このアカウントのケースと注文を取得します。
cli-account-no-marketplaces = まだありません
cli-account-list-empty = アカウントはまだありません。{ "csba account add --url" } にサービスのアドレスを付けて追加してください。
cli-account-sandbox = サンドボックス（デモ）
cli-account-last-sync = 最終同期：{ $at }
cli-account-never-synced = 未同期
cli-account-queue = 送信待ち { $queued } 件、拒否 { $failed } 件
cli-account-token-present = トークンは{ $keychain }にあります
cli-account-token-missing = { $keychain }にトークンがありません。アカウントを追加し直してください
cli-account-token-keychain_unavailable = { $keychain }がロックされているか、利用できません
cli-account-token-not_needed = トークン不要
cli-account-unknown = アカウント #{ $id } はありません。{ "csba account list" } をご確認ください。
cli-account-none = 使えるアカウントがありません。{ "csba account add" } で追加してください。
cli-account-choose = アカウントが複数あります：{ $accounts }。{ "--account" } でどれか 1 つを指定してください。
cli-account-remove-unsent = アカウント { $account } には、まだ送信されていない操作が { $unsent } 件あります（送信待ち { $queued } 件、送信中 { $sending } 件、拒否 { $failed } 件）。先に同期するか、{ "--force" } を付けてアカウントを削除し、それらを破棄してください。
cli-account-remove-keychain = 何も削除されていません。{ $keychain }がロックされているか利用できないため、アカウントの API トークンを削除できません。ロックを解除してからもう一度お試しいただくか、{ "--force" } を付けて、トークンをキーチェーンに残したままアカウントを削除してください。
cli-account-remove-token-left = { $keychain }がロックされているか、利用できません。API トークンは「{ $entry }」という項目名で残っています。キーチェーンが使えるようになったら、ご自身で削除してください。
cli-account-removed = アカウント { $account } を削除しました（このパソコン上のデータと API トークン）。

# csba sync
cli-sync-no-accounts = 同期するアカウントがありません。{ "csba account add" } で追加してください。
cli-sync-done = { $account }：送信 { $sent } 件、再試行待ち { $retried } 件、拒否 { $failed } 件、受信した変更 { $pulled } 件。
cli-sync-resynced = サービス側にこのパソコンの変更フィードの読み取り位置が残っていなかったため、ケースと注文を最初から取得し直しました。下書きと送信待ちの操作はそのまま残っています。
cli-sync-retry-later = 送信できなかった操作は送信待ちのまま残り、次回以降の同期で再送されます。
cli-sync-action-refused = 拒否：#{ $entry } { $kind } { $object }（{ $code }）。{ "csba outbox" } をご確認ください。
cli-sync-skipped-sandbox = { $account }：スキップしました。デモ用アカウントは CSBA Desk アプリの中にだけ存在し、アプリが自分で同期します。
cli-sync-token-missing = { $account }：同期していません。{ $keychain }にこのアカウントの API トークンがありません。{ "csba account add --url" } { $url } で追加し直してください。
cli-sync-keychain-unavailable = { $account }：同期していません。{ $keychain }がロックされているか利用できないため、API トークンを読み込めません。ロックを解除してから、もう一度同期してください。
cli-sync-failed = { $account }：同期していません。{ $reason }

# csba tracking upload
cli-upload-unknown-marketplace = 「{ $marketplace }」はマーケットプレイスではありません。JP または US を指定してください。
cli-upload-wrong-marketplace = アカウント { $account } は { $marketplace } マーケットプレイスで販売していません。
cli-upload-problem-ship_date_in_future = 出荷日が未来の日付です。
cli-upload-problem-ship_date_needs_marketplace = 出荷日がなく、注文のマーケットプレイスもわかりません。日付を入力するか、{ "--marketplace" } でマーケットプレイスを指定して、現地の今日の日付を使ってください。
cli-upload-orders-unchecked = このパソコンにはこのアカウントの注文がまだありません（先に同期してください）。そのため注文はここでは確認していません。アップロードが届いた時点でサービスが確認します。
cli-upload-nothing-queued = 送信待ちには何も追加されていません。
cli-upload-queued = アカウント { $account } の出荷通知 { $rows } 件を、{ $batches } 件のリクエストとして送信待ちに追加しました。{ "csba sync" }（または起動中の CSBA Desk アプリ）が送信します。サービスはリクエストごとに、まとめて受け付けるか、まとめて拒否します。
cli-orders-to-ship = 出荷待ち：{ $count }
cli-orders-pending = 支払い待ち（まだ出荷しないでください）：{ $count }
cli-orders-tracking-rate = { $marketplace } の過去 30 日間の有効追跡率：{ $rate } %（{ $shipped } 件中 { $valid } 件）
cli-enrollment-trial = 無料お試し期間：残り { $days } 日
cli-enrollment-terms = 規約バージョン { $version }
cli-enrollment-queued = 送信キューに追加しました（#{ $entry }）。{ "csba sync" } または起動中のアプリが送信します。
cli-enrollment-state-not_enrolled = 未登録
cli-enrollment-state-pending_identity_verification = 本人確認待ち
cli-enrollment-state-pending_activation = 開始待ち
cli-enrollment-state-active = 有効
cli-enrollment-state-paused = 一時停止中
cli-enrollment-state-lapsed = 失効（再登録が必要）
