//! `--format json`: `{"findings": [...], "summary", "version"}` as documented in DESIGN.md.
//! Serialized from borrowed structs (keys in alphabetical order), never through a
//! `serde_json::Value` tree, so a large report costs its text and little more.

use rayon::prelude::*;
use serde::Serialize;

use super::{counts, linted_files, region};
use crate::engine::Outcome;
use crate::finding::Finding;

#[derive(Serialize)]
struct Report<'a> {
    findings: Vec<JsonFinding<'a>>,
    summary: Summary,
    #[serde(skip_serializing_if = "Option::is_none")]
    statistics: Option<Vec<Statistic<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    suppressed: Option<Vec<JsonFinding<'a>>>,
    version: &'static str,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    category: &'static str,
    column: u32,
    end_column: u32,
    end_line: u32,
    file: &'a str,
    help: Option<&'a str>,
    labels: Vec<JsonLabel<'a>>,
    line: u32,
    message: &'a str,
    name: &'a str,
    pointer: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'a str>,
    resource: Option<&'a str>,
    rule: &'a str,
    severity: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    suppressed_by: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonLabel<'a> {
    column: u32,
    end_column: u32,
    end_line: u32,
    file: &'a str,
    line: u32,
    message: &'a str,
}

#[derive(Serialize)]
struct Summary {
    baseline_hidden: usize,
    baseline_stale: usize,
    errors: usize,
    files: usize,
    findings: usize,
    infos: usize,
    linted: usize,
    /// With `--changed-since`: findings in files not changed, not shown.
    not_changed: usize,
    /// Files not read, by kind and reason (`--verbose` lists them).
    not_read: Vec<NotRead>,
    not_shown: usize,
    suppressed: usize,
    warnings: usize,
}

#[derive(Serialize)]
struct Statistic<'a> {
    count: usize,
    name: &'a str,
    rule: &'a str,
    severity: &'static str,
}

#[derive(Serialize)]
struct NotRead {
    count: usize,
    format: &'static str,
    reason: &'static str,
}

/// One finding as the JSON output contract describes it.
fn finding<'a>(outcome: &'a Outcome, f: &'a Finding) -> JsonFinding<'a> {
    let file = &outcome.files[f.file];
    let r = region(file, f.span);
    JsonFinding {
        category: f.rule.category.as_str(),
        column: r.column,
        end_column: r.end_column,
        end_line: r.end_line,
        file: &file.display,
        help: f.help.as_deref(),
        labels: f
            .labels
            .iter()
            .map(|l| {
                let lf = &outcome.files[l.file];
                let lr = region(lf, l.span);
                JsonLabel {
                    column: lr.column,
                    end_column: lr.end_column,
                    end_line: lr.end_line,
                    file: &lf.display,
                    line: lr.line,
                    message: &l.message,
                }
            })
            .collect(),
        line: r.line,
        message: &f.message,
        name: &f.rule.name,
        pointer: &f.pointer,
        reason: None,
        resource: f.resource.as_deref(),
        rule: &f.rule.code,
        severity: f.severity.as_str(),
        suppressed_by: None,
    }
}

/// With `show_suppressed`, the findings suppressions hid are listed too, with their reasons.
pub fn render(outcome: &Outcome, show_suppressed: bool) -> String {
    render_with(outcome, show_suppressed, false)
}

/// [`render`], with `statistics`: a count per rule (`--statistics`), most frequent first.
pub fn render_with(outcome: &Outcome, show_suppressed: bool, statistics: bool) -> String {
    let mut out = Vec::new();
    // Writing into memory cannot fail, and serde_json writes UTF-8.
    let _ = write_with(outcome, show_suppressed, statistics, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// [`render_with`], written to `out` as it is serialized: a large report is never held whole
/// in memory.
pub fn write_with(
    outcome: &Outcome,
    show_suppressed: bool,
    statistics: bool,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let c = counts(&outcome.findings);
    let report = Report {
        findings: outcome
            .findings
            .par_iter()
            .map(|f| finding(outcome, f))
            .collect(),
        summary: Summary {
            baseline_hidden: outcome.baseline_hidden,
            baseline_stale: outcome.baseline_stale,
            errors: c.errors,
            files: outcome.statuses.len(),
            findings: outcome.findings.len(),
            infos: c.infos,
            linted: linted_files(outcome),
            not_read: outcome
                .not_read()
                .into_iter()
                .map(|(kind, count)| NotRead {
                    count,
                    format: kind.id(),
                    reason: kind.why(),
                })
                .collect(),
            not_shown: outcome.not_shown.iter().map(|(_, n)| n).sum(),
            not_changed: outcome.not_changed,
            suppressed: outcome.suppressed.len(),
            warnings: c.warnings,
        },
        statistics: statistics.then(|| {
            super::statistics(&outcome.findings)
                .into_iter()
                .map(|(rule, severity, count)| Statistic {
                    count,
                    name: &rule.name,
                    rule: &rule.code,
                    severity: severity.as_str(),
                })
                .collect()
        }),
        suppressed: show_suppressed.then(|| {
            outcome
                .suppressed
                .iter()
                .map(|s| JsonFinding {
                    reason: Some(&s.reason),
                    suppressed_by: Some(&s.by),
                    ..finding(outcome, &s.finding)
                })
                .collect()
        }),
        version: env!("CARGO_PKG_VERSION"),
    };
    serde_json::to_writer_pretty(&mut *out, &report)?;
    out.write_all(b"\n")
}
