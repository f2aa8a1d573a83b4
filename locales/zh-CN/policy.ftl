# 退货政策（{ "csba policy check" }）与差评删除。

## 命令

policy-unknown-marketplace = “{ $value }”不是有效的站点，请填写 { "JP" } 或 { "US" }。
policy-bad-date = “{ $value }”不是有效日期，请按 { "YYYY-MM-DD" } 格式填写。
policy-file-unreadable = 无法读取退货政策文件 { $path }。请检查路径是否正确，以及是否有权限打开该文件。
policy-json-syntax = { $path }，第 { $line } 行第 { $column } 列：这不是有效的 { "JSON" } 格式。
policy-json-unknown-field = { $path }，第 { $line } 行第 { $column } 列：退货政策中没有名为“{ $name }”的字段。
policy-json-missing-field = { $path }，第 { $line } 行第 { $column } 列：缺少必填字段“{ $name }”。
policy-json-unknown-value = { $path }，第 { $line } 行第 { $column } 列：“{ $name }”不是允许的取值。
policy-json-invalid-country = { $path }，第 { $line } 行第 { $column } 列：“{ $name }”不是两位字母的国家代码（例如 { "JP" } 或 { "US" }）。
policy-json-invalid = { $path }，第 { $line } 行第 { $column } 列：{ $detail }
policy-compliant = 该退货政策符合 { $marketplace } 站点的全部规则。
policy-not-compliant = 该退货政策违反了 { $marketplace } 站点的 { $count } 条规则：
policy-rule-line = 规则 { $rule }：{ $text }

## 违规项

policy-violation-return-window-too-short = 退货期限过短：买家必须能在商品送达后至少 { $limit } 天内申请退货。
policy-violation-return-address-missing = 该政策要求买家寄回商品，但没有填写退货地址。
policy-violation-return-address-incomplete = 退货地址没有填写具体地址。
policy-violation-return-address-outside-marketplace = 退货地址不在该站点所在国家，因此不能要求买家将商品寄回该地址。
policy-violation-returnless-threshold-missing = 选择了“低于一定金额时仅退款不退货”，但没有填写该金额。
policy-violation-refund-too-slow = 必须在退货送达后 { $limit } 个工作日内完成退款。
policy-violation-seller-must-pay-return-shipping = 退货理由为“{ $reason }”时，退货运费必须由卖家承担，不能由买家承担。
policy-violation-free-returns-required = { $category }：无论买家选择何种退货理由，都必须提供免费退货。
policy-violation-category-must-be-returnable = { $category }：该品类必须接受退货。
policy-violation-category-must-be-non-returnable = { $category }：亚马逊不接受该品类退货，请将其标记为不可退货。
policy-violation-category-excluded-from-csba = { $category }：在该站点，此品类不在 CSBA 服务范围内。
policy-violation-restocking-fee-on-compliant-return = 对于在期限内退回且保持原状的商品，不得收取重新入库费。
policy-violation-restocking-fee-too-high = 重新入库费最多为商品价格的 { $limit }%。

## 规则

policy-rule-policy-returnless-threshold = 设置“低于一定金额时仅退款不退货”的政策，必须写明该金额。
policy-rule-jp-return-window = 日本站在商品送达后至少 30 天内接受退货，卖家政策不得比这更严格。
policy-rule-jp-return-address-domestic = 卖家如需买家退货，退货地址必须为日本国内地址；否则只能仅退款不退货。
policy-rule-jp-returns-accepted = 符合退货政策的商品必须接受退货并全额退款；只有食品、饮料和危险物品不接受退货。
policy-rule-jp-refund-within-business-days = 必须在商品退达后 2 个工作日内退款，否则亚马逊客服有权代替卖家退款。
policy-rule-jp-seller-paid-reasons = 15 种退货理由（商品瑕疵、破损、发错货、缺件、延迟送达等）的退货运费由卖家承担；仅其余 7 种可由买家承担。
policy-rule-jp-free-returns-apparel-bags-shoes = 服装、箱包、鞋靴不论买家选择何种原因，卖家都必须提供免费退货。
policy-rule-jp-non-returnable-categories = 食品、饮料、危险物品或潜在危险品一律不接受退货。
policy-rule-jp-excluded-categories = 在日本站，药品和医疗器械不在 CSBA 服务范围内。
policy-rule-jp-full-refund-for-compliant-returns = 符合退货政策退回的商品必须全额退款；仅逾期退回、已使用或有损坏的商品可收取费用。
policy-rule-us-return-window = 美国站大多数商品在送达后 30 天内可退货，卖家政策至少要同样优惠。
policy-rule-us-return-address-domestic-or-prepaid = 海外卖家须提供美国境内的退货地址、预付退货标签，或仅退款不退货。
policy-rule-us-returns-accepted = 符合亚马逊退货政策的退货必须接受；卖家政策至少要与亚马逊的政策同样优惠。
policy-rule-us-refund-within-business-days = 收到退货后 2 个工作日内完成退款。
policy-rule-us-seller-paid-reasons = 因卖家原因退货（商品有瑕疵、破损、发错货、与描述不符、延迟送达、缺件）时，退货运费由卖家承担。
policy-rule-us-free-returns-fashion = 服装、箱包、鞋靴无论何种原因均须免费退货。
policy-rule-us-non-returnable-categories = 美国站不接受食品杂货和危险物品退货；卖家自愿接受退货也是允许的。
policy-rule-us-excluded-categories = 在美国站，没有被排除在 CSBA 服务范围之外的品类。
policy-rule-us-restocking-fee-limits = 仅对逾期退回、已使用或有损坏的商品可收取重新入库费，且最多为商品价格的 50%。

## 退货理由（前 15 种由卖家承担运费，后 7 种可由买家承担）

return-reason-performance-or-quality-not-adequate = 性能或品质不理想
return-reason-not-compatible-with-intended-use = 不符合或无法用于预期使用目的
return-reason-damaged-due-to-inadequate-packaging = 因包装不充分而导致商品残损
return-reason-missed-estimated-delivery = 错过了预计送达时间
return-reason-missing-parts-or-accessories = 零件或配件缺失
return-reason-damaged-in-shipping = 商品在配送中残损
return-reason-wrong-item-sent = 发送的商品错误
return-reason-defective = 商品有瑕疵或无法正常工作
return-reason-received-extra-or-different-item = 收到了订购商品以外的商品
return-reason-unauthorized-purchase = 不记得曾购买
return-reason-inaccurate-website-description = 网站上对商品的描述不准确
return-reason-battery-dead = 电池没电/不能正常工作
return-reason-missing-documents-or-manual-or-warranty = 缺少文件/手册/保修单
return-reason-missing-certificate-of-authenticity = 缺少质量证明、验证书
return-reason-no-shine-discolored-or-unacceptable-condition = 没有光泽/变色了/状况不可接受
return-reason-accidental-order = 意外订单
return-reason-better-price-found = 发现比 Amazon 更便宜的同种商品
return-reason-no-longer-needed = 不再需要或不想要
return-reason-incompatible-with-existing-system = 零件与当前系统不兼容
return-reason-installation-cost-higher-than-expected = 安装费用超过意料
return-reason-size-too-small = 尺寸错误：太小/太短
return-reason-size-too-large = 尺寸错误：太大/太长

## 商品品类

policy-category-apparel = 服装
policy-category-bags = 箱包
policy-category-shoes = 鞋靴
policy-category-food = 食品
policy-category-beverages = 饮料
policy-category-hazmat = 危险物品
policy-category-drugs = 药品
policy-category-medical-devices = 医疗器械
policy-category-electronics = 电子产品
policy-category-home = 家居厨房
policy-category-toys = 玩具
policy-category-beauty = 美妆个护
policy-category-books = 图书
policy-category-other = 其他

## 买家评价

feedback-sentiment-negative = 差评
feedback-sentiment-neutral = 中评
feedback-sentiment-positive = 好评
feedback-ground-caused-by-csba = 由 CSBA 客服导致
feedback-ground-obscene-language = 含有淫秽或辱骂性语言
feedback-ground-sellers-personal-information = 含有卖家的个人信息
feedback-ground-entirely-product-review = 内容完全是商品评论
feedback-ground-amazon-fulfilled-delivery-complaint = 针对亚马逊配送订单的物流投诉
feedback-possible-ground = 可能符合删除条件：{ $ground }。发送请求前请再核对一下评论内容。
feedback-recipient-csba-team = 通过邮件发送给 CSBA 团队
feedback-recipient-feedback-manager = 在 Seller Central 申请删除评价
feedback-error-out-of-time = 只能在评价留下后 90 天内申请删除。
feedback-error-not-negative = 只有差评（1 星或 2 星）才能发送给 CSBA 团队申请删除。
feedback-error-not-handled-by-csba = 该订单并非由 CSBA 处理，因此 CSBA 团队无法删除这条评价。
feedback-error-not-fulfilled-by-amazon = 该订单不是亚马逊配送的订单，物流投诉不能作为删除理由。
feedback-error-seller-name-missing = 请填写卖家名称，CSBA 团队需要在邮件标题中看到它。
feedback-error-order-id-missing = 请填写订单编号。
feedback-error-explanation-missing = 请用一两句话说明为什么应删除这条评价。
feedback-error-question-missing = 请填写您对该订单的疑问。
feedback-error-feedback-window-unreadable = 无法读取评价删除期限，请更新 CSBA Desk。
