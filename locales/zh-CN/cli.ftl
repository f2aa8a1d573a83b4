# `csba` 命令行工具。
cli-token-empty = 标准输入中没有令牌。
cli-token-saved = { $url } 的 API 令牌已保存到系统钥匙串。
cli-no-data-dir = 找不到数据目录，请设置环境变量 { "CSBA_DATA_DIR" }。
cli-no-cases = 暂无案例。请打开 CSBA Desk 或执行同步来获取。
