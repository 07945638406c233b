//! `--format sarif`: SARIF 2.1.0 with rule metadata, regions from real spans, related
//! locations for secondary labels, and partial fingerprints that survive unrelated edits
//! (rule + file + resource + JSON pointer, never the line number).

use std::path::Path;

use serde_json::{json, Value};

use super::region;
use crate::engine::Outcome;
use crate::rule::Severity;

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// `cwd` is the directory relative paths are relative to (the `%SRCROOT%` of the results).
pub fn render(outcome: &Outcome, cwd: &Path) -> String {
    let rules: Vec<Value> = outcome
        .registry
        .iter()
        .map(|r| {
            let mut rule = json!({
                "id": r.code,
                "name": r.name,
                "shortDescription": { "text": r.summary() },
                "fullDescription": { "text": r.section("What it does").unwrap_or_default() },
                "help": { "text": r.summary(), "markdown": r.docs },
                "helpUri": r.docs_url(),
                "defaultConfiguration": { "level": level(r.severity) },
                "properties": { "tags": [r.category.as_str()] },
            });
            if let Some(score) = &r.security_severity {
                // The category of these rules is `security` already, the tag GitHub looks for.
                rule["properties"]["security-severity"] = json!(score);
            }
            rule
        })
        .collect();
    let results: Vec<Value> = outcome
        .findings
        .iter()
        .map(|f| {
            let file = &outcome.files[f.file];
            let related: Vec<Value> = f
                .labels
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    let mut loc = location(
                        &outcome.files[l.file].display,
                        region(&outcome.files[l.file], l.span),
                        cwd,
                    );
                    loc["id"] = json!(i + 1);
                    loc["message"] = json!({ "text": l.message });
                    loc
                })
                .collect();
            let mut message = f.message.clone();
            if let Some(help) = &f.help {
                message.push_str(&format!(" (help: {help})"));
            }
            let mut result = json!({
                "ruleId": f.rule.code,
                "ruleIndex": f.rule.index(),
                "level": level(f.severity),
                "message": { "text": message },
                "locations": [location(&file.display, region(file, f.span), cwd)],
                "partialFingerprints": {
                    "ecslint/v1": f.fingerprint(&file.display),
                },
            });
            if !related.is_empty() {
                result["relatedLocations"] = json!(related);
            }
            result
        })
        .collect();
    let mut doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "ecslint",
                "informationUri": env!("CARGO_PKG_REPOSITORY"),
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    // Files not read are a tool notification: code scanning must not read "no results" as
    // "nothing wrong" over files ecslint did not read.
    let not_read = outcome.not_read();
    if !not_read.is_empty() {
        let n: usize = not_read.iter().map(|(_, n)| n).sum();
        doc["runs"][0]["invocations"] = json!([{
            "executionSuccessful": true,
            "toolExecutionNotifications": [{
                "descriptor": { "id": "not-read" },
                "level": "warning",
                "message": { "text": format!(
                    "{n} file{} not read: {}",
                    if n == 1 { " was" } else { "s were" },
                    crate::classify::describe_not_read(&not_read)
                ) },
            }],
        }]);
    }
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
    out.push('\n');
    out
}

fn location(path: &str, r: super::Region, cwd: &Path) -> Value {
    json!({
        "physicalLocation": {
            "artifactLocation": artifact(path, cwd),
            "region": {
                "startLine": r.line,
                "startColumn": r.column,
                "endLine": r.end_line,
                "endColumn": r.end_column,
            },
        },
    })
}

/// A path relative to `%SRCROOT%` (the current directory); a file outside it gets an absolute
/// `file://` URI and no base.
fn artifact(path: &str, cwd: &Path) -> Value {
    let p = Path::new(path);
    if p.is_absolute() {
        match p.strip_prefix(cwd) {
            Ok(rel) => json!({ "uri": uri(&rel.to_string_lossy()), "uriBaseId": "%SRCROOT%" }),
            Err(_) => json!({ "uri": format!("file://{}", uri(path)) }),
        }
    } else if p.starts_with("..") {
        json!({ "uri": format!("file://{}", uri(&normalize(&cwd.join(p)).to_string_lossy())) })
    } else {
        json!({ "uri": uri(path), "uriBaseId": "%SRCROOT%" })
    }
}

/// `a/b/../c` → `a/c`, lexically (SARIF consumers reject `..` segments in file URIs).
fn normalize(path: &Path) -> std::path::PathBuf {
    let mut out = std::path::PathBuf::new();
    for c in path.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// A relative path as a URI reference: `/` separators, reserved and non-ASCII bytes escaped.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.replace('\\', "/").bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_escaped() {
        assert_eq!(uri("a b/c\u{e9}.json"), "a%20b/c%C3%A9.json");
    }
}
