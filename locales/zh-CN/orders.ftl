# 订单与追踪号页面：待发货订单、单个录入、批量上传。
orders-heading = 订单与追踪号
orders-subheading = 请在最晚发货时间之前，用有效的追踪号确认每笔发货。最晚发货时间按站点当地时区显示。
orders-count = { $count } 个订单
orders-to-ship-heading = 待发货
orders-to-ship-empty = 没有待发货的订单：每个订单都有追踪号。
orders-ship-by = 最晚发货 { $date }
orders-ship-by-none = 无最晚发货时间
orders-quantity = 数量 { $count }
orders-queued = 待发送：{ $number }
orders-queued-failed = 被拒绝：{ $number }（请查看发件箱）
orders-enter-tracking = 录入追踪号
orders-open-case = 打开与此订单相关的案例
orders-pending-heading = 待处理
orders-pending-note = 等待付款 — 请勿发货
orders-pending-empty = 没有等待付款的订单。
orders-shipped-heading = 已发货
orders-shipped-empty = 还没有已确认的发货。
orders-col-order = 订单
orders-col-item = 商品
orders-col-tracking = 追踪号
orders-col-carrier = 承运商
orders-col-ship-date = 发货日期
orders-rate-heading = 有效追踪率（近 30 天）
orders-rate-target = 目标 { $target } %
orders-rate-meets = 达到目标
orders-rate-below = 低于目标
orders-rate-detail = { $shipped } 笔中 { $valid } 笔有效
orders-rate-none = 近 30 天没有发货

# 单个录入
orders-entry-heading = 订单 { $order } 的追踪号
orders-entry-number = 追踪号
orders-entry-carrier = 承运商
orders-entry-carrier-choose = 选择承运商
orders-entry-carrier-auto = 根据号码识别
orders-entry-ship-date = 发货日期
orders-entry-submit = 确认发货
orders-entry-cancel = 取消
orders-entry-checking = 正在检查…
orders-verdict-valid = 追踪号有效
orders-verdict-invalid = 无效：{ $reason }
orders-verdict-normalized = 将记录为
orders-verdict-format = 格式：{ $format }
orders-verdict-carrier = 承运商：{ $carrier }
orders-verdict-candidates = 多个承运商使用这种格式（{ $carriers }）：请选择一个。
orders-check-digit-passed = 校验位：正确
orders-check-digit-failed = 校验位：不符（很可能输错了某一位数字）
orders-check-digit-none = 这种格式没有校验位
orders-rejection-other = 不被接受（{ $code }）。
orders-problem-other = 当前版本无法说明的问题（{ $code }）。

# 批量上传
orders-upload-heading = 批量上传
orders-upload-intro = 可使用亚马逊发货确认模板文件、{ "CSV" } 或 Excel 工作簿。先检查文件，加入待发送之前不会发送任何内容。
orders-upload-store = 店铺
orders-upload-marketplace = 无发货日期的行使用
orders-upload-marketplace-auto = 订单所属站点的今天
orders-upload-carrier = 未写承运商的行使用
orders-upload-carrier-auto = 根据号码识别
orders-upload-choose = 选择文件…
orders-upload-drop = 或拖放到此窗口的任意位置（最大 50 { "MB" }）
orders-upload-drop-over = 松开即可检查文件
orders-upload-several = 拖入了 { $count } 个文件：只检查第一个，{ $name }。
orders-upload-checking = 正在检查 { $name }…
orders-upload-kind = { $kind }，{ $encoding }
orders-upload-kind-flat_file = 亚马逊模板文件
orders-upload-kind-csv = { "CSV" }
orders-upload-kind-tsv = 制表符分隔文本
orders-upload-kind-xlsx = Excel 工作簿
orders-upload-counts = { $rows } 行中 { $valid } 行可以发送
orders-upload-problems-heading = 需要修正的问题：{ $count } 个
orders-upload-col-line = 行
orders-upload-col-column = 列
orders-upload-col-problem = 问题
orders-upload-whole-file = 文件
orders-upload-ambiguous-heading = 承运商不明确的行：{ $count } 行
orders-upload-ambiguous-row = 第 { $line } 行：{ $number }（订单 { $order }）符合 { $carriers }。除非在上方选择承运商并重新检查，否则按第一个记录。
orders-upload-unchecked = 这些订单还不在本机上，无法在此检查；服务端会检查。
orders-upload-queue = 将 { $count } 笔发货加入待发送
orders-upload-fix-first = 修正文件中的所有问题并重新检查后，才能加入待发送。
orders-upload-progress = 服务已回复 { $batches } 批中的 { $done } 批…
orders-upload-done = 完成：已确认 { $count } 笔发货。
orders-upload-failed = { $count } 批被拒绝：请查看发件箱。
orders-upload-results-heading = 服务记录的内容
orders-upload-result-ambiguous = 承运商为推测：如有误，请用单个录入更正

# 模板与示例
orders-templates-heading = 模板与示例文件
orders-template-flat = 保存亚马逊模板文件
orders-template-csv = 保存 { "CSV" } 模板
orders-template-sample = 用含错误的示例文件试一试
orders-template-saved = 已保存到
orders-template-check = 立即检查

# 应用补充的上传问题。
import-problem-ship_date_in_future = 发货日期在未来。
import-problem-ship_date_needs_marketplace = 没有发货日期，也不知道该订单所属的站点：请填写日期，或在上方选择站点，以使用该站点当地的今天日期。

# 承运商（按后端代码）。
carrier-china-post = 中国邮政
carrier-japan-post = 日本邮政（国际）
carrier-upu-s10 = 邮政（{ "UPU S10" }）
carrier-ups = UPS
carrier-fedex = FedEx
carrier-usps = USPS
carrier-dhl-express = { "DHL Express" }
carrier-yamato = 大和运输
carrier-sagawa = 佐川急便
carrier-japan-post-domestic = 日本邮政（国内包裹）
carrier-yunexpress = 云途物流
carrier-4px = 递四方（{ "4PX" }）
carrier-cainiao = 菜鸟
carrier-sf-express = 顺丰速运
carrier-amazon-logistics = Amazon 物流
carrier-dhl-ecommerce = { "DHL eCommerce" }
