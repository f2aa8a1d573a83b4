# 错误以代码形式传给界面，对应的消息 ID 为 `error-<代码>`。
error-replica-unavailable = 无法读取本机上的数据。请重新启动 CSBA Desk；如果问题仍然存在，请检查磁盘剩余空间。
error-replica-too-new = 这些数据由更新版本的 CSBA Desk 保存，请先升级应用。
error-token-missing = 尚未保存 { $url } 的 API 令牌。请用“{ "csba account add" }”命令添加。
error-keychain-unavailable = 系统钥匙串已锁定或不可用，无法读取您的 API 令牌。请解锁钥匙串后重试。
error-unknown-locale = CSBA Desk 不支持“{ $locale }”这种语言。
error-sandbox-failed = 内置的演示服务未能启动。
error-service-unreachable = 无法连接 CSBA 服务。您目前处于离线状态，恢复连接后会自动同步。
error-sync-refused = CSBA 服务拒绝了同步请求。请检查您的账户和 API 令牌。
