# The `csba` command.
cli-token-empty = No token was given on standard input.
cli-token-saved = The API token for { $url } is now in the system keychain.
cli-no-data-dir = No data directory could be found. Set { "CSBA_DATA_DIR" }.
cli-no-cases = No cases yet. Open CSBA Desk or sync to fetch them.
cli-body-unreadable = Cannot read { $path }.
cli-body-not-utf8 = { $path } is not UTF-8 text. Save it as UTF-8 and try again.
cli-reply-empty = The reply is empty.
cli-reply-unknown-case = There is no case “{ $case }” on this computer. Sync, then check the id with { "csba cases list" }.
cli-reply-queued = Reply to case { $case } queued (#{ $entry }). It will be sent at the next sync, even after a restart.
cli-outbox-empty = Nothing is waiting to be sent.
cli-outbox-queued = waiting to be sent
cli-outbox-sending = being sent
cli-outbox-sent = sent
cli-outbox-failed = refused by the service ({ $code }); fix it and send it again
