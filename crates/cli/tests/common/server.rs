//! The reference service in this test process, on a loopback port of its
//! own (so each test has its own keychain entry, `seller@http://127.0.0.1:PORT`),
//! while `csba` runs as a child process.

use super::Result;
use chrono::Utc;
use csba_api::ApiClient;
use csba_server::{ManualClock, Sandbox};
use std::path::Path;
use std::sync::Arc;

pub struct Server {
    /// Declared before the runtime: the sandbox is dropped first.
    sandbox: Option<Sandbox>,
    pub runtime: tokio::runtime::Runtime,
}

impl Server {
    /// The demo seller's service, its database under `dir`. Its clock
    /// stands still at the start time: CSBA's sweep resolves nothing while
    /// a test runs.
    pub fn start(dir: &Path) -> Result<Server> {
        let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build()?;
        let clock = Arc::new(ManualClock::new(Utc::now()));
        let sandbox = runtime.block_on(Sandbox::start(&dir.join("server.sqlite"), clock))?;
        Ok(Server { sandbox: Some(sandbox), runtime })
    }

    fn sandbox(&self) -> Result<&Sandbox> {
        self.sandbox.as_ref().ok_or_else(|| "the server was stopped".into())
    }

    pub fn url(&self) -> Result<String> {
        Ok(self.sandbox()?.base_url())
    }

    pub fn token(&self) -> Result<String> {
        Ok(self.sandbox()?.token().to_owned())
    }

    pub fn seller_id(&self) -> Result<String> {
        Ok(self.sandbox()?.seller_id().to_owned())
    }

    /// The keychain entry `csba account add` makes for this seller at `url`.
    pub fn keychain_user(&self, url: &str) -> Result<String> {
        Ok(csba_store::keychain_user(self.sandbox()?.seller_id(), url))
    }

    /// A client straight to the service (no proxy), with the seller's token.
    pub fn client(&self) -> Result<ApiClient> {
        Ok(ApiClient::new(self.url()?, self.token()?)?)
    }

    pub fn block_on<F: std::future::Future>(&self, future: F) -> F::Output {
        self.runtime.block_on(future)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(sandbox) = self.sandbox.take() {
            let _ = self.runtime.block_on(sandbox.shutdown());
        }
    }
}

/// A loopback port that refuses every connection for as long as this
/// lives: bound (so no other test's server can take it) but not listening.
pub struct DeadPort(tokio::net::TcpSocket);

impl DeadPort {
    pub fn new() -> Result<DeadPort> {
        let socket = tokio::net::TcpSocket::new_v4()?;
        socket.bind("127.0.0.1:0".parse()?)?;
        Ok(DeadPort(socket))
    }

    pub fn url(&self) -> Result<String> {
        Ok(format!("http://127.0.0.1:{}", self.0.local_addr()?.port()))
    }
}
