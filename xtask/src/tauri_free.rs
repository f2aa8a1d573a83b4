//! The architecture check: no crate under `crates/` may depend on Tauri,
//! directly or through another crate, so the core stays usable from the
//! CLI and the server.

use crate::{cmd, root, Result};
use serde_json::Value;
use std::collections::{HashMap, HashSet};

pub fn check() -> Result {
    let metadata = cmd::output(&mut cmd::cargo(&["metadata", "--format-version", "1", "--locked"]))?;
    let metadata: Value = serde_json::from_str(&metadata).map_err(|e| format!("cargo metadata: {e}"))?;
    let crates_dir = root().join("crates");
    let offenders = offenders(&metadata, &crates_dir.to_string_lossy())?;
    if offenders.is_empty() {
        eprintln!("xtask: no crate under crates/ depends on tauri");
        Ok(())
    } else {
        Err(format!("core crates must not depend on tauri:\n  {}", offenders.join("\n  ")))
    }
}

/// `crate -> ... -> tauri*` paths for every workspace crate under `prefix`.
fn offenders(metadata: &Value, prefix: &str) -> Result<Vec<String>> {
    let packages = metadata["packages"].as_array().ok_or("cargo metadata: no packages")?;
    let names: HashMap<&str, &str> =
        packages.iter().filter_map(|p| Some((p["id"].as_str()?, p["name"].as_str()?))).collect();
    let core: Vec<&str> = packages
        .iter()
        .filter(|p| p["manifest_path"].as_str().is_some_and(|m| m.starts_with(prefix)))
        .filter_map(|p| p["id"].as_str())
        .collect();
    let graph: HashMap<&str, Vec<&str>> = metadata["resolve"]["nodes"]
        .as_array()
        .ok_or("cargo metadata: no resolve graph")?
        .iter()
        .filter_map(|n| {
            let deps = n["deps"].as_array()?.iter().filter_map(|d| d["pkg"].as_str()).collect();
            Some((n["id"].as_str()?, deps))
        })
        .collect();

    let mut found = Vec::new();
    for start in core {
        // Breadth-first, remembering how we got to each package.
        let mut parent: HashMap<&str, &str> = HashMap::new();
        let mut seen: HashSet<&str> = HashSet::from([start]);
        let mut queue = std::collections::VecDeque::from([start]);
        while let Some(id) = queue.pop_front() {
            let name = names.get(id).copied().unwrap_or(id);
            if name == "tauri" || name.starts_with("tauri-") {
                let mut path = vec![name];
                let mut at = id;
                while let Some(p) = parent.get(at) {
                    path.push(names.get(p).copied().unwrap_or(p));
                    at = p;
                }
                path.reverse();
                found.push(path.join(" -> "));
                break;
            }
            for dep in graph.get(id).into_iter().flatten() {
                if seen.insert(dep) {
                    parent.insert(dep, id);
                    queue.push_back(dep);
                }
            }
        }
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn metadata(deps: &[(&str, &[&str])], core: &[&str]) -> Value {
        let packages: Vec<Value> = deps
            .iter()
            .map(|(name, _)| {
                let dir = if core.contains(name) { "/ws/crates" } else { "/elsewhere" };
                serde_json::json!({"id": name, "name": name, "manifest_path": format!("{dir}/{name}/Cargo.toml")})
            })
            .collect();
        let nodes: Vec<Value> = deps
            .iter()
            .map(|(name, d)| {
                serde_json::json!({"id": name, "deps": d.iter().map(|p| serde_json::json!({"pkg": p})).collect::<Vec<_>>()})
            })
            .collect();
        serde_json::json!({"packages": packages, "resolve": {"nodes": nodes}})
    }

    #[test]
    fn finds_an_indirect_dependency_on_tauri() -> Result {
        let m = metadata(&[("store", &["helper"]), ("helper", &["tauri-utils"]), ("tauri-utils", &[])], &["store"]);
        assert_eq!(offenders(&m, "/ws/crates")?, vec!["store -> helper -> tauri-utils".to_owned()]);
        Ok(())
    }

    #[test]
    fn passes_a_clean_core_and_ignores_the_desktop_crate() -> Result {
        let m = metadata(&[("domain", &["serde"]), ("serde", &[]), ("desk", &["tauri"]), ("tauri", &[])], &["domain"]);
        assert!(offenders(&m, "/ws/crates")?.is_empty());
        Ok(())
    }
}
