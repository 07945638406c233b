//! `--format json`: `{"version", "findings": [...], "summary"}` as documented in DESIGN.md.

use rayon::prelude::*;
use serde_json::{json, Value};

use super::{counts, linted_files, region};
use crate::engine::Outcome;

/// One finding as the JSON output contract describes it.
fn finding(outcome: &Outcome, f: &crate::finding::Finding) -> Value {
    let file = &outcome.files[f.file];
    let r = region(file, f.span);
    let labels: Vec<Value> = f
        .labels
        .iter()
        .map(|l| {
            let lf = &outcome.files[l.file];
            let lr = region(lf, l.span);
            json!({
                "file": lf.display,
                "line": lr.line,
                "column": lr.column,
                "end_line": lr.end_line,
                "end_column": lr.end_column,
                "message": l.message,
            })
        })
        .collect();
    json!({
        "rule": f.rule.code,
        "name": f.rule.name,
        "severity": f.severity.as_str(),
        "category": f.rule.category.as_str(),
        "message": f.message,
        "help": f.help,
        "file": file.display,
        "line": r.line,
        "column": r.column,
        "end_line": r.end_line,
        "end_column": r.end_column,
        "pointer": f.pointer,
        "resource": f.resource,
        "labels": labels,
    })
}

/// With `show_suppressed`, the findings suppressions hid are listed too, with their reasons.
pub fn render(outcome: &Outcome, show_suppressed: bool) -> String {
    let findings: Vec<Value> = outcome
        .findings
        .par_iter()
        .map(|f| finding(outcome, f))
        .collect();
    let c = counts(&outcome.findings);
    let mut doc = json!({
        "version": env!("CARGO_PKG_VERSION"),
        "findings": findings,
        "summary": {
            "files": outcome.files.len(),
            "linted": linted_files(outcome),
            "findings": outcome.findings.len(),
            "errors": c.errors,
            "warnings": c.warnings,
            "infos": c.infos,
            "suppressed": outcome.suppressed.len(),
            "baseline_hidden": outcome.baseline_hidden,
            "baseline_stale": outcome.baseline_stale,
            "not_shown": outcome.not_shown.iter().map(|(_, n)| n).sum::<usize>(),
        },
    });
    if show_suppressed {
        doc["suppressed"] = outcome
            .suppressed
            .iter()
            .map(|s| {
                let mut v = finding(outcome, &s.finding);
                v["suppressed_by"] = json!(s.by);
                v["reason"] = json!(s.reason);
                v
            })
            .collect();
    }
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
    out.push('\n');
    out
}
