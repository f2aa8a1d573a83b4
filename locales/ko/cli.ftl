# `csba` 명령줄 도구입니다.
cli-token-empty = 표준 입력으로 받은 토큰이 없습니다.
cli-token-saved = { $url }의 API 토큰을 시스템 키체인에 저장했습니다.
cli-no-data-dir = 데이터 폴더를 찾을 수 없습니다. 환경 변수 { "CSBA_DATA_DIR" }를 설정해 주세요.
cli-no-cases = 아직 케이스가 없습니다. CSBA Desk를 열거나 동기화해서 가져와 주세요.
cli-body-unreadable = { $path }을(를) 읽을 수 없습니다.
cli-body-not-utf8 = { $path }은(는) { "UTF-8" } 텍스트가 아닙니다. { "UTF-8" }로 다시 저장한 뒤 시도해 주세요.
cli-reply-empty = 답변 내용이 비어 있습니다.
cli-reply-unknown-case = 이 컴퓨터에 “{ $case }” 케이스가 없습니다. 동기화한 뒤 { "csba cases list" }로 케이스 ID를 확인해 주세요.
cli-reply-queued = 케이스 { $case }에 대한 답변을 전송 대기열에 추가했습니다(#{ $entry }). 다음 동기화 때 전송되며, 다시 시작해도 사라지지 않습니다.
cli-outbox-empty = 전송을 기다리는 항목이 없습니다.
cli-outbox-queued = 전송 대기 중
cli-outbox-sending = 전송 중
cli-outbox-sent = 전송 완료
cli-outbox-failed = 서비스가 거부함({ $code }). 수정한 뒤 다시 보내 주세요
