//! `csba tracking check|import|upload`: tracking IDs and bulk
//! shipping-confirmation files, checked by the same rules the app applies
//! before anything is sent (`upload` also queues them: see `upload.rs`).
use crate::{Out, Outcome};
use clap::Subcommand;
use csba_domain::import::{self, Orders, Problem, ProblemCode};
use csba_domain::tracking::{self, Carrier, Rejection};
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum TrackingCommand {
    /// Check tracking IDs: normalization, carrier, check digit.
    Check {
        /// The carrier the seller chose (e.g. japan-post, yamato, ups); checked against the number.
        #[arg(long)]
        carrier: Option<String>,
        #[arg(long)]
        json: bool,
        #[arg(required = true)]
        ids: Vec<String>,
    },
    /// Validate a bulk shipping-confirmation file (flat file, CSV or .xlsx).
    Import {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Validate a bulk shipping-confirmation file against an account's orders, then
    /// queue it for the service (sent by `csba sync` or the running app).
    Upload(crate::upload::UploadArgs),
}

pub fn run(command: TrackingCommand, out: &Out) -> Outcome {
    match command {
        TrackingCommand::Check { carrier, json, ids } => check(carrier.as_deref(), json, &ids, out),
        TrackingCommand::Import { file, json } => import(&file, json, out),
        TrackingCommand::Upload(args) => crate::upload::run(args, out),
    }
}

/// One element of `csba tracking check --json`.
#[derive(Serialize)]
struct CheckJson<'a> {
    input: &'a str,
    valid: bool,
    normalized: &'a str,
    /// The declared carrier when it matches; otherwise the first candidate
    /// (in the order of `Carrier::ALL`); null when no format fits.
    carrier: Option<&'static str>,
    reason: Option<&'static str>,
}

fn check(carrier: Option<&str>, json: bool, ids: &[String], out: &Out) -> Outcome {
    let declared = match carrier {
        None => None,
        Some(code) => match Carrier::from_code(&code.trim().to_ascii_lowercase()) {
            Some(c) => Some(c),
            None => {
                // A usage error, like clap's own: message on stderr, exit 2.
                let known = Carrier::ALL.iter().map(|c| c.code()).collect::<Vec<_>>().join(", ");
                eprintln!(
                    "csba: {}",
                    out.t("tracking-unknown-carrier", &[("carrier", code.into()), ("known", known.into())])
                );
                return Ok(ExitCode::from(2));
            }
        },
    };
    let checks: Vec<_> = ids.iter().map(|id| (id.as_str(), tracking::check(id, declared))).collect();
    let mut stdout = std::io::stdout().lock();
    if json {
        let items: Vec<CheckJson<'_>> = checks
            .iter()
            .map(|(input, c)| CheckJson {
                input,
                valid: c.is_valid(),
                normalized: &c.normalized,
                carrier: c.carrier.map(Carrier::code),
                reason: c.result.err().map(Rejection::code),
            })
            .collect();
        serde_json::to_writer_pretty(&mut stdout, &items).map_err(|e| e.to_string())?;
        return line(&mut stdout, "").map(|()| ExitCode::SUCCESS);
    }
    for (input, c) in &checks {
        let text = match (c.result, c.carrier) {
            (Ok(()), Some(carrier)) if declared.is_none() && c.is_ambiguous() => {
                let candidates = c.candidates.iter().map(Carrier::code).collect::<Vec<_>>().join(", ");
                out.t(
                    "tracking-check-ambiguous",
                    &[
                        ("input", (*input).into()),
                        ("normalized", c.normalized.to_string().into()),
                        ("carrier", carrier.code().into()),
                        ("candidates", candidates.into()),
                    ],
                )
            }
            (Ok(()), carrier) => out.t(
                "tracking-check-valid",
                &[
                    ("input", (*input).into()),
                    ("normalized", c.normalized.to_string().into()),
                    ("carrier", carrier.map(Carrier::code).unwrap_or("-").into()),
                ],
            ),
            (Err(r), _) => out.t(
                "tracking-check-invalid",
                &[
                    ("input", (*input).into()),
                    ("reason", out.t(&format!("tracking-rejection-{}", r.code()), &[]).into()),
                ],
            ),
        };
        line(&mut stdout, &text)?;
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Serialize)]
struct ImportJson<'a> {
    rows: usize,
    valid: usize,
    problems: Vec<ProblemJson<'a>>,
}

#[derive(Serialize)]
struct ProblemJson<'a> {
    line: usize,
    column: &'a str,
    code: &'static str,
}

fn import(path: &std::path::Path, json: bool, out: &Out) -> Outcome {
    let shown = path.display().to_string();
    let metadata =
        std::fs::metadata(path).map_err(|_| out.t("import-unreadable", &[("path", shown.clone().into())]))?;
    if metadata.len() > import::MAX_FILE_BYTES as u64 {
        // Refuse before reading 50 MB+ into memory.
        let rejected = import::Rejected {
            rows: 0,
            valid: 0,
            problems: vec![Problem { line: 0, column: String::new(), code: ProblemCode::FileTooLarge }],
        };
        return report(Err(rejected), json, out);
    }
    let bytes = std::fs::read(path).map_err(|_| out.t("import-unreadable", &[("path", shown.clone().into())]))?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    // No replica lookup in the CLI yet: the checks that need the seller's
    // orders (unknown, cancelled, already shipped) are skipped.
    let result = import::decode(&bytes, name).and_then(|source| {
        source.validate(Orders::Unknown).map(|batch| Summary {
            rows: batch.shipments.len(),
            kind: batch.kind.code(),
            encoding: batch.encoding.map_or("xlsx", |e| e.code()),
        })
    });
    report(result, json, out)
}

struct Summary {
    rows: usize,
    kind: &'static str,
    encoding: &'static str,
}

fn report(result: Result<Summary, import::Rejected>, json: bool, out: &Out) -> Outcome {
    let mut stdout = std::io::stdout().lock();
    let (rows, valid, problems, code) = match &result {
        Ok(s) => (s.rows, s.rows, &[][..], ExitCode::SUCCESS),
        Err(r) => (r.rows, r.valid, r.problems.as_slice(), ExitCode::FAILURE),
    };
    if json {
        let body = ImportJson {
            rows,
            valid,
            problems: problems
                .iter()
                .map(|p| ProblemJson { line: p.line, column: &p.column, code: p.code.code() })
                .collect(),
        };
        serde_json::to_writer_pretty(&mut stdout, &body).map_err(|e| e.to_string())?;
        line(&mut stdout, "")?;
        return Ok(code);
    }
    match &result {
        Ok(s) => line(
            &mut stdout,
            &out.t("import-ok", &[("rows", s.rows.into()), ("format", s.kind.into()), ("encoding", s.encoding.into())]),
        )?,
        Err(r) => {
            line(
                &mut stdout,
                &out.t(
                    "import-rejected",
                    &[("problems", r.problems.len().into()), ("rows", r.rows.into()), ("valid", r.valid.into())],
                ),
            )?;
            for p in &r.problems {
                let reason = problem_text(p.code, out);
                let text = if p.line == 0 {
                    out.t("import-problem-file", &[("reason", reason.into())])
                } else if p.column.is_empty() {
                    out.t("import-problem-row", &[("line", p.line.into()), ("reason", reason.into())])
                } else {
                    out.t(
                        "import-problem-cell",
                        &[("line", p.line.into()), ("column", p.column.as_str().into()), ("reason", reason.into())],
                    )
                };
                line(&mut stdout, &text)?;
            }
        }
    }
    Ok(code)
}

pub(crate) fn problem_text(code: ProblemCode, out: &Out) -> String {
    match code {
        ProblemCode::InvalidTrackingId(r) => out.t(
            "import-problem-invalid_tracking_id",
            &[("reason", out.t(&format!("tracking-rejection-{}", r.code()), &[]).into())],
        ),
        other => out.t(&format!("import-problem-{}", other.code()), &[]),
    }
}

fn line(w: &mut impl Write, text: &str) -> Result<(), String> {
    w.write_all(format!("{text}\n").as_bytes()).map_err(|e| e.to_string())
}
