//! One list of the IPC commands, from which both sides are made: the Tauri
//! command functions (thin adapters over `csba_app::Desk`), and the typed
//! TypeScript wrappers in `ui/src/bindings/commands.ts`, whose names,
//! argument names and types are read off the Rust signatures (a test fails
//! when the file is stale, and `tsc` fails when the UI calls a command with
//! the wrong shape).

/// One command as TypeScript sees it.
#[cfg(test)]
pub struct CommandSpec {
    pub name: &'static str,
    pub doc: &'static str,
    /// (Rust argument name, TypeScript type)
    pub args: Vec<(&'static str, String)>,
    pub returns: String,
}

/// `commands! { /// doc
///     fn name[app, desk](arg: Type, …) -> Ret { body } … }`
/// makes `#[tauri::command] pub async fn name(app, desk, arg…) ->
/// Result<Ret, AppError>`, plus `specs()` for the TypeScript side. `app`
/// and `desk` are the names the body uses for the `AppHandle` and the
/// `Desk`.
macro_rules! commands {
    ($(
        $(#[doc = $doc:literal])*
        fn $name:ident[$app:ident, $desk:ident]($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block
    )*) => {
        $(
            $(#[doc = $doc])*
            #[tauri::command]
            // The body is the caller's block, which may be a single call.
            #[allow(unused_braces)]
            pub async fn $name(
                $app: tauri::AppHandle,
                $desk: tauri::State<'_, std::sync::Arc<csba_app::Desk>>,
                $($arg: $ty),*
            ) -> Result<$ret, csba_app::AppError> {
                let _ = (&$app, &$desk);
                $body
            }
        )*

        #[cfg(test)]
        pub fn specs() -> Vec<crate::command_list::CommandSpec> {
            use ts_rs::TS;
            vec![$(crate::command_list::CommandSpec {
                name: stringify!($name),
                doc: concat!($($doc, "\n"),*),
                args: vec![$((stringify!($arg), <$ty as TS>::name())),*],
                returns: <$ret as TS>::name(),
            }),*]
        }

        /// Every command, for `tauri::Builder::invoke_handler`.
        macro_rules! handler {
            () => { tauri::generate_handler![$(crate::commands::$name),*] };
        }
        pub(crate) use handler;
    };
}
pub(crate) use commands;

/// `case_id` → `caseId`: Tauri takes command arguments in camelCase.
#[cfg(test)]
fn camel(name: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in name.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// JSON carries every integer as a number; ts-rs names 64-bit ones `bigint`.
#[cfg(test)]
fn ts_type(rust_ts: &str) -> String {
    match rust_ts {
        "null" => "void".to_owned(),
        other => other.replace("bigint", "number"),
    }
}

/// The TypeScript module for `specs`.
#[cfg(test)]
pub fn typescript(specs: &[CommandSpec]) -> String {
    let mut types = std::collections::BTreeSet::new();
    let mut body = String::new();
    for spec in specs {
        let args: Vec<(String, String)> = spec.args.iter().map(|(n, t)| (camel(n), ts_type(t))).collect();
        let returns = ts_type(&spec.returns);
        for t in args.iter().map(|(_, t)| t).chain([&returns]) {
            for word in t.split(|c: char| !c.is_ascii_alphanumeric()) {
                if word.starts_with(|c: char| c.is_ascii_uppercase()) && word != "Array" && word != "Record" {
                    types.insert(word.to_owned());
                }
            }
        }
        let doc = spec.doc.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ");
        if !doc.is_empty() {
            body.push_str(&format!("  /** {doc} */\n"));
        }
        let params = args.iter().map(|(n, t)| format!("{n}: {t}")).collect::<Vec<_>>().join(", ");
        let call_args = if args.is_empty() {
            String::new()
        } else {
            format!(", {{ {} }}", args.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>().join(", "))
        };
        body.push_str(&format!(
            "  {}: ({params}): Promise<{returns}> => call<{returns}>('{}'{call_args}),\n",
            camel(spec.name),
            spec.name
        ));
    }
    let mut out = String::from(
        "// Generated from src-tauri/src/commands.rs by `UPDATE_BINDINGS=1 cargo test -p csba-desk`; do not edit.\n",
    );
    for t in &types {
        out.push_str(&format!("import type {{ {t} }} from './{t}';\n"));
    }
    out.push_str(
        "\nexport type Call = <T>(cmd: string, args?: Record<string, unknown>) => Promise<T>;\n\n\
         /** Every backend command, typed from its Rust signature. */\n\
         export function commands(call: Call) {\n  return {\n",
    );
    for line in body.lines() {
        out.push_str("  ");
        out.push_str(line);
        out.push('\n');
    }
    out.push_str("  };\n}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn typescript_commands_are_up_to_date() -> Result<(), Box<dyn std::error::Error>> {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/bindings/commands.ts");
        let source = typescript(&crate::commands::specs());
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(&path, &source)?;
        }
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            current == source,
            "ui/src/bindings/commands.ts is stale: run `UPDATE_BINDINGS=1 cargo test -p csba-desk`"
        );
        Ok(())
    }

    #[test]
    fn argument_names_become_camel_case_and_integers_numbers() {
        assert_eq!(camel("account_id"), "accountId");
        assert_eq!(camel("id"), "id");
        assert_eq!(ts_type("bigint"), "number");
        assert_eq!(ts_type("Array<QueueItem>"), "Array<QueueItem>");
        assert_eq!(ts_type("null"), "void");
    }
}
