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
    let mut out = Vec::new();
    // Writing into memory cannot fail, and serde_json writes UTF-8.
    let _ = write(outcome, cwd, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// The document's skeleton, its keys in the order serde_json's maps keep (sorted), so the
/// output is the same as a `Value` tree's; the results are made one at a time as they are
/// written.
#[derive(serde::Serialize)]
struct Document<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    runs: [Run<'a>; 1],
    version: &'static str,
}

#[derive(serde::Serialize)]
struct Run<'a> {
    #[serde(rename = "columnKind")]
    column_kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    invocations: Option<Value>,
    results: Results<'a>,
    tool: Value,
}

struct Results<'a> {
    outcome: &'a Outcome,
    cwd: &'a Path,
}

impl serde::Serialize for Results<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(
            self.outcome
                .findings
                .iter()
                .map(|f| result(self.outcome, f, self.cwd)),
        )
    }
}

/// A rule's tags: its category, then the peer tools' rules that check the same mistake
/// (`securityhub:ECS.5`), so a reviewer filters findings by the controls they know.
fn tags(rule: &crate::rule::Rule) -> Vec<&str> {
    std::iter::once(rule.category.as_str())
        .chain(rule.peers.iter().copied())
        .collect()
}

/// [`render`], written to `out` as it is serialized: one result at a time is held in memory.
pub fn write(outcome: &Outcome, cwd: &Path, out: &mut dyn std::io::Write) -> std::io::Result<()> {
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
                "properties": { "tags": tags(r) },
            });
            if !r.peers.is_empty() {
                rule["properties"]["peers"] = json!(r.peers);
            }
            if let Some(profile) = r.profile {
                rule["properties"]["profile"] = json!(profile.as_str());
            }
            if let Some(score) = &r.security_severity {
                // The category of these rules is `security` already, the tag GitHub looks for.
                rule["properties"]["security-severity"] = json!(score);
            }
            rule
        })
        .collect();
    let tool = json!({ "driver": {
        "name": "ecslint",
        "informationUri": env!("CARGO_PKG_REPOSITORY"),
        "version": env!("CARGO_PKG_VERSION"),
        "semanticVersion": env!("CARGO_PKG_VERSION"),
        "rules": rules,
    }});
    // Files not read are a tool notification: code scanning must not read "no results" as
    // "nothing wrong" over files ecslint did not read.
    let not_read = outcome.not_read();
    let invocations = (!not_read.is_empty()).then(|| {
        let n: usize = not_read.iter().map(|(_, n)| n).sum();
        json!([{
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
        }])
    });
    let doc = Document {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        runs: [Run {
            column_kind: "unicodeCodePoints",
            invocations,
            results: Results { outcome, cwd },
            tool,
        }],
        version: "2.1.0",
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    out.write_all(b"\n")
}

/// One finding as a SARIF result.
fn result(outcome: &Outcome, f: &crate::finding::Finding, cwd: &Path) -> Value {
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
    // The resource the finding is about (a template's logical id, a task family, a service):
    // code scanning shows it beside the location.
    if let Some(resource) = &f.resource {
        result["locations"][0]["logicalLocations"] =
            json!([{ "name": resource, "kind": "resource" }]);
    }
    result
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
