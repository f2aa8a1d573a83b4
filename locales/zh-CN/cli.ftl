# `csba` 命令行工具。
cli-token-empty = 标准输入中没有令牌。
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
cli-token-unreadable = 无法读取标准输入。
cli-token-malformed = 标准输入中的内容不是令牌：请只提供令牌本身，写在一行内，不要包含空格。
cli-reply-unknown-case-in-account = 本机上账户 #{ $id } 没有案例“{ $case }”。请先同步，再用 { "csba cases list" } 核对案例编号。
cli-reply-choose-account = 有多个账户都有案例“{ $case }”（{ $accounts }）。请用 { "--account" } 指定其中一个。
cli-runtime-failed = 无法在本机建立网络连接。

# 与服务通信。
cli-service-unreachable = 无法连接位于 { $url } 的 CSBA 服务。请检查地址和网络连接。
cli-service-token-rejected = 位于 { $url } 的 CSBA 服务拒绝了该 API 令牌。请确认令牌已完整复制且未被吊销。
cli-service-error = 位于 { $url } 的 CSBA 服务自身出现问题（{ $code }）。请稍后重试。
cli-service-refused = 位于 { $url } 的 CSBA 服务拒绝了该请求（{ $code }）。
cli-service-not-csba = 地址 { $url } 的响应不像 CSBA 服务（HTTP { $status }）。请检查地址。

# 钥匙串，按各系统的叫法。
cli-keychain-name-secret-service = 系统密钥环（{ "Secret Service" }：{ "GNOME Keyring" } 或 { "KWallet" }）
cli-keychain-name-macos = { "macOS" } 钥匙串
cli-keychain-name-windows = { "Windows" } 凭据管理器

# csba account
cli-account-url-invalid = “{ $url }”不是服务地址。请以 { "http://" } 或 { "https://" } 开头填写，例如 { "https://csba.example.com" }。
cli-account-nothing-saved = 未保存任何内容。
cli-account-keychain-unavailable = API 令牌未保存：{ $keychain }已锁定或不可用。请将其解锁（或启动）后重新运行此命令。本机上未写入任何内容：令牌只保存在钥匙串中，不会存放在其他任何地方。
cli-account-added = 已添加账户 { $account }，服务地址 { $url }（站点：{ $marketplaces }）。其 API 令牌保存在{ $keychain }中。
cli-account-demo-replaced = 演示账户及其示例案例已从本机删除，不会与您真实的截止时间混在一起。
cli-account-next-sync = 运行 { "csba sync" } 即可获取该账户的案例和订单。
cli-account-no-marketplaces = 暂无
cli-account-list-empty = 还没有账户。请用 { "csba account add --url" } 加上服务地址来添加。
cli-account-sandbox = 沙盒（演示）
cli-account-last-sync = 上次同步：{ $at }
cli-account-never-synced = 从未同步
cli-account-queue = { $queued } 项待发送，{ $failed } 项被拒绝
cli-account-token-present = 令牌在{ $keychain }中
cli-account-token-missing = { $keychain }中没有令牌：请重新添加该账户
cli-account-token-keychain_unavailable = { $keychain }已锁定或不可用
cli-account-token-not_needed = 无需令牌
cli-account-unknown = 没有账户 #{ $id }。请查看 { "csba account list" }。
cli-account-none = 没有可用的账户。请用 { "csba account add" } 添加。
cli-account-choose = 有多个账户：{ $accounts }。请用 { "--account" } 指定其中一个。
cli-account-remove-unsent = 账户 { $account } 还有 { $unsent } 项操作未发送（{ $queued } 项等待中，{ $sending } 项发送中，{ $failed } 项被拒绝）。请先同步，或加上 { "--force" } 删除该账户并丢弃这些操作。
cli-account-remove-keychain = 未删除任何内容：{ $keychain }已锁定或不可用，无法删除该账户的 API 令牌。请解锁后重试，或加上 { "--force" } 删除账户并将令牌留在钥匙串中。
cli-account-remove-token-left = { $keychain }已锁定或不可用：API 令牌仍保留在其中，条目名为“{ $entry }”。钥匙串恢复后请自行删除。
cli-account-removed = 已删除账户 { $account }：包括其在本机上的数据和 API 令牌。

# csba sync
cli-sync-no-accounts = 没有可同步的账户。请用 { "csba account add" } 添加。
cli-sync-done = { $account }：已发送 { $sent } 项，待重试 { $retried } 项，被拒绝 { $failed } 项；收到 { $pulled } 项变更。
cli-sync-resynced = 服务已不再保留本机在变更记录中的读取位置，因此已从头重新获取案例和订单。草稿和待发送的操作均已保留。
cli-sync-retry-later = 未能送达的操作仍在队列中，会在之后的同步中重新发送。
cli-sync-action-refused = 被拒绝：#{ $entry } { $kind } { $object }（{ $code }）。请查看 { "csba outbox" }。
cli-sync-skipped-sandbox = { $account }：已跳过。演示账户只存在于 CSBA Desk 应用内，由应用自行同步。
cli-sync-token-missing = { $account }：未同步。{ $keychain }中没有它的 API 令牌。请用 { "csba account add --url" } { $url } 重新添加。
cli-sync-keychain-unavailable = { $account }：未同步。{ $keychain }已锁定或不可用，无法读取 API 令牌。请解锁后重新同步。
cli-sync-failed = { $account }：未同步。{ $reason }

# csba tracking upload
cli-upload-unknown-marketplace = “{ $marketplace }”不是站点。请使用 JP 或 US。
cli-upload-wrong-marketplace = 账户 { $account } 未在 { $marketplace } 站点销售。
cli-upload-problem-ship_date_in_future = 发货日期在未来。
cli-upload-problem-ship_date_needs_marketplace = 没有发货日期，也不知道该订单所属的站点：请填写日期，或用 { "--marketplace" } 指定站点，以使用该站点当地的今天日期。
cli-upload-orders-unchecked = 本机上还没有该账户的订单（请先同步），因此未在本地核对订单；服务收到上传后会进行核对。
cli-upload-nothing-queued = 未加入任何发送队列。
cli-upload-queued = 已为账户 { $account } 将 { $rows } 条发货确认加入发送队列（共 { $batches } 批）。{ "csba sync" }（或正在运行的 CSBA Desk 应用）会将其发送；服务对每一批整体接受或整体拒绝。
cli-orders-to-ship = 待发货：{ $count }
cli-orders-pending = 等待付款（暂勿发货）：{ $count }
cli-orders-tracking-rate = { $marketplace } 近 30 天有效追踪率：{ $rate } %（{ $shipped } 单中 { $valid } 单有效）
cli-enrollment-trial = 免费试用还剩 { $days } 天
cli-enrollment-terms = 条款版本 { $version }
cli-enrollment-queued = 已加入发送队列（#{ $entry }），将由 { "csba sync" } 或正在运行的应用发送。
cli-enrollment-state-not_enrolled = 未注册
cli-enrollment-state-pending_identity_verification = 等待身份验证
cli-enrollment-state-pending_activation = 等待生效
cli-enrollment-state-active = 已生效
cli-enrollment-state-paused = 已暂停
cli-enrollment-state-lapsed = 已失效（需重新注册）
