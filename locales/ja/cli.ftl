# `csba` コマンド。
cli-token-empty = 標準入力からトークンを受け取れませんでした。
cli-token-saved = { $url } の API トークンをシステムのキーチェーンに保存しました。
cli-no-data-dir = データフォルダーが見つかりません。環境変数 { "CSBA_DATA_DIR" } を設定してください。
cli-no-cases = ケースはまだありません。CSBA Desk を開くか、同期して取得してください。
