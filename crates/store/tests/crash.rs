//! `kill -9` while drafting and queueing: whatever the process reported as
//! saved is there after a restart, exactly.
//!
//! The test re-runs its own binary as the child (the ignored `crash_child`
//! test, selected with `--ignored --exact`). The child reports each write on
//! stdout only after the commit returned; the parent kills it with SIGKILL
//! at a random moment, reopens the store and checks every report.

use chrono::{DateTime, TimeZone, Utc};
use csba_store::{NewAction, OutboxState};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

mod common;
use common::open;

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

const DB_ENV: &str = "CSBA_CRASH_CHILD_DB";
const START_ENV: &str = "CSBA_CRASH_CHILD_START";
/// Drafts of these cases are rewritten over and over.
const DRAFT_CASES: u64 = 7;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, 10, 0, 0).single().unwrap_or_default()
}

/// The draft body of version `n`: multi-line, non-ASCII, of varying length.
fn draft_body(case: &str, n: u64) -> String {
    format!("{case} 版 {n}\n{}", "返信の下書き。".repeat((n % 97) as usize))
}

#[test]
#[ignore = "the child side of sigkill_at_random_points_loses_nothing"]
fn crash_child() -> Result {
    let Some(path) = std::env::var_os(DB_ENV) else { return Ok(()) };
    let start: u64 = std::env::var(START_ENV)?.parse()?;
    let (mut store, acct) = open(Path::new(&path))?;
    let mut out = std::io::stdout().lock();
    for n in start.. {
        let case = format!("c-{}", n % DRAFT_CASES);
        store.save_draft(acct, &case, &draft_body(&case, n), now())?;
        writeln!(out, "draft {case} {n}")?;
        out.flush()?;
        if n % 3 == 0 {
            let entry = store.enqueue_request(
                acct,
                &NewAction {
                    kind: csba_store::ActionKind::ServiceQuestion,
                    object_key: format!("question:{}", n % 5),
                    method: "POST".into(),
                    path: "/v1/service-questions".into(),
                    body: Some(csba_store::JsonText::encode(&serde_json::json!({ "n": n }))?),
                },
                now(),
            )?;
            writeln!(out, "action {} {n}", entry.idempotency_key)?;
            out.flush()?;
            // Syncing alongside: claim an entry, settle it half of the time.
            if let Some(due) = store.next_sendable(acct, now())?.first() {
                store.mark_sending(due.id, now(), now() + chrono::Duration::seconds(90))?;
                if n % 2 == 0 {
                    store.mark_sent(due.id, now())?;
                }
            }
        }
        if n % 4 == 0 {
            // A one-off case: draft, then reply (draft deleted in the same
            // transaction as the reply is queued).
            let case = format!("r-{n}");
            store.save_draft(acct, &case, &draft_body(&case, n), now())?;
            writeln!(out, "draft {case} {n}")?;
            out.flush()?;
            let entry = store.reply_to_case(acct, &case, &draft_body(&case, n), Some("ja"), now())?;
            writeln!(out, "reply {case} {}", entry.idempotency_key)?;
            out.flush()?;
        }
    }
    Ok(())
}

/// A small deterministic generator for the kill delays.
struct XorShift(u64);
impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn sigkill_at_random_points_loses_nothing() -> Result {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("replica.sqlite");
    let exe = std::env::current_exe()?;
    let mut rng = XorShift(0x5EED_1234_ABCD_0001);
    // Per draft case: the last version reported saved.
    let mut drafts: HashMap<String, u64> = HashMap::new();
    let mut actions: Vec<String> = Vec::new();
    let mut replies: HashMap<String, String> = HashMap::new();
    let mut reported_total = 0;

    for round in 0..8u64 {
        let mut child = Command::new(&exe)
            .args(["crash_child", "--exact", "--ignored", "--nocapture", "--test-threads=1"])
            .env(DB_ENV, &path)
            .env(START_ENV, (round * 1_000_000).to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()?;
        let stdout = child.stdout.take().ok_or("no stdout")?;
        let reader = std::thread::spawn(move || {
            let mut lines = Vec::new();
            let mut reader = BufReader::new(stdout);
            let mut line = String::new();
            // Only complete lines: a report cut by the kill was not made.
            while reader.read_line(&mut line).map(|n| n > 0).unwrap_or(false) {
                if line.ends_with('\n') {
                    lines.push(line.trim_end().to_owned());
                }
                line.clear();
            }
            lines
        });
        std::thread::sleep(Duration::from_millis(150 + rng.next() % 400));
        child.kill()?; // SIGKILL on Unix
        let status = child.wait()?;
        assert!(!status.success(), "round {round}: the child was killed, not finished");
        let lines = reader.join().map_err(|_| "reader panicked")?;
        for line in &lines {
            let parts: Vec<&str> = line.split(' ').collect();
            match parts.as_slice() {
                ["draft", case, n] if case.starts_with("c-") => {
                    drafts.insert((*case).to_owned(), n.parse()?);
                }
                ["draft", case, n] => {
                    replies.entry((*case).to_owned()).or_insert_with(|| format!("draft {n}"));
                }
                ["action", key, _] => actions.push((*key).to_owned()),
                ["reply", case, key] => {
                    replies.insert((*case).to_owned(), (*key).to_owned());
                }
                _ => continue,
            }
            reported_total += 1;
        }

        // The restart: everything reported is there.
        let (store, acct) = open(&path)?;
        for (case, reported) in &drafts {
            let draft = store.draft(acct, case)?.ok_or(format!("round {round}: draft {case} lost"))?;
            let version: u64 = draft.body.split([' ', '\n']).nth(2).ok_or("body")?.parse()?;
            assert!(version >= *reported, "round {round}: {case} went back from {reported} to {version}");
            assert_eq!(draft.body, draft_body(case, version), "round {round}: {case} is exact");
        }
        let outbox = store.outbox()?;
        // An entry the killed process was sending is sendable again once its
        // claim ran out, under the same key.
        let later = now() + chrono::Duration::seconds(91);
        let claimed: Vec<i64> = outbox.iter().filter(|e| e.state == OutboxState::Sending).map(|e| e.id).collect();
        let sendable: Vec<i64> = store.next_sendable(acct, later)?.iter().map(|e| e.id).collect();
        for id in &claimed {
            assert!(sendable.contains(id), "round {round}: claimed entry {id} is stuck");
        }
        let by_key: HashMap<&str, &csba_store::OutboxEntry> =
            outbox.iter().map(|e| (e.idempotency_key.as_str(), e)).collect();
        for key in &actions {
            assert!(by_key.contains_key(key.as_str()), "round {round}: action {key} lost");
        }
        for (case, last) in &replies {
            let queued: Vec<_> = outbox.iter().filter(|e| e.object_key == format!("case:{case}")).collect();
            let draft = store.draft(acct, case)?;
            if last.starts_with("draft ") {
                // The reply may or may not have committed: one or the other, never both or neither.
                assert!(queued.len() + usize::from(draft.is_some()) == 1, "round {round}: {case} {queued:?} {draft:?}");
            } else {
                assert!(draft.is_none(), "round {round}: {case} draft outlived its reply");
                assert_eq!(queued.len(), 1, "round {round}: reply for {case}");
                assert_eq!(&queued[0].idempotency_key, last);
            }
        }
    }
    assert!(reported_total > 100, "the child got some work done before the kills ({reported_total})");
    Ok(())
}
