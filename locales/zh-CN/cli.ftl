# `csba` 命令行工具。
cli-token-empty = 标准输入中没有令牌。
cli-token-saved = { $url } 的 API 令牌已保存到系统钥匙串。
cli-no-data-dir = 找不到数据目录，请设置环境变量 { "CSBA_DATA_DIR" }。
cli-no-cases = 暂无案例。请打开 CSBA Desk 或执行同步来获取。
cli-body-unreadable = 无法读取 { $path }。
cli-body-not-utf8 = { $path } 不是 { "UTF-8" } 编码的文本，请另存为 { "UTF-8" } 后重试。
cli-reply-empty = 回复内容为空。
cli-reply-unknown-case = 本机上没有案例“{ $case }”。请先同步，再用 { "csba cases list" } 核对案例编号。
cli-reply-queued = 已将案例 { $case } 的回复加入发送队列（#{ $entry }），将在下次同步时发送，重启后也不会丢失。
cli-outbox-empty = 没有待发送的内容。
cli-outbox-queued = 等待发送
cli-outbox-sending = 正在发送
cli-outbox-sent = 已发送
cli-outbox-failed = 被服务拒绝（{ $code }），请修改后重新发送
