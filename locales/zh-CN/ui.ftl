# CSBA Desk — 界面文案（简体中文）。
# 与 Rust 端共用：每个消息 ID 和 { $变量 } 必须在 en、zh-CN、ja、ko 中保持一致。

## 品牌与导航

app-title = CSBA Desk
nav-inbox = 收件箱
loading = 正在加载…
action-retry = 重试

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

## 同步与服务

sync-online = 在线
sync-offline = 离线
sync-syncing = 正在同步…
sync-last = 上次同步：{ $time }
sync-never = 尚未同步
service-sandbox = 沙盒 · 演示数据
service-remote = 正式账户

## 设置

language-label = 语言

## 错误

error-unknown = 出现问题，请稍后重试。
