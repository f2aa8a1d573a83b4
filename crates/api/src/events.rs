//! `GET /v1/events`: the service's "there is news" stream.
//!
//! [`SseParser`] reads the WHATWG event-stream format (the part of it the
//! service uses) from bytes as they arrive, with no I/O of its own, so it can
//! be tested on every way a stream can be cut into chunks. [`EventStream`]
//! feeds it from the HTTP response and turns its events into [`ServerEvent`]s.
//!
//! An event carries no data, only the seq the seller's change feed has
//! reached; the changes themselves are always read from `/v1/changes`, so a
//! missed or repeated event costs at most one pull.

use crate::client::{without_url, ClientError};
use std::collections::VecDeque;
use std::time::Duration;

/// The most bytes one event may hold while it is received: its unfinished
/// line, data, type and id. Our events are about 40 bytes; the cap is there
/// so a broken or hostile server cannot grow our memory without bound.
pub const MAX_EVENT_BYTES: usize = 64 * 1024;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// One dispatched event, as the format defines it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SseEvent {
    /// The `event:` field; `message` when the event named none.
    pub event: String,
    /// The `data:` lines, joined with `\n`.
    pub data: String,
    /// The last event id when this event was dispatched: its own `id:`, or
    /// the latest earlier one (ids carry over); empty when there was none.
    pub id: String,
}

/// Why a stream cannot be parsed any further.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SseError {
    #[error("a server-sent event exceeds {limit} bytes")]
    EventTooLarge { limit: usize },
}

/// An incremental event-stream parser: feed it the body's bytes in whatever
/// chunks they arrive, get back the events they complete.
#[derive(Debug, Default)]
pub struct SseParser {
    /// The line received so far (without its terminator).
    line: Vec<u8>,
    /// The last chunk ended with CR: an LF at the start of the next one is
    /// the second half of a CRLF, not an empty line.
    after_cr: bool,
    /// A line has been completed; a BOM is only stripped before the first.
    started: bool,
    event_type: String,
    data: String,
    /// The `id:` buffer, which becomes the last event id at the next blank line.
    id_buffer: String,
    last_event_id: String,
    retry: Option<Duration>,
    /// The stream broke the size cap; where its next line starts is unknown.
    failed: bool,
}

impl SseParser {
    pub fn new() -> Self {
        Self::default()
    }

    /// Parses `bytes` and returns the events they complete, in order. After
    /// an error the parser refuses everything: the stream must be dropped
    /// (and the events completed in the same call are lost with it, which is
    /// harmless here: a new stream starts with the current seq).
    pub fn push(&mut self, bytes: &[u8]) -> Result<Vec<SseEvent>, SseError> {
        if self.failed {
            return Err(SseError::EventTooLarge { limit: MAX_EVENT_BYTES });
        }
        let result = self.parse(bytes);
        if result.is_err() {
            // Give the memory back now rather than when the stream is dropped.
            *self = SseParser { failed: true, ..SseParser::default() };
        }
        result
    }

    /// The id a reconnecting client sends as `Last-Event-ID` (empty: none).
    pub fn last_event_id(&self) -> &str {
        &self.last_event_id
    }

    /// The reconnection delay the server asked for with `retry:`, if any.
    pub fn retry(&self) -> Option<Duration> {
        self.retry
    }

    fn parse(&mut self, mut rest: &[u8]) -> Result<Vec<SseEvent>, SseError> {
        let mut events = Vec::new();
        if let Some(&first) = rest.first() {
            if std::mem::take(&mut self.after_cr) && first == b'\n' {
                rest = &rest[1..];
            }
        }
        while let Some(end) = rest.iter().position(|&b| b == b'\n' || b == b'\r') {
            self.extend_line(&rest[..end])?;
            let line = std::mem::take(&mut self.line);
            events.extend(self.process(&line));
            // Keep the allocation for the next line.
            self.line = line;
            self.line.clear();
            if self.held() > MAX_EVENT_BYTES {
                return Err(SseError::EventTooLarge { limit: MAX_EVENT_BYTES });
            }
            let terminator = rest[end];
            rest = &rest[end + 1..];
            if terminator == b'\r' {
                match rest.first() {
                    Some(b'\n') => rest = &rest[1..],
                    Some(_) => {}
                    None => self.after_cr = true,
                }
            }
        }
        self.extend_line(rest)?;
        Ok(events)
    }

    /// Bytes held for the event being received, besides the current line.
    fn held(&self) -> usize {
        self.data.len() + self.event_type.len() + self.id_buffer.len()
    }

    /// Checked before copying, so one huge chunk is refused without being held.
    fn extend_line(&mut self, bytes: &[u8]) -> Result<(), SseError> {
        if self.held() + self.line.len() + bytes.len() > MAX_EVENT_BYTES {
            return Err(SseError::EventTooLarge { limit: MAX_EVENT_BYTES });
        }
        self.line.extend_from_slice(bytes);
        Ok(())
    }

    fn process(&mut self, line: &[u8]) -> Option<SseEvent> {
        let line =
            if std::mem::replace(&mut self.started, true) { line } else { line.strip_prefix(BOM).unwrap_or(line) };
        if line.is_empty() {
            return self.dispatch();
        }
        let (field, value) = match line.iter().position(|&b| b == b':') {
            // A comment: the server's keep-alives.
            Some(0) => return None,
            Some(colon) => {
                let value = &line[colon + 1..];
                (&line[..colon], value.strip_prefix(b" ").unwrap_or(value))
            }
            None => (line, &b""[..]),
        };
        // Line terminators never occur inside a UTF-8 sequence, so decoding
        // line by line gives what decoding the whole stream would.
        let value = String::from_utf8_lossy(value);
        match field {
            b"event" => self.event_type = value.into_owned(),
            b"data" => {
                self.data.push_str(&value);
                self.data.push('\n');
            }
            b"id" if !value.contains('\0') => self.id_buffer = value.into_owned(),
            b"retry" if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) => {
                // Digits beyond u64 are not a delay anyone means; ignore them.
                if let Ok(ms) = value.parse::<u64>() {
                    self.retry = Some(Duration::from_millis(ms));
                }
            }
            _ => {}
        }
        None
    }

    fn dispatch(&mut self) -> Option<SseEvent> {
        // The spec moves the id over even when no event follows.
        self.last_event_id.clone_from(&self.id_buffer);
        let event = std::mem::take(&mut self.event_type);
        let mut data = std::mem::take(&mut self.data);
        if data.is_empty() {
            return None;
        }
        // Every data line appended one; the last is not part of the data.
        data.pop();
        let event = if event.is_empty() { "message".to_owned() } else { event };
        Some(SseEvent { event, data, id: self.last_event_id.clone() })
    }
}

/// What the service announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ServerEvent {
    /// The seller's change feed has reached `seq`: pull from the stored
    /// cursor if it is behind.
    Changes { seq: i64 },
}

#[derive(serde::Deserialize)]
struct ChangesData {
    seq: i64,
}

impl ServerEvent {
    /// `Ok(None)` for an event type this client does not know: a newer
    /// service may announce more, and older clients must keep working.
    pub fn from_sse(event: &SseEvent) -> Result<Option<ServerEvent>, serde_json::Error> {
        match event.event.as_str() {
            "changes" => {
                let data: ChangesData = serde_json::from_str(&event.data)?;
                Ok(Some(ServerEvent::Changes { seq: data.seq }))
            }
            _ => Ok(None),
        }
    }
}

/// An open `GET /v1/events` stream; see [`ApiClient::events`](crate::ApiClient::events).
#[derive(Debug)]
pub struct EventStream {
    response: reqwest::Response,
    status: u16,
    parser: SseParser,
    ready: VecDeque<SseEvent>,
}

impl EventStream {
    /// Takes a 2xx response; anything but an event stream is not our contract
    /// (a captive portal's page, a proxy's error).
    pub(crate) fn new(response: reqwest::Response) -> Result<EventStream, ClientError> {
        let status = response.status().as_u16();
        let media_type = response
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .map(str::trim)
            .unwrap_or_default();
        if !media_type.eq_ignore_ascii_case("text/event-stream") {
            return Err(ClientError::Protocol { status });
        }
        Ok(EventStream { response, status, parser: SseParser::new(), ready: VecDeque::new() })
    }

    /// The next event, skipping those this client does not know. `Ok(None)`
    /// when the server ended the stream (it does when it shuts down); a
    /// connection that breaks, or stays silent past the read timeout, is
    /// `Unreachable`. Either way: reconnect later and pull. A malformed
    /// `changes` event or an oversized one is `Protocol`; drop the stream.
    ///
    /// Cancel-safe, so it can sit in a `select!` with a shutdown signal:
    /// dropping the future loses no event (unread ones wait in the queue).
    pub async fn next(&mut self) -> Result<Option<ServerEvent>, ClientError> {
        loop {
            while let Some(event) = self.ready.pop_front() {
                let typed = ServerEvent::from_sse(&event).map_err(|_| ClientError::Protocol { status: self.status })?;
                if typed.is_some() {
                    return Ok(typed);
                }
            }
            // An event cut off by the end of the stream is discarded, as the
            // format says: it may be incomplete.
            let Some(bytes) = self.response.chunk().await.map_err(|e| ClientError::Unreachable(without_url(e)))? else {
                return Ok(None);
            };
            let events = self.parser.push(&bytes).map_err(|_| ClientError::Protocol { status: self.status })?;
            self.ready.extend(events);
        }
    }

    /// The id of the last event received, for [`ApiClient::events_after`](crate::ApiClient::events_after).
    pub fn last_event_id(&self) -> Option<&str> {
        Some(self.parser.last_event_id()).filter(|id| !id.is_empty())
    }

    /// How long the server asked clients to wait before reconnecting, if it did.
    pub fn retry(&self) -> Option<Duration> {
        self.parser.retry()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::io::{Read, Write};

    fn parse_chunks(chunks: &[&[u8]]) -> Result<Vec<SseEvent>, SseError> {
        let mut parser = SseParser::new();
        let mut events = Vec::new();
        for chunk in chunks {
            events.extend(parser.push(chunk)?);
        }
        Ok(events)
    }

    fn parse(bytes: &[u8]) -> Result<Vec<SseEvent>, SseError> {
        parse_chunks(&[bytes])
    }

    fn event(event: &str, data: &str, id: &str) -> SseEvent {
        SseEvent { event: event.to_owned(), data: data.to_owned(), id: id.to_owned() }
    }

    /// Every feature at once: BOM, all three line endings (CR right before a
    /// non-LF), a comment, `retry`, an unknown field, multi-line data with and
    /// without the space, UTF-8 across bytes, ids carried over.
    const MIXED: &[u8] = b"\xEF\xBB\xBFretry: 1500\r\n: keep-alive\r\nevent: changes\rid: 1\ndata: {\"seq\":1}\r\n\r\n\
data: \xE6\x97\xA5\xE6\x9C\xAC\r\ndata:line two\rfoo: bar\n\revent: changes\r\nid: 2\r\ndata: {\"seq\":2}\r\n\r\n";

    fn mixed_events() -> Vec<SseEvent> {
        vec![
            event("changes", "{\"seq\":1}", "1"),
            event("message", "日本\nline two", "1"),
            event("changes", "{\"seq\":2}", "2"),
        ]
    }

    #[test]
    fn the_reference_servers_stream_is_read() -> Result<(), SseError> {
        // What axum's `Sse` writes for our events, with a keep-alive between.
        let stream =
            b"event: changes\nid: 14\ndata: {\"seq\":14}\n\n:\n\nevent: changes\nid: 17\ndata: {\"seq\":17}\n\n";
        let events = parse(stream)?;
        assert_eq!(events, [event("changes", "{\"seq\":14}", "14"), event("changes", "{\"seq\":17}", "17")]);
        Ok(())
    }

    #[test]
    fn lf_crlf_and_cr_end_lines_alike() -> Result<(), SseError> {
        let expected = [event("changes", "a\nb", "")];
        for ending in ["\n", "\r\n", "\r"] {
            let stream = ["event: changes", "data: a", "data: b", "", ""].join(ending);
            assert_eq!(parse(stream.as_bytes())?, expected, "{ending:?}");
        }
        Ok(())
    }

    #[test]
    fn a_crlf_split_between_chunks_is_one_line_ending() -> Result<(), SseError> {
        // Were the LF taken for a blank line, "a" would be dispatched alone.
        assert_eq!(parse_chunks(&[b"data: a\r", b"\ndata: b\r", b"\n\r", b"\n"])?, [event("message", "a\nb", "")]);
        // A CR then another CR is a line ending and then a blank line.
        assert_eq!(parse_chunks(&[b"data: a\r", b"\r"])?, [event("message", "a", "")]);
        // An empty chunk in between changes nothing.
        assert_eq!(parse_chunks(&[b"data: a\r", b"", b"\n", b"\n"])?, [event("message", "a", "")]);
        Ok(())
    }

    #[test]
    fn one_space_after_the_colon_is_dropped_and_no_more() -> Result<(), SseError> {
        let events = parse(b"data:x\n\ndata: x\n\ndata:  x\n\ndata\n\ndata:\ndata:\n\n")?;
        let data: Vec<&str> = events.iter().map(|e| e.data.as_str()).collect();
        assert_eq!(data, ["x", "x", " x", "", "\n"]);
        Ok(())
    }

    #[test]
    fn comments_unknown_fields_and_events_without_data_dispatch_nothing() -> Result<(), SseError> {
        let stream = b": hello\n\nevent: changes\n\nfoo: bar\nDATA: loud\nid: 3\n\ndata: kept\n\n";
        // The blank line after `event:` resets the type even though nothing was dispatched.
        assert_eq!(parse(stream)?, [event("message", "kept", "3")]);
        Ok(())
    }

    #[test]
    fn ids_carry_over_an_empty_id_clears_and_one_with_nul_is_ignored() -> Result<(), SseError> {
        let mut parser = SseParser::new();
        let events = parser.push(b"id: 5\ndata: a\n\ndata: b\n\nid: 6\0\ndata: c\n\nid\ndata: d\n\n")?;
        let ids: Vec<&str> = events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["5", "5", "5", ""]);
        // The id moves over at the blank line, even with no event.
        parser.push(b"id: 8\n")?;
        assert_eq!(parser.last_event_id(), "");
        parser.push(b"\n")?;
        assert_eq!(parser.last_event_id(), "8");
        Ok(())
    }

    #[test]
    fn retry_takes_digits_only() -> Result<(), SseError> {
        let mut parser = SseParser::new();
        parser.push(b"retry: 2500\n")?;
        assert_eq!(parser.retry(), Some(Duration::from_millis(2500)));
        parser.push(b"retry: 1e3\nretry: -1\nretry:\nretry: 99999999999999999999999\n")?;
        assert_eq!(parser.retry(), Some(Duration::from_millis(2500)));
        Ok(())
    }

    #[test]
    fn a_bom_is_stripped_once_even_when_split() -> Result<(), SseError> {
        assert_eq!(parse_chunks(&[b"\xEF", b"\xBB", b"\xBFdata: a\n\n"])?, [event("message", "a", "")]);
        // A second BOM belongs to the field name, which is then unknown.
        assert_eq!(parse(b"\xEF\xBB\xBF\xEF\xBB\xBFdata: a\n\ndata: b\n\n")?, [event("message", "b", "")]);
        // Only at the start of the stream.
        assert_eq!(parse(b"data: a\n\xEF\xBB\xBFdata: b\n\n")?, [event("message", "a", "")]);
        Ok(())
    }

    #[test]
    fn an_event_without_its_blank_line_is_not_dispatched() -> Result<(), SseError> {
        assert_eq!(parse(b"data: a\n\ndata: b\n")?, [event("message", "a", "")]);
        Ok(())
    }

    #[test]
    fn invalid_utf8_becomes_replacement_characters() -> Result<(), SseError> {
        assert_eq!(parse(b"data: a\xFFb\xE6\x97\n\n")?, [event("message", "a\u{FFFD}b\u{FFFD}", "")]);
        Ok(())
    }

    #[test]
    fn every_split_position_gives_the_same_events() -> Result<(), SseError> {
        assert_eq!(parse(MIXED)?, mixed_events());
        for i in 0..=MIXED.len() {
            for j in i..=MIXED.len() {
                let chunks = [&MIXED[..i], &MIXED[i..j], &MIXED[j..]];
                assert_eq!(parse_chunks(&chunks)?, mixed_events(), "split at {i} and {j}");
            }
        }
        let bytes: Vec<&[u8]> = MIXED.chunks(1).collect();
        assert_eq!(parse_chunks(&bytes)?, mixed_events(), "one byte at a time");
        Ok(())
    }

    #[test]
    fn a_line_longer_than_the_cap_is_refused_and_the_parser_stays_failed() -> Result<(), SseError> {
        let mut parser = SseParser::new();
        parser.push(b"data: ")?;
        parser.push(&vec![b'x'; MAX_EVENT_BYTES - 6])?;
        let too_large = Err(SseError::EventTooLarge { limit: MAX_EVENT_BYTES });
        assert_eq!(parser.push(b"x"), too_large);
        assert_eq!(parser.push(b"\n\ndata: a\n\n"), too_large);
        Ok(())
    }

    #[test]
    fn an_event_of_many_data_lines_is_capped_but_endless_comments_are_not() -> Result<(), SseError> {
        let line = [b"data: ".as_slice(), &[b'x'; 1000], b"\n"].concat();
        let mut parser = SseParser::new();
        let mut refused = false;
        for _ in 0..100 {
            if parser.push(&line).is_err() {
                refused = true;
                break;
            }
        }
        assert!(refused, "100 kB of data in one event was accepted");

        // An event just under the cap goes through.
        let big = "y".repeat(MAX_EVENT_BYTES - 100);
        assert_eq!(parse(format!("data: {big}\n\n").as_bytes())?, [event("message", &big, "")]);

        // Comments are never held, however many come.
        let comment = [b": ".as_slice(), &[b'z'; 1000], b"\n"].concat();
        let mut parser = SseParser::new();
        for _ in 0..1000 {
            parser.push(&comment)?;
        }
        assert_eq!(parser.push(b"data: a\n\n")?, [event("message", "a", "")]);
        Ok(())
    }

    #[test]
    fn changes_events_are_typed_and_unknown_ones_skipped() -> Result<(), serde_json::Error> {
        let typed = |name: &str, data: &str| ServerEvent::from_sse(&event(name, data, ""));
        assert_eq!(typed("changes", "{\"seq\":14}")?, Some(ServerEvent::Changes { seq: 14 }));
        // A later server may add fields.
        assert_eq!(typed("changes", "{\"seq\":15,\"at\":\"now\"}")?, Some(ServerEvent::Changes { seq: 15 }));
        assert_eq!(typed("message", "{\"seq\":14}")?, None);
        assert_eq!(typed("something-new", "whatever")?, None);
        for bad in ["", "seq 14", "{\"seq\":\"14\"}", "{}", "{\"seq\":1.5}"] {
            assert!(typed("changes", bad).is_err(), "{bad:?}");
        }
        Ok(())
    }

    #[derive(Debug, Clone)]
    struct Spec {
        event: Option<String>,
        data: Vec<String>,
        id: Option<String>,
    }

    fn value() -> impl Strategy<Value = String> {
        r"[^\r\n\x00]{0,12}"
    }

    fn spec() -> impl Strategy<Value = Spec> {
        (prop::option::of(value()), prop::collection::vec(value(), 1..4), prop::option::of(value()))
            .prop_map(|(event, data, id)| Spec { event, data, id })
    }

    /// Writes `specs` as a server would, ending each line with the ending
    /// `endings` picks in turn.
    fn encode(specs: &[Spec], bom: bool, endings: &[u8]) -> Vec<u8> {
        let mut lines = Vec::new();
        for s in specs {
            lines.push(": comment".to_owned());
            lines.extend(s.event.as_ref().map(|e| format!("event: {e}")));
            lines.extend(s.id.as_ref().map(|id| format!("id: {id}")));
            lines.extend(s.data.iter().map(|d| format!("data: {d}")));
            lines.push(String::new());
        }
        let mut out = if bom { BOM.to_vec() } else { Vec::new() };
        let mut previous = "";
        for (i, line) in lines.iter().enumerate() {
            let mut ending = ["\n", "\r\n", "\r"][usize::from(endings[i % endings.len()] % 3)];
            // After a lone CR, an LF would join it into one CRLF.
            if previous == "\r" && line.is_empty() && ending == "\n" {
                ending = "\r\n";
            }
            out.extend_from_slice(line.as_bytes());
            out.extend_from_slice(ending.as_bytes());
            previous = ending;
        }
        out
    }

    fn expected(specs: &[Spec]) -> Vec<SseEvent> {
        let mut id = String::new();
        specs
            .iter()
            .map(|s| {
                if let Some(new) = &s.id {
                    id.clone_from(new);
                }
                let name = s.event.clone().filter(|e| !e.is_empty()).unwrap_or_else(|| "message".to_owned());
                event(&name, &s.data.join("\n"), &id)
            })
            .collect()
    }

    proptest! {
        #[test]
        fn any_stream_cut_anywhere_gives_the_events_written(
            specs in prop::collection::vec(spec(), 0..6),
            bom in any::<bool>(),
            endings in prop::collection::vec(any::<u8>(), 1..8),
            cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..8),
        ) {
            let bytes = encode(&specs, bom, &endings);
            let mut at: Vec<usize> = cuts.iter().map(|c| c.index(bytes.len() + 1)).collect();
            at.sort_unstable();
            let mut chunks = Vec::new();
            let mut start = 0;
            for end in at {
                chunks.push(&bytes[start..end]);
                start = end;
            }
            chunks.push(&bytes[start..]);
            prop_assert_eq!(parse_chunks(&chunks), Ok(expected(&specs)));
        }
    }

    // The stream over HTTP, against a canned response on loopback.

    /// Answers one request with `response`, written in small pieces so the
    /// client sees it in several chunks, then closes; returns the request head.
    fn serve_once(
        response: &'static [u8],
    ) -> std::io::Result<(String, std::thread::JoinHandle<std::io::Result<String>>)> {
        let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
        let url = format!("http://{}", listener.local_addr()?);
        let server = std::thread::spawn(move || {
            let (mut socket, _) = listener.accept()?;
            let mut head = Vec::new();
            let mut byte = [0u8; 1];
            while !head.ends_with(b"\r\n\r\n") {
                socket.read_exact(&mut byte)?;
                head.push(byte[0]);
            }
            for piece in response.chunks(5) {
                socket.write_all(piece)?;
                socket.flush()?;
            }
            Ok(String::from_utf8_lossy(&head).to_ascii_lowercase())
        });
        Ok((url, server))
    }

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    /// A guard against hanging on a bug, not a timing assertion.
    async fn guarded<T>(f: impl std::future::Future<Output = T>) -> Result<T, &'static str> {
        tokio::time::timeout(Duration::from_secs(10), f).await.map_err(|_| "timed out")
    }

    #[tokio::test]
    async fn the_stream_is_requested_unencoded_and_read_to_its_end() -> TestResult {
        const RESPONSE: &str = concat!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nConnection: close\r\n\r\n",
            "retry: 3000\r\n: hello\r\nevent: changes\r\nid: 7\r\ndata: {\"seq\":7}\r\n\r\n",
            "event: later\r\ndata: x\r\n\r\nevent: changes\r\nid: 9\r\ndata: {\"seq\":9}\r\n\r\n",
            // Cut off by the end of the stream: discarded.
            "event: changes\r\nid: 10\r\ndata: {\"seq\":10}\r\n",
        );
        let (url, server) = serve_once(RESPONSE.as_bytes())?;
        let client = crate::ApiClient::new(url, "secret")?;
        let mut stream = guarded(client.events_after("6")).await??;
        assert_eq!(guarded(stream.next()).await??, Some(ServerEvent::Changes { seq: 7 }));
        assert_eq!(guarded(stream.next()).await??, Some(ServerEvent::Changes { seq: 9 }));
        assert_eq!(guarded(stream.next()).await??, None);
        assert_eq!(stream.last_event_id(), Some("9"));
        assert_eq!(stream.retry(), Some(Duration::from_secs(3)));

        let head = server.join().map_err(|_| "server panicked")??;
        assert!(head.starts_with("get /v1/events "), "{head}");
        for header in [
            "authorization: bearer secret",
            "accept: text/event-stream",
            "accept-encoding: identity",
            "last-event-id: 6",
        ] {
            assert!(head.contains(&format!("\r\n{header}\r\n")), "{header} missing from {head}");
        }
        Ok(())
    }

    #[tokio::test]
    async fn a_response_that_is_not_an_event_stream_is_a_protocol_error() -> TestResult {
        let (url, _server) =
            serve_once(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n<html>login</html>")?;
        let opened = guarded(crate::ApiClient::new(url, "secret")?.events()).await?;
        assert!(matches!(opened, Err(ClientError::Protocol { status: 200 })), "{opened:?}");
        Ok(())
    }

    #[tokio::test]
    async fn a_malformed_changes_event_is_a_protocol_error() -> TestResult {
        const RESPONSE: &str = concat!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n",
            "event: changes\ndata: {\"seq\":\"soon\"}\n\n",
        );
        let (url, _server) = serve_once(RESPONSE.as_bytes())?;
        let mut stream = guarded(crate::ApiClient::new(url, "secret")?.events()).await??;
        let next = guarded(stream.next()).await?;
        assert!(matches!(next, Err(ClientError::Protocol { status: 200 })), "{next:?}");
        Ok(())
    }
}
