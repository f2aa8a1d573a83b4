# 错误以代码形式传给界面，对应的消息 ID 为 `error-<代码>`。
error-replica-unavailable = 无法读取本机上的数据。请重新启动 CSBA Desk；如果问题仍然存在，请检查磁盘剩余空间。
error-replica-too-new = 这些数据由更新版本的 CSBA Desk 保存，请先升级应用。
error-token-missing = 尚未保存 { $account } 的 API 令牌。请在“账户”页面（或用“{ "csba account add" }”命令）重新添加店铺。
error-keychain-unavailable = 系统钥匙串已锁定或不可用，无法读取您的 API 令牌。请解锁钥匙串后重试。
error-unknown-locale = CSBA Desk 不支持“{ $locale }”这种语言。
error-sandbox-failed = 内置的演示服务未能启动。
error-autostart-failed = 无法在此桌面上更改开机自动启动设置。
error-service-unreachable = 无法连接 CSBA 服务。您目前处于离线状态，恢复连接后会自动同步。
error-sync-refused = CSBA 服务拒绝了同步请求。请检查您的账户和 API 令牌。

## 回复与发件箱（本应用自身的检查）

error-reply-empty = 回复内容为空。请先写好回复再发送。
error-case-resolved = CSBA 已处理完此案例，不再接受回复。请打开案例查看处理结果；如仍需要您写的内容，请自行复制保存。
error-case-not-found = 这台电脑上没有案例 { $case }。请等待下次同步，或核对案例编号。
error-action-not-failed = 此操作已不处于被拒绝状态（正在等待、正在发送或已发送），无需处理，发件箱稍后会自动更新。
error-token-rejected = CSBA 服务不接受此账户的 API 令牌。请在“账户”页面（或用“{ "csba account add" }”命令）使用新令牌重新添加店铺。

## 添加和移除账户（本应用自身的检查）

error-account-url-invalid = 这不是有效的服务地址。请输入以 { "https://" }（或 { "http://" }）开头的完整 CSBA 服务 URL。
error-token-empty = 请输入店铺的 API 令牌。
error-token-malformed = 这看起来不像 API 令牌。请重新复制完整的令牌，不要带空格或换行。
error-not-csba-service = 该地址有响应，但它不是 CSBA 服务。请检查 URL。
error-service-failed = CSBA 服务在验证令牌时出现问题。请过几分钟再试。
error-account-has-unsent = 此账户还有 { $count } 个操作尚未发送。移除账户会导致这些操作丢失。
error-account-unknown = 这台电脑上已没有此账户。列表稍后会自动更新。

## CSBA 服务拒绝操作的原因（服务的问题代码）

error-unauthorized = 服务不接受此账户的 API 令牌。请用“{ "csba account add" }”命令添加新的令牌，然后重试。
error-not-found = 服务找不到此操作涉及的对象，可能已被删除。请在卖家平台核实后放弃此操作。
error-invalid-request = 服务发现此请求有误。请查看服务返回的详细信息，改正后重新发送。
error-invalid-cursor = 服务无法识别这台电脑的同步位置。请点击“立即同步”；如果问题反复出现，请重新启动 CSBA Desk。
error-cursor-expired = 这台电脑离线的时间超过了服务保留记录的期限。CSBA Desk 会重新下载您的案例，草稿和未发送的回复都会保留。
error-payload-too-large = 此请求超出了服务允许的大小。请拆分成较小的部分（例如每次上传更少的行）后重新发送。
error-unsupported-media-type = 服务无法读取此请求的格式。请更新 CSBA Desk 后重试。
error-internal = CSBA 服务内部出现问题。请过几分钟再试。
error-idempotency-key-missing = 请求缺少防重复密钥，服务没有执行。请更新 CSBA Desk 后重试。
error-idempotency-key-reused = 服务已经用此操作的密钥收到过另一个不同的请求，因此拒绝了本次请求。请先在卖家平台确认该操作是否已完成；如未完成，请重试（重试会使用新的密钥）。
error-idempotency-key-in-flight = 服务仍在处理此请求的第一次提交。请稍候，系统会自动重试。
error-enrollment-conflict = 您的 CSBA 注册状态目前无法这样变更（例如已经生效或已经暂停）。请查看当前状态，再决定重试或放弃此操作。
error-enrollment-ineligible = 此账户尚未满足在该站点开通 CSBA 的全部条件。请在卖家平台完成相关要求后重试。
error-shipment-rejected = 服务拒绝了整批运单上传，没有任何一行生效。请改正服务指出的行，然后重新上传文件。
error-return-policy-rejected = 此退货政策违反了站点规则，服务未予接受。请逐一改正列出的问题后重新提交。
error-removal-not-allowed = 此反馈无法申请移除（例如已超过 90 天，或理由不适用）。请放弃此申请。
error-removal-already-requested = 此反馈已有一份移除申请在处理中。请关注那份申请，并放弃这一份。
error-reply-too-long = 这段文字共 { $count } 个字符，CSBA 最多接受 { $max } 个。请删减后再发送。
error-reply-language-invalid = 此站点的 CSBA 不接受“{ $language }”的回复。请从以下语言中选择：{ $allowed }。
error-template-name-empty = 请为模板命名。
error-template-empty = 模板内容不能为空。
error-template-not-found = 此模板已不存在，可能已在其他窗口中删除。
error-order-not-found = 这台电脑上没有订单 { $order }。请等待下次同步，或核对订单编号。
error-order-not-shippable = 订单 { $order } 当前无法填写追踪编码（状态：{ $status }）。
error-tracking-invalid = 此追踪编码无效，原因见输入框下方的校验结果。
error-carrier-unknown = 请选择承运商：此编码符合多家承运商的格式，或所填承运商不在 CSBA Desk 的支持范围内。
error-ship-date-in-future = 发货日期晚于今天（站点时区的今天为 { $today }）。
error-ship-date-invalid = 请输入有效的发货日期。
error-ship-date-before-order = 发货日期早于下单日期（{ $placed }）。
error-marketplace-unknown = CSBA Desk 没有此站点的规则。
error-upload-unreadable = 无法读取文件 { $path }。请确认文件存在且有权限打开。
error-upload-is-folder = { $path } 是文件夹。请选择或拖入单个文件。
error-upload-too-large = 此文件大小为 { $size_mb } MB，单次上传最多 { $max_mb } MB。请拆分成较小的文件。
error-upload-not-a-file = { $path } 不是普通文件。请选择或拖入保存在这台电脑上的文件。
error-upload-has-problems = 文件中仍有 { $count } 处问题。请修正后重新检查文件；目前没有任何内容加入发送队列。
error-upload-not-found = 这次上传已不在等待加入队列的状态。请重新选择文件。
error-enrollment-not-found = 此店铺在 { $marketplace } 站点还没有 CSBA 注册记录。请等待下次同步。
error-enrollment-not-allowed = CSBA 在当前状态下无法进行此项变更，或已有一项变更正在处理中。
error-terms-not-accepted = 请先阅读并接受当前的 CSBA 条款（版本 { $version }）。
error-fee-input-invalid = 请输入整数：发货件数，以及不超过件数一百倍的联系次数。
error-service-refused = 服务拒绝了此操作（代码 { $code }）。请在卖家平台核实后重试或放弃。
error-policy-not-compliant = 此退货政策仍有 { $count } 处违反站点规则。请按各栏位旁的提示逐一改正后再提交。
error-policy-version-not-found = 这台电脑上没有此退货政策的第 { $version } 版。请等待下次同步。
error-feedback-not-found = 这台电脑上没有反馈 { $feedback }。请等待下次同步。
error-ground-not-possible = 此移除理由不适用于这条反馈。请从为它列出的理由中选择。
error-removal-not-possible = 这条反馈的 90 天移除申请期限已过。
error-explanation-missing = 请说明为什么该理由适用于这条反馈。
error-explanation-too-long = 说明共 { $count } 个字符，服务最多接受 { $max } 个。请删减。
error-question-missing = 请填写要向 CSBA 团队咨询的问题。
error-question-too-long = 问题共 { $count } 个字符，服务最多接受 { $max } 个。请删减。
error-text-too-long = 服务拒绝了一段超出长度上限的文字。请删减后重新发送。
error-invalid-text = 文本中含有无法发送的字符（如控制字符或损坏的表情符号，常见于从其他程序粘贴的内容）。请删除后重新发送。
error-unavailable = 服务暂时繁忙。内容没有丢失，稍后会自动重新发送。
error-request-timeout = 请求到达服务的速度过慢，未被执行。系统会自动重新发送。
error-rate-limited = 短时间内向服务发送的请求过多。内容没有丢失，系统会按服务要求的时间等待后自动重新发送。

## 提醒设置（本应用自身的检查）
error-alert-threshold-out-of-range = 提醒最早只能设在截止时间前 { $max_days } 天。
error-alert-threshold-repeated = 列表中已有这个提醒时间。
error-alert-too-many-thresholds = 每类截止事项最多设置 { $max } 个提醒时间。
error-quiet-minute-out-of-range = 请输入 00:00 到 23:59 之间的时间。
error-quiet-hours-empty = 免打扰时段的结束时间不能与开始时间相同。
error-update-signature-invalid = 已拒绝此更新：其签名与 CSBA Desk 的签名密钥不符，可能并非来自我们。未安装任何内容。
error-update-unreachable = 无法连接更新服务器。请检查网络连接后重试。
error-update-manifest-invalid = 无法读取更新服务器返回的信息，或其中没有适用于本机的更新。请稍后重试。
error-update-install-failed = 更新未能安装。CSBA Desk 将继续使用当前版本。
error-update-not-available = 当前没有可安装的更新。请先检查更新。
