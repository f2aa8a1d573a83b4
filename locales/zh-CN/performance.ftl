# 效果页面（ui/src/performance）：CSBA 值不值？

performance-heading = CSBA 值不值？
performance-subheading = 按店铺和站点逐周查看各项指标，并标出 CSBA 接手的日期，看看此后有哪些变化。
performance-empty = 此店铺或站点还没有每周数据。
performance-panel-heading = { $store } · { $marketplace }
performance-activated = CSBA 自 { $date } 起生效
performance-never-active = CSBA 尚未在此站点生效。
performance-paused = 暂停：{ $from } – { $to }
performance-paused-since = 自 { $from } 起暂停
performance-activation-short = CSBA 生效
performance-paused-short = 暂停
performance-odr-limit = 账户状况要求：低于 { $percent }
performance-tracking-target = 账户状况目标：至少 { $percent }
performance-chart-label = { $metric }（逐周）；最近一个完整周：{ $value }
performance-week-of = 周起始日
performance-no-weeks = 尚无每周记录。
performance-no-comparison = 周数还不够，暂时无法比较 CSBA 前后的变化。
performance-comparison-heading = 使用 CSBA 前后对比
performance-col-metric = 指标
performance-col-before = 之前（{ $from } – { $to }）
performance-col-after = 最近 13 周（{ $from } – { $to }）
performance-col-change = 变化
performance-better = 改善
performance-worse = 变差

## 指标

performance-metric-response-hours = 买家回复时间
performance-metric-response-seconds = 买家回复时间
performance-metric-a-to-z-claim-rate = 亚马逊商城交易保障索赔率
performance-metric-negative-feedback-rate = 差评率
performance-metric-order-defect-rate = 订单缺陷率
performance-metric-valid-tracking-rate = 有效追踪率
performance-metric-contacts-per-unit = 每件发货商品的联系次数
performance-metric-fee-minor = 本周 CSBA 费用
performance-metric-fee = CSBA 费用
