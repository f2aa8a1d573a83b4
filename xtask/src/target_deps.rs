//! The per-target dependency check: for every OS we release on, the graph
//! cargo resolves for the shipped binaries holds that OS's native keychain
//! store, and no core crate (`crates/`) pulls in a webview engine.
//!
//! keyring 3 picks its store by target *and* feature, and when the feature
//! for a target is missing it falls back to a mock that keeps nothing: the
//! app would build, start, accept an API token and lose it at exit. That
//! mistake cannot show on this Linux machine's own build, so the graph for
//! each target is read with `cargo tree --target`, which resolves any
//! target without its toolchain (only the crates' manifests are needed;
//! `cargo fetch` without `--target` gets them all).
//!
//! `tauri_free` checks that no core crate depends on Tauri (target-blind,
//! from `cargo metadata`); this adds the engines under it per target, since
//! each OS gets a different one.

use crate::{cmd, Result};
use std::collections::{BTreeSet, HashMap, HashSet, VecDeque};

/// The release targets (.github/workflows/release.yml) and the keychain
/// store each must carry.
const TARGETS: &[Target] = &[
    Target { triple: "x86_64-pc-windows-msvc", store: WINDOWS },
    Target { triple: "aarch64-apple-darwin", store: APPLE },
    Target { triple: "x86_64-apple-darwin", store: APPLE },
    Target { triple: "x86_64-unknown-linux-gnu", store: SECRET_SERVICE },
];

/// The binaries that keep API tokens: the desktop app and `csba`.
const SHIPPED: &[&str] = &["csba-desk", "csba-cli"];

/// Windows Credential Manager: keyring's `windows-native`, which calls the
/// `Cred*` functions of windows-sys's `Win32_Security_Credentials`.
const WINDOWS: Store = Store {
    name: "Windows Credential Manager",
    keyring_feature: "windows-native",
    backend: "windows-sys",
    backend_feature: Some("Win32_Security_Credentials"),
};

/// The macOS Keychain through Security.framework.
const APPLE: Store = Store {
    name: "macOS Keychain",
    keyring_feature: "apple-native",
    backend: "security-framework",
    backend_feature: None,
};

/// The freedesktop Secret Service over D-Bus (GNOME Keyring, KWallet), with
/// the session encrypted in Rust (no OpenSSL to ship).
const SECRET_SERVICE: Store = Store {
    name: "Secret Service",
    keyring_feature: "sync-secret-service",
    backend: "dbus-secret-service",
    backend_feature: Some("crypto-rust"),
};

/// Webview engines and their windowing: the desktop shell's business only.
const ENGINES: &[&str] = &["wry", "tao", "webkit2gtk", "javascriptcore-rs", "webview2-com", "objc2-web-kit", "gtk"];

struct Target {
    triple: &'static str,
    store: Store,
}

struct Store {
    name: &'static str,
    keyring_feature: &'static str,
    backend: &'static str,
    backend_feature: Option<&'static str>,
}

pub fn check() -> Result {
    let mut problems = Vec::new();
    for target in TARGETS {
        for package in SHIPPED {
            let tree = cmd::output(&mut cmd::cargo(&[
                "tree",
                "--locked",
                "--package",
                package,
                "--target",
                target.triple,
                "--edges",
                "normal",
                "--prefix",
                "depth",
                "--format",
                "{p}|{f}",
            ]))?;
            let graph = Graph::parse(&tree)?;
            let found = problems_in(&graph, &target.store);
            if found.is_empty() {
                eprintln!("xtask: {package} on {}: {}, no webview engine in crates/", target.triple, target.store.name);
            }
            problems.extend(found.into_iter().map(|p| format!("{package} on {}: {p}", target.triple)));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("per-target dependency check failed:\n  {}", problems.join("\n  ")))
    }
}

/// What is wrong with one target's graph; empty when it is right.
fn problems_in(graph: &Graph, store: &Store) -> Vec<String> {
    let mut problems = Vec::new();
    let keyrings: Vec<&Node> = graph.named("keyring").collect();
    if keyrings.is_empty() {
        problems.push("keyring is not in the graph at all".to_owned());
    }
    for keyring in keyrings {
        if !keyring.features.contains(store.keyring_feature) {
            problems.push(format!(
                "{} lacks feature `{}`: keyring would use its mock store, which keeps nothing (features: {})",
                keyring.id,
                store.keyring_feature,
                join(&keyring.features)
            ));
            continue;
        }
        let backend = graph
            .children(&keyring.id)
            .filter_map(|id| graph.nodes.get(id))
            .find(|n| n.name == store.backend)
            .filter(|n| store.backend_feature.is_none_or(|f| n.features.contains(f)));
        if backend.is_none() {
            let wanted = store.backend_feature.map_or(String::new(), |f| format!(" with feature `{f}`"));
            problems.push(format!("{} does not depend on {}{wanted} ({})", keyring.id, store.backend, store.name));
        }
    }
    for core in graph.nodes.values().filter(|n| n.core) {
        if let Some(path) = graph.path_to(&core.id, |n| ENGINES.contains(&n.name.as_str())) {
            problems.push(format!("a core crate reaches a webview engine: {}", path.join(" -> ")));
        }
    }
    problems
}

fn join(set: &BTreeSet<String>) -> String {
    if set.is_empty() {
        "none".to_owned()
    } else {
        set.iter().cloned().collect::<Vec<_>>().join(", ")
    }
}

struct Node {
    /// `name vX.Y.Z`, as cargo tree prints it.
    id: String,
    name: String,
    features: BTreeSet<String>,
    /// A workspace crate under `crates/`.
    core: bool,
}

/// The resolved graph, from `cargo tree --prefix depth --format '{p}|{f}'`.
/// A package's dependencies are listed under its first appearance; later
/// appearances end in `(*)` and list none, so the edges of the first one
/// are all there is.
struct Graph {
    nodes: HashMap<String, Node>,
    edges: HashMap<String, BTreeSet<String>>,
}

impl Graph {
    fn parse(text: &str) -> Result<Graph> {
        let mut graph = Graph { nodes: HashMap::new(), edges: HashMap::new() };
        // The package last seen at each depth: the parent of the next
        // line one level deeper.
        let mut stack: Vec<String> = Vec::new();
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let digits = line.chars().take_while(char::is_ascii_digit).count();
            let depth: usize = line[..digits].parse().map_err(|_| format!("cargo tree: no depth in `{line}`"))?;
            let (package, features) =
                line[digits..].split_once('|').ok_or_else(|| format!("cargo tree: no `|` in `{line}`"))?;
            let features = features.trim_end().trim_end_matches("(*)").trim_end();
            let mut words = package.split_whitespace();
            let (Some(name), Some(version)) = (words.next(), words.next()) else {
                return Err(format!("cargo tree: cannot read the package in `{line}`"));
            };
            let id = format!("{name} {version}");
            let core = package.contains("/crates/") || package.contains("\\crates\\");
            graph.nodes.entry(id.clone()).or_insert_with(|| Node {
                id: id.clone(),
                name: name.to_owned(),
                features: features.split(',').filter(|f| !f.is_empty()).map(str::to_owned).collect(),
                core,
            });
            stack.truncate(depth);
            if let Some(parent) = stack.last() {
                graph.edges.entry(parent.clone()).or_default().insert(id.clone());
            }
            if stack.len() != depth {
                return Err(format!("cargo tree: depth jumps at `{line}`"));
            }
            stack.push(id);
        }
        if graph.nodes.is_empty() {
            return Err("cargo tree printed no packages".into());
        }
        Ok(graph)
    }

    fn named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Node> + 'a {
        self.nodes.values().filter(move |n| n.name == name)
    }

    fn children<'a>(&'a self, id: &str) -> impl Iterator<Item = &'a String> + 'a {
        self.edges.get(id).into_iter().flatten()
    }

    /// The shortest `from -> … -> match` path, if any package below `from`
    /// matches.
    fn path_to(&self, from: &str, matches: impl Fn(&Node) -> bool) -> Option<Vec<String>> {
        let mut parent: HashMap<&str, &str> = HashMap::new();
        let mut seen: HashSet<&str> = HashSet::from([from]);
        let mut queue = VecDeque::from([from]);
        while let Some(id) = queue.pop_front() {
            if id != from && self.nodes.get(id).is_some_and(&matches) {
                let mut path = vec![id.to_owned()];
                let mut at = id;
                while let Some(p) = parent.get(at) {
                    path.push((*p).to_owned());
                    at = p;
                }
                path.reverse();
                return Some(path);
            }
            for child in self.children(id) {
                if seen.insert(child) {
                    parent.insert(child, id);
                    queue.push_back(child);
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shape of the real output for Windows, cut down.
    const WINDOWS_GRAPH: &str = "\
0csba-desk v0.1.0 (/ws/src-tauri)|
1csba-store v0.1.0 (/ws/crates/store)|
2keyring v3.6.3|windows-native
3windows-sys v0.60.2|Win32,Win32_Foundation,Win32_Security,Win32_Security_Credentials,default
2rusqlite v0.32.1|bundled
1tauri v2.9.0|custom-protocol
2wry v0.53.0|
3windows-sys v0.60.2|Win32,Win32_Foundation,Win32_Security,Win32_Security_Credentials,default (*)
1csba-app v0.1.0 (/ws/crates/app)|
2csba-store v0.1.0 (/ws/crates/store)| (*)
";

    fn problems(text: &str, store: &Store) -> Result<Vec<String>> {
        Ok(problems_in(&Graph::parse(text)?, store))
    }

    #[test]
    fn a_graph_with_the_native_store_and_the_engine_only_in_the_shell_passes() -> Result {
        assert_eq!(problems(WINDOWS_GRAPH, &WINDOWS)?, Vec::<String>::new());
        Ok(())
    }

    /// The canary: the graph keyring gets without its per-target feature,
    /// which is what the workspace had before (a mock store on Windows).
    #[test]
    fn keyring_without_the_native_feature_fails() -> Result {
        let mock = WINDOWS_GRAPH.replace("keyring v3.6.3|windows-native", "keyring v3.6.3|").replace(
            "3windows-sys v0.60.2|Win32,Win32_Foundation,Win32_Security,Win32_Security_Credentials,default\n",
            "",
        );
        let found = problems(&mock, &WINDOWS)?;
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("lacks feature `windows-native`") && found[0].contains("mock"), "{found:?}");
        Ok(())
    }

    #[test]
    fn the_feature_without_its_backend_crate_fails() -> Result {
        let without_credentials = WINDOWS_GRAPH.replace(",Win32_Security_Credentials", "");
        let found = problems(&without_credentials, &WINDOWS)?;
        assert!(found.iter().any(|p| p.contains("windows-sys with feature `Win32_Security_Credentials`")), "{found:?}");
        // The Windows graph is not a macOS one.
        let found = problems(WINDOWS_GRAPH, &APPLE)?;
        assert!(found.iter().any(|p| p.contains("lacks feature `apple-native`")), "{found:?}");
        Ok(())
    }

    #[test]
    fn a_graph_without_keyring_fails() -> Result {
        let found = problems("0csba-desk v0.1.0 (/ws/src-tauri)|\n1serde v1.0.0|std\n", &SECRET_SERVICE)?;
        assert_eq!(found, vec!["keyring is not in the graph at all".to_owned()]);
        Ok(())
    }

    #[test]
    fn a_core_crate_reaching_a_webview_engine_fails_with_the_path() -> Result {
        let leaky = format!(
            "{WINDOWS_GRAPH}1csba-alerts v0.1.0 (/ws/crates/alerts)|\n2notify v1.0.0|\n3webview2-com v0.38.0|\n"
        );
        let found = problems(&leaky, &WINDOWS)?;
        assert_eq!(
            found,
            vec!["a core crate reaches a webview engine: csba-alerts v0.1.0 -> notify v1.0.0 -> webview2-com v0.38.0"]
        );
        Ok(())
    }

    #[test]
    fn unreadable_output_is_an_error_not_a_pass() {
        assert!(Graph::parse("").is_err());
        assert!(Graph::parse("csba-desk v0.1.0|").is_err());
        assert!(Graph::parse("0csba-desk v0.1.0|\n2skipped v1.0.0|\n").is_err());
    }
}
