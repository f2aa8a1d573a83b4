# 반품 정책 확인과 피드백 삭제.

## 명령

policy-unknown-marketplace = ‘{ $value }’은(는) 마켓플레이스가 아닙니다. { "JP" } 또는 { "US" }를 입력하세요.
policy-bad-date = ‘{ $value }’은(는) 날짜가 아닙니다. { "YYYY-MM-DD" } 형식으로 입력하세요.
policy-file-unreadable = 반품 정책 파일 { $path }을(를) 읽을 수 없습니다. 경로와 파일 접근 권한을 확인하세요.
policy-json-syntax = { $path }, { $line }행 { $column }열: 올바른 { "JSON" } 형식이 아닙니다.
policy-json-unknown-field = { $path }, { $line }행 { $column }열: 반품 정책에는 ‘{ $name }’ 항목이 없습니다.
policy-json-missing-field = { $path }, { $line }행 { $column }열: 필수 항목 ‘{ $name }’이(가) 없습니다.
policy-json-unknown-value = { $path }, { $line }행 { $column }열: ‘{ $name }’은(는) 허용되는 값이 아닙니다.
policy-json-invalid-country = { $path }, { $line }행 { $column }열: ‘{ $name }’은(는) 두 글자 국가 코드(예: { "JP" }, { "US" })가 아닙니다.
policy-json-invalid = { $path }, { $line }행 { $column }열: { $detail }
policy-compliant = 이 반품 정책은 { $marketplace } 마켓플레이스의 모든 규칙을 충족합니다.
policy-not-compliant = 이 반품 정책은 { $marketplace } 마켓플레이스 규칙 { $count }개를 위반합니다:
policy-rule-line = 규칙 { $rule }: { $text }

## 위반 사항

policy-violation-return-window-too-short = 반품 기간이 너무 짧습니다. 구매자는 배송 후 최소 { $limit }일 동안 반품을 요청할 수 있어야 합니다.
policy-violation-return-address-missing = 구매자에게 상품 반송을 요구하지만 반품 주소가 없습니다.
policy-violation-return-address-incomplete = 반품 주소에 상세 주소가 입력되지 않았습니다.
policy-violation-return-address-outside-marketplace = 반품 주소가 마켓플레이스 국가 밖에 있으므로 구매자에게 이 주소로 반송을 요구할 수 없습니다.
policy-violation-returnless-threshold-missing = 일정 금액 이하는 반송 없이 환불하도록 선택했지만 기준 금액이 없습니다.
policy-violation-refund-too-slow = 반품 상품이 도착한 후 { $limit }영업일 이내에 환불해야 합니다.
policy-violation-seller-must-pay-return-shipping = 반품 사유가 ‘{ $reason }’인 경우 반품 배송비는 구매자가 아닌 셀러가 부담해야 합니다.
policy-violation-free-returns-required = { $category }: 반품 사유와 관계없이 구매자에게 무료 반품을 제공해야 합니다.
policy-violation-category-must-be-returnable = { $category }: 이 카테고리는 반품을 받아야 합니다.
policy-violation-category-must-be-non-returnable = { $category }: 이 카테고리는 Amazon에서 반품할 수 없습니다. 반품 불가로 표시하세요.
policy-violation-category-excluded-from-csba = { $category }: 이 마켓플레이스에서는 이 카테고리가 CSBA 대상이 아닙니다.
policy-violation-restocking-fee-on-compliant-return = 기간 내에 원래 상태로 반품된 상품에는 재입고 수수료를 부과할 수 없습니다.
policy-violation-restocking-fee-too-high = 재입고 수수료는 상품 가격의 최대 { $limit }%까지입니다.

## 규칙

policy-rule-policy-returnless-threshold = 일정 금액 이하를 반송 없이 환불하는 정책에는 기준 금액을 명시해야 합니다.
policy-rule-jp-return-window = Amazon.co.jp는 배송 후 최소 30일 동안 반품을 받습니다. 셀러 정책이 이보다 엄격해서는 안 됩니다.
policy-rule-jp-return-address-domestic = 구매자에게 반송을 요구하려면 반품 주소가 일본 국내여야 합니다. 그렇지 않으면 반송 없이 환불합니다.
policy-rule-jp-returns-accepted = 정책에 맞는 반품은 받아서 전액 환불해야 합니다. 식품, 음료, 위험물만 반품 불가로 할 수 있습니다.
policy-rule-jp-refund-within-business-days = 반품 상품이 도착한 후 2영업일 이내에 환불하세요. 그렇지 않으면 Amazon이 셀러를 대신해 환불할 수 있습니다.
policy-rule-jp-seller-paid-reasons = 15가지 반품 사유(불량, 파손, 오배송, 구성품 누락, 배송 지연 등)는 셀러가 반품 배송비를 부담합니다. 나머지 7가지만 구매자 부담으로 할 수 있습니다.
policy-rule-jp-free-returns-apparel-bags-shoes = 의류, 가방, 신발은 구매자가 어떤 사유를 선택하든 무료로 반품할 수 있어야 합니다.
policy-rule-jp-non-returnable-categories = 식품, 음료, 위험물 또는 위험 가능성이 있는 상품은 반품을 받지 않습니다.
policy-rule-jp-excluded-categories = Amazon.co.jp에서는 의약품과 의료기기가 CSBA 대상이 아닙니다.
policy-rule-jp-full-refund-for-compliant-returns = 정책에 맞게 반품된 상품은 전액 환불합니다. 수수료는 기한이 지난 반품이나 사용·파손된 상품에만 부과할 수 있습니다.
policy-rule-us-return-window = Amazon.com은 대부분의 상품을 배송 후 30일 동안 반품받습니다. 셀러 정책은 최소한 이만큼 유리해야 합니다.
policy-rule-us-return-address-domestic-or-prepaid = 해외 셀러는 미국 내 반품 주소, 선불 반품 라벨, 반송 없는 환불 중 하나를 제공해야 합니다.
policy-rule-us-returns-accepted = Amazon 반품 정책에 해당하는 반품은 받아야 합니다. 셀러 정책은 최소한 Amazon 정책만큼 유리해야 합니다.
policy-rule-us-refund-within-business-days = 반품 상품을 받은 후 2영업일 이내에 환불하세요.
policy-rule-us-seller-paid-reasons = 셀러 책임인 반품(불량, 파손, 오배송, 설명과 다름, 배송 지연, 구성품 누락)은 셀러가 반품 배송비를 부담합니다.
policy-rule-us-free-returns-fashion = 의류, 가방, 신발은 사유와 관계없이 무료로 반품할 수 있습니다.
policy-rule-us-non-returnable-categories = Amazon.com에서는 식료품과 위험물을 반품할 수 없지만, 셀러가 자발적으로 반품을 받는 것은 허용됩니다.
policy-rule-us-excluded-categories = Amazon.com에서는 CSBA 대상에서 제외되는 카테고리가 없습니다.
policy-rule-us-restocking-fee-limits = 재입고 수수료는 기한이 지난 반품이나 사용·파손된 상품에만, 상품 가격의 최대 50%까지 부과할 수 있습니다.

## 반품 사유(앞의 15가지는 셀러 부담, 뒤의 7가지는 구매자 부담 가능)

return-reason-performance-or-quality-not-adequate = 성능 또는 품질이 기대에 못 미침
return-reason-not-compatible-with-intended-use = 용도에 맞지 않거나 사용할 수 없음
return-reason-damaged-due-to-inadequate-packaging = 포장이 부실해 상품이 파손됨
return-reason-missed-estimated-delivery = 예상 배송일까지 도착하지 않음
return-reason-missing-parts-or-accessories = 부품 또는 액세서리 누락
return-reason-damaged-in-shipping = 배송 중 파손됨
return-reason-wrong-item-sent = 다른 상품이 발송됨
return-reason-defective = 결함이 있거나 제대로 작동하지 않음
return-reason-received-extra-or-different-item = 주문한 상품이 아닌 다른 상품을 받음
return-reason-unauthorized-purchase = 구매한 기억이 없음
return-reason-inaccurate-website-description = 웹사이트의 상품 설명이 정확하지 않음
return-reason-battery-dead = 배터리가 방전되었거나 제대로 작동하지 않음
return-reason-missing-documents-or-manual-or-warranty = 서류, 설명서 또는 보증서 누락
return-reason-missing-certificate-of-authenticity = 품질 증명서 또는 감정서 누락
return-reason-no-shine-discolored-or-unacceptable-condition = 광택이 없거나 변색되었거나 상태가 수용할 수 없는 수준임
return-reason-accidental-order = 실수로 주문함
return-reason-better-price-found = Amazon보다 저렴한 같은 상품을 찾음
return-reason-no-longer-needed = 더 이상 필요하지 않거나 원하지 않음
return-reason-incompatible-with-existing-system = 부품이 현재 시스템과 호환되지 않음
return-reason-installation-cost-higher-than-expected = 설치 비용이 예상보다 많이 듦
return-reason-size-too-small = 사이즈 오류: 너무 작거나 짧음
return-reason-size-too-large = 사이즈 오류: 너무 크거나 긺

## 상품 카테고리

policy-category-apparel = 의류
policy-category-bags = 가방
policy-category-shoes = 신발
policy-category-food = 식품
policy-category-beverages = 음료
policy-category-hazmat = 위험물
policy-category-drugs = 의약품
policy-category-medical-devices = 의료기기
policy-category-electronics = 전자제품
policy-category-home = 홈·주방
policy-category-toys = 완구
policy-category-beauty = 뷰티
policy-category-books = 도서
policy-category-other = 기타

## 피드백

feedback-sentiment-negative = 부정적
feedback-sentiment-neutral = 보통
feedback-sentiment-positive = 긍정적
feedback-ground-caused-by-csba = CSBA 고객 서비스로 인해 발생
feedback-ground-obscene-language = 음란하거나 모욕적인 표현 포함
feedback-ground-sellers-personal-information = 셀러의 개인 정보 포함
feedback-ground-entirely-product-review = 내용 전체가 상품 리뷰임
feedback-ground-amazon-fulfilled-delivery-complaint = Amazon이 배송한 주문의 배송 불만
feedback-possible-ground = 삭제 대상일 수 있습니다: { $ground }. 요청을 보내기 전에 댓글 내용을 확인하세요.
feedback-recipient-csba-team = CSBA 팀에 이메일로 전송
feedback-recipient-feedback-manager = Seller Central에서 피드백 삭제 요청
feedback-error-out-of-time = 피드백이 작성된 후 90일 이내에만 삭제를 요청할 수 있습니다.
feedback-error-not-negative = CSBA 팀에 삭제를 요청할 수 있는 피드백은 부정적 피드백(별 1개 또는 2개)뿐입니다.
feedback-error-not-handled-by-csba = 이 주문은 CSBA가 처리하지 않았으므로 CSBA 팀이 이 피드백을 삭제할 수 없습니다.
feedback-error-not-fulfilled-by-amazon = 이 주문은 Amazon이 배송하지 않았으므로 배송 불만은 삭제 사유가 되지 않습니다.
feedback-error-seller-name-missing = 셀러 이름을 입력하세요. CSBA 팀에 보내는 이메일 제목에 필요합니다.
feedback-error-order-id-missing = 주문 번호를 입력하세요.
feedback-error-explanation-missing = 이 피드백을 삭제해야 하는 이유를 한두 문장으로 설명하세요.
feedback-error-question-missing = 주문에 관한 질문을 입력하세요.
feedback-error-feedback-window-unreadable = 피드백 삭제 기한을 읽을 수 없습니다. CSBA Desk를 업데이트하세요.
