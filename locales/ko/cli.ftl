# `csba` 명령줄 도구입니다.
cli-token-empty = 표준 입력으로 받은 토큰이 없습니다.
cli-token-saved = { $url }의 API 토큰을 시스템 키체인에 저장했습니다.
cli-no-data-dir = 데이터 폴더를 찾을 수 없습니다. 환경 변수 { "CSBA_DATA_DIR" }를 설정해 주세요.
cli-no-cases = 아직 케이스가 없습니다. CSBA Desk를 열거나 동기화해서 가져와 주세요.
