//! Reading one HTTP/1.1 request off a socket, for the test proxies that sit
//! between a client and the real server (the fault injector here, the
//! counting proxy of `csba`'s two-process test, which includes this file
//! by path).

use tokio::io::AsyncReadExt;
use tokio::net::TcpStream;

type Error = Box<dyn std::error::Error + Send + Sync>;

/// One request, ready to forward.
pub struct HttpRequest {
    /// Headers and `content-length` body, with the `Connection` header set
    /// to `close` so every request gets its own connection to fault or count.
    pub bytes: Vec<u8>,
    /// The `Idempotency-Key` header, if any.
    pub idempotency_key: Option<String>,
}

pub async fn read_request(client: &mut TcpStream) -> Result<HttpRequest, Error> {
    let mut buffer = Vec::new();
    let mut chunk = [0u8; 8192];
    let header_end = loop {
        let n = client.read(&mut chunk).await?;
        if n == 0 {
            return Err("client closed before sending a request".into());
        }
        buffer.extend_from_slice(&chunk[..n]);
        if let Some(at) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
            break at + 4;
        }
    };
    let head = String::from_utf8(buffer[..header_end].to_vec())?;
    let (mut content_length, mut idempotency_key) = (0usize, None);
    let mut rewritten = String::new();
    for line in head.split("\r\n").filter(|l| !l.is_empty()) {
        let lower = line.to_ascii_lowercase();
        if let Some(value) = lower.strip_prefix("content-length:") {
            content_length = value.trim().parse()?;
        }
        if lower.starts_with("idempotency-key:") {
            idempotency_key = line.split_once(':').map(|(_, v)| v.trim().to_owned());
        }
        if lower.starts_with("connection:") {
            continue;
        }
        rewritten.push_str(line);
        rewritten.push_str("\r\n");
    }
    rewritten.push_str("connection: close\r\n\r\n");
    let mut body = buffer[header_end..].to_vec();
    while body.len() < content_length {
        let n = client.read(&mut chunk).await?;
        if n == 0 {
            return Err("client closed mid-body".into());
        }
        body.extend_from_slice(&chunk[..n]);
    }
    let mut bytes = rewritten.into_bytes();
    bytes.extend_from_slice(&body);
    Ok(HttpRequest { bytes, idempotency_key })
}
