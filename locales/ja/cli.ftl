# `csba` コマンド。
cli-token-empty = 標準入力からトークンを受け取れませんでした。
cli-token-saved = { $url } の API トークンをシステムのキーチェーンに保存しました。
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
