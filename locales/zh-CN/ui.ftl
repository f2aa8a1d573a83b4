# CSBA Desk — 界面文案（简体中文）。
# 与 Rust 端共用：每个消息 ID 和 { $变量 } 必须在 en、zh-CN、ja、ko 中保持一致。

## 品牌与导航

app-title = CSBA Desk
nav-inbox = 收件箱
loading = 正在加载…
action-retry = 重试
nav-label = 主导航
nav-queue = 发件箱
nav-accounts = 账户
queue-badge-waiting = { $count } 项操作等待发送
queue-badge-failed = { $count } 项操作被拒绝，需要您处理

## 收件箱

inbox-heading = 待处理案例
inbox-subheading = CSBA 需要您在 24 小时内回复（含周末及节假日）。
inbox-empty-title = 暂无待处理事项
inbox-empty-body = 目前没有需要您处理的案例。CSBA 需要您协助时，案例会显示在这里。
inbox-list-label = 案例列表（按紧急程度排序）

summary-overdue = { $count } 个已超时
summary-due-soon = { $count } 个将在 3 小时内到期
summary-open = 共 { $count } 个待回复

## 案例类型

kind-product-question = 商品咨询
kind-return = 退货
kind-delivery = 配送
kind-refund = 退款
kind-order-change = 订单变更

## 案例状态

status-open = 待您回复
status-answered = 已回复
status-resolved-by-csba = 已由 CSBA 处理

## 站点

marketplace-jp = Amazon.co.jp
marketplace-jp-country = 日本
marketplace-us = Amazon.com
marketplace-us-country = 美国

## 案例行

order-label = 订单号
case-reply-language = 回复语言：{ $language }
countdown-left = 剩余 { $time }
countdown-overdue = 已超时 { $time }
due-at = 截止时间：{ $time }
row-draft = 草稿
row-pending-replies = { $count } 条回复等待发送

## 案例页面

back-to-inbox = 返回收件箱
back-to-queue = 返回发件箱
conversation-label = 与 CSBA 的对话
message-author-csba = CSBA
message-author-seller = 您
message-late = 超过截止时间后发送
case-replies-heading = 发件箱中的回复
case-reply-see-outbox = 请到发件箱重试或放弃。
case-changed-title = 您撰写回复期间，此案例有了变化
case-changed-body = CSBA 发来了新消息。发送回复前，请重新阅读对话。
case-changed-resolved = CSBA 已处理此案例。请重新阅读对话：此案例已不再接受回复。
case-changed-ack = 我已重新阅读

## 回复框

reply-label = 您的回复
reply-placeholder = 在此撰写给 CSBA 的回复，输入内容会自动保存。
reply-send = 发送
reply-sending = 正在发送…
reply-queued = 回复已加入发件箱，一旦连上服务就会发送。
reply-closed-resolved = 截止时间已过，CSBA 已处理此案例，不再接受回复。下方的文字会保留，方便您复制。
draft-saving = 正在保存…
draft-saved = 草稿已保存 { $time }

## 发件箱

queue-heading = 发件箱
queue-subheading = 您发出的操作会按顺序在此等待，直到 CSBA 服务确认收到。
queue-list-label = 操作列表（最新的在前）
queue-empty-title = 没有等待发送的内容
queue-empty-body = 回复和其他操作在服务确认收到之前会显示在这里。
queue-subject-case = 案例 { $id }
queue-created-at = 添加于 { $time }
queue-sent-at = 发送于 { $time }
queue-next-attempt = 已尝试 { $count } 次，下次尝试：{ $time }
queue-service-detail = 服务返回：{ $detail }
queue-retry = 重试
queue-discard = 放弃
queue-discard-question = 要放弃此操作吗？放弃后将不会发送。
queue-discard-confirm = 放弃
queue-discard-cancel = 保留

queue-state-queued = 等待发送
queue-state-sending = 正在发送
queue-state-sent = 已发送
queue-state-failed = 失败

action-kind-enroll = 注册 CSBA
action-kind-pause-enrollment = 暂停 CSBA
action-kind-resume-enrollment = 恢复 CSBA
action-kind-tracking-upload = 上传运单号
action-kind-return-policy = 退货政策
action-kind-case-reply = 案例回复
action-kind-removal-request = 反馈移除申请
action-kind-service-question = 咨询 CSBA

## 同步与服务

sync-online = 在线
sync-offline = 离线
sync-syncing = 正在同步…
sync-last = 上次同步：{ $time }
sync-never = 尚未同步
sync-now = 立即同步
time-just-now = 刚刚
offline-title = 您目前处于离线状态
offline-body = 您可以照常工作：草稿和回复会保存在这台电脑上，恢复连接后自动发送。
offline-waiting = 有 { $count } 项操作等待发送。
service-sandbox = 沙盒 · 演示数据
service-remote = 正式账户

## 账户

accounts-heading = 账户
accounts-subheading = 本应用与 CSBA 同步的店铺。每个店铺都有各自的服务连接和 API 令牌。
accounts-list-label = 这台电脑上的账户
account-seller-id = 卖家 ID
account-service = 服务
account-service-demo = 内置演示（示例数据）
account-marketplaces = 站点
account-unsent = { $count } 个操作尚未发送
account-demo-note = 供试用的示例数据。添加您自己的店铺后会自动移除。
account-remove = 移除
account-remove-question = 要从这台电脑上移除 { $name } 吗？本机上的案例和草稿，以及钥匙串中的 API 令牌都会被删除。之后可以重新添加。
account-remove-question-unsent = 要移除 { $name } 吗？尚未发送的 { $count } 个操作将不会发出，并且无法恢复。本机上的案例和草稿，以及钥匙串中的 API 令牌也会被删除。
account-remove-confirm = 移除
account-remove-confirm-unsent = 仍然移除
account-remove-cancel = 保留
account-add-heading = 添加店铺
account-add-intro = 请输入 CSBA 服务的地址和店铺的 API 令牌。添加前，CSBA Desk 会先向服务核实。
account-url-label = 服务 URL
account-token-label = API 令牌
account-token-keychain = 令牌只保存在系统钥匙串中，不会写入 CSBA Desk 的任何文件。
account-add = 添加店铺
account-adding = 正在验证…
account-added = 已添加 { $name }（{ $seller }）。
account-added-replaced-demo = 已添加 { $name }（{ $seller }）。演示账户及其示例数据已移除，收件箱现在只显示真实案例。

## 设置

language-label = 语言

## 错误

error-unknown = 出现问题，请稍后重试。

## 导航

skip-to-content = 跳到主要内容
nav-cases = 案例
nav-orders = 订单与物流追踪
nav-enrollment = CSBA 计划
nav-collapse = 收起菜单
nav-expand = 展开菜单
badge-cases-due = { $count } 个案例等待您回复
badge-orders-without-tracking = { $count } 个订单缺少物流追踪号
nav-returns = 退货政策
nav-feedback = 买家反馈
nav-questions = 咨询 CSBA 团队
nav-performance = CSBA 值不值
nav-settings = 设置
badge-removable-feedback = { $count } 条差评仍可申请删除
badge-questions-awaiting = { $count } 个问题等待 CSBA 团队答复
back-to-case = 返回案例
back-to-order = 返回订单
back-to-screen = 返回{ $name }
filter-label = 店铺和站点
filter-store = 店铺
filter-store-all = 全部店铺
filter-marketplace = 站点
filter-marketplace-all = 全部站点
filter-show-all = 显示全部案例
inbox-empty-filtered-title = 此店铺或站点没有案例
inbox-empty-filtered-body = 其他店铺或站点有案例。更改上方的筛选条件即可查看。
