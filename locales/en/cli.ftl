# The `csba` command.
cli-token-empty = No token was given on standard input.
cli-token-saved = The API token for { $url } is now in the system keychain.
cli-no-data-dir = No data directory could be found. Set { "CSBA_DATA_DIR" }.
cli-no-cases = No cases yet. Open CSBA Desk or sync to fetch them.
