# エラーはコードとして画面に渡され、メッセージ ID は `error-<コード>` です。
error-replica-unavailable = このパソコンに保存されたデータを読み込めませんでした。CSBA Desk を再起動してください。繰り返し発生する場合は、ディスクの空き容量をご確認ください。
error-replica-too-new = このデータは新しいバージョンの CSBA Desk で保存されています。アプリを更新してください。
error-token-missing = { $url } の API トークンが保存されていません。「{ "csba account add" }」で追加してください。
error-keychain-unavailable = システムのキーチェーンがロックされているか利用できないため、API トークンを読み込めません。キーチェーンのロックを解除してから、もう一度お試しください。
error-unknown-locale = 「{ $locale }」は CSBA Desk で選べる言語ではありません。
error-sandbox-failed = 内蔵のデモサービスを起動できませんでした。
error-service-unreachable = CSBA サービスに接続できません。オフラインで作業中です。接続が戻りしだい自動で同期します。
error-sync-refused = CSBA サービスに同期を拒否されました。アカウントと API トークンをご確認ください。
