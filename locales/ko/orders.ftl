# 주문 및 송장 번호 화면: 발송할 주문, 개별 입력, 일괄 업로드.
orders-heading = 주문 및 송장 번호
orders-subheading = 발송 기한 전에 유효한 송장 번호로 각 발송을 확인하세요. 발송 기한은 마켓플레이스 현지 시간입니다.
orders-count = 주문 { $count }건
orders-to-ship-heading = 발송 대기
orders-to-ship-empty = 발송할 주문이 없습니다. 모든 주문에 송장 번호가 있습니다.
orders-ship-by = 발송 기한 { $date }
orders-ship-by-none = 발송 기한 없음
orders-quantity = 수량 { $count }
orders-queued = 전송 대기: { $number }
orders-queued-failed = 거부됨: { $number } (보낼 편지함 확인)
orders-enter-tracking = 송장 번호 입력
orders-open-case = 이 주문의 케이스 열기
orders-pending-heading = 보류 중
orders-pending-note = 결제 대기 — 발송하지 마세요
orders-pending-empty = 결제 대기 중인 주문이 없습니다.
orders-shipped-heading = 발송 완료
orders-shipped-empty = 아직 확인된 발송이 없습니다.
orders-col-order = 주문
orders-col-item = 상품
orders-col-tracking = 송장 번호
orders-col-carrier = 택배사
orders-col-ship-date = 발송일
orders-rate-heading = 유효 송장 번호 비율(최근 30일)
orders-rate-target = 목표 { $target } %
orders-rate-meets = 목표 달성
orders-rate-below = 목표 미달
orders-rate-detail = { $shipped }건 중 { $valid }건 유효
orders-rate-none = 최근 30일간 발송 없음

# 개별 입력
orders-entry-heading = 주문 { $order }의 송장 번호
orders-entry-number = 송장 번호
orders-entry-carrier = 택배사
orders-entry-carrier-choose = 택배사 선택
orders-entry-carrier-auto = 번호로 자동 판별
orders-entry-ship-date = 발송일
orders-entry-submit = 발송 확인
orders-entry-cancel = 취소
orders-entry-checking = 확인 중…
orders-verdict-valid = 유효한 송장 번호입니다
orders-verdict-invalid = 유효하지 않음: { $reason }
orders-verdict-normalized = 기록될 번호
orders-verdict-format = 형식: { $format }
orders-verdict-carrier = 택배사: { $carrier }
orders-verdict-candidates = 여러 택배사가 이 형식을 사용합니다({ $carriers }). 하나를 선택하세요.
orders-check-digit-passed = 검증 숫자: 일치
orders-check-digit-failed = 검증 숫자: 불일치(숫자 하나를 잘못 입력한 것 같습니다)
orders-check-digit-none = 이 형식에는 검증 숫자가 없습니다
orders-rejection-other = 받아들일 수 없습니다({ $code }).
orders-problem-other = 이 버전에서 설명할 수 없는 문제입니다({ $code }).

# 일괄 업로드
orders-upload-heading = 일괄 업로드
orders-upload-intro = Amazon 발송 확인 플랫 파일, { "CSV" } 또는 Excel 통합 문서를 사용할 수 있습니다. 먼저 확인하며, 전송 대기에 넣기 전에는 아무것도 보내지 않습니다.
orders-upload-store = 스토어
orders-upload-marketplace = 발송일이 없는 행의 발송일
orders-upload-marketplace-auto = 주문 마켓플레이스의 오늘
orders-upload-carrier = 택배사가 없는 행의 택배사
orders-upload-carrier-auto = 번호로 자동 판별
orders-upload-choose = 파일 선택…
orders-upload-drop = 또는 이 창 어디에나 끌어다 놓기(최대 50 { "MB" })
orders-upload-drop-over = 놓으면 파일을 확인합니다
orders-upload-several = 파일 { $count }개를 놓았습니다. 첫 번째 파일 { $name }만 확인합니다.
orders-upload-checking = { $name } 확인 중…
orders-upload-kind = { $kind }, { $encoding }
orders-upload-kind-flat_file = Amazon 플랫 파일
orders-upload-kind-csv = { "CSV" }
orders-upload-kind-tsv = 탭으로 구분된 텍스트
orders-upload-kind-xlsx = Excel 통합 문서
orders-upload-counts = { $rows }행 중 { $valid }행 전송 가능
orders-upload-problems-heading = 고쳐야 할 문제 { $count }개
orders-upload-col-line = 행
orders-upload-col-column = 열
orders-upload-col-problem = 문제
orders-upload-whole-file = 파일
orders-upload-ambiguous-heading = 택배사가 불분명한 행 { $count }개
orders-upload-ambiguous-row = { $line }행: { $number }(주문 { $order })은 { $carriers }에 모두 해당합니다. 위에서 택배사를 선택해 다시 확인하지 않으면 첫 번째 택배사로 기록됩니다.
orders-upload-unchecked = 주문이 아직 이 컴퓨터에 없어 여기서 확인할 수 없었습니다. 서비스에서 확인합니다.
orders-upload-queue = 발송 { $count }건을 전송 대기에 넣기
orders-upload-fix-first = 파일의 문제를 모두 고치고 다시 확인해야 전송 대기에 넣을 수 있습니다.
orders-upload-progress = 서비스가 { $batches }개 묶음 중 { $done }개에 응답했습니다…
orders-upload-done = 완료: 발송 { $count }건이 확인되었습니다.
orders-upload-failed = { $count }개 묶음이 거부되었습니다. 보낼 편지함을 확인하세요.
orders-upload-results-heading = 서비스가 기록한 내용
orders-upload-result-ambiguous = 택배사는 추정입니다. 틀리면 개별 입력으로 고치세요

# 템플릿과 샘플
orders-templates-heading = 템플릿과 샘플 파일
orders-template-flat = Amazon 플랫 파일 템플릿 저장
orders-template-csv = { "CSV" } 템플릿 저장
orders-template-sample = 실수가 포함된 샘플 파일로 해 보기
orders-template-saved = 저장 위치:
orders-template-check = 지금 확인

# 앱이 더하는 업로드 문제.
import-problem-ship_date_in_future = 발송일이 미래 날짜입니다.
import-problem-ship_date_needs_marketplace = 발송일이 없고 주문의 마켓플레이스도 알 수 없습니다. 날짜를 입력하거나, 위에서 마켓플레이스를 선택해 현지의 오늘 날짜를 사용하세요.

# 택배사(백엔드 코드별).
carrier-china-post = 중국우정
carrier-japan-post = 일본우편(국제)
carrier-upu-s10 = 우편({ "UPU S10" })
carrier-ups = UPS
carrier-fedex = FedEx
carrier-usps = USPS
carrier-dhl-express = { "DHL Express" }
carrier-yamato = 야마토 운수
carrier-sagawa = 사가와 익스프레스
carrier-japan-post-domestic = 일본우편(유팩)
carrier-yunexpress = { "YunExpress" }
carrier-4px = { "4PX" }
carrier-cainiao = 차이냐오
carrier-sf-express = { "SF Express" }(순펑)
carrier-amazon-logistics = Amazon 물류
carrier-dhl-ecommerce = { "DHL eCommerce" }
